"""One error root for govextract, with a stable code per failure.

Every error names the file it concerns (when there is one) and carries a short
machine-readable ``code`` (``empty_file``, ``undecodable``, ``no_text_layer`` …)
and a numbered ``gx`` identifier, so that the CLI can print a one-line message
and a batch can record the failure without a traceback.
"""

from __future__ import annotations


class GovextractError(Exception):
    """Base class: ``[GX000 code] source: message``."""

    gx = "GX000"
    code = "error"

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.gx} {self.code}] {where}{self.message}"


class IngestError(GovextractError):
    """A file could not be read into text."""

    gx = "GX100"
    code = "ingest_failed"


class FileNotFound(IngestError):
    gx = "GX101"
    code = "not_found"


class UnsupportedFormat(IngestError):
    gx = "GX102"
    code = "unsupported_format"


class EmptyDocument(IngestError):
    gx = "GX103"
    code = "empty_file"


class UndecodableText(IngestError):
    gx = "GX104"
    code = "undecodable"


class UnreadableFile(IngestError):
    """A Word or HTML file that its library cannot open."""

    gx = "GX105"
    code = "unreadable"


class MissingExtra(IngestError):
    """The file type needs an optional extra that is not installed."""

    gx = "GX106"
    code = "missing_extra"


class PdfError(IngestError):
    """A PDF could not be opened or read."""

    gx = "GX200"
    code = "pdf_unreadable"


class NoTextLayer(PdfError):
    gx = "GX201"
    code = "no_text_layer"


class EncryptedPdf(PdfError):
    gx = "GX202"
    code = "encrypted"


class Timeout(GovextractError):
    """A file took longer than the batch's ``--timeout``."""

    gx = "GX400"
    code = "timeout"


class WorkerCrashed(GovextractError):
    """The process converting a file died (out of memory, a crash in a library)."""

    gx = "GX401"
    code = "worker_crashed"


class SchedulerUnreachable(GovextractError):
    """The Dask scheduler could not be reached, or refused the connection."""

    gx = "GX402"
    code = "scheduler_unreachable"


class InternalError(GovextractError):
    """A bug or a library failure while converting one file (the batch goes on)."""

    gx = "GX500"
    code = "internal_error"


class UsageError(GovextractError):
    """The command was asked for something it cannot do (no inputs, an unsupported file named)."""

    gx = "GX900"
    code = "usage"


class DataFileError(GovextractError):
    """A bundled data file (gazetteer, lexicon, patterns) failed validation."""

    gx = "GX300"
    code = "bad_data_file"


class EvaluationError(GovextractError):
    """A gold file or an output to score could not be read, or nothing matched."""

    gx = "GX600"
    code = "bad_evaluation_input"


__all__ = [
    "DataFileError",
    "EmptyDocument",
    "EncryptedPdf",
    "EvaluationError",
    "FileNotFound",
    "GovextractError",
    "IngestError",
    "InternalError",
    "MissingExtra",
    "NoTextLayer",
    "PdfError",
    "SchedulerUnreachable",
    "Timeout",
    "UndecodableText",
    "UnreadableFile",
    "UnsupportedFormat",
    "UsageError",
    "WorkerCrashed",
]
