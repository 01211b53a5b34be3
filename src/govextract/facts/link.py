"""From entities to indicators: each quantity linked to what it measures, whether it is a target
or achieved, and what it is about (the report's own inconsistencies are :mod:`.findings`).

Everything works inside one sentence (to 。！？；) and one clause (to ，：). The measure is
found by :mod:`.measures`, the status by :mod:`.status`. The places are those of the clause,
else of the nearest earlier clause of the sentence that has some; a clause that counts over the
whole country (全国近3亿人…) names no place and its region is 全国.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from ..data import load_json, require
from ..data.gazetteer import load_gazetteer
from ..models import CharRange, Entity, Indicator, Place, Section
from .measures import compile_pattern, load_measure_lexicon, sentence_measures
from .status import reports_outcomes, section_stances, status_of

_NAME = "linking.json"
SENT_END = set("。！？；!?;\n")
_CLAUSE_END = SENT_END | set("，,：:")


@dataclass(frozen=True)
class Lexicon:
    country: re.Pattern[str]
    place_modifier: re.Pattern[str]


def load_lexicon() -> Lexicon:
    d = load_json(_NAME)
    return Lexicon(country=compile_pattern(require(d, "country_scope", str, _NAME), "country_scope"),
                   place_modifier=compile_pattern(require(d, "place_modifier", str, _NAME), "place_modifier"))


E = TypeVar("E", bound=Entity)


def within(items: list[E], starts: list[int], lo: int, hi: int) -> list[E]:
    """The items (sorted by start, with their ``starts``) that start in ``[lo, hi)``."""
    return items[bisect_left(starts, lo):bisect_left(starts, hi)]


class Stops:
    """Where ``text``'s stop characters are, so that the stretch around an offset between two of
    them is two binary searches rather than a walk over every character of a sentence."""

    def __init__(self, text: str, stops: set[str]) -> None:
        self.size = len(text)
        self.at = [m.start() for m in re.finditer(f"[{re.escape(''.join(sorted(stops)))}]", text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        """The stretch around ``pos`` between two stop characters (its end excludes the stop)."""
        k = bisect_left(self.at, pos)
        return (self.at[k - 1] + 1 if k else 0), (self.at[k] if k < len(self.at) else self.size)


def _only_places(text: str, clause: _Clause, places: list[Place], starts: list[int]) -> bool:
    inside = within(places, starts, clause.start, clause.end)
    between, pos = [], clause.start
    for p in inside:  # the text around the places, by their offsets
        between.append(text[pos:p.start])
        pos = max(pos, p.end)
    between.append(text[pos:clause.end])
    return bool(inside) and not "".join(between).strip(" 、")


@dataclass
class _Clause:
    start: int
    end: int


def _clauses(stops: Stops, s_start: int, s_end: int) -> list[_Clause]:
    out, pos = [], s_start
    while pos <= s_end:
        c_start, c_end = stops.bounds(pos)
        c_end = min(c_end, s_end)
        out.append(_Clause(c_start, c_end))
        pos = c_end + 1
    return out


def _country_scope(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the clause at ``start`` counts over the whole country: it opens with 全国 (after a
    time: 去年全国…), as in 全国近2亿人参加技能培训, not 占全国份额 or 全国赛事."""
    while start < end and text[start].isspace():
        start += 1
    t = load_measure_lexicon().time.match(text, start, end)
    return bool(lex.country.match(text, t.end() if t else start, end))


def macro_regions(place: Place) -> set[str]:
    """The four-region parts a macro-region covers: 中西部 → 中部地区 and 西部地区."""
    if place.region:
        return {place.region}
    g = load_gazetteer()
    return {g.province_region[m] for m in place.members if m in g.province_region}


def section_regions(text: str, sections: list[Section], entities: list[Entity]) -> dict[str, str]:
    """Section id → the macro-region its heading (or a parent's) names, if any."""
    by_id = {s.id: s for s in sections}
    macro = [e for e in entities if isinstance(e, Place) and e.level == "macro_region" and e.region]
    starts = [e.start for e in macro]
    own: dict[str, str] = {}
    for s in sections:
        head_end = text.find("\n", s.start)
        head_end = len(text) if head_end < 0 else head_end
        named = within(macro, starts, s.start, head_end)
        if named and named[0].region:
            own[s.id] = named[0].region
    out: dict[str, str] = {}
    for s in sections:
        cur: Section | None = s
        while cur is not None and cur.id not in own:
            cur = by_id.get(cur.parent) if cur.parent else None
        if cur is not None:
            out[s.id] = own[cur.id]
    return out


