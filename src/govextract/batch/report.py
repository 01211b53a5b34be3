"""What the batch tells the user: one line per error, the progress of a run, its summary."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from ..errors import GovextractError
from .worker import Outcome


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
