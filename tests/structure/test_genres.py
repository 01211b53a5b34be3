"""Section trees of invented documents, one per genre of Chinese official writing that the
development reports do not cover: a normative document (办法), a notice (通知), a plan (规划),
a work report whose parts are titled but not numbered, and a scraped web page that runs each
heading into its paragraph. Each expectation says what a reader of the genre would call a
section; none is gold."""

from __future__ import annotations

import pytest

from govextract.models import SectionKind
from govextract.structure.normalize import normalize
from govextract.structure.segment import segment

_MEASURES = """XX市公共数据管理办法
（2025年3月1日XX市人民政府令第12号公布）
第一章　总则
第一条　为了规范公共数据管理，促进公共数据共享开放，根据有关法律、法规，结合本市实际，制定本办法。
第二条　本市行政区域内公共数据的收集、共享、开放及其相关管理活动，适用本办法。
第三条　本办法所称公共数据，包括：
（一）政务数据；
（二）公共服务数据；
（三）其他依法可以共享开放的数据。
第二章　管理职责
第四条　市数据主管部门负责统筹协调全市公共数据管理工作。
第五条　公共管理和服务机构应当履行下列职责：
（一）建立本单位公共数据管理制度；
（二）明确本单位公共数据管理机构和人员；
（三）按照规定报送公共数据目录。
第三章　附则
第六条　本办法自2025年5月1日起施行。"""

_NOTICE = """XX市人民政府办公厅关于做好2025年政务公开工作的通知
各区人民政府，市政府各部门：
为深入推进政务公开工作，经市政府同意，现就有关事项通知如下：
一、总体要求
坚持以人民为中心，以公开促落实、以公开强监管，不断提升政务公开质量。
二、重点任务
（一）加强政策解读。各单位要围绕重大政策出台，同步做好解读工作。
1.丰富解读形式。采用图表、视频等形式解读政策。
2.提升解读质量。解读内容要准确、通俗易懂。
（二）做好依申请公开。规范办理流程，依法按时答复。
（三）推进基层政务公开标准化规范化。
三、工作要求
（一）各区、各部门要高度重视。
（二）各区、各部门要于2025年6月30日前将本单位政务公开工作方案报送市政务公开办公室，逾期未报送的将予以通报。
（三）各单位要加强政务公开队伍建设，定期组织业务培训，切实提升工作人员的政策水平和业务能力。
附件：1.2025年政务公开工作任务分解表
2.政务公开工作联系人名单
XX市人民政府办公厅
2025年4月10日"""

_PLAN = """XX省“十五五”数字经济发展规划
第一章　发展基础和形势
第一节　发展基础
“十四五”以来，全省数字经济规模持续壮大，数字产业化和产业数字化加快推进。
第二节　面临形势
当前，新一轮科技革命和产业变革深入发展。
第二章　总体要求
第一节　指导思想
坚持以习近平新时代中国特色社会主义思想为指导。
第二节　主要目标
到2030年，全省数字经济核心产业增加值占地区生产总值比重达到15%。
专栏1　“十五五”数字经济发展主要指标
第三章　保障措施
加强组织领导，健全工作机制。
名词解释
1.数字产业化：指数字技术带来的产品和服务。
2.产业数字化：指传统产业应用数字技术所带来的产出增加和效率提升。"""

_REPORT = """XX省政府工作报告
——2026年1月20日在XX省第十四届人民代表大会第五次会议上
XX省省长　李四
各位代表：
现在，我代表省人民政府，向大会报告政府工作，请予审议。
过去五年工作回顾
过去五年，是我省发展进程中极不平凡的五年。主要做了以下工作。
（一）坚持稳中求进，综合实力跃上新台阶。全省生产总值年均增长5.5%。
（二）坚持创新驱动，新质生产力加快发展。研发经费投入强度达到3.2%。
（三）坚持人民至上，民生福祉持续增进。城乡居民收入稳步增长。
各位代表！这些成绩的取得，是全省人民团结奋斗的结果。
“十五五”时期主要目标任务
“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。
今 年 工 作 安 排
今年是“十五五”开局之年。做好今年政府工作，要坚持稳中求进。
（一）着力扩大内需，推动经济持续回升向好。实施提振消费专项行动。
（二）着力发展新质生产力，加快建设现代化产业体系。培育壮大新兴产业。
（三）着力保障和改善民生。办好民生实事。
加强政府自身建设
新征程上，我们要坚持把党的政治建设摆在首位。
各位代表！让我们团结奋斗，奋力谱写新篇章！"""

