"""Place shapes, each with examples that must be found and look-alikes that must not.

Shapes: a county-level name without 市/区/县 (义乌, 平谷, 凯里); a place the segmenter
joins to the word after it (台湾同胞); the national shorthand of strategy prose (西部大开发、
东北全面振兴); a region of a province (苏南, 粤东西北, 川南经济区); a short name read in the
report's own province (a Beijing report's 通州)."""

from __future__ import annotations

import pytest

from govextract.data import load_lines
from govextract.data.gazetteer import bare_county_name, load_gazetteer


def places(doc):
    return [e for e in doc.entities if e.type == "place"]


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("义乌市", "义乌"),
        ("平谷区", "平谷"),
        ("黎平县", "黎平"),
        ("浦东新区", "浦东"),
        ("神农架林区", "神农架"),
        ("长阳土家族自治县", "长阳"),
        ("城区", None),  # one character would be left
        ("矿区", None),
        ("正蓝旗", None),  # banners keep their suffix
    ],
)
def test_places_bare_county_name(name, bare):
    assert bare_county_name(name, ["土家族"]) == bare


@pytest.mark.parametrize(
    ("text", "surface", "name", "level", "province"),
    [
        ("浙江义乌推进国际贸易综合改革。", "义乌", "义乌市", "county", "浙江省"),
        ("诸暨至嵊州高速公路建成。", "嵊州", "嵊州市", "county", "浙江省"),
        ("完成凯里、黄平等县（市）石漠化治理。", "凯里", "凯里市", "county", "贵州省"),
        ("青海格尔木建设盐湖产业基地。", "格尔木", "格尔木市", "county", "青海省"),
        ("福建平潭建设综合实验区。", "平潭", "平潭县", "county", "福建省"),
        ("重庆涪陵、北碚加快发展。", "北碚", "北碚区", "county", "重庆市"),
        ("北京市打造平谷、延庆种业创新示范区。", "延庆", "延庆区", "county", "北京市"),
        ("上海浦东打造社会主义现代化建设引领区。", "浦东", "浦东新区", "county", "上海市"),
        ("湖北神农架建设国家公园。", "神农架", "神农架林区", "county", "湖北省"),
    ],
)
def test_places_county_without_suffix(extract, text, surface, name, level, province):
    hit = [e for e in places(extract(text)) if e.text == surface]
    assert [(e.name, e.level, e.province) for e in hit] == [(name, level, province)]


@pytest.mark.parametrize(
    "text",
    [
        "坚持和平发展道路，推动乡村振兴和新兴产业发展。",
        "会同有关部门制定办法，比如延长产业链。",
        "公安机关加强路桥建设，推动资源合作。",
        "突出实的导向，大兴调查研究。",
        "年末全州县级室内体育馆9个，全州上下深入贯彻。",
        "加快建设陆海新通道，开展互助合作。",
        "长安街沿线和东方明珠。",
        "推进城区和郊区建设。",
        "青山常在，沿河布局，威信提升。",
        "同仁医院和钟楼广场。",
    ],
)
def test_places_ordinary_words_are_not_counties(extract, text):
    assert [e.text for e in places(extract(text))] == []


def test_places_stop_words_leave_the_full_name(extract):
    doc = extract("天津市和平区推进改革。")
    assert ("和平区", "和平区") in {(e.text, e.name) for e in places(doc)}


def test_places_bare_names_do_not_shadow_provinces_or_prefectures():
    g = load_gazetteer()
    assert [g.records[k].level for k in g.aliases["河北"]] == ["province"]  # not 天津的河北区
    assert [g.records[k].name for k in g.aliases["荆州"]] == ["荆州市"]  # 荆州区 lies in it
    for word in load_lines("place_stopwords.txt"):
        assert word not in g.aliases


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("西安、成都等城市聚焦数据治理。", "西安", "西安市"),  # not 牡丹江的西安区
        ("辽宁朝阳推进振兴。", "朝阳", "朝阳市"),
        ("北京市朝阳、海淀加快建设。北京推进改革。", "朝阳", "朝阳区"),  # a Beijing report's own district
    ],
)
def test_places_minor_reading_only_in_its_province(extract, text, surface, name):
    (e,) = [e for e in places(extract(text)) if e.text == surface]
    assert e.name == name


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("北京市打造平谷、通州种业创新示范区。北京加快发展。", "110112"),
        ("江苏省南通、苏州、无锡加快发展，江苏通州推进改革。", "320612"),
    ],
)
def test_places_short_name_read_in_the_home_province(extract, text, adcode):
    (e,) = [e for e in places(extract(text)) if e.text == "通州"]
    assert e.adcode == adcode and not e.ambiguous


