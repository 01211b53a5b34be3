"""From positioned lines to running text, the Chinese way (pure; no PDF library here).

- Running headers and footers are found by repetition at the same edge of many
  pages (digits folded, so ``- 3 -`` and ``- 4 -`` repeat), page numbers by shape.
- A line that wraps mid-sentence joins the next with nothing between two CJK
  characters and one space between two Latin words; a paragraph runs on across a
  page break. A new paragraph starts at a first-line indent, after a short last
  line, or where the type changes (a heading).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import InitVar, dataclass, field

BBoxT = tuple[float, float, float, float]

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·\s]*\d{1,4}[-—–－~·\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-—–－\s]*[ivxlcIVXLC]{1,6}[-—–－\s]*)$"
)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0xF900 <= o <= 0xFAFF)


@dataclass(slots=True)
class PdfChar:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


NO_BOX = float("nan")  # in a box array: a character the PDF does not draw (an inserted space)


@dataclass
class PdfLine:
    """One printed line and its type. It is built from the line's characters (spaces included,
    as the PDF has them) and keeps only its joined text, with the box of each of its
    characters packed four floats a character, so that a long PDF's lines stay small."""

    page: int
    chars: InitVar[list[PdfChar]]
    size: float
    bold: bool
    joined: str = field(init=False)  # the characters joined (join_chars); spaces only inside
    # x0, top, x1, bottom of each character of ``joined``, as float32 (NaN: an inserted space)
    boxes: array[float] = field(init=False, compare=False, repr=False)
    text: str = field(init=False)  # ``joined`` without its edge spaces
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)

    def __post_init__(self, chars: list[PdfChar]) -> None:
        ink = [c for c in chars if not c.text.isspace()] or chars
        self.x0 = min(c.x0 for c in ink)
        self.x1 = max(c.x1 for c in ink)
        self.top = min(c.top for c in ink)
        self.joined, boxes = join_chars(chars, self.size)
        self.text = self.joined.strip()
        self.boxes = array("f", boxes)


Y_TOLERANCE = 3.0  # points, as pdfplumber's default


def cluster_lines(items: list[tuple[PdfChar, float, bool]], page_index: int) -> list[PdfLine]:
    """Lines from a page's characters (each with its size and weight): characters whose tops lie
    within a few points form a line, read left to right; its size and weight are the majority's."""
    items = sorted(items, key=lambda it: (it[0].top, it[0].x0))
    rows: list[list[tuple[PdfChar, float, bool]]] = []
    for item in items:
        if rows and item[0].top - rows[-1][0][0].top <= Y_TOLERANCE:
            rows[-1].append(item)
        else:
            rows.append([item])
    out: list[PdfLine] = []
    for row in rows:
        ink = [(c, s, b) for c, s, b in row if not c.text.isspace()]
        if not ink:
            continue
        sizes: dict[float, int] = {}
        for _, s, _ in ink:
            sizes[s] = sizes.get(s, 0) + 1
        size = max(sizes, key=sizes.__getitem__)  # the first of the most common, as Counter gives it
        bold = sum(b for _, _, b in ink) * 2 > len(ink)
        out.append(PdfLine(page_index, sorted((c for c, _, _ in row), key=lambda c: c.x0), size, bold))
    return out


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


def join_chars(chars: list[PdfChar], size: float) -> tuple[str, list[float]]:
    """Characters of one line as text, with the box of each character, four floats a character
    (NaN for an inserted space).

    A space character stays, except between two CJK characters (letter-spaced headings
    ``综 合``); a gap with no space character becomes a space only between two Latin
    words, so the gap a word processor leaves in ``2025 年`` goes."""
    parts: list[str] = []
    boxes: list[float] = []
    pending = False
    prev: PdfChar | None = None
    wide = 0.25 * size
    gap_box = (NO_BOX,) * 4
    for c in chars:
        t = c.text
        if t.isspace():
            pending = True
            continue
        if prev is not None:
            a, b = prev.text[-1], t[0]
            if pending:
                if not (is_cjk(a) and is_cjk(b)):
                    parts.append(" ")
                    boxes += gap_box
            elif c.x0 - prev.x1 > wide:
                latin_pair = a.isascii() and a.isalnum() and b.isascii() and b.isalnum()
                # "1. 国家…": the space after a list number, whether the PDF has it as a character or a gap
                marker = a == "." and len(parts) >= 2 and parts[-2][-1:].isdigit() and not b.isdigit()
                if latin_pair or marker:
                    parts.append(" ")
                    boxes += gap_box
        box = (c.x0, c.top, c.x1, c.bottom)
        if len(t) == 1:
            parts.append(t)
            boxes += box
        else:
            parts.extend(t)
            boxes += box * len(t)
        prev, pending = c, False
    return "".join(parts), boxes


@dataclass
class Margins:
    left: float
    right: float
    body_size: float


def body_margins(lines: list[PdfLine]) -> Margins:
    sizes = Counter(round(ln.size, 1) for ln in lines if ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    body_lines = [ln for ln in lines if abs(ln.size - body) < 0.6 and len(ln.text) >= 4]
    if not body_lines:
        body_lines = lines
    left = Counter(round(ln.x0) for ln in body_lines).most_common(1)[0][0]
    rights = sorted(ln.x1 for ln in body_lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    return Margins(float(left), right, body)


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
    return False


def join_lines(prev_text: str, next_text: str) -> str:
    """What goes between two wrapped lines of one paragraph: a space only between Latin words."""
    if not prev_text or not next_text:
        return ""
    a, b = prev_text[-1], next_text[0]
    return " " if (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) else ""
