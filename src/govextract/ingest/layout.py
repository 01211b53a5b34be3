"""From positioned lines to running text, the Chinese way (pure; no PDF library here).

- Running headers and footers are found by repetition at the same edge of many
  pages (digits folded, so ``- 3 -`` and ``- 4 -`` repeat), page numbers by shape.
- A line that wraps mid-sentence joins the next with nothing between two CJK
  characters and one space between two Latin words; a paragraph runs on across a
  page break. A new paragraph starts at a first-line indent, after a short last
  line, or where the type changes (a heading).
"""

from __future__ import annotations

import itertools
import re
import statistics
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt

BBoxT = tuple[float, float, float, float]

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·\s]*\d{1,4}[-—–－~·\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-—–－\s]*[ivxlcIVXLC]{1,6}[-—–－\s]*)$"
)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0xF900 <= o <= 0xFAFF)


NO_BOX = float("nan")  # in a box array: a character the PDF does not draw (an inserted space)


@dataclass
class PdfLine:
    """One printed line and its type. It keeps only its joined text, with the box of each of
    its characters packed four floats a character, so that a long PDF's lines stay small."""

    page: int
    size: float
    bold: bool
    joined: str  # the characters joined; spaces only inside
    # x0, top, x1, bottom of each character of ``joined``, as float32 (NaN: an inserted space)
    boxes: array[float] = field(compare=False, repr=False)
    x0: float
    x1: float
    top: float
    text: str = field(init=False)  # ``joined`` without its edge spaces

    def __post_init__(self) -> None:
        self.text = self.joined.strip()


Y_TOLERANCE = 3.0  # points, as pdfplumber's default


