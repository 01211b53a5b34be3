"""The overlap filter: one winner per stretch of text, and places kept inside programme names."""

from __future__ import annotations

import pytest

from govextract.entities.resolve import resolve
from govextract.entities.spans import Candidate


def spans(cands: list[Candidate]) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.label) for c in resolve(cands)]


def test_resolve_longest_wins_and_an_organisation_beats_a_place_of_its_length():
    assert spans([Candidate(0, 3, "place"), Candidate(0, 6, "organization"), Candidate(2, 5, "quantity")]) == [
        (0, 6, "organization")]
    assert spans([Candidate(0, 4, "place"), Candidate(0, 4, "organization")]) == [(0, 4, "organization")]


@pytest.mark.parametrize("outer", ["initiative", "product"])
def test_resolve_a_place_inside_a_programme_name_is_kept_beside_it(outer):
    # 西部大开发: the programme, and 西部 inside it
    assert spans([Candidate(0, 5, outer), Candidate(0, 2, "place")]) == [(0, 2, "place"), (0, 5, outer)]


@pytest.mark.parametrize("cands", [
    [Candidate(0, 6, "organization"), Candidate(0, 2, "place")],  # 北京市统计局: a body, not its seat
    [Candidate(0, 5, "initiative"), Candidate(3, 7, "place")],  # crossing the name's end: not inside
    [Candidate(0, 5, "initiative"), Candidate(0, 2, "period")],  # only places nest
])
def test_resolve_nothing_else_nests(cands):
    assert spans(cands) == [(cands[0].start, cands[0].end, cands[0].label)]


def test_resolve_nested_places_do_not_overlap_each_other():
    got = spans([Candidate(0, 8, "initiative"), Candidate(0, 3, "place"), Candidate(2, 4, "place")])
    assert got == [(0, 3, "place"), (0, 8, "initiative")]


def test_resolve_a_report_keeps_the_region_a_strategy_names(extract):
    doc = extract("继续推动西部大开发、东北全面振兴。")
    kinds = {(e.text, e.type) for e in doc.entities}
    assert ("西部大开发", "initiative") in kinds and ("西部", "place") in kinds


def test_resolve_a_city_inside_the_circle_named_after_it_is_kept():
    # 南京都市圈: the circle, and 南京 inside it; a bloc without ``nests`` keeps nothing inside
    circle = Candidate(0, 5, "place", {"nests": True})
    assert spans([circle, Candidate(0, 2, "place")]) == [(0, 2, "place"), (0, 5, "place")]
    assert spans([Candidate(0, 5, "place"), Candidate(0, 2, "place")]) == [(0, 5, "place")]
