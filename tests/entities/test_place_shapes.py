"""Every example of ``data/place_examples.json``: places that must be found, and look-alikes that
must not (a place inside a word, everyday words that are no county, abbreviated groupings)."""

from __future__ import annotations

from typing import Any

import pytest

from govextract.data import load_json
from govextract.entities.places import crosses_word

CORPUS = load_json("place_examples.json")


def _found(doc: Any) -> set[tuple[str, str | None]]:
    return {(e.text, e.name) for e in doc.entities if e.type == "place"}


@pytest.mark.parametrize("case", CORPUS["examples"], ids=lambda c: c["text"])
def test_place_shapes_examples(extract, case):
    found = _found(extract(case["text"]))
    for surface, name in case["places"]:
        assert (surface, name) in found, (case["shape"], sorted(found))


@pytest.mark.parametrize("case", CORPUS["non_examples"], ids=lambda c: c["text"])
def test_place_shapes_non_examples(extract, case):
    surfaces = {text for text, _ in _found(extract(case["text"]))}
    assert not surfaces & set(case["not"]), case["shape"]


@pytest.mark.parametrize(
    ("start", "end", "crosses"),
    [
        (1, 4, True),  # 顺应|城市: 应城市 starts inside 顺应
        (0, 3, True),  # 西安|区域: 西安区 ends inside 区域
        (0, 2, False),  # 西安 is a word
        (0, 4, False),  # a word holding the whole name
        (1, 2, False),  # a name inside one word crosses none of its edges
    ],
)
def test_place_shapes_crosses_word(start, end, crosses):
    starts, ends = {0, 2, 4}, {2, 4}
    assert crosses_word(start, end, starts, ends) is crosses


@pytest.mark.parametrize(
    ("text", "run", "names"),
    [
        ("引进港澳台商投资企业。", "港澳台", ["香港特别行政区", "澳门特别行政区", "台湾省"]),
        ("鼓励企业赴港澳开拓市场。", "港澳", ["香港特别行政区", "澳门特别行政区"]),
    ],
)
def test_place_shapes_joint_abbreviation_members(extract, text, run, names):
    """Each character of 港澳台 is a place of its own: its text the one character at its exact
    offset, its name, level, adcode and province the gazetteer's; the run itself is no bloc."""
    doc = extract(text)
    places = [e for e in doc.entities if e.type == "place"]
    start = text.index(run)
    assert [(e.text, e.start, e.end) for e in places] == [(ch, start + i, start + i + 1) for i, ch in enumerate(run)]
    assert [e.name for e in places] == names
    codes = {"香港特别行政区": "810000", "澳门特别行政区": "820000", "台湾省": "710000"}
    assert all(e.level == "province" and e.adcode == codes[e.name] and e.province == e.name for e in places)
    assert all(doc.text[e.start:e.end] == e.text for e in places)


def test_bloc_runs_read_once_and_kept_within_bounds(monkeypatch) -> None:
    from govextract.data.gazetteer import load_gazetteer
    from govextract.entities import places

    blocs = places.PlaceFinder(load_gazetteer()).blocs
    reads: list[str] = []
    real = blocs._read_run
    monkeypatch.setattr(blocs, "_read_run", lambda run: reads.append(run) or real(run))
    assert blocs._run("鄂湘赣") == blocs._run("鄂湘赣") and reads == ["鄂湘赣"]
    monkeypatch.setattr(places, "_RUNS_KEPT", 3)
    for run in ("云贵川", "苏浙沪", "京津冀", "鄂湘赣"):
        blocs._run(run)
    assert len(blocs.runs) <= 3
