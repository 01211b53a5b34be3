"""Heading grammar → section tree, paragraphs and enumerated points.

Every non-empty line of the clean text is a candidate. A line is a heading when
it matches one of the numbering shapes in ``data/headings.json`` and reads like
a title (short, no sentence end, not a table row), or when it is an unnumbered
back-matter title such as ``数据来源``. Levels come from the order in which
numbering families appear, so an excerpt that starts at ``五、`` or a report whose
second level is ``5.1`` both nest correctly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from .data import load_json, require
from .models import Paragraph, Point, Section

_NAME = "headings.json"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN_ORD = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_ENUM_SHI = re.compile(r"(?:^|(?<=[。；;，,：:！？]))(?:其)?([一二三四五六七八九十]{1,3})是")
_ENUM_PAREN = re.compile(r"[（(](\d{1,2})[）)]")
_ENUM_CIRCLED = re.compile(rf"(?:^|(?<=[。；;，,：:！？\s]))([{_CIRCLED}])")
_ENUM_LINE = re.compile(r"^(\d{1,2})[.．、](?!\d)")


@dataclass(frozen=True)
class HeadingPattern:
    kind: str
    regex: re.Pattern[str]
    run_in: bool
    titled: str  # always | optional | never


@dataclass(frozen=True)
class HeadingGrammar:
    patterns: tuple[HeadingPattern, ...]
    back_matter: frozenset[str]
    max_title: int
    sentence_end: str
    table_row: re.Pattern[str]


def load_grammar() -> HeadingGrammar:
    d = load_json(_NAME)
    pats = tuple(
        HeadingPattern(p["kind"], re.compile(p["regex"]), bool(p["run_in"]), p["titled"])
        for p in require(d, "patterns", list, _NAME)
    )
    return HeadingGrammar(
        patterns=pats,
        back_matter=frozenset(require(d, "back_matter", list, _NAME)),
        max_title=require(d, "max_title_length", int, _NAME),
        sentence_end=require(d, "sentence_end", str, _NAME),
        table_row=re.compile(require(d, "table_row", str, _NAME)),
    )


@dataclass(frozen=True)
class Heading:
    """A heading line: its family (``kind``), numbering token and title."""

    kind: str
    number: str | None
    title: str | None
    body: bool = False  # the line goes on with body text (a run-in heading, an article's text)


def _number_token(raw: str) -> str:
    """``五`` from ``五、``, ``5.1`` from ``5.1.`` (or ``５．１``); bracketed numbers keep their brackets."""
    return raw.rstrip(".．、").replace("．", ".")


def _numbered(line: str, grammar: HeadingGrammar) -> Heading | None:
    for p in grammar.patterns:
        m = p.regex.match(line)
        if not m:
            continue
        number, rest = _number_token(m.group(1)), m.group(2).strip()
        if p.titled == "never":
            return Heading(p.kind, number, None, body=bool(rest))
        if not rest:
            return Heading(p.kind, number, None) if p.titled == "optional" else None
        if grammar.table_row.search(rest):
            return None  # 一、食品烟酒 99.2: a table row, not a heading
        title, body = rest, False
        if any(ch in rest for ch in grammar.sentence_end):
            if not p.run_in:
                return None
            cut = min(rest.find(ch) for ch in grammar.sentence_end if ch in rest)
            title, body = rest[:cut], bool(rest[cut + 1:].strip())
        if not title or len(title) > grammar.max_title:
            return None
        return Heading(p.kind, number, title, body)
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


@dataclass
class Segmentation:
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def section_at(self, offset: int) -> str | None:
        """Id of the innermost section holding ``offset`` (sections must be complete)."""
        # Sections nest and come in document order: the innermost holder of an offset is
        # the last section starting at or before it that has not yet ended.
        if len(self._starts) != len(self.sections):
            self._starts = [s.start for s in self.sections]
        for k in range(bisect_right(self._starts, offset) - 1, -1, -1):
            s = self.sections[k]
            if offset < s.end or (offset == s.end == s.start):
                return s.id
        return None


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _points_in(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Enumerated items inside one paragraph: (marker, ordinal, offset), longest run from 1."""
    para = text[start:end]
    found: list[tuple[str, int, int]] = []
    families: tuple[tuple[re.Pattern[str], Callable[[str], int]], ...] = (
        (_ENUM_SHI, _cn_ordinal),
        (_ENUM_PAREN, int),
        (_ENUM_CIRCLED, lambda s: _CIRCLED.index(s) + 1),
    )
    for regex, ordinal in families:
        run: list[tuple[str, int, int]] = []
        for m in regex.finditer(para):
            n = ordinal(m.group(1))
            if n == len(run) + 1:
                run.append((m.group(0).lstrip("其"), n, start + m.start() + (1 if m.group(0)[0] == "其" else 0)))
        if len(run) >= 2:
            found = run
            break
    if not found:
        line = _ENUM_LINE.match(para)
        if line:
            found = [(line.group(0), int(line.group(1)), start)]
    return found


