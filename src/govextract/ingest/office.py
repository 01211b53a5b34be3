"""Word (.docx, python-docx) and web pages (.html, trafilatura): optional extras.

Both become text in the Markdown shape the text reader already understands: a Word
paragraph in a heading style (``Heading 2``, ``标题 2``) or a page's ``<h2>`` becomes a
``##`` line, so the heading grammar and the tree builder are shared, not rewritten."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import unescape
from pathlib import Path
from typing import Any

from ..data import load_json, require
from ..errors import DataFileError, EmptyDocument, MissingExtra, UnreadableFile
from ..models import Source, SourceFormat, Table
from .base import RawDocument, sha256_of
from .text import decode

_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def _docx_heading_level(paragraph: Any) -> int:
    """Depth of a heading-styled paragraph; 0 for body text and for the document's title,
    which is metadata rather than a section."""
    name = paragraph.style.name if paragraph.style is not None else ""
    m = _HEADING_STYLE.match(name or "")
    return int(m.group(1)) if m else 0


def read_docx(path: Path, password: str | None = None) -> RawDocument:
    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise MissingExtra("Word files need the optional extra: pip install 'govextract[docx]'", path.name) from exc
    data = path.read_bytes()
    if not data:
        raise EmptyDocument("the file is empty", path.name)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zip, XML and package errors
        raise UnreadableFile(f"not a readable Word file ({type(exc).__name__}: {exc})", path.name) from exc
    lines: list[str] = []
    tables: list[Table] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = para.text.strip()
            if text:
                level = _docx_heading_level(para)
                lines.append(("#" * level + " " if level else "") + text)
        elif tag == "tbl":
            rows = [[cell.text.strip() for cell in row.cells] for row in DocxTable(child, document).rows]
            if rows:
                tables.append(Table(id=f"t{len(tables) + 1}", page=None, bbox=None, rows=rows))
    text = "\n".join(lines)
    if not text.strip() and not tables:
        raise EmptyDocument("the document has no text", path.name)
    source = Source(name=path.name, format=SourceFormat.docx, sha256=sha256_of(data), bytes=len(data),
                    encoding=None)
    return RawDocument(source=source, text=text, tables=tables)


@dataclass(frozen=True)
class Boilerplate:
    """The chrome of a saved web page (``data/html_boilerplate.json``)."""

    drop_tags: frozenset[str]
    class_tokens: frozenset[str]
    lead: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    control: re.Pattern[str]

    def is_lead(self, line: str) -> bool:
        return any(p.search(line) for p in self.lead)

    def is_tail(self, line: str) -> bool:
        return any(p.search(line) for p in self.tail)

    def is_control(self, line: str) -> bool:
        return bool(self.control.match(line))


_BOILERPLATE = "html_boilerplate.json"


@cache
def load_boilerplate() -> Boilerplate:
    d = load_json(_BOILERPLATE)
    try:
        b = Boilerplate(
            frozenset(require(d, "drop_tags", list, _BOILERPLATE)),
            frozenset(t.lower() for t in require(d, "class_tokens", list, _BOILERPLATE)),
            tuple(re.compile(x) for x in require(d, "lead_lines", list, _BOILERPLATE)),
            tuple(re.compile(x) for x in require(d, "tail_lines", list, _BOILERPLATE)),
            re.compile(require(d, "control_lines", str, _BOILERPLATE)),
        )
    except re.error as exc:
        raise DataFileError(f"bad pattern: {exc}", _BOILERPLATE) from exc
    ex = require(d, "examples", dict, _BOILERPLATE)
    checks = [("lead", b.is_lead, True), ("not_lead", b.is_lead, False), ("tail", b.is_tail, True),
              ("not_tail", b.is_tail, False), ("control", b.is_control, True), ("not_control", b.is_control, False)]
    for key, test, expected in checks:  # the examples beside the rules hold when loaded
        for line in ex.get(key, []):
            if test(line) != expected:
                raise DataFileError(f"example {line!r} ({key}) does not hold", _BOILERPLATE)
    return b


_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_SPACE = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def _clean_tree(html: str, b: Boilerplate) -> str:
    """The page with its site chrome taken out and each heading made one plain line, so that
    trafilatura reads ``<h1>一、<span>综合</span></h1>`` as the one heading it is."""
    import lxml.html  # type: ignore[import-untyped]  # a dependency of trafilatura, without stubs

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # an empty or odd document: trafilatura decides
        return html
    body = root.find("body")
    total = len(body.text_content()) if body is not None else 0
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        tag = el.tag.lower()
        drop = tag in b.drop_tags or (tag == "header" and not any(
            a.tag in ("article", "main") for a in el.iterancestors()))
        if not drop and tag not in ("html", "body"):
            names = f"{el.get('class', '')} {el.get('id', '')}".lower()
            if any(t in b.class_tokens for t in _TOKEN_SPLIT.split(names) if t):
                drop = len(el.text_content()) * 2 < total  # never the element holding most of the text
        if drop:
            el.drop_tree()
    for level in range(1, 7):
        for h in root.iter(f"h{level}"):
            text = _CJK_GAP.sub("", _SPACE.sub(" ", h.text_content()).strip())
            for child in list(h):
                h.remove(child)
            h.text = text
    return str(lxml.html.tostring(root, encoding="unicode"))


def _strip_chrome(lines: list[str], b: Boilerplate) -> list[str]:
    """Drop page controls anywhere, breadcrumbs and menus before the text, the site's footer after."""
    lines = [ln for ln in lines if not b.is_control(_plain(ln))]
    start = 0
    while start < len(lines) and (not _plain(lines[start]) or b.is_lead(_plain(lines[start]))):
        start += 1
    end = len(lines)
    while end > start and (not _plain(lines[end - 1]) or b.is_tail(_plain(lines[end - 1]))):
        end -= 1
    return lines[start:end]


