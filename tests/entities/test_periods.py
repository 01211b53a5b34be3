"""Periods: every example and non-example of ``data/period_examples.json`` (relative years too,
found undated and dated from the report's year), and the plans' years."""

from __future__ import annotations

from typing import Any

import pytest

from govextract.data import load_json
from govextract.entities.periods import UNDATED, date_relative, find_periods, five_year_plan
from govextract.models import Metadata, Period

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


def _relative_entity(text: str) -> Period:
    found = find_periods(text)
    assert len(found) == 1, found
    c = found[0]
    assert (c.attrs["date_start"], c.attrs["date_end"]) == (UNDATED, UNDATED)
    return Period(id="e1", text=text[c.start:c.end], start=c.start, end=c.end,
                  date_start=c.attrs["date_start"], date_end=c.attrs["date_end"])


@pytest.mark.parametrize("ex", CORPUS["relative_examples"], ids=lambda ex: ex["text"])
def test_periods_relative_example(ex: dict[str, Any]) -> None:
    e = _relative_entity(ex["text"])
    assert e.text == ex["surface"]
    meta = Metadata(year=ex["year"], kind=ex.get("kind"), date=ex.get("date"))
    dated = date_relative([e], meta)[0]
    assert dated.type == "period" and (dated.id, dated.date_start, dated.date_end) == ("e1", ex["start"], ex["end"])


@pytest.mark.parametrize("ex", CORPUS["relative_non_examples"], ids=lambda ex: ex["text"])
def test_periods_relative_non_example(ex: dict[str, Any]) -> None:
    assert find_periods(ex["text"]) == [], ex["why"]


def test_periods_relative_stay_undated_without_a_year() -> None:
    e = _relative_entity("今年要抓好以下工作")
    assert date_relative([e], Metadata()) == [e]


def test_periods_relative_leave_other_entities_alone() -> None:
    dated = Period(id="e2", text="2023年", start=0, end=5, date_start="2023", date_end="2023")
    assert date_relative([dated], Metadata(year=2024)) == [dated]
