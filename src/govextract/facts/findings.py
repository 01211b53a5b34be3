"""From indicators to findings: what a researcher would check by hand, the report's own
inconsistencies, each with the entities it concerns and a message."""

from __future__ import annotations

from collections import defaultdict

from ..models import Entity, Finding, PanelCell, Place
from .link import SENT_END, Stops, macro_regions, within


def find_findings(text: str, entities: list[Entity], regions: dict[str, str]) -> list[Finding]:
    """The report's own inconsistencies that hold up on real reports: a place cited under a
    macro-region it is not in, a period that ends before it starts. ``regions`` is
    :func:`~.link.section_regions`. (A share over 100% was dropped: gross enrolment and sales
    rates pass 100% by definition; two values for one measure come from :func:`panel_conflicts`,
    on the panel's facts, not from free-text measures.)"""
    out: list[Finding] = []
    places = [e for e in entities if isinstance(e, Place)]
    macro = [p for p in places if p.level == "macro_region"]
    macro_starts = [p.start for p in macro]
    seen: set[tuple[str, str | None]] = set()
    sentences = Stops(text, SENT_END)
    for p in places:
        if p.level not in ("city", "county") or not p.region or not p.name:
            continue
        s_start, s_end = sentences.bounds(p.start)
        named = [m for m in within(macro, macro_starts, s_start, s_end)]
        if named:
            context = {r for m in named for r in macro_regions(m)}
            cited = "、".join(dict.fromkeys(m.name or m.text for m in named))
        else:
            section_region = regions.get(p.section or "")
            context = {section_region} if section_region else set()
            cited = section_region or ""
        if context and p.region not in context and (p.name, p.section) not in seen:
            seen.add((p.name, p.section))
            out.append(Finding(
                kind="region_mismatch", section=p.section, entities=[p.id],
                message=f"{p.name} is cited under {cited}, but {p.province} is in {p.region}",
            ))
    for e in entities:
        if e.type == "period" and getattr(e, "date_end", "") < getattr(e, "date_start", ""):
            out.append(Finding(kind="period_reversed", section=e.section, entities=[e.id],
                               message=f"the period {e.text} ends before it starts"))
    return out


def panel_conflicts(cells: list[PanelCell]) -> list[Finding]:
    """One headline indicator given two different values for the same year, status and
    jurisdiction in one report (the panel keeps each value; a researcher should look)."""
    groups: dict[tuple[object, ...], list[PanelCell]] = defaultdict(list)
    for c in cells:
        groups[(c.code, c.kind, c.year, c.status, c.scope)].append(c)
    out: list[Finding] = []
    for (code, kind, year, status, _), found in groups.items():
        values = {(c.value, c.value_max, c.comparison) for c in found}
        if len(values) > 1:
            out.append(Finding(
                kind="conflicting_values", section=None, entities=[c.id for c in found],
                message=f"{code} ({kind}, {year}, {status}) is given as "
                        + " and ".join(f"{c.value:g}{c.unit}" for c in found) + " for the same jurisdiction"))
    return out
