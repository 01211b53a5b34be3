"""Pydantic models: the only contract between stages, and the output schema."""

from .common import BBox, Comparison, FurnitureKind, PlaceLevel, Region, SourceFormat
from .document import (
    SCHEMA_NAME,
    SCHEMA_VERSION,
    Document,
    Furniture,
    Generator,
    Metadata,
    Page,
    Paragraph,
    Point,
    Section,
    Source,
    Table,
)
from .entities import Entity, Initiative, Organization, Period, Place, Quantity

__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "BBox",
    "Comparison",
    "Document",
    "Entity",
    "Furniture",
    "FurnitureKind",
    "Generator",
    "Initiative",
    "Metadata",
    "Organization",
    "Page",
    "Paragraph",
    "Period",
    "Place",
    "PlaceLevel",
    "Point",
    "Quantity",
    "Region",
    "Section",
    "Source",
    "SourceFormat",
    "Table",
]
