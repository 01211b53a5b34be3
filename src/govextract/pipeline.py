"""One run: ingest → normalize → segment → extract → Document."""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .extract import page_lookup, to_entities
from .gazetteer import load_gazetteer
from .ingest import RawDocument, ingest
from .ingest.base import sha256_of
from .metadata import find_metadata
from .models import Document, Generator, Page, Source, SourceFormat
from .nlp import find_entities
from .normalize import normalize
from .segment import segment


def _layout_hints(raw: RawDocument, to_clean: dict[int, int]) -> dict[int, bool]:
    """Per clean line start: does the PDF's typography say this line is a heading?"""
    if not raw.line_styles or not raw.body_size:
        return {}
    out: dict[int, bool] = {}
    for st in raw.line_styles:
        clean = to_clean.get(st.start)
        if clean is not None:
            out[clean] = st.bold or st.size > raw.body_size + 0.5
    return out


def extract_raw(raw: RawDocument) -> Document:
    """Run everything after ingestion on ``raw``."""
    fmt = raw.source.format
    norm = normalize(raw.text, markdown=fmt in (SourceFormat.txt, SourceFormat.md))
    text = norm.text
    pages = [
        Page(number=p.number, start=norm.offsets.from_raw(p.start), end=norm.offsets.from_raw(p.end))
        for p in raw.pages
    ]
    hints: dict[int, bool] = {}
    if raw.line_styles:
        to_clean = {st.start: norm.offsets.from_raw(st.start) for st in raw.line_styles}
        hints = _layout_hints(raw, to_clean)
    seg = segment(text, norm.markdown_headings, hints)
    page_at = page_lookup([p.start for p in pages], [p.number for p in pages]) if pages else None
    entities = to_entities(text, find_entities(text), seg.section_at, page_at)
    if page_at:
        for s in seg.sections:
            s.page_start = page_at(s.start)
            s.page_end = page_at(max(s.start, s.end - 1))
        for para in seg.paragraphs:
            para.page = page_at(para.start)
    return Document(
        generator=Generator(version=__version__, gazetteer=load_gazetteer().description),
        source=raw.source,
        metadata=find_metadata(text, seg.sections, entities),
        text=text,
        pages=pages,
        sections=seg.sections,
        paragraphs=seg.paragraphs,
        points=seg.points,
        entities=entities,
        furniture=list(raw.furniture),
        tables=list(raw.tables),
        warnings=list(raw.warnings),
    )


def extract_file(path: str | Path) -> Document:
    """Read one file (``.txt``, ``.md``, ``.pdf``) and extract its structure and entities."""
    return extract_raw(ingest(path))


def extract_text(text: str, name: str = "text.txt") -> Document:
    """Extract from a string, as if it were the UTF-8 text file ``name``."""
    data = text.encode("utf-8")
    source = Source(name=name, format=SourceFormat.txt, sha256=sha256_of(data), bytes=len(data), encoding="utf-8")
    return extract_raw(RawDocument(source=source, text=text))


__all__ = ["extract_file", "extract_raw", "extract_text"]
