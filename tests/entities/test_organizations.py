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
    text = "市文化广电和旅游局"
    assert f.core_start(text, len(text) - 1) == 1
    assert f.core_start("市场监督管理局", 6) == 0  # 市场 is a core's, not 市 + 场
    assert f.level_at("城市", 2) is None and f.level_at("来自市", 3) == "市"