def test_places_bare_county_outside_the_home_province_is_dropped(extract):
    doc = extract("北京市加快发展，北京推进改革，及时启用大宁水库等设施。")
    assert "大宁" not in {e.text for e in places(doc)}


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("向台湾同胞和海外侨胞表示感谢。", "台湾", "台湾省"),
        ("向香港同胞表示感谢。", "香港", "香港特别行政区"),
        ("台湾地区的企业。", "台湾", "台湾省"),
        ("浙江人创业。", "浙江", "浙江省"),
        ("上海港集装箱吞吐量增长。", "上海", "上海市"),
        ("天津港加快建设。", "天津", "天津市"),
    ],
)
def test_places_joined_to_the_word_after(extract, text, surface, name):
    hit = [e for e in places(extract(text)) if e.text == surface]
    assert [e.name for e in hit] == [name]


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("继续推动西部大开发、东北全面振兴、中部地区崛起、东部率先发展。", "西部", "西部地区"),
        ("继续推动西部大开发、东北全面振兴、中部地区崛起、东部率先发展。", "东北", "东北地区"),
        ("继续推动西部大开发、东北全面振兴、中部地区崛起、东部率先发展。", "东部", "东部地区"),
        ("形成了东部领先、中部赶超的格局。", "中部", "中部地区"),
    ],
)
def test_places_national_shorthand(extract, text, surface, name):
    hit = [e for e in places(extract(text)) if e.text == surface]
    assert [(e.name, e.level) for e in hit] == [(name, "macro_region")]


@pytest.mark.parametrize(
    "text",
    [
        "浙江东部沿海加快发展。",  # a part of the province before it
        "我省东部山区加快发展。",
        "深化东北亚合作。",
        "北京市构建西部山区路网。北京推进改革。",  # a city report's own west
    ],
)
def test_places_national_shorthand_not_taken(extract, text):
    assert [e for e in places(extract(text)) if e.level == "macro_region" and e.province is None] == []


@pytest.mark.parametrize(
    ("text", "surface", "name", "province"),
    [
        ("推动苏南地区率先发展。", "苏南地区", "苏南", "江苏省"),
        ("支持粤东西北加快振兴。", "粤东西北", "粤东西北", "广东省"),
        ("推动川南经济区一体化发展。", "川南经济区", "川南", "四川省"),
        ("支持皖北承接产业转移。", "皖北", "皖北", "安徽省"),
        ("打造浙中高质量发展重要增长极。", "浙中", "浙中", "浙江省"),
        ("加快豫西转型发展。", "豫西", "豫西", "河南省"),
    ],
)
def test_places_regions_of_a_province(extract, text, surface, name, province):
    hit = [e for e in places(extract(text)) if e.text == surface]
    assert [(e.name, e.level, e.province) for e in hit] == [(name, "macro_region", province)]


@pytest.mark.parametrize(
    ("text", "surface", "level"),
    [
        ("京东集团发布年报。", None, None),  # a company, not a region of Beijing
        ("山西晋中加快发展。", "晋中", "city"),  # a division's name stays the division's
    ],
)
def test_places_regions_of_a_province_not_confused(extract, text, surface, level):
    got = [(e.text, e.level) for e in places(extract(text)) if e.level != "province"]
    assert got == ([(surface, level)] if surface else [])


def test_places_subregion_members_are_divisions():
    g = load_gazetteer()
    rec = g.records["sub:苏南"]
    assert rec.region == "东部地区" and "苏州市" in rec.members


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("上海浦东打造引领区。", ["上海", "浦东"]),  # one word to the segmenter
        ("山西晋中加快发展。", ["山西", "晋中"]),
        ("阿里巴巴集团和大连接技术。", []),  # a name inside a longer word is still not a place
        ("从江苏引进人才。", ["江苏"]),  # 从江 (从江县) overlaps it but is not a word here
        ("企业从江西迁入。", ["江西"]),
    ],
)
def test_places_names_written_together(extract, text, surfaces):
    assert [e.text for e in places(extract(text))] == surfaces


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("支持长江中游城市群发展。", "长江中游城市群"),
        ("建设关中平原城市群。", "关中平原城市群"),  # the cluster, not the region 关中 inside it
    ],
)
def test_places_national_city_clusters(extract, text, surface):
    assert [(e.text, e.level) for e in places(extract(text))] == [(surface, "bloc")]
