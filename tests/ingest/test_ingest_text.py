"""Reading text files: encodings detected, bad input refused with a coded error naming the file."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from govextract.errors import EmptyDocument, FileNotFound, UndecodableText, UnsupportedFormat
from govextract.ingest import ingest

SAMPLE = "一、总体要求\n深圳、上海超过80项。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
    ],
)
def test_ingest_text_detects_encoding(tmp_path: Path, data: bytes, encoding: str):
    p = tmp_path / "r.txt"
    p.write_bytes(data)
    raw = ingest(p)
    assert raw.source.encoding == encoding
    assert raw.text.replace("\r", "") == SAMPLE
    assert raw.source.bytes == len(data)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyDocument),
        (b"  \n\r\n\t", EmptyDocument),
        ("\u3000\n".encode(), EmptyDocument),
        (b"\x00\x01\x02binary\x00", UndecodableText),
        (bytes(range(0x80, 0x100)) * 4, UndecodableText),
        (b"\x81\xff\xfa" * 50, UndecodableText),
    ],
)
def test_ingest_text_refuses_bad_input(tmp_path: Path, data: bytes, error: type):
    p = tmp_path / "坏 文件.txt"
    p.write_bytes(data)
    with pytest.raises(error) as info:
        ingest(p)
    assert "坏 文件.txt" in str(info.value)
    assert info.value.code in ("empty_file", "undecodable")
    assert "\n" not in str(info.value)


def test_ingest_text_unsupported_and_missing(tmp_path: Path):
    with pytest.raises(UnsupportedFormat):
        ingest(tmp_path / "a.xlsx")
    with pytest.raises(FileNotFound):
        ingest(tmp_path / "missing.txt")


def test_ingest_text_markdown_format(tmp_path: Path):
    p = tmp_path / "r.md"
    p.write_text("# 一、总体要求\n正文。\n", encoding="utf-8")
    assert ingest(p).source.format == "md"
