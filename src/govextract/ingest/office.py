"""Word (.docx, python-docx) and web pages (.html, trafilatura): optional extras.

Both become text in the Markdown shape the text reader already understands: a Word
paragraph in a heading style (``Heading 2``, ``标题 2``) or a page's ``<h2>`` becomes a
``##`` line, so the heading grammar and the tree builder are shared, not rewritten."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import EmptyDocument, MissingExtra, UnreadableFile
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


def read_html(path: Path, password: str | None = None) -> RawDocument:
    """The main text of a saved web page: navigation, scripts and footers dropped."""
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
    try:
        body = trafilatura.extract(html, output_format="markdown", include_tables=False, include_comments=False,
                                   include_images=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:
        raise UnreadableFile(f"cannot parse the page ({type(exc).__name__}: {exc})", path.name) from exc
    if not body or not body.strip():
        raise EmptyDocument("no main text found in the page", path.name)
    title = meta.title.strip() if meta is not None and meta.title else None
    first, _, rest = body.lstrip().partition("\n")
    if title and first.lstrip("# ").strip() and title.startswith(first.lstrip("# ").strip()):
        body = first.lstrip("# ") + "\n" + rest  # the page's <h1> is its title: metadata, not a section
    elif title:
        body = title + "\n" + body
    source = Source(name=path.name, format=SourceFormat.html, sha256=sha256_of(data), bytes=len(data),
                    encoding=encoding)
    return RawDocument(source=source, text=body)
