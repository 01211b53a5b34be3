"""The Dask engine: the same per-file work as the local engine, mapped over a Dask cluster
(``govextract[dask]``), with the same outcomes."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import SchedulerUnreachable, UsageError, WorkerCrashed
from .plan import Job
from .worker import Outcome, Runner, Work

DEFAULT_CONNECT_TIMEOUT = 10.0  # seconds to reach a Dask scheduler


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


def dask_runner(work: Work, client: Any) -> Runner:
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
