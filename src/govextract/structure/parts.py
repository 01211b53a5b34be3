"""Unnumbered part titles: a report whose parts are titled but not numbered.

Many work reports set their parts as bare titles on lines of their own (``过去五年工作回顾``,
``今年工作安排``) over runs of ``（一）…（八）``, with no ``一、`` above them. The signal is the
numbering: where the document's top numbering family starts again at one, the runs belong to
parts, and the short line before each run is a level-1 heading. Once such parts are found, a
short line over body text between two runs, or after the last one (``加强政府自身建设``), is a
part as well; so are two or more such lines before the first run.

Enters: the lines with the numbered headings already decided (:mod:`.outline`). Leaves: the
same lines, the part titles among them taken as ``plain`` headings (they close every section).
"""

from __future__ import annotations

import re
from itertools import pairwise

from .headings import Heading, HeadingGrammar, classify_line, loose_heading, ordinal
from .lines import RESETS, Line, top_kind
from .metadata import title_of_line

_NOT_PLAIN = re.compile(r"^(?:——|—|-|#|表\s*\d|图\s*\d|注|来源|(?:19|20)\d{2}\s*[年\-./]\s*\d{1,2}\s*[月\-./]\s*\d)")
_LETTER_SPACED = re.compile(r"^\S(?:[ 　]+\S){2,}$")  # 今 年 工 作 安 排: one character, a space, …
_COMMAS = "，,、"


def bare_title(text: str) -> str:
    """A title as it reads: ``今 年 工 作 安 排`` (set with a space between its characters, as
    centred titles often are) is ``今年工作安排``; any other text is returned stripped."""
    t = text.strip()
    return re.sub(r"[ 　]+", "", t) if _LETTER_SPACED.match(t) else t


def _shape(ln: Line, grammar: HeadingGrammar, long_ok: bool = False) -> str:
    """``body`` for body text (passed over), ``part`` for a line that may title an unnumbered part,
    else ``stop`` (a heading, a table row, a date, a byline such as ``市长　张三``). A lead-in that
    ends in a colon (``主要做了以下工作：``) is passed over but never a title. ``long_ok`` admits a
    title up to the longest heading when it has no comma (the line before a numbering restart)."""
    if ln.heading is not None or ln.title_line:
        return "stop"
    t = bare_title(ln.text)
    if any(ch in t for ch in grammar.sentence_end) or t.endswith(("：", ":")):
        return "body"
    limit = grammar.max_title if long_ok and not any(ch in t for ch in _COMMAS) else grammar.plain_title
    if len(t) > limit:
        return "body"
    if (ln.set_as_body or len(t) < 2 or any(ch in t for ch in "：: 　") or grammar.table_row.search(t)
            or _NOT_PLAIN.match(t) or classify_line(t, grammar) or loose_heading(t, grammar)):
        return "stop"
    return "part"


def _candidate(lines: list[Line], k: int, grammar: HeadingGrammar) -> int | None:
    """The short unnumbered line closest before ``lines[k]``, passing over body text only."""
    for j in range(k - 1, -1, -1):
        shape = _shape(lines[j], grammar, long_ok=True)
        if shape != "body":
            return j if shape == "part" else None
    return None


def _parts_above(lines: list[Line], k: int, grammar: HeadingGrammar, body_after: bool) -> list[int]:
    """Short lines each over body text, walking up from ``lines[k]`` to the first line that is
    neither (a heading, a byline, the document's title). ``body_after``: whether ``lines[k]``
    counts as body under the line just above it (a numbered heading does; a part title does not)."""
    parts: list[int] = []
    for j in range(k - 1, -1, -1):
        shape = _shape(lines[j], grammar)
        if shape == "body":
            body_after = True
        elif shape == "part" and body_after and not title_of_line(lines[j].text):
            parts.append(j)
            body_after = False
        else:
            break
    return parts


def _restarts(lines: list[Line], top: str) -> tuple[list[int], list[int]]:
    """The lines of the top family, and those among them where its numbering starts again at
    one with no back matter or appendix between (that would open a numbering of its own)."""
    firsts = [k for k, ln in enumerate(lines) if ln.heading and ln.heading.kind == top]
    restarts = []
    for prev, k in pairwise(firsts):
        h = lines[k].heading
        if h and ordinal(h.number) == 1 and not any(
                ln.heading and ln.heading.kind in RESETS for ln in lines[prev + 1:k]):
            restarts.append(k)
    return firsts, restarts


def plain_parts(lines: list[Line], grammar: HeadingGrammar) -> None:
    """Take the unnumbered part titles of ``lines`` as level-1 ``plain`` headings (in place)."""
    top = top_kind(lines)
    if top is None or top not in grammar.ordered_kinds:
        return
    firsts, restarts = _restarts(lines, top)
    titles = [c for k in restarts if (c := _candidate(lines, k, grammar)) is not None]
    between = list(titles)
    first = lines[firsts[0]].heading
    if first and ordinal(first.number) == 1:
        leading = _parts_above(lines, firsts[0], grammar, body_after=True)
        opening = _candidate(lines, firsts[0], grammar)
        if len(leading) >= 2:
            titles += leading
        elif titles and opening is not None and not title_of_line(lines[opening].text):
            titles.append(opening)  # not the document's own title
    if between:
        # The parts between two runs, or after the last, that no run follows.
        for c in between:
            titles += _parts_above(lines, c, grammar, body_after=False)
        titles += _parts_above(lines, len(lines), grammar, body_after=False)
    for c in set(titles):
        lines[c].heading = Heading("plain", None, bare_title(lines[c].text))


__all__ = ["bare_title", "plain_parts"]
