"""OCR for PDF pages without a usable text layer (the optional extra ``govextract[ocr]``).

RapidOCR on ONNX Runtime, with the PP-OCR Chinese models that ship inside the
``rapidocr-onnxruntime`` wheel (PP-OCRv4 detection and recognition; Apache-2.0, as the
wheel and PaddleOCR, where the models come from): nothing is downloaded at run time.

A page is rendered in greyscale with pypdfium2 at :data:`OCR_DPI` and read here; the boxes
found become lines in :mod:`.ocr_lines`, the same :class:`PdfLine` objects a text layer gives.

The two models run on OpenVINO when it is installed (the extra installs it): on the same ONNX
files it reads a page three to five times faster than ONNX Runtime on a CPU with bfloat16
(OpenVINO's default precision there), with the same text on the seed scan (benchmarks/ocr.py).
``GOVEXTRACT_OCR_RUNTIME=onnxruntime`` keeps ONNX Runtime; without OpenVINO it is the one used.

The recogniser's 180° line classifier is off: on these models it turns lines that start with
a quotation mark upside down and they come back empty (measured on the seed scan).
"""

from __future__ import annotations

import logging
import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import backends
from ..errors import MissingExtra, UsageError
from .layout import PdfLine
from .ocr_lines import MIN_SCORE, Quad, lines_from

# Rendering resolution, measured by benchmarks/ocr.py on the seed scan (12-point body): the
# error rate is flat from 75 to 200 dpi and rises at 60, which is where 7.5-point type falls
# at 96 dpi; 150 keeps that margin for small print at about 15% more time than 100.
OCR_DPI = 150
LOW_CONFIDENCE = 0.85  # a page whose mean line confidence is below this is named in a warning
_BOX_THRESH = 0.5
_UNCLIP = 1.6
_SIDEWAYS = 1.5  # a box this many times taller than wide is a line set vertically, or turned


@dataclass
class OcrPageResult:
    """One page read by OCR: its lines (sizes still the boxes' heights), each line's
    confidence, and what went wrong, if anything."""

    lines: list[PdfLine] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    warning: str | None = None


RUNTIMES = ("openvino", "onnxruntime")
RUNTIME_ENV = "GOVEXTRACT_OCR_RUNTIME"
log = logging.getLogger(__name__)


@cache
def _engine() -> Any:
    if not backends.ocr_available():
        raise MissingExtra(f"OCR needs the optional extra: {backends.OCR_INSTALL}")
    from rapidocr_onnxruntime import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    engine = RapidOCR()
    if runtime() == "openvino":
        _on_openvino(engine)
    return engine


def runtime() -> str:
    """The runtime the models run on: OpenVINO when it is installed, unless
    ``GOVEXTRACT_OCR_RUNTIME=onnxruntime`` asks for ONNX Runtime."""
    name = os.environ.get(RUNTIME_ENV, "").strip() or RUNTIMES[0]
    if name not in RUNTIMES:
        raise UsageError(f"{RUNTIME_ENV}={name!r}: expected one of {', '.join(RUNTIMES)}")
    if name == "openvino" and find_spec("openvino") is None:
        return "onnxruntime"
    return name


class _OpenVinoSession:
    """One ONNX model compiled by OpenVINO for the CPU, called as RapidOCR calls its sessions."""

    def __init__(self, core: Any, path: str) -> None:
        # No cache of kernels per input shape: every line has its own width, and with the default
        # cache (5,000 shapes) the process grew with the pages read (1.10 GB at 20 pages, 0.90 at
        # 4); without it 0.91, 0.94 and 0.96 GB at 4, 20 and 40 pages, at the same speed.
        self.model = core.compile_model(path, "CPU", {"PERFORMANCE_HINT": "LATENCY", "CPU_RUNTIME_CACHE_CAPACITY": 0})

    def __call__(self, batch: npt.NDArray[np.float32]) -> list[npt.NDArray[np.float32]]:
        return [self.model(batch)[0]]


def _on_openvino(engine: Any) -> None:
    """Run ``engine``'s detection and recognition models, the files of its own wheel, on
    OpenVINO; left on ONNX Runtime should RapidOCR's layout not be the one expected."""
    from rapidocr_onnxruntime.main import root_dir

    det: Any = getattr(engine, "text_det", None)
    rec: Any = getattr(engine, "text_rec", None)
    paths = (root_dir / "models" / "ch_PP-OCRv4_det_infer.onnx", root_dir / "models" / "ch_PP-OCRv4_rec_infer.onnx")
    if not (hasattr(det, "infer") and hasattr(rec, "session") and all(p.is_file() for p in paths)):
        log.warning("this RapidOCR is laid out differently: its models stay on ONNX Runtime")
        return
    core = import_module("openvino").Core()
    det.infer = _OpenVinoSession(core, str(paths[0]))
    rec.session = _OpenVinoSession(core, str(paths[1]))


