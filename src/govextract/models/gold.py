"""The gold format: a hand-checked annotation of one report, to score an output against.

A gold file lists what a careful reader finds in the report: its sections, quantities (with
what each measures and whether it is a target), places, periods, organisations and initiatives,
and ``windows``: passages in which *every* organisation, initiative and quantity is listed, so
that precision can be judged there as well as recall. ``govextract evaluate`` scores an output
against it; ``schemas/gold.schema.json`` is generated from these models.

Names are compared after NFKC folding with white space and ``*`` removed, so a gold file need
not copy the report's full-width or spacing exactly.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Comparison, Model

GOLD_SCHEMA_NAME = "govextract.Gold"
GOLD_SCHEMA_VERSION = "1.0"


class GoldSource(Model):
    source: str = Field(description="File name of the report (matched with the output's source.name)")
    format: str | None = Field(None, description="txt, md, pdf, docx or html")
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    first_heading: str | None = None


class GoldSection(Model):
    number: str | None = Field(description="Numbering token as the output writes it (五, 5.1, （一）), or null")
    level: int = Field(ge=1)
    title: str


class GoldQuantity(Model):
    text: str = Field(description="The figure as written (5.2%, 2400多亿元); matched when either contains the other")
    section: str = Field(description="Number (or title, for an unnumbered section) of the innermost section")
    value: float = Field(description="Value after scaling 万/亿 and converting Chinese numerals")
    unit: str
    comparison: Comparison
    occurrence: int | None = Field(None, ge=1, description="Which occurrence of `text` is meant, when it recurs")
    measures: str | None = Field(None, description="What the figure measures; a trailing （目标） marks a target")
    status: Literal["achieved", "target"] | None = None
    about: list[str] = Field(default_factory=list, description="Places the figure is about")


class GoldCity(Model):
    province: str
    mentions: int | None = Field(None, ge=1, description="How often the city is mentioned (default: found once)")
    sections: list[str] | None = Field(None, description="Every section the city is mentioned in")


class GoldPeriod(Model):
    text: str
    start: int | str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    end: int | str


class GoldRegionInconsistency(Model):
    city: str
    listed_under: str
    section: str
    province: str
    actual_region: str


class GoldWindow(Model):
    quote: str = Field(description="A passage of the report, copied exactly (white space aside)")
    organizations: list[str] | None = Field(None, description="Every organisation in the passage")
    initiatives: list[str] | None = Field(None, description="Every initiative or product in the passage")
    quantities: list[str] | None = Field(None, description="Every quantity in the passage")


class GoldDocument(Model):
    """One report's gold: each list may be empty or absent, and a row with nothing to judge is not scored."""

    document: GoldSource
    sections: list[GoldSection] = Field(default_factory=list)
    not_sections: list[str] = Field(default_factory=list, description="Lines that look like headings but are not")
    quantities: list[GoldQuantity] = Field(default_factory=list)
    cities: dict[str, GoldCity] = Field(default_factory=dict)
    provinces: list[str] = Field(default_factory=list)
    macro_regions: list[str] = Field(default_factory=list)
    regional_blocs: list[str] = Field(default_factory=list)
    places_exhaustive: bool = Field(True, description="Every place is listed, so that place precision is judged")
    periods: list[GoldPeriod] = Field(default_factory=list)
    organizations: list[str] = Field(default_factory=list)
    initiatives_must_find: list[str] = Field(default_factory=list)
    products_must_find: list[str] = Field(default_factory=list)
    not_initiatives: list[str] = Field(default_factory=list)
    windows: list[GoldWindow] = Field(default_factory=list)
    enumerated_points: dict[str, int] = Field(default_factory=dict, description="Section number → points in it")
    numbered_items: dict[str, int] = Field(default_factory=dict, description="Back-matter title → items in it")
    region_inconsistencies: list[GoldRegionInconsistency] = Field(default_factory=list)


PANEL_KINDS = ("government_work_report", "statistical_communique", "budget_report", "plan", "policy", "other")


class PanelGoldDocument(Model):
    source: str = Field(description="File name of the report (matched with the panel's source by file name)")
    region_code: str = Field(pattern=r"^\d{6}$", description="The issuing jurisdiction; 100000 for the nation")
    region_name: str
    year: int
    kind: Literal["government_work_report", "statistical_communique", "budget_report", "plan", "policy", "other"]
    judged_years: list[int] = Field(description="The years whose cells are listed exhaustively")


class PanelGoldCell(Model):
    indicator: str
    kind: Literal["level", "growth"]
    year: int
    status: Literal["achieved", "target"]
    value: float
    value_max: float | None = None
    unit: str
    comparison: Comparison
    text: str = Field(description="The words of the report that state it")


class PanelGold(Model):
    """Hand-read panel cells of one report (``*.panel.json``): every headline figure it states for
    its own jurisdiction in the judged years."""

    document: PanelGoldDocument
    cells: list[PanelGoldCell]
