"""PDF input: the seed PDF gives the text's document plus pages; bad PDFs fail clearly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import govextract
from govextract.cli import main
from govextract.errors import EmptyDocument, EncryptedPdf, NoTextLayer, PdfError

from ..conftest import SHARED


@pytest.fixture(scope="session")
def seed_pdf_doc(samples_dir: Path):
    return govextract.extract_file(samples_dir / "seed-report.pdf")


def test_pdf_same_sections_and_entities_as_text(seed_doc, seed_pdf_doc):
    def secs(d):
        return [(s.number, s.title, s.level) for s in d.sections]

    def ents(d):
        return [(e.type, e.text, getattr(e, "value", None)) for e in d.entities]

    assert secs(seed_pdf_doc) == secs(seed_doc)
    assert ents(seed_pdf_doc) == ents(seed_doc)
    assert seed_pdf_doc.text == seed_doc.text


def test_pdf_pages_everywhere(seed_pdf_doc):
    d = seed_pdf_doc
    assert d.source.pages == 20 and d.source.format == "pdf"
    assert [p.number for p in d.pages] == list(range(1, 21))
    assert all(a.end == b.start for a, b in zip(d.pages, d.pages[1:], strict=False))
    assert d.pages[-1].end == len(d.text)
    assert all(p.page is not None for p in d.paragraphs)
    assert all(s.page_start and s.page_end and s.page_start <= s.page_end for s in d.sections)
    by_num = {p.number: p for p in d.pages}
    for e in d.entities:
        assert e.page is not None and e.bbox is not None
        x0, top, x1, bottom = e.bbox
        assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 850
        assert by_num[e.page].start <= e.start < by_num[e.page].end


def test_pdf_a_paragraph_runs_over_a_page_break(seed_pdf_doc):
    """5.3's first paragraph starts on page 2 and ends on page 3: one paragraph."""
    d = seed_pdf_doc
    p2_end = d.pages[1].end
    para = next(p for p in d.paragraphs if p.start < p2_end < p.end)
    assert d.text[para.start:para.end].startswith("2025年,中部地区")
    assert "\n" not in d.text[para.start:para.end]


def test_pdf_furniture_is_removed_and_kept(seed_pdf_doc):
    d = seed_pdf_doc
    kinds = {(f.page, f.kind) for f in d.furniture}
    assert {(n, "header") for n in range(1, 21)} <= kinds
    assert {(n, "page_number") for n in range(1, 21)} <= kinds
    assert "智慧政务发展报告" not in d.text
    assert "- 3 -" not in d.text


def test_pdf_scanned_is_read_by_ocr_or_fails_with_its_code(tmp_path: Path, capsys):
    """With the OCR extra the one-page scan is read; without it (or with --ocr never), the coded error."""
    from govextract.backends import ocr_available

    from ..conftest import needs_ocr

    scanned = SHARED / "golden" / "seed-report-scanned.pdf"
    if not scanned.is_file():
        pytest.skip("../shared/golden is not present")
    with pytest.raises(NoTextLayer) as info:
        govextract.extract_file(scanned, ocr="never")
    assert info.value.code == "no_text_layer" and "OCR" in str(info.value)
    if not ocr_available():
        with pytest.raises(NoTextLayer) as info:
            govextract.extract_file(scanned)
        assert "govextract[ocr]" in str(info.value)
        assert main(["extract", str(scanned), "-o", str(tmp_path), "--workers", "1"]) == 1
        assert "no_text_layer" in capsys.readouterr().err
    needs_ocr()
    doc = govextract.extract_file(scanned)
    assert doc.source.ocr_pages == [1] and doc.source.ocr[0].lines > 10
    assert [s.number for s in doc.sections][:2] == ["五", "5.1"]
    assert {e.text for e in doc.entities if e.type == "place"} >= {"深圳", "上海", "杭州", "广州"}


def _encrypted(src: Path, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(src).pages[:2]:
        writer.add_page(page)
    writer.encrypt(password)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_encrypted_needs_its_password(tmp_path: Path, samples_dir: Path):
    p = tmp_path / "locked.pdf"
    p.write_bytes(_encrypted(samples_dir / "seed-report.pdf", "s3cret"))
    with pytest.raises(EncryptedPdf) as info:
        govextract.extract_file(p)
    assert "locked.pdf" in str(info.value) and "--password" in str(info.value)
    with pytest.raises(EncryptedPdf):
        govextract.extract_file(p, password="wrong")
    doc = govextract.extract_file(p, password="s3cret")
    assert doc.sections[0].number == "五"
    assert main(["extract", str(p), "--password", "s3cret", "-o", str(tmp_path / "o"), "--workers", "1"]) == 0


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda seed: b"", EmptyDocument),
        (lambda seed: seed[: len(seed) // 3], PdfError),
        (lambda seed: seed[:2000], PdfError),
        (lambda seed: bytes(range(256)) * 40, PdfError),
        (lambda seed: b"%PDF-1.7\n" + b"garbage " * 500, PdfError),
    ],
)
def test_pdf_broken_files_fail_clearly(tmp_path: Path, samples_dir: Path, make, error):
    p = tmp_path / "broken file.pdf"
    p.write_bytes(make((samples_dir / "seed-report.pdf").read_bytes()))
    with pytest.raises(error) as info:
        govextract.extract_file(p)
    assert "broken file.pdf" in str(info.value) and "\n" not in str(info.value)
