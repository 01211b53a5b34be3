"""The only code that imports spaCy or jieba: the pipeline builder and its components."""

from __future__ import annotations

import logging
from functools import cache

from spacy.language import Language

from ..gazetteer import load_gazetteer
from . import initiatives, organizations, periods, places, quantities, resolve  # noqa: F401  (factories)
from .resolve import SPANS_KEY
from .spans import ATTRS_KEY, Candidate, read_spans

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


@cache
def get_nlp() -> Language:
    """A blank ``zh`` pipeline on jieba with govextract's components, built once per process."""
    import spacy

    _load_user_dictionary()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.max_length = 10**8
    for name in PIPES:
        nlp.add_pipe(name)
    return nlp


def find_entities(text: str) -> list[Candidate]:
    """Run the pipeline on ``text`` and return the winning candidates with their attributes."""
    return read_spans(get_nlp()(text), SPANS_KEY)


__all__ = ["ATTRS_KEY", "PIPES", "SPANS_KEY", "Candidate", "find_entities", "get_nlp"]
