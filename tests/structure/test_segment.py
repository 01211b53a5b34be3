"""Headings, the section tree, paragraphs and enumerated points."""

from __future__ import annotations

import pytest

from govextract.structure.headings import classify_line, load_grammar, ordinal
from govextract.structure.segment import segment

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
        ("第十二条　本办法自印发之日起施行。", "第十二条", None),
        ("附件1", "附件1", None),
        ("附件 2：XX市公共数据开放目录", "附件2", "XX市公共数据开放目录"),
        ("主要指标解释", None, "主要指标解释"),
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
        "——经济总体回升向好。地区生产总值超过3万亿元。",
        "一、食品烟酒 99.2",
        "1. 国家及地方政府官方发布：国务院、各省市政府发布的政策文件等；",
        "1.医疗卫生方面。全省30万以上参保孕产妇产前检查费用免除。",
        "2025年，中国智慧政务建设形成了梯队化发展格局。",
        "5.5%左右",
        "3.9:39.0:57.1",
        "（1）加大政务专用大模型研发投入，支持各地研发。",
        "本报告所有数据均来源于以下渠道：",
        "一、" + "很长的标题" * 10,
        "附件1所列事项由各区落实。",
        "第一条线城市房价稳定。",
    ],
)
def test_segment_look_alikes_are_not_headings(line):
    assert classify_line(line, G) is None


@pytest.mark.parametrize(
    ("number", "count"),
    [("五", 5), ("十二", 12), ("二十", 20), ("（三）", 3), ("第一百零五条", 105), ("附件2", 2), ("（12）", 12),
     ("5.1", None), (None, None)],
)
def test_segment_ordinal_of_a_number(number, count):
    assert ordinal(number) == count


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
    from govextract.structure.normalize import normalize

    n = normalize(text)
    assert [(s.number, s.title) for s in segment(n.text).sections] == expected


def test_segment_marked_headings_are_kept_even_when_they_read_like_sentences():
    from govextract.structure.normalize import normalize

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
        "全市生产总值②达到3127.4亿元。",  # a footnote marker, not an item
        "只有（2）一项，没有第一项。",  # a run must start at 1
        "这一是一个例子。",
        "3.5亿元投入。",  # a decimal, not a list number
    ],
)
def test_segment_points_negative(para):
    assert segment("一、概况\n" + para).points == []


def _tree(text: str, layout: dict[int, bool] | None = None) -> list[tuple[str | None, str | None, int]]:
    return [(s.number, s.title, s.level) for s in segment(text, None, layout).sections]


_LONG_3 = "（三）坚持以人民为中心的发展思想，着力保障和改善民生，扎实推进共同富裕，让人民群众获得感幸福感安全感更加充实"
_LONG_3_RUN_IN = _LONG_3 + "。全年民生支出增长8%。"


@pytest.mark.parametrize(
    ("middle", "title"),
    [
        (_LONG_3, _LONG_3[3:]),
        (_LONG_3_RUN_IN, _LONG_3[3:]),
    ],
)
def test_segment_numbering_continuity_keeps_a_long_heading(middle, title):
    text = (f"一、任务\n（一）稳定经济增长\n正文。\n（二）扩大有效投资\n正文。\n{middle}\n正文。\n"
            "（四）防范化解风险\n正文。")
    assert _tree(text) == [("一", "任务", 1), ("（一）", "稳定经济增长", 2), ("（二）", "扩大有效投资", 2),
                           ("（三）", title, 2), ("（四）", "防范化解风险", 2)]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # its number does not fill the gap between （二） and （六）
        (f"（一）稳定经济增长\n（二）扩大有效投资\n（五）{_LONG_3[3:]}\n（六）防范风险",
         ["（一）", "（二）", "（六）"]),
        # numbered sentences stay sentences, however regular their numbering
        ("1.医疗卫生方面。全省孕产妇产前检查费用免除。\n2.托育服务方面。新增托位1万个。\n"
         "3.养老服务方面。新增床位2万张。", []),
        # a table row between headings is still a table row
        ("（一）稳定经济增长\n正文。\n（二）食品烟酒 99.2\n（三）扩大有效投资\n正文。", ["（一）", "（三）"]),
    ],
)
def test_segment_numbering_continuity_negative(text, numbers):
    assert [s.number for s in segment(text).sections] == numbers


@pytest.mark.parametrize(
    "after",
    ["", "\n二、保障措施\n正文。", "\n注释：\n[1]初步统计数。", "\n附件1\n重点项目清单"],
)
def test_segment_numbering_continuity_closes_a_run(after):
    """A long line that goes on a run of two or more, followed by what closes the run."""
    text = f"一、任务\n（一）稳定经济增长\n正文。\n（二）扩大有效投资\n正文。\n{_LONG_3}\n正文。{after}"
    numbers = [s.number for s in segment(text).sections]
    assert numbers[:4] == ["一", "（一）", "（二）", "（三）"]


