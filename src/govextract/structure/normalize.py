"""Clean text with an offset map back to the decoded input.

Cleaning is deliberately narrow: line ends unified, full-width digits and Latin
letters folded to ASCII (one character for one, so offsets stay simple), lines
stripped of indentation and trailing blanks, blank lines dropped, Markdown bold
markers and heading hashes removed. Never a blanket NFKC: that would turn the
Chinese comma ， into ``,`` and change what the reader sees.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

_WIDE = ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))  # full-width 0-9, A-Z, a-z
_FOLD = {cp: cp - 0xFEE0 for lo, hi in _WIDE for cp in range(lo, hi + 1)}
_FOLDED = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _WIDE) + "]")
_STRIP = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff\f\v"
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise-linear map from clean offsets to raw offsets: ``(clean_start, raw_start, length)``."""

    segments: tuple[tuple[int, int, int], ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [s[0] for s in self.segments]

    def to_raw(self, i: int) -> int:
        k = max(bisect_right(self._starts, i) - 1, 0)
        c, r, n = self.segments[k]
        return r + min(i - c, n)

    @cached_property
    def _raw_ends(self) -> list[int]:
        return [r + n for _, r, n in self.segments]

    def from_raw(self, j: int) -> int:
        """First clean offset whose raw position is at or after ``j``."""
        k = bisect_right(self._raw_ends, j)
        if k == len(self.segments):
            last = self.segments[-1] if self.segments else (0, 0, 0)
            return last[0] + last[2]
        c, r, _ = self.segments[k]
        return c + max(j - r, 0)


@dataclass(frozen=True)
class NormalizedText:
    text: str
    offsets: OffsetMap
    markdown_headings: dict[int, int] = field(default_factory=dict)
    """Offset of a line in ``text`` → its Markdown heading depth (``#`` count)."""


def normalize(raw: str, markdown: bool = True) -> NormalizedText:
    """Clean ``raw`` line by line, keeping where every kept character came from."""
    out: list[str] = []
    segs: list[tuple[int, int, int]] = []
    md: dict[int, int] = {}
    pos = 0  # length of the clean text so far
    raw_pos = 0
    # folded once, before the lines are read: one character for one, and none of the folded
    # characters (full-width letters and digits) is white space, a line end, # or *
    text_in = raw.translate(_FOLD) if _FOLDED.search(raw) else raw
    for line in re.split(r"(\r\n|\r|\n)", text_in):
        if line in ("\r\n", "\r", "\n"):
            raw_pos += len(line)
            continue
        line_raw_start = raw_pos
        raw_pos += len(line)
        lead = len(line) - len(line.lstrip(_STRIP))
        body = line.strip(_STRIP)
        if not body:
            continue
        body_raw = line_raw_start + lead
        depth = 0
        if markdown:
            m = _MD_HEADING.match(body)
            if m:
                depth = len(m.group(1))
                body = body[m.end():]
                body_raw += m.end()
                if not body.strip(_STRIP):
                    continue
        pieces: list[tuple[str, int]] = []  # (text, raw offset of its first char)
        if markdown and "**" in body:
            last = 0
            for m in _BOLD.finditer(body):
                pieces.append((body[last:m.start()], body_raw + last))
                pieces.append((m.group(1), body_raw + m.start(1)))
                last = m.end()
            pieces.append((body[last:], body_raw + last))
        else:
            pieces.append((body, body_raw))
        if out:
            out.append("\n")
            segs.append((pos, line_raw_start - 1, 1))
            pos += 1
        if depth:
            md[pos] = depth
        for text, r in pieces:
            if not text:
                continue
            out.append(text)
            segs.append((pos, r, len(text)))
            pos += len(text)
    return NormalizedText("".join(out), OffsetMap(tuple(segs)), md)
