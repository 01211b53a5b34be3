"""Heading lines → section tree, paragraphs and enumerated points.

Which lines are headings is decided in :mod:`.outline`; here they become nested sections
(a heading closes the open sections of its own numbering family and below), every other
non-empty line a paragraph of its innermost section, and the runs of numbered items inside a
paragraph (一是…二是…, （1）…（2）…, ①…②…) its points.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import Paragraph, Point, Section, SectionKind
from .headings import load_grammar
from .lines import RESETS, lines_of
from .outline import find_headings

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN_ORD = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_ENUM_SHI = re.compile(r"(?:^|(?<=[。；;，,：:！？]))(?:其)?([一二三四五六七八九十]{1,3})是")
_ENUM_PAREN = re.compile(r"[（(](\d{1,2})[）)]")
_ENUM_CIRCLED = re.compile(rf"(?:^|(?<=[。；;，,：:！？\s]))([{_CIRCLED}])")
_ENUM_LINE = re.compile(r"^(\d{1,2})[.．、](?!\d)")


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


def _points_in(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Enumerated items inside one paragraph: (marker, ordinal, offset), longest run from 1."""
    para = text[start:end]
    found: list[tuple[str, int, int]] = []
    families: tuple[tuple[re.Pattern[str], Callable[[str], int]], ...] = (
        (_ENUM_SHI, _cn_ordinal),
        (_ENUM_PAREN, int),
        (_ENUM_CIRCLED, lambda s: _CIRCLED.index(s) + 1),
    )
    for regex, count in families:
        run: list[tuple[str, int, int]] = []
        for m in regex.finditer(para):
            n = count(m.group(1))
            if n == len(run) + 1:
                run.append((m.group(0).lstrip("其"), n, start + m.start() + (1 if m.group(0)[0] == "其" else 0)))
        if len(run) >= 2:
            found = run
            break
    if not found:
        line = _ENUM_LINE.match(para)
        if line and int(line.group(1)) >= 1:  # a count starts at 1: "0、" opens no item
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
    seg = Segmentation()
    stack: list[tuple[str, Section]] = []
    heading_lines: dict[int, bool] = {}  # line start -> whether the line also carries body text
    lines = find_headings(text, grammar, markdown_headings or {}, is_heading or {})
    title_lines = {ln.lo for ln in lines if ln.title_line}
    for ln in lines:
        h = ln.heading
        if h is None:
            continue
        kinds = [k for k, _ in stack]
        if h.kind in grammar.article_items and "article" in kinds:
            continue  # an article's item (项 （一）, 目 1.), not a section
        if h.kind in RESETS:
            stack = []
        elif h.kind in kinds:
            del stack[kinds.index(h.kind):]
        parent = stack[-1][1] if stack else None
        kind = grammar.family_kinds.get(h.kind)
        if h.kind == "back":
            kind = grammar.title_kinds.get(h.title or "")
        sec = Section(
            id=f"s{len(seg.sections) + 1}",
            number=h.number,
            title=h.title,
            level=len(stack) + 1,
            parent=parent.id if parent else None,
            start=ln.lo,
            end=len(text),
            kind=SectionKind(kind) if kind else (parent.kind if parent else SectionKind.body),
        )
        seg.sections.append(sec)
        stack.append((h.kind, sec))
        heading_lines[ln.lo] = h.body
    for i, s in enumerate(seg.sections):
        for later in seg.sections[i + 1:]:
            if later.level <= s.level:
                s.end = later.start - 1 if later.start > 0 and text[later.start - 1] == "\n" else later.start
                break
    for lo, hi in lines_of(text):
        if (lo in heading_lines and not heading_lines[lo]) or lo in title_lines:
            continue
        pid = f"p{len(seg.paragraphs) + 1}"
        sid = seg.section_at(lo)
        seg.paragraphs.append(Paragraph(id=pid, section=sid, start=lo, end=hi))
        if lo in heading_lines:
            continue
        marks = _points_in(text, lo, hi)
        for k, (marker, ordinal_, at) in enumerate(marks):
            stop = marks[k + 1][2] if k + 1 < len(marks) else hi
            while stop > at and text[stop - 1] in " \u3000":
                stop -= 1
            seg.points.append(Point(id=f"pt{len(seg.points) + 1}", section=sid, paragraph=pid, marker=marker,
                                    ordinal=ordinal_, start=at, end=stop))
    return seg


__all__ = ["Segmentation", "segment"]
