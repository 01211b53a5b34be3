"""jieba-rs and the Python jieba give the same entities, with the same attributes, on every text."""

from __future__ import annotations

from pathlib import Path

import pytest

import govextract
from govextract.entities import SEGMENTER_ENV, segmenter
from govextract.errors import UsageError

from ..conftest import CORPUS, SAMPLES

TEXTS = [SAMPLES / "seed-report.txt", SAMPLES / "seed-report.pdf",
         *(sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])]


def entities(path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    monkeypatch.setenv(SEGMENTER_ENV, name)
    return [e.model_dump(mode="json") for e in govextract.extract_file(path).entities]


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_segmenters_agree(path: Path, monkeypatch: pytest.MonkeyPatch):
    fast = entities(path, "jieba-rs", monkeypatch)
    assert fast, "every text here names something"
    assert fast == entities(path, "jieba", monkeypatch)


def test_segmenter_choice(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(SEGMENTER_ENV, raising=False)
    assert segmenter() == "jieba-rs"
    monkeypatch.setenv(SEGMENTER_ENV, "pkuseg")
    with pytest.raises(UsageError, match="jieba-rs, jieba"):
        segmenter()


def test_segmenter_unknown_stops_the_cli_with_one_line(monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path):
    from govextract.cli import main

    monkeypatch.setenv(SEGMENTER_ENV, "pkuseg")
    assert main(["extract", str(SAMPLES / "seed-report.txt"), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "GOVEXTRACT_SEGMENTER='pkuseg'" in err[0]
    assert not list(tmp_path.glob("*.json"))
