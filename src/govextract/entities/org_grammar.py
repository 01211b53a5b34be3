"""The organisation grammar's data model: the heads, word lists and known bodies of
``data/organizations.json`` and ``data/international_organizations.json``, checked when loaded.

:class:`OrganizationGrammar` holds them ready for matching (word sets, their longest lengths,
Aho-Corasick automata); :mod:`.organizations` is the matcher that reads a text with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ..data import load_json, require
from ..data.gazetteer import load_gazetteer
from ..errors import DataFileError
from .scan import Words

_NAME = "organizations.json"
_INTL = "international_organizations.json"
_KINDS = ("department", "council", "named", "company", "unit")


@dataclass(frozen=True)
class Head:
    """One institution word and the conditions under which it heads a body."""

    head: str
    kind: str
    bare: bool = False  # a department head that needs no jurisdiction (教育部)
    party: bool = False  # a council head that takes 中共 before its jurisdiction (中共北京市委)
    place_only: bool = False  # a council head whose jurisdiction must be a place (洛阳海关)
    needs_name: bool = False  # a named head that needs a name between anchor and head (国家信息中心)
    boundary: bool = False  # a named head that a short name at the start of a clause may carry
    has_units: bool = False  # a named body whose units carry names of their own (武汉大学国家发展战略研究院)
    canonical: str | None = None  # the head's full form in a canonical name (政府 → 人民政府)
    not_before: tuple[str, ...] = ()  # what may not follow the head (部门, 委员, 局面)
    not_after: tuple[str, ...] = ()  # what may not stand right before the head (科学中心: a goal)


@dataclass(frozen=True)
class Anchor:
    """Where a jurisdiction starts, and what it is."""

    start: int
    kind: str  # place, national, level, boundary
    level: str | None = None


def _strings(obj: dict[str, Any], key: str, name: str) -> list[str]:
    items: list[str] = require(obj, key, list, name)
    if not all(isinstance(x, str) and x for x in items):
        raise DataFileError(f"{key!r} must be a list of non-empty strings", name)
    return items


def _named_list(obj: dict[str, Any], key: str, name: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for entry in require(obj, key, list, name):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry.get("aliases"):
            raise DataFileError(f"each entry of {key!r} needs a name and a list of aliases", name)
        out.append((entry["name"], _strings(entry, "aliases", name)))
    return out


def _heads(obj: dict[str, Any]) -> list[Head]:
    heads: list[Head] = []
    for entry in require(obj, "heads", list, _NAME):
        if not isinstance(entry, dict) or entry.get("kind") not in _KINDS or not entry.get("head"):
            raise DataFileError(f"a head needs a word and a kind among {_KINDS}: {entry!r}", _NAME)
        unknown = set(entry) - {f for f in Head.__dataclass_fields__}
        if unknown:
            raise DataFileError(f"unknown fields {sorted(unknown)} in head {entry['head']!r}", _NAME)
        heads.append(Head(**{**entry, "not_before": tuple(entry.get("not_before", ())),
                             "not_after": tuple(entry.get("not_after", ()))}))
    return heads


class Endings:
    """A set of words, asked for the longest of them that ends at an offset of a text. Only the
    lengths of the words ending in the character before the offset are tried, longest first."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = set(words)
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            if w:
                lengths.setdefault(w[-1], set()).add(len(w))
        self.lengths = {ch: tuple(sorted(ns, reverse=True)) for ch, ns in lengths.items()}
        self.longest = max(map(len, self.words), default=0)

    def at(self, text: str, end: int) -> int:
        """Length of the longest word that ends at ``end``, or 0."""
        if end <= 0:
            return 0
        for n in self.lengths.get(text[end - 1], ()):
            if n <= end and text[end - n:end] in self.words:
                return n
        return 0


_WORD_CLASSES = "vdpcrma"  # jieba's tags of verbs, adverbs, prepositions, conjunctions, pronouns, numerals, adjectives


