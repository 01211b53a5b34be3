"""Layout rules on synthetic lines: joining characters, furniture, paragraph starts."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govextract.ingest.layout import (
    Y_TOLERANCE,
    Margins,
    PdfLine,
    find_furniture,
    is_cjk,
    join_lines,
    page_lines,
    starts_paragraph,
)


@dataclass
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 12.0
    bold: bool = False


def chars(spec: str, x: float = 90.0, top: float = 100.0, width: float = 12.0, gap: float = 0.0) -> list[Char]:
    """One character per character of ``spec``; ``_`` stands for a gap with no character."""
    out = []
    for ch in spec:
        if ch == "_":
            x += width * 0.5
            continue
        out.append(Char(ch, x, top, x + width, top + width))
        x += width + gap
    return out


def lines_of(cs: list[Char], page: int = 0) -> list[PdfLine]:
    return page_lines([c.text for c in cs], [(c.x0, c.top, c.x1, c.bottom) for c in cs],
                      [c.size for c in cs], [c.bold for c in cs], page)


def line(spec: str, page: int = 0, top: float = 100.0, x: float = 90.0, size: float = 12.0,
         bold: bool = False) -> PdfLine:
    cs = chars(spec, x=x, top=top)
    for c in cs:
        c.size, c.bold = size, bold
    (out,) = lines_of(cs, page)
    return out


def test_layout_glyphs_mapped_to_no_text_print_nothing():
    cs = chars("数据ab")
    cs.insert(1, Char("", 300.0, 100.0, 312.0, 112.0))  # an empty ToUnicode entry
    cs.append(Char("", 400.0, 100.0, 412.0, 112.0))
    (ln,) = lines_of(cs)
    assert ln.joined == "数据ab" and len(ln.boxes) == 4 * len(ln.joined)
    cs.append(Char("fi", 138.0, 100.0, 150.0, 112.0))  # a ligature's two letters: the general path
    (ln,) = lines_of(cs)
    assert ln.joined == "数据abfi" and len(ln.boxes) == 4 * len(ln.joined)
    assert lines_of([Char("", 90.0, 100.0, 102.0, 112.0)]) == []


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        ("一、综 合", "一、综合"),  # letter-spaced heading
        ("5.1 区域", "5.1 区域"),  # a real space after a number stays
        ("2025_年", "2025年"),  # a word processor's gap between Latin and Han
        ("AI_model", "AI model"),  # a gap between Latin words is a space
        ("AI 大模型", "AI 大模型"),
        ("数 据 共 享", "数据共享"),
        ("1._国家", "1. 国家"),  # the gap after a list number
        ("2 ._国", "2 .国"),  # not a list number: a space stands before the point
    ],
)
def test_layout_join_chars(spec, text):
    (ln,) = lines_of(chars(spec))
    assert ln.joined == text
    assert len(ln.boxes) == 4 * len(ln.joined)
    inserted = [i for i in range(len(ln.joined)) if math.isnan(ln.boxes[4 * i])]  # no box
    assert all(ln.joined[i] == " " for i in inserted)
    assert len(inserted) == text.count(" ")  # a space is always one put in, with no box


def _reference_lines(cs: list[Char]) -> list[tuple[str, list[float], float, bool, float, float, float]]:
    """The layout rules of page_lines, one character at a time, as plainly as they can be written."""
    rows: list[list[Char]] = []
    for c in sorted(cs, key=lambda c: (c.top, c.x0)):
        if rows and c.top - rows[-1][0].top <= Y_TOLERANCE:
            rows[-1].append(c)
        else:
            rows.append([c])
    out = []
    for row in rows:
        ink = [c for c in row if not c.text.isspace()]
        if not ink:
            continue
        size = Counter(c.size for c in ink).most_common(1)[0][0]
        bold = sum(c.bold for c in ink) * 2 > len(ink)
        parts: list[str] = []
        boxes: list[float] = []
        pending, prev = False, None
        for c in sorted(row, key=lambda c: c.x0):
            if c.text.isspace():
                pending = True
                continue
            if prev is not None:
                a, b = prev.text[-1], c.text[0]
                if pending:
                    put = not (is_cjk(a) and is_cjk(b))
                elif c.x0 - prev.x1 > 0.25 * size:
                    latin = a.isascii() and a.isalnum() and b.isascii() and b.isalnum()
                    marker = a == "." and len(parts) >= 2 and parts[-2][-1:].isdigit() and not b.isdigit()
                    put = latin or marker
                else:
                    put = False
                if put:
                    parts.append(" ")
                    boxes += [math.nan] * 4
            parts.extend(c.text)
            boxes += [c.x0, c.top, c.x1, c.bottom] * len(c.text)
            prev, pending = c, False
        out.append(("".join(parts), boxes, size, bold, min(c.x0 for c in ink), max(c.x1 for c in ink),
                    min(c.top for c in ink)))
    return out


_GLYPHS = st.sampled_from(["数", "据", "共", "享", "A", "I", "d", "2", "0", "5", ".", "、", "，", " ", " ", "\u3000",
                           "(cid:12)", "ﬁ"])


@st.composite
def _page(draw: st.DrawFn) -> list[Char]:
    cs = []
    for _ in range(draw(st.integers(0, 40))):
        x0 = draw(st.sampled_from([10.0, 20.0, 22.5, 30.0, 33.0, 45.0, 46.0, 60.0]))
        top = draw(st.sampled_from([100.0, 101.0, 102.5, 103.0, 104.0, 110.0, 130.0]))
        cs.append(Char(draw(_GLYPHS), x0, top, x0 + draw(st.sampled_from([3.0, 9.0, 12.0])), top + 12.0,
                       draw(st.sampled_from([10.5, 12.0, 16.0])), draw(st.booleans())))
    return cs


@settings(max_examples=300, deadline=None)
@given(_page())
def test_layout_page_lines_match_the_rules_one_character_at_a_time(cs):
    """page_lines works on whole columns; the reference reads one character at a time. Coarse
    positions make ties, shared lines, mixed sizes and spaces common."""
    got = [(ln.joined, list(ln.boxes), ln.size, ln.bold, ln.x0, ln.x1, ln.top) for ln in lines_of(cs)]
    want = _reference_lines(cs)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g[0] == w[0]
        assert [round(v, 3) if not math.isnan(v) else "nan" for v in g[1]] == \
            [round(v, 3) if not math.isnan(v) else "nan" for v in w[1]]
        assert g[2:] == w[2:]


@pytest.mark.parametrize(("a", "b", "sep"), [("数据共", "享平台", ""), ("open", "data", " "), ("2025", "年", ""),
                                           ("data", "共享", "")])
def test_layout_join_lines(a, b, sep):
    assert join_lines(a, b) == sep


def test_layout_furniture_by_repetition_and_shape():
    pages = []
    for n in range(1, 6):
        pages.append([
            line("2025年发展报告", page=n - 1, top=40),
            line("正文" + "春夏秋冬雪"[n - 1] + "内容很长很长", page=n - 1, top=100),
            line("结尾" + "甲乙丙丁戊"[n - 1], page=n - 1, top=700),
            line(f"- {n} -", page=n - 1, top=780),
        ])
    found = find_furniture(pages)
    assert {k for (_, i), k in found.items() if i == 0} == {"header"}
    assert {k for (_, i), k in found.items() if i == 3} == {"page_number"}
    assert all(i in (0, 3) for (_, i) in found)


def test_layout_furniture_single_page_keeps_body():
    pages = [[line("一、总体要求", top=40), line("正文", top=100), line("3", top=780)]]
    assert find_furniture(pages) == {(0, 2): "page_number"}


M = Margins(left=90.0, right=505.0, body_size=12.0)


@pytest.mark.parametrize(
    ("prev", "cur", "new"),
    [
        (None, line("正文"), True),
        (line("一" * 34), line("二二"), False),  # a full line wraps
        (line("一" * 34), line("二二", x=114), True),  # first-line indent
        (line("一" * 10), line("二二"), True),  # previous line stopped short
        (line("一" * 34, size=16, bold=True), line("二二"), True),  # the type changes
    ],
)
def test_layout_paragraph_starts(prev, cur, new):
    assert starts_paragraph(prev, cur, M) is new


def test_layout_assemble_pages_paragraphs_and_warnings():
    from govextract.ingest.pdf import assemble

    full = "一" * 34
    pages = [
        [line("报告标题", page=0, top=40, x=250, size=9), line("二" * 32, page=0, top=100, x=114),
         line(full, page=0, top=126), line("- 1 -", page=0, top=780, x=280)],
        [line("报告标题", page=1, top=40, x=250, size=9), line("三三(cid:12)三。", page=1, top=100),
         line("四" * 20, page=1, top=126, x=114), line("- 2 -", page=1, top=780, x=280)],
    ]
    raw = assemble("x.pdf", b"%PDF", pages, [])
    # the paragraph started on page 1 runs on to page 2; the indented line starts a new one
    assert raw.text == "二" * 32 + full + "三三(cid:12)三。\n" + "四" * 20
    assert [(p.number, raw.text[p.start:p.end][:2]) for p in raw.pages] == [(1, "二二"), (2, "三三")]
    assert [(f.page, f.kind) for f in raw.furniture] == [(1, "header"), (1, "page_number"),
                                                          (2, "header"), (2, "page_number")]
    assert raw.warnings and "pages 2" in raw.warnings[0]
    assert len(raw.char_boxes) == 4 * len(raw.text) == 4 * len(raw.char_pages)
    assert raw.char_pages[raw.text.index("三")] == 2
