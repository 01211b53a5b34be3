"""govextract: Chinese policy and government reports in, typed and traceable data out.

    >>> import govextract
    >>> doc = govextract.extract_file("samples/seed-report.txt")
    >>> [s.title for s in doc.sections][:2]
    ['2025年中国智慧政务建设区域发展格局', '区域发展总体特征:梯队化发展,差异化创新']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .backends import DEFAULT_OCR, DEFAULT_PDF_BACKEND
from .errors import (
    EmptyDocument,
    EncryptedPdf,
    GovextractError,
    IngestError,
    NoTextLayer,
    PdfError,
    UndecodableText,
    UnsupportedFormat,
)

__version__ = "0.1.0"  # the one place it is written: pyproject.toml reads it from here

if TYPE_CHECKING:
    from pathlib import Path

    from .models import Document


def __getattr__(name: str) -> Any:
    if name == "Document":  # the models (pydantic) load on first use: `govextract --help` needs none
        from .models import Document

        globals()["Document"] = Document  # for typing.get_type_hints() of the functions here, from now on
        return Document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def extract_file(path: str | Path, password: str | None = None, pdf_backend: str = DEFAULT_PDF_BACKEND,
                 ocr: str = DEFAULT_OCR) -> Document:
    """Read one file (``.txt``, ``.md``, ``.pdf``, ``.docx``, ``.html``) and return its :class:`Document`.

    ``password`` opens an encrypted PDF; ``pdf_backend`` is ``pdfium`` (fast, the default) or
    ``pdfplumber``; ``ocr`` is ``auto`` (the default: PDF pages without a usable text layer are
    read by OCR, with the extra ``govextract[ocr]``), ``always`` or ``never``."""
    from .pipeline import extract_file as run  # spaCy and jieba load on first use, not on import

    return run(path, password, pdf_backend, ocr)


def extract_text(text: str, name: str = "text.txt") -> Document:
    """Extract from a string, as if it were the UTF-8 text file ``name``."""
    from .pipeline import extract_text as run

    return run(text, name)


__all__ = [
    "Document",
    "EmptyDocument",
    "EncryptedPdf",
    "GovextractError",
    "IngestError",
    "NoTextLayer",
    "PdfError",
    "UndecodableText",
    "UnsupportedFormat",
    "__version__",
    "extract_file",
    "extract_text",
]
