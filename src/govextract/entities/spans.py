"""Character-level candidates and the one place that writes them onto a spaCy ``Doc``.

Finders work on ``doc.text`` (characters), because jieba's token boundaries can cut
across a number or a name (spaCy's own tests expect ``人数最多`` → ``人 | 数最多``).
Writing a span needs token boundaries at both ends, so tokens are split where a
candidate needs it. Splitting does not move spans already in ``doc.spans`` (spaCy
keeps their token indices), so every group is rebuilt from its character offsets.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy and numpy load with the first Doc, not with the offsets-only run
    from spacy.tokens import Doc, Span

ATTRS_KEY = "govextract_attrs"
TEXT_KEY = "govextract_text"


@dataclass(frozen=True)
class Candidate:
    """A match found on the characters: ``text[start:end]`` with a label and typed attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _split_tokens(doc: Doc, offsets: set[int]) -> None:
    import numpy

    cuts: dict[int, list[int]] = defaultdict(list)
    if not offsets or not len(doc):
        return
    arr = doc.to_array(["IDX", "LENGTH"])
    starts = arr[:, 0]
    where = numpy.fromiter(offsets, dtype=starts.dtype, count=len(offsets))
    idx = numpy.searchsorted(starts, where, side="right") - 1  # the token starting at or before each offset
    inside = (idx >= 0) & (where > starts[idx]) & (where < starts[idx] + arr[idx, 1])
    for i, o in zip(idx[inside].tolist(), where[inside].tolist(), strict=True):
        cuts[i].append(o - int(starts[i]))
    if not cuts:
        return
    saved = {key: [(s.start_char, s.end_char, s.label_) for s in group] for key, group in doc.spans.items()}
    with doc.retokenize() as retok:
        for i, rel in cuts.items():
            tok = doc[i]
            bounds = [0, *sorted(set(rel)), len(tok.text)]
            orths = [tok.text[a:b] for a, b in pairwise(bounds)]
            retok.split(tok, orths, heads=[(tok, 0)] * len(orths))
    for key, spans in saved.items():
        rebuilt = [doc.char_span(s, e, label=lab) for s, e, lab in spans]
        doc.spans[key] = [sp for sp in rebuilt if sp is not None]


def write_spans(doc: Doc, key: str, candidates: list[Candidate]) -> None:
    """Put ``candidates`` into ``doc.spans[key]``, their attributes into ``doc.user_data``."""
    _split_tokens(doc, {o for c in candidates for o in (c.start, c.end)})
    attrs = doc.user_data.setdefault(ATTRS_KEY, {})
    spans: list[Span] = []
    for c in candidates:
        span = doc.char_span(c.start, c.end, label=c.label)
        if span is None:  # only white space can fail to align; skip rather than guess
            continue
        spans.append(span)
        attrs[(c.label, c.start, c.end)] = c.attrs
    doc.spans[key] = spans


def read_spans(doc: Doc, key: str) -> list[Candidate]:
    """The candidates in ``doc.spans[key]``, with their attributes."""
    attrs = doc.user_data.get(ATTRS_KEY, {})
    if key not in doc.spans:
        return []
    return [
        Candidate(s.start_char, s.end_char, s.label_, attrs.get((s.label_, s.start_char, s.end_char), {}))
        for s in doc.spans[key]
    ]


class Board:
    """What :func:`write_spans` and :func:`read_spans` keep on a ``Doc``, kept on plain offsets.

    The pipeline's own run needs none of a ``Doc``'s tokens, only their boundaries, so it
    keeps those, the groups of candidates and their attributes here: building a ``Doc`` and
    moving every candidate in and out of ``doc.spans`` cost a third of a text's run. It does
    exactly what the ``Doc`` does (a test holds the two equal): a candidate's ends become token
    boundaries, one that cannot be a span (outside the text) is dropped, and attributes are
    shared by every group, keyed by label and offsets, the last written winning."""

    def __init__(self, text: str, words: list[str]) -> None:
        self.size = len(text)
        self.bounds: set[int] = set(accumulate(map(len, words), initial=0)) if words else set()
        self.groups: dict[str, list[tuple[int, int, str]]] = {}
        self.attrs: dict[tuple[str, int, int], dict[str, Any]] = {}

    def token_bounds(self) -> tuple[set[int], set[int]]:
        """Start and end character offsets of the tokens, as :func:`token_bounds` gives them."""
        return self.bounds - {self.size}, self.bounds - {0}

    def write(self, key: str, candidates: list[Candidate]) -> None:
        """As :func:`write_spans`."""
        n = self.size
        if n:
            self.bounds.update(o for c in candidates for o in (c.start, c.end) if 0 < o < n)
        group: list[tuple[int, int, str]] = []
        for c in candidates:
            if not (0 <= c.start < n and 0 < c.end <= n and c.start <= c.end):
                continue  # where Doc.char_span finds no span
            group.append((c.start, c.end, c.label))
            self.attrs[(c.label, c.start, c.end)] = c.attrs
        self.groups[key] = group

    def read(self, key: str) -> list[Candidate]:
        """As :func:`read_spans`."""
        attrs = self.attrs
        return [Candidate(s, e, lab, attrs.get((lab, s, e), {})) for s, e, lab in self.groups.get(key, ())]


def token_bounds_sorted(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of the tokens, in order (read in bulk, not token by token)."""
    if not len(doc):
        return [], []
    arr = doc.to_array(["IDX", "LENGTH"])
    starts = arr[:, 0].tolist()
    return starts, [s + n for s, n in zip(starts, arr[:, 1].tolist(), strict=True)]


def token_bounds(doc: Doc) -> tuple[set[int], set[int]]:
    """Start and end character offsets of the current tokens."""
    starts, ends = token_bounds_sorted(doc)
    return set(starts), set(ends)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from the tokens on every access."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
