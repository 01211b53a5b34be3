"""The seed report against its hand-checked gold: every scorer row at 100%."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import govextract
from govextract.outputs import to_json

from .conftest import SCORER, SHARED

ROW = re.compile(r"^(?P<name>.+?)\s+(?P<hit>\d+)/(?P<total>\d+)\s+(?P<pct>[\d.]+)%")


def score_rows(doc_json: str, gold: Path, tmp_path: Path) -> list[tuple[str, int, int, str]]:
    out = tmp_path / "out.json"
    out.write_text(doc_json, encoding="utf-8")
    res = subprocess.run([sys.executable, str(SCORER), str(out), str(gold)], capture_output=True, text=True,
                         check=False)
    rows = []
    for line in res.stdout.splitlines():
        m = ROW.match(line)
        if m:
            rows.append((m["name"].strip(), int(m["hit"]), int(m["total"]), line))
    assert rows, res.stdout + res.stderr
    return rows


@pytest.mark.parametrize("sample", ["seed-report.txt", "seed-report.pdf"])
def test_gold_every_scorer_row_is_full(sample, samples_dir, tmp_path):
    doc = govextract.extract_file(samples_dir / sample)
    rows = score_rows(to_json(doc), samples_dir / "seed-report.gold.json", tmp_path)
    short = [line for name, hit, total, line in rows if hit != total]
    assert not short, "\n".join(short)
    assert len(rows) >= 15


def test_gold_scorer_copy_matches_shared():
    shared = SHARED / "tools" / "score.py"
    if not shared.is_file():
        pytest.skip("../shared/tools is not present")
    assert SCORER.read_bytes() == shared.read_bytes(), "tests/tools/score.py drifted from ../shared/tools/score.py"


def test_gold_scorer_notices_a_broken_output(seed_doc, samples_dir, tmp_path):
    """The gold test can fail: drop the quantities and shift an offset, and rows fall below 100%."""
    broken = seed_doc.model_copy(deep=True)
    broken.entities = [e for e in broken.entities if e.type not in ("quantity", "percentage")]
    broken.entities[0].start += 1
    rows = {name: (hit, total) for name, hit, total, _ in
            score_rows(to_json(broken), samples_dir / "seed-report.gold.json", tmp_path)}
    assert rows["quantities exact"][0] == 0
    assert rows["entity offsets exact"][0] < rows["entity offsets exact"][1]


def test_gold_enumerated_points_per_section(seed_doc, gold):
    by_id = {s.id: s for s in seed_doc.sections}
    counts = Counter(by_id[p.section].number or by_id[p.section].title for p in seed_doc.points if p.section)
    want = {**gold["enumerated_points"], **gold["numbered_items"]}
    assert {k: counts.get(k, 0) for k in want} == want
    assert set(counts) == set(want)


def test_gold_metadata(seed_doc, gold):
    assert seed_doc.metadata.publisher == gold["document"]["publisher"]
    assert seed_doc.metadata.date == gold["document"]["date"]
    first = seed_doc.sections[0]
    assert f"{first.number}、{first.title}" == gold["document"]["first_heading"]


def test_gold_region_inconsistencies_are_visible(seed_doc, gold):
    """The data a reviewer needs to spot 张家口 listed under 西部地区: its province and region."""
    for case in gold["region_inconsistencies"]:
        hits = [e for e in seed_doc.entities if e.type == "place" and e.text == case["city"]]
        assert hits and all(e.province == case["province"] and e.region == case["actual_region"] for e in hits)
