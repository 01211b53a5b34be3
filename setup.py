"""The one thing pyproject.toml cannot say: an optional C extension.

``govextract.ingest._pdfium_reader`` reads a PDF page's characters from PDFium in one call
(``--pdf-backend pdfium``). Where it cannot be compiled the install goes on without it, and
the same reader runs in pure Python, slower but giving the same result."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "govextract.ingest._pdfium_reader",
            sources=["src/govextract/ingest/_pdfium_reader.c"],
            optional=True,
        )
    ]
)
