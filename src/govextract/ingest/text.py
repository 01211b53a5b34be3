"""Plain text and Markdown: bytes to str, with the encoding detected, never guessed silently."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..errors import EmptyDocument, UndecodableText
from ..models import Source, SourceFormat
from .base import RawDocument, sha256_of

# Tried in order; the first strict decode that also looks like text wins. GB18030 is a
# superset of GBK and GB2312, so one entry covers the three.
_CANDIDATES = ("utf-8", "gb18030")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_like_text(s: str) -> bool:
    """Refuse decodes full of control characters or private-use code points: random bytes
    often decode as GB18030 without error, but not into text."""
    if not s:
        return True
    bad = sum(
        1
        for ch in s
        if (unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\n\r\t\f\v")
    )
    return bad / len(s) < 0.01


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`UndecodableText` naming the file."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UndecodableText("binary data (NUL bytes), not a text file", name)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"invalid {enc} after its byte-order mark: {exc.reason}", name) from exc
            if not _looks_like_text(text):
                break
            return text.lstrip("\ufeff"), enc
    for enc in _CANDIDATES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, enc
    raise UndecodableText("neither UTF-8 nor GB18030/GBK text; convert it to UTF-8 first", name)


def read_text(path: Path, data: bytes | None = None) -> RawDocument:
    """Read a ``.txt`` or ``.md`` file into a :class:`RawDocument`."""
    raw = path.read_bytes() if data is None else data
    name = path.name
    if not raw.strip():
        raise EmptyDocument("the file is empty", name)
    text, encoding = decode(raw, name)
    if not text.strip():
        raise EmptyDocument("the file holds only white space", name)
    fmt = SourceFormat.md if path.suffix.lower() in (".md", ".markdown") else SourceFormat.txt
    source = Source(name=name, format=fmt, sha256=sha256_of(raw), bytes=len(raw), encoding=encoding)
    return RawDocument(source=source, text=text)
