"""The two PDF backends give the same document: text, sections and entities with their pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import govextract

from ..conftest import CORPUS, SAMPLES

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


def _unmapped_glyphs_pdf() -> bytes:
    """One page: a line of Helvetica, and four glyphs of an Identity-H font with no ToUnicode map."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
    ]
    content = (b"BT /F2 12 Tf 72 760 Td (Hello report text line one) Tj ET\n"
               b"BT /F1 12 Tf 72 700 Td <0012003400560078> Tj ET\n")
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
    objs += [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering "
        b"(Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900"
        b" /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    return _serialize(objs)


def _serialize(objs: list[bytes]) -> bytes:
    """A PDF file of ``objs`` (object 1 is the catalog), with its cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_pdf_backends_warn_about_unmapped_glyphs(tmp_path: Path, backend: str):
    p = tmp_path / "cid.pdf"
    p.write_bytes(_unmapped_glyphs_pdf())
    doc = govextract.extract_file(p, pdf_backend=backend)
    assert "(cid:" in doc.text
    assert doc.warnings and "pages 1" in doc.warnings[0]


def _form_text_pdf() -> bytes:
    """One page: a 10-point line drawn directly, and a 16-point line drawn by a form XObject."""
    form = b"BT /F1 16 Tf 72 700 Td (Heading inside a form) Tj ET\n"
    page = b"BT /F1 10 Tf 72 760 Td (Body line drawn on the page itself) Tj ET\nq /Fm1 Do Q\n"
    return _serialize([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >>"
        b" /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(page) + page + b"endstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Length %d >>\nstream\n" % len(form) + form + b"endstream",
    ])


def test_pdf_backends_agree_on_text_inside_a_form(tmp_path: Path):
    """Characters of a form XObject have no top-level text object: their size is read per character."""
    from govextract.ingest import ingest

    p = tmp_path / "form.pdf"
    p.write_bytes(_form_text_pdf())
    fast, slow = ingest(p, pdf_backend="pdfium"), ingest(p, pdf_backend="pdfplumber")
    assert "Heading inside a form" in fast.text and "Body line" in fast.text
    assert fast.text == slow.text
    sizes = {fast.text[st.start:st.end]: st.size for st in fast.line_styles}
    assert sizes == {fast.text[st.start:st.end]: st.size for st in slow.line_styles}
    assert sizes["Heading inside a form"] == 16 and sizes["Body line drawn on the page itself"] == 10


def _compiled_reader():
    """The compiled PDFium reader. A plain install may lack it (no C compiler), but CI must build it."""
    from govextract.ingest import pdfium

    if pdfium._fast is None:
        if os.environ.get("CI"):
            pytest.fail("the compiled PDFium reader was not built (setup.py, ext_modules)")
        pytest.skip("the compiled PDFium reader was not built")
    return pdfium


@pytest.mark.parametrize("pdf", PDFS, ids=[p.name for p in PDFS])
def test_pdf_backends_compiled_reader_reads_what_python_reads(pdf: Path):
    """The compiled reader makes, in C, the PDFium calls the pure-Python reader makes one at a time:
    every column it returns is the same, page by page."""
    import numpy as np
    import pypdfium2 as pdfium_lib

    pdfium = _compiled_reader()
    api = pdfium._api()
    doc = pdfium_lib.PdfDocument(pdf)
    try:
        for i in range(len(doc)):
            page = doc[i]
            at = pdfium._address(page.raw)
            fast, slow = pdfium._objects_c(api, at), pdfium._objects_py(api, at)
            assert fast.paths == slow.paths
            assert all(np.array_equal(a, b) for a, b in zip(fast[1:], slow[1:], strict=True)), f"page {i + 1}"
            textpage = page.get_textpage()
            tp = pdfium._address(textpage.raw)
            fast_chars, slow_chars = pdfium._chars_c(api, tp), pdfium._chars_py(api, tp)
            assert len(fast_chars.code) == api.count_chars(tp)
            for name, a, b in zip(fast_chars._fields, fast_chars, slow_chars, strict=True):
                assert np.array_equal(a, b), f"page {i + 1}: {name}"
            textpage.close()
            page.close()
    finally:
        doc.close()


def test_pdf_backends_pure_python_reader_gives_the_same_document(monkeypatch: pytest.MonkeyPatch):
    from govextract.ingest import pdfium

    seed = SAMPLES / "seed-report.pdf"
    _compiled_reader()
    fast = govextract.extract_file(seed, pdf_backend="pdfium")
    monkeypatch.setattr(pdfium, "_fast", None)
    slow = govextract.extract_file(seed, pdf_backend="pdfium")
    assert view(fast) == view(slow)
    assert [e.bbox for e in fast.entities] == [e.bbox for e in slow.entities]


def test_pdf_backends_compiled_reader_rejects_bad_arguments():
    pdfium = _compiled_reader()
    fast = pdfium._fast
    with pytest.raises(TypeError):
        fast.chars((1, 2), 1)  # too few functions
    with pytest.raises(ValueError):
        fast.chars(pdfium._api().char_calls, 0)  # no text page
    with pytest.raises(ValueError):
        fast.objects(pdfium._api().object_calls, 0, 1, 2)
