"""What each quantity of a sentence measures: the noun phrase it counts, as written.

A clause (to ，：) may hold several figures (清理违建1230万平方米、复垦土地846公顷): each
figure's *item* runs from the clause start, or the end of the clause's previous figure, to the
figure. The measure is the item's words after the last place or period, list closer (等城市)
or, after such an agent or a locative 在…, an object-taking verb (上线, 设立); without footnote
markers, scope (全市), time (全年), leading adverbs (累计) or trailing auxiliaries (控制在).

Then four shapes borrow from around the item:
- a predicate only (增长, 比上年增加): the subject of the sentence's previous figure, or the
  previous clause's object, before it (国内生产总值…，增长6.1% → 国内生产总值增长);
- nothing left after a previous figure (增长6.1%、约2.7万亿元): that figure's subject;
- a kind only (其中国家级17个): the kind before the previous figure's subject;
- nothing, a bare verb or a list of examples ending in 等: the words after the figure
  (选派2万多名技术人员, 出台A、B等20余项专项扶持政策).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..data import alternation, load_json, require
from ..errors import DataFileError
from ..models import Entity

_NAME = "linking.json"
_WORD = re.compile(r"[“\"「]?[\u4e00-\u9fff]")
_SQUEEZE = re.compile(r"[，,：:\s]+")
# A figure the entity stage did not take (肉牛出栏46.3万头，下降1.4%): digits with a short unit
# up to a clause or list mark; not the digits of a name (5G, PM2.5, C919)
_BARE_FIGURE = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d.年月日号])"
                          r"[万亿千百]*[\u4e00-\u9fff/]{0,3}?(?=[、，,：:；;]|$)")


@dataclass(frozen=True)
class MeasureLexicon:
    closer: re.Pattern[str]
    verbs: tuple[str, ...]
    leading: tuple[str, ...]
    trailing: tuple[str, ...]
    auxiliary: re.Pattern[str]
    scope: re.Pattern[str]
    time: re.Pattern[str]
    footnote: re.Pattern[str]
    footnote_end: re.Pattern[str]
    comparison: re.Pattern[str]
    from_base: re.Pattern[str]
    predicates: frozenset[str]
    kind: re.Pattern[str]
    joiners: str


def compile_pattern(pattern: str, key: str) -> re.Pattern[str]:
    """``pattern`` (the data file's ``key``) compiled, or a :class:`DataFileError` naming it."""
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataFileError(f"bad pattern {key!r}: {exc}", _NAME) from exc


def _pattern(d: dict[str, Any], key: str) -> re.Pattern[str]:
    return compile_pattern(require(d, key, str, _NAME), key)


@cache
def load_measure_lexicon() -> MeasureLexicon:
    d = require(load_json(_NAME), "measure", dict, _NAME)

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted(require(d, key, list, _NAME), key=len, reverse=True))

    predicates = words("predicates")
    return MeasureLexicon(
        closer=_pattern(d, "list_closer"),
        verbs=words("verbs"),
        leading=words("leading"),
        trailing=words("trailing"),
        auxiliary=_pattern(d, "auxiliary"),
        scope=compile_pattern(f"(?:{require(d, 'scope', str, _NAME)})", "scope"),
        time=compile_pattern(f"(?:{require(d, 'time', str, _NAME)})", "time"),
        footnote=_pattern(d, "footnote"),
        footnote_end=compile_pattern(f"(?:{require(d, 'footnote', str, _NAME)})$", "footnote"),
        comparison=compile_pattern(f"(?:{require(d, 'comparison', str, _NAME)})(?=(?:{alternation(predicates)}))",
                                   "comparison"),
        from_base=_pattern(d, "from_base"),
        predicates=frozenset(predicates),
        kind=_pattern(d, "kind"),
        joiners=require(d, "joiners", str, _NAME),
    )


@dataclass(frozen=True)
class Measure:
    """A measure's words (squeezed of commas and spaces) and the stretch of text they come from."""

    text: str
    start: int
    end: int


def within(items: list[Entity], starts: list[int], lo: int, hi: int) -> list[Entity]:
    """The items (sorted by start, with their ``starts``) that start in ``[lo, hi)``."""
    return items[bisect_left(starts, lo):bisect_left(starts, hi)]


