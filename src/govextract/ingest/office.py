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

from ..data import alternation, load_json, require
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
    """The chrome of a saved web page and how it names its issuer (``data/html_boilerplate.json``)."""

    drop_tags: frozenset[str]
    class_tokens: frozenset[str]
    lead: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    control: re.Pattern[str]
    trailing_control: re.Pattern[str]
    reprint: tuple[re.Pattern[str], ...]
    issuer_lines: tuple[re.Pattern[str], ...]
    issuer_name: re.Pattern[str]

    def is_lead(self, line: str) -> bool:
        return any(p.search(line) for p in self.lead)

    def is_tail(self, line: str) -> bool:
        return any(p.search(line) for p in self.tail)

    def is_control(self, line: str) -> bool:
        return bool(self.control.match(line))

    def is_reprint(self, line: str) -> bool:
        return any(p.search(line) for p in self.reprint)

    def issuer(self, *texts: str) -> str | None:
        """The organs named by the first issuer line (``来源：某市统计局``) that names one, joined
        with 、; a news outlet or ``本站`` beside or instead of them is not an issuer. Where the
        text came from (来源, 出处) before who put the page up (发布机构), each in ``texts`` in turn."""
        for pattern in self.issuer_lines:
            for text in texts:
                for m in pattern.finditer(text):
                    names = [n for part in _ISSUER_SPLIT.split(m.group(1))
                             if self.issuer_name.fullmatch(n := part.strip())]
                    if names:
                        return "、".join(dict.fromkeys(names))
        return None


_BOILERPLATE = "html_boilerplate.json"
_ISSUER_SPLIT = re.compile(r"[、，,/]")


@cache
def load_boilerplate() -> Boilerplate:
    d = load_json(_BOILERPLATE)
    controls = "|".join(f"(?:{x})" for x in require(d, "controls", list, _BOILERPLATE))
    run = rf"(?:\s*[【\[]?\s*(?:{controls})\s*[:：]?\s*[】\]]?\s*[|｜]?\s*)+"
    key_groups = [alternation(group) for group in require(d, "issuer_keys", list, _BOILERPLATE)]
    suffixes = alternation(require(d, "issuer_suffixes", list, _BOILERPLATE))
    try:
        b = Boilerplate(
            frozenset(require(d, "drop_tags", list, _BOILERPLATE)),
            frozenset(t.lower() for t in require(d, "class_tokens", list, _BOILERPLATE)),
            tuple(re.compile(x) for x in require(d, "lead_lines", list, _BOILERPLATE)),
            tuple(re.compile(x) for x in require(d, "tail_lines", list, _BOILERPLATE)),
            # a run of controls, each perhaps in brackets and followed by a colon or a bar
            re.compile(rf"^{run}$"),
            re.compile(rf"(?<=[。！？；”’）)]){run}$"),
            tuple(re.compile(x) for x in require(d, "reprint_lines", list, _BOILERPLATE)),
            # the label at a line's start or after a space or bracket; the value up to a space or bracket
            tuple(re.compile(rf"(?:^|(?<=[\s（(【\[]))(?:{keys})\s*[:：]\s*([^\s（）()【】\[\]:：；;。]{{2,80}})", re.M)
                  for keys in key_groups),
            # a name of three to thirty characters ending as an organ does, not a sentence
            re.compile(rf"(?!本)[^\s\d]{{1,28}}(?:{suffixes})"),
        )
    except re.error as exc:
        raise DataFileError(f"bad pattern: {exc}", _BOILERPLATE) from exc
    ex = require(d, "examples", dict, _BOILERPLATE)
    checks = [("lead", b.is_lead, True), ("not_lead", b.is_lead, False), ("tail", b.is_tail, True),
              ("not_tail", b.is_tail, False), ("control", b.is_control, True), ("not_control", b.is_control, False),
              ("reprint", b.is_reprint, True), ("not_reprint", b.is_reprint, False)]
    for key, test, expected in checks:  # the examples beside the rules hold when loaded
        for line in ex.get(key, []):
            if test(line) != expected:
                raise DataFileError(f"example {line!r} ({key}) does not hold", _BOILERPLATE)
    for line, issuer in ex.get("issuer", []) + [(line, None) for line in ex.get("not_issuer", [])]:
        if b.issuer(line) != issuer:
            raise DataFileError(f"example {line!r} (issuer) gives {b.issuer(line)!r}, not {issuer!r}", _BOILERPLATE)
    return b


_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_SPACE = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def _clean_tree(html: str, b: Boilerplate) -> tuple[str, str]:
    """The page with its site chrome taken out and each heading made one plain line, so that
    trafilatura reads ``<h1>一、<span>综合</span></h1>`` as the one heading it is; and the text
    of the whole page, each text node on a line of its own, where an issuer line may be found."""
    import lxml.html  # type: ignore[import-untyped]  # a dependency of trafilatura, without stubs

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # an empty or odd document: trafilatura decides
        return html, ""
    page = "\n".join(t for el in root.iter() if isinstance(el.tag, str) and el.tag not in _NOT_TEXT
                     for t in (el.text, *(c.tail for c in el)) if t and t.strip())
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
        elif tag == "div" and _bold_only(el):  # a heading set as a bold line: trafilatura keeps it as a <p>
            el.tag = "p"
    for level in range(1, 7):
        for h in root.iter(f"h{level}"):
            text = _CJK_GAP.sub("", _SPACE.sub(" ", h.text_content()).strip())
            for child in list(h):
                h.remove(child)
            h.text = text
    return str(lxml.html.tostring(root, encoding="unicode")), page


_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
_BOLD = frozenset({"strong", "b"})


