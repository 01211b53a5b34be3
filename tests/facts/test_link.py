"""Indicators and findings: checked against the gold's measures and places, and on small texts."""

from __future__ import annotations

import re

import pytest

from govextract.facts import link


def by_text(doc):
    by_id = {e.id: e for e in doc.entities}
    return {by_id[i.quantity].text: (i, by_id) for i in doc.indicators}


def test_link_seed_measures_and_places_match_gold(seed_doc, gold):
    found = by_text(seed_doc)
    for g in gold["quantities"]:
        ind, by_id = found[g["text"]]
        assert ind.measure == re.sub(r"\(.*?\)$", "", g["measures"]), g["text"]
        places = [by_id[p] for p in ind.places]
        assert len(places) == len(g["about"]), g["text"]
        assert all(want in (p.text, p.name) for p, want in zip(places, g["about"], strict=True)), g["text"]
        span = ind.measure_span
        assert span is not None and re.sub(r"[，,：:\s]", "", seed_doc.text[span.start:span.end]) == ind.measure
        q = by_id[ind.quantity]
        assert ind.sentence.start <= q.start < q.end <= ind.sentence.end


def test_link_seed_status(seed_doc):
    found = by_text(seed_doc)
    assert found["95%以上"][0].status == "target"
    assert found["超千万份"][0].status == "achieved"


def test_link_seed_region_findings_match_gold(seed_doc, gold):
    by_id = {e.id: e for e in seed_doc.entities}
    sections = {s.id: s.number or s.title for s in seed_doc.sections}
    got = {(by_id[f.entities[0]].text, sections[f.section]) for f in seed_doc.findings if f.kind == "region_mismatch"}
    want = {(g["city"], g["section"]) for g in gold["region_inconsistencies"]}
    assert got == want


def test_link_place_lists_across_commas_and_status_words(extract):
    doc = extract("一、概况\n上海，北京，深圳等城市，累计办件超1000万件。\n全省主要城市已建成站点300个。")
    by_id = {e.id: e for e in doc.entities}
    first, second = doc.indicators
    assert [by_id[p].text for p in first.places] == ["上海", "北京", "深圳"]
    assert second.status == "achieved"  # 主要 is not 要 (a target)


def test_link_the_modal_yao_marks_a_target(extract):
    doc = extract("一、概况\n普惠小微企业贷款增速要高于40%。")
    assert [i.status for i in doc.indicators] == ["target"]


def test_link_region_of_the_section_when_the_sentence_names_no_place(extract):
    doc = extract("五、格局\n5.4 西部地区：试点带动\n乡镇设立自助终端超3万台。")
    (ind,) = doc.indicators
    assert ind.places == [] and ind.region == "西部地区" and ind.measure == "自助终端"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("绵阳市2024年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值4012.3亿元。\n"
         "二、附注\n全年地区生产总值4102.3亿元。", "conflicting_values"),
        ("一、概况\n2030-2026年规划。", "period_reversed"),
        ("一、概况\n西部地区加快发展，张家口、成都等城市成为试点。", "region_mismatch"),
    ],
)
def test_link_findings(extract, text, kind):
    assert [f.kind for f in extract(text).findings] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "一、概况\n全市生产总值增长150%。",  # growth may exceed 100%
        "一、概况\n全市小学毛入学率达到105.2%。",  # a gross enrolment rate passes 100% by definition
        "一、概况\n深圳上线集成服务套餐超80项。\n二、回顾\n深圳上线集成服务套餐超90项。",  # no headline indicator
        "绵阳市2024年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值4012.3亿元，比上年增长6.1%。\n"
        "二、附注\n2023年地区生产总值3700.1亿元。",  # two years, not two values
        "一、概况\n西部地区借鉴福建省经验，成都、贵阳等城市成为试点。",  # a province, and western cities
        "一、概况\n东部地区与中西部地区协同，深圳、成都等城市成为试点。",  # both regions named
        "一、概况\n中西部地区以武汉、成都为代表加快发展。",  # 中西部 covers both
    ],
)
def test_link_no_findings(extract, text):
    assert extract(text).findings == []


@pytest.mark.parametrize(("text", "pos", "span"), [
    ("甲乙。丙丁；戊", 0, (0, 2)), ("甲乙。丙丁；戊", 3, (3, 5)), ("甲乙。丙丁；戊", 2, (0, 2)),
    ("甲乙。丙丁；戊", 6, (6, 7)), ("甲乙。丙丁；戊", 7, (6, 7)), ("无句号", 1, (0, 3)), ("", 0, (0, 0)),
])
def test_stops_bounds_the_stretch_between_stops(text: str, pos: int, span: tuple[int, int]) -> None:
    assert link.Stops(text, {"。", "；"}).bounds(pos) == span
