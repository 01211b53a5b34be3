"""OCR boxes in, text lines out: the detector's quads turned into the same :class:`PdfLine`
objects a text layer gives, so that everything after reading works unchanged.

Two frames are kept apart:

- the **page frame** (PDF points from the displayed page's top left) holds each character's
  box, so that an entity's box lands on the page image;
- the **reading frame** holds each line's ``x0``, ``x1`` and ``top``: the page turned upright
  (a page scanned sideways is turned by 90°), deskewed by the median slant of its lines, and
  on a two-column page each column stretched onto the text width, in reading order. Indents,
  short lines and running headers are then measured as on a straight one-column page.
"""

from __future__ import annotations

import math
import statistics
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .layout import NO_BOX, PdfLine, is_cjk

MIN_SCORE = 0.5  # a detected line recognised with less confidence is noise (a rule, a stain)
# The detector's box around a line is taller than the type: the seed's body text, set at 12 pt,
# comes back about 14 pt high at the detector's default unclip ratio (measured on its scan).
BOX_PER_POINT = 1.16
Quad = npt.NDArray[np.float64]  # (4, 2): top left, top right, bottom right, bottom left


@dataclass
class _Piece:
    """One detected and recognised box: its text, confidence, quad in the page image, and its
    axis-aligned box in the reading frame (pixels)."""

    text: str
    score: float
    quad: Quad
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


def unturn(points: Quad, turns: int, width: float, height: float) -> Quad:
    """Points of an image turned by ``np.rot90(img, turns)`` back in the unturned image
    (``width`` and ``height`` are the unturned image's)."""
    x, y = points[:, 0], points[:, 1]
    if turns % 4 == 1:  # counter-clockwise: (x, y) came from (width - y, x)
        return np.column_stack((width - y, x))
    if turns % 4 == 2:
        return np.column_stack((width - x, height - y))
    if turns % 4 == 3:  # clockwise: (x, y) came from (y, height - x)
        return np.column_stack((y, height - x))
    return points


def skew_of(quads: Sequence[Quad]) -> float:
    """The median slant of the long boxes' top edges, in radians (positive: down to the right)."""
    angles = []
    for q in quads:
        dx, dy = q[1] - q[0]
        h = float(np.linalg.norm(q[3] - q[0]))
        if dx > 4 * h:
            angles.append(math.atan2(dy, dx))
    return statistics.median(angles) if angles else 0.0


