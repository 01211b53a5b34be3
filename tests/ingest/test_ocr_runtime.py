"""Which runtime the OCR models run on: OpenVINO when installed, ONNX Runtime on request or without it."""

from __future__ import annotations

import pytest

from govextract.errors import UsageError
from govextract.ingest import ocr

from ..conftest import needs_ocr


@pytest.mark.parametrize(("env", "installed", "expected"), [
    ("", True, "openvino"),
    ("", False, "onnxruntime"),
    ("openvino", False, "onnxruntime"),
    ("onnxruntime", True, "onnxruntime"),
    (" openvino ", True, "openvino"),
])
def test_ocr_runtime_choice(monkeypatch: pytest.MonkeyPatch, env: str, installed: bool, expected: str):
    monkeypatch.setenv(ocr.RUNTIME_ENV, env)
    monkeypatch.setattr(ocr, "find_spec", lambda name: object() if installed else None)
    assert ocr.runtime() == expected


def test_ocr_runtime_unknown_is_a_usage_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(ocr.RUNTIME_ENV, "tensorrt")
    with pytest.raises(UsageError, match="GOVEXTRACT_OCR_RUNTIME"):
        ocr.runtime()


def test_ocr_runtime_other_layout_stays_on_onnxruntime(caplog: pytest.LogCaptureFixture):
    needs_ocr()

    class Engine:  # a RapidOCR without the attributes its sessions are kept in
        text_det = object()
        text_rec = object()

    engine = Engine()
    ocr._on_openvino(engine)
    assert "laid out differently" in caplog.text
    assert not hasattr(engine.text_det, "infer")
