"""Title, publisher and date, when the report states them in its opening or closing lines."""

from __future__ import annotations

import re

from .models import Entity, Metadata, Section

_TITLE_WORDS = re.compile(r"(报告|公报|规划|纲要|意见|通知|办法|方案|决定|白皮书|条例|规定|蓝皮书|指南|计划)")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})\s*(?:[月\-./]\s*(?:(\d{1,2})\s*[日号]?)?)?")
_DATE_LINE = re.compile(rf"^(?:(?:时间|日期|发布时间|发布日期)[：:]\s*)?(?:——)?{_DATE.pattern}(?:在.*)?$")
_HEAD_LINES = 15  # web pages put a toolbar's words above the title
_TAIL_LINES = 4
_FOOTNOTE = "①②③④⑤⑥⑦⑧⑨⑩"


def _date_of(m: re.Match[str]) -> str:
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")


def find_metadata(text: str, sections: list[Section], entities: list[Entity]) -> Metadata:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    body_start = sections[0].start if sections else len(text)
    head = [ln for ln in lines[:_HEAD_LINES] if ln[0] < body_start]
    tail = lines[-_TAIL_LINES:] if sections else []
    orgs = {(e.start, e.end): e for e in entities if e.type == "organization"}

    title = None
    for lo, hi in head:
        line = text[lo:hi].rstrip(_FOOTNOTE)
        if len(line) <= 60 and _TITLE_WORDS.search(line) and "。" not in line:
            title = line
            break

    date = None
    publishers: list[str] = []
    for block in (tail[::-1], head):
        for lo, hi in block:
            line = text[lo:hi].strip()
            m = _DATE_LINE.match(line)
            if m and date is None:
                date = _date_of(m)
            if (lo, hi) in orgs:
                publishers.append(orgs[(lo, hi)].text)
        if date or publishers:
            break
    publisher = "、".join(dict.fromkeys(publishers)) or None
    return Metadata(title=title, publisher=publisher, date=date)
