"""The pipeline's run: the garbage collector paused while a document is extracted, and no
reference cycle left behind for it to find (so pausing it costs no memory)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import govextract
from govextract import pipeline

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def gc_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_pipeline_leaves_no_reference_cycles(gc_enabled: None) -> None:
    text = (SAMPLES / "seed-report.txt").read_text(encoding="utf-8")
    govextract.extract_text(text)  # first use: lazy data and patterns built
    gc.collect()
    gc.disable()
    try:
        doc = govextract.extract_text(text + "\n" + text)
        assert doc.entities
        assert gc.collect() == 0
        del doc
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_pipeline_pauses_gc_and_restores_it(gc_enabled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = pipeline.find_entities

    def spy(text: str) -> object:
        seen.append(gc.isenabled())
        return real(text)

    monkeypatch.setattr(pipeline, "find_entities", spy)
    govextract.extract_text("北京市2025年地区生产总值增长5%。")
    assert seen == [False] and gc.isenabled()
    gc.disable()
    govextract.extract_text("上海市。")
    assert not gc.isenabled()  # a caller's own choice is kept
    gc.enable()


def test_pipeline_restores_gc_after_an_error(gc_enabled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(text: str) -> object:
        raise RuntimeError("finder failed")

    monkeypatch.setattr(pipeline, "find_entities", boom)
    with pytest.raises(RuntimeError, match="finder failed"):
        govextract.extract_text("北京市。")
    assert gc.isenabled()
