"""The README says what the tool does: its CLI reference is ``--help``, and it names every default,
output key, comparison value, extension, error and manifest column the code has.

The CLI reference between the markers is generated; after changing an option, regenerate it with

    PYTHONPATH=src python tests/test_docs.py

(or ``.venv/bin/python tests/test_docs.py`` after ``make test``) and review the diff.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- cli-reference: generated from --help by `python tests/test_docs.py`; do not edit by hand -->"
END = "<!-- /cli-reference -->"
WIDTH = "100"  # the terminal width the reference is formatted for
REGENERATE = "the README's CLI reference differs from --help: run `PYTHONPATH=src python tests/test_docs.py`"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def cli_reference() -> str:
    """``--help`` of ``govextract`` and of each command, as Markdown, at a fixed width."""
    from govextract.cli import _parser

    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH  # argparse wraps to the terminal
    try:
        parser = _parser()
        parts = [("govextract", parser.format_help())]
        parts += [(f"govextract {name}", sub.format_help()) for name, sub in _subparsers(parser).items()]
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before
    return "\n".join(f"#### `{title}`\n\n```\n{text.rstrip()}\n```\n" for title, text in parts)


def readme_reference(readme: str) -> str:
    assert START in readme and END in readme, f"the README lacks the CLI reference markers {START!r} … {END!r}"
    return readme.split(START, 1)[1].split(END, 1)[0].strip("\n") + "\n"


def update_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{cli_reference()}{END}{tail}", encoding="utf-8")


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="argparse formats option lists differently from 3.13 "
                                                        "(`-o, --output DIR`); the reference is made on 3.10-3.12")
def test_docs_cli_reference_is_the_help():
    assert readme_reference(README.read_text(encoding="utf-8")) == cli_reference(), REGENERATE


def test_docs_every_option_default_is_stated():
    """Each option with a default says it in its help, so the reference gives every default."""
    from govextract.cli import _parser

    for name, sub in _subparsers(_parser()).items():
        for a in sub._actions:
            if a.default not in (None, False, argparse.SUPPRESS) and a.option_strings:
                assert "default:" in (a.help or ""), (name, a.dest)


def test_docs_readme_names_every_output_key_comparison_extension_and_error():
    from govextract.batch.manifest import MANIFEST_COLUMNS
    from govextract.batch.report import _error_classes
    from govextract.errors import GovextractError
    from govextract.ingest import SUPPORTED_SUFFIXES
    from govextract.models import Document
    from govextract.models.common import Comparison

    readme = README.read_text(encoding="utf-8")
    for key in Document.model_fields:
        assert f"`{key}`" in readme, f"output key {key} is not in the README"
    for c in Comparison:
        assert f"`{c.value}`" in readme, f"comparison {c.value} is not in the README"
    for ext in SUPPORTED_SUFFIXES:
        assert f"`{ext}`" in readme, f"extension {ext} is not in the README"
    for cls in _error_classes(GovextractError):
        if cls.gx != "GX000":
            assert f"| {cls.gx} | {cls.code} |" in readme, f"error {cls.gx} {cls.code} is not in the README's table"
    for column in MANIFEST_COLUMNS:
        assert f"`{column}`" in readme, f"manifest column {column} is not in the README"
    assert "`section` is an id" in readme or "section` (the id" in readme


def test_docs_cli_extensions_are_the_readers():
    from govextract.cli import EXTENSIONS
    from govextract.ingest import SUPPORTED_SUFFIXES

    assert sorted(EXTENSIONS) == sorted(SUPPORTED_SUFFIXES)


def test_docs_commands_run_from_the_virtual_environment():
    """After `make run` the README says where govextract is: the environment's bin, or activate it."""
    readme = README.read_text(encoding="utf-8")
    assert ".venv/bin/govextract" in readme and "source .venv/bin/activate" in readme
    assert re.search(r"^VENV \?= \.venv$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


def test_docs_bench_leaves_the_work_tree_clean():
    """`make bench` writes to an untracked file by default; the committed results name their revision
    and machine."""
    import subprocess

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    out = re.search(r"^BENCH_OUT \?= (\S+)$", makefile, re.M)
    assert out and "--out $(BENCH_OUT)" in makefile
    ignored = subprocess.run(["git", "check-ignore", "-q", out.group(1)], cwd=ROOT)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0, f"{out.group(1)} is not ignored by git"
    results = (ROOT / "benchmarks" / "results.md").read_text(encoding="utf-8")
    assert re.search(r"^Revision: [0-9a-f]{7,}", results, re.M) and "Machine: " in results


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    update_readme()
    print(f"{README}: CLI reference regenerated")
