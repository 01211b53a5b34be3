"""PDF text layers with pdfplumber: pages one at a time, furniture out, paragraphs joined.

The output is a :class:`RawDocument` whose text has one paragraph per line, with
each page's span, the furniture removed from it, the tables found on the pages,
the type of each paragraph's first line (for headings), and a box for every
character so that entities can point at the page.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..backends import DEFAULT_PDF_BACKEND, PDF_BACKENDS
from ..errors import EmptyDocument, EncryptedPdf, NoTextLayer, PdfError, UsageError
from ..models import Furniture, Page, Source, SourceFormat, Table
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

_BOLD_MARKERS = ("bold", "heavy", "black", "semibold", "demi", "黑体", "hei")


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return any(m in name for m in _BOLD_MARKERS)


def _open(path: Path, data: bytes, password: str | None) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        try:
            return pdfplumber.open(path, password=password or "")
        except PdfminerException as wrapped:  # pdfplumber wraps what pdfminer raised
            inner = wrapped.args[0] if wrapped.args and isinstance(wrapped.args[0], Exception) else None
            if inner is None:
                raise
            raise inner from wrapped
    except PDFPasswordIncorrect as exc:
        msg = "wrong password" if password else "the PDF is encrypted; give its password with --password"
        raise EncryptedPdf(msg, path.name) from exc
    except PDFEncryptionError as exc:
        raise EncryptedPdf(f"unsupported encryption: {exc}", path.name) from exc
    except Exception as exc:  # pdfminer raises many kinds on a broken file
        kind = type(exc).__name__
        raise PdfError(f"not a readable PDF ({kind}: {exc})".rstrip(": )") + ")", path.name) from exc


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


TableFound = tuple[BBoxT, list[list[str | None]], str | None]  # box, rows, caption


def has_rulings(page: Any) -> bool:
    """Whether a page draws enough lines or boxes to hold a ruled table (cheap, no table search)."""
    return len(page.lines) + 4 * len(page.rects) >= 4


def find_page_tables(page: Any) -> list[TableFound]:
    """pdfplumber's tables on one page, with a ``表1 …`` caption when one sits right above."""
    out: list[TableFound] = []
    if not has_rulings(page):
        return out
    for t in page.find_tables():
        rows = [[cell if cell is None else " ".join(cell.split()) for cell in row] for row in t.extract()]
        if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
            continue  # a box drawn round a paragraph is not a table
        x0, top, x1, bottom = (float(v) for v in t.bbox)
        caption = None
        px0, ptop, px1, _ = page.bbox
        above = page.crop((px0, max(ptop, top - 30), px1, max(ptop, top))).extract_text().strip().splitlines()
        if above and above[-1].lstrip().startswith(("表", "Table")):
            caption = above[-1].strip()
        out.append(((x0, top, x1, bottom), rows, caption))
    return out


PageReader = Callable[[Path, bytes, "str | None"], Iterator[tuple[list[PdfLine], list[TableFound]]]]


@contextmanager
def reading_page(path: Path, number: int, page: Any) -> Iterator[None]:
    """Name the file and page in any failure while reading one page, and release the page after."""
    try:
        yield
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(f"cannot read page {number}: {type(exc).__name__}: {exc}", path.name) from exc
    finally:
        page.close()  # both libraries keep a parsed page until told to let go


def plumber_pages(path: Path, data: bytes, password: str | None) -> Iterator[tuple[list[PdfLine], list[TableFound]]]:
    """Each page's lines and tables with pdfplumber, one page at a time."""
    pdf = _open(path, data, password)
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


def read_pdf(path: Path, password: str | None = None, backend: str = DEFAULT_PDF_BACKEND) -> RawDocument:
    """Read a PDF's text layer page by page (each page released after use)."""
    reader = _backend(backend)
    data = path.read_bytes()
    if not data:
        raise EmptyDocument("the file is empty", path.name)
    pages: list[list[PdfLine]] = []
    tables: list[Table] = []
    for lines, found in reader(path, data, password):
        for box, rows, caption in found:
            tables.append(Table(id=f"t{len(tables) + 1}", page=len(pages) + 1,
                                bbox=[round(v, 2) for v in box], caption=caption, rows=rows))
        pages.append(lines)
    if not pages:
        raise PdfError("the PDF has no pages", path.name)
    if not any(ln.text for lines in pages for ln in lines) and not tables:
        raise NoTextLayer(
            "no text layer: the pages are images (a scan?); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`",
            path.name,
        )
    return assemble(path.name, data, pages, tables)


def assemble(name: str, data: bytes, pages: list[list[PdfLine]], tables: list[Table]) -> RawDocument:
    """The document's text from its pages' lines: furniture out, paragraphs joined, pages kept."""
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
        if new_para:
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
