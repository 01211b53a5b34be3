"""The fast PDF backend: characters, boxes, sizes and weights from PDFium (pypdfium2).

pypdfium2 also comes with pdfplumber. A page's characters and text objects are read as
columns (codes, boxes, flags, objects), by the compiled reader ``_pdfium_reader`` when the
package was built with it, else by the same PDFium calls made from Python one character at
a time; everything after that is shared. Pages that draw ruled tables are handed to
pdfplumber's table finder, so that tables stay out of the text exactly as with the
pdfplumber backend. benchmarks/results.md has the speeds."""

from __future__ import annotations

import ctypes
import math
from array import array
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple, TypeAlias

import numpy as np
import numpy.typing as npt

from ..errors import EncryptedPdf, PdfError
from .layout import BBoxT, PdfLine, _is_space, page_lines
from .pdfcommon import TableFound, find_page_tables, open_pdf, reading_page

_Raw: TypeAlias = "bytes | array[Any]"  # a column as it comes: bytes from C, an array from Python

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
        # the same functions' addresses, in the order the compiled reader takes them
        self.char_calls = tuple(_address(f) for f in (
            raw.FPDFText_CountChars, raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated,
            raw.FPDFText_HasUnicodeMapError, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetTextObject))
        self.object_calls = tuple(_address(f) for f in (
            raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, raw.FPDFPageObj_GetType,
            raw.FPDFTextObj_GetFont, raw.FPDFTextObj_GetFontSize, raw.FPDFPageObj_GetMatrix))


_fast: ModuleType | None
try:  # the compiled reader (_pdfium_reader.c), when the package was built with it
    from . import _pdfium_reader as _fast
except ImportError:  # pure Python: the same calls, one character at a time
    _fast = None


@cache
def _api() -> _Api:
    return _Api()


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class _Objects(NamedTuple):
    """A page's top-level text objects, as PDFium describes them, and its number of paths."""

    paths: int
    address: npt.NDArray[np.uint64]
    size: npt.NDArray[np.float32]  # the font's own size
    scale_c: npt.NDArray[np.float32]  # the object's matrix, c and d
    scale_d: npt.NDArray[np.float32]
    font: npt.NDArray[np.uint64]


class _Chars(NamedTuple):
    """A text page's characters, as PDFium gives them."""

    code: npt.NDArray[np.uint32]
    generated: npt.NDArray[np.bool_]  # a space or line break PDFium made up
    map_error: npt.NDArray[np.bool_]  # a glyph without a Unicode mapping
    box: npt.NDArray[np.float32]  # (n, 4): left, top, right, bottom in PDF coordinates
    text_object: npt.NDArray[np.uint64]


def _objects_from(paths: int, address: _Raw, size: _Raw, c: _Raw, d: _Raw, font: _Raw) -> _Objects:
    return _Objects(paths, np.frombuffer(address, dtype=np.uint64), np.frombuffer(size, dtype=np.float32),
                    np.frombuffer(c, dtype=np.float32), np.frombuffer(d, dtype=np.float32),
                    np.frombuffer(font, dtype=np.uint64))


def _chars_from(code: _Raw, flags: _Raw, box: _Raw, obj: _Raw) -> _Chars:
    """The columns from their raw bytes: codes uint32, flag pairs uint8, boxes float32 quads, objects uint64."""
    codes = np.frombuffer(code, dtype=np.uint32)
    pairs = np.frombuffer(flags, dtype=np.bool_).reshape(len(codes), 2)
    return _Chars(codes, pairs[:, 0], pairs[:, 1], np.frombuffer(box, dtype=np.float32).reshape(len(codes), 4),
                  np.frombuffer(obj, dtype=np.uint64))


