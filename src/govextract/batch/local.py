"""The local engine: files converted in worker processes (pebble) forked from a process that
built the pipeline once, the largest files first, a ``--timeout`` stopping one file only."""

from __future__ import annotations

import gc
import multiprocessing
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, as_completed
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager

from ..errors import Timeout, WorkerCrashed
from .plan import Job
from .worker import Outcome, Runner, Work, warm_up

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


def local_runner(work: Work, workers: int, timeout: float | None) -> Runner:
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