def _run(img: npt.NDArray[np.uint8]) -> list[tuple[Quad, str, float]]:
    """Detection and recognition on one image: each box's quad (pixels), text and confidence,
    however unsure (:func:`_sure` filters)."""
    found, _ = _engine()(np.ascontiguousarray(img), use_cls=False, box_thresh=_BOX_THRESH,
                         unclip_ratio=_UNCLIP, text_score=0.0)
    out = []
    for quad, text, score in found or []:  # a box read as nothing stays: it counts for the page's shape
        out.append((np.asarray(quad, dtype=np.float64).reshape(4, 2), str(text).strip(), float(score)))
    return out


def _sure(found: Sequence[tuple[Quad, str, float]]) -> list[tuple[Quad, str, float]]:
    return [f for f in found if f[1] and f[2] >= MIN_SCORE]


def _weight(found: Sequence[tuple[Quad, str, float]]) -> float:
    return sum(score * len(text) for _, text, score in _sure(found))


def _tall(found: Sequence[tuple[Quad, str, float]]) -> list[float]:
    """The confidences of the boxes much taller than wide."""
    out = []
    for quad, _, score in found:
        w = float(np.linalg.norm(quad[1] - quad[0]))
        h = float(np.linalg.norm(quad[3] - quad[0]))
        if h > _SIDEWAYS * w:
            out.append(score)
    return out


def _is_sideways(found: Sequence[tuple[Quad, str, float]]) -> bool:
    wide = 0
    for quad, _, _ in found:
        w = float(np.linalg.norm(quad[1] - quad[0]))
        h = float(np.linalg.norm(quad[3] - quad[0]))
        wide += w > _SIDEWAYS * h
    tall = len(_tall(found))
    return tall >= 3 and tall > wide


def read_image(img: npt.NDArray[np.uint8], page_index: int, scale: float) -> OcrPageResult:
    """OCR one rendered page (greyscale or RGB pixels, ``scale`` pixels per PDF point)."""
    if img.ndim == 2:
        img = np.repeat(img[:, :, None], 3, axis=2)
    elif img.shape[2] == 1:
        img = np.repeat(img, 3, axis=2)
    height, width = img.shape[:2]
    found, turns = _run(img), 0
    if _is_sideways(found):
        # A page scanned sideways: the recogniser turns each tall box a quarter turn
        # counter-clockwise, so when those boxes read well the page wants the same turn
        # (rot90 once), else the other way. The likelier way is tried first, the other only
        # when the first is not clearly right.
        tall = _tall(found)
        ways = (1, 3) if statistics.median(tall) >= MIN_SCORE else (3, 1)
        for k in ways:
            again = _run(np.rot90(img, k))
            if _weight(again) > _weight(found):
                found, turns = again, k
            sure = _sure(again)
            if sure and statistics.mean(f[2] for f in sure) >= LOW_CONFIDENCE and not _is_sideways(again):
                break
    found = _sure(found)
    lines, confidences = lines_from(found, page_index, scale, float(width), float(height), turns)
    return OcrPageResult(lines, confidences)


@cache
def _malloc_trim() -> Any:
    """glibc's malloc_trim, or None elsewhere."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def release_memory() -> None:
    """Give the freed heap back after a page. The models' buffers for one page are hundreds of
    MB in many blocks; without this glibc keeps them and the process grows page after page
    (measured: 450 → 560 MB over 10 pages without, flat at 145 MB with; benchmarks/ocr.py)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def read_page(page: Any, page_index: int, dpi: float = OCR_DPI) -> OcrPageResult:
    """OCR one pypdfium2 page; a failure comes back as a warning, not raised."""
    try:
        return _read_page(page, page_index, dpi)
    finally:
        release_memory()


def _read_page(page: Any, page_index: int, dpi: float) -> OcrPageResult:
    scale = dpi / 72
    try:
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            img = np.array(bitmap.to_numpy(), dtype=np.uint8)
        finally:
            bitmap.close()
        result = read_image(img, page_index, scale)
    except MissingExtra:
        raise
    except Exception as exc:  # a broken image, a model failure: this page only
        return OcrPageResult(warning=f"page {page_index + 1}: OCR failed ({type(exc).__name__}: {exc})")
    if not result.lines:
        result.warning = f"page {page_index + 1}: OCR found no text"
    return result


__all__ = ["LOW_CONFIDENCE", "OCR_DPI", "RUNTIMES", "RUNTIME_ENV", "OcrPageResult", "read_image", "read_page",
           "runtime"]
