"""How far a read text is from the true one: the character error rate of an OCR read, on text
with white space taken out and widths folded."""

from __future__ import annotations

import unicodedata


def fold_text(text: str) -> str:
    """Text as an OCR read is compared with a text layer: white space out, widths folded (NFKC)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def char_error_rate(ref: str, got: str) -> float:
    """Levenshtein distance from ``ref`` to ``got`` over the length of ``ref`` (a row at a time in numpy)."""
    import numpy as np

    a = np.frombuffer(ref.encode("utf-32-le"), dtype=np.uint32)
    b = np.frombuffer(got.encode("utf-32-le"), dtype=np.uint32)
    j = np.arange(len(b) + 1)
    prev = j.copy()
    for i, ch in enumerate(a.tolist(), start=1):
        base = np.empty_like(prev)
        base[0] = i
        base[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (b != ch))
        prev = np.minimum.accumulate(base - j) + j  # insertions: cur[j] = min(cur[j-1] + 1, base[j])
    return float(prev[-1]) / max(1, len(a))
