"""Many reports as one panel: their cells as long rows (one per figure per report), or wide
(one row per region, year and status, a column per indicator and kind).

In the wide form a column with two different values for one row, from one report or from two,
is left empty and named in ``conflicts`` with each value and its report: never silently chosen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..models import Document
from .vocabulary import Vocabulary, load_vocabulary

COLUMNS = ("source", "doc_title", "doc_kind", "doc_year", "doc_region_code", "region_code", "region_name",
           "indicator", "indicator_name", "kind", "year", "status", "value", "value_max", "unit", "comparison",
           "text", "sentence", "page", "start", "end", "cell")
WIDE_KEYS = ("region_code", "region_name", "year", "status")
NATION = "100000"

Row = dict[str, Any]


def panel_rows(docs: Iterable[Document], vocab: Vocabulary | None = None) -> list[Row]:
    """One row per panel cell of each document, in the order given."""
    vocab = vocab or load_vocabulary()
    rows: list[Row] = []
    for doc in docs:
        meta = doc.metadata
        for c in doc.panel:
            d = vocab.indicators.get(c.code)
            name = (d.national_name if c.scope == NATION else d.name) if d else c.code
            rows.append({
                "source": doc.source.name, "doc_title": meta.title, "doc_kind": meta.kind, "doc_year": meta.year,
                "doc_region_code": meta.region.code if meta.region else None,
                "region_code": c.scope, "region_name": c.scope_name, "indicator": c.code, "indicator_name": name,
                "kind": c.kind, "year": c.year, "status": c.status, "value": c.value, "value_max": c.value_max,
                "unit": c.unit, "comparison": c.comparison, "text": doc.text[c.start:c.end],
                "sentence": doc.text[c.sentence.start:c.sentence.end], "page": c.page, "start": c.start,
                "end": c.end, "cell": c.id,
            })
    return rows


def readable(value: float | None, unit: str, comparison: str | None = None, value_max: float | None = None) -> str:
    """A value as a reader writes it: 6,001.30亿元, 5.5%左右, 5%—5.5%, 1,200万人以上."""
    if value is None:
        return ""

    def num(v: float) -> str:
        if unit in ("元", "人", "吨", "斤") and abs(v) >= 1e8:
            return f"{v / 1e8:,.2f}亿"
        if unit in ("元", "人", "吨", "斤") and abs(v) >= 1e6:
            return f"{v / 1e4:,.2f}万"
        return f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"

    text = num(value) + (f"{unit}—{num(value_max)}" if value_max is not None else "") + unit
    words = {"about": "左右", "at_least": "以上", "more_than": "以上", "at_most": "以内", "less_than": "以下"}
    return text + words.get(comparison or "", "")


def wide(rows: list[Row]) -> list[Row]:
    """One row per region, year and status; a column ``<indicator>_<kind>`` per figure, and
    ``<indicator>_<kind>_max`` beside it when some value is a range."""
    groups: dict[tuple[Any, ...], dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        groups[tuple(r[k] for k in WIDE_KEYS)][f"{r['indicator']}_{r['kind']}"].append(r)
    columns = sorted({col for g in groups.values() for col in g})
    # a range (5%—5.5%) keeps its upper end in <column>_max, beside the column
    ranged = {col for g in groups.values() for col, rs in g.items() if any(r["value_max"] is not None for r in rs)}
    out: list[Row] = []
    for key in sorted(groups, key=lambda k: tuple("" if v is None else str(v) for v in k)):
        cells = groups[key]
        row: Row = dict(zip(WIDE_KEYS, key, strict=True))
        conflicts: list[str] = []
        sources: set[str] = set()
        for col in columns:
            found = cells.get(col, [])
            values = {(r["value"], r["value_max"], r["comparison"]) for r in found}
            sources.update(r["source"] for r in found)
            if len(values) == 1:
                row[col] = found[0]["value"]
                if col in ranged:
                    row[f"{col}_max"] = found[0]["value_max"]
            else:
                row[col] = None
                if col in ranged:
                    row[f"{col}_max"] = None
                if values:
                    conflicts.append(f"{col}: " + " ≠ ".join(
                        f"{readable(r['value'], r['unit'], r['comparison'], r['value_max'])} ({r['source']})"
                        for r in found))
        row["sources"] = "; ".join(sorted(sources))
        row["conflicts"] = "; ".join(conflicts)
        out.append(row)
    return out
