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
"""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import multiprocessing
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, as_completed
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import __version__
from .errors import GovextractError, InternalError, SchedulerUnreachable, Timeout, UsageError, WorkerCrashed
from .ingest import DEFAULT_OCR, DEFAULT_PDF_BACKEND, SUPPORTED_SUFFIXES, unsupported
from .ingest.base import sha256_of
from .models import Document

if TYPE_CHECKING:
    from .outputs.dataset import Rows

MANIFEST = "manifest.csv"
ERRORS = "errors.jsonl"
MANIFEST_COLUMNS = ["source", "path", "sha256", "status", "reason", "duplicate_of", "seconds", "govextract_version",
                    "package_fingerprint", "options", "output", "outputs", "dataset", "finished_at"]
DEFAULT_CONNECT_TIMEOUT = 10.0  # seconds to reach a Dask scheduler


def error_id(code: str | None) -> str:
    """``GX103 empty_file`` for ``empty_file``: the identifier printed with every error."""
    for cls in _error_classes(GovextractError):
        if cls.code == code:
            return f"{cls.gx} {code}"
    return code or "error"


def _error_classes(root: type[GovextractError]) -> Iterator[type[GovextractError]]:
    yield root
    for sub in root.__subclasses__():
        yield from _error_classes(sub)


def error_line(code: str | None, source: str | None, message: str | None) -> str:
    """One error, one line, in every mode: ``error: [GX103 empty_file] empty.txt: the file is empty``."""
    where = f"{source}: " if source else ""
    return f"error: [{error_id(code)}] {where}{message or ''}"


@dataclass(frozen=True)
class Job:
    source: Path  # the file to read
    name: str  # its path as the batch knows it (posix, relative to the folder it was found in); the doc_id
    stem: str  # output name without the format's extension, relative to the output folder (name, extension kept)
    folder: str = ""  # the name of the input folder it came from, to set apart an equal name
    copies: tuple[Job, ...] = ()  # other inputs with the same bytes: converted with this one, each its outputs


@dataclass
class Outcome:
    job: Job
    status: str  # converted | failed | unchanged | duplicate
    sha256: str | None = None
    code: str | None = None
    message: str | None = None
    seconds: float = 0.0
    output: str = ""  # the first file written, relative to the output folder
    outputs: dict[str, str] = field(default_factory=dict)  # every file written (relative) -> its sha256
    duplicate_of: str = ""  # the input converted for this one, with the same bytes
    package: str = ""  # package_fingerprint() of the process that converted it
    dataset: bool = False  # its rows went into the dataset
    traceback: str | None = field(default=None, repr=False)  # of a failure, printed with --debug
    rows: Rows | None = field(default=None, repr=False)  # for the dataset
    copies: list[Outcome] = field(default_factory=list)  # the outcomes of job.copies


@dataclass
class Plan:
    jobs: list[Job]
    skipped: int  # unsupported files passed over in folder walks


def plan(inputs: Sequence[Path], glob: str | None = None) -> Plan:
    """Expand folders, refuse unsupported files named directly, and give each input an output name.

    The name keeps the extension (``report.txt`` → ``report.txt.json``), whatever else is
    converted, so that it is the same in every run; the same relative path under two input
    folders goes under the second folder's name (``b2/report.txt``)."""
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
            inputs_of += [inp.resolve().name or "root"] * len(supported)
        elif inp.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise unsupported(inp)
        else:
            found.append((inp, inp.name))
            inputs_of.append(inp.resolve().parent.name or "root")
    jobs: list[Job] = []
    taken: set[str] = set()
    for (path, name), folder in zip(found, inputs_of, strict=True):
        name = _free_name(name, folder, lambda n: n not in taken)
        taken.add(name)
        jobs.append(Job(path, name, name, folder))
    return Plan(jobs, skipped)


def _free_name(name: str, folder: str, free: Callable[[str], bool]) -> str:
    """``name`` if ``free``, else ``folder/name``, else ``folder~2/name`` …"""
    if free(name):
        return name
    candidate, k = f"{folder}/{name}", 2
    while not free(candidate):
        candidate, k = f"{folder}~{k}/{name}", k + 1
    return candidate


