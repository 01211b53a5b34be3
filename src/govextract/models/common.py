"""Shared scalars and labels of the output contract."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Offset = Annotated[int, Field(ge=0, description="Python string index into Document.text")]
PageNumber = Annotated[int, Field(ge=1, description="1-based page number in the source PDF")]
BBox = Annotated[
    list[float],
    Field(min_length=4, max_length=4, description="[x0, top, x1, bottom] in PDF points"),
]


class Model(BaseModel):
    """Base for every output model: unknown fields are an error, enums serialise as values."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True, frozen=False)


class SourceFormat(str, Enum):
    txt = "txt"
    md = "md"
    pdf = "pdf"
    docx = "docx"
    html = "html"


class PlaceLevel(str, Enum):
    country = "country"
    macro_region = "macro_region"
    bloc = "bloc"
    province = "province"
    city = "city"
    county = "county"


class Region(str, Enum):
    """The national four-region division (东部/中部/西部/东北)."""

    east = "东部地区"
    central = "中部地区"
    west = "西部地区"
    northeast = "东北地区"


class Comparison(str, Enum):
    exact = "exact"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"
    about = "about"


class DocumentKind(str, Enum):
    """The genre of a report, as its title or its opening lines say."""

    government_work_report = "government_work_report"
    statistical_communique = "statistical_communique"
    budget_report = "budget_report"
    plan = "plan"
    policy = "policy"
    other = "other"


class SectionKind(str, Enum):
    """What a section holds, so that a reader can keep the body and leave the rest out: the
    report's own text, an appendix (附件, 附录), a glossary (名词解释), notes (注释, 注), or other
    back matter (资料来源, 参考文献). A section nested in one has its kind."""

    body = "body"
    appendix = "appendix"
    glossary = "glossary"
    notes = "notes"
    back_matter = "back_matter"


class FurnitureKind(str, Enum):
    header = "header"
    footer = "footer"
    page_number = "page_number"