def _objects_py(api: _Api, page: int) -> _Objects:
    address, font = array("Q"), array("Q")
    size, c, d = array("f"), array("f"), array("f")
    paths = 0
    value, matrix = ctypes.c_float(), api.raw.FS_MATRIX()
    for k in range(api.count_objects(page)):
        obj = api.object(page, k)
        kind = api.object_type(obj)
        if kind == api.raw.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == api.raw.FPDF_PAGEOBJ_TEXT and api.object_size(obj, value) and api.object_matrix(obj, matrix):
            address.append(obj)
            size.append(value.value)
            c.append(matrix.c)
            d.append(matrix.d)
            font.append(api.object_font(obj) or 0)
    return _objects_from(paths, address, size, c, d, font)


def _chars_py(api: _Api, tp: int) -> _Chars:
    n = max(api.count_chars(tp), 0)
    code, flags, box, obj = array("I"), bytearray(2 * n), array("f"), array("Q")
    rect = api.raw.FS_RECTF()
    unicode, generated, map_error, char_box, text_object = (
        api.unicode, api.generated, api.map_error, api.box, api.text_object)
    for i in range(n):
        c = unicode(tp, i)
        code.append(c)
        flags[2 * i] = c == 32 and generated(tp, i) > 0
        flags[2 * i + 1] = map_error(tp, i) > 0
        if not char_box(tp, i, rect):
            rect.left = rect.top = rect.right = rect.bottom = 0.0
        box.extend((rect.left, rect.top, rect.right, rect.bottom))
        obj.append(text_object(tp, i) or 0)
    return _chars_from(code, bytes(flags), box, obj)


def _objects_c(api: _Api, page: int) -> _Objects:
    assert _fast is not None
    paths, address, size, c, d, font = _fast.objects(api.object_calls, page, api.raw.FPDF_PAGEOBJ_TEXT,
                                                      api.raw.FPDF_PAGEOBJ_PATH)
    return _objects_from(paths, address, size, c, d, font)


def _chars_c(api: _Api, tp: int) -> _Chars:
    assert _fast is not None
    code, flags, box, obj = _fast.chars(api.char_calls, tp)
    return _chars_from(code, flags, box, obj)


def _texts(code: npt.NDArray[np.uint32], map_error: npt.NDArray[np.bool_]) -> list[str]:
    """Each character's text; a glyph without a Unicode mapping as pdfminer shows it, ``(cid:N)``."""
    try:
        texts = list(code.astype("<u4").tobytes().decode("utf-32-le"))
    except UnicodeDecodeError:  # a surrogate or an out-of-range code: one at a time
        texts = [chr(c) if c < 0x110000 else "" for c in code.tolist()]
    odd = map_error | (code == 0) | (code >= 0x110000) | ((code < 32) & ~_is_space(code))
    for i in np.flatnonzero(odd).tolist():
        texts[i] = f"(cid:{int(code[i])})"
    return texts


def _lines(page: Any, page_index: int, objects: _Objects, table_boxes: list[BBoxT]) -> list[PdfLine]:
    api = _api()
    textpage = page.get_textpage()
    try:
        tp = _address(textpage.raw)
        chars = (_chars_c if _fast is not None else _chars_py)(api, tp)
        top_edge = page.get_height()  # pdfplumber measures top from the page height, whatever the box origin
        code = chars.code
        # PDFium's own spaces and line breaks go: gaps and lines come from the boxes
        keep = ~((code == 10) | (code == 13) | ((code == 32) & chars.generated))
        raw_box = chars.box.astype(np.float64)
        box = np.column_stack((raw_box[:, 0], top_edge - raw_box[:, 1], raw_box[:, 2], top_edge - raw_box[:, 3]))
        if table_boxes:
            cx, cy = (box[:, 0] + box[:, 2]) / 2, (box[:, 1] + box[:, 3]) / 2
            for x0, t, x1, b in table_boxes:
                keep &= ~((x0 <= cx) & (cx <= x1) & (t <= cy) & (cy <= b))
        at = np.flatnonzero(keep)
        sizes, bolds = _styles(api, textpage.raw, objects, chars.text_object[at], at)
        return page_lines(_texts(code[at], chars.map_error[at]), box[at], sizes, bolds, page_index)
    finally:
        textpage.close()


