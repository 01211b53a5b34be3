"""The panel: each headline figure of a report as a cell of region × indicator × year.

A figure is a cell when, inside one sentence, it follows the written name of an indicator of the
vocabulary with nothing between them but qualifiers that do not change what is counted (比上年,
按不变价格计算, 增长, 约 …, and the indicator's other figures): ``地区生产总值8264.35亿元，比上年
增长4.0%`` gives a level and a growth; ``城镇和农村居民人均可支配收入分别增长4.6%、6.2%`` gives
one growth to each. The kind follows the figure's unit and the words before it (a % after 增长 is
a growth, a fall is negative); the year is the one the clause names, else the report's (the
year before for the review of a work report); the scope is the report's own jurisdiction unless
the clause names another place. Averages over several years, months and quarters, a part of the
jurisdiction (市本级, 开发区) and a part of another aggregate (民营经济's 第一产业增加值) are
not cells.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from ..models import CharRange, Comparison, Entity, Indicator, Metadata, PanelCell, Place, Quantity, Section
from .vocabulary import Vocabulary, load_vocabulary

NATION = "100000"
_SENT_END = re.compile(r"[。！？；!?;\n]")
_CLAUSE_END = "。！？；!?;\n，,：:"
_MASS = ("吨", "斤", "公斤", "千克")
_START_VALUE = re.compile(r"(?:从|由)\s*(?:(?:19|20)\d{2}\s*年(?:的|末|底)?)?\s*$")
_YEAR = re.compile(r"(?<![比较与同])((?:19|20)\d{2})\s*年(?!以来|来|[0-9])")
_RELATIVE = re.compile(r"(?<![比较与同])(今年|明年|去年|上年)(?!末|同期)")
_COUNTRY = re.compile(r"全国(?!人大|人民代表大会|政协|两会)")  # the nation as a figure's scope
_TO = re.compile(r"(?:到|至|达到)\s*(?:(?:19|20)\d{2}\s*年(?:的|末|底)?)?\s*$")
_LIST = re.compile(r"\s*[、和及与]\s*")
_SUBJECT = re.compile(r"[\u4e00-\u9fff]+?(?:增加值|生产总值)(?=\s*(?:\\?\[\d{1,2}\\?\]|[（(][^（）()]{0,12}[）)])*\s*"
                      r"(?:\d|增长|下降|比上年|达到|完成|为))")


@dataclass
class _Open:
    """An indicator name whose figures are being read."""

    start: int
    end: int
    codes: tuple[str, ...]
    single: str | None
    respectively: bool = False
    taken: int = 0
    verb: str | None = None  # the growth word of its last figure, for a list (分别增长4.6%、6.2%)
    comparison: str | None = None  # the comparison of its last figure, for a list (分别超过6万元、3.2万元)


def _in_brackets(text: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` sits inside a bracket opened after ``lo`` (a restatement: （折合215.7亿美元）)."""
    depth = 0
    for ch in text[lo:pos]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


def _kind(vocab: Vocabulary, code: str, q: Quantity, gap: str, name: str,
          verb: str | None) -> Literal["level", "growth"] | None:
    d = vocab.indicators[code]
    if q.unit == "%":
        if d.unit == "%":
            return "level" if "level" in d.kinds else None
        if "growth" not in d.kinds:
            return None
        if d.kinds == ("growth",) or vocab.growth.search(gap) or vocab.growth.search(name) or verb:
            return "growth"
        return None
    if vocab.growth.search(gap) and not _TO.search(gap):
        return None  # 比上年增加6.1万人: a change, not a level
    if "level" not in d.kinds:
        return None
    if (d.unit == "元" and q.unit in ("元", "美元")) or (d.unit == "人" and q.unit == "人") \
            or (d.unit == "吨" and q.unit in _MASS):
        return "level"
    return None


def _year(prefix: str, gap: str, report_year: int | None) -> int | None:
    """The year the clause names for the figure, if it names one."""
    for where in (gap, prefix):
        years = _YEAR.findall(where)
        if years:
            return int(years[-1])
        rel = _RELATIVE.findall(where)
        if rel and report_year:
            return report_year + {"今年": 0, "明年": 1, "去年": -1, "上年": -1}[rel[-1]]
    return None


def _default_year(meta: Metadata, status: str | None) -> int | None:
    if meta.year is None:
        return None
    if meta.kind in ("government_work_report", "budget_report") and status == "achieved":
        return meta.year - 1  # the review of the year before
    return meta.year


