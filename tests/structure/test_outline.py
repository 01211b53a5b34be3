"""Which lines are headings, judged against the lines around them: numbered runs judged as a
run, unnumbered part titles, a heading run into its paragraph, and each section's kind."""

from __future__ import annotations

import pytest

from govextract.models import SectionKind
from govextract.structure.headings import classify_line, load_grammar
from govextract.structure.parts import bare_title
from govextract.structure.segment import segment

G = load_grammar()


def _tree(text: str, layout: dict[int, bool] | None = None) -> list[tuple[str | None, str | None, int]]:
    return [(s.number, s.title, s.level) for s in segment(text, None, layout).sections]


_LONG = "坚持以人民为中心的发展思想，着力保障和改善民生，扎实推进共同富裕，让人民群众获得感幸福感安全感更加充实"
_PARAS = ("（一）各单位要高度重视。\n"
          "（二）各单位要于2025年6月30日前将本单位工作方案报送市政务公开办公室，逾期未报送的将予以通报。\n"
          "（三）各单位要加强工作队伍建设，定期组织业务培训，切实提升工作人员的政策水平和业务能力。")


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # a notice's requirements: （一） short enough to pass alone, its siblings paragraphs
        ("一、工作要求\n" + _PARAS, ["一"]),
        ("一、工作要求\n" + _PARAS + "\n二、保障措施\n正文。", ["一", "二"]),
        # half the run passes: the long sibling is a heading too
        (f"一、任务\n（一）稳定经济增长\n正文。\n（二）{_LONG}\n正文。\n二、保障\n正文。",
         ["一", "（一）", "（二）", "二"]),
        (f"（一）稳定经济增长\n正文。\n（二）扩大投资\n正文。\n（三）{_LONG}\n1.民生投入\n正文。",
         ["（一）", "（二）", "（三）", "1"]),
        # single clauses on consecutive lines closed by semicolons: an enumeration
        ("一、申报条件\n（一）在本市依法登记注册；\n（二）近三年无重大违法记录；\n（三）财务管理制度健全。\n二、申报程序\n正文。",
         ["一", "二"]),
    ],
)
def test_outline_numbered_run_is_judged_as_a_run(text, numbers):
    assert [s.number for s in segment(text).sections] == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # headings each over body text are headings, however short
        ("一、任务\n（一）稳增长\n正文。\n（二）扩内需\n正文。\n（三）防风险\n正文。",
         ["一", "（一）", "（二）", "（三）"]),
        # run-in headings closed by a full stop, not a semicolon, stay headings
        ("（一）加强组织领导。各区要建立机制。\n（二）强化资金保障。各区要安排资金。", ["（一）", "（二）"]),
        # a run that does not start at one is not judged (an excerpt, a broken count)
        (f"（五）{_LONG}\n正文。\n（六）防范风险\n正文。", ["（六）"]),
        # the outer family closes the run: （一） under 一、 and （一） under 二、 are two runs
        (f"一、甲\n（一）稳增长\n正文。\n二、乙\n（一）{_LONG}\n正文。\n（二）防风险\n正文。",
         ["一", "（一）", "二", "（一）", "（二）"]),
    ],
)
def test_outline_numbered_run_negative(text, numbers):
    assert [s.number for s in segment(text).sections] == numbers


def test_outline_numbered_run_leaves_what_the_layout_judged():
    text = "一、工作要求\n" + _PARAS
    layout = {0: True, text.index("（一）"): True, text.index("（二）"): False, text.index("（三）"): False}
    assert [s.number for s in segment(text, None, layout).sections] == ["一", "（一）"]


_REVIEW = "（一）综合实力跃上新台阶\n正文。\n（二）创新能力显著增强\n正文。\n"
_PLAN = "（一）着力扩大内需\n正文。\n（二）着力发展新质生产力\n正文。\n"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a lead-in ending in a colon stands between the title and its run
        ("过去五年工作回顾\n主要做了以下工作：\n" + _REVIEW + "今年工作安排\n重点抓好以下工作：\n" + _PLAN,
         ["过去五年工作回顾", "今年工作安排"]),
        # a title longer than a phrase, with no comma, right before the restart
        ("过去五年工作回顾\n" + _REVIEW + "关于“十五五”时期主要目标任务和2026年重点工作\n" + _PLAN,
         ["过去五年工作回顾", "关于“十五五”时期主要目标任务和2026年重点工作"]),
        # a centred title set with a space between its characters
        ("过 去 五 年 工 作 回 顾\n" + _REVIEW + "今 年 工 作 安 排\n" + _PLAN, ["过去五年工作回顾", "今年工作安排"]),
        # a part without a run of its own, between two runs and after the last
        ("过去五年工作回顾\n" + _REVIEW + "“十五五”时期主要目标任务\n“十五五”时期是关键时期。\n今年工作安排\n" + _PLAN
         + "加强政府自身建设\n新征程上，我们要加强政府建设。\n各位代表！让我们团结奋斗！",
         ["过去五年工作回顾", "“十五五”时期主要目标任务", "今年工作安排", "加强政府自身建设"]),
    ],
)
def test_outline_unnumbered_parts(text, parts):
    secs = segment(text).sections
    assert [s.title for s in secs if s.number is None] == parts
    assert all(s.level == 1 for s in secs if s.number is None)
    assert all(s.level == 2 for s in secs if s.number is not None)


