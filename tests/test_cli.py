"""The command line, called as ``main(args)``: outputs, errors and exit codes."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import govextract
from govextract.cli import _parser, main


def test_cli_extract_writes_json_and_csv(tmp_path: Path, samples_dir: Path, capsys):
    assert main(["extract", str(samples_dir / "seed-report.txt"), "-o", str(tmp_path), "--workers", "1"]) == 0
    doc = json.loads((tmp_path / "seed-report.txt.json").read_text(encoding="utf-8"))
    assert doc["schema_name"] == "govextract.Document" and doc["schema_version"] == "1.1"
    with (tmp_path / "seed-report.txt.entities.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(doc["entities"])
    q = next(r for r in rows if r["text"] == "超千万份")
    assert (q["value"], q["unit"], q["comparison"], q["section_path"]) == ("10000000.0", "份", "more_than", "五 > 5.3")
    with (tmp_path / "seed-report.txt.sections.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == len(doc["sections"])
    assert not list(tmp_path.glob(".tmp-*"))


def test_cli_extract_to_stdout(samples_dir: Path, capsys):
    assert main(["extract", str(samples_dir / "seed-report.txt"), "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["name"] == "seed-report.txt"


def test_cli_stdout_with_several_files_is_json_lines(tmp_path: Path, samples_dir: Path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("一、总体\n深圳。\n", encoding="utf-8")
    assert main(["extract", str(samples_dir / "seed-report.txt"), str(other), "-o", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"]["name"] for line in lines] == ["seed-report.txt", "other.txt"]


def test_cli_stdout_with_csv_is_a_usage_error(samples_dir: Path, capsys):
    assert main(["extract", str(samples_dir / "seed-report.txt"), "-o", "-", "--format", "csv"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("error: [GX900 usage] -o - writes JSON only")


@pytest.mark.parametrize("to", ["-", "folder"])
def test_cli_one_error_style_in_every_mode(tmp_path: Path, samples_dir: Path, capsys, to: str):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = "-" if to == "-" else str(tmp_path / "o")
    assert main(["extract", str(empty), "-o", out, "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "error: [GX103 empty_file] empty.txt: the file is empty\n" in err and "Traceback" not in err
    assert main(["--debug", "extract", str(empty), "-o", out, "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "error: [GX103 empty_file] empty.txt: the file is empty\n" in err
    assert "Traceback (most recent call last)" in err and "EmptyDocument" in err


def test_cli_usage_error_style_and_debug(tmp_path: Path, samples_dir: Path, capsys):
    seed = str(samples_dir / "seed-report.txt")
    assert main(["extract", seed, "--format", "xml", "-o", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.startswith("error: [GX900 usage] unknown format 'xml'; ")
    assert main(["--debug", "extract", seed, "--format", "xml", "-o", str(tmp_path / "o")]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_cli_a_bug_is_one_line_and_a_traceback_with_debug(tmp_path: Path, capsys, monkeypatch):
    from govextract import cli

    def boom(args):
        raise RuntimeError("unexpected")

    monkeypatch.setitem(cli.COMMANDS, "schema", boom)
    assert main(["schema", "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "error: [GX500 internal_error] RuntimeError: unexpected\n"
    assert main(["--debug", "schema", "-o", str(tmp_path)]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_cli_bad_files_do_not_stop_the_others(tmp_path: Path, samples_dir: Path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    code = main(["extract", str(empty), str(samples_dir / "seed-report.txt"), "-o", str(out), "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "error: [GX103 empty_file] empty.txt: the file is empty\n" in err and "Traceback" not in err
    assert (out / "seed-report.txt.json").is_file() and not (out / "empty.txt.json").exists()


@pytest.mark.parametrize("to_stdout", [False, True])
def test_cli_unsupported_file_named_fails_alone(tmp_path: Path, samples_dir: Path, capsys, to_stdout: bool):
    """As the README says: the other files convert, that file is one coded error, exit 1."""
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"PK")
    out = tmp_path / "o"
    code = main(["extract", str(bad), str(samples_dir / "seed-report.txt"), "-o", "-" if to_stdout else str(out),
                 "--workers", "1"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.count("error: [GX102 unsupported_format] x.xlsx: unsupported file type '.xlsx'") == 1
    if to_stdout:
        assert json.loads(captured.out)["source"]["name"] == "seed-report.txt"
    else:
        assert (out / "seed-report.txt.json").is_file()
        assert "failed 1" in captured.err.splitlines()[-1]
        errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
        assert errors == [{"source": "x.xlsx", "code": "unsupported_format", "message": errors[0]["message"]}]


def test_cli_names_the_files_a_walk_skipped(tmp_path: Path, capsys):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("一、总体\n北京市2025年增长5%。\n", encoding="utf-8")
    (src / "sub" / "scan.tiff").write_bytes(b"II*\x00")
    assert main(["extract", str(src), "-o", str(tmp_path / "o"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert f"skipped (unsupported): {src / 'sub' / 'scan.tiff'}\n" in err
    assert "skipped (unsupported) 1, failed 0" in err.splitlines()[-1]


def test_cli_prints_each_error_once(tmp_path: Path, samples_dir: Path, capsys):
    """Not in the progress line and again at the end: the progress says failed, the error comes once."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["extract", str(empty), str(samples_dir / "seed-report.txt"), "-o", str(tmp_path / "o"),
                 "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("the file is empty") == 1 and err.count("empty_file") == 1
    assert re.search(r"^\[\d/2\] failed empty\.txt \(\d+\.\d+ s\)$", err, re.M)


def test_cli_debug_shows_traceback(tmp_path: Path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["--debug", "extract", str(empty), "-o", "-"]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_cli_same_stem_inputs_do_not_overwrite(tmp_path: Path):
    a, b = tmp_path / "report.txt", tmp_path / "report.md"
    a.write_text("一、甲\n深圳。", encoding="utf-8")
    b.write_text("# 一、乙\n上海。", encoding="utf-8")
    assert main(["extract", str(a), str(b), "-o", str(tmp_path / "o"), "--workers", "1"]) == 0
    assert {p.name for p in (tmp_path / "o").glob("*.json")} == {"report.txt.json", "report.md.json"}


def test_cli_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2
    assert main(["extract", "x.txt", "--format", "xml"]) == 2


def test_cli_help_and_version_load_no_heavy_library():
    """Help starts at once: no models, NLP or PDF library is imported for it (a fresh interpreter)."""
    heavy = ("pydantic", "spacy", "rjieba", "jieba", "numpy", "pypdfium2", "pdfplumber")
    for flag in ("--help", "--version"):
        code = (f"import sys\nfrom govextract.cli import main\ntry:\n    main([{flag!r}])\n"
                f"except SystemExit:\n    pass\nprint([m for m in {heavy!r} if m in sys.modules])")
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert res.stdout.strip().splitlines()[-1] == "[]", flag


def test_cli_version_is_the_installed_one(capsys):
    assert govextract.__version__ == version("govextract")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"govextract {govextract.__version__}"


def test_cli_every_command_has_help():
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.description, name
        assert all(a.help for a in p._actions if a.dest != "help"), name


def test_cli_schema(tmp_path: Path):
    assert main(["schema", "-o", str(tmp_path)]) == 0
    schema = json.loads((tmp_path / "document.schema.json").read_text(encoding="utf-8"))
    assert "entities" in schema["properties"]
