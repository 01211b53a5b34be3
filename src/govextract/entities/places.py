"""Place mentions from the gazetteer: divisions, macro-regions, intra-provincial regions and blocs."""

from __future__ import annotations

from typing import Any

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from ..data import load_lines
from ..data.gazetteer import Gazetteer, load_gazetteer
from .spans import Candidate, doc_text, token_bounds, write_spans

SPANS_KEY = "govextract_places"

# A form that names part of whatever is written before it (东部 after 浙江省 is eastern Zhejiang,
# not the national 东部地区) is not taken after a place or a unit's name: 我省东部, 市区西部.
UNIT_CHARS = frozenset("省市县区州盟旗")


def crosses_word(start: int, end: int, starts: set[int], ends: set[int]) -> bool:
    """Whether one of the segmenter's words runs across an edge of ``text[start:end]``: 顺应|城市
    across 应城市, 南昌|都市圈 across 昌都市, 西安|区域 across 西安区. A word holding the whole
    name (上海浦东) or lying inside it (湖北省|应城市) does not cross it."""
    if start in starts and end in ends:
        return False
    return any(p in starts for p in range(start + 1, end))


class PlaceFinder:
    """Longest gazetteer names in the text, none starting or ending inside a word.

    A short form (深圳) or a two-character name must also be a whole jieba word, so 阿里 in
    阿里巴巴 or 大连 in 大连接 is not a place; a word the dictionary joins to a place (台湾同胞,
    ``place_attached.txt``) does not hide it. No name, full or short, is taken across a word's
    edge (:func:`crosses_word`: 顺应城市 holds no 应城市), unless it is one of several names
    written together whose outer edges are words' edges (山西晋|中 is 山西 + 晋中), or only its
    unit character begins the next word (洛阳市|市中心支行: 杭州市场 for 杭州市市场 is a common
    way of writing the one 市 twice)."""

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

    def _shares_unit(self, start: int, end: int, alias: str, starts: set[int]) -> bool:
        """Whether the word crossing ``alias``'s end begins at its unit character, and the name
        without that character is the same place (洛阳市|市中心, not 西安区|区域: 西安 is the city)."""
        if start not in starts or end - 1 not in starts or alias[-1] not in UNIT_CHARS:
            return False
        g = self.gazetteer
        short = set(g.aliases.get(alias[:-1], ())) - g.minor.get(alias[:-1], set())
        return set(g.aliases[alias]) <= short

    def find(self, text: str, starts: set[int], ends: set[int]) -> list[Candidate]:
        # every match, overlaps too: 从江苏 holds 从江 and 江苏
        matches = [(last - len(alias) + 1, last + 1, alias) for last, alias in self.automaton.iter(text)]
        # names written together that the segmenter keeps as one word or cuts across (上海浦东,
        # 山西晋|中): a name may start where another that starts on a word boundary ends, and end
        # where another that ends on one starts. A macro-region's form (东部, 西部) is never read
        # right after another name, so it links none (粤黔|东西部 is not 黔东 + 西部)
        by_end: dict[int, list[int]] = {}
        by_start: dict[int, list[int]] = {}
        for start, end, alias in matches:
            if alias not in self.gazetteer.scoped:
                by_end.setdefault(end, []).append(start)
                by_start.setdefault(start, []).append(end)
        left: dict[int, bool] = {}
        for pos in sorted(by_start):
            left[pos] = pos in starts or any(left.get(s0, False) for s0 in by_end.get(pos, ()))
        right: dict[int, bool] = {}
        for pos in sorted(by_end, reverse=True):
            right[pos] = pos in ends or any(right.get(e1, False) for e1 in by_start.get(pos, ()))
        accepted: list[tuple[int, int, str]] = []
        for start, end, alias in matches:
            chained = alias not in self.gazetteer.scoped and left[start] and right[end]
            if crosses_word(start, end, starts, ends) and not chained and not self._shares_unit(
                    start, end, alias, starts):
                continue
            loose = alias not in self.gazetteer.full_names or len(alias) <= 2
            if loose and not self._whole_word(text, start, end, starts, ends) and not chained:
                continue
            accepted.append((start, end, alias))
        taken = bytearray(len(text) + 1)
        chosen: list[tuple[int, int, str]] = []
        for start, end, alias in sorted(accepted, key=lambda m: (m[0] - m[1], m[0])):  # longest, then leftmost
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((start, end, alias))
        out: list[Candidate] = []
        for start, end, alias in sorted(chosen):
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
