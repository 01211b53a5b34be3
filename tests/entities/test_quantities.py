"""Quantities and percentages: every example and non-example of ``data/quantity_examples.json``."""

from __future__ import annotations

from typing import Any

import pytest

from govextract.data import load_json
from govextract.entities.quantities import QuantityFinder

F = QuantityFinder()
CORPUS = load_json("quantity_examples.json")


@pytest.mark.parametrize("ex", CORPUS["examples"], ids=lambda ex: ex["surface"])
def test_quantities_example(ex: dict[str, Any]) -> None:
    found = F.find(ex["text"])
    assert len(found) == 1 + ex.get("others", 0), found
    hits = [c for c in found if ex["text"][c.start:c.end] == ex["surface"]]
    assert len(hits) == 1, found
    a = hits[0].attrs
    assert (hits[0].label, a["value"], a["unit"], a["comparison"], a.get("value_max")) == (
        ex.get("kind", "quantity"), pytest.approx(ex["value"]), ex["unit"], ex["comparison"], ex.get("value_max"))


@pytest.mark.parametrize("ex", CORPUS["non_examples"], ids=lambda ex: ex["text"])
def test_quantities_non_example(ex: dict[str, Any]) -> None:
    assert F.find(ex["text"]) == [], ex["why"]


def test_quantities_offsets_are_slices() -> None:
    text = "".join(ex["text"] for ex in CORPUS["examples"])
    for c in F.find(text):
        assert 0 <= c.start < c.end <= len(text)
