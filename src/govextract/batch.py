"""Many reports in, one trustworthy set of outputs: plan, convert in parallel, record.

- **Plan**: folders are walked recursively (``--glob`` filters), unsupported files in a
  walk are skipped and counted, the input tree is mirrored under the output folder, and
  no two inputs share an output name.
- **Convert**: each file in a worker process (pebble), the pipeline built once per worker
  and the largest files started first;
  a ``--timeout`` stops one pathological file, not the batch. Outputs are written under a
  temporary name and renamed into place; what a stopped worker left half-written is removed
  when the run ends.
- **Record**: ``manifest.csv`` (every run, appended), ``errors.jsonl`` (every failure), and
  the corpus dataset ``govextract.sqlite``. A file whose bytes and govextract version are
  unchanged since it was last converted is skipped unless ``force``; files with the same
  bytes are converted once.
"""

from __future__ import annotations

import csv
import gc
import json
import multiprocessing
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, as_completed
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import GovextractError, Timeout, UsageError, WorkerCrashed
from .ingest import DEFAULT_OCR, DEFAULT_PDF_BACKEND, SUPPORTED_SUFFIXES, unsupported
from .ingest.base import sha256_of
from .models import Document

if TYPE_CHECKING:
    from .store import Rows

MANIFEST = "manifest.csv"
ERRORS = "errors.jsonl"
MANIFEST_COLUMNS = ["source", "sha256", "status", "reason", "seconds", "govextract_version", "output", "finished_at"]


@dataclass(frozen=True)
class Job:
    source: Path  # the file to read
    name: str  # its path as the batch knows it (posix, relative to the folder it was found in)
    stem: str  # output name without extension, relative to the output folder


@dataclass
class Outcome:
    job: Job
    status: str  # converted | failed | unchanged | duplicate
    sha256: str | None = None
    code: str | None = None
    message: str | None = None
    seconds: float = 0.0
    output: str = ""  # the first file written, relative to the output folder
    rows: Rows | None = field(default=None, repr=False)  # for the dataset


@dataclass
class Plan:
    jobs: list[Job]
    skipped: int  # unsupported files passed over in folder walks


def plan(inputs: Sequence[Path], glob: str | None = None) -> Plan:
    """Expand folders, refuse unsupported files named directly, and give each input an output name."""
    found: list[tuple[Path, str]] = []
    inputs_of: list[str] = []  # the folder each file came from, to tell apart equal relative names
    skipped = 0
    for inp in inputs:
        if inp.is_dir():
            pattern = glob or "*"
            files = sorted(p for p in inp.rglob(pattern) if p.is_file())
            if not files:
                raise UsageError(f"no files{' matching ' + repr(glob) if glob else ''} in this folder", str(inp))
            supported = [p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES]
            skipped += len(files) - len(supported)
            if not supported:
                raise UsageError(f"no supported files ({', '.join(SUPPORTED_SUFFIXES)}) in this folder", str(inp))
            found += [(p, p.relative_to(inp).as_posix()) for p in supported]
            inputs_of += [inp.name or str(inp)] * len(supported)
        elif inp.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise unsupported(inp)
        else:
            found.append((inp, inp.name))
            inputs_of.append(inp.parent.name or str(inp.parent))
    names: list[str] = []
    taken: set[str] = set()
    for i, (_, name) in enumerate(found):
        if name in taken:  # the same relative path under two input folders: keep both apart
            name = f"{inputs_of[i]}/{name}"
        k = 2
        while name in taken:
            name = f"{inputs_of[i]}~{k}/{found[i][1]}"
            k += 1
        names.append(name)
        taken.add(name)
    stems: dict[str, int] = {}
    for name in names:
        key = name.rsplit(".", 1)[0]
        stems[key] = stems.get(key, 0) + 1
    jobs, used = [], set()
    for (path, _), name in zip(found, names, strict=True):
        stem = name.rsplit(".", 1)[0]
        if stems[stem] > 1:
            stem = name  # report.txt beside report.pdf: report.txt.json, report.pdf.json
        base, k = stem, 2
        while stem in used:  # the same relative name from two input folders
            stem, k = f"{base}~{k}", k + 1
        used.add(stem)
        jobs.append(Job(path, name, stem))
    return Plan(jobs, skipped)


