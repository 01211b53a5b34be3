"""Measure govextract in one run and write ``benchmarks/results.md``.

    python benchmarks/run.py [--repeat 5]

Inputs are built here from ``samples/``: the seed text repeated to about 1 MB, and
20- and 100-page PDFs made of the seed PDF's pages. Each figure is the median of
``--repeat`` runs after a warm-up; ratios compare runs made in this same process,
so they hold on a noisy shared machine where absolute times do not. Peak memory
is measured in a fresh process per input (ru_maxrss of that child alone).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
SEED_TXT = ROOT / "samples" / "seed-report.txt"
SEED_PDF = ROOT / "samples" / "seed-report.pdf"


def median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def build_pdf(pages: int) -> Path:
    from pypdf import PdfReader, PdfWriter

    out = WORK / f"seed-{pages}p.pdf"
    if not out.exists():
        src = PdfReader(SEED_PDF).pages
        w = PdfWriter()
        for i in range(pages):
            w.add_page(src[i % len(src)])
        with out.open("wb") as f:
            w.write(f)
    return out


_PEAK = """
import resource, sys
import govextract
doc = govextract.extract_file(sys.argv[1])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(doc.entities))
"""


def peak_rss_mib(path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)

    import jieba
    import pdfplumber

    import govextract
    from govextract.nlp import get_nlp

    get_nlp()
    rows: list[tuple[str, str]] = []

    seed = SEED_TXT.read_text(encoding="utf-8")
    big = "\n".join([seed] * max(1, 1_000_000 // len(seed)))
    t_jieba = median_time(lambda: jieba.lcut(big), args.repeat)
    t_text = median_time(lambda: govextract.extract_text(big), args.repeat)
    rows += [
        ("text input", f"{len(big):,} chars"),
        ("bare jieba.lcut", f"{len(big) / t_jieba:,.0f} chars/s"),
        ("text pipeline (extract_text)", f"{len(big) / t_text:,.0f} chars/s"),
        ("text pipeline / bare jieba", f"{t_jieba / t_text:.2f}x"),
    ]

    pdf20 = build_pdf(20)

    def bare_pdfplumber() -> None:
        with pdfplumber.open(pdf20) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    t_plumber = median_time(bare_pdfplumber, args.repeat)
    t_pdf = median_time(lambda: govextract.extract_file(pdf20), args.repeat)
    rows += [
        ("bare pdfplumber extract_text (20 pages)", f"{20 / t_plumber:.1f} pages/s"),
        ("PDF pipeline (extract_file, 20 pages)", f"{20 / t_pdf:.1f} pages/s"),
        ("PDF pipeline / bare pdfplumber", f"{t_plumber / t_pdf:.2f}x"),
    ]

    pdf100 = build_pdf(100)
    rss20, rss100 = peak_rss_mib(pdf20), peak_rss_mib(pdf100)
    rows += [
        ("peak RSS, 20-page PDF", f"{rss20:.0f} MiB"),
        ("peak RSS, 100-page PDF", f"{rss100:.0f} MiB"),
        ("peak RSS growth 20 → 100 pages", f"{rss100 / rss20:.2f}x"),
    ]

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "govextract", "--help"], capture_output=True, check=True)
    rows.append(("cold start: govextract --help", f"{time.perf_counter() - t0:.2f} s"))

    lines = [
        "# Benchmark results",
        "",
        f"`python benchmarks/run.py --repeat {args.repeat}` on {platform.machine()}, Python "
        f"{platform.python_version()}, govextract {govextract.__version__}. Medians of {args.repeat} runs "
        "after a warm-up; ratios are between runs of this same process.",
        "",
        "| measure | result |",
        "| --- | --- |",
        *[f"| {k} | {v} |" for k, v in rows],
        "",
    ]
    (ROOT / "benchmarks" / "results.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    print(json.dumps(dict(rows), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
