"""Indicators, shape by shape: what a figure measures and whether it is a target or achieved.

Each case is a small report (a heading, then sentences) and one figure in it; the sentences are
written in the manner of government work reports and statistics communiqués, not copied from them.
"""

from __future__ import annotations

import pytest


def indicator(doc, figure: str):
    by_id = {e.id: e for e in doc.entities}
    found = [i for i in doc.indicators if by_id[i.quantity].text == figure]
    assert found, f"no indicator for {figure}: {[by_id[i.quantity].text for i in doc.indicators]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # scope, time and footnote markers are not the measure
        ("一、综合\n全年全县生产总值[3]486.27亿元，比上年增长5.1%。", "486.27亿元", "生产总值"),
        ("一、综合\n年末全省常住人口4100万人。", "4100万人", "常住人口"),
        ("一、综合\n全市地区生产总值②达到820亿元。", "820亿元", "地区生产总值"),
        ("一、综合\n2021年全市粮食种植面积612.3万亩。", "612.3万亩", "粮食种植面积"),
        ("一、回顾\n过去五年累计新建村卫生室30万个。", "30万个", "新建村卫生室"),
        ("一、回顾\n“十四五”时期累计建成高标准农田500万亩。", "500万亩", "建成高标准农田"),
        ("一、回顾\n今后三年农村劳动力转移培训200万人次以上。", "200万人次以上", "农村劳动力转移培训"),
        ("一、回顾\n未来两年城市更新改造投资1800亿元。", "1800亿元", "城市更新改造投资"),
        ("一、回顾\n明后两年新增公办学位3万个。", "3万个", "新增公办学位"),
        # a predicate-only clause says something of the previous figure's subject, not its figure
        ("一、回顾\n地区生产总值达到2.6万亿元，增长5.3%。", "5.3%", "地区生产总值增长"),
        ("一、回顾\n赤字规模2.4万亿元，比上年增加1500亿元。", "1500亿元", "赤字规模增加"),
        ("一、回顾\n规模以上工业企业利润总额12.5亿元，比上年增长3.2倍。", "3.2倍", "规模以上工业企业利润总额增长"),
        ("一、回顾\n全年生猪出栏243.6万头，下降1.4%。", "1.4%", "生猪出栏下降"),
        ("一、回顾\n全市经营主体达286.5万户、增长5.4%，其中企业92.3万户、增长6.8%。", "6.8%", "企业增长"),
        # the comparison base is not the measure
        ("一、回顾\n私营企业利润总额比上年增长2.7倍。", "2.7倍", "私营企业利润总额增长"),
        ("一、回顾\n全市火灾事故起数和死亡人数分别比2019年下降6.2%和3.5%。", "6.2%",
         "火灾事故起数和死亡人数分别下降"),
        # a level, and a change from … to …
        ("一、回顾\n户籍人口城镇化率提高到58.4%。", "58.4%", "户籍人口城镇化率"),
        ("一、回顾\n一般公共预算收入从5000亿元增加到6200亿元。", "6200亿元", "一般公共预算收入"),
        ("一、回顾\n一般公共预算收入从5000亿元增加到6200亿元。", "5000亿元", "一般公共预算收入"),
        ("一、回顾\n城镇新增就业58万人，调查失业率在5%以下。", "5%以下", "调查失业率"),
        # a list of figures: each its own measure, or the one before it shares its subject
        ("一、回顾\n新建学校12所、幼儿园30所。", "30所", "幼儿园"),
        ("一、回顾\n新建学校12所、幼儿园30所。", "12所", "新建学校"),
        ("一、回顾\n地区生产总值增长5.2%、约3.1万亿元。", "约3.1万亿元", "地区生产总值"),
        ("一、回顾\n火灾事故起数和死亡人数分别下降6.2%和3.5%。", "3.5%", "火灾事故起数和死亡人数分别下降"),
        ("一、回顾\n建成重点实验室120个，其中国家级17个、省级50个。", "17个", "国家级重点实验室"),
        ("一、回顾\n建成重点实验室120个，其中国家级17个、省级50个。", "50个", "省级重点实验室"),
        ("一、回顾\n光伏电池、服务器、智能手机产量分别增长21.3%、8.7%、15.2%。", "8.7%", "服务器增长"),
        ("一、回顾\n光伏电池、服务器、智能手机产量分别增长21.3%、8.7%、15.2%。", "15.2%", "智能手机产量增长"),
        # 分别 over items that are not as many as the figures: the whole measure
        ("一、回顾\n城乡居民人均消费支出分别增长3.9%、6.2%。", "6.2%", "城乡居民人均消费支出分别增长"),
        # the measure follows the figure
        ("一、回顾\n全国近3亿人参加失业保险。", "近3亿人", "参加失业保险"),
        ("一、回顾\n出台新能源、生物医药等20余项产业支持政策。", "20余项", "产业支持政策"),
        ("一、回顾\n选派3000多名医护人员。", "3000多名", "医护人员"),
        ("一、回顾\n65%的行政村实现集中供水。", "65%", "行政村实现集中供水"),
        ("一、回顾\n年末一千瓦以上中波广播发射台8座。", "一千瓦以上", "中波广播发射台"),
        # a verb that starts the measure, and a noun that ends in a verb, stay
        ("一、回顾\n全州普通高考本科及以上上线率49.78%。", "49.78%", "普通高考本科及以上上线率"),
        ("一、回顾\n拆除违法建筑860万平方米。", "860万平方米", "拆除违法建筑"),
        ("一、回顾\n实现工业用地减量5平方公里。", "5平方公里", "工业用地减量"),
        ("一、回顾\n城镇新增就业58万人。", "58万人", "城镇新增就业"),
        ("一、回顾\n新增充电桩2.4万个。", "2.4万个", "新增充电桩"),
        ("一、回顾\n美丽庭院覆盖率达68%。", "68%", "美丽庭院覆盖率"),
        ("一、回顾\n提请省人大常委会审议地方性法规草案12件。", "12件", "提请省人大常委会审议地方性法规草案"),
        # after an agent or a locative, an object-taking verb is not the measure
        ("一、概况\n苏州、无锡等城市上线政务服务事项超300项。", "超300项", "政务服务事项"),
        ("一、概况\n街道设立自助服务终端超2000台。", "超2000台", "自助服务终端"),
        # a modal with a preposition of basis is no part of the measure
        ("一、概况\n今年一般公共预算支出拟按6800亿元安排。", "6800亿元", "一般公共预算支出"),
        ("一、概况\n临时救助金将按1200元一次性发放。", "1200元", "临时救助金"),
        ("一、概况\n单个项目补助要以50万元为限。", "50万元", "单个项目补助"),
    ],
)
def test_link_measure_shapes(extract, text, figure, measure):
    assert indicator(extract(text), figure).measure == measure


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("一、回顾\n地区生产总值达到2.6万亿元，增长5.3%。", "5.3%"),
        ("一、回顾\n地区生产总值增长5.2%、约3.1万亿元。", "约3.1万亿元"),
        ("一、回顾\n新建学校12所、幼儿园30所。", "30所"),
        ("一、回顾\n全市经营主体达286.5万户、增长5.4%，其中企业92.3万户、增长6.8%。", "92.3万户"),
        ("一、回顾\n全年生猪出栏243.6万头，下降1.4%。", "1.4%"),
    ],
)
def test_link_measure_holds_no_other_figure(extract, text, figure):
    measure = indicator(extract(text), figure).measure
    assert measure and not any(ch.isdigit() for ch in measure), measure


