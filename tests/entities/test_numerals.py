"""Chinese numerals: the standard forms read here equal cn2an's strict reading; the rest go to it."""

from __future__ import annotations

import itertools
import random

import cn2an
import pytest

from govextract.entities.numerals import _integer, chinese, cn_value


@pytest.mark.parametrize(("n", "written"), [
    (0, "零"), (7, "七"), (10, "十"), (15, "十五"), (20, "二十"), (101, "一百零一"), (110, "一百一十"),
    (1010, "一千零一十"), (10500, "一万零五百"), (100000, "十万"), (101000, "十万一千"),
    (30050000, "三千零五万"), (100000005, "一亿零五"), (1000010000, "十亿零一万"),
])
def test_chinese_writes_the_standard_form(n: int, written: str) -> None:
    assert chinese(n) == written
    assert cn_value(written) == n


def test_standard_forms_read_as_cn2an_reads_them() -> None:
    rng = random.Random(7)
    numbers = [*range(0, 20001), *(rng.randrange(10**12) for _ in range(3000))]
    for n in numbers:
        written = chinese(n)
        assert written == cn2an.an2cn(n)
        value = cn2an.cn2an(written, "strict")
        assert value == n and type(value) is int
        assert _integer(written) == n


def test_only_standard_forms_are_read_here() -> None:
    """Every string of up to four numeral characters read here is read alike by cn2an."""
    alphabet = "零〇一二三四五六七八九十百千万亿点"
    for size in range(1, 5):
        for chars in itertools.product(alphabet, repeat=size):
            s = "".join(chars)
            n = _integer(s)
            if n is not None:
                assert cn2an.cn2an(s, "strict") == n, s


@pytest.mark.parametrize(("numeral", "value"), [("一十五", 15), ("一点五", 1.5), ("二〇", None), ("两百", None)])
def test_other_forms_go_to_cn2an(numeral: str, value: float | None) -> None:
    assert _integer(numeral) is None
    if value is None:
        with pytest.raises(ValueError):
            cn_value(numeral)
    else:
        assert cn_value(numeral) == value


def test_chinese_rejects_numbers_out_of_range() -> None:
    with pytest.raises(ValueError, match="outside"):
        chinese(10**12)
