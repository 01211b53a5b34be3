"""The two PDF backends give the same document: text, sections and entities with their pages."""

from __future__ import annotations

from pathlib import Path

import pytest

import govextract

from .conftest import CORPUS, SAMPLES

PDFS = [SAMPLES / "seed-report.pdf", *(sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else [])]


def view(doc):
    sections = [(s.number, s.title, s.level, s.page_start, s.page_end) for s in doc.sections]
    entities = [(e.type, e.text, getattr(e, "value", None), e.page, e.start) for e in doc.entities]
    return doc.text, sections, entities, [(p.number, p.start, p.end) for p in doc.pages], len(doc.tables)


@pytest.mark.parametrize("pdf", PDFS, ids=[p.name for p in PDFS])
def test_pdf_backends_agree(pdf: Path):
    fast = govextract.extract_file(pdf, pdf_backend="pdfium")
    slow = govextract.extract_file(pdf, pdf_backend="pdfplumber")
    assert view(fast) == view(slow)
    for a, b in zip(fast.entities, slow.entities, strict=True):  # boxes from two libraries: close, not equal
        assert (a.bbox is None) == (b.bbox is None)
        if a.bbox and b.bbox:
            assert all(abs(x - y) < 6 for x, y in zip(a.bbox, b.bbox, strict=True)), (a.text, a.bbox, b.bbox)
