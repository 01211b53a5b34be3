"""A self-contained HTML review page for one document: findings first, the section tree as
an outline, the text with every entity highlighted (spaCy's displaCy), the indicators as a
sortable table, and for PDFs the page beside each paragraph. Nothing is fetched from the
network when the page is opened."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from ..models import Document
from .csv import indicator_rows, section_paths

COLORS = {
    "PLACE": "#9ecae1", "QUANTITY": "#fdae6b", "PERCENTAGE": "#fdd0a2", "PERIOD": "#c7e9c0",
    "ORGANIZATION": "#dadaeb", "INITIATIVE": "#fcbba1", "PRODUCT": "#f2b6d2",
}

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",
sans-serif;
margin:0;display:flex;color:#222}
nav{width:22rem;height:100vh;overflow:auto;position:sticky;top:0;border-right:1px solid #ddd;padding:1rem;
box-sizing:border-box;font-size:.9rem}
nav ul{list-style:none;padding-left:1rem;margin:.2rem 0}nav a{color:#225;text-decoration:none}
main{flex:1;padding:1rem 2rem;max-width:60rem}
.findings{background:#fff4e5;border:1px solid #f0b46c;padding:.5rem 1rem;margin-bottom:1rem}
.para{display:flex;gap:.8rem}.para .page{color:#888;font-size:.8rem;min-width:3rem;padding-top:.9rem}
.para .entities{flex:1}
.para.ocr{border-left:3px dashed #b07cc6;padding-left:.4rem}.para.ocr .page:after{content:" OCR";color:#8a4fa3}
.ocr-note{background:#f6effa;border:1px solid #c9a6d9;padding:.5rem 1rem;margin-bottom:1rem}
table{border-collapse:collapse;font-size:.85rem;margin:1rem 0}th,td{border:1px solid #ccc;padding:.2rem .4rem}
th{cursor:pointer;background:#f3f3f3}th:after{content:" \\2195";color:#aaa}
"""

