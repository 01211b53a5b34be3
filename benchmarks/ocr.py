"""Measure OCR of scanned PDFs and write ``benchmarks/ocr-results.md``.

    python benchmarks/ocr.py [--sweep-pages 6] [--long]

Input: ``../shared/golden/seed-report-scanned-full.pdf``, the 20 pages of the seed PDF as a
scanner gives them (150 dpi greyscale JPEG, slightly skewed, no text layer), and the seed PDF
itself for the text it must give.

- The rendering resolution: a sweep over the first pages at 60 to 200 dpi, each page's OCR
  text against the text layer's (character error rate after white space and width folding),
  and the time per page. The scan's body type is 12 pt, so a resolution here also stands for
  smaller type at a higher one: 12 pt at 75 dpi is 9 pt at 100 dpi, at 60 dpi 7.5 pt at 96.
- End to end: the whole scan through ``extract_file`` in a fresh process (OCR pages/s and
  peak RSS), its text against the text PDF's document text (the same folding), and the text
  PDF through the same pipeline for what OCR costs. ``--long`` also reads the scan twice over
  (40 pages) to show that memory stays flat with length.
Timings are never asserted in tests; the error rate and the gold score are (tests/ingest/test_ocr.py).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from govextract.evaluate import char_error_rate
from govextract.evaluate import fold_text as fold

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCAN = SHARED / "golden" / "seed-report-scanned-full.pdf"
SEED_PDF = ROOT / "samples" / "seed-report.pdf"
OUT = ROOT / "benchmarks" / "ocr-results.md"
DPIS = (60, 75, 100, 150, 200)


def text_layer_pages(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def sweep(pages: int) -> list[tuple[int, float, float]]:
    """(dpi, character error rate, seconds a page) over the scan's first ``pages`` pages, the
    resolutions taking turns on each page so that the machine's drift moves them alike."""
    import pypdfium2 as pdfium

    from govextract.ingest.ocr import read_page

    refs = [fold(t) for t in text_layer_pages(SEED_PDF)[:pages]]
    errors = dict.fromkeys(DPIS, 0)
    seconds = dict.fromkeys(DPIS, 0.0)
    scan = pdfium.PdfDocument(SCAN)
    try:
        read_page(scan[0], 0)  # the models load once, outside the timings
        for i, ref in enumerate(refs):
            for dpi in DPIS:
                page = scan[i]
                t = time.perf_counter()
                result = read_page(page, i, dpi)
                seconds[dpi] += time.perf_counter() - t
                page.close()
                got = fold("".join(ln.text for ln in result.lines))
                errors[dpi] += round(char_error_rate(ref, got) * max(1, len(ref)))
    finally:
        scan.close()
    chars = sum(len(r) for r in refs)
    out = [(dpi, errors[dpi] / chars, seconds[dpi] / len(refs)) for dpi in DPIS]
    for dpi, rate, per_page in out:
        print(f"dpi {dpi}: CER {rate:.4f}, {per_page:.2f} s/page", file=sys.stderr)
    return out


# A fresh process reads one PDF, writes its document JSON and prints its own time; a launcher
# around it prints the peak RSS of its children (Linux carries a parent's peak across fork).
_EXTRACT = """
import sys, time
import govextract
from govextract.outputs import to_json
t = time.perf_counter()
doc = govextract.extract_file(sys.argv[1], ocr=sys.argv[2])
seconds = time.perf_counter() - t
open(sys.argv[3], "w", encoding="utf-8").write(to_json(doc))
print(seconds)
"""
_LAUNCH = """
import resource, subprocess, sys
out = subprocess.run(sys.argv[1:], check=True, capture_output=True, text=True).stdout.split()[-1]
print(out, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def extract(pdf: Path, ocr: str, out: Path) -> tuple[float, float]:
    """(seconds inside extract_file, peak RSS in MiB) of reading ``pdf`` in a fresh process."""
    cmd = [sys.executable, "-c", _LAUNCH, sys.executable, "-c", _EXTRACT, str(pdf), ocr, str(out)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    seconds, rss = (float(v) for v in res.stdout.split()[-2:])
    return seconds, rss


def doubled(src: Path, out: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    pages = PdfReader(src).pages
    for i in range(2 * len(pages)):
        w.add_page(pages[i % len(pages)])
    with out.open("wb") as f:
        w.write(f)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sweep-pages", type=int, default=6, help="pages of the resolution sweep (default 6)")
    ap.add_argument("--long", action="store_true", help="also read the scan twice over (40 pages)")
    args = ap.parse_args(argv)
    if not SCAN.is_file():
        raise SystemExit(f"{SCAN} is not present")
    import govextract
    from govextract.ingest.ocr import OCR_DPI

    rows: list[tuple[str, str]] = []
    for dpi, rate, per_page in sweep(args.sweep_pages):
        mark = " (used)" if dpi == OCR_DPI else ""
        rows.append((f"resolution sweep, {args.sweep_pages} pages, {dpi} dpi{mark}: CER / s a page",
                     f"{rate:.2%} / {per_page:.2f} s"))
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        ocr_s, ocr_rss = extract(SCAN, "auto", t / "scan.json")
        text_s, text_rss = extract(SEED_PDF, "never", t / "text.json")
        scan_doc = json.loads((t / "scan.json").read_text(encoding="utf-8"))
        text_doc = json.loads((t / "text.json").read_text(encoding="utf-8"))
        ref, got = fold(text_doc["text"]), fold(scan_doc["text"])
        rate = char_error_rate(ref, got)
        pages = scan_doc["source"]["pages"]
        confidences = [p["mean_confidence"] for p in scan_doc["source"]["ocr"] if p["mean_confidence"] is not None]
        rows += [
            ("pages read by OCR", f"{len(scan_doc['source']['ocr_pages'])} of {pages}"),
            ("OCR text vs the text PDF's, whole document, CER (folded)", f"{rate:.2%}"),
            ("mean of the pages' mean line confidence", f"{sum(confidences) / len(confidences):.3f}"),
            ("OCR pipeline, 20-page scan", f"{pages / ocr_s:.2f} pages/s ({ocr_s:.1f} s)"),
            ("text-layer pipeline, the 20-page seed PDF", f"{pages / text_s:.1f} pages/s ({text_s:.2f} s)"),
            ("OCR / text layer, time a page", f"{text_s and ocr_s / text_s:.0f}x"),
            ("peak RSS, 20-page scan (OCR)", f"{ocr_rss:.0f} MiB"),
            ("peak RSS, 20-page seed PDF (text layer)", f"{text_rss:.0f} MiB"),
        ]
        if args.long:
            long_s, long_rss = extract(doubled(SCAN, t / "scan-40p.pdf"), "auto", t / "long.json")
            rows += [("peak RSS, 40-page scan (OCR)", f"{long_rss:.0f} MiB"),
                     ("peak RSS growth 20 → 40 pages (OCR)", f"{long_rss / ocr_rss:.2f}x"),
                     ("OCR pipeline, 40-page scan", f"{40 / long_s:.2f} pages/s")]
    head = (f"# OCR benchmark\n\n`python benchmarks/ocr.py --sweep-pages {args.sweep_pages}"
            f"{' --long' if args.long else ''}` on {platform.machine()} ({platform.processor() or 'cpu'}), "
            f"Python {platform.python_version()}, govextract {govextract.__version__}, "
            f"{_cores()} cores shared with other work: times are one run each.\n\n")
    table = "| measure | result |\n| --- | --- |\n" + "".join(f"| {m} | {r} |\n" for m, r in rows)
    OUT.write_text(head + table, encoding="utf-8")
    print(head + table)
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
