"""The PDF libraries govextract reads with, and its OCR modes, by name: here, apart from the
readers, so that the command line's help and the package's import load no PDF or model code."""

from __future__ import annotations

PDF_BACKENDS = ("pdfium", "pdfplumber")
DEFAULT_PDF_BACKEND = "pdfium"

# auto: OCR the pages without a usable text layer (needs govextract[ocr]); always: OCR every
# page, ignoring any text layer; never: read text layers only.
OCR_MODES = ("auto", "always", "never")
DEFAULT_OCR = "auto"
OCR_INSTALL = "pip install 'govextract[ocr]'"


def ocr_available() -> bool:
    """Whether the OCR extra is installed (looked up, not imported: the models load on first use)."""
    from importlib.util import find_spec

    return find_spec("rapidocr_onnxruntime") is not None


__all__ = ["DEFAULT_OCR", "DEFAULT_PDF_BACKEND", "OCR_INSTALL", "OCR_MODES", "PDF_BACKENDS", "ocr_available"]
