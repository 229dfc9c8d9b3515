"""The draft inside the DOCX: written as a custom XML part, taken out again, refused safely.

Round trip: every example draft → DOCX (the one way out) → ``extract_draft_from_docx`` →
the same draft, key for key; the review record never goes in. Files from strangers: not a
zip, a zip bomb, too many parts, a DTD with entities, no draft inside, a draft that fails
validation — each a ``DocxDraftError`` with a Thai and an English message, never a traceback
and never an expanded bomb.
"""

from __future__ import annotations

import io
import json
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from dla_drafter import pipeline
from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.draftio import letter_to_dict, load_draft
from dla_drafter.render.docx_draft import (
    MAX_ENTRIES,
    NS_DRAFT,
    DocxDraftError,
    draft_item_xml,
    extract_draft_from_docx,
)
from dla_drafter.review import actions
from dla_drafter.settings import RenderSettings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.dladraft.json"))
SETTINGS = RenderSettings(use_system_th_sarabun=False)
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


def docx_of(letter) -> bytes:
    return pipeline.make_outputs(letter, ["letter.docx"], SETTINGS).first("docx")


@pytest.fixture(scope="module")
def eef_docx() -> bytes:
    return docx_of(load_draft(ROOT / "examples" / "circular-2565-eef.dladraft.json"))


def refused(data: bytes, code: str) -> DocxDraftError:
    with pytest.raises(DocxDraftError) as info:
        extract_draft_from_docx(data)
    error = info.value
    assert error.code == code, error.describe()
    assert error.message("th") and error.message("en")
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in error.message("th"))
    assert error.message("en").isascii() or code == "docx-draft-invalid"
    return error


def rezip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


# --- the round trip -----------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_every_example_comes_back_out_of_its_docx_unchanged(path):
    letter = load_draft(path)
    back = extract_draft_from_docx(docx_of(letter))
    assert letter_to_dict(back) == letter_to_dict(letter)


def test_the_draft_is_a_custom_xml_part_related_from_the_document(eef_docx):
    entries = entries_of(eef_docx)
    item = etree.fromstring(entries["customXml/item1.xml"])
    assert item.tag == f"{{{NS_DRAFT}}}draft"
    assert json.loads(item.text)["format"] == "dla-drafter/letter@1"
    props = etree.fromstring(entries["customXml/itemProps1.xml"])
    assert props.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}itemID").startswith("{")
    rels = etree.fromstring(entries["word/_rels/document.xml.rels"])
    targets = [r.get("Target") for r in rels if r.get("Type") == RT_CUSTOM_XML]
    assert targets == ["../customXml/item1.xml"]
    assert b"itemProps1.xml" in entries["customXml/_rels/item1.xml.rels"]
    assert b"customXmlProperties+xml" in entries["[Content_Types].xml"]


def test_the_review_record_never_goes_in():
    letter = load_draft(ROOT / "examples" / "circular-2565-eef.dladraft.json")
    actions.add_comment(letter, "subject", "โครงการพัฒนาครู", "ความเห็นลับของผู้ตรวจ",
                        "นางสาวศรีสุดา ใจดี", "2026-11-30T09:15:00+00:00")
    assert REVIEW_KEY in letter.extra
    data = docx_of(letter)
    item = entries_of(data)["customXml/item1.xml"].decode("utf-8")
    assert "ความเห็นลับของผู้ตรวจ" not in item and '"review"' not in item
    back = extract_draft_from_docx(data)
    assert REVIEW_KEY not in back.extra
    assert REVIEW_KEY in letter.extra  # the caller's letter keeps its record
    bare = letter_to_dict(letter)
    bare.pop(REVIEW_KEY)
    assert letter_to_dict(back) == bare


def test_the_draft_survives_a_save_by_another_program(eef_docx, tmp_path):
    """python-docx opening and saving the file (as Word keeps custom XML parts)."""
    document = docx.Document(io.BytesIO(eef_docx))
    document.paragraphs[0].add_run("แก้ไข")
    out = io.BytesIO()
    document.save(out)
    assert extract_draft_from_docx(out.getvalue()).subject
    # a review record smuggled into the item is not taken
    entries = entries_of(eef_docx)
    data = json.loads(etree.fromstring(entries["customXml/item1.xml"]).text)
    data[REVIEW_KEY] = {"comments": []}
    entries["customXml/item1.xml"] = draft_item_xml(json.dumps(data).encode("utf-8"))
    assert REVIEW_KEY not in extract_draft_from_docx(rezip(entries)).extra


# --- files from strangers -----------------------------------------------------------------

def test_not_a_docx_at_all():
    refused(b"", "docx-empty")
    refused(b"%PDF-1.7 this is a PDF", "docx-not-zip")
    refused(b"PK\x03\x04 broken", "docx-not-zip")
    refused(rezip({"hello.txt": b"hi"}), "docx-not-word")


def test_a_word_file_without_a_draft():
    out = io.BytesIO()
    docx.Document().save(out)  # a document python-docx (or Word) made by itself
    error = refused(out.getvalue(), "docx-no-draft")
    assert "ไม่มีร่างหนังสือ" in error.message("th")


def test_a_draft_that_fails_validation_names_its_field(eef_docx):
    entries = entries_of(eef_docx)
    data = json.loads(etree.fromstring(entries["customXml/item1.xml"]).text)
    data["date"]["month"] = 13
    entries["customXml/item1.xml"] = draft_item_xml(json.dumps(data).encode("utf-8"))
    error = refused(rezip(entries), "docx-draft-invalid")
    assert "date.month" in [p.field for p in error.problems]
    assert "ไม่ถูกต้อง" in error.message("th")


def test_a_dtd_with_entities_is_refused_not_expanded(eef_docx):
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;">]>'
              b'<dla:draft xmlns:dla="urn:dla-drafter:draft:1">&c;</dla:draft>')
    entries = entries_of(eef_docx)
    entries["customXml/item1.xml"] = laughs
    refused(rezip(entries), "docx-dtd")
    external = (b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b'<dla:draft xmlns:dla="urn:dla-drafter:draft:1">&x;</dla:draft>')
    entries["customXml/item1.xml"] = external
    refused(rezip(entries), "docx-dtd")


