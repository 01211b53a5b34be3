"""Writers, one module per format, chosen by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..models import Document
from .csv import write_csv
from .json import to_json, to_json_line, write_json

Writer = Callable[[Document, Path, str], list[Path]]

EXPORTERS: dict[str, Writer] = {"json": write_json, "csv": write_csv}


def export(doc: Document, out_dir: Path, stem: str, formats: tuple[str, ...] = ("json", "csv")) -> list[Path]:
    """Write ``doc`` in each of ``formats`` under ``out_dir`` and return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for f in formats:
        written += EXPORTERS[f](doc, out_dir, stem)
    return written


__all__ = ["EXPORTERS", "export", "to_json", "to_json_line"]
