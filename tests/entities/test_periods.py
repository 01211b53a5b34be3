"""Periods: every example and non-example of ``data/period_examples.json``, and the plans' years."""

from __future__ import annotations

from typing import Any

import pytest

from govextract.data import load_json
from govextract.entities.periods import find_periods, five_year_plan

CORPUS = load_json("period_examples.json")


@pytest.mark.parametrize("ex", CORPUS["examples"], ids=lambda ex: ex["surface"])
def test_periods_example(ex: dict[str, Any]) -> None:
    found = find_periods(ex["text"])
    assert len(found) == 1, found
    c = found[0]
    assert (ex["text"][c.start:c.end], c.attrs["date_start"], c.attrs["date_end"]) == (
        ex["surface"], ex["start"], ex["end"])


@pytest.mark.parametrize("ex", CORPUS["non_examples"], ids=lambda ex: ex["text"])
def test_periods_non_example(ex: dict[str, Any]) -> None:
    assert find_periods(ex["text"]) == [], ex["why"]


@pytest.mark.parametrize(("n", "years"), [(1, ("1953", "1957")), (3, ("1966", "1970")), (13, ("2016", "2020")),
                                          (14, ("2021", "2025")), (15, ("2026", "2030"))])
def test_periods_five_year_plans(n: int, years: tuple[str, str]) -> None:
    assert five_year_plan(n) == years
