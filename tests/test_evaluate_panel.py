"""``govextract evaluate`` on panel gold: equal to the reference panel scorer, on the real panel
gold (its documents converted) and on a panel with made-up mistakes."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import govextract
from govextract.cli import main
from govextract.evaluate.panel import evaluate_panel, panel_mean
from govextract.facts.panel_table import COLUMNS, panel_rows

from .conftest import SHARED

PANEL_SCORER = Path(__file__).parent / "tools" / "score_panel.py"
PANEL_GOLD = SHARED / "golden" / "panel"
# two reports of the panel gold, a text and a web page: the whole set is scored by make eval
SAMPLE = ["stats-communique-2023-luoyang.txt", "gov-work-report-2024-national.txt",
          "wuhai_2025_statistical_bulletin.html"]


def _reference(panel: Path, gold: Path) -> dict[str, float]:
    res = subprocess.run([sys.executable, str(PANEL_SCORER), str(panel), str(gold), "--json"], capture_output=True,
                         text=True, check=False)
    import json

    return {k: v["f1"] for k, v in json.loads(res.stdout)["documents"].items()}


@pytest.fixture(scope="module")
def panel_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = [p for name in SAMPLE for p in (SHARED / "corpus" / name, SHARED / "corpus" / "bulletins" / name)
             if p.is_file()]
    if not PANEL_GOLD.is_dir() or not found:
        pytest.skip("../shared/golden/panel is not present")
    docs = [govextract.extract_file(p) for p in found]
    rows = panel_rows(docs)
    rows.append(dict(rows[0], value=float(rows[0]["value"]) * 2))  # a wrong value
    rows = [r for r in rows if not (r["source"] == found[-1].name and r["indicator"] == "cpi")]  # a missed cell
    path = tmp_path_factory.mktemp("panel") / "panel.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(COLUMNS))
        w.writeheader()
        w.writerows(rows)
    return path


def test_evaluate_panel_agrees_with_the_reference_scorer(panel_csv: Path) -> None:
    want = _reference(panel_csv, PANEL_GOLD)
    got = {s.name: s.f1 for s in evaluate_panel(panel_csv, PANEL_GOLD)}
    assert got.keys() == want.keys()
    for name, f1 in want.items():
        assert got[name] == pytest.approx(f1, abs=1e-9), name
    assert any(f1 < 1.0 for f1 in want.values())  # the mistakes are seen by both


def test_evaluate_panel_from_the_command_line(panel_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(panel_csv), str(PANEL_GOLD), "--min", "0.99"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == f"score: {panel_mean(evaluate_panel(panel_csv, PANEL_GOLD)):.3f}"


def test_evaluate_panel_vocabulary_is_the_panel_readmes() -> None:
    import importlib.util

    from govextract.facts.vocabulary import load_vocabulary

    spec = importlib.util.spec_from_file_location("score_panel", PANEL_SCORER)
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    assert {c: set(d.kinds) for c, d in load_vocabulary().indicators.items()} == scorer.VOCAB
