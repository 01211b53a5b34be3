"""Periods: years, months, days, year ranges and five-year plans (``十四五`` → 2021–2025)."""

from __future__ import annotations

import re

import cn2an
from spacy.language import Language
from spacy.tokens import Doc

from .spans import Candidate, doc_text, write_spans

SPANS_KEY = "govextract_periods"

_Y = r"(?:19|20)\d{2}"
_PATTERN = re.compile(
    rf"(?<!\d)(?P<r1>{_Y})\s*年?\s*[-—–~～至到]\s*(?P<r2>{_Y})年"
    rf"|(?<!\d)(?P<dy>{_Y})年(?P<dm>1[0-2]|0?[1-9])月(?P<dd>3[01]|[12]\d|0?[1-9])[日号]"
    rf"|(?<!\d)(?P<my>{_Y})年(?P<mm>1[0-2]|0?[1-9])月"
    rf"|(?<![\d-])(?P<iy>{_Y})-(?P<im>1[0-2]|0[1-9])-(?P<id>3[01]|[12]\d|0[1-9])(?![\d-])"
    rf"|(?<!\d)(?P<y>{_Y})年(?!\d)"
    r"|(?<=“)(?P<fq>十[一二三四五六七八九]?|[一二三四五六七八九])五(?=”)"
    r"|(?P<fu>十[一二三四五六七八九])五(?=规划|时期|期间|末|初|以来|开局|收官|目标|发展)"
)


def five_year_plan(ordinal: int) -> tuple[str, str]:
    """The years of the N-th five-year plan: the 1st ran 1953–57, the 3rd began in 1966."""
    start = 1953 + 5 * (ordinal - 1) if ordinal <= 2 else 1966 + 5 * (ordinal - 3)
    return str(start), str(start + 4)


def _date(y: str, m: str | None = None, d: str | None = None) -> str:
    out = y
    if m:
        out += f"-{int(m):02d}"
    if d:
        out += f"-{int(d):02d}"
    return out


def find_periods(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _PATTERN.finditer(text):
        g = m.groupdict()
        if g["r1"]:
            start, end = g["r1"], g["r2"]  # kept as written, even reversed: a reader can flag it
        elif g["dy"]:
            start = end = _date(g["dy"], g["dm"], g["dd"])
        elif g["my"]:
            start = end = _date(g["my"], g["mm"])
        elif g["iy"]:
            start = end = _date(g["iy"], g["im"], g["id"])
        elif g["y"]:
            start = end = g["y"]
        else:
            ordinal = int(cn2an.cn2an(g["fq"] or g["fu"], "strict"))
            start, end = five_year_plan(ordinal)
        out.append(Candidate(m.start(), m.end(), "period", {"date_start": start, "date_end": end}))
    return out


class PeriodsComponent:
    def __call__(self, doc: Doc) -> Doc:
        write_spans(doc, SPANS_KEY, find_periods(doc_text(doc)))
        return doc


@Language.factory("govextract_periods")
def make_periods(nlp: Language, name: str) -> PeriodsComponent:
    return PeriodsComponent()
