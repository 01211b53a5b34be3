"""The only code that reads files: one reader per format, chosen by extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..backends import DEFAULT_OCR, DEFAULT_PDF_BACKEND, PDF_BACKENDS
from ..errors import FileNotFound, IngestError, UnsupportedFormat
from .base import LineStyle, RawDocument
from .text import read_text


def _read_pdf(path: Path, password: str | None = None, pdf_backend: str = DEFAULT_PDF_BACKEND,
              ocr: str = DEFAULT_OCR) -> RawDocument:
    from .pdf import read_pdf  # PDF libraries are imported only when a PDF is read

    return read_pdf(path, password, pdf_backend, ocr)


def _read_text(path: Path, password: str | None = None, pdf_backend: str = "", ocr: str = "") -> RawDocument:
    return read_text(path)


def _read_docx(path: Path, password: str | None = None, pdf_backend: str = "", ocr: str = "") -> RawDocument:
    from .office import read_docx  # python-docx is an optional extra

    return read_docx(path, password)


def _read_html(path: Path, password: str | None = None, pdf_backend: str = "", ocr: str = "") -> RawDocument:
    from .office import read_html  # trafilatura is an optional extra

    return read_html(path, password)


READERS: dict[str, Callable[[Path, str | None, str, str], RawDocument]] = {
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
    ".txt": _read_text,
    ".text": _read_text,
    ".md": _read_text,
    ".markdown": _read_text,
    ".pdf": _read_pdf,
}

SUPPORTED_SUFFIXES = tuple(sorted(READERS))


def unsupported(path: Path) -> UnsupportedFormat:
    """The error for a file type govextract does not read."""
    return UnsupportedFormat(
        f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        str(path))


def ingest(path: str | Path, password: str | None = None, pdf_backend: str = DEFAULT_PDF_BACKEND,
           ocr: str = DEFAULT_OCR) -> RawDocument:
    """Read one file with the reader its extension names.

    ``password`` opens an encrypted PDF; ``pdf_backend`` picks the PDF library (both give the same
    text: the test suite holds them to it on every PDF it has); ``ocr`` (auto, always, never)
    says which PDF pages are read by OCR (auto: those without a usable text layer)."""
    p = Path(path)
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        raise unsupported(p)
    if not p.is_file():
        raise FileNotFound("no such file", str(p))
    try:
        return reader(p, password, pdf_backend, ocr)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", p.name) from exc


__all__ = [
    "DEFAULT_OCR",
    "DEFAULT_PDF_BACKEND",
    "PDF_BACKENDS",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "LineStyle",
    "RawDocument",
    "ingest",
    "unsupported",
]
