"""Generated and committed files stay in step with the code: schemas/, outputs/, the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import govextract
from govextract.batch import plan
from govextract.ingest import SUPPORTED_SUFFIXES
from govextract.outputs import to_json
from govextract.outputs.csv import write_csv
from govextract.outputs.schema import SCHEMA_FILE, document_schema

from ..conftest import OUTPUTS, ROOT, SAMPLES


def test_contract_schema_is_current():
    committed = (ROOT / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == document_schema(), "schemas/ drifted from the models: run `make schema`"


SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in SUPPORTED_SUFFIXES)


@pytest.mark.parametrize(("sample", "stem"), [(j.source, j.stem) for j in plan(SAMPLE_FILES).jobs],
                         ids=[p.name for p in SAMPLE_FILES])
def test_contract_outputs_are_current(sample: Path, stem: str, tmp_path: Path):
    """outputs/ is what `make run` writes for samples/ (one batch, so same-named inputs get stem.ext)."""
    doc = govextract.extract_file(sample)
    doc.source.name = sample.name
    assert (OUTPUTS / f"{stem}.json").read_text(encoding="utf-8") == to_json(doc), "run `make run`"
    for written in write_csv(doc, tmp_path, stem):
        assert (OUTPUTS / written.name).read_bytes() == written.read_bytes(), "run `make run`"


def test_contract_output_validates(seed_doc):
    again = govextract.Document.model_validate_json(to_json(seed_doc))
    assert again == seed_doc


def test_contract_readme_first_lines_are_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    code = [ln for ln in lines[:20] if ln.startswith("make ")]
    assert code[:2] == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_contract_readme_lists_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cmd in ("govextract extract", "govextract schema", "govextract export", "govextract review",
                "govextract evaluate"):
        assert cmd in readme
