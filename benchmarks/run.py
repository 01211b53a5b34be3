"""Measure govextract in one run and write the results as a Markdown table.

    python benchmarks/run.py [--repeat 5] [--out benchmarks/_work/results.md]

The results go to ``--out``, by default an untracked file (``benchmarks/_work/`` is ignored by
git), so a run leaves the work tree clean; ``benchmarks/results.md`` is the committed copy of
one run, made on purpose with ``--out benchmarks/results.md``. Its first lines say which
revision (and whether the work tree had changes) and which machine it was measured on.

Inputs are built here from ``samples/``: the seed text repeated to about 1 MB; 20-, 100- and
500-page PDFs made of the seed PDF's pages; a folder of 200 distinct 5-page PDFs. Each time
is the median of ``--repeat`` runs after a warm-up, the runs of things compared taking
turns, and every ratio compares runs made in this same process, so it holds on a noisy
shared machine where absolute times do not.
Peak memory is measured in a fresh process per input. Timings are never asserted in tests.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
SEED_TXT = ROOT / "samples" / "seed-report.txt"
SEED_PDF = ROOT / "samples" / "seed-report.pdf"
GOVEXTRACT = [sys.executable, "-m", "govextract"]
DEFAULT_OUT = WORK / "results.md"
SCAN = ROOT.parent / "shared" / "golden" / "seed-report-scanned-full.pdf"
STEPS = "## What each step bought"  # a section of --out kept when the table is written again
BATCH_FILES = 200  # the batch: enough files that start-up is a small part of it


def revision() -> str:
    """The commit measured, and whether the work tree differed from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{head}{' with uncommitted changes' if dirty else ''}"


def machine() -> str:
    """The CPU model, its cores and the system, as far as the platform tells them."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def median_times(repeat: int, *fns: Callable[[], object]) -> list[float]:
    """The median time of each of ``fns`` over ``repeat`` rounds, after one warm-up each. A round
    runs every function once, so the machine drifting in speed moves all of them alike."""
    for fn in fns:
        fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, acc in zip(fns, times, strict=True):
            t = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t)
    return [statistics.median(acc) for acc in times]


def median_time(fn: Callable[[], object], repeat: int) -> float:
    return median_times(repeat, fn)[0]


def build_pdf(pages: int, first: int = 0, name: str | None = None, step: int = 1) -> Path:
    """A PDF of ``pages`` of the seed PDF's pages, from ``first`` on, every ``step``-th (round)."""
    from pypdf import PdfReader, PdfWriter

    out = WORK / (name or f"seed-{pages}p.pdf")
    if not out.exists():
        src = PdfReader(SEED_PDF).pages
        w = PdfWriter()
        for i in range(pages):
            w.add_page(src[(first + i * step) % len(src)])
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as f:
            w.write(f)
    return out


def build_folder(n: int = BATCH_FILES, pages: int = 5) -> Path:
    """``n`` PDFs of ``pages`` pages, every one with different bytes (a start page and a step
    through the seed's 20 pages, no two alike): a duplicate would be skipped by the batch, not
    converted, and make it look faster than it is."""
    from pypdf import PdfReader

    folder = WORK / f"batch-{n}-{pages}p"
    count = len(PdfReader(SEED_PDF).pages)
    for i in range(n):
        first, step = i % count, 1 + i // count
        build_pdf(pages, first=first, step=step, name=f"{folder.name}/report-{i:03d}.pdf")
    files = sorted(folder.glob("*.pdf"))
    if len({hashlib.sha256(f.read_bytes()).digest() for f in files}) != n:
        raise SystemExit(f"{folder} holds duplicate files (left from an older version?): delete it and run again")
    return folder


