"""Title, publisher and date, when the report states them in its opening or closing lines.

The date is, in order of trust: the delivery line of a speech or report (``——2026年1月26日在…
会议上``, also in brackets), the dated signature at its end, a date line in its head (a
communiqué's ``2022年4月28日``, a web page's ``时间：2026-01-22``). Dates may be written in
figures or in Chinese numerals (``二〇二四年五月七日``)."""

from __future__ import annotations

import re

from ..models import Entity, Metadata, Section

_TITLE_WORDS = re.compile(
    r"(报告|公报|规划|纲要|意见|通知|办法|方案|决定|白皮书|条例|规定|蓝皮书|指南|计划|通报|细则|批复)")
_NOT_TITLE = re.compile(r"[。，,；;：:！？]|^(?:来源|时间|日期|发布|——|—)")
_CN_DIGIT = "〇零一二三四五六七八九十"
_NUM = rf"(?:\d{{1,4}}|[{_CN_DIGIT}]{{1,4}})"
_DATE = re.compile(rf"({_NUM})\s*[年\-./]\s*({_NUM})\s*(?:[月\-./]\s*(?:({_NUM})\s*[日号]?)?)?")
_DATE_LINE = re.compile(rf"^(?:(?:时间|日期|发布时间|发布日期|成文日期)[：:]\s*)?(?:——)?{_DATE.pattern}(?:在.*)?$")
_DELIVERY = re.compile(rf"^(?:——|—|[（(])\s*{_DATE.pattern}在.{{2,60}}(?:会议|大会|会)上(?:的讲话|的报告)?[）)]?$")
_HEAD_LINES = 15  # web pages put a toolbar's words above the title
_TAIL_LINES = 4
_FOOTNOTE = "①②③④⑤⑥⑦⑧⑨⑩"


def _number(s: str | None) -> int | None:
    """``2024`` → 2024; ``二〇二四`` → 2024 (digit by digit); ``二十一`` → 21."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGIT.index(tens) - 1 if tens else 1) * 10 + (_CN_DIGIT.index(ones) - 1 if ones else 0)
    return int("".join(str(max(_CN_DIGIT.index(c) - 1, 0)) for c in s))


def _date_of(m: re.Match[str]) -> str | None:
    y, mo, d = _number(m.group(1)), _number(m.group(2)), _number(m.group(3))
    if y is None or not 1900 <= y <= 2100 or not 1 <= (mo or 1) <= 12 or not 1 <= (d or 1) <= 31:
        return None
    return str(y) + (f"-{mo:02d}" if mo else "") + (f"-{d:02d}" if d else "")


def date_of_line(line: str) -> tuple[int, str] | None:
    """The date a line states by itself, with its rank: 0 for a delivery line, 1 for a date line."""
    line = line.strip()
    for rank, pattern in enumerate((_DELIVERY, _DATE_LINE)):
        m = pattern.match(line)
        if m and (date := _date_of(m)):
            return rank, date
    return None


def title_of_line(line: str) -> str | None:
    """A line that reads as a document's title: short, naming its genre, not a sentence."""
    line = line.strip().rstrip(_FOOTNOTE)
    if 4 <= len(line) <= 60 and _TITLE_WORDS.search(line) and not _NOT_TITLE.search(line):
        return line
    return None


def find_metadata(text: str, sections: list[Section], entities: list[Entity]) -> Metadata:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    body_start = sections[0].start if sections else len(text)
    head = [ln for ln in lines[:_HEAD_LINES] if ln[0] < body_start]
    tail = lines[-_TAIL_LINES:] if sections else []
    orgs = {(e.start, e.end): e for e in entities if e.type == "organization"}

    title = next((t for lo, hi in head if (t := title_of_line(text[lo:hi]))), None)

    # a delivery line anywhere, then the signature (last lines first), then the head's first
    dates: list[tuple[int, int, int, str]] = []
    publishers: list[str] | None = None
    for order, block in enumerate((tail[::-1], head)):
        found = [(d[0], order, k, d[1]) for k, (lo, hi) in enumerate(block) if (d := date_of_line(text[lo:hi]))]
        dates += found
        block_publishers = [orgs[ln].text for ln in block if ln in orgs]
        if publishers is None and (found or block_publishers):
            publishers = block_publishers
    date = min(dates)[3] if dates else None
    publisher = "、".join(dict.fromkeys(publishers or [])) or None
    return Metadata(title=title, publisher=publisher, date=date)
