"""Bundled data files: gazetteer helpers, lexicons and patterns, validated when loaded."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from ..errors import DataFileError


@cache
def load_json(name: str) -> dict[str, Any]:
    """Load ``data/<name>`` as a JSON object, raising :class:`DataFileError` if it is not one."""
    try:
        obj = json.loads(files(__package__).joinpath(name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(f"cannot load bundled data file: {exc}", name) from exc
    if not isinstance(obj, dict):
        raise DataFileError("expected a JSON object at the top", name)
    return obj


def load_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of ``data/<name>``."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 万亿 wins over 万)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def require(obj: dict[str, Any], key: str, kind: type, name: str) -> Any:
    """Fetch ``obj[key]`` and check its type, so a malformed data file fails at load, clearly."""
    if key not in obj or not isinstance(obj[key], kind):
        raise DataFileError(f"missing or malformed field {key!r} (expected {kind.__name__})", name)
    return obj[key]