# Peak memory is read by a small launcher process from the rusage of its children. Asking the
# measured process itself would not do: Linux carries a process's peak RSS across fork and exec,
# so a child of this (large) benchmark process would report at least this process's size.
_LAUNCH = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def peak_rss_mib(*cmd: str) -> float:
    """Peak RSS of ``cmd`` and every process it waited for, in MiB."""
    out = subprocess.run([sys.executable, "-c", _LAUNCH, *cmd], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


# The batch API is timed in a fresh process that has built the pipeline and nothing else: forked
# workers copy whatever their parent has touched, and this benchmark process holds the Python
# jieba's dictionary and pdfplumber for the baselines.
_BATCH_API = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from run import median_times
from govextract.batch import run_batch, warm_up
warm_up()
folder, tmp, repeat = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
print(*median_times(repeat, *(lambda w=w: run_batch([folder], tmp / f"api{w}", workers=w, force=True)
                              for w in (1, 2))))
"""


def batch_api(folder: Path, tmp: Path, repeat: int) -> tuple[float, float]:
    """Median seconds for the batch with 1 and with 2 workers, the pipeline already built."""
    args = [str(folder), str(tmp), str(repeat), str(ROOT / "benchmarks")]
    out = subprocess.run([sys.executable, "-c", _BATCH_API, *args], capture_output=True, text=True, check=True)
    one, two = (float(v) for v in out.stdout.split()[-2:])
    return one, two


def extract_cmd(path: Path, backend: str) -> list[str]:
    code = "import sys, govextract; govextract.extract_file(sys.argv[1], pdf_backend=sys.argv[2])"
    return [sys.executable, "-c", code, str(path), backend]


def run_cli(args: list[str]) -> None:
    subprocess.run([*GOVEXTRACT, *args], capture_output=True, check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per measure (at least 5)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help=f"the Markdown file to write (default: {DEFAULT_OUT.relative_to(ROOT)}, untracked)")
    args = ap.parse_args(argv)
    repeat = max(5, args.repeat)
    WORK.mkdir(parents=True, exist_ok=True)
    # An installed package has its bytecode (pip compiles it on install); a checkout run with
    # PYTHONDONTWRITEBYTECODE set would compile every module from source in every process.
    compileall.compile_dir(ROOT / "src", quiet=1)

    import jieba
    import pdfplumber
    import rjieba

    import govextract
    from govextract import backends
    from govextract.entities import prepare
    from govextract.ingest import ingest

    prepare()
    rows: list[tuple[str, str, str]] = []  # measure, result, target

    seed = SEED_TXT.read_text(encoding="utf-8")
    big = "\n".join([seed] * max(1, 1_000_000 // len(seed)))
    t_jieba, t_rjieba, t_text = median_times(
        repeat, lambda: jieba.lcut(big), lambda: rjieba.cut(big), lambda: govextract.extract_text(big))
    rows += [
        ("text input", f"{len(big):,} chars", ""),
        ("bare jieba.lcut", f"{len(big) / t_jieba:,.0f} chars/s", ""),
        ("bare jieba-rs (rjieba.cut), the segmenter the pipeline uses", f"{len(big) / t_rjieba:,.0f} chars/s", ""),
        ("text pipeline (extract_text)", f"{len(big) / t_text:,.0f} chars/s", ""),
        ("text pipeline / bare jieba", f"{t_jieba / t_text:.2f}x", ">= 1.2x"),
        ("text pipeline / bare jieba-rs", f"{t_rjieba / t_text:.2f}x", ""),
    ]

    pdf20 = build_pdf(20)

    def bare_pdfplumber() -> None:
        with pdfplumber.open(pdf20) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    from govextract.ingest import pdfium

    compiled = pdfium._fast

    def pure_python_reader() -> None:
        pdfium._fast = None
        try:
            govextract.extract_file(pdf20, pdf_backend="pdfium")
        finally:
            pdfium._fast = compiled

    t_bare, t_plumber, t_pdfium, t_read, t_pure = median_times(
        repeat, bare_pdfplumber, lambda: govextract.extract_file(pdf20, pdf_backend="pdfplumber"),
        lambda: govextract.extract_file(pdf20, pdf_backend="pdfium"), lambda: ingest(pdf20, pdf_backend="pdfium"),
        pure_python_reader)
    rows += [
        ("bare pdfplumber extract_text, 20 pages", f"{20 / t_bare:.1f} pages/s", ""),
        ("PDF pipeline, pdfplumber backend", f"{20 / t_plumber:.1f} pages/s", ""),
        ("PDF pipeline (pdfplumber backend) / bare pdfplumber", f"{t_bare / t_plumber:.2f}x", ">= 0.85x"),
        ("PDF pipeline, pdfium backend (default)", f"{20 / t_pdfium:.1f} pages/s", ""),
        ("pdfium backend / pdfplumber backend, end to end", f"{t_plumber / t_pdfium:.1f}x", ">= 10x"),
        ("pdfium backend: reading and layout alone (ingest)", f"{20 / t_read:.1f} pages/s", ""),
        ("pdfium backend: share of its time spent reading and layout", f"{t_read / t_pdfium:.0%}", ""),
        ("pdfium backend, compiled reader in use", "yes" if compiled is not None else "no (not built)", ""),
        ("pdfium backend with the pure-Python reader", f"{20 / t_pure:.1f} pages/s", ""),
        ("pdfium backend with the pure-Python reader / pdfplumber backend", f"{t_plumber / t_pure:.1f}x", ""),
    ]

    folder = build_folder()
    n_files = len(list(folder.glob("*.pdf")))
    with tempfile.TemporaryDirectory() as tmp:
        def batch(workers: int) -> Callable[[], None]:
            return lambda: run_cli(["extract", str(folder), "-o", f"{tmp}/w{workers}", "--force",
                                    "--workers", str(workers)])

        t1, t2 = median_times(repeat, batch(1), batch(2))

        a1, a2 = batch_api(folder, Path(tmp), repeat)
        batch_rss = peak_rss_mib(*GOVEXTRACT, "extract", str(folder), "-o", f"{tmp}/rss", "--workers", "2")
        shutil.rmtree(f"{tmp}/rss", ignore_errors=True)
    rows += [
        (f"batch CLI (whole process, start-up included), {n_files} PDFs, 1 worker", f"{n_files / t1:.1f} files/s",
         ""),
        (f"batch CLI (whole process, start-up included), {n_files} PDFs, 2 workers",
         f"{n_files / t2:.1f} files/s", ""),
        ("batch CLI: 2 workers / 1 worker", f"{t1 / t2:.2f}x", ">= 1.8x"),
        (f"batch API (pipeline already built), {n_files} PDFs, 1 worker", f"{n_files / a1:.1f} files/s", ""),
        (f"batch API (pipeline already built), {n_files} PDFs, 2 workers", f"{n_files / a2:.1f} files/s", ""),
        ("batch API: 2 workers / 1 worker", f"{a1 / a2:.2f}x", ">= 1.8x"),
        ("peak RSS of the batch's largest process (2 workers)", f"{batch_rss:.0f} MiB", ""),
    ]

    pdf100, pdf500 = build_pdf(100), build_pdf(500)
    for backend in ("pdfium", "pdfplumber"):
        r20, r100 = peak_rss_mib(*extract_cmd(pdf20, backend)), peak_rss_mib(*extract_cmd(pdf100, backend))
        rows += [
            (f"peak RSS, 20-page PDF ({backend})", f"{r20:.0f} MiB", ""),
            (f"peak RSS, 100-page PDF ({backend})", f"{r100:.0f} MiB", "< 150 MiB"),
            (f"peak RSS growth 20 → 100 pages ({backend})", f"{r100 / r20:.2f}x", "flat"),
        ]
    r500 = peak_rss_mib(*extract_cmd(pdf500, "pdfium"))
    rows.append(("peak RSS, 500-page PDF (pdfium)", f"{r500:.0f} MiB", ""))
    base = peak_rss_mib(sys.executable, "-c", "import spacy, rjieba; spacy.blank('zh')")
    rows.append(("for scale: peak RSS of importing spaCy and jieba-rs, nothing else", f"{base:.0f} MiB", ""))
    deferred = peak_rss_mib(sys.executable, "-c", "import govextract.entities, spacy, rjieba; spacy.blank('zh')")
    rows.append(("the same, spaCy's command line left unloaded as govextract does", f"{deferred:.0f} MiB", ""))

    t_help = median_time(lambda: run_cli(["--help"]), repeat)
    small = WORK / "small.txt"
    small.write_text(seed[:3000], encoding="utf-8")
    t_small = median_time(lambda: run_cli(["extract", str(small), "-o", "-"]), repeat)
    t_floor = median_time(lambda: subprocess.run([sys.executable, "-c", "import pydantic, rjieba"], check=True), repeat)
    rows += [
        ("cold start: govextract --help (whole process)", f"{t_help:.2f} s", "< 0.3 s"),
        ("cold start: extract of a 3,000-character report (whole process)", f"{t_small:.2f} s", "<= 0.6 s"),
        ("for scale: a process importing pydantic and jieba-rs (its dictionary), nothing else", f"{t_floor:.2f} s",
         ""),
    ]
    if SCAN.is_file() and backends.ocr_available():
        from govextract.ingest.ocr import runtime

        t = time.perf_counter()
        subprocess.run(extract_cmd(SCAN, "pdfium"), check=True, capture_output=True)
        t_ocr = time.perf_counter() - t
        rows.append((f"OCR, the 20-page seed scan, whole process, one run ({runtime()})", f"{20 / t_ocr:.2f} pages/s",
                     ">= 0.5 pages/s"))

    lines = [
        "# Benchmark results",
        "",
        f"Revision: {revision()}. Machine: {machine()}. Measured {time.strftime('%Y-%m-%d %H:%M %Z')}.",
        "",
        f"`python benchmarks/run.py --repeat {repeat}` on {platform.machine()} ({platform.processor() or 'cpu'}), "
        f"Python {platform.python_version()}, govextract {govextract.__version__}. Medians of {repeat} runs "
        "after a warm-up, the runs of things compared taking turns; every ratio is between runs of this "
        "same process.",
        "",
        "| measure | result | target |",
        "| --- | --- | --- |",
        *[f"| {k} | {v} | {t} |" for k, v, t in rows],
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    kept = args.out.read_text(encoding="utf-8").partition(STEPS)[2] if args.out.is_file() else ""
    if kept:  # the hand-written record of what each change bought stays below the table
        lines += [STEPS + kept.rstrip("\n"), ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
