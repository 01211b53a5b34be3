"""What every reader hands to the rest of the pipeline."""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Sequence

from pydantic import Field, SkipValidation

from ..models import Furniture, Page, Source, Table
from ..models.common import Model


class LineStyle(Model):
    """Layout evidence for one line of text (PDF only): where it is and how it is set."""

    start: int = Field(ge=0, description="Offset of the line in RawDocument.text")
    end: int = Field(ge=0)
    size: float = Field(description="Dominant font size in points")
    bold: bool = False


class RawDocument(Model):
    """Decoded text of one input, before cleaning, with page provenance where known."""

    source: Source
    text: str
    pages: list[Page] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    line_styles: list[LineStyle] = Field(default_factory=list)
    body_size: float | None = Field(None, description="Most common font size of body text")
    title: str | None = Field(None, description="The title the file itself declares (a web page's <title>, "
                                                "without the site's name); the text's head may differ")
    publisher: str | None = Field(None, description="The issuer the file names apart from the report's signature "
                                                    "(a web page's 来源：/出处： line), organs only, joined with 、")
    char_boxes: SkipValidation[Sequence[float]] = Field(
        default_factory=lambda: array("f"), exclude=True,
        description="PDF box of each character of text, four float32 a character (NaN: inserted); "
                    "rounded to 0.01 pt in outputs, a coordinate may differ from a float64 reading in that last digit")
    char_pages: SkipValidation[Sequence[int]] = Field(
        default_factory=lambda: array("i"), exclude=True, description="Page number of each character of text")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

