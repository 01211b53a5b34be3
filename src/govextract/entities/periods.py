"""Periods: years, months, days, year ranges, halves, quarters and five-year plans.

``2024年5月7日`` and ``二○一二年一月九日`` are days; ``2023年上半年`` is 2023-01 to 2023-06,
``2023年1—11月`` 2023-01 to 2023-11; ``十四五`` is 2021–2025. A half or a quarter without
its year (``上半年``, ``年底前``) is left alone: the report's own year is not known here.
The examples every pattern must keep are ``data/period_examples.json``.
"""

from __future__ import annotations

import re

import cn2an
from spacy.language import Language
from spacy.tokens import Doc

from .spans import Candidate, doc_text, write_spans

SPANS_KEY = "govextract_periods"

_Y = r"(?:19|20)\d{2}"
_M = r"(?:1[0-2]|0?[1-9])"
_D = r"(?:3[01]|[12]\d|0?[1-9])"
_CN_DIGIT = "〇○零一二三四五六七八九"  # a year in words is read digit by digit: 二○一二 → 2012
_CY = rf"[{_CN_DIGIT[3:]}][{_CN_DIGIT}]{{3}}"
_CM = r"(?:十[一二]?|[一二三四五六七八九])"
_CD = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_QUARTERS = {"一": ("01", "03"), "二": ("04", "06"), "三": ("07", "09"), "四": ("10", "12"),
             "1": ("01", "03"), "2": ("04", "06"), "3": ("07", "09"), "4": ("10", "12")}
_PATTERN = re.compile(
    rf"(?<!\d)(?P<r1>{_Y})\s*年?\s*[-—–~～至到]\s*(?P<r2>{_Y})年"
    rf"|(?<!\d)(?P<dy>{_Y})年(?P<dm>{_M})月(?P<dd>{_D})[日号]"
    rf"|(?<!\d)(?P<ry>{_Y})年(?P<rm1>{_M})(?:月份?)?\s*[-—–~～至到]\s*(?P<rm2>{_M})月"
    rf"|(?<!\d)(?P<my>{_Y})年(?P<mm>{_M})月"
    rf"|(?<!\d)(?P<hy>{_Y})年(?P<half>上|下)半年"
    rf"|(?<!\d)(?P<qy>{_Y})年(?:第)?(?P<q>[一二三四1-4])季度"
    rf"|(?<![{_CN_DIGIT}])(?P<cy>{_CY})年(?:(?P<cm>{_CM})月(?:(?P<cd>{_CD})[日号])?)?"
    rf"|(?<![-\d])(?P<iy>{_Y})-(?P<im>1[0-2]|0[1-9])-(?P<id>3[01]|[12]\d|0[1-9])(?![\d-])"
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


def _cn_year(year: str) -> str:
    return "".join(str(_CN_DIGIT.index(ch) - 2 if _CN_DIGIT.index(ch) >= 3 else 0) for ch in year)


def _cn(n: str | None) -> str | None:
    return None if n is None else str(cn2an.cn2an(n, "strict"))


def _dates(g: dict[str, str | None]) -> tuple[str, str]:
    """The first and last day, month or year of a match, as written."""
    if g["r1"] and g["r2"]:
        return g["r1"], g["r2"]  # kept as written, even reversed: a reader can flag it
    if g["dy"]:
        day = _date(g["dy"], g["dm"], g["dd"])
        return day, day
    if g["ry"]:
        return _date(g["ry"], g["rm1"]), _date(g["ry"], g["rm2"])
    if g["my"]:
        month = _date(g["my"], g["mm"])
        return month, month
    if g["hy"]:
        return (f"{g['hy']}-01", f"{g['hy']}-06") if g["half"] == "上" else (f"{g['hy']}-07", f"{g['hy']}-12")
    if g["qy"] and g["q"]:
        first, last = _QUARTERS[g["q"]]
        return f"{g['qy']}-{first}", f"{g['qy']}-{last}"
    if g["cy"]:
        when = _date(_cn_year(g["cy"]), _cn(g["cm"]), _cn(g["cd"]))
        return when, when
    if g["iy"]:
        day = _date(g["iy"], g["im"], g["id"])
        return day, day
    if g["y"]:
        return g["y"], g["y"]
    return five_year_plan(int(cn2an.cn2an(g["fq"] or g["fu"], "strict")))


def find_periods(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _PATTERN.finditer(text):
        start, end = _dates(m.groupdict())
        if m.group("ry") and int(m.group("rm1")) > int(m.group("rm2")):
            continue  # 2023年12-1月 is no span of months
        out.append(Candidate(m.start(), m.end(), "period", {"date_start": start, "date_end": end}))
    return out


class PeriodsComponent:
    def __call__(self, doc: Doc) -> Doc:
        write_spans(doc, SPANS_KEY, find_periods(doc_text(doc)))
        return doc


@Language.factory("govextract_periods")
def make_periods(nlp: Language, name: str) -> PeriodsComponent:
    return PeriodsComponent()
