"""spaCy spans → typed entity models, each with its section (and page, for PDFs).

Place names that more than one division carries are resolved here, where the
whole document is in view: a reading whose province the report names elsewhere
wins; between a province and a lower unit of the same name (吉林省/吉林市) the
province is taken and the entity flagged; otherwise the place is left unresolved
with its candidates listed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from .gazetteer import Gazetteer, PlaceRecord, load_gazetteer
from .models import Entity, Initiative, Organization, Period, Place, Quantity
from .nlp import Candidate
from .nlp.organizations import canonical_names

_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}


def _context_provinces(cands: list[Candidate], g: Gazetteer) -> set[str]:
    """Provinces the report names unambiguously (directly or through a city or county)."""
    out: set[str] = set()
    for c in cands:
        if c.label != "place":
            continue
        recs = [g.records[k] for k in c.attrs["keys"]]
        provs = {r.province for r in recs if r.province}
        if len(provs) == 1:
            out |= provs
    return out


def _resolve_place(c: Candidate, g: Gazetteer, context: set[str],
                   parent: PlaceRecord | None = None) -> tuple[PlaceRecord | None, list[PlaceRecord]]:
    """One reading of a place name, from the place written right before it (南京市鼓楼区), the
    provinces the report names, or the rank of the levels; or none, with the readings."""
    recs = [g.records[k] for k in c.attrs["keys"]]
    if len(recs) == 1:
        return recs[0], []
    if parent is not None and parent.adcode:
        prefix = parent.adcode
        while len(prefix) > 2 and prefix.endswith("00"):  # 310000 (上海) → 31, 320100 (南京) → 3201
            prefix = prefix[:-2]
        inside = [r for r in recs if r.adcode and r.adcode.startswith(prefix)]
        if len(inside) == 1:
            return inside[0], []
    in_context = [r for r in recs if r.province in context]
    if len(in_context) == 1:
        return in_context[0], []
    pool = in_context or recs
    ranked = sorted(pool, key=lambda r: _LEVEL_RANK.get(r.level, 9))
    if len(ranked) >= 2 and _LEVEL_RANK.get(ranked[0].level, 9) < _LEVEL_RANK.get(ranked[1].level, 9):
        return ranked[0], recs  # the province over a same-named city: taken, and flagged
    return None, recs


def to_entities(
    text: str,
    cands: list[Candidate],
    section_at: Callable[[int], str | None],
    locate: Callable[[int, int], tuple[int | None, list[float] | None]] | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Entity]:
    """Typed entities from the pipeline's winning candidates; ``locate(start, end)`` gives
    the page and box of a span, for PDFs."""
    g = gazetteer or load_gazetteer()
    context = _context_provinces(cands, g)
    out: list[Entity] = []
    previous: tuple[int, PlaceRecord | None] = (-1, None)  # where the last place ended, and what it was
    for i, c in enumerate(cands, start=1):
        page, bbox = locate(c.start, c.end) if locate else (None, None)
        common: dict[str, object] = {
            "id": f"e{i}",
            "text": text[c.start:c.end],
            "start": c.start,
            "end": c.end,
            "section": section_at(c.start),
            "page": page,
            "bbox": bbox,
        }
        a = c.attrs
        if c.label == "place":
            rec, alts = _resolve_place(c, g, context, previous[1] if previous[0] == c.start else None)
            previous = (c.end, rec)
            level = rec.level if rec else alts[0].level
            out.append(Place.model_validate({
                **common,
                "name": rec.name if rec else None,
                "level": level,
                "adcode": rec.adcode if rec else None,
                "province": rec.province if rec else None,
                "region": rec.region if rec else None,
                "members": list(rec.members) if rec else [],
                "ambiguous": bool(alts),
                "candidates": [f"{r.adcode} {r.name}" for r in alts],
            }))
        elif c.label in ("quantity", "percentage"):
            out.append(Quantity.model_validate({**common, "type": c.label, "value": a["value"], "unit": a["unit"],
                                                "comparison": a["comparison"], "value_max": a.get("value_max")}))
        elif c.label == "period":
            out.append(Period.model_validate({**common, "date_start": a["date_start"], "date_end": a["date_end"]}))
        elif c.label == "organization":
            out.append(Organization.model_validate({**common, "name": a["name"]}))
        elif c.label in ("initiative", "product"):
            out.append(Initiative.model_validate({**common, "type": c.label, "name": a["name"]}))
    return canonical_names(out, cands)


def page_lookup(starts: list[int], numbers: list[int]) -> Callable[[int], int | None]:
    """Offset → page number, given each page's start offset in order."""

    def page_at(offset: int) -> int | None:
        k = bisect_right(starts, offset) - 1
        return numbers[k] if k >= 0 else None

    return page_at