def strip_edges(text: str, lo: int, hi: int, lex: MeasureLexicon, words: bool = True) -> tuple[int, int]:
    """``[lo, hi)`` without footnote markers, scope, time and (with ``words``) adverbs at its
    start, and without footnote markers and (with ``words``) auxiliaries at its end (控制在, 拟按)."""
    changed = True
    while changed and lo < hi:
        changed = False
        s = text[lo:hi]
        if s[0] in lex.joiners or s[0] in "）)的":
            lo, changed = lo + 1, True
            continue
        for pat in (lex.footnote, lex.scope, lex.time):
            m = pat.match(s)
            if m and m.end():
                lo, changed = lo + m.end(), True
                break
        if changed or not words:
            continue
        for w in lex.leading:
            if s.startswith(w) and len(s) > len(w):
                lo, changed = lo + len(w), True
                break
    changed = True
    while changed and lo < hi:
        changed = False
        s = text[lo:hi]
        if s[-1] in lex.joiners or s[-1].isspace():
            hi, changed = hi - 1, True
            continue
        m = lex.footnote_end.search(s) or lex.from_base.search(s)
        if m and m.start() > 0:
            hi, changed = lo + m.start(), True
            continue
        if not words:
            continue
        m = lex.auxiliary.search(s)
        if m and m.start() > 0:  # 拟按, 将以: a modal and a preposition of basis
            hi, changed = lo + m.start(), True
            continue
        for w in lex.trailing:
            if s.endswith(w):
                hi, changed = hi - len(w), True
                break
    return lo, hi


def own_words(text: str, lo: int, hi: int, anchors: tuple[list[Entity], list[int]],
              lex: MeasureLexicon) -> tuple[int, int, int]:
    """Where an item ``text[lo:hi]`` goes on after its places, periods and list closers, and the
    stretch of it that names what its figure counts (may be empty)."""
    cut, agent = lo, False
    for a in within(anchors[0], anchors[1], lo, hi):
        if a.end <= hi and text[a.start - 1:a.start] not in ("比", "较", "从"):  # not 比2019年下降: a base
            cut, agent = max(cut, a.end), agent or a.type == "place"  # a period is not an agent
    closers = list(lex.closer.finditer(text, cut, hi))
    if closers:
        cut, agent = closers[-1].end(), True
    start, end = strip_edges(text, cut, hi, lex)
    s = text[start:end]
    best = -1
    for v in lex.verbs:  # 乡镇设立自助终端, 武汉等城市上线“一件事”集成服务套餐: the verb's object
        k = s.rfind(v)
        if (k > 0 or (k == 0 and agent)) and k + len(v) + 1 < len(s):
            best = max(best, k + len(v))
    if best > 0:
        start, end = strip_edges(text, start + best, end, lex)
    return cut, start, end


_COUNTING = ("累计", "平均", "年均")  # adverbs that say how a predicate counts, kept in it


def predicate_of(s: str, lex: MeasureLexicon) -> str | None:
    """The predicate ``s`` is made of (增长, 累计运转), without its comparison base, if it is only that."""
    core = lex.comparison.sub("", s)
    changed = True
    while changed:
        changed = False
        for w in (*lex.leading, "分别"):
            if core.startswith(w) and len(core) > len(w) and w not in _COUNTING:
                core, changed = core[len(w):], True
    bare = core
    for w in _COUNTING:
        if bare.startswith(w) and len(bare) > len(w):
            bare = bare[len(w):]
    if bare[-1:] in ("到", "至") and bare[:-1] in lex.predicates:  # 提高到66.2%: a level, not a change
        return ""
    return core if bare in lex.predicates else None


def subject_of(measure: str, lex: MeasureLexicon) -> str:
    """A measure without the predicate it ends in: 国内生产总值增长 → 国内生产总值."""
    s = lex.comparison.sub("", measure)
    for p in sorted(lex.predicates, key=len, reverse=True):
        if s.endswith(p) and len(s) > len(p):
            return s[: -len(p)]
    return s


def squeeze(s: str, lex: MeasureLexicon) -> str:
    return lex.footnote.sub("", _SQUEEZE.sub("", s))


