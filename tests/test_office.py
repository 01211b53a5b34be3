"""Word and web-page input through the same pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

import govextract
from govextract.errors import EmptyDocument, UnreadableFile

PAGE = """<html><head><meta charset="{charset}"><title>关于推进数字政府建设的通知_某市人民政府</title>
<script>var menu = "一、脚本里的标题";</script><style>.x{{color:red}}</style></head>
<body><nav><a href="/">首页</a> | <a>政务公开</a> | <a>办事服务</a> | <a>互动交流</a></nav>
<div class="article"><h1>关于推进数字政府建设的通知</h1>
<h2>一、总体要求</h2><p>到2027年，全市政务服务事项网上可办率达到95%以上，深圳、广州等城市率先实现“一网通办”。
各区要加强组织领导，完善工作机制，确保各项任务落到实处。</p>
<h2>二、重点任务</h2><p>推进“高效办成一件事”，累计上线集成服务套餐超80项，减少群众跑动超过300万人次。
加快数据共享，推动电子证照广泛应用。</p></div>
<footer>版权所有：某市人民政府办公室 网站标识码 1234567890 备案号</footer></body></html>"""


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_office_html_main_text_only(tmp_path: Path, charset: str):
    p = tmp_path / "page.html"
    p.write_bytes(PAGE.format(charset=charset).encode(charset))
    doc = govextract.extract_file(p)
    assert doc.source.format == "html"
    assert [(s.number, s.title) for s in doc.sections] == [("一", "总体要求"), ("二", "重点任务")]
    assert doc.metadata.title == "关于推进数字政府建设的通知"
    for noise in ("首页", "脚本", "网站标识码", "color"):
        assert noise not in doc.text
    q = next(e for e in doc.entities if e.text == "95%以上")
    assert q.section == doc.sections[0].id


def test_office_html_without_main_text(tmp_path: Path):
    p = tmp_path / "nav.html"
    p.write_text("<html><head><script>var a = '一、总体';</script></head><body> </body></html>", encoding="utf-8")
    with pytest.raises(EmptyDocument):
        govextract.extract_file(p)


def test_office_docx_headings_and_tables(tmp_path: Path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("2025年某市数字政府建设报告", level=0)
    d.add_heading("一、总体情况", level=1)
    d.add_paragraph("2025年，深圳实现500余项高频事项“跨省通办”。")
    d.add_heading("（一）主要成效", level=2)
    d.add_paragraph("上海上线“一件事”集成服务套餐超80项。")
    d.add_heading("工作展望", level=1)  # a heading style without a number is still a heading
    d.add_paragraph("持续推进。")
    t = d.add_table(rows=2, cols=2)
    for (r, c), v in {(0, 0): "指标", (0, 1): "数值", (1, 0): "事项", (1, 1): "500"}.items():
        t.cell(r, c).text = v
    p = tmp_path / "report.docx"
    d.save(str(p))
    doc = govextract.extract_file(p)
    assert [(s.number, s.title, s.level) for s in doc.sections] == [
        ("一", "总体情况", 1), ("（一）", "主要成效", 2), (None, "工作展望", 1)]
    assert doc.metadata.title == "2025年某市数字政府建设报告"
    assert doc.tables[0].rows == [["指标", "数值"], ["事项", "500"]]
    assert {e.text for e in doc.entities} >= {"500余项", "跨省通办", "超80项", "深圳", "上海"}


def test_office_broken_docx(tmp_path: Path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableFile) as info:
        govextract.extract_file(p)
    assert "broken.docx" in str(info.value)


PORTAL = """<html><head><meta charset="utf-8"><title>2024年某市国民经济和社会发展统计公报_某市统计局</title></head>
<body><div id="topbar"><a href="/">首页</a> <a>政务公开</a> <a>统计数据</a> <a>互动交流</a></div>
<div class="article-box">
<div class="bread-crumb">当前位置：<a href="/">首页</a> &gt; <a>统计数据</a> &gt; <a>统计公报</a></div>
<h2>2024年某市国民经济和社会发展统计公报</h2>
<h1>一、<span>综合</span></h1>
<p>全年全市地区生产总值5000亿元，比上年增长5.5%。其中，第一产业增加值200亿元，增长3.0%。</p>
<h1><font>二、</font><font>农业</font></h1>
<p>全年粮食种植面积100万亩，比上年增加2万亩。粮食总产量50万吨，增长1.2%。</p>
<p>【打印本页】【关闭窗口】</p></div>
<div class="foot">主办：某市统计局 地址：某市某路1号 联系电话：0000-1234567 京ICP备12345678号</div>
</body></html>"""


def test_office_html_portal_chrome_dropped_and_each_heading_one_section(tmp_path: Path):
    p = tmp_path / "portal.html"
    p.write_text(PORTAL, encoding="utf-8")
    doc = govextract.extract_file(p)
    assert [(s.number, s.title) for s in doc.sections] == [("一", "综合"), ("二", "农业")]
    assert doc.metadata.title == "2024年某市国民经济和社会发展统计公报"
    for noise in ("首页", "当前位置", "打印本页", "ICP备", "联系电话", "互动交流"):
        assert noise not in doc.text, noise


@pytest.mark.parametrize("first", ["<h3>一、综合</h3>", "<p><strong>一、综合</strong></p>", "<h1>一、综合</h1>"])
def test_office_html_a_numbered_heading_is_one_section_not_the_title(tmp_path: Path, first: str):
    """trafilatura may take a page's first <h1> as its title: a numbered heading is a section, once."""
    body = "全年全市地区生产总值5000亿元，比上年增长5.5%。"
    p = tmp_path / "p.html"
    p.write_text(f"<html><head><meta charset='utf-8'><title>某市统计公报</title></head><body><div class='article'>"
                 f"{first}<p>{body}</p><h1>二、农业</h1><p>{body}</p></div></body></html>", encoding="utf-8")
    doc = govextract.extract_file(p)
    assert [(s.number, s.title) for s in doc.sections] == [("一", "综合"), ("二", "农业")]
    assert doc.text.count("二、农业") == 1 and doc.metadata.title == "某市统计公报"


