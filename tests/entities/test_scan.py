"""The scanner finds what the pattern finds, trying it only where a match can begin; the same for
the finders' patterns that use it, on texts made of the characters those patterns read."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govextract.entities import periods, quantities
from govextract.entities.org_grammar import Endings
from govextract.entities.scan import Scanner, Words

_DATES = "0123456789年月日号上下半季度第一二三四五六七八九十〇○零“”五规划期末-—至 ，。增长%亿万元"


def _spans(matches: object) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_DATES, max_size=40))
def test_periods_scanner_equals_the_pattern(text: str) -> None:
    assert _spans(periods._SCAN.finditer(text)) == _spans(periods._PATTERN.finditer(text))


@cache
def _quantities() -> quantities.QuantityFinder:
    return quantities.QuantityFinder()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_DATES + "超过近约不低于以上左右百分之点两个百分点吨公里户人", max_size=40))
def test_quantity_scanners_equal_their_patterns(text: str) -> None:
    f = _quantities()
    for scan in (f.scan, f.percent_scan):
        assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))
        for pos in range(len(text) + 1):
            a, b = scan.search(text, pos), scan.pattern.search(text, pos)
            assert (a and a.span()) == (b and b.span())


def test_scanner_on_fixed_cases() -> None:
    s = Scanner(re.compile(r"(?<!\d)(?:19|20)\d\d年|十[一二三四五六七八九]五"), "12十")
    text = "2019年与12020年，十四五时期、二十五年"
    assert [m.group() for m in s.finditer(text)] == ["2019年", "十四五"]
    assert s.search(text, 1) is not None and s.search(text, 1).group() == "十四五"  # type: ignore[union-attr]
    assert s.search("没有年份") is None
    digits = Scanner(re.compile(r"\d+%"), "", digits=True)
    assert [m.group() for m in digits.finditer("增长５%和3%")] == ["５%", "3%"]  # \d: full-width too
    with pytest.raises(ValueError, match="begin with"):
        Scanner(re.compile("x"), "")


def test_scanner_misses_what_begins_elsewhere() -> None:
    """The contract is the caller's: a first character left out is a match left out."""
    s = Scanner(re.compile(r"约?\d+"), "", digits=True)
    assert [m.group() for m in s.finditer("约5")] == ["5"]


@pytest.mark.parametrize(("words", "text", "end", "n"), [
    ({"发展", "发展改革", "改革"}, "国家发展改革委", 6, 4),
    ({"发展", "发展改革", "改革"}, "国家发展改革委", 4, 2),
    ({"发展", "改革"}, "国家发展改革委", 7, 0),
    ({"省", "全省"}, "全省", 2, 2),
    ({"全省"}, "省", 1, 0),
    (set(), "abc", 3, 0),
    ({"ab"}, "ab", 0, 0),
])
def test_endings_longest_word_ending_at(words: set[str], text: str, end: int, n: int) -> None:
    assert Endings(words).at(text, end) == n


@pytest.mark.parametrize("reused", [True, False])
def test_words_every_and_longest(reused: bool) -> None:
    w = Words(["东北", "东北地区", "地区", "", "东北"], reused=reused)
    text = "东北地区和东北"
    assert w.words == ["东北", "东北地区", "地区"]  # once each, none empty
    assert w.every(text) == [(0, 2, "东北"), (0, 4, "东北地区"), (2, 4, "地区"), (5, 7, "东北")]
    assert w.longest(text) == [(0, 4, "东北地区"), (5, 7, "东北")]
    assert Words([]).every(text) == [] and Words([]).longest(text) == []


def test_words_offsets_are_characters() -> None:
    """Offsets count characters, not UTF-8 bytes, after text outside the BMP too."""
    text = "𠀀ab中国"
    assert Words(["中国", "ab"]).every(text) == [(1, 3, "ab"), (3, 5, "中国")]
