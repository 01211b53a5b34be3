"""spaCy spans → typed entity models, each with its section (and page, for PDFs).

Place names that more than one division carries are resolved here, where the
whole document is in view: a reading whose province the report names elsewhere
wins, and before it one in the report's own province (a Beijing report's 通州 is
Beijing's); between a province and a lower unit of the same name (吉林省/吉林市) the
province is taken and the entity flagged; otherwise the place is left unresolved
with its candidates listed.

A report with a home province (see :func:`home_province`) is read more strictly for the
least certain forms: a county name without its suffix (大宁 in a Beijing report's 大宁水库)
is kept only when its province is named in the report, and the national shorthand 东部 or
西部 is not taken as the national region (a city's 西部山区 is its own west).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from ..data.gazetteer import Gazetteer, PlaceRecord, load_gazetteer
from ..models import Entity, Initiative, Organization, Period, Place, Quantity
from .organizations import canonical_names
from .spans import Candidate

_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}


def _context_provinces(text: str, cands: list[Candidate], g: Gazetteer) -> Counter[str]:
    """Provinces the report names unambiguously (directly or through a city, county or a
    region of the province), with how often. A county name without its suffix is too
    uncertain to count: it is judged by the others."""
    out: Counter[str] = Counter()
    for c in cands:
        if c.label != "place" or text[c.start:c.end] in g.bare:
            continue
        minor = set(c.attrs.get("minor", ()))
        recs = [g.records[k] for k in c.attrs["keys"] if k not in minor]
        provs = {r.province for r in recs if r.province}
        if len(provs) == 1:
            out.update(provs)
    return out


def home_province(context: Counter[str]) -> str | None:
    """The report's own province: the one that more than half of its unambiguous place
    mentions lie in (a provincial or city report names its own places most)."""
    if not context:
        return None
    prov, n = context.most_common(1)[0]
    return prov if n * 2 > sum(context.values()) else None


def _doubtful(surface: str, c: Candidate, g: Gazetteer, context: Counter[str]) -> bool:
    """Whether a form is too uncertain to keep in a report with a home province."""
    if surface in g.national_shorthand:
        return True
    if surface in g.bare and surface not in g.full_names:
        return not any(g.records[k].province in context for k in c.attrs["keys"])
    return False


def _resolve_place(c: Candidate, g: Gazetteer, context: Counter[str], parent: PlaceRecord | None = None,
                   home: str | None = None) -> tuple[PlaceRecord | None, list[PlaceRecord]]:
    """One reading of a place name, from the place written right before it (南京市鼓楼区), the
    report's ``home`` province (:func:`home_province` of ``context``) and the other provinces the
    report names, or the rank of the levels; or none, with the readings."""
    keys = c.attrs["keys"]
    if len(keys) == 1:
        return g.records[keys[0]], []
    recs = [g.records[k] for k in keys]
    if parent is not None and parent.adcode:
        prefix = parent.adcode
        while len(prefix) > 2 and prefix.endswith("00"):  # 310000 (上海) → 31, 320100 (南京) → 3201
            prefix = prefix[:-2]
        inside = [r for r in recs if r.adcode and r.adcode.startswith(prefix)]
        if len(inside) == 1:
            return inside[0], []
    in_home = [r for r in recs if home and r.province == home]
    if len(in_home) == 1:
        return in_home[0], []
    minor = set(c.attrs.get("minor", ()))
    recs = [g.records[k] for k in c.attrs["keys"] if k not in minor]
    if len(recs) == 1:
        return recs[0], []
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
    context = _context_provinces(text, cands, g)
    home = home_province(context)
    if home:
        cands = [c for c in cands if c.label != "place" or not _doubtful(text[c.start:c.end], c, g, context)]
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
            rec, alts = _resolve_place(c, g, context, previous[1] if previous[0] == c.start else None, home)
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
