"""What both PDF backends share, so that neither imports the other: opening a file with
pdfplumber (its errors named as ours), the ruled tables pdfplumber finds on a page (PDFium's
backend reads its characters itself but asks pdfplumber for tables), and the guard that names
the page of any failure and releases the page after."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import EncryptedPdf, PdfError
from .layout import BBoxT, PdfLine


def open_pdf(path: Path, data: bytes, password: str | None) -> Any:
    """The PDF opened with pdfplumber; a wrong password, an encryption or a broken file as our errors."""
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
