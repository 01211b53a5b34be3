"""Shared fixtures: the samples, the seed's gold, the corpus in ../shared when present."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import govextract
from govextract.models import Document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
OUTPUTS = ROOT / "outputs"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = Path(__file__).parent / "tools" / "score.py"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads((SAMPLES / "seed-report.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_doc() -> Document:
    return govextract.extract_file(SAMPLES / "seed-report.txt")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def extract():
    """``extract(text) -> Document`` for unit tests on small strings."""
    return govextract.extract_text


GOLDEN = SHARED / "golden"


def gold_pairs() -> list[tuple[Path, Path]]:
    """(report, gold file) for the seed and every development gold in ../shared, when present."""
    pairs = [(SAMPLES / "seed-report.txt", SAMPLES / "seed-report.gold.json")]
    for g in sorted((GOLDEN / "dev").glob("*.gold.json")) if GOLDEN.is_dir() else []:
        name = json.loads(g.read_text(encoding="utf-8"))["document"]["source"]
        pairs.append((CORPUS / name, g))
    return pairs


def needs_ocr() -> None:
    """Skip a test when the OCR extra is missing, except in CI (CI=true), where it must run."""
    from govextract.backends import ocr_available

    if not ocr_available():
        if os.environ.get("CI"):
            pytest.fail("the OCR extra (govextract[ocr]) is not installed, and CI must test OCR")
        pytest.skip("the OCR extra (govextract[ocr]) is not installed")


@pytest.fixture(scope="session")
def scanned_full_doc() -> Document:
    """The 20-page scan of the seed PDF, read by OCR once for the whole session."""
    scan = SHARED / "golden" / "seed-report-scanned-full.pdf"
    if not scan.is_file():
        pytest.skip("../shared/golden is not present")
    needs_ocr()
    return govextract.extract_file(scan)
