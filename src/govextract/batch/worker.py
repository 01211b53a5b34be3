"""One file's conversion, as a worker runs it: the options that shape its outputs, the
fingerprint of the code that made them, its outputs written under temporary names, and its
:class:`Outcome` (a failure is an outcome, never raised)."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GovextractError, InternalError
from ..ingest import DEFAULT_OCR, DEFAULT_PDF_BACKEND
from ..models import Document
from .plan import Job

if TYPE_CHECKING:
    from ..outputs.dataset import Rows


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

    root = Path(__file__).resolve().parent.parent  # the govextract package, not this subpackage
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
    from ..outputs import export

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
    from ..outputs.dataset import table_rows
    from ..pipeline import extract_file

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
    from ..outputs import to_json_line
    from ..pipeline import extract_file

    opts = options or Options()
    t0 = time.perf_counter()
    try:
        doc = extract_file(job.source, opts.password, opts.pdf_backend, opts.ocr)
        doc.source.name = job.name
        return to_json_line(doc), None
    except Exception as exc:
        return "", _failure(job, exc, time.perf_counter() - t0)


def warm_up() -> None:
    """Build the entity finders and gazetteer once per worker process, before its first file."""
    from ..entities import prepare

    prepare()
    package_fingerprint()


Work = Callable[[Job], Outcome]


Runner = Callable[[list[Job], Callable[[Outcome], None]], None]
