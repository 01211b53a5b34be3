"""One batch run: plan, skip what is unchanged, group equal bytes, convert with an engine,
record each outcome as it arrives."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..ingest import DEFAULT_OCR, DEFAULT_PDF_BACKEND, unsupported
from ..ingest.base import sha256_of
from .dask import DEFAULT_CONNECT_TIMEOUT, dask_client, dask_runner
from .local import local_runner
from .manifest import RECORDED, Recorder, dataset_documents, manifest_rows, unchanged
from .plan import Job, keep_names_apart, plan
from .report import Summary
from .worker import TMP_PREFIX, Options, Outcome, convert, failed_copies, options_key, package_fingerprint


def remove_leftovers(out_dir: Path, jobs: Iterable[Job], tmp_prefix: str) -> None:
    """Remove the temporary folders of outputs a stopped worker was writing (a timeout, a
    crash, Ctrl-C): only this run's, named with its own prefix, so a run beside it keeps its own."""
    for folder in {(out_dir / j.stem).parent for job in jobs for j in (job, *job.copies)}:
        for tmp in folder.glob(f"{tmp_prefix}*"):
            shutil.rmtree(tmp, ignore_errors=True)


def refused(path: Path) -> Outcome:
    """An unsupported file named directly: it fails with its own coded error (unsupported_format)."""
    err = unsupported(path)
    return Outcome(Job(path, path.name, path.name), "failed", code=err.code, message=err.message)


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
    summary = Summary(skipped_unsupported=p.skipped, skipped_files=[str(f) for f in p.skipped_files])
    latest = {row["source"]: row for row in history if row["status"] in RECORDED}
    stored = dataset_documents(out_dir) if use_db and not force else None
    fingerprint = package_fingerprint()
    pending: list[Outcome] = [refused(path) for path in p.unsupported]
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
    total = len(jobs) + len(p.unsupported)
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
                dask_runner(work, dask)(todo, done)
            elif todo:  # not when every file is unchanged: no pipeline to build then
                n = workers or os.cpu_count() or 1
                local_runner(work, min(n, max(1, len(todo))), timeout)(todo, done)
        finally:
            recorder.close()
            remove_leftovers(out_dir, todo, tmp_prefix)
    order = {job.name: i for i, job in enumerate(jobs)}
    # in plan order (refused files first), however the workers finished
    summary.outcomes.sort(key=lambda o: order.get(o.job.name, -1))
    return summary