def _straighten(quad: Quad, angle: float, cx: float, cy: float) -> tuple[float, float, float, float]:
    """The quad's box once the image is turned by ``-angle`` about (cx, cy)."""
    c, s = math.cos(angle), math.sin(angle)
    dx, dy = quad[:, 0] - cx, quad[:, 1] - cy
    xs, ys = cx + dx * c + dy * s, cy - dx * s + dy * c
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def find_gutter(pieces: Sequence[_Piece]) -> float | None:
    """The x of the gap between two columns, or None for a one-column page.

    A gutter is an x in the middle of the text's width that no more than a quarter of the
    boxes cross (a title, a wide table), with at least three rows where a box on its left and one on its right
    stand side by side (two lines of one row in two columns)."""
    if len(pieces) < 6:
        return None
    left, right = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    span = right - left
    if span <= 0:
        return None
    best: tuple[int, float] | None = None
    for k in range(30, 71):
        x = left + span * k / 100
        crossing = sum(1 for p in pieces if p.x0 < x < p.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    assert best is not None
    crossing, x = best
    if crossing > len(pieces) / 4:
        return None
    lefts = [p for p in pieces if p.x1 <= x]
    rights = [p for p in pieces if p.x0 >= x]
    # widen to the middle of the free band, so that a ragged column edge does not matter
    x = (max((p.x1 for p in lefts), default=x) + min((p.x0 for p in rights), default=x)) / 2
    side_by_side = sum(1 for a in lefts if any(min(a.bottom, b.bottom) - max(a.top, b.top) > 0.5 * a.height
                                                for b in rights))
    return x if side_by_side >= 3 else None


def reading_order(pieces: list[_Piece]) -> list[list[_Piece]]:
    """The pieces grouped into lines, in reading order, each line's pieces left to right.

    On a two-column page, lines that cross the gutter (a title, a wide table) cut the page
    into bands; in each band the left column is read before the right."""
    gutter = find_gutter(pieces)
    groups: list[list[_Piece]] = []
    if gutter is None:
        groups = [pieces]
    else:
        band_left: list[_Piece] = []
        band_right: list[_Piece] = []
        for p in sorted(pieces, key=lambda p: p.top):
            if p.x1 <= gutter:
                band_left.append(p)
            elif p.x0 >= gutter:
                band_right.append(p)
            else:
                groups += [g for g in (band_left, band_right) if g]
                band_left, band_right = [], []
                groups.append([p])
        groups += [g for g in (band_left, band_right) if g]
    out: list[list[_Piece]] = []
    for group in groups:
        out += _rows(group)
    return out


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces that stand side by side (overlapping by half the smaller height) as one line."""
    rows: list[list[_Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.top + p.bottom) / 2):
        for row in rows[-3:]:
            top, bottom = min(q.top for q in row), max(q.bottom for q in row)
            overlap = min(bottom, p.bottom) - max(top, p.top)
            if overlap > 0.5 * min(p.height, bottom - top) and all(p.x0 >= q.x1 or p.x1 <= q.x0 for q in row):
                row.append(p)
                break
        else:
            rows.append([p])
    for row in rows:
        row.sort(key=lambda p: p.x0)
    rows.sort(key=lambda r: min(p.top for p in r))
    return rows


def _clean(text: str) -> str:
    """Spaces between two CJK characters go (the recogniser sometimes puts them in)."""
    chars = list(text)
    keep = [c for i, c in enumerate(chars)
            if not (c == " " and 0 < i < len(chars) - 1 and is_cjk(chars[i - 1]) and is_cjk(chars[i + 1]))]
    return "".join(keep)


def _char_boxes(piece: _Piece, text: str, scale: float, out: array[float]) -> None:
    """Each character's box in page points: the quad cut along its length, a Latin character
    or digit taken as half as wide as a CJK one."""
    q = piece.quad
    widths = np.array([0.5 if c.isascii() else 1.0 for c in text])
    cuts = np.concatenate(([0.0], np.cumsum(widths))) / max(float(widths.sum()), 1e-9)
    for f0, f1 in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        corners = np.array([q[0] + (q[1] - q[0]) * f0, q[0] + (q[1] - q[0]) * f1,
                            q[3] + (q[2] - q[3]) * f0, q[3] + (q[2] - q[3]) * f1]) / scale
        out.extend((float(corners[:, 0].min()), float(corners[:, 1].min()),
                    float(corners[:, 0].max()), float(corners[:, 1].max())))


def _column_maps(rows: list[list[_Piece]], gutter: float | None) -> tuple[float, float, float, float, float]:
    """(gutter, page left, page right, left column's right, right column's left) in pixels."""
    pieces = [p for r in rows for p in r]
    left, right = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    g = gutter if gutter is not None else right
    left_end = max((p.x1 for p in pieces if p.x1 <= g), default=g)
    right_start = min((p.x0 for p in pieces if p.x0 >= g), default=g)
    return g, left, right, left_end, right_start


def lines_from(found: Sequence[tuple[Quad, str, float]], page_index: int, scale: float, width: float,
               height: float, turns: int = 0) -> tuple[list[PdfLine], list[float]]:
    """Lines and their confidences from OCR boxes found in an image turned by ``turns``
    quarter turns (``width`` and ``height`` are the unturned image's, ``scale`` its pixels per point)."""
    if not found:
        return [], []
    tw, th = (height, width) if turns % 2 else (width, height)
    angle = skew_of([q for q, _, _ in found])
    pieces = []
    for quad, text, score in found:
        x0, top, x1, bottom = _straighten(quad, angle, tw / 2, th / 2)
        pieces.append(_Piece(text, score, unturn(quad, turns, width, height), x0, top, x1, bottom))
    gutter = find_gutter(pieces)
    rows = reading_order(pieces)
    g, left, right, left_end, right_start = _column_maps(rows, gutter)

    def column_x(x: float, p: _Piece) -> float:
        """x in the reading frame: a column's x stretched onto the page's text width."""
        if gutter is None or not (p.x1 <= g or p.x0 >= g):
            return x
        a, b = (left, left_end) if p.x1 <= g else (right_start, right)
        return left + (x - a) * (right - left) / max(b - a, 1e-9)

    lines: list[PdfLine] = []
    confidences: list[float] = []
    for row in rows:
        parts: list[str] = []
        boxes = array("f")
        weight = total = 0.0
        for p in row:
            text = _clean(p.text)
            if parts:
                a, b = parts[-1][-1], text[0]
                if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
                    parts.append(" ")
                    boxes.extend([NO_BOX] * 4)
            parts.append(text)
            _char_boxes(p, text, scale, boxes)
            weight += len(text)
            total += p.score * len(text)
        joined = "".join(parts)
        top, bottom = min(p.top for p in row), max(p.bottom for p in row)
        lines.append(PdfLine(page=page_index, size=round((bottom - top) / scale, 2), bold=False, joined=joined,
                             boxes=boxes, x0=column_x(row[0].x0, row[0]) / scale,
                             x1=column_x(row[-1].x1, row[-1]) / scale, top=top / scale))
        confidences.append(total / weight if weight else 0.0)
    return lines, confidences


def settle_sizes(ocr_lines: Sequence[PdfLine], text_lines: Sequence[PdfLine]) -> None:
    """Turn OCR lines' box heights into font sizes, in place, the way the layout reads sizes.

    Box heights jitter by a point or two from line to line, which would start a new paragraph
    at every line; so a line within a fifth of the median height is set at the body size (the
    text layer's, in a mixed PDF, else the median box over :data:`BOX_PER_POINT`), and any
    other line in proportion to it (a title set larger stays larger)."""
    heights = [ln.size for ln in ocr_lines if len(ln.text) >= 4] or [ln.size for ln in ocr_lines]
    if not heights:
        return
    median = statistics.median(heights)
    sized = [round(ln.size, 1) for ln in text_lines if ln.text]
    body = statistics.mode(sized) if sized else round(median / BOX_PER_POINT, 1)
    for ln in ocr_lines:
        ln.size = body if abs(ln.size - median) <= 0.2 * median else round(body * ln.size / median, 1)
