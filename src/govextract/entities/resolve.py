"""The one filter that decides between overlapping candidates.

All finders' candidates go in; the longest wins, and on equal length the more
specific kind (an organisation over a place inside its name: 淞基科技(上海)有限公司).
A place inside the name of an initiative is kept beside it (西部大开发 names 西部, 长江经济带
发展 a bloc): the programme is about that place, as a body named after its seat is not; so is
a city inside the circle named after it (杭州都市圈, a place whose ``nests`` attribute is set).
The winners go to ``doc.spans["govextract"]``.
"""

from __future__ import annotations

from bisect import bisect_right

from .initiatives import SPANS_KEY as INITIATIVES_KEY
from .organizations import SPANS_KEY as ORGS_KEY
from .periods import SPANS_KEY as PERIODS_KEY
from .places import SPANS_KEY as PLACES_KEY
from .quantities import SPANS_KEY as QUANTITIES_KEY
from .spans import Candidate

SPANS_KEY = "govextract"
CANDIDATE_KEYS = (ORGS_KEY, INITIATIVES_KEY, PLACES_KEY, PERIODS_KEY, QUANTITIES_KEY)
NESTING = ("initiative", "product")  # kinds whose names keep the places inside them
PRIORITY = {"organization": 6, "product": 5, "initiative": 4, "place": 3, "period": 2, "percentage": 1, "quantity": 1}


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping winners in document order."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -PRIORITY.get(c.label, 0), c.start))
    size = max((c.end for c in candidates), default=0)
    taken = bytearray(size)  # 1 where a winner already sits
    won: list[Candidate] = []
    for c in ranked:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        won.append(c)
    programmes = sorted((c for c in won if (c.label in NESTING or c.attrs.get("nests")) and c.end > c.start),
                        key=lambda c: c.start)
    if programmes:
        inner = bytearray(size)  # 1 where a place inside a programme's name already sits
        firsts = [p.start for p in programmes]
        for c in ranked:
            if c.label != "place" or any(inner[c.start:c.end]):
                continue
            # winners do not overlap: only the last programme starting at or before c can hold it
            k = bisect_right(firsts, c.start) - 1
            p = programmes[k] if k >= 0 else None
            if p is not None and c.end <= p.end and (p.start, p.end) != (c.start, c.end):
                inner[c.start:c.end] = b"\x01" * (c.end - c.start)
                won.append(c)
    return sorted(won, key=lambda c: (c.start, c.end))