def _cn_ordinal(s: str) -> int:
    if s in _CN_ORD:
        return _CN_ORD[s]
    if s.startswith("十"):
        return 10 + _CN_ORD.get(s[1:], 0)
    if len(s) == 2 and s[1] == "十":
        return _CN_ORD.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_ORD.get(s[0], 0) * 10 + _CN_ORD.get(s[2], 0)
    return 0


def segment(
    text: str,
    markdown_headings: dict[int, int] | None = None,
    is_heading: dict[int, bool] | None = None,
) -> Segmentation:
    """Split clean ``text`` into sections, paragraphs and points.

    ``markdown_headings`` maps a line's offset to its ``#`` depth; ``is_heading`` lets
    layout evidence (a PDF line's font) confirm or veto a numbered heading."""
    grammar = load_grammar()
    md = markdown_headings or {}
    layout = is_heading or {}
    seg = Segmentation()
    stack: list[tuple[str, Section]] = []
    heading_lines: dict[int, bool] = {}  # line start -> whether the line also carries body text
    found = [(lo, hi, h) for lo, hi in _lines(text) if (h := classify_line(text[lo:hi], grammar, md.get(lo)))]
    if any(layout.get(lo) for lo, _, _ in found):
        # The layout sets headings apart (bold, larger): a numbered line set as body text is
        # not one (a table row 一、食品烟酒 99.2, a list item).
        found = [(lo, hi, h) for lo, hi, h in found if layout.get(lo) is not False]
    for lo, _, h in found:
        if h.kind == "back" or h.kind == "md1":
            stack = []
        else:
            kinds = [k for k, _ in stack]
            if h.kind in kinds:
                del stack[kinds.index(h.kind):]
        parent = stack[-1][1] if stack else None
        sec = Section(
            id=f"s{len(seg.sections) + 1}",
            number=h.number,
            title=h.title,
            level=len(stack) + 1,
            parent=parent.id if parent else None,
            start=lo,
            end=len(text),
        )
        seg.sections.append(sec)
        stack.append((h.kind, sec))
        heading_lines[lo] = h.body
    for i, s in enumerate(seg.sections):
        for later in seg.sections[i + 1:]:
            if later.level <= s.level:
                s.end = later.start - 1 if later.start > 0 and text[later.start - 1] == "\n" else later.start
                break
    for lo, hi in _lines(text):
        if lo in heading_lines and not heading_lines[lo]:
            continue
        pid = f"p{len(seg.paragraphs) + 1}"
        sid = seg.section_at(lo)
        seg.paragraphs.append(Paragraph(id=pid, section=sid, start=lo, end=hi))
        if lo in heading_lines:
            continue
        marks = _points_in(text, lo, hi)
        for k, (marker, ordinal, at) in enumerate(marks):
            stop = marks[k + 1][2] if k + 1 < len(marks) else hi
            while stop > at and text[stop - 1] in " \u3000":
                stop -= 1
            seg.points.append(Point(id=f"pt{len(seg.points) + 1}", section=sid, paragraph=pid, marker=marker,
                                    ordinal=ordinal, start=at, end=stop))
    return seg
