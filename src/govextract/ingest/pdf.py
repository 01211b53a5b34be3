"""PDF in, a raw document out: text layers page by page (pdfplumber here, PDFium in
:mod:`.pdfium`; :mod:`.pdfcommon` holds what both share), OCR for the pages without one
(:mod:`.ocr`), furniture out, paragraphs joined.

The output is a :class:`RawDocument` whose text has one paragraph per line, with
each page's span, the furniture removed from it, the tables found on the pages,
the type of each paragraph's first line (for headings), and a box for every
character so that entities can point at the page.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from .. import backends
from ..backends import DEFAULT_OCR, DEFAULT_PDF_BACKEND, OCR_INSTALL, OCR_MODES, PDF_BACKENDS
from ..errors import EmptyDocument, NoTextLayer, PdfError, UsageError
from ..models import Furniture, OcrPage, Page, Source, SourceFormat, Table
from .base import LineStyle, RawDocument, sha256_of
from .layout import (
    NO_BOX,
    BBoxT,
    PdfLine,
    body_margins,
    find_furniture,
    join_lines,
    page_lines,
    starts_paragraph,
)
from .pdfcommon import PageReader, TableFound, find_page_tables, open_pdf, reading_page

_BOLD_MARKERS = ("bold", "heavy", "black", "semibold", "demi", "黑体", "hei")


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return any(m in name for m in _BOLD_MARKERS)


def _page_lines(page: Any, page_index: int, table_boxes: list[BBoxT]) -> list[PdfLine]:
    """The page's lines, from its characters (spaces included) outside any table."""
    texts: list[str] = []
    boxes: list[float] = []
    sizes: list[float] = []
    bolds: list[bool] = []
    for c in page.chars:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in table_boxes):
            continue
        texts.append(c["text"])
        boxes += (c["x0"], c["top"], c["x1"], c["bottom"])
        sizes.append(round(c["size"], 1))
        bolds.append(_is_bold(c.get("fontname", "")))
    return page_lines(texts, boxes, sizes, bolds, page_index)


def plumber_pages(path: Path, data: bytes, password: str | None) -> Iterator[tuple[list[PdfLine], list[TableFound]]]:
    """Each page's lines and tables with pdfplumber, one page at a time."""
    pdf = open_pdf(path, data, password)
    try:
        for i, page in enumerate(pdf.pages):
            with reading_page(path, i + 1, page):
                found = find_page_tables(page)
                lines = _page_lines(page, i, [box for box, _, _ in found])
            yield lines, found
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(f"broken PDF structure ({type(exc).__name__}: {exc})", path.name) from exc
    finally:
        pdf.close()


def _backend(name: str) -> PageReader:
    if name == "pdfplumber":
        return plumber_pages
    if name == "pdfium":
        from .pdfium import pdfium_pages

        return pdfium_pages
    raise UsageError(f"unknown PDF backend {name!r}; choose {' or '.join(PDF_BACKENDS)}")


USABLE_TEXT = 10  # a page with fewer characters of text than this has no usable text layer


def usable_text(lines: list[PdfLine], found: list[TableFound]) -> bool:
    """Whether a page's text layer is worth keeping: some text (more than a stray page number
    an OCR tool left) or a table."""
    return bool(found) or sum(len(ln.text) for ln in lines) >= USABLE_TEXT