def _scope(places: list[Place], starts: list[int], lo: int, hi: int, own: str | None) -> Place | None:
    """A place named before the indicator in its clause that is not the report's own jurisdiction."""
    for p in places[bisect_left(starts, lo):bisect_left(starts, hi)]:
        code = NATION if p.level == "country" else p.adcode
        if code and code != own and p.level in ("country", "province", "city", "county"):
            return p
    return None


def _part_of_other(text: str, vocab: Vocabulary, code: str, para_start: int, pos: int) -> bool:
    """A component (第一产业增加值) stated under an aggregate other than its own: the nearest
    earlier clause of the paragraph whose subject is an aggregate with its figure decides; one
    that is not an indicator of the vocabulary (民营经济增加值, 数字经济增加值) makes the
    component its part."""
    parent = vocab.indicators[code].part_of
    if not parent:
        return False
    end = pos
    while True:
        cut = max(text.rfind(c, para_start, end) for c in "。；;，,")
        lo = cut + 1 if cut >= 0 else para_start
        subjects = list(_SUBJECT.finditer(text, lo, end))
        if subjects:
            name = subjects[-1].group()
            t = vocab.term.search(name)
            if t is None or t.end() != len(name):
                if not name.endswith("产业增加值"):  # its breakdown follows 其中; else the text moved on
                    return "其中" in text[subjects[-1].end():pos]
            elif parent in vocab.codes_of(t):
                return False
        if cut < 0:
            return False
        end = cut


def _flat(text: str, vocab: Vocabulary) -> list[Quantity]:
    """与上年持平 as a figure: a change of 0%."""
    return [Quantity(id="", type="percentage", text=m.group(), start=m.start(), end=m.end(), value=0.0, unit="%",
                     comparison=Comparison.about if m.group().startswith("基本") else Comparison.exact)
            for m in vocab.flat.finditer(text)]


def _plan_sections(sections: list[Section], vocab: Vocabulary) -> set[str]:
    """Ids of the sections (and their subsections) about a plan period (“十五五”时期的主要目标)."""
    out: set[str] = set()
    for sec in sections:  # parents come before their children
        if (sec.parent in out) or (sec.title and vocab.plan_period.search(sec.title)):
            out.add(sec.id)
    return out


def panel_cells(text: str, sections: list[Section], entities: list[Entity], indicators: list[Indicator],
                meta: Metadata, vocab: Vocabulary | None = None) -> list[PanelCell]:
    """The report's headline figures; also writes each one's code, kind, year and scope onto its
    indicator."""
    vocab = vocab or load_vocabulary()
    own = meta.region.code if meta.region else None
    own_name = meta.region.name if meta.region else None
    by_quantity = {i.quantity: i for i in indicators}
    places = sorted((e for e in entities if isinstance(e, Place)), key=lambda e: e.start)
    place_starts = [p.start for p in places]
    place_ends = frozenset(p.end for p in places)
    plans = _plan_sections(sections, vocab)
    quantities = [e for e in entities if isinstance(e, Quantity)] + _flat(text, vocab)
    ends = [m.start() for m in _SENT_END.finditer(text)]
    names = [m for m in vocab.names(text) if vocab.starts_word(text, m.start(), place_ends)]
    items: list[tuple[int, int, re.Match[str] | Quantity]] = [(m.start(), 0, m) for m in names]
    items += [(q.start, 1, q) for q in quantities]
    items.sort(key=lambda x: (x[0], x[1]))
    cells: list[PanelCell] = []
    seen: set[tuple[object, ...]] = set()
    current: _Open | None = None
    last = 0
    sentence = -1
    for pos, _, item in items:
        k = bisect_right(ends, pos)
        if k != sentence:  # a new sentence closes the name being read
            sentence, current = k, None
        s_start = ends[k - 1] + 1 if k else 0
        s_end = ends[k] if k < len(ends) else len(text)
        if isinstance(item, re.Match):
            codes = vocab.codes_of(item)
            if current is not None and (item.start() < current.end or (
                    codes == current.codes and _in_brackets(text, last, item.start()))):
                continue  # inside the name being read (粮食播种面积…、总产量), or its gloss: 生产总值（GDP）
            current = _Open(item.start(), item.end(), codes, vocab.single[item.lastgroup or ""])
            last = item.end()
            continue
        q = item
        if current is None or q.start < current.end:
            continue
        if _in_brackets(text, last, q.start):
            continue  # a restatement in brackets is read past, not taken
        gap = text[last:q.start]
        if not vocab.gap.fullmatch(gap):
            current = None
            continue
        last = q.end
        listed = bool(_LIST.fullmatch(gap))
        if "分别" in gap:
            current.respectively = True
        if len(current.codes) > 1 and current.respectively:
            if current.taken >= len(current.codes):
                continue
            code = current.codes[current.taken]
            current.taken += 1
        elif current.single:
            code = current.single
        else:
            continue
        words = vocab.growth.findall(gap)
        verb = words[-1] if words else (current.verb if listed else None)
        if listed and current.comparison and q.comparison == "exact":
            q = q.model_copy(update={"comparison": current.comparison})
        current.verb, current.comparison = verb, q.comparison
        sec = q.section or _section_at(sections, q.start)
        cell = _cell(text, vocab, code, q, gap, verb, current, (s_start, s_end), meta, by_quantity, places,
                     place_starts, own, own_name, sec in plans)
        if cell is None:
            continue
        key = (cell.code, cell.kind, cell.year, cell.status, cell.scope, cell.value, cell.value_max, cell.unit,
               cell.comparison)  # a restatement with the same value is one cell
        if key in seen:
            continue
        seen.add(key)
        cell.id = f"c{len(cells) + 1}"
        cells.append(cell)
    return cells


