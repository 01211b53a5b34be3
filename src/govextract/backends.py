"""The PDF libraries govextract reads with, by name: here, apart from the readers, so that
the command line's help and the package's import load no PDF or model code."""

from __future__ import annotations

PDF_BACKENDS = ("pdfium", "pdfplumber")
DEFAULT_PDF_BACKEND = "pdfium"

__all__ = ["DEFAULT_PDF_BACKEND", "PDF_BACKENDS"]