def keep_names_apart(jobs: Sequence[Job], rows: Iterable[dict[str, str]]) -> list[Job]:
    """Names that stay another source's over separate runs into one folder: a name the manifest
    gives to another source that still exists is not reused, and a source keeps the name it
    was given before."""
    owner: dict[str, str] = {}  # name -> the path that last had it
    for row in rows:
        if row.get("path"):
            owner[row["source"]] = row["path"]
    name_of = {path: name for name, path in owner.items()}  # path -> its current name
    out: list[Job] = []
    taken: set[str] = set()
    for job in jobs:
        path = str(job.source.resolve())

        def free(n: str, path: str = path) -> bool:
            if n in taken:
                return False
            other = owner.get(n)
            return other is None or other == path or not Path(other).exists()

        before = name_of.get(path)
        name = before if before is not None and before not in taken else _free_name(job.name, job.folder, free)
        taken.add(name)
        out.append(job if name == job.name else replace(job, name=name, stem=name))
    return out


@dataclass(frozen=True)
class Options:
    """What the user asked for that a conversion's outputs depend on. A new such option is a
    field here, an entry in OUTPUT_SHAPING (so that changing it converts files again), and its
    use in convert()."""

    formats: tuple[str, ...] = ("json", "csv")
    pdf_backend: str = DEFAULT_PDF_BACKEND
    password: str | None = None
    ocr: str = DEFAULT_OCR


# Each option that shapes the outputs, as it is recorded in the manifest: a file converted with
# other values is not `unchanged`. A new such option is one field of Options and one entry here.
OUTPUT_SHAPING: dict[str, Callable[[Options], str]] = {
    "formats": lambda o: ",".join(sorted(o.formats)),
    "pdf_backend": lambda o: o.pdf_backend,
    "password": lambda o: "given" if o.password else "none",  # never the password itself
    "ocr": lambda o: o.ocr,
}


def options_key(options: Options) -> str:
    """``formats=csv,json pdf_backend=pdfium password=none``: the options column of the manifest."""
    return " ".join(f"{name}={value(options)}" for name, value in OUTPUT_SHAPING.items())


_PACKAGE_SKIP = {".pyc", ".pyo", ".so", ".pyd"}  # builds of the same sources
_REQUIREMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


@cache
def package_fingerprint() -> str:
    """A hash of the code and data that make the outputs: every source and data file of the
    installed package, and the version of each library it requires. Computed once a process
    (about a millisecond); a change to either makes every file convert again."""
    from importlib.metadata import PackageNotFoundError, requires, version

    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in _PACKAGE_SKIP:
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    try:
        reqs = requires("govextract") or []
    except PackageNotFoundError:  # run from a source tree that is not installed
        reqs = []
    for req in sorted(reqs):
        if 'extra == "dev"' in req or 'extra == "all"' in req:
            continue
        m = _REQUIREMENT.match(req)
        if m:
            try:
                h.update(f"{m.group(0)}=={version(m.group(0))}\0".encode())
            except PackageNotFoundError:
                h.update(f"{m.group(0)} absent\0".encode())
    return h.hexdigest()[:16]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


TMP_PREFIX = ".tmp-"


def write_outputs(doc: Document, out_dir: Path, stem: str, formats: Iterable[str],
                  tmp_prefix: str = TMP_PREFIX) -> list[Path]:
    """Write ``doc``'s outputs under ``out_dir``, each first to a temporary name, then renamed."""
    from .outputs import export

    target = out_dir / stem
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=tmp_prefix) as tmp:
        written = export(doc, Path(tmp), target.name, tuple(formats))
        final = [target.parent / p.name for p in written]
        for src, dst in zip(written, final, strict=True):
            os.replace(src, dst)
    return final


def _failure(job: Job, exc: BaseException, seconds: float) -> Outcome:
    if isinstance(exc, GovextractError):
        code, message = exc.code, exc.message
    else:  # a bug or a library failure on this file must not stop the batch
        code, message = InternalError.code, f"{type(exc).__name__}: {exc}"
    return Outcome(job, "failed", code=code, message=message, seconds=seconds, traceback=traceback.format_exc())


def failed_copies(o: Outcome) -> list[Outcome]:
    """The duplicates of a file that failed fail with it: each input has an outcome."""
    return [Outcome(c, "failed", sha256=o.sha256, code=o.code, message=o.message, duplicate_of=o.job.name,
                    traceback=o.traceback) for c in o.job.copies]


