"""Quantities and percentages, found on the characters and normalised.

``超千万份`` → 10,000,000 份, more_than; ``50%以上`` → 50 %, at_least. A number needs a
unit to count: years (``2025年``), ordinals (``第3``), section numbers and slogans such
as ``一件事一次办`` are not quantities.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an
from spacy.language import Language
from spacy.tokens import Doc

from ..data import alternation, load_json, require
from .spans import Candidate, doc_text, write_spans

SPANS_KEY = "govextract_quantities"
_NAME = "quantities.json"


class QuantityFinder:
    def __init__(self) -> None:
        d = load_json(_NAME)
        self.pre: dict[str, str] = require(d, "prefix_comparisons", dict, _NAME)
        self.infix: dict[str, str] = require(d, "infix_comparisons", dict, _NAME)
        self.post: dict[str, str] = require(d, "suffix_comparisons", dict, _NAME)
        self.scales: dict[str, int] = require(d, "scales", dict, _NAME)
        self.percent: list[str] = require(d, "percent_units", list, _NAME)
        units: list[str] = require(d, "units", list, _NAME) + self.percent
        self.not_before = set(require(d, "not_before", str, _NAME))
        self.not_units = set(require(d, "not_units", list, _NAME))
        digits = require(d, "chinese_digits", str, _NAME)
        self.pattern = re.compile(
            rf"(?P<pre>{alternation(self.pre)})?"
            rf"(?:(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<scale>{alternation(self.scales)})?"
            rf"|(?P<cnum>[{digits}]+(?:点[{digits}]+)?))"
            rf"(?P<infix>{alternation(self.infix)})?"
            rf"(?P<unit>{alternation(units)})"
            rf"(?P<post>{alternation(self.post)})?"
        )
        self.percent_words = re.compile(
            rf"(?P<pre>{alternation(self.pre)})?百分之(?P<cnum>[{digits}点]+)(?P<post>{alternation(self.post)})?"
        )

    def _percent_words(self, text: str) -> list[Candidate]:
        """百分之五十 → 50 %, with the same comparison words as figures."""
        out = []
        for m in self.percent_words.finditer(text):
            if self._mid_word(text, m.start()):
                continue
            try:
                value = float(cn2an.cn2an(m.group("cnum"), "strict"))
            except (ValueError, KeyError, IndexError):
                continue
            out.append(Candidate(m.start(), m.end(), "percentage",
                                 {"value": value, "unit": "%", "comparison": self._comparison(m)}))
        return out

    def _mid_word(self, text: str, start: int) -> bool:
        """Whether a match at ``start`` continues what stands before it (第3, 1.5, AB12, 每5)."""
        before = text[start - 1] if start else ""
        return bool(before) and (before in self.not_before or before.isdigit() or before in ".．-—–~～/"
                                 or (before.isascii() and before.isalpha()))

    def _comparison(self, m: re.Match[str]) -> str:
        """The comparison a match's words make, the last of prefix, infix and suffix winning."""
        comparison = "exact"
        for key, words in (("pre", self.pre), ("infix", self.infix), ("post", self.post)):
            word = m.groupdict().get(key)
            if word:
                comparison = words[word]
        return comparison

    def _value(self, m: re.Match[str]) -> Decimal | None:
        if m.group("num"):
            try:
                v = Decimal(m.group("num").replace(",", ""))
            except InvalidOperation:
                return None
            if m.group("scale"):
                v *= self.scales[m.group("scale")]
            return v
        cnum = m.group("cnum")
        if not m.group("pre") and (len(cnum) < 2 or cnum[0] in "十百千万亿"):
            return None  # 一件事, 两个, 十项, 千万家: words and figures of speech, not measurements
        return self._chinese(cnum.replace("两", "二"))

    def _chinese(self, cnum: str) -> Decimal | None:
        """A Chinese numeral's value; ``一点五万亿`` as 1.5 × 10¹², which cn2an does not read whole."""
        if cnum[0] in "十百千万亿":
            cnum = "一" + cnum
        try:
            return Decimal(str(cn2an.cn2an(cnum, "strict")))
        except (ValueError, KeyError, IndexError):
            pass
        for scale in sorted(self.scales, key=len, reverse=True):
            head = cnum.removesuffix(scale)
            if head != cnum and head:
                inner = self._chinese(head)
                return None if inner is None else inner * self.scales[scale]
        return None

    def find(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.pattern.finditer(text):
            start = m.start()
            if self._mid_word(text, start):
                continue
            before = text[start - 1] if start else ""
            if before in "至到" and start >= 2 and (text[start - 2].isdigit() or text[start - 2] in "十百千万"):
                continue  # the upper end of a range (3至5个) is not a quantity on its own
            after = text[m.end():m.end() + 1]
            if after.isdigit() or (m.group("unit") + after) in self.not_units:
                continue
            value = self._value(m)
            if value is None:
                continue
            unit = m.group("unit")
            comparison = self._comparison(m)
            kind = "percentage" if unit in self.percent else "quantity"
            if unit == "％":
                unit = "%"
            elif unit == "百分点":
                unit = "个百分点"
            attrs = {"value": float(value), "unit": unit, "comparison": comparison}
            out.append(Candidate(start, m.end(), kind, attrs))
        return out + self._percent_words(text)


class QuantitiesComponent:
    def __init__(self) -> None:
        self.finder = QuantityFinder()

    def __call__(self, doc: Doc) -> Doc:
        write_spans(doc, SPANS_KEY, self.finder.find(doc_text(doc)))
        return doc


@Language.factory("govextract_quantities")
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()
