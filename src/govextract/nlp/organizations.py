"""Organisations: known central bodies, national institutions, local government bodies, companies."""

from __future__ import annotations

import re

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from ..data import alternation, load_json, require
from .places import SPANS_KEY as PLACES_KEY
from .spans import Candidate, doc_text, read_spans, write_spans

SPANS_KEY = "govextract_organizations"
_NAME = "organizations.json"



class OrganizationFinder:
    def __init__(self) -> None:
        data = load_json(_NAME)
        self.canonical: dict[str, str] = {}
        self.automaton = ahocorasick.Automaton()
        for org in require(data, "organizations", list, _NAME):
            for alias in org["aliases"]:
                self.canonical[alias] = org["name"]
                self.automaton.add_word(alias, alias)
        self.automaton.make_automaton()
        self.left_stops = set(require(data, "left_stops", str, _NAME))
        inner = r"[^\s，。、；：！？“”‘’《》（）()的和与及等在将对把被从向为是了并或]"
        self.national = re.compile(
            rf"(?:{alternation(require(data, 'national_prefixes', list, _NAME))})(?!级){inner}{{1,14}}?"
            rf"(?:{alternation(require(data, 'institution_suffixes', list, _NAME))})"
        )
        self.local_suffix = re.compile(rf"(?:{alternation(require(data, 'local_suffixes', list, _NAME))})")
        self.company = re.compile(rf"(?:{alternation(require(data, 'company_suffixes', list, _NAME))})")
        self.company_unit = re.compile(
            rf"[\u4e00-\u9fff]{{0,6}}?(?:{alternation(require(data, 'company_unit_suffixes', list, _NAME))})"
        )

    def _company_start(self, text: str, pos: int) -> int:
        """Walk left from the company suffix to where the name begins."""
        i = pos
        limit = max(0, pos - 30)
        while i > limit:
            ch = text[i - 1]
            if ch in ")）":
                j = max(text.rfind("(", limit, i - 1), text.rfind("（", limit, i - 1))
                if j < 0:
                    break
                i = j
                continue
            if ch in self.left_stops or not ("\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalpha())):
                break
            i -= 1
        return i

    def find(self, text: str, places: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        for last, alias in self.automaton.iter_long(text):
            out.append(Candidate(last - len(alias) + 1, last + 1, "organization", {"name": self.canonical[alias]}))
        for m in self.national.finditer(text):
            out.append(Candidate(m.start(), m.end(), "organization", {"name": m.group()}))
        for p in places:
            suffix = self.local_suffix.match(text, p.end)
            if suffix:
                name = text[p.start:suffix.end()]
                out.append(Candidate(p.start, suffix.end(), "organization", {"name": name, "local": True}))
        for m in self.company.finditer(text):
            start = self._company_start(text, m.start())
            if m.start() - start < 2:
                continue
            end = m.end()
            unit = self.company_unit.match(text, end)
            if unit:
                end = unit.end()
            out.append(Candidate(start, end, "organization", {"name": text[start:end]}))
        return _merge_adjacent(out, text)


def _merge_adjacent(cands: list[Candidate], text: str) -> list[Candidate]:
    """A body followed at once by a local unit (国家统计局 + 洛阳调查队) is one organisation."""
    cands = sorted(cands, key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    for c in cands:
        if out and out[-1].end == c.start and c.attrs.get("local"):
            prev = out.pop()
            name = text[prev.start:c.end]
            out.append(Candidate(prev.start, c.end, "organization", {"name": name}))
        else:
            out.append(c)
    return out


class OrganizationsComponent:
    def __init__(self) -> None:
        self.finder = OrganizationFinder()

    def __call__(self, doc: Doc) -> Doc:
        write_spans(doc, SPANS_KEY, self.finder.find(doc_text(doc), read_spans(doc, PLACES_KEY)))
        return doc


@Language.factory("govextract_organizations")
def make_organizations(nlp: Language, name: str) -> OrganizationsComponent:
    return OrganizationsComponent()
