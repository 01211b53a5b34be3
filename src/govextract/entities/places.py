"""Place mentions from the gazetteer: divisions, macro-regions, intra-provincial regions and blocs."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..data import load_json, load_lines, require
from ..data.gazetteer import Gazetteer, PlaceRecord
from ..errors import DataFileError
from .scan import Words
from .spans import Candidate

SPANS_KEY = "govextract_places"

# A form that names part of whatever is written before it (东部 after 浙江省 is eastern Zhejiang,
# not the national 东部地区) is not taken after a place or a unit's name: 我省东部, 市区西部.
UNIT_CHARS = frozenset("省市县区州盟旗")


def crosses_word(start: int, end: int, starts: set[int], ends: set[int]) -> bool:
    """Whether one of the segmenter's words runs across an edge of ``text[start:end]``: 顺应|城市
    across 应城市, 南昌|都市圈 across 昌都市, 西安|区域 across 西安区. A word holding the whole
    name (上海浦东) or lying inside it (湖北省|应城市) does not cross it."""
    if start in starts and end in ends:
        return False
    return any(p in starts for p in range(start + 1, end))


class PlaceFinder:
    """Longest gazetteer names in the text, none starting or ending inside a word.

    A short form (深圳) or a two-character name must also be a whole jieba word, so 阿里 in
    阿里巴巴 or 大连 in 大连接 is not a place; a word the dictionary joins to a place (台湾同胞,
    ``place_attached.txt``) does not hide it. No name, full or short, is taken across a word's
    edge (:func:`crosses_word`: 顺应城市 holds no 应城市), unless it is one of several names
    written together whose outer edges are words' edges (山西晋|中 is 山西 + 晋中), or only its
    unit character begins the next word (洛阳市|市中心支行: 杭州市场 for 杭州市市场 is a common
    way of writing the one 市 twice)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.attached = tuple(load_lines("place_attached.txt"))
        self.names = Words(gazetteer.aliases)
        self.blocs = BlocShapes(gazetteer)

    def _whole_word(self, text: str, start: int, end: int, starts: set[int], ends: set[int]) -> bool:
        if start not in starts:
            return False
        return end in ends or any(text.startswith(w, end) and end + len(w) in ends for w in self.attached)

    def _shares_unit(self, start: int, end: int, alias: str, starts: set[int]) -> bool:
        """Whether the word crossing ``alias``'s end begins at its unit character, and the name
        without that character is the same place (洛阳市|市中心, not 西安区|区域: 西安 is the city)."""
        if start not in starts or end - 1 not in starts or alias[-1] not in UNIT_CHARS:
            return False
        g = self.gazetteer
        short = set(g.aliases.get(alias[:-1], ())) - g.minor.get(alias[:-1], set())
        return set(g.aliases[alias]) <= short

    def _joint(self, text: str, starts: set[int], ends: set[int]) -> list[tuple[int, int, str, list[str]]]:
        """Joint abbreviations (港澳台商, 港澳同胞: ``Gazetteer.joint``) written as a word of their
        own, or before a word the dictionary joins to a place (港澳台|同胞 as 港澳台同胞); not a
        part of a longer word (港澳办, 港澳台侨)."""
        out: list[tuple[int, int, str, list[str]]] = []
        for run, keys in self.gazetteer.joint.items():
            i = text.find(run)
            while i >= 0:
                if self._whole_word(text, i, i + len(run), starts, ends):
                    out.append((i, i + len(run), run, list(keys)))
                i = text.find(run, i + 1)
        return out

    def find(self, text: str, starts: set[int], ends: set[int]) -> list[Candidate]:
        # every match, overlaps too: 从江苏 holds 从江 and 江苏
        matches = self.names.every(text)
        # names written together that the segmenter keeps as one word or cuts across (上海浦东,
        # 山西晋|中): a name may start where another that starts on a word boundary ends, and end
        # where another that ends on one starts. A macro-region's form (东部, 西部) is never read
        # right after another name, so it links none (粤黔|东西部 is not 黔东 + 西部)
        by_end: dict[int, list[int]] = {}
        by_start: dict[int, list[int]] = {}
        for start, end, alias in matches:
            if alias not in self.gazetteer.scoped:
                by_end.setdefault(end, []).append(start)
                by_start.setdefault(start, []).append(end)
        left: dict[int, bool] = {}
        for pos in sorted(by_start):
            left[pos] = pos in starts or any(left.get(s0, False) for s0 in by_end.get(pos, ()))
        right: dict[int, bool] = {}
        for pos in sorted(by_end, reverse=True):
            right[pos] = pos in ends or any(right.get(e1, False) for e1 in by_start.get(pos, ()))
        accepted: list[tuple[int, int, str, list[str]]] = []
        for start, end, alias in matches:
            chained = alias not in self.gazetteer.scoped and left[start] and right[end]
            if crosses_word(start, end, starts, ends) and not chained and not self._shares_unit(
                    start, end, alias, starts):
                continue
            loose = alias not in self.gazetteer.full_names or len(alias) <= 2
            if loose and not self._whole_word(text, start, end, starts, ends) and not chained:
                continue
            accepted.append((start, end, alias, list(self.gazetteer.aliases[alias])))
        accepted += self.blocs.find(text, starts, ends)
        accepted += self._joint(text, starts, ends)
        taken = bytearray(len(text) + 1)
        chosen: list[tuple[int, int, str, list[str]]] = []
        for start, end, alias, keys in sorted(accepted, key=lambda m: (m[0] - m[1], m[0])):  # longest, leftmost
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((start, end, alias, keys))
        out: list[Candidate] = []
        for start, end, alias, keys in sorted(chosen):
            if alias in self.gazetteer.joint:  # 港澳台: each character its own place
                out += [Candidate(start + i, start + i + 1, "place", {"keys": [k], "minor": []})
                        for i, k in enumerate(keys)]
                continue
            if alias in self.gazetteer.scoped and start > 0 and (
                    text[start - 1] in UNIT_CHARS or (out and out[-1].end == start)):
                continue
            attrs: dict[str, Any] = {"keys": keys, "minor": sorted(self.gazetteer.minor.get(alias, ()))}
            if alias not in self.gazetteer.aliases and alias.endswith(self.blocs.circles):
                # a circle named after its city (杭州都市圈) names the city too: kept inside it
                attrs["nests"] = True
                city = alias[: -len(next(w for w in self.blocs.circles if alias.endswith(w)))]
                out.append(Candidate(start, start + len(city), "place", {"keys": list(self.gazetteer.aliases[city]),
                                                                          "minor": []}))
            out.append(Candidate(start, end, "place", attrs))
        return out


