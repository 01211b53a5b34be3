"""Place mentions from the gazetteer: divisions, macro-regions and blocs."""

from __future__ import annotations

from typing import Any

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import Gazetteer, load_gazetteer
from .spans import Candidate, doc_text, token_bounds, write_spans

SPANS_KEY = "govextract_places"


class PlaceFinder:
    """Longest gazetteer names in the text. A short form (深圳) or a two-character name
    must also be a whole jieba word, so 阿里 in 阿里巴巴 or 大连 in 大连接 is not a place."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.automaton = ahocorasick.Automaton()
        for alias in gazetteer.aliases:
            self.automaton.add_word(alias, alias)
        self.automaton.make_automaton()

    def find(self, text: str, starts: set[int], ends: set[int]) -> list[Candidate]:
        out: list[Candidate] = []
        for last, alias in self.automaton.iter_long(text):
            start, end = last - len(alias) + 1, last + 1
            loose = alias not in self.gazetteer.full_names or len(alias) <= 2
            if loose and not (start in starts and end in ends):
                continue
            attrs: dict[str, Any] = {"keys": list(self.gazetteer.aliases[alias])}
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
