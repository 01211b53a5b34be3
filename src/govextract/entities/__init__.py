"""Stage 3, entities: the clean text in; candidates (character spans with a label and attributes),
then typed entities, out. The only code that imports spaCy or a segmenter.

The text pipeline runs one finder per kind on plain offsets (:func:`find_entities`), without
spaCy. For whoever wants a spaCy pipeline, :func:`get_nlp` builds a blank ``zh`` one on jieba's
words (jieba-rs by default) with one component per kind, each registered with ``Language.factory``
in :mod:`.components` (the one module that imports spaCy, loaded by :func:`get_nlp` or by spaCy
through the ``spacy_factories`` entry points) and each keeping its finder's matching (pure)
apart from writing spans onto the ``Doc``:

- :mod:`.places` (``govextract_places``): divisions, macro-regions and blocs of the gazetteer
  (:mod:`govextract.data.gazetteer`);
- :mod:`.organizations` (``govextract_organizations``): a grammar of institution names, its data
  model in :mod:`.org_grammar`;
- :mod:`.periods` (``govextract_periods``), :mod:`.quantities` (``govextract_quantities``),
  :mod:`.initiatives` (``govextract_initiatives``);
- :mod:`.resolve` (``govextract_resolve``): overlapping candidates decided once, by one filter.

:mod:`.spans` is the :class:`~.spans.Candidate` that crosses from the components to
:mod:`.typed`, which turns the winners into the typed models of :mod:`govextract.models`
(``Place``, ``Organization``, ``Period``, ``Quantity``, ``Initiative``) with their sections and pages.
"""

from __future__ import annotations

import logging
import os
import sys
from bisect import bisect_right
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from . import _spacy_cli  # noqa: F401  (first: spaCy's command line loads when used, not with spaCy)

# isort: split

from ..data.gazetteer import load_gazetteer
from ..errors import UsageError
from . import initiatives, organizations, periods, places, quantities, resolve
from .resolve import SPANS_KEY
from .spans import ATTRS_KEY, TEXT_KEY, Board, Candidate

if TYPE_CHECKING:  # spaCy itself loads when a pipeline or a Doc is first built
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

PIPES = (
    "govextract_places",
    "govextract_organizations",
    "govextract_periods",
    "govextract_quantities",
    "govextract_initiatives",
    "govextract_resolve",
)


log = logging.getLogger(__name__)

SEGMENTERS = ("jieba-rs", "jieba")
SEGMENTER_ENV = "GOVEXTRACT_SEGMENTER"


def segmenter() -> str:
    """The word segmenter in use: jieba's dictionary and algorithm, by default through jieba-rs.

    ``GOVEXTRACT_SEGMENTER=jieba`` selects the Python jieba instead; both give the same
    entities (a test holds them equal on the seed and every corpus text). jieba-rs cuts about
    twenty times faster and keeps its dictionary in a fraction of the memory."""
    name = os.environ.get(SEGMENTER_ENV, "").strip() or SEGMENTERS[0]
    if name not in SEGMENTERS:
        raise UsageError(f"{SEGMENTER_ENV}={name!r}: expected one of {', '.join(SEGMENTERS)}")
    return name


@cache
def _cutter(name: str) -> Callable[[str], list[str]]:
    """``name``'s cut function, with every gazetteer name in its dictionary as a whole word."""
    aliases = load_gazetteer().aliases
    if name == "jieba":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        for alias in aliases:
            jieba.add_word(alias)
        lcut: Callable[[str], list[str]] = jieba.lcut
        return lcut
    import rjieba

    for alias in aliases:
        rjieba.add_word(alias, None, None)
    return rjieba.cut


def words_of(text: str, cut: Callable[[str], list[str]]) -> list[str]:
    """``cut``'s words of ``text``, or its characters should the words not add up to it."""
    words = [w for w in cut(text) if w]
    if "".join(words) != text:
        log.warning("the segmenter's words do not add up to the text; cutting %d characters one by one, "
                    "which loses places that must be whole words", len(text))
        words = list(text)
    return words


class JiebaWords:
    """A spaCy tokenizer of jieba words, with no word-to-text alignment.

    jieba's words, white space included, concatenate back to the input, so the Doc is built
    from them directly (``doc.text`` stays equal to the input and character offsets hold).
    Should they ever fail to, the Doc falls back to one token per character, with a warning."""

    def __init__(self, vocab: Vocab, cut: Callable[[str], list[str]]) -> None:
        self.vocab = vocab
        self.cut = cut

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words = words_of(text, self.cut)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[TEXT_KEY] = text  # spaCy would rebuild it from the tokens
        return doc

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> JiebaWords:
        return self