@pytest.mark.parametrize(
    ("text", "figure", "status"),
    [
        # words of the clause
        ("一、概况\n力争粮食产量稳定在6500万吨以上。", "6500万吨以上", "target"),
        ("一、概况\n预计今年新增城镇就业超过60万人。", "超过60万人", "target"),
        ("一、概况\n到2027年，全省研发投入强度达到3.5%。", "3.5%", "target"),
        ("一、概况\n公共数据开放率将达到85%以上。", "85%以上", "target"),
        ("一、概况\n今年专项债券额度拟按4500亿元安排。", "4500亿元", "target"),
        ("一、概况\n今后三年新增公办学位3万个。", "3万个", "target"),
        ("一、概况\n今明两年新建村卫生室500个。", "500个", "target"),
        ("一、概况\n确保新开工保障性住房2万套。", "2万套", "target"),
        ("一、概况\n制造业中长期贷款增速要高于25%。", "高于25%", "target"),
        ("一、概况\n累计建成村卫生室3万个。", "3万个", "achieved"),
        ("一、概况\n全省主要城市已建成站点300个。", "300个", "achieved"),
        # the section's stance
        ("一、2023年重点任务\n新建村卫生室1万个以上。", "1万个以上", "target"),
        ("一、2022年工作回顾\n新建村卫生室1.2万个。", "1.2万个", "achieved"),
        ("一、“十四五”发展成就\n新建村卫生室12万个。", "12万个", "achieved"),
        ("一、2021年工作回顾\n城镇新增就业30万人。\n二、2022年主要目标\n城镇新增就业28万人以上。"
         "\n三、加快建设现代化产业体系\n新建村卫生室1万个。", "1万个", "target"),
        ("一、2021年工作回顾\n城镇新增就业30万人。\n二、2022年主要目标\n城镇新增就业28万人以上。", "30万人",
         "achieved"),
        ("一、2022年重点任务\n（一）推动京津冀协同发展取得新进展\n新建村卫生室1万个。", "1万个", "target"),
        ("一、2022年重点任务\n已建成村卫生室3万个，今年再新建1万个。", "3万个", "achieved"),
        ("一、2021年主要工作\n新建村卫生室1.2万个。\n二、2022年主要工作\n新建村卫生室1万个。", "1.2万个", "achieved"),
        ("一、2021年主要工作\n新建村卫生室1.2万个。\n二、2022年主要工作\n新建村卫生室1万个。", "1万个", "target"),
        ("一、2021年计划执行情况\n新建村卫生室1.2万个。\n二、2022年计划草案\n新建村卫生室1万个。", "1.2万个",
         "achieved"),
        ("一、2021年计划执行情况\n新建村卫生室1.2万个。\n二、2022年计划草案\n新建村卫生室1万个。", "1万个", "target"),
        ("一、2022年重点任务\n过去五年累计新建村卫生室30万个。", "30万个", "achieved"),
        ("一、2022年重点任务\n去年全省城镇新增就业68万人。", "68万人", "achieved"),
        ("一、2022年重点任务\n赤字规模2.8万亿元，比去年增加1200亿元。", "1200亿元", "target"),
        ("一、综合\n全市生产总值820亿元，比上年增长4.0%。", "820亿元", "achieved"),
        # a plan named in a review, and 将 meaning 把 in a review
        ("一、2021年工作回顾\n居民消费价格上涨1.1%，低于3.5%左右的预期目标。", "低于3.5%左右", "target"),
        ("一、2021年工作回顾\n原定新建村卫生室200个，实际建成260个。", "200个", "target"),
        ("一、2021年工作回顾\n既定减排任务8万吨全部完成。", "8万吨", "target"),
        ("一、2021年工作回顾\n原定新建村卫生室200个，实际建成260个。", "260个", "achieved"),
        ("一、2021年工作回顾\n居民消费价格上涨1.1%，低于3.5%左右的预期目标。", "1.1%", "achieved"),
        ("一、2021年工作回顾\n将困难群众救助标准提高1倍。", "1倍", "achieved"),
        ("一、2021年工作回顾\n市级科技项目中企业牵头比例超过70%。", "超过70%", "achieved"),
        ("一、2021年工作回顾\n人均预期寿命提高到79.4岁。", "79.4岁", "achieved"),
        # the genre: a statistics communiqué reports outcomes
        ("2023年咸宁市国民经济和社会发展统计公报\n一、综合\n全年全市生产总值820亿元，比上年增长4.0%。", "820亿元",
         "achieved"),
        ("一、综合\n全年全市生产总值820亿元。\n注释：本公报中数据为初步统计数。", "820亿元", "achieved"),
    ],
)
def test_link_status_shapes(extract, text, figure, status):
    assert indicator(extract(text), figure).status == status


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("一、概况\n将困难群众救助标准提高1倍。", "1倍"),  # 将 meaning 把
        ("一、概况\n全国将近2亿人参加失业保险。", "将近2亿人"),  # 将近: nearly, a comparison of the figure
        ("一、概况\n将85个项目纳入市重点项目。", "85个"),  # 将X纳入: 将 meaning 把
        ("一、概况\n虚拟现实产业营收增长20%。", "20%"),  # 虚拟 is not 拟
        ("一、概况\n研发投入强度从2018年的2.1%提高到2023年的2.6%。", "2.6%"),  # 提高到2023年 is not 到2023年
        ("一、概况\n过去两年新建村卫生室300个。", "300个"),  # a span behind the report, not ahead
        ("一、概况\n主要城市网上办事率达到90%。", "90%"),  # 主要 is not 要
        ("一、综合\n全市生产总值820亿元。", "820亿元"),  # no word for either
    ],
)
def test_link_status_not_a_target(extract, text, figure):
    assert indicator(extract(text), figure).status != "target"