@pytest.mark.parametrize(
    "text",
    [
        # a long line with a comma before the restart is a sentence cut short, not a title
        "过去五年工作回顾\n" + _REVIEW + "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念\n" + _PLAN,
        # a short line after the last run, with nothing under it, is not a part (a signature)
        _REVIEW.replace("（一）", "过去五年工作回顾\n（一）", 1) + "今年工作安排\n" + _PLAN + "XX市人民政府",
    ],
)
def test_outline_unnumbered_parts_negative(text):
    titles = [s.title for s in segment(text).sections if s.number is None]
    assert "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念" not in titles
    assert "XX市人民政府" not in titles


@pytest.mark.parametrize(
    ("text", "bare"),
    [("今 年 工 作 安 排", "今年工作安排"), ("今　年　工　作", "今年工作"), ("市长　张三", "市长　张三"),
     ("工作 回顾", "工作 回顾")],
)
def test_outline_letter_spaced_titles(text, bare):
    assert bare_title(text) == bare


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("一、综合 根据初步核算，全年地区生产总值5123.4亿元，比上年增长5.6%。", "一", "综合"),
        ("（二）农业　全年粮食产量78.9万吨，增长1.2%。", "（二）", "农业"),
        ("三、文化、卫生和体育 年末共有博物馆20个，公共图书馆13个。", "三", "文化、卫生和体育"),
        # a paragraph that ends on a figure is not a table row once its title is set apart
        ("四、服务业 全年批发和零售业增加值2343.6亿元，比上年增长 6.0%", "四", "服务业"),
    ],
)
def test_outline_heading_run_into_its_paragraph(line, number, title):
    h = classify_line(line, G)
    assert h is not None and (h.number, h.title, h.body) == (number, title, True)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("一、食品烟酒 99.2", None),  # a table row
        ("一、食品烟酒 99.2 100.5, 2.1%", None),  # figures, not a sentence
        ("一、总体要求 （2025年）", "总体要求 （2025年）"),  # nothing after the space reads as a sentence
        ("一、AI 应用", "AI 应用"),
    ],
)
def test_outline_heading_run_into_its_paragraph_negative(line, title):
    h = classify_line(line, G)
    assert (h.title if h else None) == title


@pytest.mark.parametrize(
    ("tail", "kinds"),
    [
        ("名词解释\n1.“两新”：设备更新和以旧换新", [SectionKind.glossary]),
        ("注释：\n[1]本公报中数据为初步统计数。", [SectionKind.notes]),
        ("注释：[1]本公报中数据为初步统计数。\n资料来源：本公报中粮食数据来自调查队。",
         [SectionKind.notes, SectionKind.back_matter]),
        ("附件1\n重点任务清单\n一、总体要求\n正文。", [SectionKind.appendix, SectionKind.appendix]),
        ("附录\n正文。\n参考文献\n[1]某某.某书.2020.", [SectionKind.appendix, SectionKind.back_matter]),
        ("结语\n让我们团结奋斗。", [SectionKind.body]),
    ],
)
def test_outline_section_kinds(tail, kinds):
    secs = segment("一、综合\n全年生产总值增长5%。\n二、农业\n全年粮食产量增长1%。\n" + tail).sections
    assert [s.kind for s in secs[:2]] == [SectionKind.body, SectionKind.body]
    assert [s.kind for s in secs[2:]] == kinds


def test_outline_every_back_matter_title_has_a_kind():
    assert set(G.title_kinds) == G.back_matter
    assert {G.title_kinds[t] for t in G.glossary} == {SectionKind.glossary.value}
    assert G.family_kinds["annex"] == SectionKind.appendix.value