_SCRAPED = """首页
XX市2025年国民经济和社会发展统计公报
发布时间：2026-03-20
一、综合 根据地区生产总值统一核算结果，全年全市地区生产总值5123.4亿元，比上年增长5.6%。
二、农业 全年粮食播种面积120.5千公顷，比上年增长0.8%；粮食总产量78.9万吨，增长1.2%。
三、工业和建筑业 全年全部工业增加值1456.7亿元，比上年增长6.1%，年末资质以上建筑企业 1200
注释：
[1]本公报中数据均为初步统计数。
资料来源：本公报中粮食数据来自国家统计局XX调查队，其他数据来自市统计局。"""

B, G, N, M = SectionKind.body, SectionKind.glossary, SectionKind.notes, SectionKind.back_matter


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        # articles under chapters; an article's items (项 （一）) are not sections
        (_MEASURES, [("第一章", "总则", 1, B), ("第一条", None, 2, B), ("第二条", None, 2, B), ("第三条", None, 2, B),
                     ("第二章", "管理职责", 1, B), ("第四条", None, 2, B), ("第五条", None, 2, B),
                     ("第三章", "附则", 1, B), ("第六条", None, 2, B)]),
        # 一、 over （一）; run-in 1. items stay paragraphs; the numbered requirements of 三、 are
        # paragraphs, not headings; the list of attachments is not numbered sections
        (_NOTICE, [("一", "总体要求", 1, B), ("二", "重点任务", 1, B), ("（一）", "加强政策解读", 2, B),
                   ("（二）", "做好依申请公开", 2, B), ("（三）", "推进基层政务公开标准化规范化", 2, B),
                   ("三", "工作要求", 1, B)]),
        # chapters over sections (节); a feature box is not a section; the glossary is set apart
        (_PLAN, [("第一章", "发展基础和形势", 1, B), ("第一节", "发展基础", 2, B), ("第二节", "面临形势", 2, B),
                 ("第二章", "总体要求", 1, B), ("第一节", "指导思想", 2, B), ("第二节", "主要目标", 2, B),
                 ("第三章", "保障措施", 1, B), (None, "名词解释", 1, G)]),
        # unnumbered part titles over （一） runs, one of them letter-spaced, two without a run
        (_REPORT, [(None, "过去五年工作回顾", 1, B), ("（一）", "坚持稳中求进，综合实力跃上新台阶", 2, B),
                   ("（二）", "坚持创新驱动，新质生产力加快发展", 2, B),
                   ("（三）", "坚持人民至上，民生福祉持续增进", 2, B),
                   (None, "“十五五”时期主要目标任务", 1, B), (None, "今年工作安排", 1, B),
                   ("（一）", "着力扩大内需，推动经济持续回升向好", 2, B),
                   ("（二）", "着力发展新质生产力，加快建设现代化产业体系", 2, B),
                   ("（三）", "着力保障和改善民生", 2, B), (None, "加强政府自身建设", 1, B)]),
        # each heading run into its paragraph; notes and sources at the end
        (_SCRAPED, [("一", "综合", 1, B), ("二", "农业", 1, B), ("三", "工业和建筑业", 1, B),
                    (None, "注释", 1, N), (None, "资料来源", 1, M)]),
    ],
    ids=["measures", "notice", "plan", "report", "scraped"],
)
def test_genres_section_tree(text, tree):
    n = normalize(text)
    seg = segment(n.text, n.markdown_headings)
    assert [(s.number, s.title, s.level, s.kind) for s in seg.sections] == tree
    # every line after the opening lies in a section
    first = seg.sections[0].start
    assert all(p.section is not None for p in seg.paragraphs if p.start >= first)


def test_genres_report_parts_hold_the_whole_body():
    n = normalize(_REPORT)
    seg = segment(n.text)
    parts = [s for s in seg.sections if s.level == 1]
    covered = sum(s.end - s.start for s in parts)
    assert covered > 0.8 * len(n.text)
    assert n.text[parts[-1].start:parts[-1].end].endswith("奋力谱写新篇章！")
