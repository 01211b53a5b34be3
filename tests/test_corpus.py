"""Robustness on real reports the tool was not tuned on (../shared/corpus; skipped when absent).

The checks are about shapes any report has, never about one document's content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import govextract
from govextract.structure.headings import load_grammar

from .conftest import CORPUS

TEXTS = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
_CN = "一二三四五六七八九十"


def cn_int(s: str) -> int:
    if len(s) == 1:
        return _CN.index(s) + 1
    if s[0] == "十":
        return 10 + _CN.index(s[1]) + 1
    return (_CN.index(s[0]) + 1) * 10 + (_CN.index(s[2]) + 1 if len(s) == 3 else 0)


PDFS = sorted(p.name for p in CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def corpus_all(corpus_dir: Path):
    """Every corpus file, converted once for this module."""
    return {name: govextract.extract_file(corpus_dir / name) for name in TEXTS + PDFS}


@pytest.fixture(scope="module")
def corpus_docs(corpus_all):
    return {name: corpus_all[name] for name in TEXTS}


@pytest.fixture(scope="module")
def corpus_pdfs(corpus_all):
    return {name: corpus_all[name] for name in PDFS}


@pytest.mark.parametrize("name", TEXTS)
def test_corpus_text_goes_through(corpus_docs, name):
    doc = corpus_docs[name]
    assert doc.sections and doc.paragraphs and doc.entities
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    for s in doc.sections:
        assert 0 <= s.start < s.end <= len(doc.text)
        assert s.title is None or len(s.title) <= load_grammar().rescued_title
        assert not re.match(r"^(——|[一二三四五六七八九十]是)", doc.text[s.start:s.end])


@pytest.mark.parametrize("name", TEXTS)
def test_corpus_top_level_numbers_run_in_order(corpus_docs, name):
    """A reader accepts a tree whose 一、二、三… and （一）（二）… siblings count up by one."""
    doc = corpus_docs[name]
    by_parent: dict[str | None, list[str]] = {}
    for s in doc.sections:
        if s.number and re.fullmatch(r"[（(]?[一二三四五六七八九十]+[）)]?", s.number):
            by_parent.setdefault(s.parent, []).append(s.number.strip("（）()"))
    for numbers in by_parent.values():
        ints = [cn_int(n) for n in numbers]
        assert ints == list(range(ints[0], ints[0] + len(ints))), numbers


@pytest.mark.parametrize("name", TEXTS)
def test_corpus_tree_levels_are_consistent(corpus_docs, name):
    doc = corpus_docs[name]
    by_id = {s.id: s for s in doc.sections}
    for s in doc.sections:
        if s.parent:
            assert by_id[s.parent].level == s.level - 1
            assert by_id[s.parent].start < s.start and s.end <= by_id[s.parent].end
        else:
            assert s.level == 1


ALL = TEXTS + PDFS


@pytest.mark.parametrize("name", ALL)
def test_corpus_tail_back_matter_follows_the_numbered_parts(corpus_all, name):
    """注释 / 资料来源 taken from body text stand after the last numbered top-level part."""
    doc = corpus_all[name]
    grammar = load_grammar()
    tops = [s.start for s in doc.sections if s.level == 1 and s.number and not s.number.startswith("附件")]
    for s in doc.sections:
        if s.number is None and s.title in grammar.run_in_back_matter:
            assert not tops or s.start > max(tops), s.title


@pytest.mark.parametrize("name", ALL)
def test_corpus_no_list_or_glossary_entry_is_a_section(corpus_all, name):
    """Consecutive list lines (1.XX表 / 2.XX书) and defined terms (1.“XX”：…) are not sections."""
    doc = corpus_all[name]
    for a, b in zip(doc.sections, doc.sections[1:], strict=False):
        if a.number and b.number and a.number.isdigit() and b.number.isdigit():
            assert doc.text[a.start:b.start].count("\n") > 1 or int(b.number) != int(a.number) + 1, a.title
    for s in doc.sections:
        assert not re.match(r"^[“\"《][^”\"》]{1,30}[”\"》][：:]", s.title or ""), s.title


@pytest.mark.parametrize("name", ALL)
def test_corpus_unnumbered_parts_are_short_phrases(corpus_all, name):
    """An unnumbered section is a back-matter title, a marked heading, or a short part title."""
    doc = corpus_all[name]
    grammar = load_grammar()
    for s in doc.sections:
        if s.number is None and s.title not in grammar.back_matter:
            assert s.level == 1 and len(s.title or "") <= grammar.plain_title, s.title
            assert not re.search(f"[{grammar.sentence_end}：:]", s.title or ""), s.title


def test_corpus_gbk_and_utf8_give_identical_output(corpus_docs):
    gbk = corpus_docs["gov-work-report-2020-national.gbk.txt"]
    utf8 = corpus_docs["gov-work-report-2020-national.txt"]
    assert gbk.source.encoding == "gb18030" and utf8.source.encoding == "utf-8"
    strip = {"source"}
    assert gbk.model_dump(exclude=strip) == utf8.model_dump(exclude=strip)


def test_corpus_headings_with_run_in_text_keep_their_body(corpus_docs):
    """Where a （一） heading carries its first paragraph, that text stays a paragraph."""
    for doc in corpus_docs.values():
        covered = set()
        for p in doc.paragraphs:
            covered.update(range(p.start, p.end))
        heading_only = {s.start for s in doc.sections}
        for line in re.finditer(r"[^\n]+", doc.text):
            if line.start() not in heading_only:
                assert line.start() in covered, line.group()[:30]




@pytest.mark.parametrize("name", PDFS)
def test_corpus_pdf_goes_through(corpus_pdfs, name):
    doc = corpus_pdfs[name]
    assert doc.source.pages and doc.pages
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text and e.page is not None
    lines = set(doc.text.split("\n"))
    for f in doc.furniture:
        if f.kind in ("header", "footer"):
            assert f.text not in lines, f
    for s in doc.sections:
        assert s.page_start is not None
        assert s.title is None or len(s.title) <= load_grammar().rescued_title


@pytest.mark.parametrize("name", PDFS)
def test_corpus_pdf_numbered_headings_count_up(corpus_pdfs, name):
    doc = corpus_pdfs[name]
    tops = [s.number for s in doc.sections if s.level == 1 and s.number]
    if tops and all(re.fullmatch(r"[一二三四五六七八九十]+", n) for n in tops):
        ints = [cn_int(n) for n in tops]
        assert ints == list(range(ints[0], ints[0] + len(ints)))


def test_corpus_pdf_tables_only_file_has_no_sections(corpus_pdfs):
    """A PDF that is nothing but ruled tables: tables out, no invented sections or counts."""
    tables_only = [d for d in corpus_pdfs.values() if d.tables and len(d.tables) >= len(d.pages)]
    assert tables_only
    for doc in tables_only:
        assert doc.sections == []
        assert all(len(t.rows) >= 2 for t in doc.tables)
        assert not [e for e in doc.entities if e.type in ("quantity", "percentage")]


def test_corpus_pdf_tables_export_one_csv_each(corpus_pdfs, tmp_path: Path):
    import csv

    from govextract.outputs.csv import write_csv

    doc = max(corpus_pdfs.values(), key=lambda d: len(d.tables))
    written = write_csv(doc, tmp_path, "doc")
    tables = [p for p in written if ".table-" in p.name]
    assert len(tables) == len(doc.tables) > 0
    with tables[0].open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows == [["" if c is None else c for c in r] for r in doc.tables[0].rows]
    captioned = [t for d in corpus_pdfs.values() for t in d.tables if t.caption]
    assert all(t.caption.startswith(("表", "Table")) for t in captioned)