TMP_PREFIX = ".tmp-"


def write_outputs(doc: Document, out_dir: Path, stem: str, formats: Iterable[str],
                  tmp_prefix: str = TMP_PREFIX) -> list[Path]:
    """Write ``doc``'s outputs under ``out_dir``, each first to a temporary name, then renamed."""
    from .export import export

    target = out_dir / stem
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=tmp_prefix) as tmp:
        written = export(doc, Path(tmp), target.name, tuple(formats))
        final = [target.parent / p.name for p in written]
        for src, dst in zip(written, final, strict=True):
            os.replace(src, dst)
    return final


def convert(job: Job, out_dir: Path, formats: tuple[str, ...], password: str | None,
            pdf_backend: str = DEFAULT_PDF_BACKEND, tmp_prefix: str = TMP_PREFIX, rows: bool = True,
            ocr: str = DEFAULT_OCR) -> Outcome:
    """Convert one file, write its outputs and, when ``rows``, prepare its dataset rows (in the
    worker, so the main process only inserts them); failures come back as an outcome, not raised."""
    from .pipeline import extract_file
    from .store import table_rows

    t0 = time.perf_counter()
    try:
        doc = extract_file(job.source, password, pdf_backend, ocr)
        doc.source.name = job.name
        written = write_outputs(doc, out_dir, job.stem, formats, tmp_prefix)
        dataset = table_rows(job.name, doc) if rows else None
    except GovextractError as exc:
        return Outcome(job, "failed", code=exc.code, message=exc.message, seconds=time.perf_counter() - t0)
    except Exception as exc:  # a bug or a library failure on this file must not stop the batch
        return Outcome(job, "failed", code="internal_error", message=f"{type(exc).__name__}: {exc}",
                       seconds=time.perf_counter() - t0)
    output = written[0].relative_to(out_dir).as_posix() if written else ""
    return Outcome(job, "converted", sha256=doc.source.sha256, seconds=time.perf_counter() - t0, output=output,
                   rows=dataset)


def warm_up() -> None:
    """Build the pipeline and gazetteer once per worker process, before its first file."""
    from .nlp import get_nlp

    get_nlp()


