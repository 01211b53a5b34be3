"""The spaCy pipeline of :func:`get_nlp` and the offsets-only run of :func:`find_entities` agree.

``find_entities`` runs the components' finders without building a ``Doc``; the components stay
registered for anyone who adds them to a pipeline of their own. Both must find the same
candidates, with the same attributes, on every text, and each component must work alone."""

from __future__ import annotations

import pytest
import spacy

from govextract.entities import PIPES, SPANS_KEY, chunks, find_entities, get_nlp
from govextract.entities.initiatives import NAMES_KEY
from govextract.entities.places import SPANS_KEY as PLACES_KEY
from govextract.entities.resolve import resolve
from govextract.entities.spans import Board, Candidate, read_spans, write_spans

from ..conftest import CORPUS, SAMPLES

TEXTS = [SAMPLES / "seed-report.txt",
         *(p for p in (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []) if ".gbk." not in p.name)]
INVENTED = [
    "2023年，上海浦东新区地区生产总值增长5.2%，浙江省杭州市人民政府发布“十四五”规划。",
    "全州县级财政收入12.3亿元；台湾同胞来访3000人次，阿里巴巴集团在大连接待。",
    "  \n一、总体情况\n\n北京市通州区2024年上半年完成投资约1000万元以上。\n",
    "无",
]


def _as_pairs(cands: list[Candidate]) -> list[tuple[int, int, str, dict]]:
    return [(c.start, c.end, c.label, c.attrs) for c in cands]


def _by_spacy(text: str) -> tuple[list[Candidate], dict[str, str]]:
    """The pipeline's winners and learnt names, piece by piece as find_entities cuts the text."""
    nlp = get_nlp()
    won: list[Candidate] = []
    kinds: dict[str, str] = {}
    for offset, piece in chunks(text):
        doc = nlp(piece)
        won += [Candidate(c.start + offset, c.end + offset, c.label, c.attrs) for c in read_spans(doc, SPANS_KEY)]
        for name, kind in doc.user_data.get(NAMES_KEY, {}).items():
            kinds.setdefault(name, kind)
    return won, kinds


@pytest.mark.parametrize("text", [*INVENTED, *(p.read_text(encoding="utf-8") for p in TEXTS)],
                         ids=[f"invented{i}" for i in range(len(INVENTED))] + [p.name for p in TEXTS])
def test_spacy_pipeline_equals_offsets_run(text: str):
    won, kinds = _by_spacy(text)
    if len(chunks(text)) > 1:
        from govextract.entities import _finders

        won = resolve(won + _finders().initiatives.spread(text, kinds))
    assert _as_pairs(find_entities(text)) == _as_pairs(won)


def test_spacy_pipeline_components_work_alone():
    nlp = spacy.blank("zh")
    nlp.add_pipe("govextract_places")
    doc = nlp("浙江省和江苏省")
    assert [(c.start, c.end, c.label) for c in read_spans(doc, PLACES_KEY)] == [(0, 3, "place"), (4, 7, "place")]
    assert set(PIPES) <= set(spacy.registry.factories.get_all())


@pytest.mark.parametrize("cands", [
    [Candidate(0, 2, "place", {"a": 1}), Candidate(0, 2, "place", {"a": 2})],  # the last attributes win
    [Candidate(1, 3, "x"), Candidate(2, 9, "x"), Candidate(0, 6, "y")],  # outside: dropped
    [Candidate(2, 2, "x"), Candidate(0, 0, "x"), Candidate(6, 6, "x")],  # empty: kept inside only
    [],
])
def test_spacy_pipeline_board_writes_as_doc_spans(cands: list[Candidate]):
    text, words = "上海浦东新区", ["上海浦东", "新区"]
    nlp = get_nlp()
    doc = spacy.tokens.Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    board = Board(text, words)
    write_spans(doc, "k", cands)
    board.write("k", cands)
    assert _as_pairs(board.read("k")) == _as_pairs(read_spans(doc, "k"))
    assert board.token_bounds() == ({t.idx for t in doc}, {t.idx + len(t) for t in doc})
