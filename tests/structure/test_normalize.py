"""Cleaning: line ends, indentation, Markdown markers, width folding, and the offset map."""

from __future__ import annotations

import pytest

from govextract.structure.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("一、总体\r\n正文\r\n", "一、总体\n正文"),
        ("一、总体\r正文\r", "一、总体\n正文"),
        ("\n\n\n  八、财政金融\n\n\n 正文 \n", "八、财政金融\n正文"),
        ("\u3000\u3000国务院总理\u3000\n李\u3000强", "国务院总理\n李\u3000强"),
        ("以**“高效办成一件事”为核心**，推进", "以“高效办成一件事”为核心，推进"),
        ("增长５．２％，共１２３项", "增长5．2％，共123项"),
        ("ＡＩ助手，，，", "AI助手，，，"),
    ],
)
def test_normalize_cleans(raw: str, clean: str):
    assert normalize(raw).text == clean


def test_normalize_keeps_chinese_punctuation():
    assert normalize("一、总体：推进，完成。").text == "一、总体：推进，完成。"


def test_normalize_markdown_headings():
    n = normalize("# 第一章 总则\n正文\n## 一、目标\n")
    assert n.text == "第一章 总则\n正文\n一、目标"
    assert n.markdown_headings == {0: 1, n.text.index("一、"): 2}


def test_normalize_offset_map_points_back_to_raw():
    raw = "\n  第一行**重点**内容\r\n\r\n  第二行\n"
    n = normalize(raw)
    for i, ch in enumerate(n.text):
        if ch != "\n":
            assert raw[n.offsets.to_raw(i)] == ch
    assert n.offsets.from_raw(raw.index("第二行")) == n.text.index("第二行")
