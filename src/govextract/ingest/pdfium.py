"""The fast PDF backend: characters, boxes, sizes and weights from PDFium (pypdfium2).

pypdfium2 also comes with pdfplumber. It reads a page's characters with their boxes and
styles several times faster than pdfplumber (benchmarks/results.md has the figures); pages
that draw ruled tables are handed to pdfplumber's table finder, so that tables stay out of
the text exactly as with the pdfplumber backend."""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import EncryptedPdf, PdfError
from .layout import PdfChar, PdfLine, cluster_lines
from .pdf import TableFound, _open, find_page_tables, reading_page

_FPDF_ERR_PASSWORD = 4
_BOLD_WEIGHT = 600


def _open_pdfium(path: Path, data: bytes, password: str | None) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _FPDF_ERR_PASSWORD:
            msg = "wrong password" if password else "the PDF is encrypted; give its password with --password"
            raise EncryptedPdf(msg, path.name) from exc
        raise PdfError(f"not a readable PDF ({exc})", path.name) from exc


class _Api:
    """The PDFium calls made for every character and page object, bound once with plain
    pointer types: through pypdfium2's typed wrappers each call costs about twice as much."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        def bind(func: Any, restype: Any, *argtypes: Any) -> Any:
            bound = type(func)(_address(func))  # the library's own function class: its calling convention
            bound.restype, bound.argtypes = restype, argtypes
            return bound

        vp, i = ctypes.c_void_p, ctypes.c_int
        self.raw = raw
        self.count_chars = bind(raw.FPDFText_CountChars, i, vp)
        self.unicode = bind(raw.FPDFText_GetUnicode, ctypes.c_uint, vp, i)
        self.generated = bind(raw.FPDFText_IsGenerated, i, vp, i)
        self.map_error = bind(raw.FPDFText_HasUnicodeMapError, i, vp, i)
        self.box = bind(raw.FPDFText_GetLooseCharBox, i, vp, i, ctypes.POINTER(raw.FS_RECTF))
        self.text_object = bind(raw.FPDFText_GetTextObject, vp, vp, i)
        self.count_objects = bind(raw.FPDFPage_CountObjects, i, vp)
        self.object = bind(raw.FPDFPage_GetObject, vp, vp, i)
        self.object_type = bind(raw.FPDFPageObj_GetType, i, vp)
        self.object_font = bind(raw.FPDFTextObj_GetFont, vp, vp)
        self.object_size = bind(raw.FPDFTextObj_GetFontSize, i, vp, ctypes.POINTER(ctypes.c_float))
        self.object_matrix = bind(raw.FPDFPageObj_GetMatrix, i, vp, ctypes.POINTER(raw.FS_MATRIX))


@cache
def _api() -> _Api:
    return _Api()


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _page_objects(api: _Api, page: int) -> tuple[dict[int, tuple[float, int]], int]:
    """The page's top-level text objects (address → font size as drawn, font) and its number
    of path objects. The size is the font's own size scaled by the object's matrix, as
    pdfminer reports it: a WPS file sets 209-point text at a 0.05 scale."""
    texts: dict[int, tuple[float, int]] = {}
    paths = 0
    size, matrix = ctypes.c_float(), api.raw.FS_MATRIX()
    for k in range(api.count_objects(page)):
        obj = api.object(page, k)
        kind = api.object_type(obj)
        if kind == api.raw.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == api.raw.FPDF_PAGEOBJ_TEXT and api.object_size(obj, size) and api.object_matrix(obj, matrix):
            texts[obj] = (round(size.value * math.hypot(matrix.c, matrix.d), 1), api.object_font(obj) or 0)
    return texts, paths


def _lines(page: Any, page_index: int, objects: dict[int, tuple[float, int]],
           table_boxes: list[tuple[float, float, float, float]]) -> list[PdfLine]:
    api = _api()
    raw = api.raw
    textpage = page.get_textpage()
    try:
        tp, tp_typed = _address(textpage.raw), textpage.raw
        top_edge = page.get_height()  # pdfplumber measures top from the page height, whatever the box origin
        name = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        matrix = raw.FS_MATRIX()
        rect = raw.FS_RECTF()
        weights: dict[int, bool] = {}  # font → bold
        styles: dict[int, tuple[float, bool]] = {}  # text object → (size, bold)
        found: list[tuple[PdfChar, float, bool]] = []
        unicode, generated, map_error, char_box, text_object = (
            api.unicode, api.generated, api.map_error, api.box, api.text_object)
        for i in range(api.count_chars(tp)):
            code = unicode(tp, i)
            if code == 10 or code == 13 or (code == 32 and generated(tp, i)):
                continue  # PDFium's own spaces and line breaks: gaps and lines come from the boxes
            ch = chr(code) if code else ""
            if not code or map_error(tp, i) or (ch < " " and not ch.isspace()):
                ch = f"(cid:{code})"  # a glyph without a Unicode mapping, shown as pdfminer shows it
            char_box(tp, i, rect)
            box = PdfChar(ch, rect.left, top_edge - rect.top, rect.right, top_edge - rect.bottom)
            if table_boxes:
                cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
                if any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in table_boxes):
                    continue
            obj = text_object(tp, i) or 0
            style = styles.get(obj)
            if style is None:  # the characters of one text object share their font and matrix
                known = objects.get(obj)
                if known is None:  # an object inside a form: ask about the character itself
                    raw.FPDFText_GetMatrix(tp_typed, i, ctypes.byref(matrix))
                    size = round(raw.FPDFText_GetFontSize(tp_typed, i) * math.hypot(matrix.c, matrix.d), 1)
                    font = 0
                else:
                    size, font = known
                bold = weights.get(font) if font else None
                if bold is None:
                    raw.FPDFText_GetFontInfo(tp_typed, i, name, len(name), ctypes.byref(flags))
                    weight = raw.FPDFText_GetFontWeight(tp_typed, i)
                    lowered = name.value.lower()
                    bold = weight >= _BOLD_WEIGHT or b"bold" in lowered or b"hei" in lowered
                    if font:
                        weights[font] = bold
                style = (size, bold)
                if obj:
                    styles[obj] = style
            found.append((box, style[0], style[1]))
    finally:
        textpage.close()
    return cluster_lines(found, page_index)


def pdfium_pages(path: Path, data: bytes, password: str | None) -> Iterator[tuple[list[PdfLine], list[TableFound]]]:
    """Each page's lines and tables with PDFium, one page at a time."""
    pdf = _open_pdfium(path, data, password)
    plumber = None
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            with reading_page(path, i + 1, page):
                found: list[TableFound] = []
                objects, paths = _page_objects(_api(), _address(page.raw))
                if paths >= 4:  # it may hold a ruled table: ask pdfplumber for this page only
                    plumber = plumber or _open(path, data, password)
                    pp = plumber.pages[i]
                    with reading_page(path, i + 1, pp):
                        found = find_page_tables(pp)
                lines = _lines(page, i, objects, [box for box, _, _ in found])
            yield lines, found
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()
