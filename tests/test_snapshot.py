"""A pytest-regressions snapshot of the whole seed output: any change shows up in review.

Regenerate on purpose with ``pytest tests/test_snapshot.py --force-regen``."""

from __future__ import annotations

from govextract.outputs import to_json


def test_snapshot_seed_document(seed_doc, file_regression):
    doc = seed_doc.model_copy(update={"generator": seed_doc.generator.model_copy(update={"version": "X"})})
    file_regression.check(to_json(doc), extension=".json", encoding="utf-8")
