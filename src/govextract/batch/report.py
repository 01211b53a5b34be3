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
    skipped_files: list[str] = field(default_factory=list)  # the files counted in skipped_unsupported

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def line(self) -> str:
        """The line that ends a run: how many files went each way."""
        return (f"converted {self.count('converted')}, unchanged {self.count('unchanged')}, "
                f"duplicates {self.count('duplicate')}, skipped (unsupported) {self.skipped_unsupported}, "
                f"failed {len(self.failed)}")

    def text(self) -> str:
        """The summary line, then each file skipped and each error."""
        lines = [self.line()]
        lines += ["  " + skipped_line(f) for f in self.skipped_files]
        lines += ["  " + error_line(o.code, o.job.name, o.message) for o in self.failed]
        return "\n".join(lines)


def skipped_line(path: str) -> str:
    """A file a folder walk passed over: ``skipped (unsupported): reports/scan.tiff``."""
    return f"skipped (unsupported): {path}"


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
        # a failure's error is printed once, with the others, when the run ends
        print(f"[{done}/{total}] {o.status} {o.job.name} ({o.seconds:.2f} s)", file=out, flush=True)

    return on_log
