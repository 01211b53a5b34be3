"""Many reports in, one trustworthy set of outputs: plan, convert in parallel, record.

- **Plan**: folders are walked recursively (``--glob`` filters), unsupported files in a
  walk are skipped and counted, the input tree is mirrored under the output folder, and
  every output name keeps the source's extension (``report.txt.json``), so that no source
  replaces another's outputs, in one run or over many: a name the manifest gives to another
  source that still exists is not reused (the later one goes under its folder's name).
- **Convert**: each file in a worker process (pebble), the pipeline built once per worker
  and the largest files started first;
  a ``--timeout`` stops one pathological file, not the batch. Outputs are written under a
  temporary name and renamed into place; what a stopped worker left half-written is removed
  when the run ends. Files with the same bytes are converted once, and every one of them
  gets its outputs (the later ones recorded as ``duplicate`` of the first).
- **Record**: ``manifest.csv`` (every run, appended), ``errors.jsonl`` (every failure), and
  the corpus dataset ``govextract.sqlite``. A file is skipped as ``unchanged`` only when
  nothing would change: the same bytes, the same output-shaping options, the same code and
  data (``package_fingerprint``), and every output it had present with the recorded hash
  (and its dataset rows, when the dataset is filled); ``force`` converts it anyway.

The package, in the order a run goes: :mod:`.plan` (inputs to jobs), :mod:`.worker` (one
file in a worker: options, fingerprint, outputs, outcome), :mod:`.local` and :mod:`.dask` (the
engines), :mod:`.manifest` (the record, and what is unchanged), :mod:`.report` (what the
user sees), :mod:`.run` (:func:`run_batch`, all of it).
"""

from __future__ import annotations

from .dask import DEFAULT_CONNECT_TIMEOUT
from .local import schedule_order
from .manifest import ERRORS, MANIFEST, MANIFEST_COLUMNS, read_manifest
from .plan import Job, Plan, plan
from .report import Summary, error_id, error_line, progress_printer
from .run import run_batch
from .worker import (
           OUTPUT_SHAPING,
           Options,
           Outcome,
           convert,
           convert_to_json,
           options_key,
           package_fingerprint,
           warm_up,
)

__all__ = ["DEFAULT_CONNECT_TIMEOUT", "ERRORS", "MANIFEST", "MANIFEST_COLUMNS", "OUTPUT_SHAPING", "Job", "Options",
           "Outcome", "Plan", "Summary", "convert", "convert_to_json", "error_id", "error_line", "options_key",
           "package_fingerprint", "plan", "progress_printer", "read_manifest", "run_batch", "schedule_order", "warm_up"]
