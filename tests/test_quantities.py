"""Quantities and percentages: table-driven, with numbers that must not count."""

from __future__ import annotations

import pytest

from govextract.nlp.quantities import QuantityFinder

F = QuantityFinder()


def one(text: str) -> tuple[str, str, float, str, str]:
    found = F.find(text)
    assert len(found) == 1, found
    c = found[0]
    return text[c.start:c.end], c.label, c.attrs["value"], c.attrs["unit"], c.attrs["comparison"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("累计免提交证明材料超千万份，", ("超千万份", "quantity", 10_000_000, "份", "more_than")),
        ("实现500余项高频事项", ("500余项", "quantity", 500, "项", "more_than")),
        ("审批时限平均压缩50%以上", ("50%以上", "percentage", 50, "%", "at_least")),
        ("提供服务超3000万人次", ("超3000万人次", "quantity", 30_000_000, "人次", "more_than")),
        ("国内生产总值达到99.1万亿元", ("99.1万亿元", "quantity", 99_100_000_000_000, "元", "exact")),
        ("增长5.5%左右", ("5.5%左右", "percentage", 5.5, "%", "about")),
        ("城镇调查失业率5.3%以下", ("5.3%以下", "percentage", 5.3, "%", "at_most")),
        ("近2万亿元", ("近2万亿元", "quantity", 2_000_000_000_000, "元", "about")),
        ("不足30%", ("不足30%", "percentage", 30, "%", "less_than")),
        ("涉及4万多名", ("4万多名", "quantity", 40_000, "名", "more_than")),
        ("提高0.94个百分点", ("0.94个百分点", "quantity", 0.94, "个百分点", "exact")),
        ("出生率7.20‰", ("7.20‰", "percentage", 7.2, "‰", "exact")),
        ("共有1,352家", ("1,352家", "quantity", 1352, "家", "exact")),
        ("三千多名干部", ("三千多名", "quantity", 3000, "名", "more_than")),
        ("增长８％", ("８％", "percentage", 8, "%", "exact")),
        ("投入一点五万亿元，", ("一点五万亿元", "quantity", 1_500_000_000_000, "元", "exact")),
        ("筹集两千万元", ("两千万元", "quantity", 20_000_000, "元", "exact")),
        ("将达到95%以上", ("95%以上", "percentage", 95, "%", "at_least")),
        ("覆盖率超过百分之九十五", ("超过百分之九十五", "percentage", 95, "%", "more_than")),
        ("增长百分之二点五左右", ("百分之二点五左右", "percentage", 2.5, "%", "about")),
    ],
)
def test_quantities_found(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2025年，中国智慧政务",  # a year
        "2026-2030年",
        "第3项任务",  # an ordinal
        "5.1 区域发展总体特征",  # a section number
        "推出“一件事一次办”集成服务",  # a slogan
        "实现“一网通办”",
        "十项重大工程",
        "惠及千万家",  # a figure of speech
        "新中国成立70周年",
        "上市公司代码 000998",  # a code
        "比例为3.9:39.0:57.1",
        "数十万人",
        "2024年5月7日",
        "建设3至5个示范区",  # a range: neither end is the quantity
        "建设三至五个示范区",
    ],
)
def test_quantities_not_found(text):
    assert F.find(text) == []