def read_manifest(out_dir: Path) -> dict[str, dict[str, str]]:
    """The latest manifest row per source that records a conversion, or a failure after it."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["source"]: row for row in csv.DictReader(f) if row["status"] in ("converted", "failed")}


class Recorder:
    """Appends to manifest.csv and errors.jsonl as outcomes arrive, and fills the dataset."""

    def __init__(self, out_dir: Path, use_db: bool) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        new = not (out_dir / MANIFEST).is_file()
        self._manifest = (out_dir / MANIFEST).open("a", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._manifest, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        if new:
            self._writer.writeheader()
        self._errors = (out_dir / ERRORS).open("a", encoding="utf-8")
        self._db = None
        if use_db:
            from .store import DB_NAME, connect

            self._db = connect(out_dir / DB_NAME)

    def record(self, o: Outcome) -> None:
        if o.rows is not None and self._db is not None:
            from .store import replace_rows

            replace_rows(self._db, o.job.name, o.rows)
        self._writer.writerow({
            "source": o.job.name, "sha256": o.sha256 or "", "status": o.status,
            "reason": "" if o.status == "converted" else (f"{o.code}: {o.message}" if o.code else o.message or ""),
            "seconds": f"{o.seconds:.3f}", "govextract_version": __version__,
            "output": o.output,
            "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
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


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped_unsupported: int = 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def text(self) -> str:
        lines = [f"converted {self.count('converted')}, unchanged {self.count('unchanged')}, "
                 f"duplicates {self.count('duplicate')}, skipped (unsupported) {self.skipped_unsupported}, "
                 f"failed {len(self.failed)}"]
        lines += [f"  failed: {o.job.name}: [{o.code}] {o.message}" for o in self.failed]
        return "\n".join(lines)


Runner = Callable[[list[Job], Callable[[Outcome], None]], None]


POOL_POLL_SECONDS = 0.02


@contextmanager
def _quicker_pebble() -> Iterator[None]:
    """While a pool runs, let pebble's threads poll every 20 ms instead of 100 ms: closing a
    pool waits for them, so the default costs about 0.1 s per batch, and timeouts are caught
    sooner. Its maintainer's advice for this is to set the constant (noxdafox/pebble#65)."""
    from pebble import CONSTS

    before = CONSTS.sleep_unit
    if before <= POOL_POLL_SECONDS:
        yield
        return
    CONSTS.sleep_unit = POOL_POLL_SECONDS
    try:
        yield
    finally:
        CONSTS.sleep_unit = before


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Move what the process has built so far out of the garbage collector's reach while
    workers are forked from it: their collections then leave those objects alone, which keeps
    more of the inherited memory shared (reference counting still writes to what they use)."""
    if gc.get_freeze_count():  # the host application froze it already: leave that alone
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def schedule_order(jobs: Sequence[Job]) -> list[Job]:
    """The largest files first, ties in plan order: a long file started last would keep one
    worker busy while the others idle."""

    def size(job: Job) -> int:
        try:
            return job.source.stat().st_size
        except OSError:  # gone since the plan: it fails on its own
            return 0

    return sorted(jobs, key=size, reverse=True)


Work = Callable[[Job], Outcome]


def _local_runner(work: Work, workers: int, timeout: float | None) -> Runner:
    def run(jobs: list[Job], done: Callable[[Outcome], None]) -> None:
        if workers <= 1 and timeout is None:
            warm_up()
            for job in jobs:
                done(work(job))
            return
        from pebble import ProcessExpired, ProcessPool

        # Built here once, the pipeline is inherited by the workers where they are forked; where
        # they are spawned, the initializer builds it once in each.
        warm_up()
        # Forked on Linux whatever the interpreter's default (forkserver from Python 3.14).
        context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else multiprocessing
        with (_quicker_pebble(), _frozen_heap(),
              ProcessPool(max_workers=workers, initializer=warm_up, context=context) as pool):
            futures: dict[Future[Outcome], Job] = {}
            for job in schedule_order(jobs):
                futures[pool.schedule(work, args=(job,), timeout=timeout)] = job
            try:
                for fut in as_completed(futures):  # recorded as they finish
                    job = futures[fut]
                    try:
                        o = fut.result()
                    except FutureTimeout:
                        err = Timeout(f"took longer than {timeout:g} s; stopped", job.name)
                        o = Outcome(job, "failed", code=err.code, message=err.message, seconds=timeout or 0.0)
                    except ProcessExpired as exc:
                        err2 = WorkerCrashed(f"the worker process died (exit code {exc.exitcode})", job.name)
                        o = Outcome(job, "failed", code=err2.code, message=err2.message)
                    done(o)
            finally:
                # Every file done, Ctrl-C, or recording failed: stop the workers now, rather than
                # after every file queued or after pebble's polls for an empty queue.
                pool.stop()  # type: ignore[no-untyped-call]
    return run


def _dask_runner(work: Work, scheduler: str) -> Runner:
    def run(jobs: list[Job], done: Callable[[Outcome], None]) -> None:
        try:
            from distributed import Client, as_completed
        except ImportError as exc:
            raise UsageError("the dask engine needs the optional extra: pip install 'govextract[dask]'") from exc
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            futures = client.map(work, jobs, pure=False)
            job_of = {f.key: job for f, job in zip(futures, jobs, strict=True)}
            for fut in as_completed(futures):  # type: ignore[no-untyped-call]
                try:
                    o = fut.result()
                except Exception as exc:  # a worker lost, or the task failed outside convert()
                    err = WorkerCrashed(f"the Dask task failed: {type(exc).__name__}: {exc}", job_of[fut.key].name)
                    o = Outcome(job_of[fut.key], "failed", code=err.code, message=err.message)
                done(o)
    return run


def remove_leftovers(out_dir: Path, jobs: Iterable[Job], tmp_prefix: str) -> None:
    """Remove the temporary folders of outputs a stopped worker was writing (a timeout, a
    crash, Ctrl-C): only this run's, named with its own prefix, so a run beside it keeps its own."""
    for folder in {(out_dir / job.stem).parent for job in jobs}:
        for tmp in folder.glob(f"{tmp_prefix}*"):
            shutil.rmtree(tmp, ignore_errors=True)