def page_lines(texts: Sequence[str], boxes: npt.ArrayLike, sizes: npt.ArrayLike, bolds: npt.ArrayLike,
               page_index: int) -> list[PdfLine]:
    """A page's lines from its characters: each character's text (spaces included, as the PDF has
    them), box (x0, top, x1, bottom, top measured down from the page's top), size and weight.

    Characters whose tops lie within a few points of a line's first form that line, read left
    to right; the line's size is the most common among its inked characters (the first of them
    on a tie, in top-then-left order), its weight the majority's. The characters are then joined:

    - a space character stays, except between two CJK characters (letter-spaced headings
      ``综 合``);
    - a gap with no space character becomes a space only between two Latin words, or after a
      list number (``1. 国家``), so the gap a word processor leaves in ``2025 年`` goes.

    The work is done on whole columns at once; Python loops only over lines and over the few
    places where a space may go."""
    n = len(texts)
    box = np.asarray(boxes, dtype=np.float64).reshape(n, 4)
    size = np.asarray(sizes, dtype=np.float64).reshape(n)
    bold = np.asarray(bolds, dtype=bool).reshape(n)
    if not all(texts):  # a glyph mapped to no text (an empty ToUnicode entry) prints nothing
        keep = [i for i, t in enumerate(texts) if t]
        texts, box, size, bold, n = [texts[i] for i in keep], box[keep], size[keep], bold[keep], len(keep)
    if n == 0:
        return []
    codes = _one_char_each(texts)
    # Top to bottom (a stable sort: equal tops keep the PDF's order). Lines depend only on the
    # tops; within a line the characters are then put left to right, equal lefts top-down.
    order = np.argsort(box[:, 1], kind="stable")
    tops = box[order, 1]
    reach = np.searchsorted(tops, tops + Y_TOLERANCE, side="right").tolist()
    top_list = tops.tolist()
    bounds, s = [0], 0
    while s < n:  # a line runs while a character's top is within Y_TOLERANCE of the line's first
        first, e = top_list[s], reach[s]
        while e > s + 1 and top_list[e - 1] - first > Y_TOLERANCE:
            e -= 1
        while e < n and top_list[e] - first <= Y_TOLERANCE:
            e += 1
        bounds.append(e)
        s = e
    row_of = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))  # line of each character, top-down order
    final = order[np.lexsort((box[order, 0], row_of))]
    if codes is not None:
        ink = ~_is_space(codes[final])
    else:
        ink = np.fromiter((not texts[i].isspace() for i in final.tolist()), dtype=bool, count=n)
    ink_at = np.flatnonzero(ink)
    if not len(ink_at):
        return []
    ink_src = final[ink_at]  # the inked characters, in reading order, as indices into the input
    ink_rows = row_of[ink_at]
    starts = np.concatenate(([0], np.flatnonzero(np.diff(ink_rows)) + 1))  # each inked line's first ink
    ends = np.append(starts[1:], len(ink_at))
    ink_box = box[ink_src]
    ink_size = size[ink_src]
    x0s = np.minimum.reduceat(ink_box[:, 0], starts)
    tops_l = np.minimum.reduceat(ink_box[:, 1], starts)
    x1s = np.maximum.reduceat(ink_box[:, 2], starts)
    bold_l = np.add.reduceat(bold[ink_src].astype(np.intp), starts) * 2 > (ends - starts)
    size_l = np.minimum.reduceat(ink_size, starts)
    for k in np.flatnonzero(size_l != np.maximum.reduceat(ink_size, starts)).tolist():
        r = int(ink_rows[starts[k]])
        in_row = order[bounds[r]:bounds[r + 1]]
        in_row = in_row[np.lexsort((box[in_row, 0], box[in_row, 1]))]  # top, then left, then the PDF's order
        counts: dict[float, int] = {}
        for i in in_row.tolist():
            if not texts[i].isspace():
                counts[float(size[i])] = counts.get(float(size[i]), 0) + 1
        size_l[k] = max(counts, key=counts.__getitem__)  # the first of the most common, as Counter gives it
    # Where a space may go: between two inked characters of one line with spaces or a gap between.
    line_of_ink = np.repeat(np.arange(len(starts)), ends - starts)
    same = line_of_ink[1:] == line_of_ink[:-1]
    spaced = np.diff(ink_at) > 1
    gapped = ink_box[1:, 0] - ink_box[:-1, 2] > 0.25 * size_l[line_of_ink[1:]]
    space_before: list[int] = []  # inked characters (reading order) that a space goes before
    for j in np.flatnonzero(same & (spaced | gapped)).tolist():
        prev, cur = texts[int(ink_src[j])], texts[int(ink_src[j + 1])]
        a, b = prev[-1], cur[0]
        if spaced[j]:
            put = not (is_cjk(a) and is_cjk(b))
        elif a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
            put = True
        elif a == ".":  # "1. 国家…": the space after a list number, as a character or a gap
            if len(prev) >= 2:
                before = prev[-2]
            elif space_before and space_before[-1] == j:
                before = " "
            else:
                before = texts[int(ink_src[j - 1])][-1] if j > 0 and same[j - 1] else ""
            put = before.isdigit() and not b.isdigit()
        else:
            put = False
        if put:
            space_before.append(j + 1)
    # The page's lines as one run of output characters: each inked character's text, with the spaces.
    m = len(ink_src)
    lens = np.ones(m, dtype=np.intp) if codes is not None else np.fromiter(
        (len(texts[i]) for i in ink_src.tolist()), dtype=np.intp, count=m)
    spaces = np.zeros(m, dtype=np.intp)
    spaces[space_before] = 1
    out_at = np.cumsum(lens) - lens + np.cumsum(spaces)  # where each inked character's text starts
    total = int(lens.sum()) + len(space_before)
    out_box = np.full((total, 4), NO_BOX, dtype=np.float32)
    if codes is not None:
        out_codes = np.full(total, 32, dtype=np.uint32)
        out_codes[out_at] = codes[ink_src]
        run = out_codes.tobytes().decode("utf-32-le")
        out_box[out_at] = ink_box
    else:
        pieces = [texts[i] for i in ink_src.tolist()]
        for k in reversed(space_before):
            pieces.insert(k, " ")
        run = "".join(pieces)
        offsets = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
        out_box[np.repeat(out_at, lens) + offsets] = np.repeat(ink_box, lens, axis=0)
    firsts = out_at[starts].tolist()
    lasts = (out_at[ends - 1] + lens[ends - 1]).tolist()
    out: list[PdfLine] = []
    for first, last, sz, bd, x0, x1, top in zip(firsts, lasts, size_l.tolist(), bold_l.tolist(), x0s.tolist(),
                                                x1s.tolist(), tops_l.tolist(), strict=True):
        packed = array("f")
        packed.frombytes(out_box[first:last].tobytes())
        out.append(PdfLine(page=page_index, size=sz, bold=bd, joined=run[first:last], boxes=packed,
                           x0=x0, x1=x1, top=top))
    return out


