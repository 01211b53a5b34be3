"""The batch's record: ``manifest.csv`` (a row per file per run, appended), ``errors.jsonl``
(every failure) and the corpus dataset; and, read back, whether a file can be skipped as
``unchanged``."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

from .. import __version__
from .worker import Outcome, sha256_file

MANIFEST = "manifest.csv"


ERRORS = "errors.jsonl"


MANIFEST_COLUMNS = ["source", "path", "sha256", "status", "reason", "duplicate_of", "seconds", "govextract_version",
                    "package_fingerprint", "options", "output", "outputs", "dataset", "finished_at"]


def manifest_rows(out_dir: Path) -> list[dict[str, str]]:
    """Every row of the manifest, in the order written (columns a manifest of an older version
    lacks are empty)."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{c: row.get(c) or "" for c in MANIFEST_COLUMNS} for row in csv.DictReader(f)]


RECORDED = ("converted", "duplicate", "unchanged", "failed")


def read_manifest(out_dir: Path) -> dict[str, dict[str, str]]:
    """The latest manifest row per source that records its state: converted, duplicate, unchanged or failed."""
    return {row["source"]: row for row in manifest_rows(out_dir) if row["status"] in RECORDED}


def outputs_intact(out_dir: Path, outputs: dict[str, str]) -> bool:
    """Every output recorded is there with the recorded bytes."""
    for rel, digest in outputs.items():
        path = out_dir / rel
        try:
            if sha256_file(path) != digest:
                return False
        except OSError:
            return False
    return bool(outputs)


def unchanged(last: dict[str, str] | None, sha: str, key: str, fingerprint: str, out_dir: Path,
              dataset: dict[str, str] | None) -> bool:
    """Nothing would change by converting again: the same bytes, options, code and data, every
    output present and intact, and (``dataset`` given: doc_id -> sha256 in it) the rows there."""
    if not last or last["status"] not in ("converted", "duplicate", "unchanged"):
        return False
    if (last["sha256"], last["options"], last["package_fingerprint"]) != (sha, key, fingerprint):
        return False
    if dataset is not None and (last["dataset"] != "yes" or dataset.get(last["source"]) != sha):
        return False
    try:
        outputs = json.loads(last["outputs"] or "{}")
    except ValueError:
        return False
    return isinstance(outputs, dict) and outputs_intact(out_dir, outputs)


def dataset_documents(out_dir: Path) -> dict[str, str]:
    """doc_id -> sha256 of every document in the dataset (empty when there is none)."""
    from ..outputs.dataset import DB_NAME, stored_documents

    return stored_documents(out_dir / DB_NAME)


class Recorder:
    """Appends to manifest.csv and errors.jsonl as outcomes arrive, and fills the dataset."""

    def __init__(self, out_dir: Path, use_db: bool, options: str = "") -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.options = options
        path = out_dir / MANIFEST
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as f:
                header = next(csv.reader(f), None)
            if header != MANIFEST_COLUMNS:  # an older version's manifest: rewritten with the new columns
                rows = manifest_rows(out_dir)
                with path.open("w", encoding="utf-8", newline="") as f:
                    w = csv.DictWriter(f, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
                    w.writeheader()
                    w.writerows(rows)
        new = not path.is_file()
        self._manifest = path.open("a", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._manifest, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        if new:
            self._writer.writeheader()
        self._errors = (out_dir / ERRORS).open("a", encoding="utf-8")
        self._db = None
        if use_db:
            from ..outputs.dataset import DB_NAME, connect

            self._db = connect(out_dir / DB_NAME)

    def record(self, o: Outcome, last: dict[str, str] | None = None) -> None:
        """Record one outcome; an ``unchanged`` one carries forward what ``last`` (the row it
        confirms) says of its outputs, so that the latest row of a source always tells them."""
        if o.rows is not None and self._db is not None:
            from ..outputs.dataset import replace_rows

            replace_rows(self._db, o.job.name, o.rows)
        carried: dict[str, Any] = {}
        if o.status == "unchanged" and last:
            carried = {k: last[k] for k in ("package_fingerprint", "output", "outputs", "dataset", "duplicate_of")}
        self._writer.writerow({
            "source": o.job.name, "path": str(o.job.source.resolve()), "sha256": o.sha256 or "", "status": o.status,
            "reason": "" if o.status == "converted" else (f"{o.code}: {o.message}" if o.code else o.message or ""),
            "duplicate_of": o.duplicate_of, "seconds": f"{o.seconds:.3f}", "govextract_version": __version__,
            "package_fingerprint": o.package, "options": self.options, "output": o.output,
            "outputs": json.dumps(o.outputs, ensure_ascii=False) if o.outputs else "",
            "dataset": "yes" if o.rows is not None and self._db is not None else "",
            "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            **carried,
        })
        self._manifest.flush()
        if o.status == "failed":
            self._errors.write(json.dumps({"source": o.job.name, "code": o.code, "message": o.message},
                                          ensure_ascii=False) + "\n")
            self._errors.flush()

    def close(self) -> None:
        self._manifest.close()
        self._errors.close()
        if self._db is not None:
            self._db.close()
        if (self.out_dir / ERRORS).stat().st_size == 0:
            (self.out_dir / ERRORS).unlink()
