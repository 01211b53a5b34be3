"""Clean text in, heading lines out: which lines are headings, and of what kind.

Every non-empty line of the clean text is a candidate, first judged on its own by the
heading grammar (:mod:`.headings`), then against the lines around it:

- numbering continuity outweighs one line's length or punctuation: a long （四） between
  （三） and （五） is a heading;
- a run of siblings counting up from one is judged as a run: all headings or none;
- two or more list-numbered lines in a row (``1.XX申请表`` ``2.XX承诺书``) are a list;
- the numbered lines of a glossary (``名词解释``) and the items of an article (第X条 （一）)
  are entries, not sections;
- an appendix (``附件1``) takes its title from the next line and nests what follows;
- back matter set as body text or written at the start of its paragraph (``资料来源：…``)
  counts in the tail of the document only;
- where the top numbering family starts again at one, the short unnumbered line before
  each run (``“十四五”时期工作回顾``) is the level-1 part the runs belong to (:mod:`.parts`).

Levels come from the order in which numbering families appear, so an excerpt that starts
at ``五、`` or a report whose second level is ``5.1`` both nest correctly.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .headings import (
    Heading,
    HeadingGrammar,
    classify_line,
    loose_heading,
    numbered_shape,
    ordinal,
    run_in_back_matter,
)
from .lines import RESETS, Line, lines_of, top_kind
from .parts import plain_parts

_QUOTED_TERM = re.compile(r"^[\d（()）.．、\s]+[“\"「《][^”\"」》]{1,30}[”\"」》][：:]")
_LIST_OPENER = re.compile(r"[：:]\s*(?:1[.．、]|([（(])1[）)])\s*(?:[\u4e00-\u9fff“《A-Za-z]|(?:19|20)\d{2}年)")


def _fill_numbering_gaps(lines: list[Line], grammar: HeadingGrammar) -> None:
    """Accept the rejected lines of a family that exactly fill the gap between two accepted
    siblings: （三） [long （四）] （五）."""
    last: dict[str, int] = {}
    pending: dict[str, list[Line]] = {}
    for ln in lines:
        h = ln.heading
        if h is None:
            if ln.loose is not None:
                pending.setdefault(ln.loose.kind, []).append(ln)
            continue
        if h.kind not in grammar.ordered_kinds or (n := ordinal(h.number)) is None:
            continue
        gap = pending.pop(h.kind, [])
        counts = [ordinal(g.loose.number) for g in gap if g.loose]
        if gap and h.kind in last and counts == list(range(last[h.kind] + 1, n)):
            for g in gap:
                g.heading, g.loose = g.loose, None
        last[h.kind] = n
    _close_runs(lines, grammar)


def _close_runs(lines: list[Line], grammar: HeadingGrammar) -> None:
    """Accept a rejected line that goes on a run of at least two accepted siblings
    (（一） （二） [long （三）]) when what follows it closes the run: a heading of an outer
    family, back matter, an appendix, or the end of the text."""
    first: dict[str, int] = {}
    for k, ln in enumerate(lines):
        if ln.heading:
            first.setdefault(ln.heading.kind, k)
    last: dict[str, int] = {}
    for k, ln in enumerate(lines):
        h = ln.heading or ln.loose
        if h is None or h.kind not in grammar.ordered_kinds or (n := ordinal(h.number)) is None:
            continue
        if ln.heading:
            last[h.kind] = n
            continue
        if last.get(h.kind, 0) < 2 or n != last[h.kind] + 1:
            continue
        nxt = next((x.heading for x in lines[k + 1:] if x.heading), None)
        if nxt is None or nxt.kind in RESETS or first.get(nxt.kind, k) < first.get(h.kind, k):
            ln.heading, ln.loose = h, None
            last[h.kind] = n


def _judge_runs(lines: list[Line], grammar: HeadingGrammar) -> None:
    """A run of siblings (（一）（二）（三）…, counting up from one with no outer heading between) is all
    headings or none: when at least half its lines pass on their own, the others that continuity
    can vouch for pass too; when fewer do, none is a heading (a notice's short （一） among its
    paragraphs). Consecutive lines of one sentence each, with no text of their own under them,
    are numbered paragraphs, not headings.
    Runs the layout or the markup has judged line by line are left as they are."""
    rank: dict[str, int] = {}
    for k, ln in enumerate(lines):
        if ln.heading:
            rank.setdefault(ln.heading.kind, k)
    open_runs: dict[str, list[tuple[int, int]]] = {}  # family -> [(line index, count)]

    def close(kind: str) -> None:
        run = open_runs.pop(kind, [])
        if len(run) >= 2 and run[0][1] == 1 and not any(lines[k].set_as_heading for k, _ in run):
            _judge_run([lines[k] for k, _ in run], [k for k, _ in run], grammar)

    for k, ln in enumerate(lines):
        h = ln.heading
        if h is not None and h.kind not in grammar.run_kinds:
            outer = h.kind in RESETS or h.kind.startswith("md")
            for kind in [f for f in open_runs if outer or rank.get(f, len(lines)) > rank.get(h.kind, k)]:
                close(kind)
        shape = numbered_shape(ln.text, grammar)
        if shape is None or shape[0] not in grammar.run_kinds or (h is not None and h.kind != shape[0]):
            continue
        kind, n = shape
        for f in [f for f in open_runs if f != kind and rank.get(f, len(lines)) > rank.get(kind, k)]:
            close(f)  # an outer sibling closes the runs nested in the one before it
        run = open_runs.get(kind)
        if not run or n != run[-1][1] + 1:
            close(kind)
            open_runs[kind] = run = []
        run.append((k, n))
    for kind in list(open_runs):
        close(kind)


def _judge_run(run: list[Line], at: list[int], grammar: HeadingGrammar) -> None:
    passed = [ln for ln in run if ln.heading]
    if at == list(range(at[0], at[0] + len(at))) and all(_one_sentence(ln.text, grammar) for ln in run):
        # Consecutive lines, each one sentence and nothing after it: numbered paragraphs (a
        # notice's requirements, （一）政务数据；（二）…), not titles each over their own text.
        for ln in passed:
            ln.heading, ln.loose = None, ln.heading
    elif 2 * len(passed) >= len(run):
        for ln in run:
            if ln.heading is None and ln.loose is not None:
                ln.heading, ln.loose = ln.loose, None
    else:
        for ln in passed:
            ln.heading, ln.loose = None, ln.heading


def _one_sentence(line: str, grammar: HeadingGrammar) -> bool:
    """The line ends with its first sentence end: one sentence (or clause), nothing run in after it."""
    t = line.rstrip()
    return next((k for k, ch in enumerate(t) if ch in grammar.sentence_end), -1) == len(t) - 1


def _counted_runs(lines: list[Line], grammar: HeadingGrammar) -> None:
    """A ``needs_run`` line (第一条为了… without a space) is a heading when the nearest line of
    its family before or after it counts next to it."""
    shaped = [ln for ln in lines if (ln.heading or ln.loose)]
    for i, ln in enumerate(shaped):
        h = ln.loose
        if h is None or ln.heading or not _needs_run(ln.text, grammar):
            continue
        n = ordinal(h.number)
        same = [(ordinal(o.number), j) for j, x in enumerate(shaped)
                if (o := x.heading or x.loose) and o.kind == h.kind]
        before = [c for c, j in same if j < i][-1:]
        after = [c for c, j in same if j > i][:1]
        if n is not None and (before == [n - 1] or after == [n + 1]):
            ln.heading, ln.loose = h, None


def _needs_run(line: str, grammar: HeadingGrammar) -> bool:
    for p in grammar.patterns:
        if p.regex.match(line):
            return p.needs_run
    return False


def _drop_lists(lines: list[Line], grammar: HeadingGrammar) -> None:
    """Two or more list-numbered lines in a row, counting up, with nothing between, are a
    list; so is a line continuing one that a colon opens (``附件：1.XX办法`` / ``2.XX表``)."""
    run: list[tuple[Line, str, int]] = []  # (line, family, count); an opener line is not a heading

    def close() -> None:
        if len(run) >= 2:
            for r, _, _ in run:
                r.heading = None
        run.clear()

    for ln in lines:
        h = ln.heading
        if h is None:
            close()
            m = _LIST_OPENER.search(ln.text)
            if m:
                run.append((ln, "paren_arabic" if m.group(1) else "arabic", 1))
            continue
        n = ordinal(h.number)
        if h.kind not in grammar.list_kinds or h.body or n is None:
            close()
            continue
        if not (run and run[-1][1] == h.kind and n == run[-1][2] + 1):
            close()
        run.append((ln, h.kind, n))
    close()


def _drop_entries(lines: list[Line], grammar: HeadingGrammar) -> None:
    """Glossary entries (名词解释 / 1.“XX”：…) are not sections; neither is a quoted term
    defined after a number anywhere."""
    in_glossary = False
    for ln in lines:
        h = ln.heading
        if h is None:
            continue
        if h.kind in RESETS or h.kind in ("chapter", "part", "cn"):
            in_glossary = h.kind == "back" and h.title in grammar.glossary
            continue
        if in_glossary or _QUOTED_TERM.match(ln.text):
            ln.heading = None


def _annex_titles(lines: list[Line], grammar: HeadingGrammar) -> None:
    """``附件1`` alone on its line is titled by the next line when that reads like a title."""
    for ln, nxt in pairwise(lines):
        h = ln.heading
        if h is None or h.kind != "annex" or h.title or nxt.heading is not None:
            continue
        cand = nxt.text.strip()
        if cand and len(cand) <= grammar.max_title and not any(ch in cand for ch in grammar.sentence_end + "：:"):
            ln.heading = Heading(h.kind, h.number, cand)
            nxt.title_line = True


def _in_tail(lines: list[Line], k: int, top: str | None) -> bool:
    """No part of the top numbering family follows line ``k`` (before an appendix starts)."""
    for ln in lines[k + 1:]:
        if ln.heading and ln.heading.kind == "annex":
            return True
        if ln.heading and ln.heading.kind == top:
            return False
    return True


def _tail_back_matter(lines: list[Line], grammar: HeadingGrammar, layout_vetoed: list[int]) -> None:
    """Back matter that does not stand out (body type, or run into its paragraph) is a
    section only after the last top-level part: 注释：[1]… ends a communiqué; 注： under
    a table in its middle does not."""
    top = top_kind(lines)
    for k, ln in enumerate(lines):
        if k in layout_vetoed:  # a title that tables' notes do not use (注：, 说明：)
            h = classify_line(ln.text, grammar)
            h = h if h and h.title in grammar.run_in_back_matter else None
        elif ln.heading is None:
            h = run_in_back_matter(ln.text, grammar)
        else:
            continue
        if h is not None and h.kind == "back" and _in_tail(lines, k, top):
            ln.heading = h


def find_headings(text: str, grammar: HeadingGrammar, md: dict[int, int], layout: dict[int, bool]) -> list[Line]:
    """Every non-empty line of ``text``, with the heading it is taken as once every rule has spoken."""
    lines = []
    for lo, hi in lines_of(text):
        t = text[lo:hi]
        h = classify_line(t, grammar, md.get(lo))
        lines.append(Line(lo, hi, t, h, None if h else loose_heading(t, grammar), layout.get(lo) is False,
                          set_as_heading=lo in md or layout.get(lo) is True))
    vetoed: list[int] = []
    if any(layout.get(ln.lo) for ln in lines if ln.heading):
        # The layout sets headings apart (bold, larger): a numbered line set as body text is
        # not one (a table row 一、食品烟酒 99.2, a list item).
        for k, ln in enumerate(lines):
            if ln.set_as_body:
                if ln.heading is not None:
                    vetoed.append(k)
                ln.heading = ln.loose = None
    else:
        for ln in lines:
            ln.set_as_body = False
    _counted_runs(lines, grammar)
    _fill_numbering_gaps(lines, grammar)
    _judge_runs(lines, grammar)
    _drop_lists(lines, grammar)
    _drop_entries(lines, grammar)
    _annex_titles(lines, grammar)
    _tail_back_matter(lines, grammar, vetoed)
    plain_parts(lines, grammar)
    return lines
