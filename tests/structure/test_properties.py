"""Arbitrary text never breaks segmentation or extraction, and every offset holds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govextract
from govextract.structure.segment import segment

# Report-like characters are more likely to reach the interesting code than random code points.
REPORTY = st.sampled_from(list(
    "一二三四五六七八九十、（）()。，；：“”%％‰万亿千百超约近余以上下内第章节条是①②"
    "1234567890.- \n\t\u3000*#深圳上海长三角中西部地区项个人次元年月日"
))
TEXT = st.lists(st.one_of(REPORTY, st.characters()), max_size=300).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_properties_extraction_offsets_hold(text):
    try:
        doc = govextract.extract_text(text)
    except govextract.EmptyDocument:
        assert not text.strip()  # only blank text (white space as Python counts it) is refused
        return
    n = len(doc.text)
    for e in doc.entities:
        assert 0 <= e.start < e.end <= n
        assert doc.text[e.start:e.end] == e.text
    for item in (*doc.sections, *doc.paragraphs, *doc.points):
        assert 0 <= item.start <= item.end <= n


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_properties_segment_nests(text):
    seg = segment(text)
    by_id = {s.id: s for s in seg.sections}
    for s in seg.sections:
        assert 0 <= s.start < max(s.end, s.start + 1) <= len(text) + 1
        if s.parent:
            p = by_id[s.parent]
            assert p.start <= s.start and s.end <= p.end and p.level == s.level - 1
    for p in seg.points:
        assert 0 <= p.start <= p.end <= len(text)


def test_properties_unpaired_surrogates_replaced_offsets_kept():
    doc = govextract.extract_text("深圳\ud800上海增长5%。")
    assert doc.text == "深圳\ufffd上海增长5%。" and len(doc.warnings) == 1
    assert [(e.text, e.start) for e in doc.entities if e.type == "place"] == [("深圳", 0), ("上海", 3)]
    doc.model_dump_json()  # writable as JSON
