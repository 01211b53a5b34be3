"""Typed entities: one model per kind, told apart by ``type``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .common import BBox, Comparison, Model, Offset, PageNumber, PlaceLevel, Region


class EntityBase(Model):
    id: str
    text: str = Field(description="Surface text, always equal to Document.text[start:end]")
    start: Offset
    end: Offset
    section: str | None = Field(None, description="Id of the innermost section holding the entity")
    page: PageNumber | None = None
    bbox: BBox | None = None


class Place(EntityBase):
    type: Literal["place"] = "place"
    name: str | None = Field(description="Official full name (深圳 → 深圳市); null when ambiguous")
    level: PlaceLevel
    adcode: str | None = Field(None, description="6-digit administrative division code")
    province: str | None = None
    region: Region | None = None
    members: list[str] = Field(default_factory=list, description="What a bloc or macro-region covers")
    ambiguous: bool = Field(False, description="More than one division carries this name")
    candidates: list[str] = Field(default_factory=list, description="'adcode name' of each reading")


class Quantity(EntityBase):
    type: Literal["quantity", "percentage"]
    value: float = Field(description="Number after scaling 万/亿 and converting Chinese numerals")
    unit: str
    comparison: Comparison
    value_max: float | None = Field(None, description="Upper end of a range (5%—5.5%, 2—4家), whose lower end is value")


class Period(EntityBase):
    type: Literal["period"] = "period"
    date_start: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD; empty for a relative year (今年, 上年) "
                                        "in a report whose year is not known")
    date_end: str = Field(description="As date_start")


class Organization(EntityBase):
    type: Literal["organization"] = "organization"
    name: str = Field(description="Canonical name (发改委 → 国家发展和改革委员会)")


class Initiative(EntityBase):
    type: Literal["initiative", "product"]
    name: str


Entity = Annotated[Place | Quantity | Period | Organization | Initiative, Field(discriminator="type")]
