"""A self-contained HTML review page for one document: findings first, the section tree as
an outline, the text with every entity highlighted (spaCy's displaCy), the indicators as a
sortable table, and for PDFs the page beside each paragraph. Nothing is fetched from the
network when the page is opened."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from ..facts.panel_table import readable
from ..facts.vocabulary import load_vocabulary
from ..models import Document, Entity
from .csv import indicator_rows, section_paths

LABELS = {"place": "地点", "quantity": "数量", "percentage": "百分比", "period": "时期", "organization": "机构",
          "initiative": "举措", "product": "产品"}
STATUS = {"target": "目标", "achieved": "实绩"}
KIND = {"level": "总量", "growth": "增速"}

COLORS = {  # by the label shown on each highlight
    "地点": "#9ecae1", "数量": "#fdae6b", "百分比": "#fdd0a2", "时期": "#c7e9c0",
    "机构": "#dadaeb", "举措": "#fcbba1", "产品": "#f2b6d2",
}
FINDINGS = {"region_mismatch": "地区归属不符", "conflicting_values": "同一指标数值不一",
            "period_reversed": "时期起止颠倒"}

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
.panel{background:#eef6ff;border:1px solid #9ecae1;padding:.5rem 1rem;margin-bottom:1rem}
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


def _hover(e: Entity) -> str:
    """What a highlight stands for, on hover: its type and its normalised value, name or code."""
    label = LABELS.get(e.type, e.type)
    value = getattr(e, "value", None)
    if value is not None:
        return f"{label}: " + readable(value, getattr(e, "unit", ""), getattr(e, "comparison", None),
                                       getattr(e, "value_max", None))
    extra = [x for x in (getattr(e, "name", None), getattr(e, "adcode", None), getattr(e, "date_start", None))
             if x]
    return f"{label}: " + " ".join(str(x) for x in extra) if extra else label


def _panel_table(doc: Document) -> str:
    """The document's headline figures, each linked to its highlight."""
    if not doc.panel:
        return '<section class="panel" id="panel"><h2>主要指标</h2><p>无</p></section>'
    vocab = load_vocabulary()
    by_indicator = {i.id: i.quantity for i in doc.indicators}
    rows = []
    for c in doc.panel:
        d = vocab.indicators.get(c.code)
        name = (d.national_name if c.scope == "100000" else d.name) if d else c.code
        target = by_indicator.get(c.indicator or "", "")
        words = _esc(doc.text[c.start:c.end])
        link = f'<a href="#{target}">{words}</a>' if target else words
        rows.append(f"<tr><td>{_esc(name)}</td><td>{_esc(KIND.get(c.kind, c.kind))}</td><td>{_esc(c.year)}</td>"
                    f"<td>{_esc(STATUS.get(c.status or '', c.status))}</td><td>{_esc(c.scope_name)}</td>"
                    f'<td data-v="{c.value}">{_esc(readable(c.value, c.unit, c.comparison, c.value_max))}</td>'
                    f"<td>{link}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("指标", "类型", "年份", "状态", "地区", "数值", "原文"))
    return (f'<section class="panel" id="panel"><h2>主要指标</h2><table class="sortable"><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></section>')


def render(doc: Document) -> str:
    from .. import entities  # noqa: F401  (first, so that spaCy comes without its command line)

    # isort: split
    from spacy import displacy

    text = doc.text
    paths = section_paths(doc.sections)
    parts: list[str] = []
    title = doc.metadata.title or doc.source.name
    parts.append(_panel_table(doc))
    if doc.findings:
        items = "".join(f"<li><b>{_esc(FINDINGS.get(f.kind, f.kind))}</b> ({_esc(paths.get(f.section or '', ''))}): "
                        f"{_esc(f.message)}</li>" for f in doc.findings)
        parts.append(f'<section class="findings" id="findings"><h2>待核查</h2><ul>{items}</ul></section>')
    else:
        parts.append('<section class="findings" id="findings"><h2>待核查</h2><p>无</p></section>')

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
                spans.append({"start": e.start - lo, "end": e.end - lo, "label": LABELS.get(e.type, e.type)})
        shown = [e for e in ents if lo <= e.start and e.end <= hi]
        marked = {(sp["start"] + lo, sp["end"] + lo) for sp in spans}
        shown = [e for e in shown if (e.start, e.end) in marked]
        out = str(displacy.render({"text": text[lo:hi], "ents": spans}, style="ent", manual=True, page=False,
                                  options={"colors": COLORS}))
        pieces = out.split("<mark ")
        for k, e in enumerate(shown[:len(pieces) - 1], start=1):  # each highlight: its id and, on hover, its value
            pieces[k] = f'id="{_esc(e.id)}" title="{_esc(_hover(e))}" ' + pieces[k]
        return "<mark ".join(pieces)

    # Text read by OCR: a note naming the pages and how sure OCR was, and each of their paragraphs marked.
    ocr_pages = set(doc.source.ocr_pages)
    confidence = {p.page: p for p in doc.source.ocr}
    if ocr_pages:
        items = "".join(
            f"<li>第{n}页：{confidence[n].lines}行，平均置信度 "
            f"{_esc(confidence[n].mean_confidence)}，最低 {_esc(confidence[n].min_confidence)}</li>"
            if n in confidence else f"<li>第{n}页</li>" for n in sorted(ocr_pages))
        parts.append(f'<section class="ocr-note" id="ocr"><h2>OCR识别页</h2><p>这些页没有可用的文本层，'
                     f"文字由页面图像识别，可能有误识字符；其段落标有 OCR。</p><ul>{items}</ul></section>")

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
    heads = {"measure": "所计对象", "value": "数值", "unit": "单位", "comparison": "比较", "status": "状态",
             "places": "地点", "regions": "地区", "section_path": "章节", "page": "页", "quantity_text": "原文"}
    head = "".join(f"<th>{heads[c]}</th>" for c in cols)
    table = (f'<table class="sortable" id="indicators"><thead><tr>{head}'
             f"</tr></thead><tbody>{rows}</tbody></table>")
    meta = " · ".join(_esc(x) for x in (doc.metadata.publisher, doc.metadata.date, doc.source.name) if x)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="zh"><head><meta charset="utf-8"><title>{_esc(title)}</title><style>{_CSS}</style></head>'
        f'<body><nav><b>{_esc(title)}</b><p>{meta}</p>'
        f'<p><a href="#panel">主要指标 ({len(doc.panel)})</a> · <a href="#findings">待核查 '
        f'({len(doc.findings)})</a> · <a href="#indicators">全部数值 ({len(doc.indicators)})</a></p>'
        f'{"".join(outline)}</nav>'
        f'<main><h1>{_esc(title)}</h1>{"".join(parts)}{"".join(body)}'
        f"<h2>全部数值</h2>{table}</main><script>{_JS}</script></body></html>\n"
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
