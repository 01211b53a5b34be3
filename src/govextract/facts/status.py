"""Whether a figure is a target or achieved: from the genre, its section's stance, its clause.

Evidence, strongest first:
1. the genre: a statistics communiqué (统计公报) reports outcomes only;
2. the stance of the figure's section: a review (工作回顾, 发展成就, 执行情况) reports outcomes,
   unless the figure's clause names a plan (原定, 既定, 预期目标); a task section (重点任务, 主要目标,
   总体要求) sets targets, unless the clause says it is done (已, 截至, 以来). Top-level
   headings that name different years and no stance review the earlier years and plan the
   last; a top-level section with no stance that follows a task section sets targets too
   (reports review first, then plan); a section takes its highest ancestor's stance;
3. with no stance, the clause: a target or plan word (力争, 预期, 确保, 原定), a span of time
   ahead (今后三年, 今明两年), the modal 要 (not 主要, 要求),
   the future 将 (将达到, not 将X纳入), 拟 (not 虚拟), a target year (到2025年) → target; an
   outcome word (实现, 累计, 比上年) → achieved; else nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..data import alternation, load_json, require
from ..models import Section
from .measures import compile_pattern

_NAME = "linking.json"
Status = Literal["achieved", "target"]


@dataclass(frozen=True)
class StatusLexicon:
    genre_title: re.Pattern[str]
    genre_anywhere: re.Pattern[str]
    review_heading: re.Pattern[str]
    task_heading: re.Pattern[str]
    target: re.Pattern[str]
    plan: re.Pattern[str]
    target_year: re.Pattern[str]
    achieved: re.Pattern[str]
    achieved_sentence: re.Pattern[str]
    past: re.Pattern[str]


@cache
def load_status_lexicon() -> StatusLexicon:
    d = require(load_json(_NAME), "status", dict, _NAME)

    def words(key: str) -> str:
        return alternation(require(d, key, list, _NAME))

    def pat(key: str) -> str:
        return str(require(d, key, str, _NAME))

    def rx(key: str, pattern: str) -> re.Pattern[str]:
        return compile_pattern(pattern, key)

    return StatusLexicon(
        genre_title=rx("genre_title", pat("genre_title")),
        genre_anywhere=rx("genre_anywhere", pat("genre_anywhere")),
        review_heading=rx("review_heading", words("review_heading")),
        task_heading=rx("task_heading", words("task_heading")),
        target=rx("target_*", "|".join((words("target_words"), words("plan_words"), pat("target_span"),
                                        pat("target_modal"), pat("target_future"), pat("target_plan")))),
        plan=rx("plan_words", words("plan_words")),
        target_year=rx("target_pattern", pat("target_pattern")),
        achieved=rx("achieved_words", words("achieved_words")),
        achieved_sentence=rx("achieved_sentence", pat("achieved_sentence")),
        past=rx("past", pat("past")),
    )


_YEAR = re.compile(r"((?:19|20)\d{2})年")
_TITLE_SPAN = 200  # a document's title stands in its first lines


def reports_outcomes(text: str, lex: StatusLexicon | None = None) -> bool:
    """Whether the document is of a genre that reports outcomes only (a statistics communiqué)."""
    lex = lex or load_status_lexicon()
    return bool(lex.genre_title.search(text[:_TITLE_SPAN]) or lex.genre_anywhere.search(text))


def section_stances(sections: list[Section], lex: StatusLexicon | None = None) -> dict[str, Status]:
    """Section id → ``achieved`` (a review) or ``target`` (a task section), where the headings say."""
    lex = lex or load_status_lexicon()
    own: dict[str, Status] = {}
    for s in sections:
        title = s.title or ""
        if lex.review_heading.search(title):
            own[s.id] = "achieved"
        elif lex.task_heading.search(title):
            own[s.id] = "target"
    top_level = [s for s in sections if s.parent is None]
    years = {s.id: int(m.group(1)) for s in top_level if (m := _YEAR.search(s.title or ""))}
    if len(set(years.values())) > 1:  # 一、2023年主要工作 二、2024年主要工作: the last year is planned
        last = max(years.values())
        for sid, year in years.items():
            own.setdefault(sid, "target" if year == last else "achieved")
    stance: Status | None = None
    for s in top_level:  # plans follow reviews: a heading with no stance after a task heading
        if s.id in own:
            stance = own[s.id]
        elif stance == "target":
            own[s.id] = "target"
    by_id = {s.id: s for s in sections}
    out: dict[str, Status] = {}
    for s in sections:
        chain: list[Section] = []
        cur: Section | None = s
        while cur is not None:
            chain.append(cur)
            cur = by_id.get(cur.parent) if cur.parent else None
        for anc in reversed(chain):  # the highest ancestor with a stance decides
            if anc.id in own:
                out[s.id] = own[anc.id]
                break
    return out


def status_of(clause_head: str, clause_tail: str, sentence_head: str, stance: Status | None,
              lex: StatusLexicon | None = None, sentence: str = "") -> Status | None:
    """A figure's status from its clause up to the figure (``clause_head``), the rest of the
    clause (``clause_tail``), its sentence up to the figure (and whole), and its section's
    ``stance``."""
    lex = lex or load_status_lexicon()
    if stance == "achieved":
        names_plan = lex.plan.search(clause_head) or re.match(r"的?(?:预期)?目标", clause_tail)
        return "target" if names_plan else "achieved"
    if stance == "target":
        return "achieved" if lex.past.search(clause_head) else "target"
    if lex.target.search(clause_head) or lex.target_year.search(sentence_head):
        return "target"
    if lex.achieved.search(sentence_head) or lex.achieved_sentence.search(sentence):
        return "achieved"
    return None