def _styles(api: _Api, tp: Any, objects: _Objects, obj: npt.NDArray[np.uint64],
            index: npt.NDArray[np.intp]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Each character's font size, as drawn, and weight. The size is the font's own size scaled by
    its text object's matrix, as pdfminer reports it (a WPS file sets 209-point text at a 0.05
    scale); the weight is asked once a font, of its first character."""
    n = len(obj)
    sizes, bolds = np.zeros(n), np.zeros(n, dtype=bool)
    font = np.zeros(n, dtype=np.uint64)
    known = np.zeros(n, dtype=bool)
    if len(objects.address):
        order = np.argsort(objects.address)
        pos = np.minimum(np.searchsorted(objects.address[order], obj), len(order) - 1)
        row = order[pos]
        known = objects.address[row] == obj
        sizes[known] = _scaled_sizes(objects, row[known])
        font[known] = objects.font[row[known]]
    fonts, first = np.unique(font, return_index=True)  # each font and its first character
    for f, j in zip(fonts.tolist(), first.tolist(), strict=True):
        if f:
            bolds[font == f] = _bold(api, tp, int(index[j]))
    styles: dict[int, tuple[float, bool]] = {}  # text object → (size, bold), for the rest
    for j in np.flatnonzero(font == 0).tolist():
        o = int(obj[j])
        style = styles.get(o)
        if style is None:
            i = int(index[j])
            if known[j]:
                size = float(sizes[j])
            else:  # an object inside a form: ask about the character itself
                matrix = api.raw.FS_MATRIX()
                api.raw.FPDFText_GetMatrix(tp, i, ctypes.byref(matrix))
                size = round(api.raw.FPDFText_GetFontSize(tp, i) * math.hypot(matrix.c, matrix.d), 1)
            style = (size, _bold(api, tp, i))
            if o:
                styles[o] = style
        sizes[j], bolds[j] = style
    return sizes, bolds


def _scaled_sizes(objects: _Objects, rows: npt.NDArray[np.intp]) -> npt.NDArray[np.float64]:
    """``round(size * hypot(c, d), 1)`` for the objects at ``rows``, in Python's arithmetic (as
    the pure reader and pdfminer have it), computed once for each distinct size and matrix."""
    triples = np.column_stack((objects.size, objects.scale_c, objects.scale_d))[rows].astype(np.float64)
    approx = triples[:, 0] * np.hypot(triples[:, 1], triples[:, 2])  # only to group equal triples
    _, first, which = np.unique(approx, return_index=True, return_inverse=True)
    out = np.array([round(s * math.hypot(c, d), 1) for s, c, d in triples[first].tolist()])[which.reshape(-1)]
    for j in np.flatnonzero((triples != triples[first][which.reshape(-1)]).any(axis=1)).tolist():
        s, c, d = triples[j].tolist()  # a different triple with the same product: on its own
        out[j] = round(s * math.hypot(c, d), 1)
    return out


def _bold(api: _Api, tp: Any, i: int) -> bool:
    name, flags = ctypes.create_string_buffer(256), ctypes.c_int()
    api.raw.FPDFText_GetFontInfo(tp, i, name, len(name), ctypes.byref(flags))
    weight = api.raw.FPDFText_GetFontWeight(tp, i)
    lowered = name.value.lower()
    return weight >= _BOLD_WEIGHT or b"bold" in lowered or b"hei" in lowered


def pdfium_pages(path: Path, data: bytes, password: str | None) -> Iterator[tuple[list[PdfLine], list[TableFound]]]:
    """Each page's lines and tables with PDFium, one page at a time."""
    pdf = _open_pdfium(path, data, password)
    plumber = None
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            with reading_page(path, i + 1, page):
                found: list[TableFound] = []
                api = _api()
                objects = (_objects_c if _fast is not None else _objects_py)(api, _address(page.raw))
                if objects.paths >= 4:  # it may hold a ruled table: ask pdfplumber for this page only
                    plumber = plumber or open_pdf(path, data, password)
                    pp = plumber.pages[i]
                    with reading_page(path, i + 1, pp):
                        found = find_page_tables(pp)
                lines = _lines(page, i, objects, [box for box, _, _ in found])
            yield lines, found
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()
