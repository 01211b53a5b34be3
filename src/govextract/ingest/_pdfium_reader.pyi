"""The compiled PDFium reader (_pdfium_reader.c): raw columns, as bytes."""

def chars(calls: tuple[int, ...], textpage: int, /) -> tuple[bytes, bytes, bytes, bytes]:
    """codes (uint32), flags (uint8 pairs: generated, map error), boxes (float32 quads), text objects (uint64)."""

def objects(calls: tuple[int, ...], page: int, text_type: int, path_type: int, /) -> tuple[
        int, bytes, bytes, bytes, bytes, bytes]:
    """paths, then per top-level text object: address (uint64), size, matrix c and d (float32), font (uint64)."""
