"""Places, organisations, initiatives and products through the whole pipeline on small texts."""

from __future__ import annotations

import pytest


def ents(doc, kind):
    return [e for e in doc.entities if e.type == kind]


@pytest.mark.parametrize(
    ("text", "surface", "name", "level", "province", "region", "adcode"),
    [
        ("深圳、上海等城市成为标杆。", "深圳", "深圳市", "city", "广东省", "东部地区", "440300"),
        ("深圳、上海等城市成为标杆。", "上海", "上海市", "city", "上海市", "东部地区", "310000"),
        ("黔东南州统计局发布公报，黔东南苗族侗族自治州人口增长。", "黔东南苗族侗族自治州", "黔东南苗族侗族自治州",
         "city", "贵州省", "西部地区", "522600"),
        ("福建省全域推进无证明城市建设。", "福建省", "福建省", "province", "福建省", "东部地区", "350000"),
        ("浙江永嘉县推进改革。", "永嘉县", "永嘉县", "county", "浙江省", "东部地区", "330324"),
        ("大庆等城市应用机器人。", "大庆", "大庆市", "city", "黑龙江省", "东北地区", "230600"),
    ],
)
def test_entities_places(extract, text, surface, name, level, province, region, adcode):
    doc = extract(text)
    hit = [e for e in ents(doc, "place") if e.text == surface]
    assert len(hit) == 1
    e = hit[0]
    assert (e.name, e.level, e.province, e.region, e.adcode) == (name, level, province, region, adcode)
    assert doc.text[e.start:e.end] == e.text


def test_entities_blocs_and_macro_regions(extract):
    doc = extract("长三角、成渝地区双城经济圈和中西部地区加快发展，东北地区提质。")
    got = {(e.text, e.name, e.level) for e in ents(doc, "place")}
    assert got == {("长三角", "长三角", "bloc"), ("成渝地区双城经济圈", "成渝地区双城经济圈", "bloc"),
                   ("中西部地区", "中西部", "macro_region"), ("东北地区", "东北地区", "macro_region")}
    cxb = next(e for e in ents(doc, "place") if e.name == "中西部")
    assert "四川省" in cxb.members and "河南省" in cxb.members and "广东省" not in cxb.members


@pytest.mark.parametrize(
    "text",
    [
        "阿里巴巴集团和大连接技术。",  # names inside longer words
        "城市地区和农村地区、偏远地区。",  # generic areas
        "中国智慧政务建设。",  # the country as the report's frame
    ],
)
def test_entities_places_not_found(extract, text):
    assert ents(extract(text), "place") == []


def test_entities_place_inside_organisation(extract):
    doc = extract("本报告由淞基科技(上海)有限公司产业研究中心撰写。上海推出随申办。")
    places = ents(doc, "place")
    assert [e.text for e in places] == ["上海"]
    assert places[0].start > doc.text.index("撰写")
    orgs = ents(doc, "organization")
    assert [e.text for e in orgs] == ["淞基科技(上海)有限公司产业研究中心"]


def test_entities_ambiguous_place_is_flagged(extract):
    doc = extract("鼓楼区推进改革。")
    (e,) = ents(doc, "place")
    assert e.ambiguous and e.name is None and e.adcode is None and len(e.candidates) >= 2


def test_entities_ambiguous_place_resolved_by_the_place_before_it(extract):
    doc = extract("南京市鼓楼区和福州市鼓楼区推进改革。")
    got = [(e.text, e.adcode, e.province) for e in ents(doc, "place") if e.text == "鼓楼区"]
    assert got == [("鼓楼区", "320106", "江苏省"), ("鼓楼区", "350102", "福建省")]


def test_entities_ambiguous_place_resolved_by_a_municipality_before_it(extract):
    doc = extract("上海市普陀区和舟山市普陀区推进改革。")
    got = [(e.text, e.adcode, e.province) for e in ents(doc, "place") if e.text == "普陀区"]
    assert got == [("普陀区", "310107", "上海市"), ("普陀区", "330903", "浙江省")]


def test_entities_ambiguous_place_resolved_by_context(extract):
    doc = extract("福州市鼓楼区推进改革。")
    e = next(e for e in ents(doc, "place") if e.text == "鼓楼区")
    assert not e.ambiguous and e.province == "福建省" and e.adcode == "350102"


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("国务院、国家网信办、发改委、工信部等部门", "发改委", "国家发展和改革委员会"),
        ("国务院、国家网信办、发改委、工信部等部门", "工信部", "工业和信息化部"),
        ("国务院、国家网信办、发改委、工信部等部门", "国家网信办", "国家互联网信息办公室"),
        ("中国标准化研究院发布的研究报告", "中国标准化研究院", "中国标准化研究院"),
        ("洛阳市统计局、国家统计局洛阳调查队发布", "国家统计局洛阳调查队", "国家统计局洛阳调查队"),
        ("洛阳市统计局、国家统计局洛阳调查队发布", "洛阳市统计局", "洛阳市统计局"),
        ("浙江省人民政府印发", "浙江省人民政府", "浙江省人民政府"),
    ],
)
def test_entities_organizations(extract, text, surface, name):
    doc = extract(text)
    hit = [e for e in ents(doc, "organization") if e.text == surface]
    assert len(hit) == 1 and hit[0].name == name


def test_entities_organizations_not_found(extract):
    doc = extract("国家级制造业创新中心和以人民为中心的发展思想。")
    assert [e.text for e in ents(doc, "organization")] == []


def test_entities_initiatives_and_products(extract):
    doc = extract("推动“跨省通办”“一件事一次办”，深圳“深小i”、上海“随申办AI助手”、杭州“杭小政”等政务智能助手上线。"
                  "企业开办实现“一日办结”“秒批”。跨省通办全覆盖。")
    inits = [(e.text, e.type) for e in doc.entities if e.type in ("initiative", "product")]
    assert inits == [("跨省通办", "initiative"), ("一件事一次办", "initiative"), ("深小i", "product"),
                     ("随申办AI助手", "product"), ("杭小政", "product"), ("一日办结", "initiative"),
                     ("秒批", "initiative"), ("跨省通办", "initiative")]


@pytest.mark.parametrize("phrase", ["领头羊", "表面化", "数字化", "技术孤岛", "办事远", "不会办", "赶超式发展"])
def test_entities_quoted_phrases_that_are_not_initiatives(extract, phrase):
    doc = extract(f"东部地区成为“{phrase}”。")
    assert [e for e in doc.entities if e.type in ("initiative", "product")] == []


def test_entities_offsets_and_sections(extract):
    doc = extract("一、总体\n深圳超80项。\n二、展望\n2026-2030年，上海将达到95%以上。")
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    sec = {e.text: e.section for e in doc.entities}
    assert sec["深圳"] == sec["超80项"] == "s1"
    assert sec["上海"] == sec["95%以上"] == sec["2026-2030年"] == "s2"


def test_entities_long_text_in_pieces_finds_the_same(extract, seed_doc):
    """A text longer than one pipeline piece gives, copy for copy, what one copy gives."""
    from govextract.entities import CHUNK_CHARS

    copies = CHUNK_CHARS // len(seed_doc.text) + 2
    doc = extract("\n".join([seed_doc.text] * copies))
    one = [(e.type, e.text) for e in seed_doc.entities]
    assert [(e.type, e.text) for e in doc.entities] == one * copies
    step = len(seed_doc.text) + 1
    assert [e.start - k * step for k in range(copies) for e in doc.entities[k * len(one):(k + 1) * len(one)]] == \
        [e.start for e in seed_doc.entities] * copies
