"""Scoring a panel against panel gold (``*.panel.json``): recall, precision and F1 per report, as
``tools/score_panel.py`` defines them (a test holds the two equal).

For each gold file the panel rows of its report whose region is the report's own, whose
indicator is in the vocabulary and whose year is judged, are judged: a gold cell is found when a
row has its indicator, kind, year and status and the same value (after unit conversion, and the
same comparison class); a row is good when it is some cell; a row that states a gold cell's
value more coarsely (至少6万亿 beside 62661亿) is not judged."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import EvaluationError
from ..models.gold import PanelGold

CLASS = {"exact": "exact", "about": "about", "at_least": "at_least", "more_than": "at_least",
         "at_most": "at_most", "less_than": "at_most"}
MASS = {"吨": 1000.0, "公斤": 1.0, "千克": 1.0, "kg": 1.0, "斤": 0.5, "克": 0.001}

Row = dict[str, Any]
Key = tuple[Any, Any, int | None, Any]


@dataclass
class PanelScore:
    name: str
    recall: float
    precision: float
    f1: float
    cells: int
    found: int
    rows: int
    good_rows: int
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def judged_codes() -> frozenset[str]:
    """The indicator codes a panel gold judges: the bundled vocabulary's (the panel README's 21)."""
    from ..facts.vocabulary import load_vocabulary

    return frozenset(load_vocabulary().indicators)


def _base(value: Any, unit: Any) -> tuple[float | None, str]:
    unit = (unit or "").strip() if isinstance(unit, str) else ""
    if value is None or value == "":
        return None, unit
    v = float(value)
    if unit in MASS:
        return v * MASS[unit], "kg"
    if unit in ("人民币", "元人民币"):
        return v, "元"
    return v, unit


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _cls(x: Row) -> str | None:
    return CLASS.get(x.get("comparison") or "exact")


def same_value(row: Row, cell: Row) -> bool:
    a, ua = _base(row.get("value"), row.get("unit"))
    b, ub = _base(cell.get("value"), cell.get("unit"))
    if ua != ub or not _close(a, b):
        return False
    if not _close(_base(row.get("value_max"), row.get("unit"))[0], _base(cell.get("value_max"), cell.get("unit"))[0]):
        return False
    return _cls(row) == _cls(cell)


def consistent(row: Row, cell: Row) -> bool:
    """The row states a bound or an approximation that the gold cell's value satisfies."""
    a, ua = _base(row.get("value"), row.get("unit"))
    b, ub = _base(cell.get("value"), cell.get("unit"))
    if a is None or b is None or ua != ub or row.get("value_max") not in (None, ""):
        return False
    c = _cls(row)
    return (c == "at_least" and a <= b) or (c == "at_most" and a >= b) or (c == "about" and abs(a - b) <= 0.05 * abs(b))


def key(x: Row) -> Key:
    try:
        year: int | None = int(float(x.get("year")))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        year = None
    return (x.get("indicator"), x.get("kind"), year, x.get("status"))


def _text(x: Any) -> str:
    return "" if x is None else str(x)


def score_panel_document(gold: PanelGold, rows: list[Row]) -> PanelScore:
    doc = gold.document
    years = set(doc.judged_years)
    name = os.path.basename(doc.source)
    mine = [r for r in rows if os.path.basename(_text(r.get("source"))) == name]
    judged = [r for r in mine if _text(r.get("region_code")).strip() == doc.region_code
              and r.get("indicator") in judged_codes() and key(r)[2] in years]
    cells = [c.model_dump() for c in gold.cells]
    hit = [c for c in cells if any(key(r) == key(c) and same_value(r, c) for r in judged)]
    distinct: dict[tuple[Any, ...], Row] = {}
    for r in judged:
        a, u = _base(r.get("value"), r.get("unit"))
        distinct.setdefault((key(r), round(a, 6) if a is not None else None, u, _cls(r)), r)
    good = [r for r in distinct.values() if any(key(r) == key(c) and same_value(r, c) for c in cells)]
    for k in [k for k, r in distinct.items()
              if not any(r is g for g in good) and any(key(r) == key(c) and consistent(r, c) for c in cells)]:
        del distinct[k]  # a coarser restatement of a gold cell is true but not the cell: not judged
    rec = len(hit) / len(cells) if cells else 1.0
    prec = len(good) / len(distinct) if distinct else (1.0 if not cells else 0.0)
    f1 = 2 * rec * prec / (rec + prec) if rec + prec else 0.0
    missed = [f"{c['indicator']}/{c['kind']} {c['year']} {c['status']}: {c['value']}{c['unit']} {c['comparison']}"
              f"  «{c['text']}»" for c in cells if not any(c is h for h in hit)]
    extra = [f"{r.get('indicator')}/{r.get('kind')} {r.get('year')} {r.get('status')}: {r.get('value')}"
             f"{r.get('unit')} {r.get('comparison')}  «{_text(r.get('text') or r.get('sentence'))[:60]}»"
             for r in distinct.values() if not any(r is g for g in good)]
    return PanelScore(name=name, recall=rec, precision=prec, f1=f1, cells=len(cells), found=len(hit),
                      rows=len(distinct), good_rows=len(good), missed=missed, extra=extra)