def convert(job: Job, out_dir: Path, options: Options | None = None, tmp_prefix: str = TMP_PREFIX,
            rows: bool = True) -> Outcome:
    """Convert one file, write its outputs (and those of its copies: the same bytes under other
    names) and, when ``rows``, prepare its dataset rows (in the worker, so the main process only
    inserts them); failures come back as an outcome, not raised."""
    from .outputs.dataset import table_rows
    from .pipeline import extract_file

    opts = options or Options()
    t0 = time.perf_counter()
    try:
        doc = extract_file(job.source, opts.password, opts.pdf_backend, opts.ocr)
    except Exception as exc:
        o = _failure(job, exc, time.perf_counter() - t0)
        o.copies = failed_copies(o)
        return o
    results: list[Outcome] = []
    for j in (job, *job.copies):
        t1 = time.perf_counter()
        try:
            doc.source.name = j.name
            written = write_outputs(doc, out_dir, j.stem, opts.formats, tmp_prefix)
            outputs = {p.relative_to(out_dir).as_posix(): sha256_file(p) for p in written}
            dataset = table_rows(j.name, doc) if rows else None
        except Exception as exc:
            results.append(_failure(j, exc, time.perf_counter() - t1))
            continue
        first = j is job
        results.append(Outcome(
            j, "converted" if first else "duplicate", sha256=doc.source.sha256,
            seconds=time.perf_counter() - (t0 if first else t1), output=next(iter(outputs), ""), outputs=outputs,
            duplicate_of="" if first else job.name, package=package_fingerprint(), dataset=rows, rows=dataset,
            message=None if first else f"same bytes as {job.name}",
        ))
    results[0].copies = results[1:]
    return results[0]


def convert_to_json(job: Job, options: Options | None = None) -> tuple[str, Outcome | None]:
    """One file as one line of JSON (for ``-o -``), or its failure as an outcome."""
    from .outputs import to_json_line
    from .pipeline import extract_file

    opts = options or Options()
    t0 = time.perf_counter()
    try:
        doc = extract_file(job.source, opts.password, opts.pdf_backend, opts.ocr)
        doc.source.name = job.name
        return to_json_line(doc), None
    except Exception as exc:
        return "", _failure(job, exc, time.perf_counter() - t0)


def warm_up() -> None:
    """Build the pipeline and gazetteer once per worker process, before its first file."""
    from .entities import get_nlp

    get_nlp()
    package_fingerprint()


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
    from .outputs.dataset import DB_NAME, stored_documents

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
            from .outputs.dataset import DB_NAME, connect

            self._db = connect(out_dir / DB_NAME)

    def record(self, o: Outcome, last: dict[str, str] | None = None) -> None:
        """Record one outcome; an ``unchanged`` one carries forward what ``last`` (the row it
        confirms) says of its outputs, so that the latest row of a source always tells them."""
        if o.rows is not None and self._db is not None:
            from .outputs.dataset import replace_rows

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
        lines += ["  " + error_line(o.code, o.job.name, o.message) for o in self.failed]
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
                        o = Outcome(job, "failed", code=err.code, message=err.message, seconds=timeout or 0.0,
                                    traceback=traceback.format_exc())
                    except ProcessExpired as exc:
                        err2 = WorkerCrashed(f"the worker process died (exit code {exc.exitcode})", job.name)
                        o = Outcome(job, "failed", code=err2.code, message=err2.message,
                                    traceback=traceback.format_exc())
                    done(o)
            finally:
                # Every file done, Ctrl-C, or recording failed: stop the workers now, rather than
                # after every file queued or after pebble's polls for an empty queue.
                pool.stop()  # type: ignore[no-untyped-call]
    return run


@contextmanager
def dask_client(scheduler: str | None, connect_timeout: float = DEFAULT_CONNECT_TIMEOUT) -> Iterator[Any]:
    """A client of the Dask scheduler at ``scheduler``, or a coded error within ``connect_timeout``
    seconds when it cannot be reached or refuses the connection."""
    if not scheduler:
        raise UsageError("--engine dask needs --scheduler ADDRESS")
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError("the dask engine needs the optional extra: pip install 'govextract[dask]'") from exc
    try:
        client = Client(scheduler, timeout=connect_timeout)  # type: ignore[no-untyped-call]
    except Exception as exc:  # OSError when unreachable within the timeout; others for a bad address or refusal
        raise SchedulerUnreachable(f"cannot connect to the Dask scheduler within {connect_timeout:g} s "
                                   f"({type(exc).__name__}: {exc})", scheduler) from exc
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]


