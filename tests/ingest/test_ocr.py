"""Scanned PDFs: pages without a text layer read by OCR into the same document as a text layer gives.

Tests on real OCR output assert what must hold (titles, figures, offsets, a character error
rate), never exact strings that a model update would change. The 20-page scan is read once a
session (``scanned_full_doc``); the other OCR tests read one page each."""

from __future__ import annotations

import io
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import govextract
from govextract import backends
from govextract.cli import main
from govextract.errors import NoTextLayer
from govextract.evaluate import char_error_rate as cer
from govextract.evaluate import fold_text as fold
from govextract.ingest import ocr as ocr_mod
from govextract.ingest import ocr_lines
from govextract.ingest.layout import PdfLine
from govextract.models import Document
from govextract.outputs import to_json

from ..conftest import SCORER, SHARED, needs_ocr


def text_layer_pages(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def page_image(pdf: Path, index: int, dpi: float = 150) -> object:
    """A page of a text PDF as a greyscale PIL image, like a scanner's."""
    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(pdf)
    try:
        arr = doc[index].render(scale=dpi / 72, grayscale=True).to_numpy()
    finally:
        doc.close()
    return Image.fromarray(np.asarray(arr).reshape(arr.shape[0], arr.shape[1]))


def image_pdf(image: object, dpi: float = 150, quality: int = 75) -> bytes:
    """One image-only page: the image as a JPEG, at ``dpi``."""
    buf = io.BytesIO()
    image.save(buf, format="PDF", resolution=dpi, quality=quality)  # type: ignore[attr-defined]
    return buf.getvalue()


def page_text(doc: Document, number: int) -> str:
    p = doc.pages[number - 1]
    return doc.text[p.start:p.end]


# ---------------------------------------------------------------- without the extra (always run)


def test_ocr_without_the_extra_auto_names_the_install_command(monkeypatch, samples_dir, tmp_path, capsys):
    monkeypatch.setattr(backends, "ocr_available", lambda: False)
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(image_pdf(page_image(samples_dir / "seed-report.pdf", 3)))
    with pytest.raises(NoTextLayer) as info:
        govextract.extract_file(scanned)
    assert info.value.code == "no_text_layer" and "govextract[ocr]" in info.value.message
    assert main(["extract", str(scanned), "-o", str(tmp_path / "o"), "--workers", "1", "--no-db"]) == 1
    assert "no_text_layer" in capsys.readouterr().err


def test_ocr_always_without_the_extra_is_a_usage_error(monkeypatch, samples_dir, tmp_path, capsys):
    monkeypatch.setattr(backends, "ocr_available", lambda: False)
    assert main(["extract", str(samples_dir / "seed-report.pdf"), "-o", "-", "--ocr", "always"]) == 2
    assert "govextract[ocr]" in capsys.readouterr().err
    with pytest.raises(govextract.errors.UsageError):
        govextract.extract_file(samples_dir / "seed-report.pdf", ocr="always")


def test_ocr_never_keeps_the_coded_error(samples_dir, tmp_path):
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(image_pdf(page_image(samples_dir / "seed-report.pdf", 3)))
    with pytest.raises(NoTextLayer):
        govextract.extract_file(scanned, ocr="never")


def test_ocr_text_pages_keep_their_text_layer(samples_dir):
    """auto on a PDF with a text layer everywhere OCRs nothing: the same document as never."""
    auto = govextract.extract_file(samples_dir / "seed-report.pdf")
    never = govextract.extract_file(samples_dir / "seed-report.pdf", ocr="never")
    assert auto.source.ocr_pages == [] and auto.text == never.text


def _mixed_pdf(samples_dir: Path) -> bytes:
    """Pages 1 and 2 of the seed PDF with their text layer, then page 3 as an image only."""
    from pypdf import PdfReader, PdfWriter

    seed = samples_dir / "seed-report.pdf"
    w = PdfWriter()
    r = PdfReader(seed)
    w.add_page(r.pages[0])
    w.add_page(r.pages[1])
    w.add_page(PdfReader(io.BytesIO(image_pdf(page_image(seed, 2)))).pages[0])
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_ocr_a_page_ocr_cannot_read_is_a_warning(monkeypatch, samples_dir, tmp_path):
    def broken(img, page_index, scale):
        raise RuntimeError("model failed")

    monkeypatch.setattr(backends, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr_mod, "read_image", broken)
    mixed = tmp_path / "mixed.pdf"
    mixed.write_bytes(_mixed_pdf(samples_dir))
    doc = govextract.extract_file(mixed)
    assert any("page 3" in w and "OCR failed" in w for w in doc.warnings)
    assert doc.source.ocr_pages == [3] and doc.source.ocr[0].lines == 0
    assert page_text(doc, 1) and page_text(doc, 2)


def test_ocr_mixed_pdf_without_the_extra_keeps_the_text_pages(monkeypatch, samples_dir, tmp_path):
    monkeypatch.setattr(backends, "ocr_available", lambda: False)
    mixed = tmp_path / "mixed.pdf"
    mixed.write_bytes(_mixed_pdf(samples_dir))
    doc = govextract.extract_file(mixed)
    assert doc.source.ocr_pages == [] and page_text(doc, 3) == ""
    assert any("pages 3 " in w and "govextract[ocr]" in w for w in doc.warnings)


# ---------------------------------------------------------------- geometry (pure, always run)


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_ocr_unturn_undoes_rot90(turns):
    img = np.zeros((40, 30), dtype=np.uint8)  # height 40, width 30
    img[5, 7] = 255  # the pixel at x=7, y=5
    turned = np.rot90(img, turns)
    y, x = (int(v) for v in np.argwhere(turned == 255)[0])
    back = ocr_lines.unturn(np.array([[x + 0.5, y + 0.5]]), turns, 30.0, 40.0)
    assert back[0] == pytest.approx([7.5, 5.5])


def _quad(x0: float, top: float, x1: float, bottom: float, angle: float = 0.0) -> np.ndarray:
    dy = (x1 - x0) * math.tan(angle)
    return np.array([[x0, top], [x1, top + dy], [x1, bottom + dy], [x0, bottom]], dtype=float)


@pytest.mark.parametrize("degrees", [-2.0, -0.4, 0.0, 1.0, 2.0])
def test_ocr_skew_is_the_median_slant_of_long_lines(degrees):
    a = math.radians(degrees)
    quads = [_quad(100, 100 + 40 * k, 900, 130 + 40 * k, a) for k in range(10)] + [_quad(100, 900, 120, 930, 0.3)]
    assert ocr_lines.skew_of(quads) == pytest.approx(a, abs=1e-6)


def _found(rows: list[tuple[float, float, float, str]]) -> list[tuple[np.ndarray, str, float]]:
    return [(_quad(x0, top, x1, top + 30), text, 0.99) for x0, x1, top, text in rows]


def test_ocr_two_columns_read_left_then_right():
    rows = [(100, 1100, 50, "标题横跨两栏")]
    rows += [(100, 580, 120 + 40 * k, f"左栏第{k}行文字") for k in range(6)]
    rows += [(620, 1100, 120 + 40 * k, f"右栏第{k}行文字") for k in range(6)]
    rows += [(100, 1100, 400, "页脚横跨两栏")]
    lines, conf = ocr_lines.lines_from(_found(rows[::-1]), 0, 150 / 72, 1240, 1754)
    assert [ln.text for ln in lines] == (["标题横跨两栏"] + [f"左栏第{k}行文字" for k in range(6)]
                                         + [f"右栏第{k}行文字" for k in range(6)] + ["页脚横跨两栏"])
    # each column stretched onto the text width: its lines start at the page's left edge
    assert lines[1].x0 == pytest.approx(lines[7].x0) == pytest.approx(100 * 72 / 150)
    assert len(conf) == len(lines)


def test_ocr_one_column_with_pieces_of_a_line_joined():
    rows = [(100, 400, 100, "5.2东部地区"), (420, 900, 102, "创新引领"), (100, 900, 150, "In 2025 GDP")]
    lines, _ = ocr_lines.lines_from(_found(rows), 0, 2.0, 1240, 1754)
    assert [ln.text for ln in lines] == ["5.2东部地区创新引领", "In 2025 GDP"]
    assert len(lines[0].boxes) == 4 * len(lines[0].joined)


def test_ocr_sizes_settle_on_the_body_size():
    def line(h: float) -> PdfLine:
        from array import array

        return PdfLine(page=0, size=h, bold=False, joined="正文一行文字", boxes=array("f"), x0=0, x1=1, top=0)

    lines = [line(h) for h in (16.0, 16.8, 15.6, 16.3, 24.0)]
    ocr_lines.settle_sizes(lines, [])
    assert len({ln.size for ln in lines[:4]}) == 1 and lines[4].size > lines[0].size + 0.5
    ocr_lines.settle_sizes(lines[:4], [line(12.0), line(12.0)])  # a mixed PDF: the text layer's body size
    assert {ln.size for ln in lines[:4]} == {12.0}


# ---------------------------------------------------------------- real OCR


def test_ocr_full_scan_scores_on_the_seed_gold(scanned_full_doc, tmp_path):
    """The 20-page scan, read by OCR, against the seed's gold with the same scorer: >= 0.95."""
    out = tmp_path / "doc.json"
    out.write_text(to_json(scanned_full_doc), encoding="utf-8")
    res = subprocess.run([sys.executable, str(SCORER), str(out), str(SHARED / "golden" / "seed-report.gold.json")],
                         capture_output=True, text=True, check=False)
    score = next(float(line.split()[-1]) for line in res.stdout.splitlines() if line.startswith("score"))
    assert score >= 0.95, res.stdout


def test_ocr_full_scan_is_the_text_pdf_read_again(scanned_full_doc, samples_dir):
    d = scanned_full_doc
    assert d.source.ocr_pages == list(range(1, 21)) and [p.page for p in d.source.ocr] == d.source.ocr_pages
    assert all(p.mean_confidence and p.mean_confidence > 0.9 for p in d.source.ocr)
    text_doc = govextract.extract_file(samples_dir / "seed-report.pdf")
    assert cer(fold(text_doc.text), fold(d.text)) <= 0.01
    assert [s.number for s in d.sections] == [s.number for s in text_doc.sections]
    assert d.metadata.title == text_doc.metadata.title
    # furniture is found on OCR'd pages as on the text layer: a header and a page number on every page
    kinds = {(f.page, f.kind) for f in d.furniture}
    assert {(n, "page_number") for n in range(1, 21)} <= kinds
    assert {(n, "header") for n in range(1, 21)} <= kinds
    for e in d.entities:
        assert d.text[e.start:e.end] == e.text
        assert e.page is not None and e.bbox is not None
        x0, top, x1, bottom = e.bbox
        assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 850
    figures = {e.text for e in d.entities if e.type in ("quantity", "percentage")}
    assert len(figures & {e.text for e in text_doc.entities if e.type in ("quantity", "percentage")}) >= 0.95 * len(
        {e.text for e in text_doc.entities if e.type in ("quantity", "percentage")})


def test_ocr_full_scan_a_paragraph_runs_over_a_page_break(scanned_full_doc):
    d = scanned_full_doc
    p2_end = d.pages[1].end
    para = next(p for p in d.paragraphs if p.start < p2_end < p.end)
    assert "\n" not in d.text[para.start:para.end]


def test_ocr_mixed_pdf_reads_all_three_pages_in_order(samples_dir, tmp_path):
    needs_ocr()
    mixed = tmp_path / "mixed.pdf"
    mixed.write_bytes(_mixed_pdf(samples_dir))
    doc = govextract.extract_file(mixed)
    assert doc.source.ocr_pages == [3] and doc.source.pages == 3
    ref = text_layer_pages(samples_dir / "seed-report.pdf")
    text = fold(doc.text)
    at = [text.find(fold(ref[i])[20:40]) for i in range(3)]
    assert all(a >= 0 for a in at) and at == sorted(at), at
    assert cer(fold(ref[2]), fold(page_text(doc, 3))) < 0.03


def _ocr_one(image: object, tmp_path: Path, dpi: float = 150) -> Document:
    needs_ocr()
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(image_pdf(image, dpi))
    return govextract.extract_file(pdf)


@pytest.mark.parametrize("case", ["skew 2°, 300 dpi", "turned 90°", "turned 270°"])
def test_ocr_skewed_and_turned_pages_are_read_in_order(case, samples_dir, tmp_path):
    from PIL import Image

    seed = samples_dir / "seed-report.pdf"
    dpi = 300 if "300" in case else 150
    img = page_image(seed, 3, dpi)
    if "skew" in case:
        img = img.rotate(2.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)  # type: ignore[attr-defined]
    else:
        img = img.rotate(90 if "90" in case else 270, expand=True)  # type: ignore[attr-defined]
    doc = _ocr_one(img, tmp_path, dpi)
    ref = fold(text_layer_pages(seed)[3])
    assert doc.source.ocr_pages == [1]
    assert cer(ref, fold(doc.text + "".join(f.text for f in doc.furniture))) < 0.03
    text_doc = govextract.extract_file(seed)
    assert [s.number for s in doc.sections][:1] == [next(s.number for s in text_doc.sections if s.page_start == 4)]


def test_ocr_two_column_page_is_read_column_by_column(samples_dir, tmp_path):
    from PIL import Image

    seed = samples_dir / "seed-report.pdf"
    left, right = page_image(seed, 3), page_image(seed, 4)
    w, h = left.size  # type: ignore[attr-defined]
    box = (int(w * 0.12), int(h * 0.08), int(w * 0.9), int(h * 0.6))  # the body, without header and footer
    page = Image.new("L", (2 * (box[2] - box[0]) + 120, box[3] - box[1] + 80), 255)
    page.paste(left.crop(box), (40, 40))  # type: ignore[attr-defined]
    page.paste(right.crop(box), (80 + box[2] - box[0], 40))  # type: ignore[attr-defined]
    doc = _ocr_one(page, tmp_path)
    ref = text_layer_pages(seed)
    text = fold(doc.text)
    a, b = fold(ref[3])[40:60], fold(ref[4])[40:60]
    assert 0 <= text.find(a) < text.find(b)


def test_ocr_review_page_marks_ocr_text(samples_dir, tmp_path):
    from govextract.outputs.review import render

    doc = govextract.extract_file(samples_dir / "seed-report.pdf")
    doc.source.ocr_pages = [2]
    doc.source.ocr = [govextract.models.OcrPage(page=2, lines=20, mean_confidence=0.97, min_confidence=0.8)]
    html = render(doc)
    assert 'class="para ocr"' in html and "OCR" in html
    marked = [p for p in doc.paragraphs if p.page == 2]
    assert html.count('class="para ocr"') == len(marked)


def test_ocr_timeout_stops_a_long_scan(tmp_path):
    scan = SHARED / "golden" / "seed-report-scanned-full.pdf"
    if not scan.is_file():
        pytest.skip("../shared/golden is not present")
    needs_ocr()
    assert main(["extract", str(scan), "-o", str(tmp_path), "--workers", "1", "--timeout", "3", "--no-db"]) == 1