def test_damaged_xml_in_the_draft_part(eef_docx):
    entries = entries_of(eef_docx)
    entries["customXml/item1.xml"] = b"<dla:draft xmlns:dla='urn:dla-drafter:draft:1'>{"
    refused(rezip(entries), "docx-bad-xml")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(eef_docx):
    """A part of 400 MB of zeros packs to ~400 KB: refused from the zip's directory, in well
    under a second and without the memory it would take."""
    entries = entries_of(eef_docx)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            if name != "customXml/item1.xml":
                z.writestr(name, data)
        with z.open("customXml/item1.xml", "w", force_zip64=True) as stream:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(400):
                stream.write(chunk)
    bomb = out.getvalue()
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    refused(bomb, "docx-bomb")
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2.0
    assert peak < 50 * 1024 * 1024
    # a smaller one, within the size limit, is caught by its compression ratio
    entries["customXml/item1.xml"] = b"\0" * (20 * 1024 * 1024)
    refused(rezip(entries), "docx-bomb")


def test_a_zip_that_declares_too_much_or_too_many_parts(eef_docx):
    entries = entries_of(eef_docx)
    many = dict(entries)
    for n in range(MAX_ENTRIES + 1):
        many[f"junk/{n}.txt"] = b""
    refused(rezip(many), "docx-too-many-parts")


def test_the_letter_in_the_docx_is_the_clerks_draft_not_the_printable_copy(monkeypatch):
    """An approved letter prints the approver in its initials grid; the DOCX carries the
    draft as the clerk gave it (the grid as typed), not that printable copy."""
    import copy

    from dla_drafter.model.letter import Initial
    from dla_drafter.review.printing import PrintState

    letter = load_draft(ROOT / "examples" / "circular-2565-ipst.dladraft.json")
    printed = copy.deepcopy(letter)
    printed.initials = [Initial(i.role, "สมศรี" if n == 0 else i.name)
                        for n, i in enumerate(letter.initials)]
    monkeypatch.setattr(pipeline, "print_state",
                        lambda _letter, _keyring=None: PrintState(printed, True))
    data = pipeline.make_outputs(letter, ["x.docx"], SETTINGS).first("docx")
    assert "สมศรี" in entries_of(data)["word/document.xml"].decode("utf-8")  # it prints
    back = extract_draft_from_docx(data)
    assert [(i.role, i.name) for i in back.initials] == [
        (i.role, i.name) for i in letter.initials]
    assert all(not i.name for i in back.initials)


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\x7f"])
def test_a_draft_holding_characters_xml_cannot_still_travels_inside_the_docx(char):
    """A 20,000-case fuzz run found it: a draft whose strings hold U+FFFE (the loader keeps
    unknown keys as they are) made the DOCX writer raise lxml's "All strings must be XML
    compatible". The item escapes them as JSON does, and the same draft comes back."""
    data = letter_to_dict(load_draft(ROOT / "examples" / "memo-2569.dladraft.json"))
    data["future_note"] = f"a{char}b"  # a key of a newer version, kept as it is
    item = draft_item_xml(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert json.loads(etree.fromstring(item).text)["future_note"] == f"a{char}b"
