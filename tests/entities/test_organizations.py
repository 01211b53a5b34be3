"""Organisations: every example of data/organizations_examples.json, shape by shape, and the data checks."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest

from govextract.entities import org_grammar, organizations
from govextract.errors import DataFileError

_CORPUS: dict[str, Any] = json.loads(
    files("govextract.data").joinpath("organizations_examples.json").read_text(encoding="utf-8"))
_POSITIVE = [(shape, ex["text"], ex["found"]) for shape, group in _CORPUS["shapes"].items() for ex in group["examples"]]
_NEGATIVE = [(shape, text) for shape, group in _CORPUS["shapes"].items() for text in group["non_examples"]]


def _orgs(doc: Any) -> list[Any]:
    return [e for e in doc.entities if e.type == "organization"]


@pytest.mark.parametrize(("shape", "text", "found"), _POSITIVE, ids=[f"{s}-{t[:12]}" for s, t, _ in _POSITIVE])
def test_organizations_examples(extract: Any, shape: str, text: str, found: list[str]) -> None:
    doc = extract(text)
    orgs = _orgs(doc)
    assert [e.text for e in orgs] == found
    assert all(doc.text[e.start:e.end] == e.text for e in orgs)


@pytest.mark.parametrize(("shape", "text"), _NEGATIVE, ids=[f"{s}-{t[:12]}" for s, t in _NEGATIVE])
def test_organizations_non_examples(extract: Any, shape: str, text: str) -> None:
    assert [e.text for e in _orgs(extract(text))] == []


@pytest.mark.parametrize("case", _CORPUS["canonical_names"], ids=[c["text"][:12] for c in _CORPUS["canonical_names"]])
def test_organizations_canonical_names(extract: Any, case: dict[str, Any]) -> None:
    got = [[e.text, e.name] for e in _orgs(extract(case["text"]))]
    assert got == case["names"]


def test_organizations_every_shape_has_examples() -> None:
    for shape, group in _CORPUS["shapes"].items():
        assert group["shape"] and group["examples"], shape


@pytest.mark.parametrize(
    "entry",
    [{"head": "局", "kind": "somewhere"}, {"kind": "named"}, {"head": "局", "kind": "named", "colour": "red"}, "局"],
)
def test_organizations_malformed_head_is_refused(entry: Any) -> None:
    with pytest.raises(DataFileError):
        org_grammar._heads({"heads": [entry]})


def test_organizations_malformed_list_is_refused() -> None:
    with pytest.raises(DataFileError):
        org_grammar._named_list({"bodies": [{"name": "国务院"}]}, "bodies", "organizations.json")
    with pytest.raises(DataFileError):
        org_grammar._strings({"cores": ["统计", ""]}, "cores", "organizations.json")


def test_organizations_core_joins_domain_words() -> None:
    f = organizations.OrganizationFinder()
    text = "县文化广电和旅游局"
    assert f.core_start(text, len(text) - 1) == 1
    assert f.core_start("市场监督管理局", 6) == 0  # 市场 is a core's, not 市 + 场
    assert f.level_at("城市", 2) is None and f.level_at("来自市", 3) == "市"


@pytest.mark.parametrize(("text", "name"), [
    ("湖南农业大学首次跻身世界大学排行榜前列。", "湖南农业大学"),  # a verb after the complete name
    ("湖南农业大学位列榜单第十位。", "湖南农业大学"),
])
def test_organizations_name_stops_at_a_clause(extract: Any, text: str, name: str) -> None:
    assert [e.text for e in _orgs(extract(text))] == [name]


def test_organizations_clause_after_name_keeps_units_of_a_university() -> None:
    f = organizations.OrganizationFinder()
    assert f._clause_after_name("四川大学华西医院", 0, 6) is False
    assert f._clause_after_name("湖南农业大学首次跻身世界大学", 0, 12) is True


@pytest.mark.parametrize("text", ["以城市群为中心。", "构建以长沙都市圈为中心的城市群。", "坚持以人民为中心。"])
def test_organizations_centre_of_a_phrase_is_no_body(extract: Any, text: str) -> None:
    assert _orgs(extract(text)) == []


def test_organizations_core_suffix_joins_core_and_head() -> None:
    f = organizations.OrganizationFinder()
    text = "县金融工作局"
    c = f.department(text, 5, 6, f.heads["局"][0], {})
    assert c is not None and text[c.start:c.end] == "县金融工作局"
    assert f.department("做好工作局", 4, 5, f.heads["局"][0], {}) is None  # 工作 alone is no core


def test_organizations_company_lists_need_words() -> None:
    f = organizations.OrganizationFinder()
    assert f.company_lists("华为、腾讯等企业", {}) == []  # without jieba's cut, no item is judged
    cut = {0: 2, 2: 3, 3: 5, 5: 6, 6: 8}
    assert [c.attrs["name"] for c in f.company_lists("华为、腾讯等企业", cut)] == ["腾讯", "华为"]


@pytest.mark.parametrize("change", [
    lambda d: d.pop("core_suffixes"),
    lambda d: d["company_lists"].pop("roles"),
    lambda d: d["company_lists"].__setitem__("max_item", "six"),
])
def test_organizations_company_and_core_data_validated(monkeypatch: pytest.MonkeyPatch, change: Any) -> None:
    import copy

    from govextract.data import load_json
    d = copy.deepcopy(load_json("organizations.json"))
    change(d)
    monkeypatch.setattr(org_grammar, "load_json", lambda name: d if name == "organizations.json" else load_json(name))
    with pytest.raises(DataFileError):
        org_grammar.OrganizationGrammar()
