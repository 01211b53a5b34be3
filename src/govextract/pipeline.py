"""One run: ingest → normalize → segment → extract → Document."""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .data.gazetteer import load_gazetteer
from .entities import find_entities
from .entities.periods import date_relative
from .entities.typed import page_lookup, to_entities
from .errors import EmptyDocument
from .facts.context import document_context
from .facts.findings import find_findings, panel_conflicts
from .facts.link import link, section_regions
from .facts.panel import panel_cells
from .ingest import DEFAULT_OCR, DEFAULT_PDF_BACKEND, RawDocument, ingest
from .ingest.base import sha256_of
from .models import Document, Generator, Page, Source, SourceFormat
from .structure import OffsetMap, find_metadata, normalize, segment

_SURROGATE = re.compile("[\ud800-\udfff]")


def _layout_hints(raw: RawDocument, offsets: OffsetMap) -> dict[int, bool]:
    """Per clean line start: does the PDF's typography set this line apart as a heading?"""
    if not raw.body_size:
        return {}
    body = raw.body_size
    return {offsets.from_raw(st.start): st.bold or st.size > body + 0.5 for st in raw.line_styles}


def _locator(raw: RawDocument, offsets: OffsetMap) -> Callable[[int, int], tuple[int | None, list[float] | None]]:
    """(start, end) in clean text → the page of its first character and the box of its
    characters on that page, in PDF points."""

    def locate(start: int, end: int) -> tuple[int | None, list[float] | None]:
        raws = [offsets.to_raw(i) for i in range(start, end)]
        pages, boxes = raw.char_pages, raw.char_boxes
        page = pages[raws[0]] if raws and raws[0] < len(pages) else None
        real = [boxes[4 * j:4 * j + 4] for j in raws if j < len(pages) and 4 * j + 4 <= len(boxes) and pages[j] == page]
        real = [b for b in real if not math.isnan(b[0])]
        if not real:
            return page, None
        return page, [round(min(b[0] for b in real), 2), round(min(b[1] for b in real), 2),
                      round(max(b[2] for b in real), 2), round(max(b[3] for b in real), 2)]

    return locate


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, and restored as it was on the way out.

    Extraction builds tens of thousands of small objects that reference counting alone frees
    (a test holds that it leaves no reference cycle behind), so the collector's passes over
    them find nothing and cost about a tenth of a long report's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_raw(raw: RawDocument) -> Document:
    """Run everything after ingestion on ``raw`` (with the cyclic garbage collector paused)."""
    with gc_paused():
        return _extract_raw(raw)


def _extract_raw(raw: RawDocument) -> Document:
    fmt = raw.source.format
    norm = normalize(raw.text, markdown=fmt != SourceFormat.pdf)
    text = norm.text
    pages = [
        Page(number=p.number, start=norm.offsets.from_raw(p.start), end=norm.offsets.from_raw(p.end))
        for p in raw.pages
    ]
    seg = segment(text, norm.markdown_headings, _layout_hints(raw, norm.offsets))
    page_at = page_lookup([p.start for p in pages], [p.number for p in pages]) if pages else None
    locate = _locator(raw, norm.offsets) if raw.char_boxes else None
    entities = to_entities(text, find_entities(text), seg.section_at, locate)
    regions = section_regions(text, seg.sections, entities)
    indicators = link(text, seg.sections, entities, regions)
    findings = find_findings(text, entities, regions)
    metadata = find_metadata(text, seg.sections, entities)
    metadata = document_context(text, seg.sections, metadata.model_copy(update={
        "title": metadata.title or raw.title, "publisher": metadata.publisher or raw.publisher}))
    entities = date_relative(entities, metadata)  # 今年, 上年 … dated by the report's year
    panel = panel_cells(text, seg.sections, entities, indicators, metadata)
    findings += panel_conflicts(panel)
    if page_at:
        for s in seg.sections:
            s.page_start = page_at(s.start)
            s.page_end = page_at(max(s.start, s.end - 1))
        for para in seg.paragraphs:
            para.page = page_at(para.start)
    return Document(
        generator=Generator(version=__version__, gazetteer=load_gazetteer().description),
        source=raw.source,
        metadata=metadata,
        text=text,
        pages=pages,
        sections=seg.sections,
        paragraphs=seg.paragraphs,
        points=seg.points,
        entities=entities,
        indicators=indicators,
        panel=panel,
        findings=findings,
        furniture=list(raw.furniture),
        tables=list(raw.tables),
        warnings=list(raw.warnings),
    )


def extract_file(path: str | Path, password: str | None = None, pdf_backend: str = DEFAULT_PDF_BACKEND,
                 ocr: str = DEFAULT_OCR) -> Document:
    """Read one file (``.txt``, ``.md``, ``.pdf``, ``.docx``, ``.html``) and extract its structure and entities.

    ``ocr``: ``auto`` reads PDF pages without a usable text layer by OCR (with the extra
    ``govextract[ocr]``), ``always`` every page, ``never`` none."""
    return extract_raw(ingest(path, password, pdf_backend, ocr))


def extract_text(text: str, name: str = "text.txt") -> Document:
    """Extract from a string, as if it were the UTF-8 text file ``name``."""
    if not text.strip():
        raise EmptyDocument("the text is empty", name)
    warnings = []
    lone = len(_SURROGATE.findall(text))
    if lone:  # no UTF-8 file holds them, and the NLP cannot: each becomes U+FFFD, offsets unchanged
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(f"{lone} unpaired surrogate code point(s) replaced with U+FFFD: the string was not valid text")
    data = text.encode("utf-8")
    source = Source(name=name, format=SourceFormat.txt, sha256=sha256_of(data), bytes=len(data), encoding="utf-8")
    return extract_raw(RawDocument(source=source, text=text, warnings=warnings))


__all__ = ["extract_file", "extract_raw", "extract_text"]