@cache
def _jieba_dictionary() -> str:
    """jieba's dictionary (word, frequency, part of speech per line), read on first need, since most
    texts never ask, and without importing jieba itself."""
    spec = find_spec("jieba")
    try:
        if spec is None or spec.origin is None:
            raise OSError("jieba is not installed")
        return (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read jieba's dictionary: {exc}", "jieba/dict.txt") from exc


@cache
def function_words() -> frozenset[str]:
    """Words of two to four characters that jieba's dictionary tags as anything but a noun or a name
    (坚持 v, 平安 a, 其中 r): a short name found only by the clause boundary may not start with one."""
    return frozenset(re.findall(rf"^(\S{{2,4}}) \d+ [{_WORD_CLASSES}]\w*$", _jieba_dictionary(), re.M))


@cache
def verbs() -> frozenset[str]:
    """Words of two to four characters that jieba's dictionary tags as plain verbs or adverbs (跻身 v,
    位列 v; not 建设 vn): after a complete name, one of them starts a clause about it."""
    return frozenset(re.findall(r"^(\S{2,4}) \d+ [vd]$", _jieba_dictionary(), re.M))


@cache
def proper_words(tags: tuple[str, ...]) -> frozenset[str]:
    """Words that jieba's dictionary tags as proper names of the given ``tags`` (华为 nr, 海康 nz)."""
    return frozenset(re.findall(rf"^(\S{{2,6}}) \d+ (?:{'|'.join(map(re.escape, tags))})$", _jieba_dictionary(), re.M))


@dataclass
class OrganizationGrammar:
    """Everything the matcher reads, loaded from the data files and checked."""

    known: dict[str, str] = field(default_factory=dict)  # alias → canonical name
    intl: set[str] = field(default_factory=set)  # canonical names of international organisations
    companies: set[str] = field(default_factory=set)

    @property
    def proper(self) -> frozenset[str]:
        """jieba's proper names of ``proper_tags``, read on first need."""
        return proper_words(self.proper_tags)

    def __post_init__(self) -> None:
        d = load_json(_NAME)
        intl = load_json(_INTL)
        for key, src, bucket in (("bodies", d, None), ("companies", d, self.companies),
                                 ("organizations", intl, self.intl)):
            for name, aliases in _named_list(src, key, _INTL if src is intl else _NAME):
                for alias in aliases:
                    self.known[alias] = name
                if bucket is not None:
                    bucket.add(name)
        self.levels = set(_strings(d, "levels", _NAME))
        self.level_left_stops = set(require(d, "level_left_stops", str, _NAME))
        self.national = set(_strings(d, "national", _NAME))
        self.party_prefix: str = require(d, "party_prefix", str, _NAME)
        self.cores = set(_strings(d, "cores", _NAME))
        self.joins = set(_strings(d, "joins", _NAME))
        self.generic = _strings(d, "generic", _NAME)
        self.boundary_generic = tuple(_strings(d, "boundary_generic", _NAME))
        self.punctuation = set(require(d, "punctuation", str, _NAME))
        self.function_chars = set(require(d, "function_chars", str, _NAME))
        self.max_name: int = require(d, "max_name", int, _NAME)
        self.boundary_max_name: int = require(d, "boundary_max_name", int, _NAME)
        self.negatives = _strings(d, "negatives", _NAME)
        self.openers = tuple(_strings(d, "openers", _NAME))
        self.quote_opens = set(require(d, "quote_opens", str, _NAME))
        self.core_suffixes = tuple(_strings(d, "core_suffixes", _NAME))
        lists = require(d, "company_lists", dict, _NAME)
        self.company_roles = tuple(_strings(lists, "roles", _NAME))
        self.company_classes = tuple(_strings(lists, "classes", _NAME))
        self.company_suffixes = tuple(_strings(lists, "suffixes", _NAME))
        self.proper_tags = tuple(_strings(lists, "proper_tags", _NAME))
        self.company_item: int = require(lists, "max_item", int, _NAME)
        roles = "|".join(map(re.escape, self.company_roles))
        self.list_close = re.compile(f"等(?:{roles})*(?:{'|'.join(map(re.escape, self.company_classes))})")
        self.place_names = {a for a in load_gazetteer().aliases if len(a) >= 2}
        self.heads: dict[str, list[Head]] = {}
        for h in _heads(d):
            self.heads.setdefault(h.head, []).append(h)
        self.units = {w for w, hs in self.heads.items() if any(h.kind == "unit" for h in hs)}
        self.longest = {"core": max(map(len, self.cores)), "level": max(map(len, self.levels)),
                        "national": max(map(len, self.national)), "unit": max(map(len, self.units))}
        self.endings = {"core": Endings(self.cores), "level": Endings(self.levels),
                        "national": Endings(self.national), "place": Endings(self.place_names)}
        # what may not follow a known name, from the heads it ends with (财政部|门 is no 财政部)
        self.known_not_before = {k: tuple(nb for w, hs in self.heads.items() if k.endswith(w)
                                          for h in hs for nb in h.not_before) for k in self.known}
        self.known_words = Words(self.known)
        self.head_words = Words(self.heads)
        self.negative_words = Words(self.negatives)
