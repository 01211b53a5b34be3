"""Named initiatives (跨省通办, 无证明城市) and products (随申办AI助手, 深小i).

A phrase in quotation marks is not an initiative by that fact alone (“领头羊”,
“表面化”): its last word must name a way of handling affairs, a programme or a
reform. Once a name of four or more characters is known, its unquoted mentions count too.
"""

from __future__ import annotations

import re

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from ..data import load_json, require
from .organizations import SPANS_KEY as ORGS_KEY
from .places import SPANS_KEY as PLACES_KEY
from .spans import Candidate, doc_text, read_spans, write_spans

SPANS_KEY = "govextract_initiatives"
NAMES_KEY = "govextract_initiative_names"
_NAME = "initiatives.json"
_QUOTED = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」")
_PARTS = re.compile(r"[^、，,/；;]+")
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


class InitiativeFinder:
    def __init__(self) -> None:
        d = load_json(_NAME)
        self.known: list[str] = require(d, "known", list, _NAME)
        self.endings = tuple(require(d, "initiative_endings", list, _NAME))
        self.not_endings = tuple(require(d, "not_endings", list, _NAME))
        self.product_endings = tuple(require(d, "product_endings", list, _NAME))
        self.max_length: int = require(d, "max_length", int, _NAME)
        self.min_spread_length: int = require(d, "min_spread_length", int, _NAME)

    def classify(self, phrase: str, after_name: bool) -> str | None:
        """``product``, ``initiative`` or None for one quoted phrase."""
        if not phrase or len(phrase) > self.max_length or not _HAN.search(phrase):
            return None
        if phrase[0] in "不未没难" or phrase.endswith(self.not_endings):
            return None
        if (_LATIN.search(phrase) and not phrase.isascii()) or phrase.endswith(self.product_endings):
            return "product"
        if phrase.endswith(self.endings):
            return "initiative"
        if after_name and len(phrase) <= 6:
            return "product"  # 杭州“杭小政”: a service named right after the city that runs it
        return None

    def find_quoted(self, text: str, names_end_at: set[int]) -> tuple[list[Candidate], dict[str, str]]:
        """Quoted names, and every name known so far with its kind."""
        kinds: dict[str, str] = {}
        quoted: list[Candidate] = []
        for m in _QUOTED.finditer(text):
            inner = m.group(1) or m.group(2)
            parts = list(_PARTS.finditer(inner))
            for p in parts:
                phrase = p.group().strip()
                kind = self.classify(phrase, len(parts) == 1 and m.start() in names_end_at)
                if kind:
                    kinds.setdefault(phrase, kind)
                    s = m.start() + 1 + p.start() + (len(p.group()) - len(p.group().lstrip()))
                    quoted.append(Candidate(s, s + len(phrase), kinds[phrase], {"name": phrase}))
        for k in self.known:
            kinds.setdefault(k, "initiative")
        return quoted, kinds

    def spread(self, text: str, kinds: dict[str, str]) -> list[Candidate]:
        """Every mention of the names in ``kinds``, quoted or not. Short names (代办, 秒批)
        count only where quoted: unquoted they are ordinary words."""
        spread = [p for p in kinds if len(p) >= self.min_spread_length or p in self.known]
        if not spread:
            return []
        auto = ahocorasick.Automaton()
        for phrase in spread:
            auto.add_word(phrase, phrase)
        auto.make_automaton()
        return [
            Candidate(last - len(p) + 1, last + 1, kinds[p], {"name": p})
            for last, p in auto.iter_long(text)
        ]


class InitiativesComponent:
    def __init__(self) -> None:
        self.finder = InitiativeFinder()

    def __call__(self, doc: Doc) -> Doc:
        ends = {c.end for key in (PLACES_KEY, ORGS_KEY) for c in read_spans(doc, key)}
        text = doc_text(doc)
        quoted, kinds = self.finder.find_quoted(text, ends)
        doc.user_data[NAMES_KEY] = kinds
        write_spans(doc, SPANS_KEY, quoted + self.finder.spread(text, kinds))
        return doc


@Language.factory("govextract_initiatives")
def make_initiatives(nlp: Language, name: str) -> InitiativesComponent:
    return InitiativesComponent()
