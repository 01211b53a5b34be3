"""Score outputs against hand-checked gold (``govextract evaluate``).

The rows and their arithmetic are those of the project's reference scorer (``tools/score.py``
in the shared checks, copied as ``tests/tools/score.py``; a test holds the two equal on every
gold). Each row is hits/total: recall where the gold lists what must be found, precision where
it can judge what was found (exhaustive places, ``windows``). A row with nothing to judge is not
scored; a document's score is the mean of its rows, and a run's score the mean of its documents.

The output is read as its JSON contract (a dict), so that a file written by any version of
govextract, or by another tool in the same format, can be scored.

Stage 7, evaluate: document JSONs (or output folders) and hand-checked gold in; scores out.
:mod:`.document` scores one output against its document gold, :mod:`.corpus` reads and matches
files and folders and writes the reports, :mod:`.text` measures an OCR read (character error
rate), and :mod:`.panel` scores panel gold.
"""

from __future__ import annotations

from .corpus import evaluate, load_gold, load_output, mean, primary, report_json, report_markdown, report_text
from .document import DocumentScore, Row, norm, score_document
from .text import char_error_rate, fold_text

__all__ = ["DocumentScore", "Row", "char_error_rate", "evaluate", "fold_text", "load_gold", "load_output", "mean",
           "norm", "primary", "report_json", "report_markdown", "report_text", "score_document"]
