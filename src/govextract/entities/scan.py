"""Fast searches: many literal words at once, and a pattern only where a match can begin.

:class:`Words` finds every occurrence of thousands of words in one pass (Aho-Corasick, by the
Rust ``aho-corasick`` crate through ``ahocorasick_rs``).

Python's ``re`` finds no quick first character for a pattern that opens with a lookbehind, an
optional group or an alternation of groups, so ``search`` tries the whole pattern at every
character of a text. When every match is known to begin with one of a few characters, a
one-class pattern of those characters finds the places to try (``re`` skips to them at C speed)
and the pattern is tried only there: the same matches, found many times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick_rs


class Words:
    """A set of literal words, found in texts by Aho-Corasick: :meth:`every` occurrence, overlaps
    included, or the :meth:`longest` at each place, left to right, none overlapping. Offsets
    are character offsets of the text.

    ``reused=False`` is for a set built for one text: its automaton is the one quickest to
    build (a non-contiguous NFA, a third of a DFA's build time for a few dozen words), not the
    one quickest to search."""

    def __init__(self, words: Iterable[str], reused: bool = True) -> None:
        self.words = list(dict.fromkeys(w for w in words if w))
        self._options: dict[str, Any] = {} if reused else {
            "implementation": ahocorasick_rs.Implementation.NoncontiguousNFA}
        self._every: ahocorasick_rs.AhoCorasick | None = None  # each built on first use
        self._longest: ahocorasick_rs.AhoCorasick | None = None

    def every(self, text: str) -> list[tuple[int, int, str]]:
        """Every occurrence as (start, end, word), by end, then longest first."""
        if not self.words:
            return []
        if self._every is None:
            self._every = ahocorasick_rs.AhoCorasick(self.words, **self._options)
        words = self.words
        found = [(s, e, words[i]) for i, s, e in self._every.find_matches_as_indexes(text, overlapping=True)]
        found.sort(key=lambda m: (m[1], m[0]))
        return found

    def longest(self, text: str) -> list[tuple[int, int, str]]:
        """The leftmost longest occurrences, none overlapping, as (start, end, word), in order."""
        if not self.words:
            return []
        if self._longest is None:
            self._longest = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                                       **self._options)
        words = self.words
        return [(s, e, words[i]) for i, s, e in self._longest.find_matches_as_indexes(text)]


class Scanner:
    r"""``pattern``'s ``search`` and ``finditer``, tried only at characters of ``first``.

    ``first`` is literal characters, and ``digits`` adds every character ``\d`` matches. They
    must hold the first character of every match ``pattern`` can make (a superset is fine: it
    only costs tries), and ``pattern`` must never match the empty string; then
    :meth:`search` and :meth:`finditer` give exactly ``pattern.search`` and ``pattern.finditer``.
    Lookbehinds still see the text before a try, as with ``pattern.match(text, pos)``."""

    def __init__(self, pattern: re.Pattern[str], first: str, digits: bool = False) -> None:
        if not first and not digits:
            raise ValueError("a Scanner needs the characters a match can begin with")
        self.pattern = pattern
        chars = "".join(re.escape(c) for c in sorted(set(first))) + (r"\d" if digits else "")
        self.first = re.compile(f"[{chars}]")

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        find, match = self.first.search, self.pattern.match
        while (c := find(text, pos)) is not None:
            m = match(text, c.start())
            if m is not None:
                return m
            pos = c.start() + 1
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end()
