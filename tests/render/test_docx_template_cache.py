"""What the DOCX writer keeps from one letter to the next (issue 15 item 6: a one-page DOCX in
≤ 10 ms): the template read and parsed once per file version, pictures read once, docxtpl's
work on a template source done once — and none of it lets one letter change another."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.render import docx_writer
from dla_drafter.render.docx_comments import LazyTexts
from dla_drafter.settings import RenderSettings
from tests.exporting import docx as docx_of

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = RenderSettings(use_system_th_sarabun=False)


def example(name: str, **changes) -> dict:
    data = json.loads((ROOT / "examples" / name).read_text("utf-8"))
    data.update(changes)
    return data


def parts(data: bytes) -> dict[str, bytes]:
    """Every member but the dated core properties (created/modified: now)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_a_template_is_read_once_per_version(tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    monkeypatch.setattr(docx_writer, "templates_dir", lambda: folder)
    reads: list[object] = []
    real = docx_writer.PackageReader.from_file
    monkeypatch.setattr(docx_writer.PackageReader, "from_file",
                        staticmethod(lambda f: reads.append(f) or real(f)))
    letter = letter_from_dict(example("circular-2565-eef.dladraft.json"))
    first = parts(docx_of(letter, SETTINGS))
    assert parts(docx_of(letter, SETTINGS)) == first
    assert len(reads) <= 1  # one read of external.docx at most (none if already cached)
    before = len(reads)
    stat = (folder / "external.docx").stat()
    os.utime(folder / "external.docx", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert parts(docx_of(letter, SETTINGS)) == first  # an edited template is read again
    assert len(reads) == before + 1
    assert docx_writer._template_parts.cache_info().maxsize <= 8  # bounded


def test_each_letter_starts_from_its_own_copy_of_the_template():
    path = docx_writer.template_path("external")
    one = docx_writer._open_template(path)
    mine = one.docx.styles.element
    etree.SubElement(mine, qn("w:style"), {qn("w:styleId"): "OnlyInLetterOne"})
    one.docx.core_properties.title = "หนังสือฉบับที่หนึ่ง"
    two = docx_writer._open_template(path)
    assert two.docx.styles.element is not mine
    assert all(s.get(qn("w:styleId")) != "OnlyInLetterOne" for s in two.docx.styles.element)
    assert two.docx.core_properties.title != "หนังสือฉบับที่หนึ่ง"
    assert len(two.docx.element.body) == 0  # the body comes from rendering, whole


def test_letters_do_not_change_each_other_through_the_shared_template():
    """A letter, then letters of another kind, subject, font and digits, then the first
    again: the first comes out the same, and no other letter carries its text or font."""
    eef = letter_from_dict(example("circular-2565-eef.dladraft.json",
                                   subject="เรื่องเฉพาะของหนังสือฉบับแรก"))
    first = parts(docx_of(eef, SETTINGS))
    memo = letter_from_dict(example("memo-2569.dladraft.json"))
    other = letter_from_dict(example("circular-2565-eef.dladraft.json", subject="เรื่องอื่นทั้งหมด",
                                     digits="arabic", secrecy="ลับ"))
    font = RenderSettings(use_system_th_sarabun=False, docx_font="TH Sarabun New")
    for made in (parts(docx_of(memo, SETTINGS)), parts(docx_of(other, font))):
        assert eef.subject.encode() not in made["word/document.xml"]
    styled = parts(docx_of(eef, font))
    assert b"TH Sarabun New" in styled["word/styles.xml"]
    again = parts(docx_of(eef, SETTINGS))
    assert again == first
    assert b"TH Sarabun New" not in again["word/styles.xml"]


def test_pictures_are_read_once_and_stored_once(monkeypatch):
    docx_writer._docx_image.cache_clear()
    reads: list[int] = []
    real = docx_writer.Image.from_blob
    monkeypatch.setattr(docx_writer.Image, "from_blob",
                        classmethod(lambda cls, blob: reads.append(len(blob)) or real(blob)))
    letter = letter_from_dict(example("circular-2565-eef.dladraft.json"))
    first = parts(docx_of(letter, SETTINGS))
    count = len(reads)
    assert count >= 1  # the ครุฑ (and the QR code, when the letter has one)
    assert parts(docx_of(letter, SETTINGS)) == first
    assert len(reads) == count  # the second letter reads no picture again
    media = [n for n in first if n.startswith("word/media/")]
    assert len({first[n] for n in media}) == len(media)  # no picture stored twice


LISTING = ('<w:body><w:p><w:r><w:t>plain ไทย</w:t></w:r></w:p>'
           '<w:p w:rsidR="1"><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
           '<w:t xml:space="preserve">\tมิถุนายน\nบรรทัด\aย่อหน้า\fหน้า</w:t></w:r>'
           '<w:r><w:t>ok</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>no tab</w:t></w:r></w:p>\n<w:p><w:r><w:drawing>\n  <x/>'
           '</w:drawing></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a\tb</w:t></w:r></w:p>'
           '</w:tc></w:tr></w:tbl></w:body>')


@pytest.mark.parametrize("xml", [LISTING, LISTING.replace("\t", " ").replace("\n", " ")
                                 .replace("\a", " ").replace("\f", " "), "<w:body/>"])
def test_listing_markup_is_what_docxtpl_makes(xml):
    ours = docx_writer._Template("unused.docx")
    theirs = DocxTemplate("unused.docx")
    assert ours.resolve_listing(xml) == theirs.resolve_listing(xml)


def test_paragraph_texts_are_gathered_only_when_read():
    calls: list[int] = []

    def make() -> list[str]:
        calls.append(1)
        return ["หนึ่ง", "สอง"]

    unread = LazyTexts(make)
    assert not calls
    texts = LazyTexts(make)
    assert len(texts) == 2 and texts[1] == "สอง" and list(texts) == ["หนึ่ง", "สอง"]
    assert texts == ["หนึ่ง", "สอง"] and "สอง" in texts and texts.index("สอง") == 1
    assert calls == [1]  # once, however it is read
    del unread