def load_panel_gold(path: str | Path) -> PanelGold:
    try:
        return PanelGold.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise EvaluationError(f"not a panel gold file: {exc}", str(path)) from exc


def panel_gold_files(path: str | Path) -> list[Path]:
    p = Path(path)
    return sorted(p.glob("*.panel.json")) if p.is_dir() else [p]


def score_panel(rows: list[Row], gold: str | Path) -> list[PanelScore]:
    """Each panel gold file under ``gold`` scored against ``rows``."""
    return [score_panel_document(load_panel_gold(g), rows) for g in panel_gold_files(gold)]


def is_panel_gold(path: str | Path) -> bool:
    """A panel gold file, or a folder holding some (and no document gold)."""
    p = Path(path)
    if p.is_file():
        return p.name.endswith(".panel.json")
    return p.is_dir() and any(p.glob("*.panel.json")) and not any(p.rglob("*.gold.json"))


def panel_of(output: str | Path) -> list[Row]:
    """The panel rows of an output folder (or document JSON), or of a panel CSV."""
    import csv

    from ..outputs.panel import read_panel

    p = Path(output)
    if not p.exists():
        raise EvaluationError("no such file or folder", str(p))
    if p.is_file() and p.suffix.lower() == ".csv":
        with p.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    return read_panel([p])


def evaluate_panel(output: str | Path, gold: str | Path) -> list[PanelScore]:
    files = panel_gold_files(gold)
    if not files:
        raise EvaluationError("no panel gold files (*.panel.json) in the folder", str(gold))
    return [score_panel_document(load_panel_gold(g), panel_of(output)) for g in files]


def panel_mean(scores: list[PanelScore]) -> float:
    return sum(s.f1 for s in scores) / len(scores) if scores else 0.0


def panel_report_text(scores: list[PanelScore]) -> str:
    lines: list[str] = []
    for s in scores:
        lines.append(f"{s.name}: recall {s.found}/{s.cells}, precision {s.good_rows}/{s.rows}, F1 {s.f1:.3f}")
        lines += [f"   missed  {m}" for m in s.missed] + [f"   extra   {x}" for x in s.extra]
    lines.append(f"score: {panel_mean(scores):.3f}")
    return "\n".join(lines) + "\n"


def panel_report_json(scores: list[PanelScore]) -> str:
    docs = {s.name: {"recall": s.recall, "precision": s.precision, "f1": s.f1, "cells": s.cells, "found": s.found,
                     "rows": s.rows, "good_rows": s.good_rows} for s in scores}
    return json.dumps({"score": panel_mean(scores), "documents": docs}, ensure_ascii=False, indent=1) + "\n"


def panel_report_markdown(scores: list[PanelScore]) -> str:
    lines = ["# Panel accuracy", "",
             "Written by `make eval`: the panel of the development documents against the panel gold",
             "(`../shared/golden/panel`), as `tools/score_panel.py` scores it.", "",
             "| document | recall | precision | F1 |", "|---|---|---|---|"]
    lines += [f"| {s.name} | {s.found}/{s.cells} | {s.good_rows}/{s.rows} | {s.f1:.3f} |" for s in scores]
    lines += [f"| **mean** | | | **{panel_mean(scores):.3f}** |", ""]
    return "\n".join(lines)