@pytest.mark.parametrize(
    ("text", "figure", "places", "region"),
    [
        ("一、回顾\n全国近3亿人参加失业保险。", "近3亿人", [], "全国"),
        ("一、回顾\n去年全国新增床位5万张。", "5万张", [], "全国"),
        ("一、回顾\n上海向江苏、安徽输出技术合同成交额512.4亿元。", "512.4亿元", ["上海", "江苏", "安徽"], None),
        ("一、回顾\n支援黄石和鄂州，选派2000多名医护人员。", "2000多名", ["黄石", "鄂州"], None),
        ("一、回顾\n襄阳选派医护人员3000多名，全国共计新增床位6万张。", "6万张", [], "全国"),
        # 全国 that is not the figure's scope
        ("一、回顾\n全国人大常委会审议法律草案14件。", "14件", [], None),
        ("一、回顾\n广东出口占全国份额21.6%。", "21.6%", ["广东"], None),
        ("一、回顾\n举办国际级和全国赛事85场。", "85场", [], None),
        # a place written onto a kind of enterprise names the kind, not the scope
        ("一、工业\n外商及港澳台商投资企业增加值增长3.1%，私营企业增长5.0%。", "5.0%", [], None),
        ("一、工业\n台资企业出口额12亿元。", "12亿元", [], None),
        ("一、回顾\n港澳台同胞捐赠资金1.2亿元。", "1.2亿元", ["港", "澳", "台"], None),
    ],
)
def test_link_places_and_country_scope(extract, text, figure, places, region):
    doc = extract(text)
    by_id = {e.id: e for e in doc.entities}
    ind = indicator(doc, figure)
    assert [by_id[p].text for p in ind.places] == places
    assert ind.region == region


def test_link_lexicons_load_and_a_bad_pattern_names_its_key():
    from govextract.errors import DataFileError
    from govextract.facts.measures import compile_pattern, load_measure_lexicon
    from govextract.facts.status import load_status_lexicon

    assert load_measure_lexicon().predicates and load_status_lexicon().target.pattern
    with pytest.raises(DataFileError, match="scope"):
        compile_pattern("(?:全", "scope")
