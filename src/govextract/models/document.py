"""The root document model: what one run of the pipeline produces."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Comparison, DocumentKind, FurnitureKind, Model, Offset, PageNumber, SectionKind, SourceFormat
from .entities import Entity

SCHEMA_NAME = "govextract.Document"
SCHEMA_VERSION = "1.1"


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


class Jurisdiction(Model):
    """A division of the People's Republic: the nation (100000), a province, a city or a county."""

    code: str = Field(pattern=r"^\d{6}$", description="Six-digit administrative division code; 100000 for the nation")
    name: str = Field(description="Official full name (全国 for the nation)")
    level: Literal["country", "province", "city", "county"]


class Metadata(Model):
    title: str | None = None
    publisher: str | None = None
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD, as the report states it")
    region: Jurisdiction | None = Field(None, description="The issuing jurisdiction, read from the title, the "
                                                          "government it speaks for or its issuer; null when "
                                                          "the text does not say")
    year: int | None = Field(None, description="The year the report is about: 2026年政府工作报告 → 2026, "
                                               "2025年…统计公报 → 2025")
    kind: DocumentKind | None = Field(None, description="The genre, from the title or the opening lines")


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
    kind: SectionKind = Field(
        default=SectionKind.body, validate_default=True,
        description="body, or back matter to leave out: appendix, glossary, notes, back_matter")


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
    code: str | None = Field(None, description="The headline indicator it states (gdp, cpi …), from the vocabulary")
    kind: Literal["level", "growth"] | None = Field(None, description="A level, or a change over the year before")
    year: int | None = Field(None, description="The year the figure is about")
    scope: str | None = Field(None, description="Six-digit code of the jurisdiction the figure is about")


class PanelCell(Model):
    """One headline figure of the report: an indicator of the vocabulary, for a jurisdiction and a
    year, as a target or an outcome, traced to its words (``Document.text[start:end]``)."""

    id: str
    indicator: str | None = Field(description="Id of the indicator (and so of the quantity) it comes from")
    code: str = Field(description="Indicator code of the vocabulary: gdp, cpi, new_urban_jobs …")
    kind: Literal["level", "growth"]
    year: int | None
    status: Literal["achieved", "target"] | None
    value: float = Field(description="In the base unit (元, 人, 吨 or 斤, %); a fall is negative")
    value_max: float | None = None
    unit: str
    comparison: Comparison
    scope: str | None = Field(description="Six-digit code of the jurisdiction it is about")
    scope_name: str | None = None
    start: Offset
    end: Offset
    sentence: CharRange
    page: PageNumber | None = None


class Finding(Model):
    """Something a researcher would check by hand: an inconsistency in the report itself."""

    kind: Literal["region_mismatch", "conflicting_values", "period_reversed"]
    message: str
    entities: list[str]
    section: str | None


class Document(Model):
    schema_name: Literal["govextract.Document"] = "govextract.Document"
    schema_version: Literal["1.1"] = "1.1"
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
    panel: list[PanelCell] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
