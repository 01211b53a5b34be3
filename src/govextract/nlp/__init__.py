"""The only code that imports spaCy or jieba: the pipeline builder and its components."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import load_gazetteer
from . import initiatives, organizations, periods, places, quantities, resolve  # noqa: F401  (factories)
from .resolve import SPANS_KEY
from .spans import ATTRS_KEY, TEXT_KEY, Candidate, read_spans

PIPES = (
    "govextract_places",
    "govextract_organizations",
    "govextract_periods",
    "govextract_quantities",
    "govextract_initiatives",
    "govextract_resolve",
)


def _load_user_dictionary() -> None:
    """Teach jieba every gazetteer name, so that names come out as whole words."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for alias in load_gazetteer().aliases:
        jieba.add_word(alias)


class JiebaWords:
    """spaCy's ``zh`` tokenizer with the jieba segmenter, without its word-to-text alignment.

    jieba's words, white space included, concatenate back to the input, so the Doc is built
    from them directly (``doc.text`` stays equal to the input and character offsets hold).
    spaCy's own alignment searches the rest of the text for every word, which grows with the
    square of the length; where the words ever fail to concatenate back, it is used instead."""

    def __init__(self, fallback: Any) -> None:
        self.fallback = fallback
        self.vocab = fallback.vocab

    def __call__(self, text: str) -> Doc:
        import jieba

        words = [w for w in jieba.cut(text, cut_all=False) if w]
        if "".join(words) != text:
            return self.fallback(text)  # type: ignore[no-any-return]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.fallback.to_bytes(**kwargs)  # type: ignore[no-any-return]

    def from_bytes(self, data: bytes, **kwargs: Any) -> JiebaWords:
        self.fallback.from_bytes(data, **kwargs)
        return self


@cache
def get_nlp() -> Language:
    """A blank ``zh`` pipeline on jieba with govextract's components, built once per process."""
    import spacy

    _load_user_dictionary()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = JiebaWords(nlp.tokenizer)
    nlp.max_length = 10**8
    for name in PIPES:
        nlp.add_pipe(name)
    return nlp


CHUNK_CHARS = 50_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``text`` cut at line ends into pieces of about ``size`` characters, with their offsets.

    Entities never cross a line, so nothing is lost; spaCy's zh tokenizer aligns its words
    to the text in time that grows with the square of the length, so pieces keep it linear."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= size else text.rfind("\n", start, start + size) + 1
        if end <= start:
            nl = text.find("\n", start + size)
            end = len(text) if nl < 0 else nl + 1
        out.append((start, text[start:end]))
        start = end
    return out


def find_entities(text: str) -> list[Candidate]:
    """Run the pipeline on ``text`` and return the winning candidates with their attributes.

    Long texts go through in pieces; names of initiatives learnt anywhere in the document
    are then found in all of it, and overlaps decided once more over the whole."""
    nlp = get_nlp()
    pieces = chunks(text)
    won: list[Candidate] = []
    kinds: dict[str, str] = {}
    for (offset, _), doc in zip(pieces, nlp.pipe(_make_docs(nlp, pieces)), strict=True):
        won += [Candidate(c.start + offset, c.end + offset, c.label, c.attrs) for c in read_spans(doc, SPANS_KEY)]
        for name, kind in doc.user_data.get(initiatives.NAMES_KEY, {}).items():
            kinds.setdefault(name, kind)
    if len(pieces) <= 1:
        return won
    return resolve.resolve(won + _initiative_finder().spread(text, kinds))


def _make_docs(nlp: Language, pieces: list[tuple[int, str]]) -> Iterator[Doc]:
    for _, piece in pieces:
        doc = nlp.make_doc(piece)
        doc.user_data[TEXT_KEY] = piece  # spaCy would rebuild it from the tokens
        yield doc


@cache
def _initiative_finder() -> initiatives.InitiativeFinder:
    return initiatives.InitiativeFinder()


__all__ = ["ATTRS_KEY", "PIPES", "SPANS_KEY", "Candidate", "find_entities", "get_nlp"]
