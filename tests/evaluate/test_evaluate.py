"""``govextract evaluate``: the project's own scorer, equal to the reference scorer on every gold."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import govextract
from govextract.cli import main
from govextract.errors import EvaluationError
from govextract.evaluate import evaluate, load_gold, mean, report_markdown, score_document
from govextract.outputs import to_json

from ..conftest import SCORER, gold_pairs

ROW = re.compile(r"^(?P<name>.+?)\s+(?P<hit>\d+)/(?P<total>\d+)\s+[\d.]+%")


def reference_rows(output: Path, gold: Path) -> tuple[list[tuple[str, int, int]], str]:
    res = subprocess.run([sys.executable, str(SCORER), str(output), str(gold)], capture_output=True, text=True,
                         check=False)
    rows = [(m["name"].strip(), int(m["hit"]), int(m["total"])) for line in res.stdout.splitlines()
            if (m := ROW.match(line))]
    return rows, res.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(("report", "gold"), gold_pairs(), ids=lambda p: p.name)
def test_evaluate_agrees_with_the_reference_scorer(report, gold, tmp_path):
    if not report.is_file():
        pytest.skip(f"{report} is not present")
    out = tmp_path / "out.json"
    out.write_text(to_json(govextract.extract_file(report)), encoding="utf-8")
    want_rows, want_score = reference_rows(out, gold)
    got = score_document(json.loads(out.read_text(encoding="utf-8")), load_gold(gold))
    assert [(r.name, r.hit, r.total) for r in got.rows] == want_rows
    assert f"score: {got.score:.3f}" == want_score


def test_evaluate_notices_a_broken_output(seed_doc, gold):
    broken = json.loads(to_json(seed_doc))
    broken["entities"] = [e for e in broken["entities"] if e["type"] not in ("quantity", "percentage")]
    broken["entities"][0]["start"] += 1
    rows = {r.name: r for r in score_document(broken, load_gold(Path("samples/seed-report.gold.json"))).rows}
    assert rows["quantities exact"].hit == 0
    assert rows["entity offsets exact"].hit < rows["entity offsets exact"].total


@pytest.fixture
def folders(seed_doc, samples_dir, tmp_path):
    """An output folder (the seed as text, and a copy as if from its PDF) and a gold folder."""
    out, golds = tmp_path / "out", tmp_path / "gold" / "nested"
    out.mkdir()
    golds.mkdir(parents=True)
    text = json.loads(to_json(seed_doc))
    (out / "a.json").write_text(json.dumps(text), encoding="utf-8")
    as_pdf = dict(text, source=dict(text["source"], name="seed-report.pdf", format="pdf"))
    (out / "b.json").write_text(json.dumps(as_pdf), encoding="utf-8")
    (out / "manifest.json").write_text("[]", encoding="utf-8")  # not a document: passed over
    (golds / "seed-report.gold.json").write_bytes((samples_dir / "seed-report.gold.json").read_bytes())
    return out, tmp_path / "gold"


def test_evaluate_matches_folders_by_document_name(folders):
    scores = evaluate(*folders)
    assert [(s.name, s.counted) for s in scores] == [("seed-report.txt", True), ("seed-report.pdf", False)]
    assert mean(scores) == pytest.approx(1.0)
    table = report_markdown(scores)
    assert "| seed-report.pdf (not in the mean) |" in table and "**1.000**" in table


def test_evaluate_cli_prints_rows_json_and_sets_the_exit_status(folders, capsys, tmp_path):
    out, golds = folders
    assert main(["evaluate", str(out), str(golds), "--min", "0.99"]) == 0
    printed = capsys.readouterr().out
    assert "quantities exact" in printed and "mean over 1 document(s)" in printed
    assert main(["evaluate", str(out), str(golds), "--json", "--markdown", str(tmp_path / "t" / "acc.md")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mean"] == 1.0 and len(data["documents"]) == 2
    assert "\n| document |" in (tmp_path / "t" / "acc.md").read_text(encoding="utf-8")
    doc = json.loads((out / "a.json").read_text(encoding="utf-8"))
    doc["entities"] = []
    (out / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    assert main(["evaluate", str(out / "a.json"), str(golds / "nested" / "seed-report.gold.json"),
                 "--min", "0.95"]) == 1
    assert "below --min 0.950" in capsys.readouterr().err


@pytest.mark.parametrize(("gold_text", "says"), [
    ("{", "not a valid gold file"),
    ('{"document": {"source": "a.txt"}, "quantities": [{"text": "5%"}]}', "quantities.0.section"),
    ('{"document": {"source": "a.txt"}, "sectoins": []}', "sectoins"),
    ('{"document": {"source": "a.txt"}, "quantities": [], "windows": [{"quote": "x", "orgs": []}]}', "windows.0.orgs"),
])
def test_evaluate_bad_gold_is_a_coded_error_naming_the_file(gold_text, says, folders, tmp_path, capsys):
    bad = tmp_path / "bad.gold.json"
    bad.write_text(gold_text, encoding="utf-8")
    with pytest.raises(EvaluationError, match=re.escape(says)):
        load_gold(bad)
    assert main(["evaluate", str(folders[0] / "a.json"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: [GX600 bad_evaluation_input]") and "bad.gold.json" in err


@pytest.mark.parametrize("case", ["missing", "not-a-document", "no-match"])
def test_evaluate_bad_output_is_a_coded_error(case, folders, tmp_path):
    out, golds = folders
    target = {"missing": tmp_path / "nope.json", "not-a-document": out / "manifest.json", "no-match": out}[case]
    if case == "no-match":
        for p in out.glob("*.json"):
            d = json.loads(p.read_text(encoding="utf-8"))
            if "source" in d:
                d["source"]["name"] = "other.txt"
                p.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(EvaluationError):
        evaluate(target, golds)


def test_evaluate_gold_schema_is_current_and_accepts_every_gold():
    from govextract.outputs.schema import GOLD_SCHEMA_FILE, gold_schema

    from ..conftest import ROOT

    committed = (ROOT / "schemas" / GOLD_SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == gold_schema(), "schemas/ drifted from the models: run `make schema`"
    for _, g in gold_pairs():
        if g.is_file():
            load_gold(g)


@pytest.mark.parametrize(("ref", "got", "rate"), [
    ("国内生产总值", "国内生产总值", 0.0),
    ("国内生产总值", "国内生产总", 1 / 6),  # a deletion
    ("国内生产总值", "国内牛产总值", 1 / 6),  # a substitution
    ("增长5%", "增长 5 ％", 0.0),  # after folding white space and width
    ("ab", "xaby", 1.0),  # two insertions over two characters
])
def test_evaluate_char_error_rate(ref, got, rate):
    from govextract.evaluate import char_error_rate, fold_text

    assert char_error_rate(fold_text(ref), fold_text(got)) == pytest.approx(rate)