Shaped = tuple[int, int, str, list[str]]  # start, end, name, gazetteer keys
_RUNS_KEPT = 4096  # readings of runs kept at once


class BlocShapes:
    """Regional groupings written as a run of one-character abbreviations (``bloc_shapes.json``):
    provinces' (鄂湘赣, 京津冀协同发展), cities' of one province (襄十随神城市群: 襄阳, 十堰, 随州,
    神农架), or a province's with directions (陇东南经济带). Found by shape, since plans coin new
    ones; each is registered in the gazetteer the first time it is seen, with its members."""

    def __init__(self, g: Gazetteer) -> None:
        name = "bloc_shapes.json"
        d = load_json(name)
        self.g = g
        province_keys = {r.name: k for k, r in g.records.items() if r.adcode and r.adcode.endswith("0000")}
        abbreviations = require(d, "province_abbreviations", dict, name)
        unknown = [p for p in abbreviations.values() if p not in province_keys]
        if unknown:
            raise DataFileError(f"province_abbreviations names unknown provinces: {unknown}", name)
        self.provinces: dict[str, PlaceRecord] = {c: g.records[province_keys[p]] for c, p in abbreviations.items()}
        self.by_prefix = {k[:2]: g.records[k] for k in province_keys.values()}
        self.not_bare = set(require(d, "mainland_only_when_bare", list, name))
        self.endings = tuple(require(d, "name_endings", list, name))
        self.process = tuple(require(d, "process_words", list, name))
        self.circles = tuple(require(d, "city_circle_endings", list, name))
        self.directions = set(require(d, "directions", str, name))
        self.bare_min: int = require(d, "bare_run_min", int, name)
        self.run_max: int = require(d, "run_max", int, name)
        bare = "".join(sorted(c for c in self.provinces if c not in self.not_bare))
        self.bare_pattern = re.compile(f"[{re.escape(bare)}]{{{self.bare_min},}}")
        self.runs: dict[str, list[str] | None] = {}  # a run's keys, once read (it reads the same each time)
        # the first characters of each province's prefecture-level cities and of the county-level
        # units under the province itself (adcode xx90yy: 神农架林区, 仙桃市)
        self.initials: dict[str, dict[str, list[PlaceRecord]]] = {}
        for r in g.records.values():
            code = r.adcode or ""
            if (r.level == "city" and not code.endswith("0000")) or (r.level == "county" and code[2:4] == "90"):
                self.initials.setdefault(code[:2], {}).setdefault(r.name[0], []).append(r)

    def _cities(self, run: str) -> tuple[str, list[PlaceRecord]] | None:
        """The one province whose cities' first characters spell ``run`` (宜荆荆恩: 宜昌, 荆州 and
        荆门, 恩施), with those cities."""
        need = Counter(run)
        fits = [(prefix, table) for prefix, table in self.initials.items()
                if all(len(table.get(c, ())) >= n for c, n in need.items())]
        if len(fits) != 1:
            return None
        prefix, table = fits[0]
        return prefix, [r for c in dict.fromkeys(run) for r in table[c]]

    def _register(self, key: str, rec: PlaceRecord) -> list[str]:
        self.g.records.setdefault(key, rec)
        return [key]

    def _run(self, run: str) -> list[str] | None:
        """The gazetteer keys of a run of abbreviations, or none when it spells no grouping."""
        if run not in self.runs:
            if len(self.runs) >= _RUNS_KEPT:  # a long batch reads ever new forms: keep memory flat
                self.runs.clear()
            self.runs[run] = self._read_run(run)
        return self.runs[run]

    def _read_run(self, run: str) -> list[str] | None:
        known = [k for k in self.g.aliases.get(run, ()) if self.g.records[k].level == "bloc"]
        if known:
            return known
        provs = [self.provinces.get(c) for c in run]
        if all(provs) and len({p.name for p in provs if p}) == len(run):
            return self._register("bloc:" + run, PlaceRecord(run, "bloc", members=tuple(p.name for p in provs if p)))
        cities = self._cities(run)
        if cities is None:
            return None
        prefix, recs = cities
        province = self.by_prefix[prefix]
        return self._register("bloc:" + run, PlaceRecord(run, "bloc", province=province.name, region=province.region,
                                                         members=tuple(r.name for r in recs)))

    def _part(self, form: str) -> list[str] | None:
        """A province's abbreviation with directions (陇东南), unless a division or region has the form."""
        prov = self.provinces.get(form[0])
        if prov is None or form[0] in self.not_bare or form in self.g.aliases or len(form) > 4 or not all(
                c in self.directions for c in form[1:]):
            return None
        return self._register("sub:" + form, PlaceRecord(form, "macro_region", province=prov.name,
                                                         region=prov.region))

    def find(self, text: str, starts: set[int], ends: set[int]) -> list[Shaped]:
        """Groupings written before an ending, a process word or 地区, and bare runs of provinces,
        each starting on a word's edge; a form the gazetteer already has is left to it."""
        out: list[Shaped] = []
        for word in (*self.endings, *self.process, "地区"):
            i = text.find(word)
            while i >= 0:
                end = i + len(word)
                out += self._before(text, i, word, end, starts)
                i = text.find(word, end)
        out += self._bare_runs(text, starts, ends)
        return [m for m in out if text[m[0]:m[1]] not in self.g.aliases]

    def _before(self, text: str, i: int, word: str, end: int, starts: set[int]) -> list[Shaped]:
        """The longest run written right before ``word`` at ``i`` that spells a grouping."""
        for j in range(max(0, i - self.run_max), i - 1):
            if j not in starts:
                continue
            form = text[j:i]
            part = self._part(form) if word in (*self.endings, "地区") else None
            if part:
                return [(j, end, form, part)]
            keys = self._run(form) if word != "地区" else None
            if keys:
                return [(j, end if word in self.endings else i, form, keys)]
            if word in self.circles and (keys := self._circle(form, word)):
                return [(j, end, form + word, keys)]
        return []

    def _circle(self, form: str, word: str) -> list[str] | None:
        """A prefecture-level city's name with a circle's ending (杭州都市圈): the circle."""
        recs = [self.g.records[k] for k in self.g.aliases.get(form, ())]
        if len(recs) != 1 or recs[0].level != "city" or not recs[0].adcode:
            return None
        city = recs[0]
        return self._register("bloc:" + form + word, PlaceRecord(form + word, "bloc", province=city.province,
                                                                 region=city.region, members=(city.name,)))

    def _bare_runs(self, text: str, starts: set[int], ends: set[int]) -> list[Shaped]:
        """Runs of three or more provinces' abbreviations on word edges (云贵川, 鄂湘赣)."""
        out: list[Shaped] = []
        for m in self.bare_pattern.finditer(text):
            i, j = m.span()
            if i in starts and j in ends and (keys := self._run(m.group())):
                out.append((i, j, m.group(), keys))
        return out
