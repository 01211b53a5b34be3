"""Stage 2, structure: a raw document's text in; clean text, its offset map, the section tree,
paragraphs, enumerated points and the document's metadata out.

- :mod:`.normalize`: clean text (full-width digits and letters folded, white space tidied,
  Markdown marks read and dropped) and an :class:`~.normalize.OffsetMap` back to the raw text;
  never blanket NFKC, which would turn ， into ,;
- :mod:`.headings`: the heading grammar (``data/headings.json``), one line at a time;
- :mod:`.outline`: which lines are headings, judged against the lines around them (numbered
  runs judged as a run), over the lines of :mod:`.lines`;
- :mod:`.parts`: unnumbered part titles (``过去五年工作回顾``) over runs of ``（一）…``;
- :mod:`.segment`: the heading lines as a section tree, the rest as paragraphs and points;
- :mod:`.metadata`: the document's title, date and publisher (read once entities are found).

The models that leave are :class:`~govextract.models.Section`, ``Paragraph``, ``Point`` and
``Metadata``; every one carries its character span into the clean text, and a section its
``kind`` (body, or back matter a reader may leave out: appendix, glossary, notes).
"""

from __future__ import annotations

from .metadata import find_metadata
from .normalize import NormalizedText, OffsetMap, normalize
from .segment import Segmentation, segment

__all__ = ["NormalizedText", "OffsetMap", "Segmentation", "find_metadata", "normalize", "segment"]
