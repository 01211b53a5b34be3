"""Periods: years, months, ranges and five-year plans."""

from __future__ import annotations

import pytest

from govextract.nlp.periods import find_periods, five_year_plan


@pytest.mark.parametrize(
    ("text", "surface", "start", "end"),
    [
        ("2025年，中国", "2025年", "2025", "2025"),
        ("2026-2030年，人工智能", "2026-2030年", "2026", "2030"),
        ("2021—2025年", "2021—2025年", "2021", "2025"),
        ("2021年至2025年", "2021年至2025年", "2021", "2025"),
        ("2025年12月", "2025年12月", "2025-12", "2025-12"),
        ("2024年5月7日发布", "2024年5月7日", "2024-05-07", "2024-05-07"),
        ("时间：2026-01-22", "2026-01-22", "2026-01-22", "2026-01-22"),
        ("“十四五”规划", "十四五", "2021", "2025"),
        ("十五五时期", "十五五", "2026", "2030"),
    ],
)
def test_periods_found(text, surface, start, end):
    found = find_periods(text)
    assert len(found) == 1
    c = found[0]
    assert (text[c.start:c.end], c.attrs["date_start"], c.attrs["date_end"]) == (surface, start, end)


@pytest.mark.parametrize("text", ["增长15%", "代码000998", "共12345项", "第十五条", "五年来"])
def test_periods_not_found(text):
    assert find_periods(text) == []


@pytest.mark.parametrize(("n", "years"), [(1, ("1953", "1957")), (3, ("1966", "1970")), (13, ("2016", "2020")),
                                          (14, ("2021", "2025")), (15, ("2026", "2030"))])
def test_periods_five_year_plans(n, years):
    assert five_year_plan(n) == years
