"""The DOCX package writer: a ZIP every reader opens, the parts python-docx would write, and
a deflate cache that is bounded and reused (issue 15 items 6 and 7)."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import docx
import pytest

from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.render import docx_zip
from dla_drafter.render.docx_zip import (
    CACHE_ENTRIES,
    CACHE_MAX_BYTES,
    CACHE_MAX_PART_BYTES,
    deflated,
    zip_bytes,
)
from dla_drafter.settings import RenderSettings
from tests.exporting import docx as docx_of

ROOT = Path(__file__).resolve().parents[2]


def docx_bytes() -> bytes:
    data = json.loads((ROOT / "examples" / "circular-2565-ipst.dladraft.json")
                      .read_text("utf-8"))
    return docx_of(letter_from_dict(data), RenderSettings(use_system_th_sarabun=False))


@pytest.fixture(autouse=True)
def _empty_cache():
    docx_zip.clear_cache()
    yield
    docx_zip.clear_cache()


def test_zip_bytes_round_trip_in_order_with_a_thai_name():
    big = os.urandom(32 * 1024)
    entries = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", "ก่ำ".encode() * 50),
               ("word/media/image1.png", big), ("word/ไทย.xml", b""), ("empty", b"")]
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes(entries)))
    assert archive.testzip() is None  # every CRC checks
    assert [(i.filename, archive.read(i)) for i in archive.infolist()] == entries
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist())
    assert archive.getinfo("word/ไทย.xml").flag_bits & 0x0800


def test_parts_are_deflated_once_and_the_cache_is_bounded():
    blob = b"font bytes " * 16 * 1024
    first = deflated(blob)
    assert deflated(bytes(blob)) is first  # the same bytes, another object: reused
    small = deflated(b"<w:styles/>" * 3)
    assert deflated(b"<w:styles/>" * 3) is small  # small parts too (styles, theme, rels)
    huge = os.urandom(CACHE_MAX_PART_BYTES + 1)
    assert deflated(huge) is not deflated(huge)  # too large to keep: deflated, forgotten
    for n in range(CACHE_ENTRIES * 3):
        deflated(os.urandom(64) + n.to_bytes(2, "big"))
    assert len(docx_zip._cache) <= CACHE_ENTRIES
    for n in range(CACHE_MAX_BYTES // CACHE_MAX_PART_BYTES * 3):
        deflated(os.urandom(CACHE_MAX_PART_BYTES - 2) + n.to_bytes(2, "big"))
    held = sum(len(k) + len(v[0]) for k, v in docx_zip._cache.items())
    assert held == docx_zip._cache_bytes <= CACHE_MAX_BYTES


def test_a_second_letter_deflates_only_what_changed(monkeypatch):
    docx_bytes()
    made: list[int] = []
    real = docx_zip._deflate

    def counting(blob: bytes) -> bytes:
        made.append(len(blob))
        return real(blob)

    monkeypatch.setattr(docx_zip, "_deflate", counting)
    data = docx_bytes()  # the same letter again: only the dated core properties change
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    assert len(made) <= 1, made


def test_a_letter_docx_is_a_valid_package_with_python_docx_parts():
    data = docx_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    names = archive.namelist()
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert {"word/document.xml", "word/styles.xml", "word/fontTable.xml"} <= set(names)
    assert any(n.startswith("word/fonts/") for n in names)
    assert any(n.startswith("word/media/") for n in names)
    # python-docx reads it back, and saving it through python-docx gives the same members
    document = docx.Document(io.BytesIO(data))
    assert "".join(p.text for p in document.paragraphs).strip()
    resaved = io.BytesIO()
    document.save(resaved)
    assert sorted(zipfile.ZipFile(resaved).namelist()) == sorted(names)
    # a second export reuses the deflated fonts and emblem and is read the same
    again = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    for name in names:
        if name.startswith(("word/fonts/", "word/media/")):
            assert again.read(name) == archive.read(name)