def test_segment_numbering_continuity_fills_a_gap_of_two():
    text = (f"（一）稳定经济增长\n正文。\n{_LONG_3}\n正文。\n（四）{_LONG_3[3:]}还要更长一些\n正文。\n"
            "（五）防范化解风险\n正文。")
    assert [s.number for s in segment(text).sections] == ["（一）", "（五）"]  # （二） is missing: no gap to fill
    text = text.replace("（一）稳定经济增长\n正文。\n", "（一）稳定经济增长\n正文。\n（二）扩大有效投资\n正文。\n")
    assert [s.number for s in segment(text).sections] == ["（一）", "（二）", "（三）", "（四）", "（五）"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the list of attachments closing a notice
        ("一、工作要求\n请各单位认真落实。\n附件：\n1.XX市公共数据开放申请表\n2.XX市公共数据使用承诺书",
         [("一", "工作要求", 1), (None, "附件", 1)]),
        ("一、工作要求\n请各单位认真落实。\n附件1：XX市公共数据开放申请表\n附件2：XX市公共数据使用承诺书",
         [("一", "工作要求", 1)]),
        ("（一）申报材料\n（1）营业执照复印件\n（2）法定代表人身份证明",
         [("（一）", "申报材料", 1)]),
        # the list starts on the line its colon opens
        ("一、工作要求\n请各单位认真落实。\n附件：1.XX市公共数据开放申请表\n2.XX市公共数据使用承诺书",
         [("一", "工作要求", 1)]),
    ],
)
def test_segment_list_lines_are_not_sections(text, expected):
    assert _tree(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一、总体要求\n1.指导思想\n坚持稳中求进。\n2.主要目标\n到2027年基本建成。",
        "一、总体要求\n1.指导思想\n坚持稳中求进。\n3.主要目标\n到2027年基本建成。",  # not counting up: not a list
    ],
)
def test_segment_numbered_headings_with_text_between_are_not_a_list(text):
    assert [s.number for s in segment(text).sections][1:] == [ln.split(".")[0] for ln in text.split("\n")
                                                              if ln[:1].isdigit()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体要求\n正文。\n名词解释\n1.“新质生产力”：创新起主导作用的先进生产力质态\n2.“两新”：大规模设备更新和消费品以旧换新",
         [("一", "总体要求", 1), (None, "名词解释", 1)]),
        ("一、综合\n正文。\n主要指标解释\n1.地区生产总值\n指本地区所有常住单位在一定时期内生产活动的最终成果。\n2.居民消费价格指数\n"
         "反映居民购买的消费品和服务项目价格变动趋势。",
         [("一", "综合", 1), (None, "主要指标解释", 1)]),
        # a quoted term defined after its number is an entry anywhere
        ("一、概况\n1.“一网通办”：政务服务一体化平台\n2.“一网统管”：城市运行管理平台",
         [("一", "概况", 1)]),
    ],
)
def test_segment_glossary_entries_are_not_sections(text, expected):
    assert _tree(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted name that is not being defined
        ("一、概况\n1.“十四五”规划实施情况\n正文。\n2.“十五五”规划编制\n正文。",
         [("一", "概况", 1), ("1", "“十四五”规划实施情况", 2), ("2", "“十五五”规划编制", 2)]),
        # after the glossary, an appendix and its parts are sections again
        ("名词解释\n1.“两新”：设备更新和以旧换新\n附件1\n重点任务清单\n一、总体要求\n正文。",
         [(None, "名词解释", 1), ("附件1", "重点任务清单", 1), ("一", "总体要求", 2)]),
    ],
)
def test_segment_glossary_negative(text, expected):
    assert _tree(text) == expected


def test_segment_appendix_nests_its_own_numbering():
    text = ("一、总体要求\n正文。\n二、重点任务\n正文。\n"
            "附件1\nXX市公共数据开放管理办法\n一、总则\n正文。\n二、职责分工\n正文。\n"
            "附件2：XX市公共数据开放目录\n一、基础数据\n正文。")
    seg = segment(text)
    assert [(s.number, s.title, s.level) for s in seg.sections] == [
        ("一", "总体要求", 1), ("二", "重点任务", 1),
        ("附件1", "XX市公共数据开放管理办法", 1), ("一", "总则", 2), ("二", "职责分工", 2),
        ("附件2", "XX市公共数据开放目录", 1), ("一", "基础数据", 2)]
    assert "XX市公共数据开放管理办法" not in [text[p.start:p.end] for p in seg.paragraphs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("附件1\n本表由申请单位如实填写。\n单位名称：", [("附件1", None, 1)]),  # the next line is a sentence
        ("附件 2\n一、基本情况\n正文。", [("附件2", None, 1), ("一", "基本情况", 2)]),
        ("一、总体要求\n附件1所列事项由各区落实。", [("一", "总体要求", 1)]),  # a reference in a sentence
    ],
)
def test_segment_appendix_negative(text, expected):
    assert _tree(text) == expected