def run_batch(
    inputs: Sequence[Path],
    out_dir: Path,
    *,
    formats: tuple[str, ...] = ("json", "csv"),
    glob: str | None = None,
    workers: int | None = None,
    timeout: float | None = None,
    force: bool = False,
    password: str | None = None,
    pdf_backend: str = DEFAULT_PDF_BACKEND,
    ocr: str = DEFAULT_OCR,
    use_db: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[Outcome, int, int], None] | None = None,
) -> Summary:
    """Convert every input (files and folders) into ``out_dir``; see the module docstring."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if timeout is not None and timeout <= 0:
        raise UsageError(f"--timeout must be a positive number of seconds, not {timeout:g}")
    p = plan(inputs, glob)
    summary = Summary(skipped_unsupported=p.skipped)
    previous = {} if force else read_manifest(out_dir)
    todo: list[Job] = []
    first_of: dict[str, Job] = {}
    pending: list[Outcome] = []
    for job in p.jobs:
        try:
            sha = sha256_of(job.source.read_bytes())
        except OSError as exc:
            pending.append(Outcome(job, "failed", code="not_found", message=exc.strerror or str(exc)))
            continue
        if sha in first_of and job.source.stat().st_size > 0:  # empty files fail on their own
            pending.append(Outcome(job, "duplicate", sha256=sha, message=f"same bytes as {first_of[sha].name}"))
            continue
        first_of[sha] = job
        last = previous.get(job.name)
        if (last and last["status"] == "converted" and last["sha256"] == sha
                and last["govextract_version"] == __version__ and last["output"]
                and (out_dir / last["output"]).is_file()):
            pending.append(Outcome(job, "unchanged", sha256=sha, message="bytes and version unchanged"))
            continue
        todo.append(job)
    recorder = Recorder(out_dir, use_db)
    total = len(p.jobs)

    def done(o: Outcome) -> None:
        recorder.record(o)
        o.rows = None  # keep memory flat over a long batch
        summary.outcomes.append(o)
        if progress:
            progress(o, len(summary.outcomes), total)

    tmp_prefix = f"{TMP_PREFIX}{secrets.token_hex(4)}-"
    work = partial(convert, out_dir=out_dir, formats=formats, password=password, pdf_backend=pdf_backend,
                   tmp_prefix=tmp_prefix, rows=use_db, ocr=ocr)
    try:
        for o in pending:
            done(o)
        if engine == "dask":
            if not scheduler:
                raise UsageError("--engine dask needs --scheduler ADDRESS")
            if todo:
                _dask_runner(work, scheduler)(todo, done)
        elif todo:  # not when every file is unchanged: no pipeline to build then
            n = workers or os.cpu_count() or 1
            _local_runner(work, min(n, max(1, len(todo))), timeout)(todo, done)
    finally:
        recorder.close()
        remove_leftovers(out_dir, todo, tmp_prefix)
    order = {job.name: i for i, job in enumerate(p.jobs)}
    summary.outcomes.sort(key=lambda o: order[o.job.name])  # in plan order, however the workers finished
    return summary


def progress_printer(stream: TextIO | None = None) -> Callable[[Outcome, int, int], None]:
    """A tqdm bar on a terminal (done/total, rate, ETA, failures); plain lines otherwise."""
    out = stream or sys.stderr
    if out.isatty():
        from tqdm import tqdm

        bar = None
        failed = 0

        def on_tty(o: Outcome, done: int, total: int) -> None:
            nonlocal bar, failed
            if bar is None:
                bar = tqdm(total=total, unit="file", file=out, dynamic_ncols=True)
            failed += o.status == "failed"
            bar.set_postfix(failed=failed, refresh=False)
            bar.update(1)
            if done == total:
                bar.close()

        return on_tty

    def on_log(o: Outcome, done: int, total: int) -> None:
        detail = f" [{o.code}] {o.message}" if o.status == "failed" else ""
        print(f"[{done}/{total}] {o.status} {o.job.name} ({o.seconds:.2f} s){detail}", file=out, flush=True)

    return on_log