_JS = """
document.querySelectorAll("table.sortable th").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0], rows = Array.from(body.rows);
    var asc = th.dataset.dir !== "asc"; th.dataset.dir = asc ? "asc" : "desc";
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.v || a.cells[col].textContent;
      var y = b.cells[col].dataset.v || b.cells[col].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""


def _esc(s: object) -> str:
    return html.escape("" if s is None else str(s))


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def render(doc: Document) -> str:
    from .. import entities  # noqa: F401  (first, so that spaCy comes without its command line)

    # isort: split
    from spacy import displacy

    text = doc.text
    paths = section_paths(doc.sections)
    parts: list[str] = []
    title = doc.metadata.title or doc.source.name
    if doc.findings:
        items = "".join(f"<li><b>{_esc(f.kind)}</b> ({_esc(paths.get(f.section or '', ''))}): {_esc(f.message)}</li>"
                        for f in doc.findings)
        parts.append(f'<section class="findings" id="findings"><h2>Findings</h2><ul>{items}</ul></section>')
    else:
        parts.append('<section class="findings" id="findings"><h2>Findings</h2><p>None.</p></section>')

    # The outline: nested lists following the section tree.
    outline: list[str] = ["<ul>"]
    depth = 1
    for s in doc.sections:
        while depth < s.level:
            outline.append("<ul>")
            depth += 1
        while depth > s.level:
            outline.append("</ul>")
            depth -= 1
        label = " ".join(x for x in (s.number, s.title) if x)
        outline.append(f'<li><a class="toc" href="#{s.id}">{_esc(label)}</a></li>')
    outline.append("</ul>" * depth)

    # The text: headings, and paragraphs with their entities highlighted.
    # Every line of the text is shown once: a heading line in its heading (unless it also
    # carries a paragraph, a run-in heading), every paragraph in its own block.
    para_at = {p.start: p for p in doc.paragraphs}
    blocks: list[tuple[int, int]] = sorted({(p.start, p.end) for p in doc.paragraphs}
                                           | {(s.start, _line_end(text, s.start)) for s in doc.sections
                                              if s.start not in para_at})
    ents = sorted(doc.entities, key=lambda e: (e.start, -e.end))

    def highlighted(lo: int, hi: int) -> str:
        spans: list[dict[str, Any]] = []
        for e in ents:  # sorted by start; a place inside an initiative's name is shown as the initiative
            if lo <= e.start and e.end <= hi and not (spans and e.start < spans[-1]["end"] + lo):
                spans.append({"start": e.start - lo, "end": e.end - lo, "label": e.type.upper()})
        return str(displacy.render({"text": text[lo:hi], "ents": spans}, style="ent", manual=True, page=False,
                                   options={"colors": COLORS}))

    # Text read by OCR: a note naming the pages and how sure OCR was, and each of their paragraphs marked.
    ocr_pages = set(doc.source.ocr_pages)
    confidence = {p.page: p for p in doc.source.ocr}
    if ocr_pages:
        items = "".join(
            f"<li>p. {n}: {confidence[n].lines} lines, mean confidence "
            f"{_esc(confidence[n].mean_confidence)}, lowest {_esc(confidence[n].min_confidence)}</li>"
            if n in confidence else f"<li>p. {n}</li>" for n in sorted(ocr_pages))
        parts.append(f'<section class="ocr-note" id="ocr"><h2>Read by OCR</h2><p>These pages had no usable text '
                     f"layer; their text was recognised from the page image and may hold misread characters. "
                     f"Their paragraphs are marked OCR.</p><ul>{items}</ul></section>")

    body: list[str] = []
    sections_at = {s.start: s for s in doc.sections}
    for lo, hi in blocks:
        sec = sections_at.get(lo)
        if sec is not None:
            level = min(6, sec.level + 1)
            if lo in para_at:  # a run-in heading: its label here, its text as the paragraph below
                label = " ".join(x for x in (sec.number, sec.title) if x)
                body.append(f'<h{level} id="{sec.id}">{_esc(label)}</h{level}>')
            else:
                body.append(f'<h{level} id="{sec.id}">{highlighted(lo, hi)}</h{level}>')
                continue
        para = para_at.get(lo)
        if para is not None:
            page = f"p. {para.page}" if para.page else ""
            ocr = para.page in ocr_pages
            mean = confidence[para.page].mean_confidence if ocr and para.page in confidence else None
            attrs = (' class="para ocr" title="read by OCR' + (f", page mean confidence {mean}" if mean else "") + '"'
                     if ocr else ' class="para"')
            body.append(f'<div{attrs} id="{para.id}"><span class="page">{page}</span>'
                        f"{highlighted(para.start, para.end)}</div>")

    cols = ["measure", "value", "unit", "comparison", "status", "places", "regions", "section_path", "page",
            "quantity_text"]
    rows = "".join(
        "<tr>" + "".join(f'<td data-v="{_esc(r[c])}">{_esc(r[c])}</td>' for c in cols) + "</tr>"
        for r in indicator_rows(doc)
    )
    table = (f'<table class="sortable" id="indicators"><thead><tr>{"".join(f"<th>{c}</th>" for c in cols)}'
             f"</tr></thead><tbody>{rows}</tbody></table>")
    meta = " · ".join(_esc(x) for x in (doc.metadata.publisher, doc.metadata.date, doc.source.name) if x)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="zh"><head><meta charset="utf-8"><title>{_esc(title)}</title><style>{_CSS}</style></head>'
        f'<body><nav><b>{_esc(title)}</b><p>{meta}</p>'
        f'<p><a href="#findings">Findings ({len(doc.findings)})</a> · <a href="#indicators">Indicators '
        f'({len(doc.indicators)})</a></p>{"".join(outline)}</nav>'
        f'<main><h1>{_esc(title)}</h1>{"".join(parts)}{"".join(body)}'
        f"<h2>Indicators</h2>{table}</main><script>{_JS}</script></body></html>\n"
    )


def write_review(doc_json: Path, out: Path) -> Path:
    """Render the document JSON at ``doc_json`` into the HTML page ``out``."""
    from ..errors import UsageError

    try:
        doc = Document.model_validate_json(doc_json.read_bytes())
    except (OSError, ValueError) as exc:
        raise UsageError(f"not a govextract document JSON: {exc}".splitlines()[0], str(doc_json)) from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(doc), encoding="utf-8")
    return out
