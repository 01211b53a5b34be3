"""Long-format CSV tables (UTF-8) of sections and entities, ready for pandas or R."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..models import Document, Section

SECTION_COLUMNS = ["doc", "id", "number", "title", "level", "parent", "path", "start", "end", "page_start", "page_end",
                   "kind"]
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


INDICATOR_COLUMNS = [
    "doc", "report_date", "id", "section_path", "page", "quantity_text", "measure", "value", "unit", "comparison",
    "status", "places", "provinces", "regions", "period", "sentence",
]


def indicator_rows(doc: Document) -> list[dict[str, Any]]:
    """One row per indicator, long format, for panel data: what, how much, where, when, in which part."""
    paths = section_paths(doc.sections)
    by_id = {e.id: e for e in doc.entities}
    rows = []
    for ind in doc.indicators:
        q = by_id[ind.quantity]
        places = [by_id[p] for p in ind.places]

        def names(attr: str, ps: list[Any] = places) -> str:
            return "、".join(dict.fromkeys(v for p in ps if (v := getattr(p, attr, None))))

        period = by_id[ind.period] if ind.period else None
        rows.append({
            "doc": doc.source.name, "report_date": doc.metadata.date, "id": ind.id,
            "section_path": paths.get(q.section or "", ""), "page": q.page, "quantity_text": q.text,
            "measure": ind.measure, "value": getattr(q, "value", None), "unit": getattr(q, "unit", None),
            "comparison": getattr(q, "comparison", None), "status": ind.status,
            "places": "、".join(getattr(p, "name", None) or p.text for p in places),
            "provinces": names("province"), "regions": names("region") or ind.region,
            "period": period.text if period else None,
            "sentence": doc.text[ind.sentence.start:ind.sentence.end],
        })
    return rows


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
    ip = out_dir / f"{stem}.indicators.csv"
    _write(ip, INDICATOR_COLUMNS, indicator_rows(doc))
    written = [sp, ep, ip]
    for t in doc.tables:
        tp = out_dir / f"{stem}.table-{t.id}.csv"
        with tp.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows([["" if c is None else c for c in row] for row in t.rows])
        written.append(tp)
    return written
