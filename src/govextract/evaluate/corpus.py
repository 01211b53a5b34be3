"""Outputs and golds read from files or folders and matched by document name, scored, and
reported as text, JSON or a Markdown table (``govextract evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import EvaluationError
from ..models.gold import GoldDocument
from .document import GOLD_SUFFIX, DocumentScore, Json, score_document


def load_gold(path: str | Path) -> GoldDocument:
    """Read and validate a gold file; a malformed one is an :class:`EvaluationError` naming it."""
    p = Path(path)
    try:
        return GoldDocument.model_validate_json(p.read_bytes())
    except OSError as exc:
        raise EvaluationError(f"cannot read the gold file: {exc.strerror or exc}", str(p)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "(root)"
        raise EvaluationError(f"not a valid gold file: {where}: {first['msg']} ({exc.error_count()} error(s))",
                              str(p)) from exc


def load_output(path: str | Path) -> Json:
    """Read a document JSON written by ``govextract extract``."""
    p = Path(path)
    try:
        data: Json = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(f"cannot read the output: {exc.strerror or exc}", str(p)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"not a JSON document: {exc}", str(p)) from exc
    if not _is_document(data):
        raise EvaluationError("not a govextract document (no source, text and entities)", str(p))
    return data


def _is_document(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("source"), dict) and "text" in data and "entities" in data


def _outputs_in(folder: Path) -> dict[str, tuple[Path, Json]]:
    """Every document JSON below ``folder``, by its source name."""
    found: dict[str, tuple[Path, Json]] = {}
    for p in sorted(folder.rglob("*.json")):
        if p.name.endswith(GOLD_SUFFIX):
            continue
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        if _is_document(data):
            found.setdefault(str(data["source"].get("name")), (p, data))
    return found


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def evaluate(output: str | Path, gold: str | Path) -> list[DocumentScore]:
    """Score an output file against a gold file, or every output in a folder against every gold
    in a folder (``*.gold.json``, searched recursively), matched by document name.

    A gold file is matched to the output whose ``source.name`` is the gold's ``document.source``;
    outputs of the same report in another format (``seed-report.pdf`` for a gold of
    ``seed-report.txt``) are scored against it too, each as a document of its own."""
    out_p, gold_p = Path(output), Path(gold)
    for p in (out_p, gold_p):
        if not p.exists():
            raise EvaluationError("no such file or folder", str(p))
    if gold_p.is_file() and out_p.is_file():
        g = load_gold(gold_p)
        return [score_document(load_output(out_p), g, gold_name=gold_p.name)]
    golds = [gold_p] if gold_p.is_file() else sorted(gold_p.rglob(f"*{GOLD_SUFFIX}"))
    if not golds:
        raise EvaluationError(f"no gold files (*{GOLD_SUFFIX}) in the folder", str(gold_p))
    if out_p.is_file():
        data = load_output(out_p)
        outputs = {str(data["source"].get("name")): (out_p, data)}
    else:
        outputs = _outputs_in(out_p)
    scores: list[DocumentScore] = []
    for gp in golds:
        g = load_gold(gp)
        want = g.document.source
        names = [n for n in outputs if n == want] + sorted(n for n in outputs if n != want and _stem(n) == _stem(want))
        for i, n in enumerate(names):
            s = score_document(outputs[n][1], g, name=n, gold_name=gp.name)
            s.counted = i == 0
            scores.append(s)
    if not scores:
        raise EvaluationError(f"no output matches any gold file in {gold_p}", str(out_p))
    return scores


def primary(scores: list[DocumentScore]) -> list[DocumentScore]:
    """The scores that count in the mean: one per gold file."""
    return [s for s in scores if s.counted]


def mean(scores: list[DocumentScore]) -> float:
    """The run's score: the mean of one document per gold file."""
    ones = primary(scores)
    return sum(s.score for s in ones) / len(ones) if ones else 0.0


def report_text(scores: list[DocumentScore]) -> str:
    """Every row of every document, each document's score, and the mean."""
    lines: list[str] = []
    for s in scores:
        lines.append(f"== {s.name} (gold {s.gold})")
        lines += [r.line() for r in s.rows]
        lines.append(f"score: {s.score:.3f}")
        lines.append("")
    n = len(primary(scores))
    lines.append(f"mean over {n} document(s), one per gold file: {mean(scores):.3f}")
    return "\n".join(lines) + "\n"


def report_json(scores: list[DocumentScore]) -> str:
    return json.dumps({"documents": [s.as_dict() for s in scores], "mean": round(mean(scores), 6)},
                      ensure_ascii=False, indent=1) + "\n"


ROW_FAMILIES = {
    "sections": ("sections recall", "sections precision", "sections in order", "look-alikes not sections"),
    "quantities": ("quantities exact", "quantities recall (windows)", "quantities precision (windows)"),
    "indicators": ("indicator measures", "indicator status", "indicator places"),
    "places": ("city mentions recall", "city -> province", "city -> sections", "provinces found",
               "macro_regions found", "regional_blocs found", "places precision"),
    "periods": ("periods exact",),
    "organisations": ("organizations found", "organizations recall (windows)", "organizations precision (windows)"),
    "initiatives": ("initiatives found", "products found", "not-initiatives avoided",
                    "initiatives recall (windows)", "initiatives precision (windows)"),
    "offsets": ("entity offsets exact", "windows located"),
}


def _family_mean(s: DocumentScore, rows: tuple[str, ...]) -> float | None:
    got = [r.ratio for r in s.rows if r.name in rows]
    return sum(got) / len(got) if got else None


def report_markdown(scores: list[DocumentScore]) -> str:
    """A table: document × row family (the mean of the family's rows), the score, and the mean."""
    fams = list(ROW_FAMILIES)
    intro = ["# Accuracy against the hand-checked gold", "",
             "Each cell is the mean of a row family's scorer rows for one document (– where the gold has "
             "nothing to judge); `score` is the mean of all its rows, and the last line the mean over "
             "documents, one per gold file. Written by `govextract evaluate --markdown` (`make eval`).", ""]
    head = "| document | " + " | ".join(fams) + " | score |"
    lines = [*intro, head, "|" + " --- |" * (len(fams) + 2)]
    for s in scores:
        cells = []
        for f in fams:
            v = _family_mean(s, ROW_FAMILIES[f])
            cells.append("–" if v is None else f"{v:.3f}")
        name = s.name if s.counted else f"{s.name} (not in the mean)"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {s.score:.3f} |")
    pooled = []
    for f in fams:
        vals = [v for s in primary(scores) if (v := _family_mean(s, ROW_FAMILIES[f])) is not None]
        pooled.append(f"{sum(vals) / len(vals):.3f}" if vals else "–")
    lines.append("| **mean** | " + " | ".join(pooled) + f" | **{mean(scores):.3f}** |")
    return "\n".join(lines) + "\n"