def test_office_html_boilerplate_examples_hold():
    from govextract.data import load_json
    from govextract.ingest.office import load_boilerplate

    b = load_boilerplate()  # validates the examples when loaded
    ex = load_json("html_boilerplate.json")["examples"]
    assert all(map(b.is_lead, ex["lead"])) and not any(map(b.is_lead, ex["not_lead"]))
    assert all(map(b.is_tail, ex["tail"])) and not any(map(b.is_tail, ex["not_tail"]))
    assert all(map(b.is_control, ex["control"])) and not any(map(b.is_control, ex["not_control"]))


def test_office_html_chrome_lines_inside_the_text_stay(tmp_path: Path):
    """Footer and breadcrumb shapes count only at the edges of the text: inside it they are text."""
    p = tmp_path / "p.html"
    p.write_text("<html><head><meta charset='utf-8'><title>某市知识产权工作报告</title></head><body><article>"
                 "<h2>一、总体情况</h2><p>地址：某市某路1号的服务大厅全年受理业务12万件，比上年增长8%。</p>"
                 "<h2>二、版权工作</h2><p>全市版权所有人登记作品3000件，增长12%。</p><p>全年工作总体平稳。</p>"
                 "</article></body></html>", encoding="utf-8")
    doc = govextract.extract_file(p)
    assert "地址：某市某路1号" in doc.text and "版权所有人登记作品" in doc.text


REPRINT_HTML = """<html><head><meta charset="utf-8">
<title>某省统计局 - 2025年某市国民经济和社会发展统计公报</title></head>
<body><div class="article"><h1>2025年某市国民经济和社会发展统计公报</h1>
<div class="info"><span>2026-03-01</span>　<span>发布机构：<i>某省统计局</i></span></div>
<p>【字号：大 中 小】</p>
<p><strong>一、综合</strong></p>
<p>全年全市地区生产总值[1]5000亿元，比上年增长5.5%。全市3D打印产业产值增长30%，新设字号企业3000户，
打印机产量增长12%。指标*号为初步数，a_b类企业增长8%。</p>
<div style="text-align:center"><strong>二、农  业</strong></div>
<div>全年粮食总产量50万吨，增长1.2%。扫一扫即可办理的涉农事项达到200项。</div>
<p>[1]地区生产总值按现价计算。</p>
<p>（信息来源：某市统计局、某某新闻）</p>
<p>（原文地址：http://www.example.gov.cn/tjgb/2026/t1.html）</p>
<p>打印此文</p><p>关闭窗口</p>
<div id="qr_box"><p>扫一扫</p><p>在手机打开当前页</p></div></div></body></html>"""


