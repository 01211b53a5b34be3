"""Quantities and percentages, found on the characters and normalised.

``超千万份`` → 10,000,000 份, more_than; ``50%以上`` → 50 %, at_least; ``2400多亿元`` →
2.4 × 10¹¹ 元, more_than; ``25微克/立方米`` → 25 微克/立方米; ``-0.57‰`` → −0.57 ‰;
``5%—5.5%`` → 5 %, at_least, up to 5.5. A number needs a unit to count: years
(``2025年``), ordinals (``第3``), section numbers, footnote markers (``[2]``), stock codes
and slogans such as ``一件事一次办`` are not quantities. The units, comparison words and
scales are data (``data/quantities.json``); the examples every rule must keep are
``data/quantity_examples.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..data import alternation, load_json, require
from ..errors import DataFileError
from .numerals import cn_value
from .scan import Scanner
from .spans import Candidate

SPANS_KEY = "govextract_quantities"
_NAME = "quantities.json"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# PDF text may put a space after a decimal point (增长 6. 1%): read as a decimal only when the
# unit follows at once and the figure does not open a list item (see QuantityFinder._spaced_point)
_NUM_SPACED = r"\d+(?:,\d{3})*(?:\. ?\d+)?"
_SPACE = "[ \u00a0\u3000]?"  # PDF text puts a space between a figure and its unit: 126.5 部/百人
_LIST_OPENING = "。；;：:！？!?"  # after these (or at a line start) ``1. `` numbers an item


def _word_list(d: dict[str, Any], key: str) -> list[str]:
    """A ``{"source": …, "units": […]}`` entry's words, checked."""
    entry = require(d, key, dict, _NAME)
    words: list[str] = require(entry, "units", list, _NAME)
    if not isinstance(entry.get("source"), str) or not all(isinstance(w, str) and w for w in words):
        raise DataFileError(f"{key!r} needs a 'source' and a list of non-empty 'units'", _NAME)
    return words


def _prefixed(d: dict[str, Any]) -> list[str]:
    """Every SI prefix before every unit that takes one, in symbols and in Chinese (kW, 千瓦)."""
    entry = require(d, "prefixed_units", dict, _NAME)
    prefixes: dict[str, str] = require(entry, "prefixes", dict, _NAME)
    units: dict[str, str] = require(entry, "units", dict, _NAME)
    if not isinstance(entry.get("source"), str) or not all(
            isinstance(k, str) and k and isinstance(v, str) for k, v in (*prefixes.items(), *units.items())):
        raise DataFileError("'prefixed_units' needs a 'source' and symbol-to-name maps of 'prefixes' and 'units'",
                            _NAME)
    out = [p + u for p in prefixes for u in units]
    return out + [prefixes[p] + units[u] for p in prefixes for u in units if units[u]]


def _units(d: dict[str, Any]) -> list[str]:
    """Every unit of every group, each group checked for a name and a stated source, then the
    prefixed units."""
    out: list[str] = []
    for group in require(d, "unit_groups", list, _NAME):
        if not (isinstance(group, dict) and isinstance(group.get("name"), str)
                and isinstance(group.get("source"), str) and isinstance(group.get("units"), list)):
            raise DataFileError("each unit group needs a 'name', a 'source' and a list of 'units'", _NAME)
        out += [u for u in group["units"] if u not in out]
    return out + [u for u in _prefixed(d) if u not in out]


def _programme_list(d: dict[str, Any]) -> re.Pattern[str]:
    """A classifier, up to a few words and a kind of programme: what follows a numeral in words
    that names a package of measures (十二项重点任务, 二十条措施) rather than counting things."""
    entry = require(d, "programme_list", dict, _NAME)
    classifiers, nouns, gap = entry.get("classifiers"), entry.get("nouns"), entry.get("modifiers_max")
    if not (isinstance(entry.get("source"), str) and isinstance(gap, int) and gap >= 0
            and all(isinstance(ws, list) and ws and all(isinstance(w, str) and w for w in ws)
                    for ws in (classifiers, nouns))):
        raise DataFileError("'programme_list' needs a 'source', 'classifiers', 'nouns' and 'modifiers_max'", _NAME)
    return re.compile(rf"(?:{alternation(classifiers)})[\u4e00-\u9fff]{{0,{gap}}}?(?:{alternation(nouns)})")