_COMMUNIQUE = "一、综合\n全年生产总值增长4.0%。\n二、农业\n全年粮食产量增长1.2%。\n"


def _layout(text: str, headings: tuple[str, ...] = ("一、", "二、")) -> dict[int, bool]:
    """Every line set as body text but the numbered part titles, as a PDF's fonts say."""
    out, pos = {}, 0
    for line in text.split("\n"):
        out[pos] = line.startswith(headings)
        pos += len(line) + 1
    return out


@pytest.mark.parametrize(
    ("tail", "titles"),
    [
        ("注释：\n[1]本公报中数据为初步统计数。\n资料来源：\n本公报中粮食数据来自调查队。", ["注释", "资料来源"]),
        ("注释：[1]本公报中数据为初步统计数。\n资料来源：本公报中粮食数据来自调查队；其他数据来自州统计局。",
         ["注释", "资料来源"]),
    ],
)
def test_segment_back_matter_in_body_type_at_the_end(tail, titles):
    text = _COMMUNIQUE + tail
    for layout in (None, _layout(text)):
        seg = segment(text, None, layout)
        assert [(s.number, s.title, s.level) for s in seg.sections][2:] == [(None, t, 1) for t in titles]
    run_in = [ln for ln in tail.split("\n") if "：" in ln and not ln.endswith("：")]
    assert set(run_in) <= {text[p.start:p.end] for p in seg.paragraphs}  # a run-in title keeps its paragraph


@pytest.mark.parametrize(
    "text",
    [
        # a table's source, mid-text
        "一、综合\n全年生产总值增长4.0%。\n资料来源：州统计局\n二、农业\n全年粮食产量增长1.2%。",
        _COMMUNIQUE + "注：本表为初步数。",  # 注： opens a table note
        _COMMUNIQUE + "说明：本公报数据为初步统计数。",
    ],
)
def test_segment_back_matter_run_in_negative(text):
    for layout in (None, _layout(text)):
        assert [s.title for s in segment(text, None, layout).sections] == ["综合", "农业"]


def test_segment_table_note_in_body_type_at_the_end_is_not_a_section():
    text = _COMMUNIQUE + "注：\n本表为初步数。"  # 注 opens a table's note, wherever it stands
    assert [s.title for s in segment(text, None, _layout(text)).sections] == ["综合", "农业"]


def test_segment_back_matter_in_body_type_mid_text_is_not_a_section():
    text = "一、综合\n正文。\n注释：\n[1]初步统计数。\n二、农业\n正文。"
    assert [s.title for s in segment(text, None, _layout(text)).sections] == ["综合", "农业"]


_REPORT = ("政府工作报告\n——2026年1月26日在XX市第十六届人民代表大会第五次会议上\n各位代表：\n"
           "现在，我代表市人民政府，向大会报告政府工作。\n"
           "“十四五”时期工作回顾\n过去五年，我们砥砺奋进。\n（一）经济实力跃上新台阶\n正文。\n（二）创新能力显著增强\n正文。\n"
           "2026年重点工作\n今年是“十五五”开局之年。\n（一）着力扩大内需\n正文。\n（二）着力发展新质生产力\n正文。")


def test_segment_unnumbered_parts_between_numbered_runs():
    assert _tree(_REPORT) == [
        (None, "“十四五”时期工作回顾", 1), ("（一）", "经济实力跃上新台阶", 2), ("（二）", "创新能力显著增强", 2),
        (None, "2026年重点工作", 1), ("（一）", "着力扩大内需", 2), ("（二）", "着力发展新质生产力", 2)]


@pytest.mark.parametrize(
    "text",
    [
        # the numbering never starts again: nothing calls for unnumbered parts
        _REPORT.split("2026年重点工作")[0],
        # the line before the restart announces a list, it is not a part title
        _REPORT.replace("2026年重点工作\n", "着力做好以下工作：\n"),
        # the top family is 一、: a short line before a （一） run belongs to its 一、
        "一、工作回顾\n回顾过去一年。\n（一）稳增长\n正文。\n二、重点工作\n主要做好以下方面\n（一）扩内需\n正文。",
    ],
)
def test_segment_unnumbered_parts_negative(text):
    assert all(s.number is not None for s in segment(text).sections)


