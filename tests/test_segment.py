"""Headings, the section tree, paragraphs and enumerated points."""

from __future__ import annotations

import pytest

from govextract.segment import classify_line, load_grammar, segment

G = load_grammar()


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("一、2023年工作回顾", "一", "2023年工作回顾"),
        ("十二、环境保护和生产安全", "十二", "环境保护和生产安全"),
        ("（一）大力推进现代化产业体系建设，加快发展新质生产力。", "（一）",
         "大力推进现代化产业体系建设，加快发展新质生产力"),
        ("（一）强化创新驱动，成效明显。提升科技创新质效。全年研发投入增长8%。", "（一）", "强化创新驱动，成效明显"),
        ("5.1 区域发展总体特征:梯队化发展,差异化创新", "5.1", "区域发展总体特征:梯队化发展,差异化创新"),
        ("1.2.3 细则", "1.2.3", "细则"),
        ("1. 总体要求", "1", "总体要求"),
        ("第一章 总则", "第一章", "总则"),
        ("第二节 目标", "第二节", "目标"),
        ("第三条 本办法所称政务数据，是指……", "第三条", None),
        ("数据来源", None, "数据来源"),
        ("注释：", None, "注释"),
    ],
)
def test_segment_heading_shapes(line, number, title):
    h = classify_line(line, G)
    assert h is not None
    assert (h.number, h.title) == (number, title)


@pytest.mark.parametrize(
    "line",
    [
        "一是部分地区技术应用仍停留在表面。二是政务专用大模型研发能力不足。",
        "——经济总体回升向好。国内生产总值超过126万亿元。",
        "一、食品烟酒 99.2",
        "1. 国家及地方政府官方发布：国务院、各省市政府发布的政策文件等；",
        "1.医疗卫生方面。全省30万以上参保孕产妇产前检查费用免除。",
        "2025年，中国智慧政务建设形成了梯队化发展格局。",
        "5.5%左右",
        "3.9:39.0:57.1",
        "（1）加大政务专用大模型研发投入，支持各地研发。",
        "本报告所有数据均来源于以下渠道：",
        "一、" + "很长的标题" * 10,
    ],
)
def test_segment_look_alikes_are_not_headings(line):
    assert classify_line(line, G) is None


def test_segment_tree_from_an_excerpt():
    text = ("五、格局\n5.1 总体\n正文一。\n5.2 东部\n正文二。\n六、问题\n6.1 技术\n正文三。\n"
            "数据来源\n1. 官方发布：文件；")
    seg = segment(text)
    got = [(s.number, s.title, s.level, s.parent) for s in seg.sections]
    assert got == [
        ("五", "格局", 1, None),
        ("5.1", "总体", 2, "s1"),
        ("5.2", "东部", 2, "s1"),
        ("六", "问题", 1, None),
        ("6.1", "技术", 2, "s4"),
        (None, "数据来源", 1, None),
    ]
    s1, s2 = seg.sections[0], seg.sections[1]
    assert text[s1.start:s1.end] == "五、格局\n5.1 总体\n正文一。\n5.2 东部\n正文二。"
    assert text[s2.start:s2.end] == "5.1 总体\n正文一。"
    assert [text[p.start:p.end] for p in seg.paragraphs] == ["正文一。", "正文二。", "正文三。", "1. 官方发布：文件；"]
    assert [seg.sections[int(p.section[1:]) - 1].title for p in seg.paragraphs] == ["总体", "东部", "技术", "数据来源"]


def test_segment_chapters_articles():
    text = "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条\n本办法适用于全省。\n第二章 职责\n第三条 负责。"
    got = [(s.number, s.title, s.level) for s in segment(text).sections]
    assert got == [("第一章", "总则", 1), ("第一条", None, 2), ("第二条", None, 2),
                   ("第二章", "职责", 1), ("第三条", None, 2)]


def test_segment_article_text_is_a_paragraph():
    text = "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条\n本办法适用于全省。"
    seg = segment(text)
    assert [text[p.start:p.end] for p in seg.paragraphs] == ["第一条 为了规范管理，制定本办法。", "本办法适用于全省。"]
    assert [p.section for p in seg.paragraphs] == ["s2", "s3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("５．１　东部地区\n正文", [("5.1", "东部地区")]),
        ("一.总体情况\n正文", [("一", "总体情况")]),
    ],
)
def test_segment_full_width_and_ascii_punctuation_in_numbers(text, expected):
    from govextract.normalize import normalize

    n = normalize(text)
    assert [(s.number, s.title) for s in segment(n.text).sections] == expected


def test_segment_marked_headings_are_kept_even_when_they_read_like_sentences():
    from govextract.normalize import normalize

    n = normalize("# 报告\n## 1. 总体情况。\n正文")
    assert [(s.title, s.level) for s in segment(n.text, n.markdown_headings).sections] == [
        ("报告", 1), ("1. 总体情况。", 2)]


def test_segment_run_in_heading_is_also_a_paragraph():
    text = "三、任务\n（一）强化创新，成效明显。全年投入增长8%。\n（二）扩大内需。"
    seg = segment(text)
    assert [s.title for s in seg.sections] == ["任务", "强化创新，成效明显", "扩大内需"]
    assert [text[p.start:p.end] for p in seg.paragraphs] == ["（一）强化创新，成效明显。全年投入增长8%。"]


@pytest.mark.parametrize(
    ("para", "markers"),
    [
        ("问题突出。一是技术不足，二是数据壁垒；三是人才短缺。", ["一是", "二是", "三是"]),
        ("主要措施：（1）加强领导；（2）完善机制；（3）强化考核。", ["（1）", "（2）", "（3）"]),
        ("包括：①汽车；②装备；③新材料。", ["①", "②", "③"]),
        ("1. 国家及地方政府官方发布：文件；", ["1."]),
    ],
)
def test_segment_points(para, markers):
    seg = segment("一、概况\n" + para)
    assert [p.marker for p in seg.points] == markers
    assert [p.ordinal for p in seg.points] == list(range(1, len(markers) + 1))
    assert all(p.section == "s1" for p in seg.points)


@pytest.mark.parametrize(
    "para",
    [
        "统一是前提，协同是关键。",  # 一是 inside a word
        "全市生产总值②达到5481.6亿元。",  # a footnote marker, not an item
        "只有（2）一项，没有第一项。",  # a run must start at 1
        "这一是一个例子。",
        "3.5亿元投入。",  # a decimal, not a list number
    ],
)
def test_segment_points_negative(para):
    assert segment("一、概况\n" + para).points == []
