"""Who and when: the jurisdiction that issues a report, the year it is about and its genre, read
from its title, the government it speaks for (我代表…人民政府) and its issuer lines (来源：…,
出处：…, a signature), never from the file name. What the text does not say stays null."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..data import load_json, require
from ..data.gazetteer import load_gazetteer
from ..models import DocumentKind, Jurisdiction, Metadata, Section

_NAME = "genres.json"
_HEAD_LINES = 40
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_SENTENCE = re.compile(r"[。，,；;！？]")
_NATION = Jurisdiction(code="100000", name="全国", level="country")


@dataclass(frozen=True)
class Genres:
    kinds: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]
    speaks_for: re.Pattern[str]
    delivered_at: re.Pattern[str]
    head: re.Pattern[str]
    issuer: re.Pattern[str]
    organ: re.Pattern[str]
    nation: re.Pattern[str]


@cache
def load_genres() -> Genres:
    d = load_json(_NAME)
    kinds = tuple((k["kind"], re.compile(k["title"]), re.compile(k["opening"]) if k.get("opening") else None)
                  for k in require(d, "kinds", list, _NAME))
    return Genres(kinds=kinds, speaks_for=re.compile(require(d, "speaks_for", str, _NAME)),
                  delivered_at=re.compile(require(d, "delivered_at", str, _NAME)),
                  head=re.compile(require(d, "head_of_government", str, _NAME), re.M),
                  issuer=re.compile(require(d, "issuer", str, _NAME)),
                  organ=re.compile(require(d, "organ", str, _NAME)),
                  nation=re.compile(require(d, "nation", str, _NAME)))


def _inside(code: str, parent: str) -> bool:
    """Whether division ``code`` lies inside division ``parent`` (a province's or a city's)."""
    prefix = parent[:2] if parent.endswith("0000") else parent[:4] if parent.endswith("00") else parent
    return code != parent and code.startswith(prefix)


def jurisdiction_in(s: str, nation: bool = False) -> Jurisdiction | None:
    """The division ``s`` names first, as precisely as it names it: 长沙市, 黔东南州, 浙江省;
    北京市朝阳区 is the district (a name written right after its parent is read inside it, which
    also settles a name several divisions carry). With ``nation``, 全国/国务院 name the nation."""
    g = load_gazetteer()
    n = load_genres().nation
    found: Jurisdiction | None = None
    end = -1
    i = 0
    while i < len(s):
        if found is not None and i > end:
            break  # the next name is not written onto the one found
        if found is None and nation and n.match(s, i):
            return _NATION
        for j in range(min(len(s), i + 12), i + 1, -1):
            keys = g.aliases.get(s[i:j])
            if not keys:
                continue
            recs = {r.adcode: r for k in keys if (r := g.records[k]).adcode
                    and r.level in ("province", "city", "county")}
            if found is not None:
                recs = {c: r for c, r in recs.items() if _inside(c, found.code)}
            if len(recs) == 1:
                rec = next(iter(recs.values()))
                found = Jurisdiction(code=rec.adcode or "", name=rec.name, level=rec.level)
                end = j
                i = j - 1
            break
        i += 1
    return found


def _organ_region(issuers: str, genres: Genres) -> Jurisdiction | None:
    """The jurisdiction of the first government organ among ``issuers`` (长沙市统计局); a company
    or a newspaper names none."""
    for name in re.split(r"[、，,\s]+", issuers):
        if genres.organ.search(name) and (region := jurisdiction_in(name)):
            return region
    return None


def _title_lines(lines: list[str], genres: Genres) -> list[tuple[str, str]]:
    """(kind, the title with the line before it) for each head line that reads as a title."""
    out = []
    for k, line in enumerate(lines[:_HEAD_LINES]):
        if len(line) > 60 or _SENTENCE.search(line):
            continue
        for kind, title, _ in genres.kinds:
            if title.search(line):
                out.append((kind, line))
                if k and len(lines[k - 1]) <= 30 and not _SENTENCE.search(lines[k - 1]):
                    out.append((kind, lines[k - 1] + line))  # a title broken over two lines
                break
    return out


def document_context(text: str, sections: list[Section], meta: Metadata) -> Metadata:
    """``meta`` with the report's region, year and kind filled in where the text states them."""
    genres = load_genres()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    titles = _title_lines(lines, genres)
    head = "\n".join(lines[:_HEAD_LINES])
    kind = titles[0][0] if titles else None
    if kind is None:
        kind = next((k for k, _, opening in genres.kinds if opening and opening.search(head)), None)
    if kind is None:
        kind = next((k for k, _, opening in genres.kinds if opening and opening.search(text)), None)

    region = None
    for _, title in titles:
        region = jurisdiction_in(title, nation=True)
        if region:
            break
    if region is None and (m := genres.speaks_for.search(head)):
        region = _NATION if m.group(0).endswith("国务院") else jurisdiction_in(m.group(1))
    if region is None and (m := genres.delivered_at.search(head)):  # ——…在浙江省第十四届人民代表大会…上
        region = _NATION if "全国" in m.group(2) else jurisdiction_in(m.group(1))
    if region is None and (m := genres.head.search(head)):  # 浙江省省长 刘捷
        region = jurisdiction_in(m.group(1))
    if region is None:
        tail = "\n".join(lines[-6:])
        for block in (head, tail):
            for m in genres.issuer.finditer(block):
                region = _organ_region(m.group(1), genres)
                if region:
                    break
            if region:
                break
    if region is None and meta.publisher:
        region = _organ_region(meta.publisher, genres)

    year = None
    for _, title in titles:
        years = [int(y) for y in _YEAR.findall(title)]
        if years:  # 2024年预算执行情况和2025年预算草案的报告: the budget's year, as a work report's
            year = max(years) if kind == DocumentKind.budget_report.value else years[0]
            break
    dated = int(meta.date[:4]) if meta.date else None
    if year is None and kind == DocumentKind.statistical_communique.value and dated:
        year = dated - 1  # a year's communiqué is published in the following year
    elif year is None and dated and kind is not None:
        year = dated
    if year is None and kind == DocumentKind.government_work_report.value:
        tops = [int(y) for s in sections if s.level == 1 and s.title for y in _YEAR.findall(s.title)]
        year = max(tops) if tops else None
    return meta.model_copy(update={"region": region, "year": year, "kind": kind})
