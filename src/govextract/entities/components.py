"""govextract's spaCy components and their ``Language.factory`` registrations, in one module.

The finders (:mod:`.places`, :mod:`.organizations`, :mod:`.periods`, :mod:`.quantities`,
:mod:`.initiatives`) and the filter (:mod:`.resolve`) work on plain character offsets, and the
text pipeline runs them without spaCy (:func:`govextract.entities.find_entities`). spaCy is
needed only by whoever adds the components to a pipeline, so only this module imports it: at
the top of the finder modules it was half of a one-page extract's start-up.

This module is loaded by :func:`govextract.entities.get_nlp`, and by spaCy itself through the
``spacy_factories`` entry points in pyproject.toml: every ``Language`` loads those when it is
built, so ``spacy.blank("zh").add_pipe("govextract_places")`` works with no import of ours.
Each component keeps its finder's matching (pure) apart from writing spans onto the ``Doc``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..data.gazetteer import load_gazetteer
from . import initiatives, organizations, periods, places, quantities, resolve
from .spans import doc_text, read_spans, token_bounds, write_spans


class PlacesComponent:
    """Divisions, macro-regions and blocs of the gazetteer, into ``doc.spans["govextract_places"]``."""

    def __init__(self) -> None:
        self.finder = places.PlaceFinder(load_gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        starts, ends = token_bounds(doc)
        write_spans(doc, places.SPANS_KEY, self.finder.find(doc_text(doc), starts, ends))
        return doc


class OrganizationsComponent:
    """Institution names, read after the places (a name's seat is one of them)."""

    def __init__(self) -> None:
        self.finder = organizations.OrganizationFinder()

    def __call__(self, doc: Doc) -> Doc:
        starts, ends = token_bounds(doc)
        found = self.finder.find(doc_text(doc), read_spans(doc, places.SPANS_KEY), starts, ends)
        write_spans(doc, organizations.SPANS_KEY, found)
        return doc


class PeriodsComponent:
    """Dates, years, spans of months and plan periods."""

    def __call__(self, doc: Doc) -> Doc:
        write_spans(doc, periods.SPANS_KEY, periods.find_periods(doc_text(doc)))
        return doc


class QuantitiesComponent:
    """Amounts with their units, and percentages."""

    def __init__(self) -> None:
        self.finder = quantities.QuantityFinder()

    def __call__(self, doc: Doc) -> Doc:
        write_spans(doc, quantities.SPANS_KEY, self.finder.find(doc_text(doc)))
        return doc


class InitiativesComponent:
    """Programmes and products; the names it learns go to ``doc.user_data[NAMES_KEY]``."""

    def __init__(self) -> None:
        self.finder = initiatives.InitiativeFinder()

    def __call__(self, doc: Doc) -> Doc:
        found, kinds = self.finder.find(doc_text(doc))
        doc.user_data[initiatives.NAMES_KEY] = kinds
        write_spans(doc, initiatives.SPANS_KEY, found)
        return doc


class ResolveComponent:
    """The one filter over every group of candidates, its winners in ``doc.spans["govextract"]``."""

    def __call__(self, doc: Doc) -> Doc:
        cands = [c for key in resolve.CANDIDATE_KEYS for c in read_spans(doc, key)]
        write_spans(doc, resolve.SPANS_KEY, resolve.resolve(cands))
        return doc


@Language.factory("govextract_places")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()


@Language.factory("govextract_organizations")
def make_organizations(nlp: Language, name: str) -> OrganizationsComponent:
    return OrganizationsComponent()


@Language.factory("govextract_periods")
def make_periods(nlp: Language, name: str) -> PeriodsComponent:
    return PeriodsComponent()


@Language.factory("govextract_quantities")
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()


@Language.factory("govextract_initiatives")
def make_initiatives(nlp: Language, name: str) -> InitiativesComponent:
    return InitiativesComponent()


@Language.factory("govextract_resolve")
def make_resolve(nlp: Language, name: str) -> ResolveComponent:
    return ResolveComponent()