def _scope_places(text: str, places: list[Place], lex: Lexicon) -> list[Place]:
    """The places that can be a figure's scope: not those written, alone or as a run of places
    (港澳台), onto the words of a kind of enterprise (港澳台商投资企业, 台资企业)."""
    places = sorted(places, key=lambda p: p.start)
    out: list[Place] = []
    run: list[Place] = []
    for p in [*places, None]:
        if p is not None and run and p.start == run[-1].end:
            run.append(p)
            continue
        if run and not lex.place_modifier.match(text, run[-1].end):
            out += run
        run = [p] if p is not None else []
    return out


def link(text: str, sections: list[Section], entities: list[Entity],
         regions: dict[str, str] | None = None) -> list[Indicator]:
    """Each quantity as an indicator: what it measures, its places (or region), period and status.
    ``regions`` is :func:`section_regions`, computed here when not given."""
    lex = load_lexicon()
    places = _scope_places(text, [e for e in entities if isinstance(e, Place)], lex)
    periods = [e for e in entities if e.type == "period"]
    place_starts = [p.start for p in places]
    period_starts = [p.start for p in periods]
    anchors: list[Entity] = sorted([*places, *periods], key=lambda e: e.start)
    anchor_starts = [a.start for a in anchors]
    regions = section_regions(text, sections, entities) if regions is None else regions
    stances = section_stances(sections)
    outcomes_only = reports_outcomes(text)
    by_sentence: dict[tuple[int, int], list[Entity]] = defaultdict(list)
    sentence_stops, clause_stops = Stops(text, SENT_END), Stops(text, _CLAUSE_END)
    for e in entities:
        if e.type not in ("quantity", "percentage"):
            continue
        by_sentence[sentence_stops.bounds(e.start)].append(e)
    indicators: list[Indicator] = []
    for (s_start, s_end), quantities in sorted(by_sentence.items()):
        quantities.sort(key=lambda e: e.start)
        clauses = _clauses(clause_stops, s_start, s_end)
        measures = sentence_measures(text, [(c.start, c.end) for c in clauses], quantities,
                                     (anchors, anchor_starts))
        for q in quantities:
            k = next(i for i, c in enumerate(clauses) if c.start <= q.start <= c.end)
            clause = clauses[k]
            about: list[Place] = []
            country = _country_scope(text, clause.start, q.start, lex)
            for j in range(k, k - 1 if country else -1, -1):
                c = clauses[j]
                about = [p for p in within(places, place_starts, c.start, c.end) if p.end <= c.end]
                if about:
                    # 上海，北京，深圳等城市…: earlier clauses that are nothing but a place belong to the list
                    while j > 0 and _only_places(text, clauses[j - 1], places, place_starts):
                        j -= 1
                        c = clauses[j]
                        about = within(places, place_starts, c.start, c.end) + about
                    break
            region = None if about else "全国" if country else regions.get(q.section or "")
            in_sentence = within(periods, period_starts, s_start, s_end)
            before = [p for p in in_sentence if p.start < q.start]
            period = (before[-1] if before else in_sentence[0]) if in_sentence else None
            stance = "achieved" if outcomes_only else stances.get(q.section or "")
            status = status_of(text[clause.start:q.end], text[q.end:clause.end], text[s_start:q.end], stance,
                               sentence=text[s_start:s_end])
            m = measures.get(q.id)
            indicators.append(Indicator(
                id=f"i{len(indicators) + 1}",
                quantity=q.id,
                measure=m.text if m else None,
                measure_span=CharRange(start=m.start, end=m.end) if m else None,
                places=[p.id for p in about],
                region=region,
                period=period.id if period else None,
                status=status,
                sentence=CharRange(start=s_start, end=s_end),
            ))
    return indicators