_LEADING = ("政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n"
            "“十四五”时期工作回顾\n过去五年，我们砥砺奋进。\n全市生产总值年均增长6%。\n"
            "2026年重点工作\n今年是“十五五”开局之年。\n（一）着力扩大内需\n正文。\n（二）着力发展新质生产力\n正文。")


def test_segment_unnumbered_parts_before_the_only_numbered_run():
    assert _tree(_LEADING) == [(None, "“十四五”时期工作回顾", 1), (None, "2026年重点工作", 1),
                               ("（一）", "着力扩大内需", 2), ("（二）", "着力发展新质生产力", 2)]


@pytest.mark.parametrize(
    "text",
    [
        _LEADING.replace("“十四五”时期工作回顾\n过去五年，我们砥砺奋进。\n全市生产总值年均增长6%。\n", ""),  # one alone
        _LEADING.replace("过去五年，我们砥砺奋进。\n全市生产总值年均增长6%。\n", ""),  # no body between them
        "下载\n打印\n2026年XX市政府工作报告\n来源：XX日报\n各位代表：\n正文。\n（一）着力扩大内需\n正文。",
        # a byline over the salutation is not a part
        _LEADING.replace("政府工作报告\n各位代表：\n", "政府工作报告\n市长　张三\n各位代表！\n").replace(
            "“十四五”时期工作回顾\n过去五年，我们砥砺奋进。\n全市生产总值年均增长6%。\n", ""),
    ],
)
def test_segment_unnumbered_parts_before_the_only_numbered_run_negative(text):
    assert all(s.number is not None for s in segment(text).sections)


def test_segment_unnumbered_parts_leave_the_document_title_alone():
    opening = ("各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n"
               "“十四五”时期工作回顾\n过去五年，我们砥砺奋进。\n")
    text = _REPORT.replace(opening, "")
    assert text.startswith("政府工作报告\n——2026年1月26日")
    assert [s.title for s in segment(text).sections if s.number is None] == ["2026年重点工作"]


def test_segment_unnumbered_parts_need_the_layout_when_it_speaks():
    text = _REPORT
    layout = _layout(text, ("（",))  # the two part titles are set as body text
    assert all(s.number is not None for s in segment(text, None, layout).sections)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一章 总则\n第一条为了规范公共数据管理，制定本办法。\n第二条 本办法所称公共数据，包括：\n（一）政务数据；\n"
         "（二）公共服务数据。\n第二章 职责分工\n第三条 市数据局负责统筹协调。",
         [("第一章", "总则", 1), ("第一条", None, 2), ("第二条", None, 2), ("第二章", "职责分工", 1),
          ("第三条", None, 2)]),
        ("第一条 为了规范管理，制定本办法。\n第二条 有下列情形之一的，不予受理：\n1.材料不全；\n2.超出期限。",
         [("第一条", None, 1), ("第二条", None, 1)]),
    ],
)
def test_segment_article_items_are_not_sections(text, expected):
    assert _tree(text) == expected


def test_segment_chapter_parts_without_articles_are_sections():
    text = "第一章 发展环境\n一、发展基础\n正文。\n二、面临形势\n正文。\n第二章 总体要求\n一、指导思想\n正文。"
    assert _tree(text) == [("第一章", "发展环境", 1), ("一", "发展基础", 2), ("二", "面临形势", 2),
                           ("第二章", "总体要求", 1), ("一", "指导思想", 2)]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("第一条为了规范公共数据管理，制定本办法。\n第二条本办法适用于本市。\n第三条市数据局负责统筹。",
         ["第一条", "第二条", "第三条"]),
        ("第一条 为了规范公共数据管理，制定本办法。\n第二条本办法适用于本市。", ["第一条", "第二条"]),
        ("一、概况\n第一条线城市房价总体稳定。", ["一"]),  # no article beside it
        ("一、概况\n第一条线城市房价稳定。\n第五条例外情形见下。", ["一"]),  # the numbers do not count on
    ],
)
def test_segment_articles_without_a_space_need_a_neighbour(text, numbers):
    assert [s.number for s in segment(text).sections] == numbers


@pytest.mark.parametrize("text", ["0、", "0、甲\n1、乙", "00、甲"])
def test_segment_a_line_numbered_zero_opens_no_point(text):
    doc = segment(text, [], {})
    assert all(p.ordinal >= 1 for p in doc.points)
