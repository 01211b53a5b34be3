"""spaCy's command line, loaded when something first uses it rather than with spaCy.

``import spacy`` runs ``from .cli.info import info`` to export one function, and that loads
all of spaCy's command line with it: typer, weasel, requests, httpx and rich. govextract only
builds a blank pipeline, and that import is about a seventh of its memory and a third of its
start-up (benchmarks/results.md has both). Importing this module, before spaCy, puts stand-ins
in the import system for ``spacy.cli`` and ``spacy.cli.info``. The first name asked of
either, or a call of ``spacy.info``, imports the real modules, so code that uses spaCy's
command line in the same process works as before. Nothing changes when spaCy is already
imported, or when its layout is not the one expected."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

NAMES = ("spacy.cli", "spacy.cli.info")


class _Deferred(ModuleType):
    """A stand-in for one of ``NAMES``: any name it lacks comes from the real module, but for
    the special names the import system and introspection look for."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name != "__all__":
            raise AttributeError(name)
        return getattr(load(self.__name__), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, imported on its first call."""
    return load("spacy.cli.info").info(*args, **kwargs)


class _Finder(MetaPathFinder, Loader):
    """Finds ``NAMES`` where spaCy has them and hands out stand-ins for them."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in NAMES:
            return None
        real = PathFinder.find_spec(fullname, path)
        if real is None:
            return None
        spec = ModuleSpec(fullname, self, origin=real.origin)
        spec.has_location = real.has_location  # __file__ as the real module's
        spec.submodule_search_locations = real.submodule_search_locations  # other commands import as usual
        return spec

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return _Deferred(spec.name)

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = _info  # type: ignore[attr-defined]  # what spacy/__init__.py takes from it


def load(name: str) -> ModuleType:
    """The real module ``name`` (one of ``NAMES``), imported now if only its stand-in was."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _Finder)]
    for key in NAMES:
        if isinstance(sys.modules.get(key), _Deferred):
            del sys.modules[key]
    return importlib.import_module(name)


def defer() -> None:
    """Put the stand-ins in place, unless spaCy is imported already."""
    if "spacy" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


defer()