def get_nlp() -> Language:
    """A blank ``zh`` pipeline on the selected segmenter with govextract's components."""
    return _build_nlp(segmenter())


@cache
def _build_nlp(name: str) -> Language:
    import spacy

    from . import components  # noqa: F401  (registers the factories, should no entry point have)

    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaWords(nlp.vocab, _cutter(name))
    nlp.max_length = 10**8
    for pipe in PIPES:
        nlp.add_pipe(pipe)
    return nlp


CHUNK_CHARS = 10_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``text`` cut at line ends into pieces of about ``size`` characters, with their offsets.

    Entities never cross a line, so nothing is lost; a spaCy Doc takes a few hundred bytes
    a token, so small pieces keep a long report's memory flat."""
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
    """The winning candidates of the pipeline's components on ``text``, with their attributes.

    The components' finders run here on plain offsets (:class:`~.spans.Board`), in the order
    and with the token boundaries :func:`get_nlp`'s pipeline gives them, without building a
    spaCy ``Doc`` (a test holds the two equal). Long texts go through in pieces; names of
    initiatives learnt anywhere in the document are then found in all of it, and overlaps
    decided once more over the whole."""
    finders = _finders()
    cut = _cutter(segmenter())
    pieces = chunks(text)
    won: list[Candidate] = []
    kinds: dict[str, str] = {}
    for offset, piece in pieces:
        found, names = finders.run(piece, words_of(piece, cut))
        won += [Candidate(c.start + offset, c.end + offset, c.label, c.attrs) for c in found]
        for name, kind in names.items():
            kinds.setdefault(name, kind)
    if len(pieces) <= 1:
        return won
    return _resolve_by_piece(won + finders.initiatives.spread(text, kinds), [o for o, _ in pieces])


def _resolve_by_piece(cands: list[Candidate], offsets: list[int]) -> list[Candidate]:
    """:func:`.resolve.resolve` over the whole, decided piece by piece: candidates that do not
    cross a piece's end only overlap (or nest in) candidates of their own piece, so the winners
    are the same, and the filter, which compares every place with every programme, is not
    run over a whole long report at once. Should one cross, the whole is decided at once."""
    groups: list[list[Candidate]] = [[] for _ in offsets]
    ends = [*offsets[1:], sys.maxsize]
    for c in cands:
        k = bisect_right(offsets, c.start) - 1
        if c.end > ends[k]:
            return resolve.resolve(cands)
        groups[k].append(c)
    return [c for group in groups for c in resolve.resolve(group)]


class _Finders:
    """The pure finders of the components in :data:`PIPES`, run as the pipeline runs them."""

    def __init__(self) -> None:
        self.places = places.PlaceFinder(load_gazetteer())
        self.organizations = organizations.OrganizationFinder()
        self.quantities = quantities.QuantityFinder()
        self.initiatives = initiatives.InitiativeFinder()

    def run(self, text: str, words: list[str]) -> tuple[list[Candidate], dict[str, str]]:
        """The winners in ``text`` cut into ``words``, and the initiatives' names learnt in it."""
        board = Board(text, words)
        starts, ends = board.token_bounds()
        board.write(places.SPANS_KEY, self.places.find(text, starts, ends))
        starts, ends = board.token_bounds()
        board.write(organizations.SPANS_KEY,
                    self.organizations.find(text, board.read(places.SPANS_KEY), starts, ends))
        board.write(periods.SPANS_KEY, periods.find_periods(text))
        board.write(quantities.SPANS_KEY, self.quantities.find(text))
        found, kinds = self.initiatives.find(text)
        board.write(initiatives.SPANS_KEY, found)
        board.write(SPANS_KEY, resolve.resolve([c for key in resolve.CANDIDATE_KEYS for c in board.read(key)]))
        return board.read(SPANS_KEY), kinds


@cache
def _finders() -> _Finders:
    return _Finders()


def prepare() -> None:
    """Build what :func:`find_entities` uses, once: the finders and the segmenter with the
    gazetteer's names (a batch does it before forking its workers, which inherit them)."""
    _finders()
    _cutter(segmenter())


__all__ = ["ATTRS_KEY", "PIPES", "SPANS_KEY", "Candidate", "find_entities", "get_nlp", "prepare"]
