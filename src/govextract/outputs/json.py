"""The document as one JSON file: the contract (see ``schemas/``)."""

from __future__ import annotations

from pathlib import Path

from ..models import Document


def to_json(doc: Document) -> str:
    return doc.model_dump_json(indent=1) + "\n"


def to_json_line(doc: Document) -> str:
    """The document on one line, for JSON Lines (``extract -o -``)."""
    return doc.model_dump_json() + "\n"


def write_json(doc: Document, out_dir: Path, stem: str) -> list[Path]:
    path = out_dir / f"{stem}.json"
    path.write_text(to_json(doc), encoding="utf-8")
    return [path]