class _Ocr:
    """The pages to OCR, opened with PDFium on first use and read one at a time."""

    def __init__(self, path: Path, data: bytes, password: str | None) -> None:
        self.path, self.data, self.password = path, data, password
        self.pdf: Any = None
        self.pages: list[OcrPage] = []
        self.warnings: list[str] = []

    def read(self, index: int) -> list[PdfLine] | None:
        """The page's lines by OCR, or None when the page draws nothing at all."""
        from .ocr import read_page
        from .pdfium import _open_pdfium

        if self.pdf is None:
            self.pdf = _open_pdfium(self.path, self.data, self.password)
        page = self.pdf[index]
        try:
            import pypdfium2.raw as raw

            if raw.FPDFPage_CountObjects(page.raw) == 0:
                return None
            result = read_page(page, index)
        finally:
            page.close()
        if result.warning:
            self.warnings.append(result.warning)
        c = result.confidences
        self.pages.append(OcrPage(page=index + 1, lines=len(c),
                                  mean_confidence=round(sum(c) / len(c), 4) if c else None,
                                  min_confidence=round(min(c), 4) if c else None))
        return result.lines

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def read_pdf(path: Path, password: str | None = None, backend: str = DEFAULT_PDF_BACKEND,
             ocr: str = DEFAULT_OCR) -> RawDocument:
    """Read a PDF page by page (each page released after use): its text layer, and with
    ``ocr`` ``auto`` the pages without a usable one by OCR (``always``: every page)."""
    if ocr not in OCR_MODES:
        raise UsageError(f"unknown OCR mode {ocr!r}; choose {', '.join(OCR_MODES)}")
    can_ocr = ocr != "never" and backends.ocr_available()
    if ocr == "always" and not can_ocr:
        raise UsageError(f"--ocr always needs the OCR extra: {OCR_INSTALL}")
    reader = _backend(backend)
    data = path.read_bytes()
    if not data:
        raise EmptyDocument("the file is empty", path.name)
    pages: list[list[PdfLine]] = []
    tables: list[Table] = []
    ocr_at: list[int] = []  # page indices read by OCR
    unread: list[int] = []  # pages without a usable text layer, left unread (no OCR)
    reading = _Ocr(path, data, password) if can_ocr else None
    try:
        for lines, found in reader(path, data, password):
            index = len(pages)
            if ocr == "always" or not usable_text(lines, found):
                by_ocr = reading.read(index) if reading is not None else None
                if by_ocr is not None:
                    lines, found = by_ocr, []
                    ocr_at.append(index)
                elif reading is None and ocr != "never":
                    unread.append(index + 1)
            for box, rows, caption in found:
                tables.append(Table(id=f"t{len(tables) + 1}", page=index + 1,
                                    bbox=[round(v, 2) for v in box], caption=caption, rows=rows))
            pages.append(lines)
    finally:
        if reading is not None:
            reading.close()
    if not pages:
        raise PdfError("the PDF has no pages", path.name)
    if not any(ln.text for lines in pages for ln in lines) and not tables:
        if ocr_at:
            msg = "no text layer, and OCR found no text on its pages"
        elif ocr == "never":
            msg = "no text layer: the pages are images (a scan?); read them with OCR (--ocr auto)"
        else:
            msg = f"no text layer: the pages are images (a scan?); install OCR with `{OCR_INSTALL}` to read them"
        raise NoTextLayer(msg, path.name)
    warnings = []
    if ocr_at:
        from .ocr import LOW_CONFIDENCE
        from .ocr_lines import settle_sizes

        done = set(ocr_at)
        settle_sizes([ln for i in ocr_at for ln in pages[i]],
                     [ln for i, lines in enumerate(pages) if i not in done for ln in lines])
        warnings += reading.warnings if reading is not None else []
        low = [p for p in (reading.pages if reading else [])
               if p.mean_confidence is not None and p.mean_confidence < LOW_CONFIDENCE]
        if low:
            warnings.append(f"OCR was unsure of pages {', '.join(str(p.page) for p in low)} (mean line confidence "
                            f"{', '.join(f'{p.mean_confidence:.2f}' for p in low)}, below {LOW_CONFIDENCE}): "
                            "check their text")
    if unread:
        warnings.append(f"pages {', '.join(map(str, unread))} have no text layer and were not read: "
                        f"install OCR with `{OCR_INSTALL}`")
    raw = assemble(path.name, data, pages, tables, set(ocr_at))
    raw.warnings += warnings
    raw.source.ocr_pages = [i + 1 for i in ocr_at]
    raw.source.ocr = list(reading.pages) if reading is not None else []
    return raw


def assemble(name: str, data: bytes, pages: list[list[PdfLine]], tables: list[Table],
             untyped: Collection[int] = ()) -> RawDocument:
    """The document's text from its pages' lines: furniture out, paragraphs joined, pages kept.

    Lines on the ``untyped`` pages (indices; pages read by OCR) get no line style: OCR sees no
    weight and only a rough size, so their type neither confirms nor vetoes a heading."""
    cid_pages = [i + 1 for i, lines in enumerate(pages) if any("(cid:" in ln.text for ln in lines)]
    furniture_at = find_furniture(pages)
    furniture = [
        Furniture(page=pi + 1, kind=kind, text=pages[pi][li].text)
        for (pi, li), kind in sorted(furniture_at.items())
    ]
    body = [ln for pi, lines in enumerate(pages) for li, ln in enumerate(lines) if (pi, li) not in furniture_at]
    margins = body_margins(body) if body else None
    text: list[str] = []
    boxes = array("f")  # four floats a character of the text (NO_BOX: inserted)
    box_pages = array("i")
    styles: list[LineStyle] = []
    page_starts: dict[int, int] = {}
    pos = 0
    prev: PdfLine | None = None
    for ln in body:
        line_text = ln.text
        if not line_text:
            continue
        new_para = margins is None or starts_paragraph(prev, ln, margins)
        sep = "\n" if new_para and pos else ("" if new_para else join_lines(prev.text if prev else "", line_text))
        if sep:
            text.append(sep)
            boxes.extend([NO_BOX] * 4 * len(sep))
            box_pages.extend([ln.page + 1] * len(sep))
            pos += len(sep)
        page_starts.setdefault(ln.page, pos)
        if new_para and ln.page not in untyped:
            styles.append(LineStyle(start=pos, end=pos + len(line_text), size=ln.size, bold=ln.bold))
        lead = len(ln.joined) - len(ln.joined.lstrip())
        text.append(line_text)
        boxes.extend(ln.boxes[4 * lead:4 * (lead + len(line_text))])
        box_pages.extend([ln.page + 1] * len(line_text))
        pos += len(line_text)
        prev = ln
    full = "".join(text)
    # Every page, one with no body text (a table, an image) as an empty span where it falls.
    starts = [0] * len(pages)
    following = len(full)
    for pi in range(len(pages) - 1, -1, -1):
        following = page_starts.get(pi, following)
        starts[pi] = following
    page_list = [Page(number=pi + 1, start=starts[pi], end=starts[pi + 1] if pi + 1 < len(pages) else len(full))
                 for pi in range(len(pages))]
    warnings = []
    if cid_pages:
        warnings.append("glyphs without a Unicode mapping, shown as (cid:NN), on pages "
                        + ", ".join(map(str, cid_pages)) + ": their text may be wrong")
    source = Source(name=name, format=SourceFormat.pdf, sha256=sha256_of(data), bytes=len(data),
                    encoding=None, pages=len(pages))
    raw = RawDocument(source=source, text=full, pages=page_list, furniture=furniture, tables=tables,
                      warnings=warnings, line_styles=styles, body_size=margins.body_size if margins else None)
    raw.char_boxes = boxes
    raw.char_pages = box_pages
    return raw