def test_office_html_reprint_chrome_escapes_title_and_issuer(tmp_path: Path):
    from govextract.ingest.office import read_html

    p = tmp_path / "reprint.html"
    p.write_text(REPRINT_HTML, encoding="utf-8")
    raw = read_html(p)
    assert raw.title == "2025年某市国民经济和社会发展统计公报"  # the part of <title> that is not the site
    assert raw.publisher == "某市统计局"  # the text's issuer line, not the site's, not the news outlet
    doc = govextract.extract_file(p)
    assert [(s.level, s.number, s.title) for s in doc.sections] == [(1, "一", "综合"), (1, "二", "农业")]
    assert doc.text.startswith("2025年某市国民经济和社会发展统计公报\n")  # a plain line, not a section
    assert doc.metadata.title == "2025年某市国民经济和社会发展统计公报"
    for noise in ("字号：", "原文地址", "打印此文", "关闭窗口", "在手机打开当前页", "\\", "扫一扫\n"):
        assert noise not in doc.text, noise
    for kept in ("地区生产总值[1]5000亿元", "3D打印产业", "新设字号企业", "打印机产量", "指标*号", "a_b类企业",
                 "扫一扫即可办理", "[1]地区生产总值按现价计算。", "（信息来源：某市统计局、某某新闻）"):
        assert kept in doc.text, kept


@pytest.mark.parametrize("html, publisher", [
    ("<div><span>2026-01-20</span>　<span>出处：某市统计局　</span></div><article><p>{body}</p></article>",
     "某市统计局"),
    ("<div>来源：<b> 某市统计局 </b></div><article><p>{body}</p></article>", "某市统计局"),
    ("<div>来源：本站  时间：2026-01-01 10:00</div><article><p>{body}</p></article>", None),
    ("<article><p>{body}</p><p>[3]数据来源：本公报中就业数据来自市人社局。</p></article>", None),
    ("<div>发布机构：某省统计局</div><article><p>{body}（来源：某市统计局）</p></article>", "某市统计局"),
])
def test_office_html_publisher_from_an_issuer_line(tmp_path: Path, html: str, publisher: str | None):
    from govextract.ingest.office import read_html

    body = "全年全市地区生产总值5000亿元，比上年增长5.5%。全市新增城镇就业10万人，比上年增加0.5万人。" * 3
    p = tmp_path / "p.html"
    p.write_text(f"<html><head><meta charset='utf-8'><title>某市统计公报</title></head><body>"
                 f"{html.format(body=body)}</body></html>", encoding="utf-8")
    assert read_html(p).publisher == publisher


@pytest.mark.parametrize("escaped, plain", [
    ("公报\\[1\\]", "公报[1]"),
    ("2021\\_\\_2025年", "2021__2025年"),
    ("指标\\*号 \\~ \\`x\\` \\<br>", "指标*号 ~ `x` <br>"),
    ("路径C:\\\\\\[x\\]", "路径C:\\[x]"),  # a backslash of the page before a special character is doubled
    ("\\# 号码", "# 号码"), ("\\- 项目", "- 项目"), ("1\\. 总体", "1. 总体"),
    ("**一、综合**", "**一、综合**"), ("*某省统计局*发布", "某省统计局发布"), ("a\\b", "a\\b"),
])
def test_office_html_markdown_escapes_undone(escaped: str, plain: str):
    from govextract.ingest.office import md_unescape

    assert md_unescape(escaped) == plain


def test_office_html_boilerplate_reprint_and_issuer_examples_hold():
    from govextract.data import load_json
    from govextract.ingest.office import load_boilerplate

    b = load_boilerplate()
    ex = load_json("html_boilerplate.json")["examples"]
    assert all(map(b.is_reprint, ex["reprint"])) and not any(map(b.is_reprint, ex["not_reprint"]))
    assert [b.issuer(line) for line, _ in ex["issuer"]] == [issuer for _, issuer in ex["issuer"]]
    assert not any(map(b.issuer, ex["not_issuer"]))


@pytest.mark.parametrize("line, kept", [
    ("全年数据均来自市统计局。返回首页", "全年数据均来自市统计局。"),
    ("全年数据均来自市统计局。【打印本页】【关闭窗口】", "全年数据均来自市统计局。"),
    ("全年数据均来自市统计局。返回某网，查看更多", "全年数据均来自市统计局。"),
    ("返回式卫星研制取得进展，打印", "返回式卫星研制取得进展，打印"),  # not after a sentence's end
    ("全年开展返回首页", "全年开展返回首页"),
])
def test_office_html_control_after_the_last_sentence(line: str, kept: str):
    from govextract.ingest.office import _strip_chrome, load_boilerplate

    assert _strip_chrome(["正文第一行。", line], load_boilerplate()) == ["正文第一行。", kept]
