"""The initiative finder, shape by shape, and the example corpus in data/initiatives_corpus.json."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from govextract.data import load_json
from govextract.entities import initiatives
from govextract.entities.initiatives import InitiativeFinder
from govextract.entities.resolve import resolve
from govextract.errors import DataFileError

CORPUS = load_json("initiatives_corpus.json")


@pytest.fixture(scope="module")
def finder() -> InitiativeFinder:
    return InitiativeFinder()


def found(finder: InitiativeFinder, text: str) -> list[tuple[str, str, str]]:
    cands, _ = finder.find(text)
    return [(text[c.start:c.end], c.attrs["name"], c.label) for c in resolve(cands)]


@pytest.mark.parametrize("phrase", ["六稳", "两新一重", "三个一批", "两个毫不动摇", "十项重大工程", "3个100",
                                    "新两翼", "千万工程", "一国两制", "四下基层", "双减", "三大工程"])
def test_initiatives_number_slogan(finder, phrase):
    assert finder.is_number_slogan(phrase)


@pytest.mark.parametrize("phrase", ["十四五", "十三五", "八五", "1小时交通圈", "十连丰", "新三样", "四上", "两院",
                                    "六大高地", "六小龙", "零", "23·7", "8+4", "415X", "十个指头弹钢琴", "三个"])
def test_initiatives_number_slogan_refused(finder, phrase):
    assert not finder.is_number_slogan(phrase)


@pytest.mark.parametrize("phrase", ["跨省通办", "无差别受理", "就近办", "一日办结", "秒批", "三天办结", "即享"])
def test_initiatives_handling(finder, phrase):
    assert finder.is_handling(phrase)


@pytest.mark.parametrize("phrase", ["不会办", "办不好", "难以办理", "代办", "办事难", "一日游"])
def test_initiatives_handling_refused(finder, phrase):
    assert not finder.is_handling(phrase)


@pytest.mark.parametrize(("phrase", "kind"), [
    ("凤凰行动", "initiative"), ("枫桥经验", "initiative"), ("人工智能+", "initiative"), ("每月一题", "initiative"),
    ("平急两用", "initiative"), ("随申办AI助手", "product"), ("一网通办", "initiative"),
])
def test_initiatives_classify(finder, phrase, kind):
    assert finder.classify(phrase) == kind


@pytest.mark.parametrize("phrase", ["领头羊", "数字化", "牛鼻子", "浙BA", "洛阳速度", "新三板", "千人千面", "马拉松"])
def test_initiatives_classify_refused(finder, phrase):
    assert finder.classify(phrase) is None


@pytest.mark.parametrize(("text", "want"), [
    ("启动“百村示范、千村振兴”工程。", ["百村示范、千村振兴"]),
    ("开展“清源、护苗”专项行动。", ["清源、护苗"]),
    ("“浙里办”“渝快办”等政务服务平台。", ["浙里办", "渝快办"]),
    ("开展“质量提升年”活动。", ["质量提升年"]),
])
def test_initiatives_marker_after_the_quote(finder, text, want):
    assert [name for _, name, _ in found(finder, text)] == want


@pytest.mark.parametrize("text", ["避免“拍脑袋”决策。", "“小而美”民生项目。", "“僵尸”应用71个。", "首届“苏超”联赛。"])
def test_initiatives_marker_after_the_quote_refused(finder, text):
    assert found(finder, text) == []


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("加力实施“8+4”经济政策体系。", "“8+4”经济政策体系", "8+4经济政策体系"),
    ("深化“五子”联动服务。", "“五子”联动", "五子联动"),
    ("“三北”工程攻坚战全面启动。", "“三北”工程", "三北工程"),
    ("压实“米袋子”省长负责制。", "“米袋子”省长负责制", "米袋子省长负责制"),
])
def test_initiatives_code_completed_by_its_head(finder, text, surface, name):
    assert found(finder, text) == [(surface, name, "initiative")]


@pytest.mark.parametrize(("text", "want"), [
    ("深入实施“千项万亿”工程。", [("千项万亿", "千项万亿", "initiative")]),  # four characters stand alone
    ("落实“4+1”重要要求。", []),  # a code with no head after it
    ("编制“十四五”规划体系。", []),  # a period is never completed
])
def test_initiatives_code_not_completed(finder, text, want):
    assert found(finder, text) == want


@pytest.mark.parametrize("text", ["持续纠治“四风”。", "坚决反对“台独”分裂行径。", "严防“黑天鹅”“灰犀牛”。"])
def test_initiatives_opposed(finder, text):
    assert found(finder, text) == []


@pytest.mark.parametrize(("text", "want"), [
    ("2023年国家级传统村落集中连片保护利用示范州建设涉及5个片区。", ["传统村落集中连片保护利用示范州"]),
    ("推进国家海洋经济发展示范区建设。", ["海洋经济发展示范区"]),
    ("获批国家级高新区。", []),
    ("创建国家新型工业化示范区。", []),  # a designation sought, not one being built
])
def test_initiatives_designation(finder, text, want):
    assert [name for _, name, _ in found(finder, text)] == want


def test_initiatives_known_names_have_sources():
    d = load_json("initiatives.json")
    for key in ("known", "not_names"):
        assert d[key] and all(g["source"].strip() and g["names"] for g in d[key])


def _broken(monkeypatch: pytest.MonkeyPatch, change: Any) -> None:
    d = copy.deepcopy(load_json("initiatives.json"))
    change(d)
    monkeypatch.setattr(initiatives, "load_json", lambda name: d)


@pytest.mark.parametrize("change", [
    lambda d: d.pop("markers"),
    lambda d: d.__setitem__("programme_heads", []),
    lambda d: d.__setitem__("numerals", 5),
    lambda d: d["known"][0].pop("source"),
    lambda d: d["not_names"][0].__setitem__("names", ["新三板", ""]),
    lambda d: d.__setitem__("period_pattern", "(unclosed"),
    lambda d: d["slogan_not_after_numeral"].pop("units"),
])
def test_initiatives_data_file_validated(monkeypatch, change):
    _broken(monkeypatch, change)
    with pytest.raises(DataFileError):
        InitiativeFinder()


@pytest.mark.parametrize("ex", CORPUS["examples"], ids=lambda ex: ex["text"][:12])
def test_initiatives_corpus_examples(finder, ex):
    want = [(t, name or t, kind) for t, name, kind in ex["expect"]]
    assert found(finder, ex["text"]) == want, ex["shape"]


@pytest.mark.parametrize("ex", CORPUS["non_examples"], ids=lambda ex: ex["text"][:12])
def test_initiatives_corpus_non_examples(finder, ex):
    assert found(finder, ex["text"]) == [], ex["shape"]