@dataclass(frozen=True)
class _Lexicon:
    pre: dict[str, str]
    infix: dict[str, str]
    post: dict[str, str]
    scales: dict[str, int]
    per_scales: dict[str, int]
    percent: list[str]
    units: list[str]
    per_numerators: list[str]
    per_denominators: list[str]
    context_units: list[str]
    duration_words: list[str]
    time_frame_words: list[str]
    separators: list[str]
    minus: str
    range_comparison: str
    not_before: str
    not_before_chinese: str
    not_units: set[str]
    digits: str
    programme: re.Pattern[str]

    @classmethod
    def load(cls) -> _Lexicon:
        d = load_json(_NAME)
        context = require(d, "context_units", dict, _NAME)
        return cls(
            pre=require(d, "prefix_comparisons", dict, _NAME),
            infix=require(d, "infix_comparisons", dict, _NAME),
            post=require(d, "suffix_comparisons", dict, _NAME),
            scales=require(d, "scales", dict, _NAME),
            per_scales=require(d, "per_scales", dict, _NAME),
            percent=require(d, "percent_units", list, _NAME),
            units=_units(d),
            per_numerators=_word_list(d, "per_numerators"),
            per_denominators=_word_list(d, "per_denominators"),
            context_units=_word_list(d, "context_units"),
            duration_words=require(context, "duration_words", list, _NAME),
            time_frame_words=require(context, "time_frame_words", list, _NAME),
            separators=require(d, "range_separators", list, _NAME),
            minus=require(d, "minus_signs", str, _NAME),
            range_comparison=require(d, "range_comparison", str, _NAME),
            not_before=require(d, "not_before", str, _NAME),
            not_before_chinese=require(d, "not_before_chinese", str, _NAME),
            not_units=set(require(d, "not_units", list, _NAME)),
            digits=require(d, "chinese_digits", str, _NAME),
            programme=_programme_list(d),
        )


def _is_word(ch: str) -> bool:
    """Whether ``ch`` is a Chinese character (of a word or a name)."""
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


