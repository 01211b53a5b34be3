"""Title and date from a report's opening and closing lines."""

from __future__ import annotations

import pytest

from govextract.structure.metadata import date_of_line, find_metadata, title_of_line
from govextract.structure.segment import segment


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("——2026年1月26日在XX市第十六届人民代表大会第五次会议上", (0, "2026-01-26")),
        ("—— 2023年3月5日在第十四届全国人民代表大会第一次会议上", (0, "2023-03-05")),
        ("（2022年1月9日在XX市第十五届人民代表大会第一次会议上）", (0, "2022-01-09")),
        ("2022年4月28日", (1, "2022-04-28")),
        ("时间：2026-01-22", (1, "2026-01-22")),
        ("二〇二四年五月七日", (1, "2024-05-07")),
        ("2025年12月", (1, "2025-12")),
    ],
)
def test_metadata_date_lines(line, expected):
    assert date_of_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "2024年全市生产总值增长5.2%。",  # a sentence, not a date line
        "2024年13月5日",  # no such month
        "现在，我代表市人民政府，向大会报告政府工作。",
        "5.1 区域发展总体特征",
    ],
)
def test_metadata_date_lines_negative(line):
    assert date_of_line(line) is None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("政府工作报告", "政府工作报告"),
        ("2023年XX市国民经济和社会发展统计公报①", "2023年XX市国民经济和社会发展统计公报"),
        ("XX市国民经济和社会发展第十五个五年规划纲要", "XX市国民经济和社会发展第十五个五年规划纲要"),
        ("关于印发《XX市公共数据管理办法》的通知", "关于印发《XX市公共数据管理办法》的通知"),
    ],
)
def test_metadata_title_lines(line, title):
    assert title_of_line(line) == title


@pytest.mark.parametrize(
    "line",
    [
        "现在，我代表市人民政府，向大会报告政府工作，请予审议",  # a sentence
        "来源：XX日报",
        "——2026年1月26日在XX市第十六届人民代表大会第五次会议上的报告",
        "各位代表：",
        "报告",  # too short to be a title
    ],
)
def test_metadata_title_lines_negative(line):
    assert title_of_line(line) is None


def test_metadata_delivery_line_beats_a_web_page_date():
    text = ("下载\n打印\n时间：2026-01-22\n2026年XX省政府工作报告\n"
            "——2026年1月14日在XX省第十四届人民代表大会第四次会议上\n"
            "各位代表：\n一、工作回顾\n正文。")
    m = find_metadata(text, segment(text).sections, [])
    assert (m.title, m.date) == ("2026年XX省政府工作报告", "2026-01-14")


def test_metadata_signature_date_of_a_notice():
    text = "关于做好公共数据开放工作的通知\n各区人民政府：\n一、工作要求\n请认真落实。\nXX市数据局\n二〇二四年五月七日"
    m = find_metadata(text, segment(text).sections, [])
    assert (m.title, m.date) == ("关于做好公共数据开放工作的通知", "2024-05-07")
