"""Stage 5, outputs: a :class:`~govextract.models.Document` in; files out, one module per format.

- :mod:`.json` and :mod:`.csv`: one document's outputs, chosen by name in :data:`EXPORTERS`
  (``--format``);
- :mod:`.dataset`: the corpus dataset, every document upserted into one SQLite file, and its
  tables written as CSV, Parquet or JSON Lines (``govextract export``);
- :mod:`.review`: a self-contained HTML page to review one document (``govextract review``);
- :mod:`.schema`: the JSON Schema of the document and of the gold files, generated from the
  models (``govextract schema``; ``schemas/`` holds the committed copy).

The document model is the only input: outputs never look back at the text's source.
"""

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