def _plain(line: str) -> str:
    """A Markdown line as text: no heading marks or bold."""
    return line.lstrip("#").replace("**", "").strip()


_TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s|——)\s*")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def page_title(html: str, fallback: str | None) -> str | None:
    """The page's title: its ``<title>`` before the site's name (``通知_某市人民政府``), else what
    trafilatura found; never a numbered heading such as ``一、综合``, which is a section."""
    from ..structure.headings import classify_line, load_grammar

    m = _TITLE_TAG.search(html)
    raw = _SPACE.sub(" ", unescape(m.group(1))).strip() if m else ""
    title = next((part for part in _TITLE_PARTS.split(raw) if part), None) or (fallback or "").strip() or None
    if title is None:
        return None
    h = classify_line(title, load_grammar())
    return None if h is not None and h.number else title


def read_html(path: Path, password: str | None = None) -> RawDocument:
    """The main text of a saved web page: navigation, breadcrumbs, scripts, page controls and
    footers dropped; a heading element is one heading line, the page's title its first line."""
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtra("web pages need the optional extra: pip install 'govextract[html]'", path.name) from exc
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument("the file is empty", path.name)
    declared = _META_CHARSET.search(data[:4096])
    html = None
    encoding = None
    if declared:
        try:
            encoding = declared.group(1).decode("ascii").lower()
            html = data.decode("gb18030" if encoding in ("gb2312", "gbk") else encoding)
        except (LookupError, UnicodeDecodeError):
            html = None
    if html is None:
        html, encoding = decode(data, path.name)
    b = load_boilerplate()
    try:
        cleaned = _clean_tree(html, b)
        body = trafilatura.extract(cleaned, output_format="markdown", include_tables=False, include_comments=False,
                                   include_images=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:
        raise UnreadableFile(f"cannot parse the page ({type(exc).__name__}: {exc})", path.name) from exc
    lines = _strip_chrome((body or "").strip().splitlines(), b)
    if not any(ln.strip() for ln in lines):
        raise EmptyDocument("no main text found in the page", path.name)
    title = page_title(html, meta.title if meta is not None else None)
    if title:
        first = next(i for i, ln in enumerate(lines) if ln.strip())
        if _plain(lines[first]) == title or (title.startswith(_plain(lines[first])) and lines[first].startswith("#")):
            lines[first] = _plain(lines[first])  # the page's title, as its first line: metadata, not a section
        elif not any(_plain(ln) == title for ln in lines):
            lines.insert(0, title)
    source = Source(name=path.name, format=SourceFormat.html, sha256=sha256_of(data), bytes=len(data),
                    encoding=encoding)
    return RawDocument(source=source, text="\n".join(lines))
