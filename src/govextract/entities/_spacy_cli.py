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
_MARK = "__govextract_deferred__"  # on the finder and the stand-ins, whichever copy of this module made them


def _is_ours(obj: object) -> bool:
    return getattr(type(obj), _MARK, False) is True


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, imported on its first call."""
    return load("spacy.cli.info").info(*args, **kwargs)


class _Deferred(ModuleType):
    """A stand-in for one of ``NAMES``: any name it lacks comes from the real module, but for
    the special names the import system and introspection look for."""

    __govextract_deferred__ = True

    def __getattr__(self, name: str) -> Any:
        if name == "__all__":  # `from spacy.cli import *`
            real = load(self.__name__)
            return getattr(real, "__all__", [n for n in vars(real) if not n.startswith("_")])
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(load(self.__name__), name)

    def __dir__(self) -> list[str]:
        return dir(load(self.__name__))

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and value.__name__ == f"{self.__name__}.{name}":
            return  # a command's module imported meanwhile: the real package binds the name
            # (to the command's function, as ``from .download import download`` does)
        super().__setattr__(name, value)


class _DeferredCli(_Deferred):
    """The stand-in for ``spacy.cli``, whose ``info`` is the function, as in the real package,
    without loading it."""

    @property
    def info(self) -> Any:
        return _info


class _Loader(Loader):
    """Makes a stand-in; file and resource reading go to the real module's loader."""

    __govextract_deferred__ = True

    def __init__(self, real: Loader | None) -> None:
        self.real = real

    def __getattr__(self, name: str) -> Any:  # get_data, get_resource_reader, get_filename, …
        if name == "real":  # not set yet (a copy being made)
            raise AttributeError(name)
        return getattr(self.real, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return _DeferredCli(spec.name) if spec.name == "spacy.cli" else _Deferred(spec.name)

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = _info  # type: ignore[attr-defined]  # what spacy/__init__.py takes from it


class _Finder(MetaPathFinder):
    """Finds ``NAMES`` where spaCy has them and hands out stand-ins for them."""

    __govextract_deferred__ = True

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in NAMES:
            return None
        real = PathFinder.find_spec(fullname, path)
        if real is None:
            return None
        spec = ModuleSpec(fullname, _Loader(real.loader), origin=real.origin)
        spec.has_location = real.has_location  # __file__ as the real module's
        spec.submodule_search_locations = real.submodule_search_locations  # other commands import as usual
        return spec


def load(name: str) -> ModuleType:
    """The real module ``name`` (one of ``NAMES``), imported now if only its stand-in was."""
    sys.meta_path[:] = [f for f in sys.meta_path if not _is_ours(f)]
    for key in NAMES:
        if _is_ours(sys.modules.get(key)):
            del sys.modules[key]
    module = importlib.import_module(name)
    package = sys.modules["spacy.cli"]
    for key, sub in list(sys.modules.items()):  # commands imported while it stood in
        parent, _, child = key.rpartition(".")
        if parent == "spacy.cli" and not hasattr(package, child):
            setattr(package, child, sub)
    return module


def defer() -> None:
    """Put the stand-ins in place, unless spaCy is imported already."""
    if "spacy" not in sys.modules and not any(_is_ours(f) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


defer()