def _dask_runner(work: Work, client: Any) -> Runner:
    def run(jobs: list[Job], done: Callable[[Outcome], None]) -> None:
        from distributed import as_completed

        futures = client.map(work, jobs, pure=False)
        job_of = {f.key: job for f, job in zip(futures, jobs, strict=True)}
        for fut in as_completed(futures):  # type: ignore[no-untyped-call]
            try:
                o = fut.result()
            except Exception as exc:  # a worker lost, or the task failed outside convert()
                err = WorkerCrashed(f"the Dask task failed: {type(exc).__name__}: {exc}", job_of[fut.key].name)
                o = Outcome(job_of[fut.key], "failed", code=err.code, message=err.message,
                            traceback=traceback.format_exc())
            done(o)
    return run


def remove_leftovers(out_dir: Path, jobs: Iterable[Job], tmp_prefix: str) -> None:
    """Remove the temporary folders of outputs a stopped worker was writing (a timeout, a
    crash, Ctrl-C): only this run's, named with its own prefix, so a run beside it keeps its own."""
    for folder in {(out_dir / j.stem).parent for job in jobs for j in (job, *job.copies)}:
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
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    progress: Callable[[Outcome, int, int], None] | None = None,
) -> Summary:
    """Convert every input (files and folders) into ``out_dir``; see the module docstring."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if timeout is not None and timeout <= 0:
        raise UsageError(f"--timeout must be a positive number of seconds, not {timeout:g}")
    if connect_timeout <= 0:
        raise UsageError(f"--connect-timeout must be a positive number of seconds, not {connect_timeout:g}")
    if not formats:
        raise UsageError("no output format given")
    if engine not in ("local", "dask"):
        raise UsageError(f"unknown engine {engine!r}; choose local or dask")
    if engine == "dask" and not scheduler:
        raise UsageError("--engine dask needs --scheduler ADDRESS")
    options = Options(tuple(formats), pdf_backend, password, ocr)
    key = options_key(options)
    p = plan(inputs, glob)
    history = manifest_rows(out_dir)
    jobs = keep_names_apart(p.jobs, history)
    summary = Summary(skipped_unsupported=p.skipped)
    latest = {row["source"]: row for row in history if row["status"] in RECORDED}
    stored = dataset_documents(out_dir) if use_db and not force else None
    fingerprint = package_fingerprint()
    pending: list[Outcome] = []
    groups: dict[str, list[Job]] = {}  # sha256 -> the inputs with those bytes still to convert, first first
    for job in jobs:
        try:
            data = job.source.read_bytes()
        except OSError as exc:
            pending.append(Outcome(job, "failed", code="not_found", message=exc.strerror or str(exc)))
            continue
        sha = sha256_of(data)
        if not force and unchanged(latest.get(job.name), sha, key, fingerprint, out_dir, stored):
            pending.append(Outcome(job, "unchanged", sha256=sha,
                                   message="bytes, options, code and outputs unchanged"))
            continue
        # empty files fail on their own, each with its own error
        groups.setdefault(sha if data else f"empty:{job.name}", []).append(job)
    todo = [replace(first, copies=tuple(rest)) for first, *rest in groups.values()]
    total = len(jobs)
    tmp_prefix = f"{TMP_PREFIX}{secrets.token_hex(4)}-"
    work = partial(convert, out_dir=out_dir, options=options, tmp_prefix=tmp_prefix, rows=use_db)
    # The scheduler is reached before anything is written: unreachable, the run records nothing.
    client: AbstractContextManager[Any] = (dask_client(scheduler, connect_timeout) if engine == "dask" and todo
                                           else nullcontext())
    with client as dask:
        recorder = Recorder(out_dir, use_db, key)

        def done(o: Outcome) -> None:
            if o.status == "failed" and not o.copies:
                o.copies = failed_copies(o)
            for each in (o, *o.copies):
                recorder.record(each, latest.get(each.job.name))
                each.rows = None  # keep memory flat over a long batch
                summary.outcomes.append(each)
                if progress:
                    progress(each, len(summary.outcomes), total)
            o.copies = []

        try:
            for o in pending:
                done(o)
            if dask is not None:
                _dask_runner(work, dask)(todo, done)
            elif todo:  # not when every file is unchanged: no pipeline to build then
                n = workers or os.cpu_count() or 1
                _local_runner(work, min(n, max(1, len(todo))), timeout)(todo, done)
        finally:
            recorder.close()
            remove_leftovers(out_dir, todo, tmp_prefix)
    order = {job.name: i for i, job in enumerate(jobs)}
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
        detail = f" [{error_id(o.code)}] {o.message}" if o.status == "failed" else ""
        print(f"[{done}/{total}] {o.status} {o.job.name} ({o.seconds:.2f} s){detail}", file=out, flush=True)

    return on_log
