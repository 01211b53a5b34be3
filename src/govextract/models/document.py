"""The root document model: what one run of the pipeline produces."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import FurnitureKind, Model, Offset, PageNumber, SourceFormat
from .entities import Entity

SCHEMA_NAME = "govextract.Document"
SCHEMA_VERSION = "1.0"


class Generator(Model):
    name: str = "govextract"
    version: str
    gazetteer: str = Field(description="Gazetteer package, version and the date of its data")


class OcrPage(Model):
    """How sure OCR was of one page it read: its lines' recognition confidences (0–1)."""

    page: PageNumber
    lines: int = Field(ge=0, description="Lines OCR read on the page")
    mean_confidence: float | None = Field(None, ge=0, le=1, description="Mean of its lines' confidences")
    min_confidence: float | None = Field(None, ge=0, le=1, description="Its least sure line's confidence")


class Source(Model):
    name: str
    format: SourceFormat
    sha256: str
    bytes: int
    encoding: str | None = None
    pages: int | None = None
    ocr_pages: list[PageNumber] = Field(default_factory=list,
                                        description="PDF pages whose text was read by OCR (no usable text layer)")
    ocr: list[OcrPage] = Field(default_factory=list, description="OCR confidence of each page in ocr_pages")


class Metadata(Model):
    title: str | None = None
    publisher: str | None = None
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD, as the report states it")


class Section(Model):
    id: str
    number: str | None = Field(description="Numbering token without punctuation: 五, 5.1, （一）, 第一章")
    title: str | None
    level: int = Field(ge=1)
    parent: str | None
    start: Offset
    end: Offset
    page_start: PageNumber | None = None
    page_end: PageNumber | None = None


class Paragraph(Model):
    id: str
    section: str | None
    start: Offset
    end: Offset
    page: PageNumber | None = None


class Point(Model):
    id: str
    section: str | None
    paragraph: str
    marker: str = Field(description="The enumerator as written: 一是, （1）, ①, 1.")
    ordinal: int = Field(ge=1)
    start: Offset
    end: Offset


class Page(Model):
    number: PageNumber
    start: Offset
    end: Offset


class Furniture(Model):
    page: PageNumber | None
    kind: FurnitureKind
    text: str


class Table(Model):
    id: str
    page: PageNumber | None = Field(None, description="Page of a PDF table; null for Word tables")
    bbox: list[float] | None = None
    caption: str | None = None
    rows: list[list[str | None]]


class CharRange(Model):
    start: Offset
    end: Offset


class Indicator(Model):
    """One quantity linked to what it measures and what it is about."""

    id: str
    quantity: str = Field(description="Id of the quantity or percentage entity")
    measure: str | None = Field(description="The noun phrase the quantity counts, as written")
    measure_span: CharRange | None = Field(None, description="Where the measure stands in the text")
    places: list[str] = Field(default_factory=list, description="Ids of the place entities it is about")
    region: str | None = Field(None, description="The section's macro-region when the sentence names no place; "
                                                 "全国 when the figure counts over the whole country")
    period: str | None = Field(None, description="Id of the period entity in the same sentence")
    status: Literal["achieved", "target"] | None = None
    sentence: CharRange


class Finding(Model):
    """Something a researcher would check by hand: an inconsistency in the report itself."""

    kind: Literal["region_mismatch", "conflicting_values", "share_over_100", "period_reversed"]
    message: str
    entities: list[str]
    section: str | None


class Document(Model):
    schema_name: Literal["govextract.Document"] = "govextract.Document"
    schema_version: Literal["1.0"] = "1.0"
    generator: Generator
    source: Source
    metadata: Metadata
    text: str
    pages: list[Page] = Field(default_factory=list)
    sections: list[Section]
    paragraphs: list[Paragraph]
    points: list[Point]
    entities: list[Entity]
    indicators: list[Indicator] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