def _bold_only(el: Any) -> bool:
    """A ``<div>`` whose text is all in bold children: ``<div><strong>一、综合</strong></div>``."""
    if (el.text or "").strip() or not len(el):
        return False
    return all(isinstance(c.tag, str) and c.tag.lower() in _BOLD and not (c.tail or "").strip()
               and c.text_content().strip() for c in el)


def _strip_chrome(lines: list[str], b: Boilerplate) -> list[str]:
    """Drop page controls and links to a reprint's original anywhere (a control after a paragraph's
    last sentence, too: ``…来自统计局。返回首页``), breadcrumbs and menus before the text, the site's
    footer after."""
    lines = [b.trailing_control.sub("", ln) for ln in lines if not (b.is_control(p := _plain(ln)) or b.is_reprint(p))]
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


# trafilatura's Markdown escapes: an inline special character after an odd run of backslashes
# (a backslash of the page before one is doubled), a block marker at a line's start
_MD_INLINE_ESCAPE = re.compile(r"(\\+)([*_`~\[\]<])")
_MD_BLOCK_ESCAPE = re.compile(r"^( {0,3})(?:\\(#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$))|(\d{1,9})\\([.)])(?=[ \t]|$))")


_MD_MARK = re.compile(r"(?<![\\*])\*(?!\*)|(?<!\\)`")  # italic and code marks: the page's own are escaped


def md_unescape(line: str) -> str:
    """A line of trafilatura's Markdown with its backslash escapes undone (``公报\\[1\\]`` →
    ``公报[1]``) and its italic and code marks dropped, so that the text holds the characters the
    page holds; the heading marks and bold it adds are kept for the shared Markdown reading."""
    line = _MD_MARK.sub("", line)
    line = _MD_BLOCK_ESCAPE.sub(lambda m: m[1] + (m[2] or m[3] + m[4]), line)
    return _MD_INLINE_ESCAPE.sub(
        lambda m: m[0] if len(m[1]) % 2 == 0 else "\\" * (len(m[1]) // 2) + m[2], line)


_SPACED = re.compile(r"^[#*\s]*[\u4e00-\u9fff、（）\s]{2,30}[*\s]*$")


def _close_gaps(line: str) -> str:
    """A short line of Chinese characters only, spaced out to fill a centred line (``石 家 庄 市 统
    计 局``, ``一、综  合``), closed up: the spaces are layout, Chinese puts none between words."""
    return _CJK_GAP.sub("", line) if _SPACED.match(line) else line


_TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s|——)\s*")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_FOOTMARK = re.compile(r"(?:\[\d{1,2}\]|[①-⑳])+$")
_TITLE_HEAD = 15  # lines: where a page's title may stand in its text, below an info bar


def _title_key(line: str) -> str:
    """A line as it would read as the title: no Markdown, no footnote mark (``公报[1]``)."""
    return _FOOTMARK.sub("", _plain(line)).strip()


def page_title(html: str, fallback: str | None, lines: list[str] = []) -> str | None:  # noqa: B006 (read only)
    """The page's title: the part of its ``<title>`` that the text repeats in its head, else the one
    trafilatura found, else the longest (a site's name is shorter than an article's title, and it
    stands on either side: ``通知_某市人民政府``, ``某省统计局 - 公报``); else what trafilatura
    found. Never a numbered heading such as ``一、综合``, which is a section."""
    from ..structure.headings import classify_line, load_grammar

    m = _TITLE_TAG.search(html)
    raw = _SPACE.sub(" ", unescape(m.group(1))).strip() if m else ""
    parts = [part for part in _TITLE_PARTS.split(raw) if part]
    head = {_title_key(ln) for ln in lines[:_TITLE_HEAD]}
    fallback = (fallback or "").strip() or None
    title = (next((part for part in parts if part in head), None)
             or (fallback if fallback in parts else None)
             or max(parts, key=len, default=None) or fallback)
    if title is None:
        return None
    h = classify_line(title, load_grammar())
    return None if h is not None and h.number else title


def read_html(path: Path, password: str | None = None) -> RawDocument:
    """The main text of a saved web page: navigation, breadcrumbs, scripts, page controls and
    footers dropped, trafilatura's Markdown escapes undone; a heading element is one heading line,
    the page's title a plain first line (and ``RawDocument.title``), never a section; the issuer
    named by a ``来源：``/``出处：`` line, in the text first, else in the page, is ``RawDocument.publisher``."""
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
        cleaned, page = _clean_tree(html, b)
        # tables stay out of the text: a page laid out in one <table> would come out as one cell
        body = trafilatura.extract(cleaned, output_format="markdown", include_tables=False, include_comments=False,
                                   include_images=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:
        raise UnreadableFile(f"cannot parse the page ({type(exc).__name__}: {exc})", path.name) from exc
    lines = _strip_chrome([_close_gaps(md_unescape(ln)) for ln in (body or "").strip().splitlines()], b)
    if not any(ln.strip() for ln in lines):
        raise EmptyDocument("no main text found in the page", path.name)
    title = page_title(html, meta.title if meta is not None else None, [ln for ln in lines if ln.strip()])
    if title:
        first = next(i for i, ln in enumerate(lines) if ln.strip())
        at = next((i for i, ln in enumerate(lines[:first + _TITLE_HEAD]) if _title_key(ln) == title), None)
        if at is not None:
            lines[at] = _plain(lines[at])  # the page's title in its text: metadata, not a section
        elif title.startswith(_plain(lines[first])) and lines[first].startswith("#"):
            lines[first] = _plain(lines[first])
        elif not any(_title_key(ln) == title for ln in lines):
            lines.insert(0, title)
    text = "\n".join(lines)
    source = Source(name=path.name, format=SourceFormat.html, sha256=sha256_of(data), bytes=len(data),
                    encoding=encoding)
    return RawDocument(source=source, text=text, title=title, publisher=b.issuer(text, page))
