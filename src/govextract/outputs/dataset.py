"""The corpus dataset: every converted document upserted into one SQLite file (stdlib only).

Tables are long format, one row per section, paragraph, entity, furniture line or table,
keyed by ``doc_id`` (the source's path as given to the batch), ready for pandas, R or SQL.
Re-converting a document replaces all its rows in one transaction."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..facts.panel_table import COLUMNS as PANEL_COLUMNS
from ..facts.panel_table import panel_rows
from ..models import Document
from .csv import INDICATOR_COLUMNS, indicator_rows, section_paths

DB_NAME = "govextract.sqlite"

COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "source", "format", "sha256", "bytes", "encoding", "pages", "title", "publisher",
                  "date", "region_code", "region_name", "year", "kind", "govextract_version", "gazetteer",
                  "n_sections", "n_entities", "text"],
    "sections": ["doc_id", "id", "number", "title", "level", "parent", "path", "start", "end", "page_start",
                 "page_end", "kind"],
    "paragraphs": ["doc_id", "id", "section", "section_path", "page", "start", "end", "text"],
    "entities": ["doc_id", "id", "type", "text", "start", "end", "section", "section_path", "page", "value",
                 "unit", "comparison", "name", "level", "province", "region", "adcode", "ambiguous",
                 "date_start", "date_end"],
    "furniture": ["doc_id", "page", "kind", "text"],
    "tables": ["doc_id", "id", "page", "caption", "n_rows", "rows_json"],
    "indicators": ["doc_id", *[c for c in INDICATOR_COLUMNS if c != "doc"]],
    "findings": ["doc_id", "kind", "message", "section", "entities"],
    "panel": ["doc_id", *PANEL_COLUMNS],
}
_KEYS = {"documents": "doc_id", "sections": "doc_id, id", "paragraphs": "doc_id, id", "entities": "doc_id, id",
         "indicators": "doc_id, id"}


def connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    # In WAL mode, NORMAL keeps the file consistent through any crash and skips a sync per
    # document; a power cut can lose the last documents written (`extract --force` redoes them).
    con.execute("PRAGMA synchronous=NORMAL")
    for table, cols in COLUMNS.items():
        key = f", PRIMARY KEY ({_KEYS[table]})" if table in _KEYS else ""
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)}{key})")
        have = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
        for col in cols:  # a dataset from an older version gains the new columns, empty for its rows
            if col not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {col}")
        if table in _KEYS:  # the key starts with doc_id and serves as its index (older datasets had both)
            con.execute(f"DROP INDEX IF EXISTS {table}_doc")
        else:
            con.execute(f"CREATE INDEX IF NOT EXISTS {table}_doc ON {table}(doc_id)")
    return con


def rows_of(doc_id: str, doc: Document) -> dict[str, list[dict[str, Any]]]:
    paths = section_paths(doc.sections)
    src = doc.source
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [{
            "doc_id": doc_id, "source": src.name, "format": src.format, "sha256": src.sha256, "bytes": src.bytes,
            "encoding": src.encoding, "pages": src.pages, "title": doc.metadata.title,
            "publisher": doc.metadata.publisher, "date": doc.metadata.date,
            "region_code": doc.metadata.region.code if doc.metadata.region else None,
            "region_name": doc.metadata.region.name if doc.metadata.region else None,
            "year": doc.metadata.year, "kind": doc.metadata.kind,
            "govextract_version": doc.generator.version, "gazetteer": doc.generator.gazetteer,
            "n_sections": len(doc.sections), "n_entities": len(doc.entities), "text": doc.text,
        }],
        "sections": [{"doc_id": doc_id, **s.model_dump(), "path": paths[s.id]} for s in doc.sections],
        "paragraphs": [{"doc_id": doc_id, **p.model_dump(), "section_path": paths.get(p.section or "", ""),
                        "text": doc.text[p.start:p.end]} for p in doc.paragraphs],
        "entities": [],
        "furniture": [{"doc_id": doc_id, **f.model_dump()} for f in doc.furniture],
        "tables": [{"doc_id": doc_id, "id": t.id, "page": t.page, "caption": t.caption, "n_rows": len(t.rows),
                    "rows_json": json.dumps(t.rows, ensure_ascii=False)} for t in doc.tables],
    }
    out["indicators"] = [{"doc_id": doc_id, **r} for r in indicator_rows(doc)]
    out["panel"] = [{"doc_id": doc_id, **r} for r in panel_rows([doc])]
    out["findings"] = [{"doc_id": doc_id, "kind": f.kind, "message": f.message, "section": f.section,
                        "entities": " ".join(f.entities)} for f in doc.findings]
    for e in doc.entities:
        row = {"doc_id": doc_id, **e.model_dump(exclude={"bbox", "members", "candidates"})}
        row["section_path"] = paths.get(e.section or "", "")
        out["entities"].append(row)
    return out


Rows = dict[str, list[tuple[Any, ...]]]


def table_rows(doc_id: str, doc: Document) -> Rows:
    """Every row ``doc`` puts in the dataset, as tuples in column order (cheap to send between processes)."""
    return {table: [tuple(r.get(c) for c in COLUMNS[table]) for r in rows]
            for table, rows in rows_of(doc_id, doc).items()}


def replace_rows(con: sqlite3.Connection, doc_id: str, rows: Rows) -> None:
    """Replace everything stored for ``doc_id`` with ``rows``, atomically."""
    with con:  # one transaction: a crash leaves the old rows or the new, never a mix
        for table, cols in COLUMNS.items():
            con.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            if rows.get(table):
                marks = ", ".join("?" for _ in cols)
                con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows[table])


def stored_documents(db: Path) -> dict[str, str]:
    """doc_id -> sha256 of every document in the dataset at ``db`` (empty when there is none)."""
    if not db.is_file():
        return {}
    with closing(sqlite3.connect(db)) as con:
        try:
            return dict(con.execute("SELECT doc_id, sha256 FROM documents"))
        except sqlite3.Error:  # not a dataset, or an unfinished one: nothing counts as stored
            return {}


def _iter_rows(con: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    yield from con.execute(f"SELECT {', '.join(COLUMNS[table])} FROM {table} ORDER BY rowid")


def export_db(db: Path, fmt: str, out_dir: Path) -> list[Path]:
    """Write every table of the corpus dataset as ``out_dir/<table>.<csv|parquet|jsonl>``."""
    if not db.is_file():
        raise UsageError("no such dataset (convert files first with `govextract extract`)", str(db))
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with closing(sqlite3.connect(db)) as con:
        for table, cols in COLUMNS.items():
            path = out_dir / f"{table}.{fmt}"
            if fmt == "csv":
                with path.open("w", encoding="utf-8", newline="") as f:
                    w = csv.writer(f, lineterminator="\n")
                    w.writerow(cols)
                    w.writerows(["" if v is None else v for v in r] for r in _iter_rows(con, table))
            elif fmt == "jsonl":
                with path.open("w", encoding="utf-8") as f:
                    for r in _iter_rows(con, table):
                        f.write(json.dumps(dict(zip(cols, r, strict=True)), ensure_ascii=False) + "\n")
            elif fmt == "parquet":
                try:
                    import pyarrow as pa
                    import pyarrow.parquet as pq
                except ImportError as exc:
                    raise UsageError("Parquet needs the optional extra: pip install 'govextract[parquet]'") from exc
                data = list(_iter_rows(con, table))
                columns = {c: [r[i] for r in data] for i, c in enumerate(cols)}
                pq.write_table(pa.table(columns), path)
            else:
                raise UsageError(f"unknown format {fmt!r}; choose csv, parquet or jsonl")
            written.append(path)
    return written
