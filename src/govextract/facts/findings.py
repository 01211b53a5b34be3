"""From indicators to findings: what a researcher would check by hand, the report's own
inconsistencies, each with the entities it concerns and a message."""

from __future__ import annotations

from collections import defaultdict

from ..models import Entity, Finding, Indicator, Place
from .link import SENT_END, bounds, load_lexicon, macro_regions, within


def find_findings(text: str, entities: list[Entity], indicators: list[Indicator],
                  regions: dict[str, str]) -> list[Finding]:
    """The report's own inconsistencies: a place cited under a macro-region it is not in, one
    measure given two values for the same places, a share over 100%, a period that ends before
    it starts. ``regions`` is :func:`~.link.section_regions`."""
    lex = load_lexicon()
    by_id = {e.id: e for e in entities}
    out: list[Finding] = []
    places = [e for e in entities if isinstance(e, Place)]
    macro = [p for p in places if p.level == "macro_region"]
    macro_starts = [p.start for p in macro]
    seen: set[tuple[str, str | None]] = set()
    for p in places:
        if p.level not in ("city", "county") or not p.region or not p.name:
            continue
        s_start, s_end = bounds(text, p.start, SENT_END)
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
    groups: dict[tuple[str, frozenset[str], str], list[Indicator]] = defaultdict(list)
    for ind in indicators:
        q = by_id[ind.quantity]
        if ind.measure and ind.places:
            names = frozenset(getattr(by_id[p], "name", None) or by_id[p].text for p in ind.places)
            groups[(ind.measure, names, getattr(q, "unit", ""))].append(ind)
    for (measure, _, _), inds in groups.items():
        values = {(getattr(by_id[i.quantity], "value", None), getattr(by_id[i.quantity], "comparison", None))
                  for i in inds}
        if len(values) > 1:
            qs = [by_id[i.quantity] for i in inds]
            out.append(Finding(
                kind="conflicting_values", section=qs[0].section, entities=[q.id for q in qs],
                message=f"{measure} is given as " + " and ".join(q.text for q in qs) + " for the same places",
            ))
    for ind in indicators:
        q = by_id[ind.quantity]
        if (q.type == "percentage" and getattr(q, "unit", "") == "%" and getattr(q, "value", 0) > 100
                and ind.measure and ind.measure.endswith(lex.share_words)):
            out.append(Finding(kind="share_over_100", section=q.section, entities=[q.id],
                               message=f"{ind.measure} is a share but is given as {q.text}"))
    for e in entities:
        if e.type == "period" and getattr(e, "date_end", "") < getattr(e, "date_start", ""):
            out.append(Finding(kind="period_reversed", section=e.section, entities=[e.id],
                               message=f"the period {e.text} ends before it starts"))
    return out
