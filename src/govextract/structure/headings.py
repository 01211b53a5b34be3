"""The heading grammar: what one line says about itself.

A line is a heading when it matches one of the numbering shapes in ``data/headings.json``
and reads like a title (short, no sentence end, not a table row), or when it is an
unnumbered back-matter title such as ``数据来源``. What the lines around it say (numbering
continuity, lists, glossaries, the tail of the document) is weighed in :mod:`.segment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..data import load_json, require
from ..errors import DataFileError
from ..models import SectionKind

_NAME = "headings.json"
_CN_ORD = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"零": 0, "〇": 0}
_DIGITS = re.compile(r"\d+")
_CN_DIGITS = re.compile(r"[一二三四五六七八九十百零〇]+")


@dataclass(frozen=True)
class HeadingPattern:
    kind: str
    regex: re.Pattern[str]
    run_in: bool
    titled: str  # always | optional | never
    needs_run: bool = False  # a heading only beside a sibling that counts next to it


@dataclass(frozen=True)
class HeadingGrammar:
    patterns: tuple[HeadingPattern, ...]
    back_matter: frozenset[str]
    run_in_back_matter: frozenset[str]
    glossary: frozenset[str]
    ordered_kinds: frozenset[str]
    list_kinds: frozenset[str]
    run_kinds: frozenset[str]
    article_items: frozenset[str]
    max_title: int
    rescued_title: int
    plain_title: int
    sentence_end: str
    table_row: re.Pattern[str]
    title_kinds: dict[str, str]  # back-matter title -> Section.kind (glossary titles: glossary)
    family_kinds: dict[str, str]  # numbering family -> Section.kind (annex: appendix)


def _words(d: dict[str, object], key: str) -> frozenset[str]:
    words = require(d, key, list, _NAME)
    if not all(isinstance(w, str) and w for w in words):
        raise DataFileError(f"{key!r} must list non-empty strings", _NAME)
    return frozenset(words)


def _kind_map(d: dict[str, object], key: str) -> dict[str, str]:
    if not all(isinstance(v, str) and v in SectionKind.__members__ for v in d.values()):
        raise DataFileError(f"{key!r} values must be section kinds {sorted(SectionKind.__members__)}", _NAME)
    return {k: str(v) for k, v in d.items()}


def _title_kinds(d: dict[str, object]) -> dict[str, str]:
    """Back-matter title -> section kind, from ``section_kinds`` and the glossary titles."""
    by_kind = require(d, "section_kinds", dict, _NAME)
    out = {t: SectionKind.glossary.value for t in _words(d, "glossary")}
    for kind in by_kind:
        if kind not in SectionKind.__members__ or kind == SectionKind.glossary.value:
            raise DataFileError(f"section_kinds: {kind!r} is not a section kind (glossary titles are listed apart)",
                                _NAME)
        for t in _words(by_kind, kind):
            if t in out:
                raise DataFileError(f"section_kinds: {t!r} has two kinds", _NAME)
            out[t] = kind
    return out


@cache
def load_grammar() -> HeadingGrammar:
    d = load_json(_NAME)
    pats = tuple(
        HeadingPattern(p["kind"], re.compile(p["regex"]), bool(p["run_in"]), p["titled"], bool(p.get("needs_run")))
        for p in require(d, "patterns", list, _NAME)
    )
    kinds = {p.kind for p in pats}
    grammar = HeadingGrammar(
        patterns=pats,
        back_matter=_words(d, "back_matter"),
        run_in_back_matter=_words(d, "run_in_back_matter"),
        glossary=_words(d, "glossary"),
        ordered_kinds=_words(d, "ordered_kinds"),
        list_kinds=_words(d, "list_kinds"),
        run_kinds=_words(d, "run_kinds"),
        article_items=_words(d, "article_items"),
        max_title=require(d, "max_title_length", int, _NAME),
        rescued_title=require(d, "rescued_title_length", int, _NAME),
        plain_title=require(d, "plain_title_length", int, _NAME),
        sentence_end=require(d, "sentence_end", str, _NAME),
        table_row=re.compile(require(d, "table_row", str, _NAME)),
        title_kinds=_title_kinds(d),
        family_kinds=_kind_map(require(d, "family_kinds", dict, _NAME), "family_kinds"),
    )
    if set(grammar.family_kinds) - kinds:
        raise DataFileError(f"family_kinds names undefined families: {sorted(set(grammar.family_kinds) - kinds)}",
                            _NAME)
    if set(grammar.title_kinds) != grammar.back_matter:
        missing = sorted(grammar.back_matter ^ set(grammar.title_kinds))
        raise DataFileError(f"every back_matter title needs exactly one section kind: {missing}", _NAME)
    unknown = (grammar.ordered_kinds | grammar.list_kinds | grammar.run_kinds | grammar.article_items) - kinds
    if unknown:
        raise DataFileError(f"kinds named but not defined by a pattern: {sorted(unknown)}", _NAME)
    if not (grammar.run_in_back_matter | grammar.glossary) <= grammar.back_matter:
        raise DataFileError("run_in_back_matter and glossary titles must be back_matter titles", _NAME)
    return grammar


@dataclass(frozen=True)
class Heading:
    """A heading line: its family (``kind``), numbering token and title."""

    kind: str
    number: str | None
    title: str | None
    body: bool = False  # the line goes on with body text (a run-in heading, an article's text)


def _number_token(raw: str) -> str:
    """``五`` from ``五、``, ``5.1`` from ``5.1.`` (or ``５．１``), ``附件1`` from ``附件 1``;
    bracketed numbers keep their brackets."""
    return re.sub(r"[\s　]+", "", raw.rstrip(".．、").replace("．", "."))


def _cn_int(s: str) -> int | None:
    """三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105; None when ``s`` is not a numeral."""
    total, digit = 0, 0
    for ch in s:
        if ch == "百":
            total, digit = total + max(digit, 1) * 100, 0
        elif ch == "十":
            total, digit = total + max(digit, 1) * 10, 0
        elif ch in _CN_ORD:
            digit = _CN_ORD[ch]
        else:
            return None
    return total + digit


def ordinal(number: str | None) -> int | None:
    """The count a numbering token states: ``（三）`` → 3, ``第十二条`` → 12, ``附件2`` → 2.
    A decimal number (``5.1``) counts only within its parent, so it has none here."""
    if not number or "." in number:
        return None
    m = _DIGITS.search(number)
    if m:
        return int(m.group())
    m = _CN_DIGITS.search(number)
    return _cn_int(m.group()) if m else None


def _match(line: str, grammar: HeadingGrammar) -> tuple[HeadingPattern, str, str] | None:
    for p in grammar.patterns:
        m = p.regex.match(line)
        if m:
            return p, _number_token(m.group(1)), m.group(2).strip()
    return None


_SPACED_BODY = re.compile(r"^([^\s　，,：:（(“]+)[\s　]+(\S.*[，,。；;！？!?].*)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _spaced_title(rest: str, grammar: HeadingGrammar) -> str | None:
    """A short title set apart by a space from the sentence that follows it on the same line:
    a web page that puts a heading and its paragraph on one line (``一、综合 根据初步核算，全年…``).
    What follows must read as a sentence (words and punctuation), not a table row's figures."""
    spaced = _SPACED_BODY.match(rest)
    if (spaced and len(spaced.group(1)) <= grammar.plain_title and len(_CJK.findall(spaced.group(2))) >= 4
            and not any(ch in spaced.group(1) for ch in grammar.sentence_end)):
        return spaced.group(1)
    return None


