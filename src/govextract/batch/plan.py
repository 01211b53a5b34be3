"""Planning a batch: folders walked, unsupported files set apart, and an output name for each
input that no other source takes, in this run or over many into one folder."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import UsageError
from ..ingest import SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Job:
    source: Path  # the file to read
    name: str  # its path as the batch knows it (posix, relative to the folder it was found in); the doc_id
    stem: str  # output name without the format's extension, relative to the output folder (name, extension kept)
    folder: str = ""  # the name of the input folder it came from, to set apart an equal name
    copies: tuple[Job, ...] = ()  # other inputs with the same bytes: converted with this one, each its outputs


@dataclass
class Plan:
    jobs: list[Job]
    skipped: int  # unsupported files passed over in folder walks
    skipped_files: list[Path] = field(default_factory=list)  # those files, as found
    unsupported: list[Path] = field(default_factory=list)  # unsupported files named directly: each fails alone


def plan(inputs: Sequence[Path], glob: str | None = None) -> Plan:
    """Expand folders, set apart unsupported files (skipped in a walk; named directly, each a failure
    of its own while the other files go on), and give each input an output name.

    The name keeps the extension (``report.txt`` → ``report.txt.json``), whatever else is
    converted, so that it is the same in every run; the same relative path under two input
    folders goes under the second folder's name (``b2/report.txt``)."""
    found: list[tuple[Path, str]] = []
    inputs_of: list[str] = []  # the folder each file came from, to tell apart equal relative names
    skipped: list[Path] = []
    refused: list[Path] = []
    for inp in inputs:
        if inp.is_dir():
            pattern = glob or "*"
            files = sorted(p for p in inp.rglob(pattern) if p.is_file())
            if not files:
                raise UsageError(f"no files{' matching ' + repr(glob) if glob else ''} in this folder", str(inp))
            supported = [p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES]
            skipped += [p for p in files if p.suffix.lower() not in SUPPORTED_SUFFIXES]
            if not supported:
                raise UsageError(f"no supported files ({', '.join(SUPPORTED_SUFFIXES)}) in this folder", str(inp))
            found += [(p, p.relative_to(inp).as_posix()) for p in supported]
            inputs_of += [inp.resolve().name or "root"] * len(supported)
        elif inp.suffix.lower() not in SUPPORTED_SUFFIXES:
            refused.append(inp)
        else:
            found.append((inp, inp.name))
            inputs_of.append(inp.resolve().parent.name or "root")
    jobs: list[Job] = []
    taken: set[str] = set()
    for (path, name), folder in zip(found, inputs_of, strict=True):
        name = _free_name(name, folder, lambda n: n not in taken)
        taken.add(name)
        jobs.append(Job(path, name, name, folder))
    return Plan(jobs, len(skipped), skipped, refused)


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
