"""Long-format CSV tables (UTF-8) of sections and entities, ready for pandas or R."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..models import Document, Section

SECTION_COLUMNS = ["doc", "id", "number", "title", "level", "parent", "path", "start", "end", "page_start", "page_end"]
ENTITY_COLUMNS = [
    "doc", "id", "type", "text", "start", "end", "section", "section_path", "page",
    "name", "level", "adcode", "province", "region", "ambiguous",
    "value", "unit", "comparison", "date_start", "date_end",
]


def section_paths(sections: list[Section]) -> dict[str, str]:
    """``五 > 5.1`` for each section id: the numbers (or titles) from the top down."""
    by_id = {s.id: s for s in sections}
    out: dict[str, str] = {}
    for s in sections:
        parts: list[str] = []
        cur: Section | None = s
        while cur is not None:
            parts.append(cur.number or cur.title or cur.id)
            cur = by_id.get(cur.parent) if cur.parent else None
        out[s.id] = " > ".join(reversed(parts))
    return out


def _write(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})


def write_csv(doc: Document, out_dir: Path, stem: str) -> list[Path]:
    paths = section_paths(doc.sections)
    name = doc.source.name
    sec_rows = [{"doc": name, **s.model_dump(), "path": paths[s.id]} for s in doc.sections]
    ent_rows = []
    for e in doc.entities:
        row = {"doc": name, **e.model_dump(exclude={"bbox", "members", "candidates"})}
        row["section_path"] = paths.get(e.section or "", "")
        ent_rows.append(row)
    sp, ep = out_dir / f"{stem}.sections.csv", out_dir / f"{stem}.entities.csv"
    _write(sp, SECTION_COLUMNS, sec_rows)
    _write(ep, ENTITY_COLUMNS, ent_rows)
    written = [sp, ep]
    for t in doc.tables:
        tp = out_dir / f"{stem}.table-{t.id}.csv"
        with tp.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows([["" if c is None else c for c in row] for row in t.rows])
        written.append(tp)
    return written
