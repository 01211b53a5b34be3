"""Named initiatives (跨省通办, “五保”, “6+2”产业政策体系) and products (“鹭岛通”, 税务通AI助手).

A phrase in quotation marks is not an initiative by that fact alone (“领头羊”, “表面化”,
“浙BA”): one of these shapes must hold.

- its own last word names a programme (“青禾行动”, “湖畔经验”) or a way of handling
  affairs (“全省通办”, “一窗受理”, “当日办结”, “秒报”), or it ends as a product does
  (…小程序, …AI助手, …智能体);
- it is a number slogan: numerals and a short head (“五保”, “两保一促”, “三个不变”,
  “5个10”, “新四化”), told apart from periods (“十五五”), quantities (“2小时经济圈”),
  streaks (“八连增”), size classes (“四上”), groups (“五大中心”, “四小虎”) and bodies (“两会”);
  a routine at an interval (“每周一查”), a dual use (“军民两用”), or a numbered layout with
  parallel parts (“一主两副、多极协同”);
- a programme word follows the closing quote (“服务质量提升年”活动, “好客山乡”品牌), or a
  product word (“山城通”“山城办”两个城市服务终端, …“办小二”等政务智能客服);
  the words apply to every name quoted in a row;
- a code or a short word is completed by the head that follows it: “6+2”产业政策体系,
  “三链”联动, “果盘子”县长负责制 (the name is then the whole, quotation marks included
  in the span and left out of the name).

A quoted phrase right after a verb of opposing (纠治“四风”, 打击“套路贷”) names what is
fought, not a programme. Unquoted: the nationwide programmes of the data file's `known`
groups (a short one such as 两新 only where it stands alone, not in 两新组织); a programme
name after a verb of carrying it out that opens with 强/兴/惠/稳/富 (实施强县域行动); and
designations being built (国家级…示范县建设). Once a name of four or more characters is
known, its unquoted mentions count too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..data import alternation, load_json, require
from ..errors import DataFileError
from .scan import Words
from .spans import Candidate

SPANS_KEY = "govextract_initiatives"
NAMES_KEY = "govextract_initiative_names"
_NAME = "initiatives.json"
_QUOTED = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」")
_PARTS = re.compile(r"[^、，,/；;]+")
_SEPARATORS = re.compile(r"[、，,/；;]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SLOGAN_CHARS = re.compile(r"[\u4e00-\u9fff0-9A-Za-z+]+")
_PLUS = re.compile(r"[\u4e00-\u9fff]{2,8}\+")
# a run of Han that can sit between a quotation and the word that names it: no 的, 和, 是
_RUN = r"[^\W\d_的和及与是在为、]"


def _strings(d: dict[str, Any], key: str) -> list[str]:
    items = require(d, key, list, _NAME)
    if not items or not all(isinstance(x, str) and x for x in items):
        raise DataFileError(f"field {key!r} must be a non-empty list of non-empty strings", _NAME)
    return list(items)


def _groups(d: dict[str, Any], key: str) -> list[str]:
    """Names from groups of ``{"source": …, "names": […]}``: every group states where it comes from."""
    names: list[str] = []
    for g in require(d, key, list, _NAME):
        if not isinstance(g, dict) or not isinstance(g.get("source"), str) or not g["source"].strip():
            raise DataFileError(f"every group in {key!r} needs a non-empty 'source'", _NAME)
        names += _strings(g, "names")
    return names


@dataclass(frozen=True)
class _NotAfterNumeral:
    units: tuple[str, ...]
    streak: tuple[str, ...]
    direction_only: frozenset[str]
    classifier_only: frozenset[str]
    body_only: frozenset[str]
    rank_prefixes: tuple[str, ...]
    word_suffixes: tuple[str, ...]


class InitiativeFinder:
    """The shapes above, on plain text: pure, so that each can be tested on its own."""

    def __init__(self) -> None:
        d = load_json(_NAME)
        self.max_length: int = require(d, "max_length", int, _NAME)
        self.min_spread_length: int = require(d, "min_spread_length", int, _NAME)
        self.slogan_length: int = require(d, "slogan_length", int, _NAME)
        self.numerals: str = require(d, "numerals", str, _NAME)
        self.programme_heads = tuple(_strings(d, "programme_heads"))
        self.handling_verbs = tuple(_strings(d, "handling_verbs"))
        self.handling_negations = tuple(_strings(d, "handling_negations"))
        self.product_endings = tuple(_strings(d, "product_endings"))
        # an AI agent named by its role: 随申办AI助手, 政务智能客服, 智能体
        agent = f"(?:{alternation(_strings(d, 'agent_prefixes'))})(?:{alternation(_strings(d, 'agent_nouns'))})"
        self.agent_ending = re.compile(f"{agent}$")
        self.cadence = re.compile(f"每(?:{alternation(_strings(d, 'cadence_units'))})一[\u4e00-\u9fff]")
        self.pair = re.compile(f"[\u4e00-\u9fff]{{2}}(?:{alternation(_strings(d, 'pair_endings'))})")
        self.extension_heads = tuple(_strings(d, "extension_heads"))
        self.opposition_verbs = tuple(_strings(d, "opposition_verbs"))
        self.known: list[str] = _groups(d, "known")
        self.not_names = frozenset(_groups(d, "not_names"))
        n = require(d, "slogan_not_after_numeral", dict, _NAME)
        self.not_after = _NotAfterNumeral(
            tuple(_strings(n, "units")), tuple(_strings(n, "streak")), frozenset(_strings(n, "direction_only")),
            frozenset(_strings(n, "classifier_only")), frozenset(_strings(n, "body_only")),
            tuple(_strings(n, "rank_prefixes")), tuple(_strings(n, "word_suffixes")))
        try:
            self.period = re.compile(require(d, "period_pattern", str, _NAME))
        except re.error as exc:
            raise DataFileError(f"period_pattern is not a regular expression: {exc}", _NAME) from exc
        num = f"[{re.escape(self.numerals)}0-9]"
        self.speed = re.compile(
            f"(?:{alternation(_strings(d, 'speed_prefixes'))}|{num}+(?:{alternation(_strings(d, 'time_units'))}))"
            f"(?:{alternation(_strings(d, 'speed_verbs'))})")
        count = f"(?:{num}+[个项大类])"
        joiners = re.escape(require(d, "marker_joiners", str, _NAME))
        product = f"{alternation(_strings(d, 'product_nouns'))}|{agent}"
        # after a quotation, three ways a word can name it: 等 or a count, then a class of names
        # (…等政务智能助手, 三个智慧城市应用终端, 等文化品牌); a product word after at most two
        # characters (信息系统); a programme word, directly or after a modifier that is not a
        # verb (攻坚行动, 三年行动; not “老破小”改造工程, where the quotation is the object)
        classes = alternation(_strings(d, "class_markers"))
        self.after_class = re.compile(f"(?:等{count}?|{count}){_RUN}{{0,8}}?(?:(?P<product>{product})|{classes})")
        self.after_product = re.compile(f"{_RUN}{{0,2}}?(?:{product})")
        self.after_marker = re.compile(
            f"(?:(?:{alternation(_strings(d, 'marker_modifiers'))}|{num}+年)?(?:{alternation(_strings(d, 'markers'))})"
            f"|{alternation(_strings(d, 'direct_markers'))})")
        self.chain_gap = re.compile(f"[{joiners}]?|、[\u4e00-\u9fff]{{1,4}}")
        heads = alternation(self.extension_heads)
        self.extension = re.compile(f"{_RUN}{{0,12}}?(?:{heads})")
        self.extension_short = re.compile(f"{_RUN}{{0,4}}?(?:{heads})")
        self.designation = re.compile(
            f"(?:{alternation(_strings(d, 'designation_anchors'))})"
            f"(?P<name>{_RUN}{{4,16}}?(?:{alternation(_strings(d, 'designation_kinds'))})"
            f"(?:{alternation(_strings(d, 'designation_divisions'))}))"
            f"(?={alternation(_strings(d, 'designation_after'))})")
        self._numeral_run = re.compile(f"新?{num}+")
        # 一核三带, 两横三纵: a layout of numbered parts, each numeral with a one-character noun
        self.layout = re.compile(f"(?:{num}[\u4e00-\u9fff]){{2,3}}")
        lead = f"[{re.escape(''.join(_strings(d, 'unquoted_leads')))}]"
        self.unquoted = re.compile(
            f"(?:{alternation(_strings(d, 'unquoted_verbs'))})"
            f"(?P<name>{lead}(?![{re.escape(require(d, 'unquoted_not_second', str, _NAME))}])"
            f"{_RUN}{{1,5}}?(?:{alternation(_strings(d, 'unquoted_heads'))}))")
        self.after_short = re.compile(
            f"(?:{alternation(_strings(d, 'markers') + _strings(d, 'direct_markers') + list(self.extension_heads))})")

    # -- one phrase ------------------------------------------------------------------------
    def is_number_slogan(self, phrase: str) -> bool:
        """六稳, 两新一重, 三个一批, 3个100, 新两翼: numerals, then a short head that is not a
        unit (1小时交通圈), a streak (十连丰), a bare classifier (新三样), a size class (四上),
        a body (两院), or a rank of things that are not programmes (六大高地, 六小龙)."""
        if len(phrase) > self.slogan_length or self.period.fullmatch(phrase) or not _SLOGAN_CHARS.fullmatch(phrase):
            return False
        m = self._numeral_run.match(phrase)
        if not m or not m.group().lstrip("新"):
            return False
        rest = phrase[m.end():]
        na = self.not_after
        if not _HAN.search(rest) or rest.startswith(na.units + na.streak):
            return False
        if rest in na.direction_only or rest in na.classifier_only or rest in na.body_only:
            return False
        if rest[0] in na.classifier_only and rest[1:] in na.classifier_only | na.direction_only:
            return False
        if len(rest) > 1 and rest.endswith(na.word_suffixes):  # 一体化, 一站式: a trend or a manner
            return False
        return not (rest.startswith(na.rank_prefixes) and not rest.endswith(self.programme_heads))

    def is_handling(self, phrase: str) -> bool:
        """跨省通办, 无差别受理, 就近办, 一日办结, 秒批; not 不会办, 办不好 (a complaint)."""
        if any(n in phrase for n in self.handling_negations):
            return False
        if self.speed.fullmatch(phrase):
            return True
        return len(phrase) >= 3 and phrase.endswith(self.handling_verbs)

    def classify(self, phrase: str, whole: bool = True) -> str | None:
        """``product``, ``initiative`` or None for one quoted phrase standing on its own. A part
        of a longer quotation (“免申即享、精准滴灌”) is only judged by its handling verb, a product
        ending or a known name: “一次汇聚、全域复用” is a description, not a slogan."""
        if not phrase or len(phrase) > self.max_length or not _HAN.search(phrase) or phrase in self.not_names:
            return None
        if phrase in self.known:
            return "initiative"
        if phrase.endswith(self.product_endings) or self.agent_ending.search(phrase):
            return "product"
        if not whole:
            return "initiative" if self.is_handling(phrase) else None
        if (_PLUS.fullmatch(phrase) or self.is_number_slogan(phrase) or self.cadence.fullmatch(phrase)
                or self.pair.fullmatch(phrase)
                or phrase.endswith(self.programme_heads) or self.is_handling(phrase)):
            return "initiative"
        return None

    def classify_whole(self, inner: str) -> str | None:
        """A quotation with separators is one name when its parts are parallel number slogans
        (百村示范、千村振兴) or when it is a known name (不忘初心、牢记使命)."""
        if inner in self.known:
            return "initiative"
        parts = _SEPARATORS.split(inner)
        if len(parts) < 2 or len(inner) > self.max_length or len({len(p) for p in parts}) != 1:
            return None
        if all(self.is_number_slogan(p) for p in parts):
            return "initiative"
        # “一核三带、多点支撑”: a numbered layout, then parallel parts of the same length
        if self.layout.fullmatch(parts[0]) and len(parts) <= 3 and all(_HAN.fullmatch(p[-1]) for p in parts):
            return "initiative"
        return None

    def opposed(self, text: str, start: int) -> bool:
        """纠治“四风”, 坚决反对“台独”: the quotation names what is fought."""
        return text[max(0, start - 4):start].endswith(self.opposition_verbs)

    # -- quotations ------------------------------------------------------------------------
    def _chains(self, text: str) -> list[list[re.Match[str]]]:
        """Quotations in a row (“京通”“京办”“京智”, “A”、上海“B”, “A”和“B”)."""
        chains: list[list[re.Match[str]]] = []
        for m in _QUOTED.finditer(text):
            if chains and self.chain_gap.fullmatch(text[chains[-1][-1].end():m.start()]):
                chains[-1].append(m)
            else:
                chains.append([m])
        return chains

    def _named_by(self, phrase: str) -> bool:
        """A quotation that a following programme or product word may name."""
        return (0 < len(phrase) <= self.max_length and phrase not in self.not_names
                and bool(_HAN.search(phrase)) and not self.period.fullmatch(phrase))

    def _named(self, text: str, at: int) -> str | None:
        """The kind the words after a quotation give it, if any."""
        m = self.after_class.match(text, at)
        if m:
            return "product" if m.group("product") else "initiative"
        if self.after_product.match(text, at):
            return "product"
        return "initiative" if self.after_marker.match(text, at) else None

    def find_quoted(self, text: str) -> tuple[list[Candidate], dict[str, str]]:
        """Quoted names, and every name known so far with its kind."""
        kinds: dict[str, str] = {}
        found: list[Candidate] = []

        def add(start: int, end: int, kind: str, name: str) -> None:
            kinds.setdefault(name, kind)
            found.append(Candidate(start, end, kinds[name], {"name": name}))

        for chain in self._chains(text):
            if self.opposed(text, chain[0].start()):
                continue
            named = self._named(text, chain[-1].end())
            for m in chain:
                inner = m.group(1) or m.group(2)
                s = m.start() + 1
                if m is chain[-1] and self._extend(text, m, inner, add):
                    continue
                if named and self._named_by(inner.strip()):
                    lead = len(inner) - len(inner.lstrip())
                    add(s + lead, s + lead + len(inner.strip()), named, inner.strip())
                    continue
                kind = self.classify_whole(inner)
                if kind:
                    add(s, s + len(inner), kind, inner)
                    continue
                parts = list(_PARTS.finditer(inner))
                for p in parts:
                    phrase = p.group().strip()
                    kind = self.classify(phrase, whole=len(parts) == 1)
                    if kind:
                        ps = s + p.start() + (len(p.group()) - len(p.group().lstrip()))
                        add(ps, ps + len(phrase), kind, phrase)
        for k in self.known:
            kinds.setdefault(k, "initiative")
        return found, kinds

    def _extend(self, text: str, m: re.Match[str], inner: str, add: Any) -> bool:
        """“8+4”经济政策体系, “五子”联动, “三北”工程, “米袋子”省长负责制: a code without Han
        characters (with up to twelve characters before the head), or a word of at most three
        characters (up to four before the head), completed by the head that follows the closing
        quote. Longer names stand alone: “千项万亿”工程 is 千项万亿."""
        if (_HAN.search(inner) and len(inner) > 3) or inner in self.not_names or self.period.fullmatch(inner):
            return False
        if not _SLOGAN_CHARS.fullmatch(inner):
            return False
        ext = (self.extension_short if _HAN.search(inner) else self.extension).match(text, m.end())
        if ext:
            add(m.start(), ext.end(), "initiative", inner + ext.group())
        return ext is not None

    def find_designations(self, text: str) -> list[Candidate]:
        """国家级全域旅游示范省建设: a designation (示范, 先行, 试验 + a kind of division) being
        built is a programme."""
        return [Candidate(m.start("name"), m.end("name"), "initiative", {"name": m.group("name")})
                for m in self.designation.finditer(text)]

    def find_unquoted(self, text: str) -> list[Candidate]:
        """实施强省会行动, 推进兴边富民行动: after a verb of carrying out, a programme name that
        opens with a verb of strengthening or benefiting and ends with a programme word."""
        return [Candidate(m.start("name"), m.end("name"), "initiative", {"name": m.group("name")})
                for m in self.unquoted.finditer(text)]

    def _short_alone(self, text: str, end: int) -> bool:
        """A short known name stands alone when nothing follows it or a programme word does
        (两重建设), not when it begins a longer word (两新组织, 两重性)."""
        return end >= len(text) or not _HAN.match(text[end]) or self.after_short.match(text, end) is not None

    def spread(self, text: str, kinds: dict[str, str]) -> list[Candidate]:
        """Every mention of the names in ``kinds``, quoted or not. Short names (代办, 秒批)
        count only where quoted: unquoted they are ordinary words; a short known name (两新)
        counts unquoted when it stands alone."""
        spread = [p for p in kinds if len(p) >= self.min_spread_length or p in self.known]
        if not spread:
            return []
        out = []
        for start, end, p in Words(spread, reused=False).longest(text):
            quoted = start > 0 and text[start - 1] in "“「" and text[end:end + 1] in ("”", "」")
            if len(p) < self.min_spread_length and not quoted and not self._short_alone(text, end):
                continue
            out.append(Candidate(start, end, kinds[p], {"name": p}))
        return out

    def find(self, text: str) -> tuple[list[Candidate], dict[str, str]]:
        """All candidates in ``text`` (overlaps left to the resolver) and the names learnt."""
        quoted, kinds = self.find_quoted(text)
        return quoted + self.find_designations(text) + self.find_unquoted(text) + self.spread(text, kinds), kinds
