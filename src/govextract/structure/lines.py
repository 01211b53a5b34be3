"""The lines of the clean text as the outline rules see them: where each is, what it says,
and the heading it is taken as so far. Shared by :mod:`.outline` (numbered headings) and
:mod:`.parts` (unnumbered part titles)."""

from __future__ import annotations

from dataclasses import dataclass

from .headings import Heading

RESETS = ("back", "annex", "plain", "md1")  # kinds that close every open section


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@dataclass
class Line:
    lo: int
    hi: int
    text: str
    heading: Heading | None  # what the line is taken as, once every rule has spoken
    loose: Heading | None  # a numbered line rejected on its own, which continuity may vouch for
    set_as_body: bool  # the layout sets the line as body text
    title_line: bool = False  # the line is the title of the heading above it (附件1 / XX办法)
    set_as_heading: bool = False  # the layout or the markup sets the line apart as a heading


def top_kind(lines: list[Line]) -> str | None:
    """The numbering family of the first numbered heading: the document's top level."""
    for ln in lines:
        if ln.heading and ln.heading.kind not in RESETS and not ln.heading.kind.startswith("md"):
            return ln.heading.kind
    return None


__all__ = ["RESETS", "Line", "lines_of", "top_kind"]
