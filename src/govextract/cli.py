"""``govextract``: a thin shell over the Python API.

Each command maps to one public function; library errors become a one-line
``error: [GX… code] file: message`` (a traceback only with ``--debug``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import GovextractError


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
                                    "(.txt, .md, .pdf) into JSON and CSV.")
    ex.add_argument("files", nargs="+", type=Path, metavar="FILE", help="input files")
    ex.add_argument("-o", "--output", default="outputs", metavar="DIR",
                    help="output folder, or - to print the JSON to stdout (default: outputs)")
    ex.add_argument("--format", default="json,csv", metavar="FORMATS",
                    help="comma-separated output formats: json, csv (default: json,csv)")
    ex.add_argument("--password", default=None, metavar="PASSWORD", help="password of encrypted PDFs")

    sc = sub.add_parser("schema", help="write the JSON Schema of the output",
                        description="Write the JSON Schema generated from the document model.")
    sc.add_argument("-o", "--output", default="schemas", metavar="DIR", help="folder (default: schemas)")
    return p


def _stems(files: Sequence[Path]) -> list[str]:
    """Output names: the file stem, or stem.ext where two inputs share a stem."""
    counts = Counter(f.stem for f in files)
    return [f.stem if counts[f.stem] == 1 else f"{f.stem}.{f.suffix.lstrip('.')}" for f in files]


def cmd_extract(args: argparse.Namespace) -> int:
    from .export import EXPORTERS, export, to_json
    from .pipeline import extract_file

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        print(f"error: unknown format {unknown[0]!r}; choose from {', '.join(EXPORTERS)}", file=sys.stderr)
        return 2
    failed = 0
    out = None if args.output == "-" else Path(args.output)
    for path, stem in zip(args.files, _stems(args.files), strict=True):
        try:
            doc = extract_file(path, args.password)
        except GovextractError as exc:
            if exc.source is None:
                exc.source = str(path)
            print(f"error: {exc}", file=sys.stderr)
            if args.debug:
                traceback.print_exc()
            failed += 1
            continue
        if out is None:
            sys.stdout.write(to_json(doc))
            continue
        out.mkdir(parents=True, exist_ok=True)
        # Write into a temporary folder beside the outputs, then rename each file into
        # place, so an interrupted run never leaves a half-written output behind.
        with tempfile.TemporaryDirectory(dir=out, prefix=".tmp-") as tmp:
            for written in export(doc, Path(tmp), stem, formats):
                os.replace(written, out / written.name)
        print(f"{path} -> {out / stem}.* ({len(doc.sections)} sections, {len(doc.entities)} entities)",
              file=sys.stderr)
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for p in write_schemas(args.output):
        print(p, file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"extract": cmd_extract, "schema": cmd_schema}[args.command](args)
    except GovextractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
