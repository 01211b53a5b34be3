"""Place mentions from the gazetteer: divisions, macro-regions, intra-provincial regions and blocs."""

from __future__ import annotations

import itertools
from typing import Any

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from ..data import load_lines
from ..gazetteer import Gazetteer, load_gazetteer
from .spans import Candidate, doc_text, token_bounds, write_spans

SPANS_KEY = "govextract_places"

# A form that names part of whatever is written before it (东部 after 浙江省 is eastern Zhejiang,
# not the national 东部地区) is not taken after a place or a unit's name: 我省东部, 市区西部.
UNIT_CHARS = frozenset("省市县区州盟旗")


class PlaceFinder:
    """Longest gazetteer names in the text. A short form (深圳) or a two-character name
    must also be a whole jieba word, so 阿里 in 阿里巴巴 or 大连 in 大连接 is not a place;
    a word the dictionary joins to a place (台湾同胞, ``place_attached.txt``) does not hide it."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.attached = tuple(load_lines("place_attached.txt"))
        self.automaton = ahocorasick.Automaton()
        for alias in gazetteer.aliases:
            self.automaton.add_word(alias, alias)
        self.automaton.make_automaton()

    def _whole_word(self, text: str, start: int, end: int, starts: set[int], ends: set[int]) -> bool:
        if start not in starts:
            return False
        return end in ends or any(text.startswith(w, end) and end + len(w) in ends for w in self.attached)

    def find(self, text: str, starts: set[int], ends: set[int]) -> list[Candidate]:
        matches: list[tuple[int, int, str]] = []
        for last, alias in self.automaton.iter_long(text):
            start, end = last - len(alias) + 1, last + 1
            if alias[-1] in UNIT_CHARS and text.startswith("级", end) and end not in ends:
                # 全州县级 is 全州 + 县级 (the whole prefecture's county-level …), 杭州市级 is 杭州 + 市级
                alias, end = alias[:-1], end - 1
                if alias not in self.gazetteer.aliases:
                    continue
            matches.append((start, end, alias))
        # names written together that the segmenter keeps as one word (上海浦东, 山西晋中):
        # a run of adjacent names that starts and ends on word boundaries counts as whole words
        run_start = {m[0]: m[0] for m in matches}
        for (s0, e0, _), (s1, _, _) in itertools.pairwise(matches):
            if e0 == s1:
                run_start[s1] = run_start[s0]
        run_end = {m[1]: m[1] for m in matches}
        for i in range(len(matches) - 2, -1, -1):
            if matches[i][1] == matches[i + 1][0]:
                run_end[matches[i][1]] = run_end[matches[i + 1][1]]
        out: list[Candidate] = []
        for start, end, alias in matches:
            loose = alias not in self.gazetteer.full_names or len(alias) <= 2
            if loose and not self._whole_word(text, run_start[start], run_end[end], starts, ends):
                continue
            if alias in self.gazetteer.scoped and start > 0 and (
                    text[start - 1] in UNIT_CHARS or (out and out[-1].end == start)):
                continue
            attrs: dict[str, Any] = {"keys": list(self.gazetteer.aliases[alias]),
                                     "minor": sorted(self.gazetteer.minor.get(alias, ()))}
            out.append(Candidate(start, end, "place", attrs))
        return out


class PlacesComponent:
    def __init__(self) -> None:
        self.finder = PlaceFinder(load_gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        starts, ends = token_bounds(doc)
        write_spans(doc, SPANS_KEY, self.finder.find(doc_text(doc), starts, ends))
        return doc


@Language.factory("govextract_places")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
