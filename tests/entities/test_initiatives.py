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


@pytest.mark.parametrize("phrase", ["五保", "两保一促", "三个不变", "三个必须坚持", "八项重点工程", "5个10",
                                    "新四化", "百千工程", "一村一品", "三进农家", "双创", "四大工程"])
def test_initiatives_number_slogan(finder, phrase):
    assert finder.is_number_slogan(phrase)


@pytest.mark.parametrize("phrase", ["十五五", "十二五", "七五", "2小时经济圈", "八连增", "老三样", "四上", "两会",
                                    "五大中心", "四小虎", "零", "7·20", "2+3", "627", "十个手指抓跳蚤", "三个"])
def test_initiatives_number_slogan_refused(finder, phrase):
    assert not finder.is_number_slogan(phrase)


@pytest.mark.parametrize("phrase", ["全省通办", "一窗受理", "网上办", "当日办结", "秒报", "两天办结", "即兑"])
def test_initiatives_handling(finder, phrase):
    assert finder.is_handling(phrase)


@pytest.mark.parametrize("phrase", ["不能办", "办不成", "无法办理", "代办", "办证难", "两日游"])
def test_initiatives_handling_refused(finder, phrase):
    assert not finder.is_handling(phrase)


@pytest.mark.parametrize(("phrase", "kind"), [
    ("青禾行动", "initiative"), ("湖畔经验", "initiative"), ("文旅+", "initiative"), ("每周一查", "initiative"),
    ("每季一评", "initiative"), ("军民两用", "initiative"), ("税务通AI助手", "product"), ("港城智能体", "product"),
    ("城小宝智能客服", "product"), ("好差评", "initiative"), ("两个确立", "initiative"), ("中欧班列", "initiative"),
])
def test_initiatives_classify(finder, phrase, kind):
    assert finder.classify(phrase) == kind


@pytest.mark.parametrize("phrase", ["排头兵", "网络化", "试验田", "乡BA", "滨海速度", "科创板", "千家万户", "接力赛",
                                    "夜间经济", "飞地经济", "每人一份", "每户一表", "城乡两旺", "执业助手"])
def test_initiatives_classify_refused(finder, phrase):
    assert finder.classify(phrase) is None


@pytest.mark.parametrize(("text", "want"), [
    ("启动“百企帮扶、千户增收”工程。", ["百企帮扶、千户增收"]),
    ("开展“护河、护林”专项行动。", ["护河、护林"]),
    ("“桂小智”“湘办通”等政务服务平台。", ["桂小智", "湘办通"]),
    ("开展“服务质量提升年”活动。", ["服务质量提升年"]),
])
def test_initiatives_marker_after_the_quote(finder, text, want):
    assert [name for _, name, _ in found(finder, text)] == want


@pytest.mark.parametrize("text", ["避免“一言堂”决策。", "“短平快”民生项目。", "“睡眠”账户12个。", "首届“乡超”联赛。"])
def test_initiatives_marker_after_the_quote_refused(finder, text):
    assert found(finder, text) == []


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("加力实施“6+2”产业政策体系。", "“6+2”产业政策体系", "6+2产业政策体系"),
    ("深化“三链”联动服务。", "“三链”联动", "三链联动"),
    ("“两江”工程建设全面启动。", "“两江”工程", "两江工程"),
    ("压实“果盘子”县长负责制。", "“果盘子”县长负责制", "果盘子县长负责制"),
])
def test_initiatives_code_completed_by_its_head(finder, text, surface, name):
    assert found(finder, text) == [(surface, name, "initiative")]


@pytest.mark.parametrize(("text", "want"), [
    ("深入实施“万企千亿”工程。", [("万企千亿", "万企千亿", "initiative")]),  # four characters stand alone
    ("落实“2+3”重点要求。", []),  # a code with no head after it
    ("编制“十五五”规划体系。", []),  # a period is never completed
])
def test_initiatives_code_not_completed(finder, text, want):
    assert found(finder, text) == want


@pytest.mark.parametrize("text", ["坚决整治“四风”。", "严厉打击“套路贷”。", "防止“一刀切”“层层加码”。"])
def test_initiatives_opposed(finder, text):
    assert found(finder, text) == []


@pytest.mark.parametrize(("text", "want"), [
    ("推进国家级全域旅游示范省建设。", ["全域旅游示范省"]),
    ("加快国家生态文明先行示范县建设。", ["生态文明先行示范县"]),
    ("推进国家农业绿色发展先行区建设。", ["农业绿色发展先行区"]),
    ("推进省级山区乡村振兴示范市建设。", ["山区乡村振兴示范市"]),
    ("获批国家级新区。", []),
    ("创建国家农业现代化示范区。", []),  # a designation sought, not one being built
    ("推进国家级示范性实训基地建设。", []),  # 示范性 is a quality, not a designated division
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


@pytest.mark.parametrize(("inner", "kind"), [
    ("一主两副、多极协同", "initiative"), ("两横三纵、全域贯通", "initiative"), ("一核三带、多点支撑", "initiative"),
    ("一次采集、多方共享", None),  # one numeral is no layout
    ("政府搭台、企业唱戏", None),
    ("一主两副、多极协同发展", None),  # parts of unequal length are a sentence, not a slogan
])
def test_initiatives_numbered_layout(finder, inner, kind):
    assert finder.classify_whole(inner) == kind


@pytest.mark.parametrize(("text", "want"), [
    ("深入实施强工业行动。", ["强工业行动"]),
    ("全面实施强县域行动和兴农富民行动。", ["强县域行动"]),  # only the name after the verb
    ("推进兴农富民行动。", ["兴农富民行动"]),
    ("启动惠企纾困计划。", ["惠企纾困计划"]),
    ("持续推进强化监管行动。", []),  # 强化 is a verb
    ("实施强有力的帮扶措施。", []),
    ("加强安全生产行动。", []),  # no verb of carrying out before the name
])
def test_initiatives_unquoted_programme(finder, text, want):
    assert [name for _, name, _ in found(finder, text)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("推进两重建设。", ["两重"]),
    ("两新政策加力扩围。", []),  # 政策 is no programme word
    ("做好两新工作。", ["两新"]),
    ("落实两新。", ["两新"]),
    ("加强两新组织党建。", []),
    ("事物的两重性。", []),
    ("“双碳”目标。", ["双碳"]),
])
def test_initiatives_short_known_name(finder, text, want):
    assert [name for _, name, _ in found(finder, text)] == want


def test_initiatives_known_names_are_nationwide():
    """The known groups name their public source; none is a province's own programme."""
    d = load_json("initiatives.json")
    names = [n for g in d["known"] for n in g["names"]]
    assert len(names) == len(set(names))
    assert not {"千万工程", "一网统管", "无证明城市", "枫桥经验"} & set(names)
