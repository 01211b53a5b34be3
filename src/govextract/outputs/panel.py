"""The panel as a file: CSV (UTF-8, no byte-order mark), Parquet or JSON Lines, long or wide;
and the panel read back from output folders or a SQLite dataset."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from ..errors import UsageError
from ..facts.panel_table import COLUMNS, Row
from ..models import SCHEMA_VERSION, Document

FORMATS = ("csv", "parquet", "jsonl")


def read_panel(paths: list[Path], vocabulary: str | None = None) -> list[Row]:
    """The panel rows of output folders (their document JSONs, cells recomputed when a user's
    ``vocabulary`` is given) and of SQLite datasets (their ``panel`` table), in the order given."""
    from ..facts.panel import panel_cells
    from ..facts.panel_table import panel_rows
    from ..facts.vocabulary import load_vocabulary

    vocab = load_vocabulary(vocabulary)
    rows: list[Row] = []
    for path in paths:
        if path.is_dir():
            docs = list(documents_in(path))
            if vocabulary:
                for d in docs:
                    d.panel = panel_cells(d.text, d.sections, d.entities, d.indicators, d.metadata, vocab)
            rows += panel_rows(docs, vocab)
        elif path.is_file() and path.suffix.lower() in (".sqlite", ".db", ".sqlite3"):
            if vocabulary:
                raise UsageError("--vocabulary recomputes cells from document JSONs: give output folders")
            rows += rows_from_db(path)
        elif path.is_file() and path.suffix.lower() == ".json":
            docs = list(documents_in(path))
            rows += panel_rows(docs, vocab)
        else:
            raise UsageError("not an output folder, a document JSON or a govextract.sqlite dataset", str(path))
    return rows


def documents_in(folder: Path) -> Iterator[Document]:
    """Every govextract document JSON under ``folder`` (other JSON files are passed over), or
    ``folder`` itself when it is one."""
    for path in [folder] if folder.is_file() else sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("schema_name") == "govextract.Document":
            if data.get("schema_version") != SCHEMA_VERSION:
                raise UsageError(f"written with schema {data.get('schema_version')}, before the panel: convert "
                                 f"it again with govextract extract", str(path))
            try:
                yield Document.model_validate(data)
            except ValidationError as exc:
                raise UsageError(f"not a valid govextract document: {exc}".splitlines()[0], str(path)) from exc


def rows_from_db(db: Path) -> list[Row]:
    """The ``panel`` table of a dataset, in the order it was filled."""
    with closing(sqlite3.connect(db)) as con:
        try:
            cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM panel ORDER BY rowid")
        except sqlite3.Error as exc:
            raise UsageError(f"not a govextract dataset with a panel table ({exc})", str(db)) from exc
        return [dict(zip(COLUMNS, r, strict=True)) for r in cur]


def format_of(target: str, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise UsageError(f"unknown panel format {fmt!r}; choose csv, parquet or jsonl")
        if target == "-" and fmt != "csv":
            raise UsageError(f"{fmt} cannot go to standard output; name a file")
        return fmt
    if target == "-":
        return "csv"
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError(f"cannot tell the format of {target!r}: name a .csv, .parquet or .jsonl file", target)
    return suffix


def _csv(rows: list[Row], columns: list[str], f: TextIO) -> None:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(columns)
    w.writerows(["" if r.get(c) is None else r.get(c) for c in columns] for r in rows)


def write_panel(rows: list[Row], columns: list[str], target: str, fmt: str) -> None:
    """Write ``rows`` to ``target`` (``-``: standard output, CSV only), whole or not at all."""
    if target == "-":
        if fmt != "csv":
            raise UsageError(f"{fmt} cannot go to standard output; name a file")
        _csv(rows, columns, sys.stdout)
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as f:
                _csv(rows, columns, f)
        elif fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n")
        else:
            try:
                import pyarrow as pa
                import pyarrow.parquet as pq
            except ImportError as exc:
                raise UsageError("Parquet needs the optional extra: pip install 'govextract[parquet]'") from exc
            data: dict[str, list[Any]] = {c: [r.get(c) for r in rows] for c in columns}
            pq.write_table(pa.table(data), tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