class QuantityFinder:
    def __init__(self) -> None:
        lx = self.lx = _Lexicon.load()
        numerators = lx.units + lx.percent + lx.context_units + lx.per_numerators
        denominators = [u for u in lx.units + lx.per_denominators if u not in lx.percent]
        scale_heads = {ch for w in lx.scales for ch in w}
        # a scale word that begins a unit is the unit's (5千米, 10千伏安时), not a scale
        scaled_units = [u for u in numerators if u[0] in scale_heads]
        self.pattern = re.compile(
            rf"(?P<pre>{alternation(lx.pre)})?"
            rf"(?:(?P<num>{_NUM_SPACED})(?P<infix1>{alternation(lx.infix)})?{_SPACE}(?P<scale>(?!{alternation(scaled_units)})(?:{alternation(lx.scales)}))?"
            rf"|(?P<cnum>[{lx.digits}]+(?:点[{lx.digits}]+)?))"
            rf"(?P<infix>{alternation(lx.infix)})?{_SPACE}"
            rf"(?P<unit>{alternation(numerators)})"
            rf"(?:/(?P<per>{alternation(denominators)}|(?:{alternation(lx.per_scales)})(?:{alternation(denominators)})))?"
            rf"(?P<post>{alternation(lx.post)})?"
        )
        cn = f"[{lx.digits}]+(?:点[{lx.digits}]+)?"
        self.range_head = re.compile(
            rf"(?P<lo>{_NUM}|{cn})(?P<lounit>{alternation(lx.percent)}|{alternation(lx.scales)})?"
            rf"{_SPACE}(?P<sep>{alternation(lx.separators)}){_SPACE}$"
        )
        self.percent_words = re.compile(
            rf"(?P<pre>{alternation(lx.pre)})?百分之(?P<cnum>[{lx.digits}点]+)(?P<post>{alternation(lx.post)})?"
        )
        # a figure begins with a comparison word, a digit or a Chinese numeral; 百分之 with 百
        pre_firsts = "".join(w[0] for w in lx.pre)
        self.scan = Scanner(self.pattern, pre_firsts + lx.digits, digits=True)
        self.percent_scan = Scanner(self.percent_words, pre_firsts + "百")

    # -- the pieces ---------------------------------------------------------------------------

    def _mid_word(self, text: str, start: int, chinese: bool = False) -> bool:
        """Whether a match at ``start`` continues what stands before it (第3, 1.5, AB12, 每5, [2)."""
        before = text[start - 1] if start else ""
        if not before:
            return False
        return (before in self.lx.not_before or (chinese and before in self.lx.not_before_chinese)
                or before.isdigit() or before in ".．-—–~～/[【〔"
                or (before.isascii() and before.isalpha()))

    def _comparison(self, m: re.Match[str]) -> str:
        """The comparison a match's words make, the last of prefix, infix and suffix winning."""
        comparison = "exact"
        for key, words in (("pre", self.lx.pre), ("infix1", self.lx.infix), ("infix", self.lx.infix),
                           ("post", self.lx.post)):
            word = m.groupdict().get(key)
            if word:
                comparison = words[word]
        return comparison

    def _chinese(self, cnum: str) -> Decimal | None:
        """A Chinese numeral's value; ``一点五万亿`` as 1.5 × 10¹², which cn2an does not read whole."""
        cnum = cnum.replace("两", "二")
        if cnum[0] in "十百千万亿":
            cnum = "一" + cnum
        try:
            return Decimal(str(cn_value(cnum)))
        except (ValueError, KeyError, IndexError):
            pass
        for scale in sorted(self.lx.scales, key=len, reverse=True):
            head = cnum.removesuffix(scale)
            if head != cnum and head:
                inner = self._chinese(head)
                return None if inner is None else inner * self.lx.scales[scale]
        return None

    def _figure(self, num: str | None, scale: str | None, cnum: str | None) -> Decimal | None:
        if num:
            try:
                v = Decimal(num.replace(",", "").replace(" ", ""))
            except InvalidOperation:
                return None
            return v * self.lx.scales[scale] if scale else v
        return self._chinese(cnum) if cnum else None

    def _unit(self, m: re.Match[str]) -> tuple[str, str | None, str | None]:
        """The unit as the report means it, and the scale and Chinese numeral left once a
        scale word that begins a longer unit is given back to it (一千瓦 → 1 千瓦, 5千米 → 5 千米)."""
        unit, scale, cnum = m.group("unit"), m.group("scale"), m.group("cnum")
        if scale and not m.group("infix") and scale[-1] + unit in self.lx.units:
            unit, scale = scale[-1] + unit, scale[:-1] or None
        elif cnum and len(cnum) > 1 and cnum[-1] in self.lx.scales and cnum[-1] + unit in self.lx.units:
            unit, cnum = cnum[-1] + unit, cnum[:-1]
        if m.group("per"):
            unit += "/" + m.group("per")
        return unit, scale, cnum

    def _is_code(self, text: str, m: re.Match[str]) -> bool:
        """A stock or item code, not a count: a leading zero (000998), or six bare digits that
        stand alone (at a line start, after a space or a mark) set apart from a one-character
        unit that begins a name (600079 人福医药). A figure a PDF spaces out inside a sentence
        (人均地区生产总值 115155 元，) is a count: words stand before it, or none after its unit."""
        num = m.group("num")
        if not num or "," in num:
            return False
        spaced = m.end("num") < (m.start("scale") if m.group("scale") else m.start("unit"))
        if (spaced and not m.group("scale") and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", num)
                and m.start() == m.start("num") and (m.start() == 0 or text[m.start() - 1] == "\n")):
            return True  # a section number opening its heading line: 6.4 人才队伍建设
        if "." in num:
            return False
        if len(num) > 1 and num.startswith("0"):
            return True
        if not (len(num) == 6 and spaced and not m.group("scale") and len(m.group("unit")) == 1):
            return False
        before = text[:m.start()].rstrip(" \u00a0\u3000")[-1:]
        after = text[m.end():m.end() + 1]
        return not _is_word(before) and _is_word(after)

    def _spaced_point(self, text: str, m: re.Match[str]) -> int | None:
        """Where to look again when ``1. 5`` is no decimal, or None when it is one (增长 6. 1%).
        A figure that opens a list item (at a line start, or after 。；：) is the item's number:
        the figure starts after ``. ``; a spaced figure whose unit does not follow at once
        (增长 6. 1 %) is too broken to read, and is passed over."""
        num = m.group("num")
        if not num or ". " not in num:
            return None
        before = text[:m.start("num")].rstrip(" \u00a0\u3000")[-1:]
        if before in ("", "\n") or before in _LIST_OPENING:
            return m.start("num") + num.index(". ") + 2
        glued = m.end("num") == (m.start("scale") if m.group("scale") else
                                 m.start("infix1") if m.group("infix1") else
                                 m.start("infix") if m.group("infix") else m.start("unit"))
        return None if glued else m.end()

    def _context_ok(self, text: str, m: re.Match[str], value: Decimal) -> bool:
        """年 is a duration beside a comparison or after a word of duration, never a year."""
        if m.group("unit") not in self.lx.context_units or m.group("per"):
            return True
        if m.group("num") and re.fullmatch(r"(?:1[89]|2[01])\d\d", m.group("num")):
            return False
        if m.group("post") or m.group("infix") or m.group("infix1"):
            return True
        if m.group("pre"):
            return m.group("pre") not in self.lx.time_frame_words  # 近三年: the last three years
        head = text[max(0, m.start() - 4):m.start()]
        return any(head.endswith(w) for w in self.lx.duration_words)

    def _range(self, text: str, start: int, hi_scale: str | None, unit: str,
               chinese: bool) -> tuple[int, Decimal] | None:
        """The lower end of a range written before the upper one (5%—5.5%, 2—4家, 三至五个)."""
        m = self.range_head.search(text, max(0, start - 24), start)
        if not m or self._mid_word(text, m.start(), chinese) or text[m.start() - 1:m.start()] in ("从", "由"):
            return None  # 由3%到5%: a change, not a range
        lo, lounit = m.group("lo"), m.group("lounit")
        if (lo[0].isdigit()) == chinese:
            return None  # 3至五个: one end in figures, the other in words
        if lounit in self.lx.percent and unit not in self.lx.percent:
            return None
        if lo[0].isdigit() and m.group("sep") in "-−" and re.fullmatch(r"\d{4}", lo):
            return None  # 2019-2022: years, not a range of counts
        scale = lounit if lounit in self.lx.scales else (None if lounit else hi_scale)
        value = self._figure(lo if lo[0].isdigit() else None, scale, None if lo[0].isdigit() else lo)
        return (m.start(), value) if value is not None else None

    def _chinese_counts(self, text: str, m: re.Match[str]) -> bool:
        """Whether a numeral in words is a count: 一件事, 两个, 十项, 千万家, 亿元以上项目 are words and
        figures of speech, 十二项重点任务 names a package of measures; 三千多名, 近三倍, 一千瓦以上,
        十余项, 十五家企业, 突破万亿元 are counts."""
        cnum = m.group("cnum")
        if m.group("pre"):
            return True
        if cnum[0] in "百千万亿":
            return False  # a bare magnitude counts only after a verb of comparison (突破万亿元)
        if m.group("infix"):
            return True
        if self.lx.programme.match(text, m.start("unit")):
            return False
        return len(cnum) >= 2 or bool(m.group("post"))

    def _negative(self, text: str, start: int) -> bool:
        """A minus sign before the figure (自然增长率为-0.57‰), not a dash between two figures."""
        if start < 1 or text[start - 1] not in self.lx.minus:
            return False
        before = text[start - 2] if start >= 2 else ""
        return not (before.isdigit() or (before.isascii() and before.isalpha()) or before in "%％‰"
                    or before in self.lx.scales or any(u.endswith(before) for u in self.lx.units if before))

    # -- finding ------------------------------------------------------------------------------

    def _candidate(self, text: str, m: re.Match[str]) -> Candidate | None:
        start, chinese = m.start(), m.group("cnum") is not None
        after, last = text[m.end():m.end() + 1], text[m.end() - 1]
        unit_raw = m.group("unit")
        if (unit_raw + after) in self.lx.not_units or (last.isascii() and last.isalnum() and after.isascii()
                                                        and after.isalnum()):
            return None  # 3个性化, 5mg vs 5m
        if unit_raw in self.lx.per_numerators and not m.group("per"):
            return None  # 5分 is a score; 5分/千瓦时 a price
        if self._is_code(text, m):
            return None
        quoted = text[start - 1:start] in ("“", "「", "『", '"')
        if after.isdigit() and quoted and not self.pattern.match(text, m.end()):
            return None  # “3个100”: a slogan; but 20.9万户69.3万人 are two counts in a row
        unit, scale, cnum = self._unit(m)
        value = self._figure(m.group("num"), scale, cnum)
        if value is None or not self._context_ok(text, m, value):
            return None
        comparison = self._comparison(m)
        value_max: Decimal | None = None
        lo = None if m.group("pre") else self._range(text, start, scale, unit, chinese)
        if lo is not None:
            start, value_max, value = lo[0], value, lo[1]
            comparison = self.lx.range_comparison if comparison == "exact" else comparison
        elif self._negative(text, start) and not m.group("pre"):
            start, value = start - 1, -value
        elif self._mid_word(text, start, chinese):
            return None
        elif chinese and not self._chinese_counts(text, m):
            return None
        kind = "percentage" if unit in self.lx.percent else "quantity"
        unit = {"％": "%", "百分点": "个百分点"}.get(unit, unit)
        attrs: dict[str, Any] = {"value": float(value), "unit": unit, "comparison": comparison}
        if value_max is not None:
            attrs["value_max"] = float(value_max)
        return Candidate(start, m.end(), kind, attrs)

    def _percent_words(self, text: str) -> list[Candidate]:
        """百分之五十 → 50 %, with the same comparison words as figures."""
        out = []
        for m in self.percent_scan.finditer(text):
            if self._mid_word(text, m.start()):
                continue
            try:
                value = float(cn_value(m.group("cnum")))
            except (ValueError, KeyError, IndexError):
                continue
            out.append(Candidate(m.start(), m.end(), "percentage",
                                 {"value": value, "unit": "%", "comparison": self._comparison(m)}))
        return out

    def find(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        pos = 0
        while (m := self.scan.search(text, pos)) is not None:
            pos = m.end()
            again = self._spaced_point(text, m)
            if again is not None:  # 1. 5%的企业: an item number, then a figure
                pos = again
                continue
            c = self._candidate(text, m)
            if c is None:
                continue
            while out and out[-1].end > c.start:  # a range's lower end found on its own first
                out.pop()
            out.append(c)
        return out + self._percent_words(text)
