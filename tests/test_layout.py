"""Layout rules on synthetic lines: joining characters, furniture, paragraph starts."""

from __future__ import annotations

import pytest

from govextract.ingest.layout import (
    Margins,
    PdfChar,
    PdfLine,
    find_furniture,
    join_chars,
    join_lines,
    starts_paragraph,
)


def chars(spec: str, x: float = 90.0, top: float = 100.0, width: float = 12.0, gap: float = 0.0) -> list[PdfChar]:
    """One PdfChar per character of ``spec``; ``_`` stands for a gap with no character."""
    out = []
    for ch in spec:
        if ch == "_":
            x += width * 0.5
            continue
        out.append(PdfChar(ch, x, top, x + width, top + width))
        x += width + gap
    return out


def line(spec: str, page: int = 0, top: float = 100.0, x: float = 90.0, size: float = 12.0,
         bold: bool = False) -> PdfLine:
    return PdfLine(page, chars(spec, x=x, top=top), size, bold)


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        ("一、综 合", "一、综合"),  # letter-spaced heading
        ("5.1 区域", "5.1 区域"),  # a real space after a number stays
        ("2025_年", "2025年"),  # a word processor's gap between Latin and Han
        ("AI_model", "AI model"),  # a gap between Latin words is a space
        ("AI 大模型", "AI 大模型"),
        ("数 据 共 享", "数据共享"),
    ],
)
def test_layout_join_chars(spec, text):
    joined, boxes = join_chars(chars(spec), 12.0)
    assert joined == text
    assert len(boxes) == 4 * len(joined)
    inserted = [i for i in range(len(joined)) if boxes[4 * i] != boxes[4 * i]]  # NaN: no box
    assert all(joined[i] == " " for i in inserted)


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
