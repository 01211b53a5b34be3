"""The panel: who and when of a report, its headline figures as cells, and the panel table.

Every report here is invented for the test (real division names, made-up figures)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import govextract
from govextract.facts.context import jurisdiction_in
from govextract.facts.panel_table import panel_rows, readable, wide

COMMUNIQUE = """绵阳市2024年国民经济和社会发展统计公报
绵阳市统计局
2025年3月20日
一、综合
初步核算，全年全市地区生产总值4012.3亿元，按不变价格计算，比上年增长6.1%。其中，第一产业增加值401.2亿元，增长3.2%；第二产业增加值1600.1亿元，增长7.0%；第三产业增加值2011.0亿元，增长5.9%。
全年民营经济增加值2000.5亿元，比上年增长6.5%，占全市地区生产总值的比重为49.9%。其中，第一产业增加值250.1亿元，增长3.3%。
年末全市常住人口489.2万人，比上年末增加1.2万人。其中，城镇常住人口300.4万人。
全年居民消费价格与上年持平。全年海洋生产总值12.5亿元，增长9.9%。
全年规模以上工业增加值比上年下降2.4%。一季度地区生产总值增长4.0%。
全年一般公共预算收入180.7亿元，增长3.1%。其中，市本级一般公共预算收入60.2亿元，下降1.5%。
全年全体居民人均可支配收入38123元，比上年增长5.4%。全年城镇新增就业人员6.21万人。
"""

WORK_REPORT = """2025年青海省政府工作报告
——2025年1月20日在青海省第十四届人民代表大会第三次会议上
各位代表：
现在，我代表省人民政府，向大会报告政府工作，请予审议。
一、2024年工作回顾
过去一年，全省生产总值增长5.3%，一般公共预算收入增长4.1%，城镇和农村居民人均可支配收入分别增长4.8%、6.6%。五年来，全省生产总值年均增长5.0%。
二、2025年工作安排
今年经济社会发展的主要预期目标是：全省生产总值增长5%—5.5%；城镇调查失业率5.5%以内；居民消费价格涨幅2%左右；城镇新增就业6万人以上。
"""


@pytest.fixture(scope="module")
def communique() -> govextract.Document:
    return govextract.extract_text(COMMUNIQUE, name="mianyang.txt")


@pytest.fixture(scope="module")
def work_report() -> govextract.Document:
    return govextract.extract_text(WORK_REPORT, name="qinghai.txt")


def cells_of(doc: govextract.Document) -> dict[tuple[str, str, int | None, str | None], list[float]]:
    out: dict[tuple[str, str, int | None, str | None], list[float]] = {}
    for c in doc.panel:
        out.setdefault((c.code, c.kind, c.year, c.status), []).append(c.value)
    return out


def test_panel_context_of_a_communique(communique: govextract.Document) -> None:
    m = communique.metadata
    assert m.region is not None and (m.region.code, m.region.name, m.region.level) == ("510700", "绵阳市", "city")
    assert (m.year, m.kind) == (2024, "statistical_communique")


def test_panel_context_of_a_work_report(work_report: govextract.Document) -> None:
    m = work_report.metadata
    assert m.region is not None and m.region.code == "630000"
    assert (m.year, m.kind) == (2025, "government_work_report")


@pytest.mark.parametrize(("text", "code"), [
    ("政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n现在，我代表国务院，向大会报告政府工作。",
     "100000"),
    ("2023年国民经济\n和社会发展统计公报\n来源：遵义市统计局\n全年粮食产量100万吨。", "520300"),
    ("关于做好当前工作的通知\n各有关单位：\n请按要求做好工作。", None),
])
def test_panel_context_reads_the_issuer_or_says_null(text: str, code: str | None) -> None:
    region = govextract.extract_text(text).metadata.region
    assert (region.code if region else None) == code


def test_panel_jurisdiction_in_settles_one_reading() -> None:
    assert jurisdiction_in("黔西南州统计局") is not None
    assert jurisdiction_in("国家统计局") is None
    assert jurisdiction_in("国务院", nation=True) is not None and jurisdiction_in("国务院") is None


def test_panel_communique_headline_figures(communique: govextract.Document) -> None:
    cells = cells_of(communique)
    assert cells[("gdp", "level", 2024, "achieved")] == [401230000000.0]
    assert cells[("gdp", "growth", 2024, "achieved")] == [6.1]
    assert cells[("va_primary", "level", 2024, "achieved")] == [40120000000.0]  # not 民营经济's 250.1亿元
    assert cells[("resident_population", "level", 2024, "achieved")] == [4892000.0]  # not the change 1.2万人
    assert cells[("cpi", "growth", 2024, "achieved")] == [0.0]  # 与上年持平
    assert cells[("industrial_va", "growth", 2024, "achieved")] == [-2.4]  # a fall is negative
    assert cells[("public_budget_revenue", "level", 2024, "achieved")] == [18070000000.0]  # not 市本级
    assert cells[("public_budget_revenue", "growth", 2024, "achieved")] == [3.1]
    assert cells[("disposable_income", "level", 2024, "achieved")] == [38123.0]
    assert cells[("new_urban_jobs", "level", 2024, "achieved")] == [62100.0]
    assert len(cells[("gdp", "growth", 2024, "achieved")]) == 1  # 海洋生产总值 and 一季度 are not GDP


def test_panel_cells_trace_to_their_words(communique: govextract.Document) -> None:
    for c in communique.panel:
        words = communique.text[c.start:c.end]
        assert words and c.sentence.start <= c.start < c.end <= c.sentence.end
    gdp = next(c for c in communique.panel if c.code == "gdp" and c.kind == "level")
    assert communique.text[gdp.start:gdp.end] == "地区生产总值4012.3亿元"
    ind = next(i for i in communique.indicators if i.id == gdp.indicator)
    assert (ind.code, ind.kind, ind.year, ind.scope) == ("gdp", "level", 2024, "510700")


def test_panel_work_report_review_and_targets(work_report: govextract.Document) -> None:
    cells = cells_of(work_report)
    assert cells[("gdp", "growth", 2024, "achieved")] == [5.3]  # the review is the year before
    assert cells[("disposable_income_urban", "growth", 2024, "achieved")] == [4.8]  # 分别
    assert cells[("disposable_income_rural", "growth", 2024, "achieved")] == [6.6]
    gdp = next(c for c in work_report.panel if (c.code, c.status) == ("gdp", "target"))
    assert (gdp.year, gdp.value, gdp.value_max, gdp.comparison) == (2025, 5.0, 5.5, "exact")
    assert cells[("unemployment_surveyed", "level", 2025, "target")] == [5.5]
    assert cells[("cpi", "growth", 2025, "target")] == [2.0]
    assert cells[("new_urban_jobs", "level", 2025, "target")] == [60000.0]
    assert 5.0 not in cells[("gdp", "growth", 2024, "achieved")]  # 年均 is no annual cell


def test_panel_rows_and_wide(communique: govextract.Document, work_report: govextract.Document) -> None:
    rows = panel_rows([communique, work_report])
    assert {r["source"] for r in rows} == {"mianyang.txt", "qinghai.txt"}
    for r in rows:
        assert r["text"] and r["region_code"] in ("510700", "630000")
    table = wide(rows)
    mianyang = next(r for r in table if r["region_code"] == "510700")
    assert mianyang["gdp_growth"] == 6.1 and mianyang["conflicts"] == ""
    twice = [*rows, dict(rows[0], value=rows[0]["value"] + 1, source="other.txt")]
    flagged = next(r for r in wide(twice) if r["region_code"] == rows[0]["region_code"]
                   and r["year"] == rows[0]["year"] and r["status"] == rows[0]["status"])
    column = f"{rows[0]['indicator']}_{rows[0]['kind']}"
    assert flagged[column] is None and column in flagged["conflicts"]


@pytest.mark.parametrize(("args", "want"), [
    ((600130000000.0, "元", "exact"), "6,001.30亿元"),
    ((5.5, "%", "about"), "5.5%左右"),
    ((5.0, "%", "exact", 5.5), "5%—5.5%"),
    ((12000000.0, "人", "at_least"), "1,200.00万人以上"),
])
def test_panel_readable_values(args: tuple, want: str) -> None:  # type: ignore[type-arg]
    assert readable(*args) == want


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from govextract.cli import main

    root = tmp_path_factory.mktemp("panel")
    (root / "in").mkdir()
    (root / "in" / "mianyang.txt").write_text(COMMUNIQUE, encoding="utf-8")
    (root / "in" / "qinghai.txt").write_text(WORK_REPORT, encoding="utf-8")
    assert main(["extract", str(root / "in"), "-o", str(root / "out"), "--workers", "1"]) == 0
    return root


def test_panel_cli_long_from_folders_and_from_the_dataset(converted: Path) -> None:
    from govextract.cli import main

    out = converted / "out"
    assert main(["panel", str(out), "-o", str(converted / "p.csv")]) == 0
    assert main(["panel", str(out / "govextract.sqlite"), "-o", str(converted / "db.csv")]) == 0
    with (converted / "p.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (converted / "db.csv").open(encoding="utf-8") as f:
        from_db = list(csv.DictReader(f))
    assert {r["source"] for r in rows} == {"mianyang.txt", "qinghai.txt"}
    assert sorted((r["source"], r["indicator"], r["kind"], r["year"], r["value"]) for r in rows) == sorted(
        (r["source"], r["indicator"], r["kind"], r["year"], r["value"]) for r in from_db)
    doc = json.loads((out / "mianyang.txt.json").read_text(encoding="utf-8"))
    for r in rows:
        if r["source"] == "mianyang.txt":
            assert doc["text"][int(r["start"]):int(r["end"])] == r["text"]


def test_panel_cli_wide_stdout_and_formats(converted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govextract.cli import main

    out = converted / "out"
    assert main(["panel", str(out), "-o", "-", "--wide"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    qinghai = next(r for r in table if r["region_code"] == "630000" and r["status"] == "target")
    assert qinghai["year"] == "2025" and qinghai["cpi_growth"] == "2.0"
    assert (qinghai["gdp_growth"], qinghai["gdp_growth_max"]) == ("5.0", "5.5")  # a range keeps both ends
    assert main(["panel", str(out), "-o", str(converted / "p.jsonl")]) == 0
    first = json.loads((converted / "p.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["indicator"] and first["region_code"]


@pytest.mark.parametrize("args", [["panel", "nowhere", "-o", "x.csv"], ["panel", "OUT", "-o", "x.txt"],
                                  ["panel", "OUT", "-o", "-", "--format", "parquet"], ["panel", "OLD", "-o", "-"]])
def test_panel_cli_usage_errors(args: list[str], converted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govextract.cli import main

    old = converted / "old"
    old.mkdir(exist_ok=True)
    doc = json.loads((converted / "out" / "qinghai.txt.json").read_text(encoding="utf-8"))
    (old / "q.json").write_text(json.dumps(dict(doc, schema_version="1.0")), encoding="utf-8")
    paths = {"OUT": str(converted / "out"), "OLD": str(old)}
    assert main([paths.get(a, a) for a in args]) == 2
    assert capsys.readouterr().err.startswith("error: [GX900 usage]")


def test_panel_context_a_company_or_a_newspaper_is_no_jurisdiction() -> None:
    meta = govextract.extract_text("数字政府发展观察\n来源：杭州日报\n一、概况\n各地加快推进数字政府建设。").metadata
    assert meta.region is None and meta.year is None


@pytest.mark.parametrize(("text", "code", "year", "kind"), [
    # the delivery line names the province when the speaker says only 省人民政府
    ("政府工作报告\n——2025年1月20日在江西省第十四届人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府，向大会报告政府工作。",
     "360000", 2025, "government_work_report"),
    # a district written onto its city is the district, a name several districts carry settled by its city
    ("长春市朝阳区2024年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值300.1亿元。", "220104", 2024,
     "statistical_communique"),
    # a budget report is about the budget's year
    ("关于安徽省2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况", "340000", 2025, "budget_report"),
    # the signature of the head of government
    ("政府工作报告\n贵州省省长 某某\n各位代表：\n现在，我代表省人民政府，向大会报告政府工作。", "520000", None,
     "government_work_report"),
])
def test_panel_context_shapes(text: str, code: str, year: int | None, kind: str) -> None:
    meta = govextract.extract_text(text).metadata
    assert (meta.region.code if meta.region else None, meta.year, meta.kind) == (code, year, kind)


def test_panel_scope_the_nation_and_a_city_in_a_provincial_report() -> None:
    doc = govextract.extract_text("2025年河南省政府工作报告\n一、2024年工作回顾\n过去一年，全省地区生产总值增长5.1%，"
                                  "全国国内生产总值增长5.0%。郑州市地区生产总值增长6.0%。\n")
    scopes = {(c.value, c.scope) for c in doc.panel if c.code == "gdp"}
    assert scopes == {(5.1, "410000"), (5.0, "100000"), (6.0, "410100")}


def test_panel_budget_report_outcomes_and_budget() -> None:
    doc = govextract.extract_text(
        "关于湖北省2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n"
        "2024年全省一般公共预算收入完成3600亿元，同口径增长3.2%。\n二、2025年预算草案\n"
        "2025年全省一般公共预算收入预期增长3%。一般公共预算支出安排9000亿元。\n")
    assert (doc.metadata.kind, doc.metadata.year) == ("budget_report", 2025)
    cells = cells_of(doc)
    assert cells[("public_budget_revenue", "growth", 2024, "achieved")] == [3.2]
    assert cells[("public_budget_revenue", "growth", 2025, "target")] == [3.0]
    assert cells[("public_budget_expenditure", "level", 2025, "target")] == [900000000000.0]


def test_panel_rural_income_of_pastoral_regions() -> None:
    doc = govextract.extract_text("西藏自治区2024年国民经济和社会发展统计公报\n一、综合\n"
                                  "全年农牧民人均可支配收入21000元，增长8.5%。")
    assert cells_of(doc)[("disposable_income_rural", "growth", 2024, "achieved")] == [8.5]


@pytest.mark.parametrize("text", [
    COMMUNIQUE, WORK_REPORT, "规模以上工业[3]增加值增长5.0%，居民消费价格总水平涨幅2%。" * 3,
    "确保粮食播种面积1000万亩、总产量100亿斤。全年GDP增长5%。", ""])
def test_panel_names_read_around_anchors_as_a_full_scan(text: str) -> None:
    from govextract.facts.vocabulary import load_vocabulary

    v = load_vocabulary()
    assert [(m.span(), m.lastgroup) for m in v.names(text)] == [(m.span(), m.lastgroup) for m in v.term.finditer(text)]


def test_panel_vocabulary_bundled_forms_compile_and_the_forms_pattern_waits_for_a_name() -> None:
    import re

    from govextract.data import load_json
    from govextract.facts.vocabulary import NAME, _build

    for item in load_json(NAME)["indicators"]:
        for form in item["forms"]:
            re.compile(form)  # the bundled forms are not compiled one by one at every start
    v = _build([(load_json(NAME), NAME)])
    assert "term" not in vars(v)  # not compiled until a text holds a place a name can end
    assert v.names("全年完成各项任务。") == [] and "term" not in vars(v)
    assert [m.group() for m in v.names("全年国内生产总值增长5%。")] and "term" in vars(v)


def test_panel_vocabulary_a_users_bad_form_is_reported_when_read(tmp_path: Path) -> None:
    from govextract.errors import DataFileError
    from govextract.facts.vocabulary import load_vocabulary

    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"indicators": [{"code": "gdp", "forms": ["生产(总值"]}]}), encoding="utf-8")
    with pytest.raises(DataFileError, match="bad pattern"):
        load_vocabulary(str(extra))