def _section_at(sections: list[Section], pos: int) -> str | None:
    """The innermost section holding ``pos``."""
    best = None
    for sec in sections:
        if sec.start <= pos < sec.end and (best is None or sec.level >= best.level):
            best = sec
    return best.id if best else None


def _cell(text: str, vocab: Vocabulary, code: str, q: Quantity, gap: str, verb: str | None, name: _Open,
          sentence: tuple[int, int], meta: Metadata, by_quantity: dict[str, Indicator], places: list[Place],
          place_starts: list[int], own: str | None, own_name: str | None, in_plan: bool) -> PanelCell | None:
    s_start, s_end = sentence
    name_text = text[name.start:name.end]
    kind = _kind(vocab, code, q, gap, name_text, verb)
    if kind is None or _START_VALUE.search(gap):
        return None
    prefix = text[s_start:name.start]
    explicit = _year(prefix, gap, meta.year)
    if (vocab.multi_year.search(prefix) or vocab.multi_year.search(gap)) and explicit is None \
            and not _TO.search(gap):
        return None
    if vocab.part_year.search(prefix) or vocab.part_year.search(gap):
        return None
    clause_start = name.start
    while clause_start > s_start and text[clause_start - 1] not in _CLAUSE_END:
        clause_start -= 1
    before = text[max(clause_start, name.start - 8):name.start]
    if vocab.part_scope.search(before) and not (code == "cpi" and vocab.cpi_scope.search(before)):
        return None
    para_start = text.rfind("\n", 0, name.start) + 1
    if _part_of_other(text, vocab, code, para_start, name.start):
        return None
    other = _scope(places, place_starts, clause_start, name.start, own)
    national = own != NATION and other is None and (
        _COUNTRY.search(text, clause_start, name.start) is not None or name_text.startswith("国内"))
    ind = by_quantity.get(q.id) if q.id else None
    status = "achieved" if meta.kind == "statistical_communique" else (ind.status if ind else None)
    if in_plan and status == "target" and explicit is None:
        return None  # a target of the plan period (到2030年), not of the report's year
    year = explicit if explicit is not None else _default_year(meta, status)
    value, value_max = q.value, q.value_max
    comparison: str = q.comparison
    if value_max is not None and comparison == "at_least":
        comparison = "exact"  # a range (5%—5.5%) is its two ends, not a floor
    if kind == "growth" and verb and vocab.fall.fullmatch(verb):
        value, value_max = -value, (-value_max if value_max is not None else None)
        if value_max is not None:
            value, value_max = value_max, value
    scope = (NATION if other.level == "country" else other.adcode) if other else NATION if national else own
    scope_name = (other.name or other.text) if other else "全国" if national else own_name
    if ind is not None:
        ind.code, ind.kind, ind.year, ind.scope = code, kind, year, scope
    return PanelCell(
        id="", indicator=ind.id if ind else None, code=code, kind=kind,
        year=year, status=status, value=value, value_max=value_max,
        unit=q.unit, comparison=comparison, scope=scope, scope_name=scope_name,
        start=name.start, end=q.end, sentence=CharRange(start=s_start, end=s_end), page=q.page,
    )