def sentence_measures(text: str, clauses: list[tuple[int, int]], quantities: list[Entity],
                      anchors: tuple[list[Entity], list[int]],
                      lex: MeasureLexicon | None = None) -> dict[str, Measure | None]:
    """Quantity id → its measure, for the ``quantities`` (sorted by start) of one sentence whose
    ``clauses`` are ``(start, end)`` stretches."""
    lex = lex or load_measure_lexicon()
    out: dict[str, Measure | None] = {}
    previous: Measure | None = None  # the sentence's last figure's measure
    kind_of: str | None = None  # the subject the sentence's kinds (国家级, 省级) are kinds of
    for n, q in enumerate(quantities):
        k = next(i for i, (a, b) in enumerate(clauses) if a <= q.start <= b)
        c_start, c_end = clauses[k]
        before = [p for p in quantities[:n] if p.end <= q.start and p.start >= c_start]
        item_start = before[-1].end if before else c_start
        if before and text[item_start:item_start + 1] in ("和", "及", "与"):
            item_start += 1
        nxt = [p.start for p in quantities[n + 1:] if p.start >= q.end]
        right_end = min([c_end, *nxt])
        r_start, r_end = strip_edges(text, q.end, right_end, lex)
        right = None
        if r_end > r_start:
            words = squeeze(text[r_start:r_end], lex)
            if nxt and right_end == nxt[0]:  # 500万元及以上固定资产投资比上年增长1.2%: a figure's kind
                words = subject_of(words, lex).rstrip("和及与")
            right = Measure(words, r_start, r_end)
        bare = [m for m in _BARE_FIGURE.finditer(text[item_start:q.start]) if m.end() < q.start - item_start]
        if bare:  # 港货物吞吐量2615万吨、增长7.3%: the item starts after the untaken figure
            b_start, b_end = item_start + bare[-1].start(), item_start + bare[-1].end()
            _, o_start, o_end = own_words(text, item_start, b_start, anchors, lex)
            if o_end > o_start:
                previous = Measure(squeeze(text[o_start:o_end], lex), o_start, o_end)
            item_start = b_end
        cut, start, end = own_words(text, item_start, q.start, anchors, lex)
        own = lex.comparison.sub("", squeeze(text[start:end], lex)) if end > start else ""
        raw_start, raw_end = strip_edges(text, cut, q.start, lex, words=False)
        raw = squeeze(text[raw_start:raw_end], lex)
        measure: Measure | None = Measure(own, start, end) if own else None
        pred = predicate_of(raw, lex) if raw else None
        subject = subject_of(previous.text, lex) if previous else None
        if pred is not None and (subject or k > 0):
            if subject is None:  # 应用RPA数字机器人，累计运转超10万次: the previous clause's object
                p_start, p_end = clauses[k - 1]
                bare = list(_BARE_FIGURE.finditer(text[p_start:p_end]))
                _, o_start, o_end = own_words(text, p_start, p_start + bare[0].start() if bare else p_end,
                                              anchors, lex)
                subject = squeeze(text[o_start:o_end], lex)
                span_start = o_start
            else:
                span_start = previous.start if previous else start
            glued = subject + pred
            for w in lex.trailing:
                if glued.endswith(w) and len(glued) > len(w):
                    glued = glued[: -len(w)]
                    break
            if subject:
                measure = Measure(glued, span_start, end if end > start else q.start)
        elif not own and before and previous:  # 增长6.1%、约2.7万亿元
            same_kind = before[-1].type == q.type
            measure = previous if same_kind else Measure(subject or previous.text, previous.start, previous.end)
        elif own and lex.kind.match(own) and subject and k > 0:
            subject = kind_of or subject  # 其中国家级17个、省级50个: both kinds of one subject
            kind_of = subject
            for v in (*lex.verbs, "新增", "新建"):  # 建成重点实验室120个，其中国家级17个
                if subject.startswith(v) and len(subject) > len(v):
                    subject = subject[len(v):]
                    break
            measure = Measure(own + subject, start, end)
        elif (right and _WORD.match(right.text) and text[q.end:right.start] in ("", "的")
              and predicate_of(right.text, lex) is None
              and (not own or own.endswith(("等", "和", "及", "与")) or len(own) <= 2)):
            measure = right  # 实现300余项常办政务服务事项, 选派2万多名技术人员
        out[q.id] = measure
        if measure is not None:
            previous = measure
    return _respectively(quantities, out)


def _respectively(quantities: list[Entity], out: dict[str, Measure | None]) -> dict[str, Measure | None]:
    """A、B、C…分别增长x、y、z: each figure of the run its own item (A增长, B增长, C…增长), when
    the items and the figures are as many."""
    n = 0
    while n < len(quantities):
        m = out[quantities[n].id]
        run = [q for q in quantities[n:] if out[q.id] is m]
        n += max(1, len(run))
        if m is None or len(run) < 2 or "分别" not in m.text:
            continue
        head, _, pred = m.text.partition("分别")
        items = head.split("、")
        if len(items) == len(run) and all(len(i) >= 2 for i in items):
            for q, item in zip(run, items, strict=True):
                out[q.id] = Measure(item + pred, m.start, m.end)
    return out
