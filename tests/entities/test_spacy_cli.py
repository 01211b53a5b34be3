"""spaCy's command line stays unloaded while govextract extracts, and loads as soon as anything uses it.

Each case runs in a fresh interpreter: this test session has imported spaCy long before."""

from __future__ import annotations

import subprocess
import sys

import pytest

CLI_ONLY = ("typer", "weasel", "requests", "httpx")


def run(code: str) -> str:
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return res.stdout.strip()


def loaded(then: str = "") -> str:
    extract = "govextract.extract_text('北京市2025年增长5%。')"
    return f"import sys, govextract\n{extract}\n{then}\nprint(sorted(m for m in {CLI_ONLY!r} if m in sys.modules))"


def test_spacy_cli_not_loaded_by_an_extraction():
    assert run(loaded()) == "[]"


@pytest.mark.parametrize("use", [
    "import spacy; assert spacy.info()['spacy_version'] == spacy.about.__version__",
    "import spacy; assert spacy.cli.info()['spacy_version']",
    "import spacy; assert callable(spacy.cli.download)",
    "from spacy.cli import download; assert callable(download)",
    "from spacy.cli import info; assert info()['spacy_version']",
    "from spacy.cli.info import info; assert info()['spacy_version']",
    "from spacy.cli import *; assert callable(download)",
    "import spacy; assert 'download' in dir(spacy.cli)",
    # a command imported while the stand-in was there is still an attribute of the real package
    "import spacy.cli.train, spacy; spacy.cli.download; assert spacy.cli.train.train_cli",
    # a command's module imported first: its name in the package is still the command
    "from spacy.cli.download import get_compatibility; from spacy.cli import download; "
    "import types; assert callable(download) and not isinstance(download, types.ModuleType)",
    "import spacy.cli.evaluate, types; assert not isinstance(spacy.cli.evaluate, types.ModuleType)",
    "import importlib, spacy, govextract.entities._spacy_cli as m; importlib.reload(m); "
    "assert callable(spacy.cli.download)",
])
def test_spacy_cli_loads_on_first_use(use: str):
    assert "'typer'" in run(loaded(use))  # the real command line, which typer builds


@pytest.mark.parametrize("read", [
    "import importlib.resources as r; assert len(list(r.files('spacy.cli').iterdir())) > 10",
    "import pkgutil; assert pkgutil.get_data('spacy.cli', 'templates/quickstart_training.jinja')",
])
def test_spacy_cli_files_readable_while_deferred(read: str):
    assert run(loaded(read)) == "[]"  # read through the real loader, the commands still unloaded


def test_spacy_cli_untouched_when_spacy_came_first():
    out = run("import spacy, sys\nimport govextract.entities\nprint(type(sys.modules['spacy.cli']).__name__)")
    assert out == "module"