def _one_char_each(texts: Sequence[str]) -> npt.NDArray[np.uint32] | None:
    """The code points of ``texts`` when each is one character (the usual case), else None."""
    joined = "".join(texts)
    if len(joined) != len(texts):
        return None
    try:
        return np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return None


@cache
def _space_table() -> npt.NDArray[np.bool_]:
    """``str.isspace`` of every code point up to U+3000; there are none above."""
    return np.array([chr(c).isspace() for c in range(0x3001)], dtype=bool)


def _is_space(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    return (codes <= 0x3000) & _space_table()[np.minimum(codes, 0x3000)]


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def find_furniture(pages: list[list[PdfLine]]) -> dict[tuple[int, int], str]:
    """``(page index, line index) → header | footer | page_number`` for page furniture.

    Only the two lines nearest each edge are considered. A line is furniture when its
    digit-folded text recurs at that edge on at least two pages and 40% of them, or
    when it has the shape of a page number."""
    edges: list[tuple[int, int, str]] = []  # (page index, line index, top|bottom)
    for pi, lines in enumerate(pages):
        order = sorted(range(len(lines)), key=lambda i: lines[i].top)
        for i in order[:2]:
            edges.append((pi, i, "top"))
        for i in order[-2:]:
            if i not in order[:2]:
                edges.append((pi, i, "bottom"))
    counts: Counter[tuple[str, str]] = Counter()
    for pi, i, edge in edges:
        counts[(edge, _signature(pages[pi][i].text))] += 1
    need = max(2, int(0.4 * len(pages) + 0.999))
    out: dict[tuple[int, int], str] = {}
    for pi, i, edge in edges:
        text = pages[pi][i].text
        if not text:
            continue
        if _PAGE_NUMBER.match(text):
            out[(pi, i)] = "page_number"
        elif len(pages) >= 2 and counts[(edge, _signature(text))] >= need:
            out[(pi, i)] = "header" if edge == "top" else "footer"
    return out


@dataclass
class Margins:
    left: float
    right: float
    body_size: float
    pitch: float | None = None  # the usual distance from one body line's top to the next's


PARAGRAPH_GAP = 1.3  # a line this many pitches below the one before it starts a paragraph


def body_margins(lines: list[PdfLine]) -> Margins:
    sizes = Counter(round(ln.size, 1) for ln in lines if ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    body_lines = [ln for ln in lines if abs(ln.size - body) < 0.6 and len(ln.text) >= 4]
    if not body_lines:
        body_lines = lines
    left = Counter(round(ln.x0) for ln in body_lines).most_common(1)[0][0]
    rights = sorted(ln.x1 for ln in body_lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    steps = [b.top - a.top for a, b in itertools.pairwise(lines)
             if a.page == b.page and abs(a.size - body) < 0.6 and abs(b.size - body) < 0.6
             and 0 < b.top - a.top < 3 * body]
    return Margins(float(left), right, body, statistics.median(steps) if len(steps) >= 3 else None)


def starts_paragraph(prev: PdfLine | None, line: PdfLine, m: Margins) -> bool:
    if prev is None:
        return True
    size = m.body_size
    if abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
        return True
    if line.x0 - m.left >= 1.5 * size:  # first-line indent, or a centred / right-aligned line
        return True
    if prev.x1 < m.right - 2 * size:  # the previous line stopped short
        return True
    # space above: a heading set in body type (as OCR sees every line) after a full last line
    return m.pitch is not None and line.page == prev.page and line.top - prev.top > PARAGRAPH_GAP * m.pitch


def join_lines(prev_text: str, next_text: str) -> str:
    """What goes between two wrapped lines of one paragraph: a space only between Latin words."""
    if not prev_text or not next_text:
        return ""
    a, b = prev_text[-1], next_text[0]
    return " " if (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) else ""
