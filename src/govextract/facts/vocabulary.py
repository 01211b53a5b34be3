"""The indicator vocabulary: official headline indicators, their written forms, and the words
that may stand between a name and its figure (``data/indicators.json``).

A user's own file of the same shape adds indicators or forms: an entry whose ``code`` exists
gains the new forms, a new code is a new indicator."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ..data import alternation, load_json, require
from ..errors import DataFileError

NAME = "indicators.json"
KINDS = ("level", "growth")


@dataclass(frozen=True)
class IndicatorDef:
    code: str
    name: str
    national_name: str
    kinds: tuple[str, ...]
    unit: str  # the unit family of its level: 元, 人, 吨 or %
    part_of: str | None
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    indicators: dict[str, IndicatorDef]
    term_source: str  # every form and pair, one named group per entry (compiled as ``term``)
    anchor: re.Pattern[str]  # the last two written characters of every form: where a name can end
    groups: dict[str, tuple[str, ...]]  # group name -> codes (two for a pair read 分别)
    single: dict[str, str | None]  # group name -> the one code it names when not read 分别
    gap_source: str  # what may stand between a name and its figure (compiled as ``gap``)
    growth: re.Pattern[str]
    fall: re.Pattern[str]
    flat: re.Pattern[str]
    plan_period: re.Pattern[str]
    multi_year: re.Pattern[str]
    part_year: re.Pattern[str]
    part_scope: re.Pattern[str]
    cpi_scope: re.Pattern[str]
    after_chars: str
    after_words: tuple[str, ...]

    @cached_property
    def term(self) -> re.Pattern[str]:
        """The forms' pattern, compiled when a text first holds a place a name can end (the
        largest pattern of the package: a text without an indicator never needs it)."""
        return _compile(self.term_source, "indicator forms", NAME)

    @cached_property
    def gap(self) -> re.Pattern[str]:
        return _compile(self.gap_source, "gap", NAME)

    def codes_of(self, m: re.Match[str]) -> tuple[str, ...]:
        return self.groups[m.lastgroup or ""]

    def names(self, text: str) -> list[re.Match[str]]:
        """Every indicator name in ``text``, as ``term.finditer`` finds them, but read only around
        the characters a name can end on: one alternation of every form, tried at every
        character, is slow, and most text holds no name."""
        out: list[re.Match[str]] = []
        lo = hi = -1
        for m in self.anchor.finditer(text):
            a, b = max(0, m.start() - _REACH), min(len(text), m.end() + _TAIL)
            if a > hi:
                if hi > lo:
                    out += self.term.finditer(text, lo, hi)
                lo = a
            hi = b
        if hi > lo:
            out += self.term.finditer(text, lo, hi)
        return out

    def starts_word(self, text: str, pos: int, place_ends: frozenset[int] = frozenset()) -> bool:
        """Whether a name at ``pos`` starts a word rather than ends a longer noun (海洋生产总值);
        a place just before it (昆明地区生产总值) leaves it a word."""
        if pos == 0 or pos in place_ends:
            return True
        ch = text[pos - 1]
        if not ("\u4e00" <= ch <= "\u9fff") or ch in self.after_chars:
            return True
        return any(text.endswith(w, 0, pos) for w in self.after_words)


def _compile(pattern: str, what: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataFileError(f"{what}: bad pattern {pattern!r}: {exc}", name) from exc


def _indicators(obj: dict[str, Any], name: str, into: dict[str, IndicatorDef]) -> None:
    for item in require(obj, "indicators", list, name):
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise DataFileError("each indicator needs a code", name)
        code = item["code"]
        forms = tuple(require(item, "forms", list, name))
        for f in forms if name != NAME else ():  # a user's; the bundled forms are tested once, not at every start
            _compile(f, code, name)
        if code in into:  # a user's file extending a known indicator
            old = into[code]
            into[code] = IndicatorDef(old.code, old.name, old.national_name, old.kinds, old.unit, old.part_of,
                                      old.forms + tuple(f for f in forms if f not in old.forms))
            continue
        kinds = tuple(require(item, "kinds", list, name))
        if not kinds or any(k not in KINDS for k in kinds):
            raise DataFileError(f"{code}: kinds must be level and/or growth", name)
        into[code] = IndicatorDef(code=code, name=require(item, "name", str, name),
                                  national_name=item.get("national_name") or item["name"], kinds=kinds,
                                  unit=require(item, "unit", str, name), part_of=item.get("part_of"), forms=forms)


_REACH = 36  # the most characters a written name spans before its last two plain characters
_TAIL = 10  # … and after them (optional endings: 总水平, 涨幅, 总额)
_FOOTNOTE = r"(?:\\?\[\d{1,2}\\?\]|[①-⑳])?"


def _last_plain(form: str) -> str:
    """The last two characters of ``form`` that every match of it writes: optional groups,
    character classes and quantifiers left out (居民消费价格(?:总水平)? → 价格, 进出口总[额值] → 口总)."""
    plain = form
    while True:
        stripped = re.sub(r"\(\?:[^()]*\)[?*]|\[[^\]]*\][?*]?|\{\d*,?\d*\}|[?*+]", "", plain)
        if stripped == plain:
            break
        plain = stripped
    plain = re.sub(r"[()|]", "", plain)
    return plain[-2:] if len(plain) >= 2 else ""


def _footnotes_inside(form: str) -> str:
    """``form`` that also matches with a footnote mark between two of its characters
    (规模以上工业[6]增加值): one after each Chinese character outside a character class."""
    out, in_class = [], False
    for k, ch in enumerate(form):
        out.append(ch)
        if ch == "[" and (k == 0 or form[k - 1] != "\\"):
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif not in_class and "\u4e00" <= ch <= "\u9fff" and k + 1 < len(form) \
                and "\u4e00" <= form[k + 1] <= "\u9fff":
            out.append(_FOOTNOTE)
    return "".join(out)


def _build(objs: list[tuple[dict[str, Any], str]]) -> Vocabulary:
    base, name = objs[0]
    indicators: dict[str, IndicatorDef] = {}
    pairs: list[tuple[tuple[str, ...], tuple[str, ...], str | None]] = []
    for obj, n in objs:
        _indicators(obj, n, indicators)
        for p in obj.get("pairs", {}).get("items", []):
            pairs.append((tuple(p["forms"]), tuple(p["codes"]), p.get("single")))
    for _, codes, one in pairs:
        for c in (*codes, *([one] if one else [])):
            if c not in indicators:
                raise DataFileError(f"pair names an unknown indicator {c}", name)
    for d in indicators.values():
        if d.part_of and d.part_of not in indicators:
            raise DataFileError(f"{d.code} is part of an unknown indicator {d.part_of}", name)
    entries: list[tuple[str, tuple[str, ...], str | None]] = []
    for forms, codes, one in pairs:
        entries += [(f, codes, one) for f in forms]
    for d in indicators.values():
        entries += [(f, (d.code,), d.code) for f in d.forms]
    # leftmost match wins; at one position the longer written form is tried first
    entries.sort(key=lambda e: len(re.sub(r"\(\?:|[()?\[\]|]", "", e[0])), reverse=True)
    ends = {_last_plain(f) for f, _, _ in entries}
    if "" in ends:
        raise DataFileError("every indicator form needs two plain characters outside optional parts", name)
    anchor = re.compile("|".join(re.escape(e[0]) + _FOOTNOTE + re.escape(e[1]) for e in sorted(ends)))
    entries = [(_footnotes_inside(f), codes, one) for f, codes, one in entries]
    groups = {f"t{i}": codes for i, (_, codes, _) in enumerate(entries)}
    single = {f"t{i}": one for i, (_, _, one) in enumerate(entries)}
    term = "|".join(f"(?P<t{i}>{f})" for i, (f, _, _) in enumerate(entries))
    gap = require(base, "gap", dict, name)
    not_annual = require(base, "not_annual", dict, name)
    words = alternation(require(gap, "words", list, name))
    gap_re = (r"(?:\s|[，,、：:]|\\?\[\d{1,2}\\?\]|[①-⑳]|[（(][^（）()\n]{0,30}[）)]|"
              r"(?:19|20)\d{2}\s*年(?:的|末|底)?|今年|上年末|年末|人民币|" + words + ")*")
    vocabulary = Vocabulary(
        indicators=indicators, term_source=term, anchor=anchor, groups=groups, single=single,
        gap_source=gap_re,
        growth=re.compile(alternation(require(gap, "growth_words", list, name))),
        fall=re.compile(alternation(require(gap, "fall_words", list, name))),
        flat=_compile(require(gap, "flat", str, name), "flat", name),
        plan_period=_compile(require(not_annual, "plan_period", str, name), "plan_period", name),
        multi_year=_compile(require(not_annual, "multi_year", str, name), "multi_year", name),
        part_year=_compile(require(not_annual, "part_year", str, name), "part_year", name),
        part_scope=_compile(require(not_annual, "part_scope", str, name), "part_scope", name),
        cpi_scope=_compile(require(base, "cpi_scope", str, name), "cpi_scope", name),
        after_chars=require(require(base, "boundary", dict, name), "after_chars", str, name),
        after_words=tuple(require(base["boundary"], "after_words", list, name)),
    )
    if len(objs) > 1:  # a user's forms: a bad one is reported when the file is read, not at first use
        _compile(term, "indicator forms", objs[-1][1])
    return vocabulary


@cache
def load_vocabulary(extra: str | None = None) -> Vocabulary:
    """The bundled vocabulary, extended by the user's JSON file ``extra`` when given."""
    objs = [(load_json(NAME), NAME)]
    if extra:
        try:
            obj = json.loads(Path(extra).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DataFileError(f"cannot read the indicator vocabulary: {exc}", extra) from exc
        if not isinstance(obj, dict):
            raise DataFileError("expected a JSON object at the top", extra)
        objs.append((obj, extra))
    return _build(objs)
