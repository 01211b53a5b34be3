"""One output against its document gold: the reference scorer's rows (sections, places,
organisations, quantities, periods, initiatives, indicators …), each hits/total, and the
document's score, the mean of the rows that had something to judge."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models.gold import GoldDocument, GoldQuantity

Json = dict[str, Any]
GOLD_SUFFIX = ".gold.json"
TARGET_MARK = re.compile(r"[(（]目标[)）]$")
QUOTES = "“”‘’\"「」"
MEASURE_SIMILARITY = 0.8
QUANTITY_TYPES = ("quantity", "percentage")
INITIATIVE_TYPES = ("initiative", "product")
WINDOW_KINDS = {"organizations": ("organization",), "initiatives": INITIATIVE_TYPES, "quantities": QUANTITY_TYPES}
PLACE_LISTS = ("provinces", "macro_regions", "regional_blocs")


def norm(s: str | None) -> str:
    """A name as compared: NFKC-folded, without white space or bold markers (``*``)."""
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(ch for ch in s if not ch.isspace() and ch != "*")


def _unquote(s: str | None) -> str:
    return "".join(ch for ch in norm(s) if ch not in QUOTES)


@dataclass(frozen=True)
class Row:
    name: str
    hit: int
    total: int
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.hit / self.total

    def line(self) -> str:
        return f"{self.name:<32} {self.hit:>4}/{self.total:<4} {self.ratio:6.1%}  {self.note}".rstrip()


@dataclass
class DocumentScore:
    name: str
    gold: str
    rows: list[Row] = field(default_factory=list)
    counted: bool = True  # in the mean: one document per gold file

    @property
    def score(self) -> float:
        return sum(r.ratio for r in self.rows) / len(self.rows) if self.rows else 0.0

    def as_dict(self) -> Json:
        return {"document": self.name, "gold": self.gold, "score": round(self.score, 6), "counted": self.counted,
                "rows": [{"name": r.name, "hit": r.hit, "total": r.total, "ratio": round(r.ratio, 6),
                          "note": r.note} for r in self.rows]}


class _Scorer:
    """One output against one gold; ``rows`` collects what can be judged."""

    def __init__(self, out: Json, gold: GoldDocument) -> None:
        self.out, self.gold = out, gold
        self.text: str = out.get("text", "")
        self.sections: list[Json] = out.get("sections", [])
        self.by_id = {s.get("id"): s for s in self.sections if s.get("id")}
        self.ents: list[Json] = out.get("entities", [])
        self.quants = [e for e in self.ents if e.get("type") in QUANTITY_TYPES]
        self.places = [e for e in self.ents if e.get("type") == "place"]
        self.rows: list[Row] = []

    def row(self, name: str, hit: int, total: int, note: str = "") -> None:
        if total:  # nothing in the gold (or the output) to judge: the row does not count
            self.rows.append(Row(name, hit, total, note))

    def section_key(self, sec: Any) -> str | None:
        if sec is None:
            return None
        s = self.by_id.get(sec, {"number": sec, "title": sec}) if isinstance(sec, str) else sec
        return norm(s.get("number") or s.get("title"))

    def run(self) -> list[Row]:
        self.offsets()
        self.section_rows()
        self.quantity_rows()
        self.indicator_rows()
        self.place_rows()
        self.named_rows()
        self.window_rows()
        return self.rows

    def offsets(self) -> None:
        bad = [e for e in self.ents if self.text[e.get("start", -1):e.get("end", -1)] != e.get("text")]
        if self.ents:
            self.row("entity offsets exact", len(self.ents) - len(bad), len(self.ents),
                     f"e.g. {bad[0].get('text')!r}" if bad else "")
        else:
            self.row("entity offsets exact", 0, 1, "no entities")

    def section_rows(self) -> None:
        want = [(norm(s.number or ""), norm(s.title), s.level) for s in self.gold.sections]
        got = [(norm(s.get("number") or ""), norm(s.get("title")), s.get("level")) for s in self.sections]
        hit = sum(1 for w in want if w in got)
        extra = [g for g in got if g not in want]
        missing = [w for w in want if w not in got]
        self.row("sections recall", hit, len(want), f"missing e.g. {missing[:2]}" if hit < len(want) else "")
        self.row("sections precision", len(got) - len(extra), len(got), f"extra e.g. {extra[:2]}" if extra else "")
        order = hit >= min(2, len(want)) and [g for g in got if g in want] == [w for w in want if w in got]
        self.row("sections in order", int(order), 1)
        if self.gold.not_sections:
            traps = [norm(t) for t in self.gold.not_sections]
            fell = [t for t in traps if any(g[1] and g[1] in t and (g[0] + g[1]) in t.replace("、", "").replace(".", "")
                                            for g in got)]
            avoided = len(traps) - len(fell) if got else 0  # no sections at all avoids nothing
            self.row("look-alikes not sections", avoided, len(traps), f"taken as sections: {fell[:3]}" if fell else "")

    def _same_text(self, g: GoldQuantity, e: Json) -> bool:
        gt, et = norm(g.text), norm(e.get("text"))
        return bool(et) and (gt in et or et in gt)

    def quantity_rows(self) -> None:
        def exact(g: GoldQuantity) -> bool:
            return any(self._same_text(g, e)
                       and abs(float(e.get("value", -1)) - g.value) < 1e-6 * max(1, g.value)
                       and norm(e.get("unit")) == norm(g.unit)
                       and e.get("comparison") == g.comparison
                       and self.section_key(e.get("section")) == norm(g.section) for e in self.quants)

        miss = [g.text for g in self.gold.quantities if not exact(g)]
        total = len(self.gold.quantities)
        self.row("quantities exact", total - len(miss), total, f"wrong/missing: {miss[:4]}" if miss else "")

    def indicator_rows(self) -> None:
        inds: list[Json] = self.out.get("indicators", []) or []
        by_eid = {e.get("id"): e for e in self.ents if e.get("id")}

        def inds_of(g: GoldQuantity) -> list[Json]:
            ids = {e.get("id") for e in self.quants if self._same_text(g, e)}
            return [i for i in inds if i.get("quantity") in ids]

        quantities = self.gold.quantities
        with_m = [g for g in quantities if g.measures]
        if with_m:
            ok, bad = 0, []
            for g in with_m:
                want = _unquote(TARGET_MARK.sub("", g.measures or ""))
                if any(difflib.SequenceMatcher(None, want, _unquote(i.get("measure"))).ratio() >= MEASURE_SIMILARITY
                       for i in inds_of(g)):
                    ok += 1
                else:
                    bad.append(g.text)
            self.row("indicator measures", ok, len(with_m), f"wrong/missing: {bad[:4]}" if bad else "")
        with_s = [g for g in quantities if g.status or TARGET_MARK.search(g.measures or "")]
        if with_s:
            ok = sum(1 for g in with_s if any(i.get("status") == (g.status or "target") for i in inds_of(g)))
            self.row("indicator status", ok, len(with_s))
        with_a = [g for g in quantities if g.about]
        if with_a:
            ok = 0
            for g in with_a:
                for i in inds_of(g):
                    names = {norm(i.get("region"))}
                    for pid in i.get("places") or []:
                        names |= {norm(by_eid.get(pid, {}).get("text")), norm(by_eid.get(pid, {}).get("name"))}
                    if all(any(norm(a) in n for n in names if n) for a in g.about):
                        ok += 1
                        break
            self.row("indicator places", ok, len(with_a))

    @staticmethod
    def _names(e: Json) -> set[str]:
        return {norm(e.get("text")), norm(e.get("name"))}

    def _mentions(self, city: str) -> list[Json]:
        c = norm(city)
        return [e for e in self.places
                if c in self._names(e) or any(x.startswith(c) and len(x) <= len(city) + 1 for x in self._names(e) if x)]

    def place_rows(self) -> None:
        cities = self.gold.cities
        found, total, short = 0, 0, []
        for c, info in cities.items():
            n = len(self._mentions(c))
            want_n = info.mentions or 1  # gold without counts asks only that the city is found
            found += min(n, want_n)
            total += want_n
            if n < want_n:
                short.append(f"{c} {n}/{want_n}")
        self.row("city mentions recall", found, total, f"short: {short[:4]}" if short else "")
        prov_ok = sum(1 for c, info in cities.items()
                      if any((norm(c) in self._names(e) or any(x.startswith(norm(c)) for x in self._names(e) if x))
                             and norm(e.get("province")) == norm(info.province) for e in self.places))
        self.row("city -> province", prov_ok, len(cities))
        sec_ok, wrong = 0, []
        judged = {c: info for c, info in cities.items() if info.sections is not None}
        for c, info in judged.items():
            got = {self.section_key(e.get("section")) for e in self._mentions(c)}
            if got == {norm(s) for s in info.sections or []}:
                sec_ok += 1
            else:
                wrong.append(c)
        self.row("city -> sections", sec_ok, len(judged), f"wrong: {wrong[:4]}" if wrong else "")
        known: set[str] = set()
        for c in cities:
            known |= {norm(c), norm(c) + "市"}
        for k in PLACE_LISTS:
            known |= {norm(s) for s in getattr(self.gold, k)}
        spurious = [e.get("text") for e in self.places if not (self._names(e) & known) and not any(
            x.startswith(k) or k.startswith(x) for x in self._names(e) if x for k in known)]
        for k in PLACE_LISTS:
            want: list[str] = getattr(self.gold, k)
            got_n = sum(1 for s in want if any(
                norm(s) in self._names(e) or any(_short_form(norm(s), x) for x in self._names(e) if x)
                for e in self.places))
            self.row(f"{k} found", got_n, len(want))
        if self.gold.places_exhaustive:  # a sampled gold cannot judge precision
            if self.places or not cities:
                self.row("places precision", len(self.places) - len(spurious), len(self.places),
                         f"not in gold: {spurious[:5]}" if spurious else "")
            else:
                self.row("places precision", 0, 1, "no places found")

    def _names_of(self, types: Iterable[str]) -> set[str]:
        kinds = set(types)
        of = [e for e in self.ents if e.get("type") in kinds]
        return {norm(e.get("text")) for e in of} | {norm(e.get("name")) for e in of}

    def named_rows(self) -> None:
        periods = [e for e in self.ents if e.get("type") == "period"]
        ok = sum(1 for g in self.gold.periods if any(
            norm(e.get("text")) == norm(g.text) and str(e.get("date_start")) == str(g.start)
            and str(e.get("date_end")) == str(g.end) for e in periods))
        self.row("periods exact", ok, len(self.gold.periods))
        orgs = self._names_of(("organization",))
        miss = [o for o in self.gold.organizations if norm(o) not in orgs]
        self.row("organizations found", len(self.gold.organizations) - len(miss), len(self.gold.organizations),
                 f"missing: {miss[:4]}" if miss else "")
        inits = self._names_of(INITIATIVE_TYPES)
        for label, want in (("initiatives found", self.gold.initiatives_must_find),
                            ("products found", self.gold.products_must_find)):
            miss = [o for o in want if norm(o) not in inits]
            self.row(label, len(want) - len(miss), len(want), f"missing: {miss[:4]}" if miss else "")
        nots = self.gold.not_initiatives
        bad = [o for o in nots if norm(o) in inits]
        if nots and not inits:
            self.row("not-initiatives avoided", 0, 1, "no initiatives found at all")
        elif nots:
            self.row("not-initiatives avoided", len(nots) - len(bad), len(nots),
                     f"wrongly tagged: {bad[:4]}" if bad else "")

    def window_rows(self) -> None:
        if not self.gold.windows:
            return
        flat_chars, where = [], []  # the text as compared, with a map back to offsets
        for i, ch in enumerate(self.text):
            for c in norm(ch):
                flat_chars.append(c)
                where.append(i)
        flat = "".join(flat_chars)
        tally: dict[str, list[Any]] = {k: [0, 0, 0, []] for k in WINDOW_KINDS}  # hits, predicted, gold, wrong
        lost = 0
        for w in self.gold.windows:
            q = norm(w.quote)
            at = flat.find(q) if q else -1
            if at < 0:
                lost += 1
                for k in WINDOW_KINDS:
                    tally[k][2] += len(set(map(norm, getattr(w, k) or [])))
                continue
            lo, hi = where[at], where[at + len(q) - 1] + 1
            for k, types in WINDOW_KINDS.items():
                listed: list[str] | None = getattr(w, k)
                if listed is None:
                    continue
                want = {norm(x) for x in listed}
                got = {norm(e.get("text")) for e in self.ents
                       if e.get("type") in types and e.get("start", -1) >= lo and e.get("end", 10**12) <= hi}
                t = tally[k]
                t[0] += len(want & got)
                t[1] += len(got)
                t[2] += len(want)
                t[3] += sorted(got - want)
        if lost:
            self.row("windows located", len(self.gold.windows) - lost, len(self.gold.windows),
                     "quote not in the output text")
        for k, (hits, pred, want_n, wrong) in tally.items():
            if want_n or pred:
                self.row(f"{k} recall (windows)", hits, want_n)
                self.row(f"{k} precision (windows)", hits, pred, f"not in gold: {wrong[:4]}" if wrong else "")


def score_document(output: Mapping[str, Any], gold: GoldDocument, name: str = "", gold_name: str = "") -> DocumentScore:
    """Score one output (its JSON, as a dict) against one gold."""
    out = dict(output)
    rows = _Scorer(out, gold).run()
    src = out.get("source") or {}
    return DocumentScore(name or src.get("name") or "", gold_name or gold.document.source, rows)


GENERIC_ENDINGS = {"省", "市", "自治区", "地区", "区域", "区", "一带", "片区", "经济区"}


def _short_form(full: str, x: str) -> bool:
    """``x`` names ``full`` less a generic ending only (浙江 for 浙江省), not a shorter different
    name (陇东 is not 陇东南), as tools/score.py reads it."""
    return len(x) >= 2 and full.startswith(x) and full[len(x):] in GENERIC_ENDINGS
