"""The only code that reads files: one reader per format, chosen by extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import FileNotFound, IngestError, UnsupportedFormat
from .base import LineStyle, RawDocument
from .text import read_text


def _read_pdf(path: Path) -> RawDocument:
    from .pdf import read_pdf  # pdfplumber is imported only when a PDF is read

    return read_pdf(path)


READERS: dict[str, Callable[[Path], RawDocument]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".pdf": _read_pdf,
}

SUPPORTED_SUFFIXES = tuple(sorted(READERS))


def ingest(path: str | Path) -> RawDocument:
    """Read one file with the reader its extension names."""
    p = Path(path)
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(
            f"unsupported file type {p.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
            p.name,
        )
    if not p.is_file():
        raise FileNotFound("no such file", str(p))
    try:
        return reader(p)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", p.name) from exc


__all__ = ["READERS", "SUPPORTED_SUFFIXES", "LineStyle", "RawDocument", "ingest"]