def _table_row(rest: str, grammar: HeadingGrammar) -> bool:
    """``食品烟酒 99.2``: a table row's label and figure after its number, not a title (a title
    set apart from a paragraph that happens to end on a figure is still one)."""
    return bool(grammar.table_row.search(rest)) and not _spaced_title(rest, grammar)


def _cut(rest: str, grammar: HeadingGrammar) -> tuple[str, bool]:
    """A title cut at its first sentence end (or at the space that sets it apart from its
    sentence, :func:`_spaced_title`), and whether body text follows the cut."""
    if spaced := _spaced_title(rest, grammar):
        return spaced, True
    ends = [rest.find(ch) for ch in grammar.sentence_end if ch in rest]
    if not ends:
        return rest, False
    cut = min(ends)
    return rest[:cut], bool(rest[cut + 1:].strip())


def _numbered(line: str, grammar: HeadingGrammar) -> Heading | None:
    found = _match(line, grammar)
    if not found:
        return None
    p, number, rest = found
    if p.needs_run:
        return None
    if p.titled == "never":
        return Heading(p.kind, number, None, body=bool(rest))
    if not rest:
        return Heading(p.kind, number, None) if p.titled == "optional" else None
    if _table_row(rest, grammar):
        return None  # 一、食品烟酒 99.2: a table row, not a heading
    title, body = _cut(rest, grammar)
    if body or len(title) < len(rest):
        if not p.run_in:
            return None
    if not title or len(title) > grammar.max_title:
        return None
    return Heading(p.kind, number, title, body)


def numbered_shape(line: str, grammar: HeadingGrammar) -> tuple[str, int] | None:
    """The numbering family and count a line starts with, whatever follows (but a table row's):
    what makes the line a member of a numbered run, heading or not."""
    found = _match(line, grammar)
    if not found or _table_row(found[2], grammar) or (n := ordinal(found[1])) is None:
        return None
    return found[0].kind, n


def loose_heading(line: str, grammar: HeadingGrammar) -> Heading | None:
    """The heading a numbered line would be if its length or punctuation were no objection:
    what numbering continuity can vouch for (a long （四） between （三） and （五））."""
    found = _match(line, grammar)
    if not found:
        return None
    p, number, rest = found
    if p.needs_run and p.titled == "never":
        return Heading(p.kind, number, None, body=bool(rest))
    if p.kind not in grammar.ordered_kinds or p.titled == "never" or not rest or _table_row(rest, grammar):
        return None
    title, body = _cut(rest, grammar)
    if not title or len(title) > grammar.rescued_title:
        return None
    return Heading(p.kind, number, title, body)


def run_in_back_matter(line: str, grammar: HeadingGrammar) -> Heading | None:
    """``资料来源：本公报中…`` — a back-matter title written at the start of its paragraph."""
    m = re.match(r"^([^：:\s]{2,8})[：:]\s*(\S.*)$", line)
    if m and m.group(1) in grammar.run_in_back_matter:
        return Heading("back", None, m.group(1), body=True)
    return None


def classify_line(line: str, grammar: HeadingGrammar, hint_level: int | None = None) -> Heading | None:
    """The heading a line states, or None when it is body text. A line the source marks as a
    heading (``#`` in Markdown, a heading style in Word: ``hint_level``) is one in any case."""
    bare = line.rstrip("：:").strip()
    if bare in grammar.back_matter:
        return Heading("back", None, bare)
    h = _numbered(line, grammar)
    if h is None and hint_level:
        return Heading(f"md{hint_level}", None, line.strip())
    return h


__all__ = ["Heading", "HeadingGrammar", "HeadingPattern", "classify_line", "load_grammar", "loose_heading",
           "numbered_shape", "ordinal", "run_in_back_matter"]
