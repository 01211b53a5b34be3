"""Organisations: a grammar of Chinese institution names, as data plus a small matcher.

A name is a jurisdiction, a core and a head (``市`` + ``统计`` + ``局``), each from
``data/organizations.json``; the head says what must stand before it:

* a *department* head (局, 厅, 委, 办, 部…) needs a core of domain words (with 工作 between:
  金融工作局) and a jurisdiction (a place, a level word such as 市 or 州, a national word such
  as 国家), unless it is a ministry's (部, 署), which may stand bare;
* a *council* head (人民政府, 政府, 委, 人大常委会, 政协, 海关…) needs a jurisdiction and nothing
  between: 省委省政府 is two bodies, 中共北京市委 one;
* a *named* head (大学, 银行, 交易所, 集团, 领导小组…) takes a proper name after an anchor: a
  place, a national or level word, or, for a short name, the start of a clause (、西湖大学);
  a name that holds a word of kind (重点, 一流, 省级…) is a designation, not a body, and a
  complete name followed by a verb is a clause about that body (海南医科大学|首次跻身…大学);
* a *unit* head (调查队, 中心支行, 分局, 办公厅…) only continues a body found before it, with a
  place between (国家统计局 + 洛阳 + 调查队) or, after an international organisation, a company
  or a university, a proper name (联合国 + 全球地理信息知识与创新 + 中心).

Bodies known by name (国务院, 人民政协, 共青团, 中石化) and international organisations
(``data/international_organizations.json``) are found as listed. Companies named without 公司
are found in a list closed by 等 and a company word (华为、腾讯等龙头企业) when they are proper
names. Negatives (格局, 法治政府, 人大代表) drop any candidate inside them or cutting across them.

The grammar's words and heads, as loaded and checked, are :mod:`.org_grammar`; here is its matcher.

A level short form (省政府, 市统计局) takes its full name from the document's own
jurisdiction in :func:`canonical_names`, called once the places are resolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass
from itertools import repeat
from operator import sub
from typing import Any

from ..data.gazetteer import load_gazetteer
from ..models import Entity, Organization, Place
from .org_grammar import Anchor, Head, OrganizationGrammar, function_words, verbs
from .spans import Candidate

SPANS_KEY = "govextract_organizations"
_PARTY = "中共"  # the Party's prefix in a committee's full name (中共浙江省委)
_LEVEL_SUFFIXES = {  # a level word → the endings of the full names it stands for, and their level
    "省": (("省",), "province"), "自治区": (("自治区",), "province"), "市": (("市",), "city"),
    "州": (("州",), "city"), "自治州": (("自治州",), "city"), "盟": (("盟",), "city"),
    "县": (("县",), "county"), "自治县": (("自治县",), "county"), "区": (("区",), "county"),
    "旗": (("旗",), "county"),
}


def _is_han(s: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in s)


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum())


@dataclass
class OrganizationFinder(OrganizationGrammar):
    """Finds organisation candidates on the characters of a text, given its place candidates: the
    grammar's matcher (what it reads is in :class:`OrganizationGrammar`)."""

    # ---- pieces of a name -------------------------------------------------------------------
    def core_start(self, text: str, end: int) -> int | None:
        """Where a core of domain words ending at ``end`` starts (文化广电和旅游), or None."""
        pos, found = end, None
        while True:
            n = self.endings["core"].at(text, pos)
            if n:
                pos -= n
                found = pos
                continue
            if found is not None and pos > 1 and text[pos - 1] in self.joins and \
                    self.endings["core"].at(text, pos - 1):
                pos -= 1
                continue
            return found

    def level_at(self, text: str, end: int) -> str | None:
        """A level word ending at ``end`` that is not part of a longer word (城市, 全省, 省市)."""
        n = self.endings["level"].at(text, end)
        if not n or (end - n > 0 and text[end - n - 1] in self.level_left_stops):
            return None
        return text[end - n:end]

    def anchor_at(self, text: str, end: int, place_end: dict[int, Candidate], names: bool = False) -> Anchor | None:
        """A jurisdiction ending at ``end``: places (a run of them: 浙江省杭州市), a national word, a level word.
        With ``names``, any gazetteer name counts as a place, even one that the segmenter kept inside a
        longer word (浙江大学 is one jieba word, so the place finder does not see 浙江 in it)."""
        if end in place_end:
            start = place_end[end].start
            while start in place_end:
                start = place_end[start].start
            return Anchor(start, "place")
        n = self.endings["place"].at(text, end) if names else 0
        if n:
            return Anchor(end - n, "place")
        n = self.endings["national"].at(text, end)
        if n:
            return Anchor(end - n, "national")
        level = self.level_at(text, end)
        if level:
            return Anchor(end - len(level), "level", level)
        return None

    def with_party(self, text: str, start: int) -> int:
        p = self.party_prefix
        return start - len(p) if start >= len(p) and text[start - len(p):start] == p else start

    def stop(self, text: str, i: int, solo: set[int] | None) -> bool:
        """Whether ``text[i]`` ends a name: punctuation, or a function character (的, 和, 对) that is a
        word by itself; inside a word (应对, 数据) it is part of the name."""
        ch = text[i]
        return (ch in self.punctuation or not _is_name_char(ch)
                or (ch in self.function_chars and (solo is None or i in solo)))

    def _generic(self, name: str) -> bool:
        return any(g in name for g in self.generic)

    # ---- one head ---------------------------------------------------------------------------
    def department(self, text: str, hs: int, he: int, h: Head, place_end: dict[int, Candidate]) -> Candidate | None:
        c0 = self.core_start(text, hs)
        for suffix in self.core_suffixes if c0 is None else ():  # 金融|工作|局
            if text.endswith(suffix, 0, hs):
                c0 = self.core_start(text, hs - len(suffix))
        if c0 is None:
            return None
        a = self.anchor_at(text, c0, place_end)
        if a is not None:
            return _cand(self.with_party(text, a.start), he, text, level=a.level)
        if h.bare:
            return _cand(c0, he, text, bare=True)
        return None

    def council(self, text: str, hs: int, he: int, h: Head, place_end: dict[int, Candidate]) -> Candidate | None:
        a = self.anchor_at(text, hs, place_end)
        if a is None or (h.place_only and a.kind != "place") or (h.party and a.kind == "national"):
            return None
        start = self.with_party(text, a.start)
        name = text[start:hs] + (h.canonical if h.canonical and a.kind != "national" else h.head)
        if h.party and start == a.start and a.kind == "place":
            name = self.party_prefix + name
        return _cand(start, he, text, name=name, level=a.level, party=h.party)

    def named(self, text: str, hs: int, he: int, h: Head, place_end: dict[int, Candidate],
              solo: set[int] | None = None) -> Candidate | None:
        if h.not_after and text.endswith(h.not_after, 0, hs):
            return None
        lo = hs
        while lo > max(0, hs - self.max_name) and not self.stop(text, lo - 1, solo):
            lo -= 1
        anchor = None
        seen: list[Anchor | None] = []  # the anchor ending at hs, hs - 1, …: read once, for both passes
        for kinds in (("place", "national"), ("level",)):
            for k in range(hs, lo - 1, -1):
                if len(seen) <= hs - k:
                    seen.append(self.anchor_at(text, k, place_end, names=True))
                a = seen[hs - k]
                if a is not None and a.kind in kinds and a.start >= lo - (0 if a.kind == "level" else 8):
                    anchor = (a, k)
                    break
            if anchor:
                break
        if anchor is not None:
            a, k = anchor
            name = text[k:hs]
            if self._generic(text[a.start:hs] if a.kind == "level" else name) or (h.needs_name and not name):
                return None  # 乡镇区域养老服务中心: a level word in a list of levels is no jurisdiction
            if self._clause_after_name(text, a.start, hs):
                return None
            return _cand(a.start, he, text, level=a.level)
        at_clause = lo == 0 or (self.stop(text, lo - 1, solo) and text[lo - 1] not in self.quote_opens)
        opener = next((o for o in self.openers if text.startswith(o, lo)), "")
        lo += len(opener)  # 支持|之江实验室: a verb that opens the clause is not part of the name
        name = text[lo:hs]
        if (h.boundary and at_clause and 2 <= len(name) <= self.boundary_max_name and _is_han(name)
                and not self._generic(name) and not name.startswith(self.boundary_generic)
                and not any(name[:n] in function_words() for n in range(2, len(name) + 1))):
            return _cand(lo, he, text)
        return None

    def _clause_after_name(self, text: str, start: int, hs: int) -> bool:
        """海南医科大学|首次跻身…世界大学: a complete name (ending in a named head) followed by a verb
        or an adverb is a clause about that body, not a longer name (北京大学第一医院 is one)."""
        for k in range(hs - 1, start + 1, -1):
            if any(h.kind == "named" for w, hs_ in self.heads.items() if text.endswith(w, start, k) for h in hs_):
                rest = text[k:hs]
                return any(rest[i:i + n] in verbs() for n in (2, 3, 4) for i in range(len(rest) - n + 1))
        return False

    def company_lists(self, text: str, tokens: dict[int, int], solo: set[int] | None = None) -> list[Candidate]:
        """甲、乙等龙头企业: the items of a list closed by 等, any `roles` and a company word are
        companies when one of their words is a proper name (海康|威视, 宁德|时代) or they end with a
        company suffix (大华|股份); a list of sectors (钢铁、水泥等企业) is not one."""
        out: list[Candidate] = []
        if solo is None:
            solo = {s for s, e in tokens.items() if e == s + 1}
        for m in self.list_close.finditer(text):
            end = m.start()
            while True:  # item by item, right to left, each cut into jieba's words
                lo = end
                while lo > max(0, end - self.company_item) and not self.stop(text, lo - 1, solo):
                    lo -= 1
                first, words, k = lo == 0 or text[lo - 1] != "、", [], lo
                while k < end and tokens.get(k, end + 1) <= end:
                    words.append(text[k:tokens[k]])
                    k = tokens[k]
                if k != end or not words:
                    break
                while first and len(words) > 1 and (words[0] in function_words() or len(words[0]) == 1):
                    lo += len(words.pop(0))  # the clause's verb before the first item: 培育|了|海康|威视
                if (len(words) > 1 or words[0] in self.proper) and not self._generic(text[lo:end]) and (
                        any(w in self.proper for w in words) or text.endswith(self.company_suffixes, lo, end)):
                    out.append(_cand(lo, end, text, company=True))
                if first:
                    break
                end = lo - 1
        return out

    def company(self, text: str, hs: int, he: int, inner: Container[int] | None = None) -> Candidate | None:
        """Walk left from 有限公司 to where the name begins; a bracketed place (淞基科技(上海)) is inside.
        A function character ends the name unless the segmenter keeps it well inside a word (华为技术有限公司),
        since an unknown name is often glued to the word before it (由淞基)."""
        i, limit = hs, max(0, hs - 30)
        while i > limit:
            ch = text[i - 1]
            if ch in ")）":
                j = max(text.rfind("(", limit, i - 1), text.rfind("（", limit, i - 1))
                if j < 0:
                    break
                i = j
                continue
            if ch in "本该各其此" or (self.stop(text, i - 1, None) and (inner is None or i - 1 not in inner)):
                break
            i -= 1
        return _cand(i, he, text) if hs - i >= 2 else None

    def unit_after(self, text: str, body: Candidate, place_start: dict[int, Candidate],
                   heads_at: dict[int, list[str]], solo: set[int] | None = None) -> Candidate | None:
        """A unit right after ``body``: 国家统计局|洛阳|调查队, 人民银行|洛阳市|中心支行, 国务院|办公厅;
        after an international organisation or a company, a named one: 联合国|全球地理信息知识与创新|中心."""
        pos = body.end
        while pos in place_start:
            pos = place_start[pos].end
        direct = [u for u in self.units if text.startswith(u, pos)]
        if direct:
            return _cand(body.start, pos + max(map(len, direct)), text)
        if pos != body.end or not (body.attrs.get("name") in self.intl or body.attrs.get("company")
                                   or body.attrs.get("named")):
            return None
        for end in range(pos + 1, min(len(text), pos + self.max_name + self.longest["unit"]) + 1):
            if self.stop(text, end - 1, solo) and (end - 1 == pos or text[end - 1] not in self.joins):
                return None
            units = [u for u in heads_at.get(end, []) if u in self.units and end - len(u) > pos]
            unit = max(units, key=len, default="")
            if unit:  # a verb in the name makes it a clause: 西湖大学|牵头建设…实验室
                name = text[pos:end - len(unit)]
                return None if any(o in name for o in self.openers) else _cand(body.start, end, text)
        return None

    # ---- the whole text ---------------------------------------------------------------------
    def find(self, text: str, places: list[Candidate], starts: set[int] | None = None,
             ends: set[int] | None = None) -> list[Candidate]:
        solo: set[int] | None = None
        inner: _Inner | None = None
        tokens: dict[int, int] = {}
        if starts is not None and ends is not None:
            first, last = sorted(starts), sorted(ends)
            tokens = dict(zip(first, last, strict=False))
            solo = starts.intersection(map(sub, last, repeat(1)))  # one-character tokens: s + 1 in ends
            inner = _Inner(first, last)
        place_end = {p.end: p for p in places}
        place_start = {p.start: p for p in places}
        out: list[Candidate] = []
        for s, e, alias in self.known_words.longest(text):
            if alias.isascii() and ((s and text[s - 1].isascii() and text[s - 1].isalnum())
                                    or (e < len(text) and text[e].isascii() and text[e].isalnum())):
                continue
            if len(alias) <= 2 and starts is not None and ends is not None and not (s in starts and e in ends):
                continue  # 国办 in 全国办理
            if self.known_not_before[alias] and text.startswith(self.known_not_before[alias], e):
                continue  # 财政部门 is not 财政部
            name = self.known[alias]
            out.append(Candidate(s, e, "organization", {"name": name, "company": name in self.companies}))
        heads_at: dict[int, list[str]] = {}
        for _, end, word in self.head_words.every(text):
            heads_at.setdefault(end, []).append(word)
        for he, words in heads_at.items():
            for word in words:
                hs = he - len(word)
                for h in self.heads[word]:
                    if h.not_before and text.startswith(h.not_before, he):
                        continue
                    c: Candidate | None = None
                    if h.kind == "department":
                        c = self.department(text, hs, he, h, place_end)
                    elif h.kind == "council":
                        c = self.council(text, hs, he, h, place_end)
                    elif h.kind == "named":
                        c = self.named(text, hs, he, h, place_end, solo)
                        if c is not None and h.has_units:
                            c.attrs["named"] = True  # 武汉大学|国家发展战略|研究院: a body with named units
                    elif h.kind == "company":
                        c = self.company(text, hs, he, inner)
                        if c is not None:
                            c.attrs["company"] = True
                    if c is not None:
                        out.append(c)
        out += self.company_lists(text, tokens, solo) if tokens else []
        out = self._drop_negatives(text, out)
        for _ in range(2):  # a unit of a unit: 中共中央 + 办公厅 is found first, then its own units
            units = [u for c in out if (u := self.unit_after(text, c, place_start, heads_at, solo)) is not None]
            out += [u for u in units if u not in out]
        out = _join_bare(text, out)
        by_start = sorted(places, key=lambda p: p.start)
        place_starts = [p.start for p in by_start]
        for c in out:  # the places inside a name, which the overlap filter will drop, for canonical_names
            within = by_start[bisect_left(place_starts, c.start):bisect_left(place_starts, c.end)]
            c.attrs["places"] = [p.attrs["keys"][0] for p in within
                                 if p.end <= c.end and len(p.attrs.get("keys", ())) == 1]
        return out

    def _drop_negatives(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        spans = [(s, e) for s, e, _ in self.negative_words.every(text)]
        if not spans:
            return cands
        def spoilt(c: Candidate) -> bool:  # inside a negative, or cutting across one
            return any(s < c.end and c.start < e and not (c.start <= s and e <= c.end and (s, e) != (c.start, c.end))
                       for s, e in spans)

        return [c for c in cands if not spoilt(c)]


class _Inner:
    """The offsets well inside a token (past its first character, before its last), found by
    binary search over the tokens rather than listed."""

    def __init__(self, starts: list[int], ends: list[int]) -> None:
        self.starts, self.ends = starts, ends

    def __contains__(self, i: object) -> bool:
        if not isinstance(i, int):
            return False
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and k < len(self.ends) and self.starts[k] < i < self.ends[k] - 1


def _cand(start: int, end: int, text: str, name: str | None = None, **attrs: Any) -> Candidate:
    return Candidate(start, end, "organization", {"name": name or text[start:end], **attrs})


def _join_bare(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A body followed at once by a bare department of it (省委 + 宣传部) is one organisation."""
    by_start: dict[int, list[Candidate]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    joined = [_cand(c.start, b.end, text) for c in cands if not c.attrs.get("bare")
              for b in by_start.get(c.end, []) if b.attrs.get("bare")]
    first: dict[tuple[int, int], Candidate] = {}
    for c in cands + joined:  # a known body first: its canonical name wins over the grammar's
        first.setdefault((c.start, c.end), c)
    return sorted(first.values(), key=lambda c: (c.start, -c.end))


def canonical_names(entities: list[Entity], cands: list[Candidate]) -> list[Entity]:
    """Give a level short form the full name of the document's own division of that level:
    省政府 in a report whose province is 浙江省 → 浙江省人民政府. The division is the most often
    named place of that level ending as the level word does, and only when no other comes near."""
    records = load_gazetteer().records
    named: list[tuple[str, str]] = [(e.name, str(getattr(e.level, "value", e.level)))
                                    for e in entities if isinstance(e, Place) and e.name]
    named += [(records[k].name, records[k].level) for c in cands if c.label == "organization"
              for k in c.attrs.get("places", ()) if k in records]
    counts: dict[str, Counter[str]] = {}
    for name, place_level in named:
        for level, (endings, kind) in _LEVEL_SUFFIXES.items():
            if place_level == kind and name.endswith(endings):
                counts.setdefault(level, Counter())[name] += 1
    own: dict[str, str] = {}
    for level, c in counts.items():
        top = c.most_common(2)
        if top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            own[level] = top[0][0]
    levels = {(c.start, c.end): c.attrs for c in cands
              if c.label == "organization" and c.attrs.get("level") in own}
    out: list[Entity] = []
    for e in entities:
        attrs = levels.get((e.start, e.end)) if isinstance(e, Organization) else None
        if attrs is not None and isinstance(e, Organization):
            level = attrs["level"]
            party = _PARTY if e.name.startswith(_PARTY) or attrs.get("party") else ""
            body = e.name.removeprefix(party)
            if body.startswith(level):
                e = e.model_copy(update={"name": party + own[level] + body[len(level):]})
        out.append(e)
    return out
