"""Periods: years, months, days, year ranges, halves, quarters and five-year plans.

``2024年5月7日`` and ``二○一二年一月九日`` are days; ``2023年上半年`` is 2023-01 to 2023-06,
``2023年1—11月`` 2023-01 to 2023-11; ``十四五`` is 2021–2025. A half or a quarter without
its year (``上半年``, ``年底前``) is left alone.

A year named relative to the report's (``今年``, ``去年``, ``上年``, ``明年``, ``今明两年``,
``去年上半年``, ``今年3月``) is found here but left undated (``date_start`` and ``date_end``
empty): the report's year is known only once the whole document has been read (its title, the
government it speaks for). :func:`date_relative` dates them from that year. A relative year
written as the base of a comparison (``比上年增长``, ``较去年``, ``与上年同期相比``, ``高于去年``)
is no period of any figure and is not found; nor is one that is part of another word
(``如今年轻人``, ``60岁及以上年龄``, ``过去年份``): jieba's words say where words begin.
The examples every pattern must keep are ``data/period_examples.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..models import DocumentKind, Entity, Metadata
from .numerals import cn_value
from .scan import Scanner
from .spans import Candidate

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
# every match begins with a year's first digit (19xx, 20xx) or a Chinese numeral (二○一二, 十四五)
_SCAN = Scanner(_PATTERN, "12" + _CN_DIGIT[3:] + "十")


UNDATED = ""  # the dates of a relative year before the report's year is known
# each relative year: its first and last year counted from the year of writing (今年, 去年: the
# calendar the writer lives in) or, for 上年 (the year before the one reported on), from the
# report's year: a 2025 communiqué, written in 2026, says 去年 of 2025 and 上年 of 2024
_RELATIVE = {"今年": (0, 0), "去年": (-1, -1), "上年": (-1, -1), "前年": (-2, -2), "明年": (1, 1),
             "今明两年": (0, 1), "明后两年": (1, 2)}
_ANAPHORIC = frozenset({"上年"})
_RELATIVE_PATTERN = re.compile(
    rf"(?P<rel>{'|'.join(sorted(_RELATIVE, key=len, reverse=True))})"
    rf"(?:(?P<rhalf>上|下)半年|(?:第)?(?P<rq>[一二三四1-4])季度"
    rf"|(?P<rmon>1[0-2]|0?[1-9]|{_CM})月(?!份?\s*[-—–~～至到\d])|(?P<rend>末|底))?"
)
# a comparison's base: 比上年, 较去年, 高于去年 (not 于今年6月: a time); with 与/同/和/跟 only when a
# word of comparing follows (与上年同期相比, 与去年持平; not 发展和今年的任务)
_BASE_BEFORE = re.compile(r"(?:比|较|(?:高|低|多|少|大|小|快|慢|优|好|强|弱|等|超|胜)于|相对|对比)\s*$")
_BASE_JOINED = re.compile(r"(?:与|同|和|跟)\s*$")
_BASE_AFTER = re.compile(r"^[^，。；,;]{0,8}?(?:相比|比较|持平|相当|同期|同月|同口径)")
# the base of an index or of prices: 上年同期=100, （上年不变价）, 按上年价格计算
_BASE_INDEX = re.compile(r"(?:同期|同月)?\s*[=＝]\s*100|不变价|可比价|价格")


def _relative_dates(m: re.Match[str], year: int) -> tuple[str, str]:
    """A relative match's first and last year, half, quarter or month, given the report's year."""
    first, last = (str(year + k) for k in _RELATIVE[m.group("rel")])
    if m.group("rhalf"):
        return (f"{first}-01", f"{first}-06") if m.group("rhalf") == "上" else (f"{first}-07", f"{first}-12")
    if m.group("rq"):
        q0, q1 = _QUARTERS[m.group("rq")]
        return f"{first}-{q0}", f"{first}-{q1}"
    if m.group("rmon"):
        month = m.group("rmon") if m.group("rmon").isdigit() else _cn(m.group("rmon"))
        return _date(first, month), _date(first, month)
    if m.group("rend"):
        return f"{last}-12", f"{last}-12"
    return first, last


def _word_starts(text: str, spans: Iterable[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a word of jieba's begins at an offset, judged on a few characters around each span."""
    from . import _cutter, segmenter  # the glue imports this module: cut at call time

    cut = _cutter(segmenter())
    starts: set[int] = set()
    for a, b in spans:
        lo = max(0, a - 6)
        at = lo
        for w in cut(text[lo:min(len(text), b + 6)]):
            starts.add(at)
            at += len(w)
    return starts.__contains__


def find_relative(text: str) -> list[Candidate]:
    """The years named relative to the report's, undated; not a comparison's base, nor inside a word."""
    found = [m for m in _RELATIVE_PATTERN.finditer(text)
             if not _BASE_BEFORE.search(text, max(0, m.start() - 3), m.start())
             and not _BASE_INDEX.match(text, m.end())
             and not (_BASE_JOINED.search(text, max(0, m.start() - 2), m.start())
                      and _BASE_AFTER.match(text[m.end():m.end() + 12]))]
    starts = _word_starts(text, [(m.start(), m.end()) for m in found]) if found else None
    return [Candidate(m.start(), m.end(), "period", {"date_start": UNDATED, "date_end": UNDATED})
            for m in found if starts and starts(m.start())]


def writing_year(meta: Metadata) -> int | None:
    """The year a report was written in: its date's, else its year's, but the next for a
    statistics communiqué (a year's figures are published in the spring after it)."""
    if meta.date and meta.date[:4].isdigit():
        return int(meta.date[:4])
    if meta.year is None:
        return None
    return meta.year + 1 if meta.kind == DocumentKind.statistical_communique else meta.year


def date_relative(entities: list[Entity], meta: Metadata) -> list[Entity]:
    """``entities`` with each undated relative year (今年, 去年上半年, 上年末) dated from the
    report's ``meta`` (its year, date and genre); those it cannot date stay undated. Ids stay, so
    indicators still point at them."""
    written = writing_year(meta)
    out: list[Entity] = []
    for e in entities:
        m = _RELATIVE_PATTERN.fullmatch(e.text) if e.type == "period" and e.date_start == UNDATED else None
        year = (meta.year if m.group("rel") in _ANAPHORIC else written) if m else None
        if m and year is not None:
            start, end = _relative_dates(m, year)
            e = e.model_copy(update={"date_start": start, "date_end": end})
        out.append(e)
    return out


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
    return None if n is None else str(cn_value(n))


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
    return five_year_plan(int(cn_value(g["fq"] or g["fu"] or "")))  # one of the two matched


def find_periods(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _SCAN.finditer(text):
        start, end = _dates(m.groupdict())
        if m.group("ry") and int(m.group("rm1")) > int(m.group("rm2")):
            continue  # 2023年12-1月 is no span of months
        out.append(Candidate(m.start(), m.end(), "period", {"date_start": start, "date_end": end}))
    return sorted(out + find_relative(text), key=lambda c: c.start)
