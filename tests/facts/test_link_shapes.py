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
        ("一、综合\n全年全州生产总值[2]1329.65亿元，比上年增长4.0%。", "1329.65亿元", "生产总值"),
        ("一、综合\n年末全省常住人口4100万人。", "4100万人", "常住人口"),
        ("一、综合\n全市地区生产总值②达到820亿元。", "820亿元", "地区生产总值"),
        ("一、综合\n2023年全市粮食种植面积744.8万亩。", "744.8万亩", "粮食种植面积"),
        ("一、回顾\n过去五年累计新建5G基站30万个。", "30万个", "新建5G基站"),
        ("一、回顾\n“十四五”时期累计建成高标准农田500万亩。", "500万亩", "建成高标准农田"),
        ("一、回顾\n今明两年职业技能培训3000万人次以上。", "3000万人次以上", "职业技能培训"),
        # a predicate-only clause says something of the previous figure's subject, not its figure
        ("一、回顾\n国内生产总值达到99万亿元，增长6%。", "6%", "国内生产总值增长"),
        ("一、回顾\n赤字规模3万亿元，比上年增加2000亿元。", "2000亿元", "赤字规模增加"),
        ("一、回顾\n规模以上工业企业利润总额12.5亿元，比上年增长3.2倍。", "3.2倍", "规模以上工业企业利润总额增长"),
        ("一、回顾\n全年生猪出栏187.0万头，下降0.2%。", "0.2%", "生猪出栏下降"),
        ("一、回顾\n全省经营主体达1163.7万户、增长6.3%，其中企业410.1万户、增长7.7%。", "7.7%", "企业增长"),
        # the comparison base is not the measure
        ("一、回顾\n集体企业增加值比上年增长4.4倍。", "4.4倍", "集体企业增加值增长"),
        ("一、回顾\n全市生产安全事故起数和死亡人数分别比2020年下降4.8%和1.8%。", "4.8%",
         "生产安全事故起数和死亡人数分别下降"),
        # a level, and a change from … to …
        ("一、回顾\n常住人口城镇化率提高到66.2%。", "66.2%", "常住人口城镇化率"),
        ("一、回顾\n一般公共预算收入从5000亿元增加到6200亿元。", "6200亿元", "一般公共预算收入"),
        ("一、回顾\n一般公共预算收入从5000亿元增加到6200亿元。", "5000亿元", "一般公共预算收入"),
        ("一、回顾\n城镇新增就业58万人，调查失业率在5%以下。", "5%以下", "调查失业率"),
        # a list of figures: each its own measure, or the one before it shares its subject
        ("一、回顾\n新建学校12所、幼儿园30所。", "30所", "幼儿园"),
        ("一、回顾\n新建学校12所、幼儿园30所。", "12所", "新建学校"),
        ("一、回顾\n地区生产总值增长5.2%、约3.1万亿元。", "约3.1万亿元", "地区生产总值"),
        ("一、回顾\n生产安全事故起数和死亡人数分别下降4.8%和1.8%。", "1.8%", "生产安全事故起数和死亡人数分别下降"),
        ("一、回顾\n建成重点实验室120个，其中国家级17个、省级50个。", "17个", "国家级重点实验室"),
        ("一、回顾\n建成重点实验室120个，其中国家级17个、省级50个。", "50个", "省级重点实验室"),
        ("一、回顾\n新能源汽车、集成电路、工业机器人产量分别增长49.8%、11.9%、36.4%。", "11.9%", "集成电路增长"),
        ("一、回顾\n新能源汽车、集成电路、工业机器人产量分别增长49.8%、11.9%、36.4%。", "36.4%", "工业机器人产量增长"),
        # 分别 over items that are not as many as the figures: the whole measure
        ("一、回顾\n城镇和农村居民人均可支配收入分别增长4.3%、5.5%。", "5.5%", "城镇和农村居民人均可支配收入分别增长"),
        # the measure follows the figure
        ("一、回顾\n全国近2亿人参加基本医疗保险。", "近2亿人", "参加基本医疗保险"),
        ("一、回顾\n出台新能源、生物医药等20余项产业支持政策。", "20余项", "产业支持政策"),
        ("一、回顾\n选派3000多名医护人员。", "3000多名", "医护人员"),
        ("一、回顾\n65%的行政村实现集中供水。", "65%", "行政村实现集中供水"),
        ("一、回顾\n年末一千瓦以上电视发射台和转播台10台。", "一千瓦以上", "电视发射台和转播台"),
        # a verb that starts the measure, and a noun that ends in a verb, stay
        ("一、回顾\n全州普通高考本科及以上上线率49.78%。", "49.78%", "普通高考本科及以上上线率"),
        ("一、回顾\n拆除违法建设2315万平方米。", "2315万平方米", "拆除违法建设"),
        ("一、回顾\n实现城乡建设用地减量8平方公里。", "8平方公里", "城乡建设用地减量"),
        ("一、回顾\n城镇新增就业58万人。", "58万人", "城镇新增就业"),
        ("一、回顾\n新增停车位1.5万个。", "1.5万个", "新增停车位"),
        ("一、回顾\n和美乡村覆盖率达73%。", "73%", "和美乡村覆盖率"),
        ("一、回顾\n提请全国人大常委会审议法律议案10件。", "10件", "提请全国人大常委会审议法律议案"),
        # after an agent or a locative, an object-taking verb is not the measure
        ("一、概况\n杭州、宁波等城市上线电子证照应用超200项。", "超200项", "电子证照应用"),
        ("一、概况\n乡镇设立自助终端超3万台。", "超3万台", "自助终端"),
    ],
)
def test_link_measure_shapes(extract, text, figure, measure):
    assert indicator(extract(text), figure).measure == measure


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("一、回顾\n国内生产总值达到99万亿元，增长6%。", "6%"),
        ("一、回顾\n地区生产总值增长5.2%、约3.1万亿元。", "约3.1万亿元"),
        ("一、回顾\n新建学校12所、幼儿园30所。", "30所"),
        ("一、回顾\n全省经营主体达1163.7万户、增长6.3%，其中企业410.1万户、增长7.7%。", "410.1万户"),
        ("一、回顾\n全年生猪出栏187.0万头，下降0.2%。", "0.2%"),
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
        ("一、概况\n预计今年高校毕业生超过1170万人。", "超过1170万人", "target"),
        ("一、概况\n到2027年，全省研发投入强度达到3.5%。", "3.5%", "target"),
        ("一、概况\n政务数据共享率将达到95%以上。", "95%以上", "target"),
        ("一、概况\n今年赤字率拟按3%安排。", "3%", "target"),
        ("一、概况\n确保新开工保障性住房2万套。", "2万套", "target"),
        ("一、概况\n普惠小微企业贷款增速要高于40%。", "高于40%", "target"),
        ("一、概况\n累计建成5G基站3万个。", "3万个", "achieved"),
        ("一、概况\n全省主要城市已建成站点300个。", "300个", "achieved"),
        # the section's stance
        ("一、2025年重点任务\n新建5G基站1万个以上。", "1万个以上", "target"),
        ("一、2024年工作回顾\n新建5G基站1.2万个。", "1.2万个", "achieved"),
        ("一、“十四五”发展成就\n新建5G基站12万个。", "12万个", "achieved"),
        ("一、2023年工作回顾\n城镇新增就业30万人。\n二、2024年主要目标\n城镇新增就业28万人以上。"
         "\n三、加快建设现代化产业体系\n新建5G基站1万个。", "1万个", "target"),
        ("一、2023年工作回顾\n城镇新增就业30万人。\n二、2024年主要目标\n城镇新增就业28万人以上。", "30万人",
         "achieved"),
        ("一、2024年重点任务\n（一）推动京津冀协同发展取得新进展\n新建5G基站1万个。", "1万个", "target"),
        ("一、2024年重点任务\n已建成5G基站3万个，今年再新建1万个。", "3万个", "achieved"),
        ("一、2023年主要工作\n新建5G基站1.2万个。\n二、2024年主要工作\n新建5G基站1万个。", "1.2万个", "achieved"),
        ("一、2023年主要工作\n新建5G基站1.2万个。\n二、2024年主要工作\n新建5G基站1万个。", "1万个", "target"),
        ("一、2023年计划执行情况\n新建5G基站1.2万个。\n二、2024年计划草案\n新建5G基站1万个。", "1.2万个", "achieved"),
        ("一、2023年计划执行情况\n新建5G基站1.2万个。\n二、2024年计划草案\n新建5G基站1万个。", "1万个", "target"),
        ("一、2024年重点任务\n过去五年累计新建5G基站30万个。", "30万个", "achieved"),
        ("一、2024年重点任务\n去年全国城镇新增就业1200万人。", "1200万人", "achieved"),
        ("一、2024年重点任务\n赤字规模4万亿元，比去年增加1800亿元。", "1800亿元", "target"),
        ("一、综合\n全市生产总值820亿元，比上年增长4.0%。", "820亿元", "achieved"),
        # a plan named in a review, and 将 meaning 把 in a review
        ("一、2023年工作回顾\n居民消费价格上涨0.4%，低于3%左右的预期目标。", "低于3%左右", "target"),
        ("一、2023年工作回顾\n居民消费价格上涨0.4%，低于3%左右的预期目标。", "0.4%", "achieved"),
        ("一、2023年工作回顾\n将价格临时补贴标准提高1倍。", "1倍", "achieved"),
        ("一、2023年工作回顾\n省重大科技计划项目中企业牵头占比超过80%。", "超过80%", "achieved"),
        ("一、2023年工作回顾\n人均预期寿命提高到78.6岁。", "78.6岁", "achieved"),
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
        ("一、概况\n将临时补贴标准提高1倍。", "1倍"),  # 将 meaning 把
        ("一、概况\n全国将近3亿人领取养老金。", "将近3亿人"),  # 将近: nearly, a comparison of the figure
        ("一、概况\n将120个项目纳入省重点项目。", "120个"),  # 将X纳入: 将 meaning 把
        ("一、概况\n虚拟现实产业营收增长20%。", "20%"),  # 虚拟 is not 拟
        ("一、概况\n研发投入强度从2020年的2.9%提高到2025年的3.3%。", "3.3%"),  # 提高到2025年 is not 到2025年
        ("一、概况\n主要城市网上办事率达到90%。", "90%"),  # 主要 is not 要
        ("一、综合\n全市生产总值820亿元。", "820亿元"),  # no word for either
    ],
)
def test_link_status_not_a_target(extract, text, figure):
    assert indicator(extract(text), figure).status != "target"


@pytest.mark.parametrize(
    ("text", "figure", "places", "region"),
    [
        ("一、回顾\n全国近2亿人参加基本医疗保险。", "近2亿人", [], "全国"),
        ("一、回顾\n去年全国新增床位5万张。", "5万张", [], "全国"),
        ("一、回顾\n北京向天津、河北输出技术合同成交额748.7亿元。", "748.7亿元", ["北京", "天津", "河北"], None),
        ("一、回顾\n支援武汉和湖北，调派4万多名医护人员。", "4万多名", ["武汉", "湖北"], None),
        ("一、回顾\n武汉调派医护人员4万多名，全国共计新增床位5万张。", "5万张", [], "全国"),
        # 全国 that is not the figure's scope
        ("一、回顾\n全国人大常委会审议法律议案10件。", "10件", [], None),
        ("一、回顾\n浙江出口占全国份额15.5%。", "15.5%", ["浙江"], None),
        ("一、回顾\n举办国际级和全国赛事370场。", "370场", [], None),
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
