"""Batch conversion: folders, bad input on purpose, resume, duplicates, the dataset, Dask."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from govextract import batch
from govextract.batch import (
    ERRORS,
    MANIFEST,
    OUTPUT_SHAPING,
    Options,
    options_key,
    package_fingerprint,
    plan,
    progress_printer,
    run_batch,
    schedule_order,
)
from govextract.cli import main
from govextract.errors import SchedulerUnreachable, UsageError
from govextract.outputs.dataset import COLUMNS, DB_NAME, export_db

from ..conftest import ROOT

GOOD = "一、总体要求\n2025年，深圳实现500余项高频事项“跨省通办”。\n二、主要任务\n上海上线集成服务套餐超80项。\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def manifest_rows(out: Path) -> list[dict[str, str]]:
    with (out / MANIFEST).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.startswith(".tmp-")]


def test_batch_walks_and_mirrors_folders(tmp_path: Path):
    src = tmp_path / "in"
    write(src / "report.txt", GOOD)
    write(src / "sub" / "report.txt", GOOD.replace("深圳", "广州"))
    write(src / "sub" / "report.md", "# " + GOOD)
    write(src / "sub" / "深圳 报告 2024.txt", GOOD.replace("深圳", "杭州"))
    write(src / "notes.xlsx", b"PK\x03\x04")
    out = tmp_path / "out"
    s = run_batch([src], out, workers=1)
    assert s.count("converted") == 4 and s.skipped_unsupported == 1 and not s.failed
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert names == ["report.txt.json", "sub/report.md.json", "sub/report.txt.json", "sub/深圳 报告 2024.txt.json"]
    doc = json.loads((out / "sub" / "report.txt.json").read_text(encoding="utf-8"))
    assert doc["source"]["name"] == "sub/report.txt"


def test_batch_schedules_the_largest_files_first(tmp_path: Path):
    for name, size in [("a.txt", 30), ("b.txt", 500), ("c.txt", 30), ("d.txt", 90)]:
        (tmp_path / name).write_text("北" * size, encoding="utf-8")
    jobs = plan([tmp_path]).jobs
    (tmp_path / "d.txt").unlink()  # gone after the plan: last, and it fails on its own later
    assert [j.name for j in schedule_order(jobs)] == ["b.txt", "a.txt", "c.txt", "d.txt"]


def test_batch_outcomes_in_plan_order_with_workers(tmp_path: Path):
    src = tmp_path / "in"
    for i, name in enumerate(["a.txt", "b.txt", "c.txt", "d.txt"]):  # larger down the alphabet: started last first
        write(src / name, GOOD * (1 + 40 * i))
    s = run_batch([src], tmp_path / "out", workers=2)
    assert [o.job.name for o in s.outcomes] == [j.name for j in plan([src]).jobs]
    assert s.count("converted") == 4


def test_batch_interrupted_stops_the_workers_at_once(tmp_path: Path):
    src = tmp_path / "in"
    for i in range(12):
        write(src / f"r{i:02d}.txt", GOOD * 300 + f"第{i}份。\n")  # all different: no duplicates

    def interrupt(o, done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([src], tmp_path / "out", workers=2, progress=interrupt)
    written = sorted(p.name for p in (tmp_path / "out").rglob("*.json"))
    assert 1 <= len(written) < 12  # the queued files were not all converted first
    assert not list((tmp_path / "out").rglob(".tmp-*"))  # and nothing half-written is left


def test_batch_removes_what_a_stopped_worker_left_half_written(tmp_path: Path, monkeypatch):
    from govextract import outputs

    def stuck(doc, out_dir, stem):
        path = out_dir / f"{stem}.sections.csv"
        path.write_text("half", encoding="utf-8")
        time.sleep(60)  # stopped by the timeout while writing
        return [path]

    monkeypatch.setitem(outputs.EXPORTERS, "csv", stuck)  # inherited by the forked workers
    out = tmp_path / "out"
    other = out / "sub" / ".tmp-another-run"  # a run beside this one keeps its own
    other.mkdir(parents=True)
    s = run_batch([write(tmp_path / "in" / "sub" / "a.txt", GOOD)], out, workers=2, timeout=3)
    assert [o.code for o in s.failed] == ["timeout"]
    assert leftovers(out) == [other]


def test_batch_glob_and_usage_errors(tmp_path: Path):
    write(tmp_path / "in" / "a.txt", GOOD)
    write(tmp_path / "in" / "b.md", GOOD)
    assert [j.name for j in plan([tmp_path / "in"], "*.md").jobs] == ["b.md"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError):
        plan([tmp_path / "empty"])
    doc = write(tmp_path / "x.doc", b"\xd0\xcf")
    p = plan([doc, tmp_path / "in"])  # named directly: set apart to fail alone, the others planned
    assert p.unsupported == [doc] and [j.name for j in p.jobs] == ["a.txt", "b.md"]
    assert main(["extract", str(tmp_path / "empty"), "-o", str(tmp_path / "o")]) == 2


def _encrypted_pdf(seed: Path) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.add_page(PdfReader(seed).pages[0])
    w.encrypt("pw")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _image_only_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_batch_bad_input_on_purpose(tmp_path: Path, samples_dir: Path, capsys):
    seed_pdf = (samples_dir / "seed-report.pdf").read_bytes()
    src = tmp_path / "in"
    expected = {
        "empty.txt": "empty_file",
        "zero.pdf": "empty_file",
        "random.pdf": "pdf_unreadable",
        "random.txt": "undecodable",
        "truncated.pdf": "pdf_unreadable",
        "encrypted.pdf": "encrypted",
        "image-only.pdf": "no_text_layer",
        "latin1.txt": "undecodable",
        "huge.txt": "timeout",
    }
    write(src / "empty.txt", b"")
    write(src / "zero.pdf", b"")
    write(src / "random.pdf", bytes(range(256)) * 64)
    write(src / "random.txt", b"\x81\xff\xfa\x00\x13" * 300)
    write(src / "truncated.pdf", seed_pdf[: len(seed_pdf) // 2])
    write(src / "encrypted.pdf", _encrypted_pdf(samples_dir / "seed-report.pdf"))
    write(src / "image-only.pdf", _image_only_pdf())
    write(src / "latin1.txt", "Résumé, café ÿ ".encode("latin-1") * 50 + b"\x81\xff")
    write(src / "huge.txt", GOOD * (20 * 2**20 // len(GOOD.encode("utf-8"))))  # 20 MB
    write(src / "unsupported.xyz", b"?")
    write(src / "good 报告.txt", GOOD)
    write(src / "good.pdf", seed_pdf)
    out = tmp_path / "out"
    code = main(["extract", str(src), "-o", str(out), "--workers", "2", "--timeout", "20"])
    assert code == 1
    errors = {json.loads(line)["source"]: json.loads(line)["code"]
              for line in (out / ERRORS).read_text(encoding="utf-8").splitlines()}
    assert errors == expected
    assert (out / "good 报告.txt.json").is_file() and (out / "good.pdf.json").is_file()
    assert not [p for p in out.rglob("*.json") if p.stem in expected]
    assert not leftovers(out)
    statuses = {r["source"]: r["status"] for r in manifest_rows(out)}
    assert statuses["good.pdf"] == "converted" and statuses["huge.txt"] == "failed"
    err = capsys.readouterr().err
    assert "failed 9" in err and "skipped (unsupported) 1" in err and "Traceback" not in err


def test_batch_resumes_and_skips_unchanged(tmp_path: Path):
    src = tmp_path / "in"
    write(src / "a.txt", GOOD)
    write(src / "b.txt", GOOD.replace("深圳", "广州"))
    write(src / "b-copy.txt", GOOD.replace("深圳", "广州"))
    out = tmp_path / "out"
    first = run_batch([src], out, workers=1)
    assert (first.count("converted"), first.count("duplicate")) == (2, 1)
    again = run_batch([src], out, workers=1)
    assert again.count("converted") == 0 and again.count("unchanged") == 3  # the duplicate has its outputs too
    write(src / "a.txt", GOOD + "三、展望\n杭州。\n")
    third = run_batch([src], out, workers=1)
    assert [o.job.name for o in third.outcomes if o.status == "converted"] == ["a.txt"]
    forced = run_batch([src], out, workers=1, force=True)
    assert (forced.count("converted"), forced.count("duplicate")) == (2, 1)
    assert len(manifest_rows(out)) == 12  # every run is recorded


def test_batch_dataset_rows_and_replacement(tmp_path: Path):
    src = tmp_path / "in"
    write(src / "a.txt", GOOD)
    out = tmp_path / "out"
    run_batch([src], out, workers=1)
    doc = json.loads((out / "a.txt.json").read_text(encoding="utf-8"))
    con = sqlite3.connect(out / DB_NAME)
    assert con.execute("SELECT count(*) FROM entities WHERE doc_id='a.txt'").fetchone()[0] == len(doc["entities"])
    row = con.execute("SELECT value, unit, comparison, section_path FROM entities WHERE text='500余项'").fetchone()
    assert row == (500.0, "项", "more_than", "一")
    write(src / "a.txt", GOOD.replace("500余项", "600余项"))
    run_batch([src], out, workers=1)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM entities WHERE text='500余项'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM entities WHERE text='600余项'").fetchone()[0] == 1
    for table in COLUMNS:  # a document's rows are found through an index, never by a scan
        plan_ = " ".join(str(r[-1]) for r in con.execute(f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE doc_id='a'"))
        assert "USING INDEX" in plan_, (table, plan_)


def test_batch_readme_queries_run(tmp_path: Path, samples_dir: Path):
    out = tmp_path / "out"
    run_batch([samples_dir / "seed-report.txt"], out, workers=1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, re.S)
    assert len(queries) >= 3
    con = sqlite3.connect(out / DB_NAME)
    for q in queries:
        assert con.execute(q).fetchall(), q


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_batch_export_formats(tmp_path: Path, samples_dir: Path, fmt: str):
    out = tmp_path / "out"
    run_batch([samples_dir / "seed-report.txt"], out, workers=1)
    assert main(["export", str(out / DB_NAME), "--format", fmt, "-o", str(tmp_path / "x")]) == 0
    n = sqlite3.connect(out / DB_NAME).execute("SELECT count(*) FROM entities").fetchone()[0]
    path = tmp_path / "x" / f"entities.{fmt}"
    if fmt == "csv":
        with path.open(encoding="utf-8") as f:
            assert len(list(csv.DictReader(f))) == n
    elif fmt == "jsonl":
        assert len(path.read_text(encoding="utf-8").splitlines()) == n
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(path).num_rows == n


def test_batch_export_missing_database(tmp_path: Path):
    with pytest.raises(UsageError):
        export_db(tmp_path / "none.sqlite", "csv", tmp_path)


def test_batch_a_failing_writer_leaves_no_partial_output(tmp_path: Path, monkeypatch):
    from govextract import outputs

    def broken(doc, out_dir, stem):
        (out_dir / f"{stem}.sections.csv").write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setitem(outputs.EXPORTERS, "csv", broken)
    out = tmp_path / "out"
    s = run_batch([write(tmp_path / "a.txt", GOOD)], out, workers=1)
    assert s.failed and s.failed[0].code == "internal_error"
    assert not list(out.glob("a.*")) and not leftovers(out)


def test_batch_dataset_rows_failing_for_one_file_fail_that_file_only(tmp_path: Path, monkeypatch):
    from govextract.outputs import dataset

    real = dataset.table_rows

    def rows(doc_id, doc):
        if doc_id == "b.txt":
            raise ValueError("unexpected value")
        return real(doc_id, doc)

    monkeypatch.setattr(dataset, "table_rows", rows)  # inherited by the forked workers
    src = tmp_path / "in"
    write(src / "a.txt", GOOD)
    write(src / "b.txt", GOOD + "另一份。\n")
    s = run_batch([src], tmp_path / "out", workers=2)
    assert {o.job.name: o.status for o in s.outcomes} == {"a.txt": "converted", "b.txt": "failed"}
    assert s.failed[0].code == "internal_error" and "unexpected value" in (s.failed[0].message or "")


def test_batch_progress_lines_when_not_a_terminal(tmp_path: Path):
    buf = io.StringIO()
    run_batch([write(tmp_path / "a.txt", GOOD)], tmp_path / "out", workers=1, progress=progress_printer(buf))
    assert re.match(r"\[1/1\] converted a\.txt \(\d+\.\d+ s\)", buf.getvalue())


def test_batch_on_a_dask_cluster_gives_the_same_outputs(tmp_path: Path):
    distributed = pytest.importorskip("distributed")
    src = tmp_path / "in"
    write(src / "a.txt", GOOD)
    write(src / "bad.txt", b"")
    local = run_batch([src], tmp_path / "local", workers=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        remote = run_batch([src], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert [(o.job.name, o.status, o.code) for o in remote.outcomes] == \
        [(o.job.name, o.status, o.code) for o in local.outcomes]
    assert (tmp_path / "dask" / "a.txt.json").read_text(encoding="utf-8") == \
        (tmp_path / "local" / "a.txt.json").read_text(encoding="utf-8")
    assert (tmp_path / "dask" / ERRORS).is_file()


def test_batch_same_relative_name_in_two_folders(tmp_path: Path):
    for folder in ("b1", "b2"):
        write(tmp_path / folder / "report.txt", GOOD.replace("深圳", folder))
    out = tmp_path / "out"
    first = run_batch([tmp_path / "b1", tmp_path / "b2"], out, workers=1)
    assert [o.job.name for o in first.outcomes] == ["report.txt", "b2/report.txt"]
    assert sqlite3.connect(out / DB_NAME).execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    again = run_batch([tmp_path / "b1", tmp_path / "b2"], out, workers=1)
    assert again.count("unchanged") == 2


def test_batch_unchanged_with_csv_only(tmp_path: Path):
    src = write(tmp_path / "a.txt", GOOD)
    run_batch([src], tmp_path / "out", workers=1, formats=("csv",))
    assert run_batch([src], tmp_path / "out", workers=1, formats=("csv",)).count("unchanged") == 1


@pytest.mark.parametrize("option", [["--workers", "0"], ["--workers", "-1"], ["--timeout", "0"]])
def test_batch_bad_numbers_are_usage_errors(tmp_path: Path, option: list[str]):
    src = write(tmp_path / "a.txt", GOOD)
    assert main(["extract", str(src), "-o", str(tmp_path / "o"), *option]) == 2


def latest_rows(out: Path) -> dict[str, dict[str, str]]:
    return {r["source"]: r for r in manifest_rows(out)}


def test_batch_separate_runs_of_the_same_stem_keep_both_outputs(tmp_path: Path):
    """report.txt, then report.md, one run each into one folder: neither replaces the other."""
    a = write(tmp_path / "report.txt", GOOD)
    b = write(tmp_path / "report.md", "# " + GOOD.replace("深圳", "广州"))
    out = tmp_path / "out"
    run_batch([a], out, workers=1)
    first = (out / "report.txt.json").read_bytes()
    run_batch([b], out, workers=1)
    assert (out / "report.txt.json").read_bytes() == first
    assert json.loads((out / "report.md.json").read_text(encoding="utf-8"))["source"]["name"] == "report.md"
    again = run_batch([a], out, workers=1)
    assert again.count("unchanged") == 1
    for row in latest_rows(out).values():  # the manifest is true: each output named is that source's
        for rel, digest in json.loads(row["outputs"]).items():
            assert hashlib.sha256((out / rel).read_bytes()).hexdigest() == digest
            assert rel.startswith(row["source"] + ".")


def test_batch_separate_runs_of_two_folders_with_the_same_names(tmp_path: Path):
    for folder in ("b1", "b2"):
        write(tmp_path / folder / "report.txt", GOOD.replace("深圳", folder))
    out = tmp_path / "out"
    run_batch([tmp_path / "b1"], out, workers=1)
    kept = (out / "report.txt.json").read_bytes()
    second = run_batch([tmp_path / "b2"], out, workers=1)
    assert [o.job.name for o in second.outcomes] == ["b2/report.txt"]
    assert (out / "report.txt.json").read_bytes() == kept
    assert "b2" in json.loads((out / "b2" / "report.txt.json").read_text(encoding="utf-8"))["text"]
    again = run_batch([tmp_path / "b2"], out, workers=1)  # stable: the same name next time
    assert [(o.job.name, o.status) for o in again.outcomes] == [("b2/report.txt", "unchanged")]
    assert sqlite3.connect(out / DB_NAME).execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_batch_json_then_csv_converts_again(tmp_path: Path):
    src = write(tmp_path / "a.txt", GOOD)
    out = tmp_path / "out"
    run_batch([src], out, workers=1, formats=("json",))
    assert not list(out.glob("a.txt.*.csv"))
    s = run_batch([src], out, workers=1, formats=("csv",))
    assert s.count("converted") == 1 and (out / "a.txt.entities.csv").is_file()


@pytest.mark.parametrize("change", ["pdf_backend", "password", "ocr", "package", "output_deleted", "output_edited",
                                    "dataset_deleted", "dataset_off_then_on"])
def test_batch_unchanged_only_when_nothing_would_change(tmp_path: Path, monkeypatch, change: str):
    src = write(tmp_path / "a.txt", GOOD)
    out = tmp_path / "out"
    run_batch([src], out, workers=1, use_db=change != "dataset_off_then_on")
    assert run_batch([src], out, workers=1, use_db=change != "dataset_off_then_on").count("unchanged") == 1
    kwargs: dict = {}
    if change == "pdf_backend":
        kwargs["pdf_backend"] = "pdfplumber"
    elif change == "password":
        kwargs["password"] = "pw"
    elif change == "ocr":
        kwargs["ocr"] = "never"
    elif change == "package":  # the code changed, the version string did not
        for module in (batch.run, batch.worker):  # where a run compares it, and where a worker records it
            monkeypatch.setattr(module, "package_fingerprint", lambda: "0123456789abcdef")
    elif change == "output_deleted":
        (out / "a.txt.sections.csv").unlink()
    elif change == "output_edited":
        (out / "a.txt.json").write_text("{}", encoding="utf-8")
    elif change == "dataset_deleted":
        (out / DB_NAME).unlink()
    s = run_batch([src], out, workers=1, **kwargs)
    assert s.count("converted") == 1, change
    assert (out / "a.txt.sections.csv").is_file()
    assert json.loads((out / "a.txt.json").read_text(encoding="utf-8"))["source"]["name"] == "a.txt"
    assert run_batch([src], out, workers=1, **kwargs).count("unchanged") == 1


def test_batch_every_output_shaping_option_is_in_the_key():
    base = Options()
    changed = {"formats": ("json",), "pdf_backend": "pdfplumber", "password": "x", "ocr": "never"}
    assert set(changed) == set(OUTPUT_SHAPING)  # a new option that shapes outputs gets a case here
    for name, value in changed.items():
        assert options_key(replace(base, **{name: value})) != options_key(base), name
    assert "x" not in options_key(replace(base, password="x"))  # the password is never written


def test_batch_package_fingerprint_is_cheap_and_covers_the_data():
    t = time.perf_counter()
    fp = package_fingerprint()
    assert package_fingerprint() is fp and time.perf_counter() - t < 2
    assert re.fullmatch(r"[0-9a-f]{16}", fp)


def test_batch_a_duplicate_gets_its_own_outputs(tmp_path: Path):
    src = tmp_path / "in"
    write(src / "a.txt", GOOD)
    write(src / "copy" / "a-again.txt", GOOD)
    out = tmp_path / "out"
    s = run_batch([src], out, workers=1)
    assert {o.job.name: o.status for o in s.outcomes} == {"a.txt": "converted", "copy/a-again.txt": "duplicate"}
    doc = json.loads((out / "copy" / "a-again.txt.json").read_text(encoding="utf-8"))
    assert doc["source"]["name"] == "copy/a-again.txt"
    assert (out / "copy" / "a-again.txt.entities.csv").is_file()
    rows = latest_rows(out)
    assert rows["copy/a-again.txt"]["duplicate_of"] == "a.txt"
    assert rows["copy/a-again.txt"]["output"] == "copy/a-again.txt.json"
    con = sqlite3.connect(out / DB_NAME)
    assert sorted(r[0] for r in con.execute("SELECT doc_id FROM documents")) == ["a.txt", "copy/a-again.txt"]
    n = con.execute("SELECT count(*) FROM entities WHERE doc_id='a.txt'").fetchone()[0]
    assert n and con.execute("SELECT count(*) FROM entities WHERE doc_id='copy/a-again.txt'").fetchone()[0] == n
    (out / "copy" / "a-again.txt.json").unlink()  # the copy's outputs are checked as its own
    again = run_batch([src], out, workers=1)
    assert {o.job.name: o.status for o in again.outcomes} == {"a.txt": "unchanged", "copy/a-again.txt": "converted"}


def test_batch_duplicates_of_a_failing_file_fail_with_it(tmp_path: Path):
    bad = b"\x81\xff\xfa\x00\x13" * 300
    s = run_batch([write(tmp_path / "in" / "x.txt", bad), write(tmp_path / "in" / "y.txt", bad)],
                  tmp_path / "out", workers=1)
    assert [(o.job.name, o.status, o.code) for o in s.outcomes] == [
        ("x.txt", "failed", "undecodable"), ("y.txt", "failed", "undecodable")]
    errors = [json.loads(line)["source"] for line in (tmp_path / "out" / ERRORS).read_text("utf-8").splitlines()]
    assert errors == ["x.txt", "y.txt"]


def test_batch_old_manifest_gets_the_new_columns(tmp_path: Path):
    src = write(tmp_path / "a.txt", GOOD)
    out = tmp_path / "out"
    write(out / MANIFEST, "source,sha256,status,reason,seconds,govextract_version,output,finished_at\n"
                          "a.txt,00,converted,,0.1,0.1.0,a.json,2025-01-01T00:00:00\n")
    assert run_batch([src], out, workers=1).count("converted") == 1
    rows = manifest_rows(out)
    assert [r["status"] for r in rows] == ["converted", "converted"] and rows[0]["output"] == "a.json"


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "nonsense://scheduler"])
def test_batch_unreachable_or_refused_scheduler_is_a_coded_error(tmp_path: Path, address: str):
    pytest.importorskip("distributed")
    src = write(tmp_path / "a.txt", GOOD)
    out = tmp_path / "out"
    t = time.perf_counter()
    with pytest.raises(SchedulerUnreachable):
        run_batch([src], out, engine="dask", scheduler=address, connect_timeout=1)
    assert time.perf_counter() - t < 15 and not out.exists()  # within the bound, before anything is written


def test_batch_unreachable_scheduler_is_one_line_from_the_cli(tmp_path: Path, capsys):
    pytest.importorskip("distributed")
    src = write(tmp_path / "a.txt", GOOD)
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                 "--connect-timeout", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: [GX402 scheduler_unreachable] tcp://127.0.0.1:9: ") and "Traceback" not in err
    assert not out.exists()
