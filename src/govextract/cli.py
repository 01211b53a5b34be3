"""``govextract``: a thin shell over the Python API.

Each command maps to one public function; every failure, in every mode, is one line
``error: [GX… code] file: message`` on stderr, followed by its traceback with ``--debug``.
Exit status: 0 when everything converted, 1 when some file failed, 2 for a usage error.
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

# The extensions read (ingest.SUPPORTED_SUFFIXES, a test holds them equal; ingest is not imported for --help).
EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm")
DEFAULT_CONNECT_TIMEOUT = 10.0  # the same as batch.DEFAULT_CONNECT_TIMEOUT (batch is not imported for --help)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="govextract",
        description="Turn Chinese policy and government reports into structured, typed data.",
    )
    p.add_argument("--version", action="version", version=f"govextract {__version__}")
    p.add_argument("--debug", action="store_true",
                   help="after the one-line error, print the traceback of any failure, in any mode")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract sections and entities from reports",
                        description="Extract the section tree and typed entities of each file "
                                    f"({', '.join(EXTENSIONS)}) into JSON and CSV, and into the "
                                    "corpus dataset.")
    ex.add_argument("files", nargs="+", type=Path, metavar="PATH",
                    help="input files, or folders to walk recursively")
    ex.add_argument("-o", "--output", default="outputs", metavar="DIR",
                    help="output folder, or - to print each document's JSON on stdout, one a line "
                         "(JSON Lines) (default: outputs)")
    ex.add_argument("--format", default=None, metavar="FORMATS",
                    help="comma-separated output formats: json, csv (default: json,csv; "
                         "with -o -, json only)")
    ex.add_argument("--password", default=None, metavar="PASSWORD", help="password of encrypted PDFs")
    ex.add_argument("--pdf-backend", choices=PDF_BACKENDS, default=DEFAULT_PDF_BACKEND,
                    help="PDF library: pdfium (fast) or pdfplumber; both give the same document "
                         f"(default: {DEFAULT_PDF_BACKEND})")
    ex.add_argument("--ocr", choices=OCR_MODES, default=DEFAULT_OCR,
                    help="read PDF pages by OCR (needs govextract[ocr]): auto the pages without a "
                         "usable text layer, always every page, never none (default: "
                         f"{DEFAULT_OCR})")
    ex.add_argument("--glob", default=None, metavar="PATTERN", help="in folders, only files matching (e.g. '*.pdf')")
    ex.add_argument("--workers", type=int, default=None, metavar="N",
                    help="worker processes (default: the machine's cores)")
    ex.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                    help="stop a file that takes longer than this, and go on with the others "
                         "(default: no limit; local engine only)")
    ex.add_argument("--force", action="store_true",
                    help="convert again files that are unchanged (same bytes, options, code and outputs)")
    ex.add_argument("--no-db", action="store_true", help="do not fill the corpus dataset DIR/govextract.sqlite")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local worker processes, or a Dask cluster (needs govextract[dask]) (default: local)")
    ex.add_argument("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler address, with --engine dask")
    ex.add_argument("--connect-timeout", type=float, default=DEFAULT_CONNECT_TIMEOUT, metavar="SECONDS",
                    help=f"give up on an unreachable Dask scheduler after this long "
                         f"(default: {DEFAULT_CONNECT_TIMEOUT:g})")

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

    ev = sub.add_parser("evaluate", help="score outputs against hand-checked gold files",
                        description="Score document JSONs written by extract against gold files (the format "
                                    "of schemas/gold.schema.json): each row as hits/total, each document's "
                                    "score and the mean. Files, or folders matched by document name.")
    ev.add_argument("output", type=Path, metavar="OUTPUT",
                    help="a document JSON, or a folder of them (or a panel CSV, against panel gold)")
    ev.add_argument("gold", type=Path, metavar="GOLD",
                    help="a gold file, or a folder searched for *.gold.json; panel gold (*.panel.json, or a "
                         "folder of them) scores the panel")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--markdown", type=Path, default=None, metavar="FILE",
                    help="also write a table (document x row family) to FILE")
    ev.add_argument("--min", type=float, default=0.0, metavar="SCORE",
                    help="exit 1 when the mean is below SCORE (default: 0, report only)")

    pn = sub.add_parser("panel", help="write the headline indicators of many reports as one panel",
                        description="Write the panel cells of converted reports — region x indicator x year, "
                                    "targets and outcomes, each traced to its words — as one table: a row per "
                                    "figure per report, or with --wide a row per region, year and status.")
    pn.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                    help="output folders written by extract (or document JSONs), or a govextract.sqlite dataset")
    pn.add_argument("-o", "--output", required=True, metavar="FILE",
                    help="a .csv, .parquet (needs govextract[parquet]) or .jsonl file; - for CSV on stdout")
    pn.add_argument("--format", choices=("csv", "parquet", "jsonl"), default=None,
                    help="file format (default: from the name of FILE)")
    pn.add_argument("--wide", action="store_true",
                    help="one row per region, year and status, a column per indicator and kind (gdp_growth …); "
                         "two different values for one cell are left empty and named in the conflicts column")
    pn.add_argument("--vocabulary", default=None, metavar="JSON",
                    help="your own indicators or written forms, in the format of data/indicators.json, added "
                         "to the bundled vocabulary (cells are recomputed from the document JSONs)")

    sc = sub.add_parser("schema", help="write the JSON Schema of the output",
                        description="Write the JSON Schema generated from the document model.")
    sc.add_argument("-o", "--output", default="schemas", metavar="DIR", help="folder (default: schemas)")
    return p


def _report(code: str | None, source: str | None, message: str | None, tb: str | None, debug: bool) -> None:
    """One failure on stderr, in the one style of every mode; its traceback with ``--debug``."""
    from .batch import error_line

    print(error_line(code, source, message), file=sys.stderr)
    if debug and tb:
        print(tb.rstrip("\n"), file=sys.stderr)


def _to_stdout(args: argparse.Namespace, formats: tuple[str, ...]) -> int:
    """``-o -``: JSON Lines on stdout, one document a line, in the order given; errors on stderr."""
    from .batch import Options, convert_to_json, plan
    from .batch.report import skipped_line
    from .batch.run import refused

    if formats != ("json",):
        raise UsageError("-o - writes JSON only (one document a line); for CSV give an output folder, "
                         "e.g. -o outputs/")
    options = Options(formats, args.pdf_backend, args.password, args.ocr)
    p = plan(args.files, args.glob)
    for path in p.skipped_files:
        print(skipped_line(str(path)), file=sys.stderr)
    for path in p.unsupported:  # each its own error; the other files go on
        no = refused(path)
        _report(no.code, no.job.name, no.message, None, args.debug)
    failed = len(p.unsupported)
    for job in p.jobs:
        line, o = convert_to_json(job, options)
        if o is not None:
            _report(o.code, job.name, o.message, o.traceback, args.debug)
            failed += 1
            continue
        sys.stdout.write(line)
        sys.stdout.flush()
    return 1 if failed else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .batch import progress_printer, run_batch
    from .batch.report import skipped_line
    from .outputs import EXPORTERS

    to_stdout = args.output == "-"
    given = args.format if args.format is not None else ("json" if to_stdout else "json,csv")
    formats = tuple(dict.fromkeys(f.strip() for f in given.split(",") if f.strip()))
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; choose from {', '.join(EXPORTERS)}")
    if not formats:
        raise UsageError(f"no output format given; choose from {', '.join(EXPORTERS)}")
    if args.ocr == "always" and not backends.ocr_available():
        raise UsageError(f"--ocr always needs the OCR extra: {OCR_INSTALL}")
    if to_stdout:
        return _to_stdout(args, formats)
    summary = run_batch(
        args.files, Path(args.output), formats=formats, glob=args.glob, workers=args.workers,
        timeout=args.timeout, force=args.force, password=args.password, pdf_backend=args.pdf_backend,
        ocr=args.ocr, use_db=not args.no_db, engine=args.engine, scheduler=args.scheduler,
        connect_timeout=args.connect_timeout, progress=progress_printer(),
    )
    for o in summary.failed:  # each error once, here (the progress line says only "failed")
        _report(o.code, o.job.name, o.message, o.traceback, args.debug)
    for f in summary.skipped_files:
        print(skipped_line(f), file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .outputs.dataset import export_db

    for p in export_db(args.database, args.format, args.output):
        print(p, file=sys.stderr)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from .outputs.review import write_review

    print(write_review(args.document, args.output), file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, mean, report_json, report_markdown, report_text
    from .evaluate import panel as pn

    if pn.is_panel_gold(args.gold):
        panel_scores = pn.evaluate_panel(args.output, args.gold)
        m = pn.panel_mean(panel_scores)
        sys.stdout.write(pn.panel_report_json(panel_scores) if args.json else pn.panel_report_text(panel_scores))
        markdown = pn.panel_report_markdown(panel_scores)
    else:
        scores = evaluate(args.output, args.gold)
        m = mean(scores)
        sys.stdout.write(report_json(scores) if args.json else report_text(scores))
        markdown = report_markdown(scores)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown, encoding="utf-8")
    if m < args.min:
        print(f"error: the mean {m:.3f} is below --min {args.min:.3f}", file=sys.stderr)
        return 1
    return 0


def cmd_panel(args: argparse.Namespace) -> int:
    from .facts.panel_table import COLUMNS, wide
    from .outputs.panel import format_of, read_panel, write_panel

    fmt = format_of(args.output, args.format)
    rows = read_panel(args.paths, args.vocabulary)
    if args.wide:
        rows = wide(rows)
        columns = list(rows[0]) if rows else ["region_code", "region_name", "year", "status", "sources", "conflicts"]
    else:
        columns = list(COLUMNS)
    write_panel(rows, columns, args.output, fmt)
    if args.output != "-":
        print(f"{args.output}: {len(rows)} rows", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .outputs.schema import write_schemas

    for p in write_schemas(args.output):
        print(p, file=sys.stderr)
    return 0


COMMANDS = {"extract": cmd_extract, "export": cmd_export, "review": cmd_review, "evaluate": cmd_evaluate,
            "panel": cmd_panel, "schema": cmd_schema}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (UsageError, UnsupportedFormat, GovextractError) as exc:
        _report(exc.code, exc.source, exc.message, traceback.format_exc(), args.debug)
        return 2 if isinstance(exc, (UsageError, UnsupportedFormat)) else 1
    except KeyboardInterrupt:
        print("interrupted: the outputs written so far are complete; run again to resume", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, the traceback with --debug
        _report("internal_error", None, f"{type(exc).__name__}: {exc}", traceback.format_exc(), args.debug)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
