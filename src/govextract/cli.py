"""``govextract``: a thin shell over the Python API.

Each command maps to one public function; library errors become a one-line
``error: [GX… code] file: message`` (a traceback only with ``--debug``). Exit status:
0 when everything converted, 1 when some file failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__, backends
from .backends import DEFAULT_OCR, DEFAULT_PDF_BACKEND, OCR_INSTALL, OCR_MODES, PDF_BACKENDS
from .errors import GovextractError, UnsupportedFormat, UsageError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="govextract",
        description="Turn Chinese policy and government reports into structured, typed data.",
    )
    p.add_argument("--version", action="version", version=f"govextract {__version__}")
    p.add_argument("--debug", action="store_true", help="show a traceback when something fails")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract sections and entities from reports",
                        description="Extract the section tree and typed entities of each file "
                                    "(.txt, .md, .pdf, .docx, .html) into JSON and CSV, and into the "
                                    "corpus dataset.")
    ex.add_argument("files", nargs="+", type=Path, metavar="PATH",
                    help="input files, or folders to walk recursively")
    ex.add_argument("-o", "--output", default="outputs", metavar="DIR",
                    help="output folder, or - to print the JSON to stdout (default: outputs)")
    ex.add_argument("--format", default="json,csv", metavar="FORMATS",
                    help="comma-separated output formats: json, csv (default: json,csv)")
    ex.add_argument("--password", default=None, metavar="PASSWORD", help="password of encrypted PDFs")
    ex.add_argument("--pdf-backend", choices=PDF_BACKENDS, default=DEFAULT_PDF_BACKEND,
                    help="PDF library: pdfium (fast, default) or pdfplumber; both give the same document")
    ex.add_argument("--ocr", choices=OCR_MODES, default=DEFAULT_OCR,
                    help="read PDF pages by OCR (needs govextract[ocr]): auto (default) the pages without a "
                         "usable text layer, always every page, never none")
    ex.add_argument("--glob", default=None, metavar="PATTERN", help="in folders, only files matching (e.g. '*.pdf')")
    ex.add_argument("--workers", type=int, default=None, metavar="N",
                    help="worker processes (default: the machine's cores)")
    ex.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                    help="stop a file that takes longer than this, and go on with the others")
    ex.add_argument("--force", action="store_true", help="convert again files whose bytes and version are unchanged")
    ex.add_argument("--no-db", action="store_true", help="do not fill the corpus dataset govextract.sqlite")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local worker processes, or a Dask cluster (needs govextract[dask])")
    ex.add_argument("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler address, with --engine dask")

    xp = sub.add_parser("export", help="write the corpus dataset as tables for pandas, R or Stata",
                        description="Write every table of a govextract.sqlite dataset as CSV, Parquet "
                                    "(needs govextract[parquet]) or JSON Lines files.")
    xp.add_argument("database", type=Path, metavar="DATABASE", help="the dataset, e.g. outputs/govextract.sqlite")
    xp.add_argument("--format", choices=("csv", "parquet", "jsonl"), default="csv", help="file format (default: csv)")
    xp.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write the tables in")

    rv = sub.add_parser("review", help="write an HTML page to review one document",
                        description="Write a self-contained HTML page showing a document's findings, section "
                                    "outline, highlighted entities and indicators.")
    rv.add_argument("document", type=Path, metavar="JSON", help="a document JSON written by extract")
    rv.add_argument("-o", "--output", type=Path, required=True, metavar="HTML", help="the page to write")

    sc = sub.add_parser("schema", help="write the JSON Schema of the output",
                        description="Write the JSON Schema generated from the document model.")
    sc.add_argument("-o", "--output", default="schemas", metavar="DIR", help="folder (default: schemas)")
    return p


def _to_stdout(args: argparse.Namespace) -> int:
    """``-o -``: each file's JSON on stdout, errors on stderr."""
    from .batch import plan
    from .export import to_json
    from .pipeline import extract_file

    failed = 0
    for job in plan(args.files, args.glob).jobs:
        try:
            doc = extract_file(job.source, args.password, args.pdf_backend, args.ocr)
        except GovextractError as exc:
            exc.source = exc.source or str(job.source)
            print(f"error: {exc}", file=sys.stderr)
            if args.debug:
                traceback.print_exc()
            failed += 1
            continue
        sys.stdout.write(to_json(doc))
    return 1 if failed else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .batch import progress_printer, run_batch
    from .export import EXPORTERS

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; choose from {', '.join(EXPORTERS)}")
    if args.ocr == "always" and not backends.ocr_available():
        raise UsageError(f"--ocr always needs the OCR extra: {OCR_INSTALL}")
    if args.output == "-":
        return _to_stdout(args)
    summary = run_batch(
        args.files, Path(args.output), formats=formats, glob=args.glob, workers=args.workers,
        timeout=args.timeout, force=args.force, password=args.password, pdf_backend=args.pdf_backend, ocr=args.ocr,
        use_db=not args.no_db,
        engine=args.engine, scheduler=args.scheduler, progress=progress_printer(),
    )
    for o in summary.failed:
        print(f"error: [{o.code}] {o.job.name}: {o.message}", file=sys.stderr)
    print(summary.text().splitlines()[0], file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store import export_db

    for p in export_db(args.database, args.format, args.output):
        print(p, file=sys.stderr)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from .review import write_review

    print(write_review(args.document, args.output), file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for p in write_schemas(args.output):
        print(p, file=sys.stderr)
    return 0


COMMANDS = {"extract": cmd_extract, "export": cmd_export, "review": cmd_review, "schema": cmd_schema}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (UsageError, UnsupportedFormat) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except GovextractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 1
    except KeyboardInterrupt:
        print("interrupted: the outputs written so far are complete; run again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
