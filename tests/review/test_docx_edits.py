"""A DOCX edited as Word edits it, without Track Changes, read back field by field.

The edits are made with python-docx on the DOCX the program exported — changing a word in a
run, deleting a paragraph, adding one — exactly as Word leaves them in the file (no revision
marks), and ``docx_field_edits`` must report exactly the fields that changed.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx
import pytest

from dla_drafter import pipeline
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.render.docx_draft import DocxDraftError
from dla_drafter.review.docx_edits import docx_field_edits
from dla_drafter.settings import RenderSettings

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = RenderSettings(use_system_th_sarabun=False)
SECOND_REFERENCE = "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 999 ลงวันที่ 1 กรกฎาคม 2564"


def eef(**changes):
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text("utf-8"))
    data.update(changes)
    return letter_from_dict(data)


@pytest.fixture(scope="module")
def two_references():
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text("utf-8"))
    letter = letter_from_dict({**data, "references": [*data["references"], SECOND_REFERENCE]})
    return letter, pipeline.make_outputs(letter, ["x.docx"], SETTINGS).first("docx")


def edited(data: bytes, edit) -> bytes:
    document = docx.Document(io.BytesIO(data))
    edit(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_in_runs(document, old: str, new: str) -> None:
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
                return
    raise AssertionError(f"{old!r} is not in any run")


def delete_paragraph(document, needle: str) -> None:
    paragraph = next(p for p in document.paragraphs if needle in p.text)
    paragraph._element.getparent().remove(paragraph._element)


def test_an_untouched_docx_has_no_edits(two_references):
    letter, data = two_references
    embedded, edits = docx_field_edits(data)
    assert edits == {}
    assert embedded.references == letter.references


def test_a_word_changed_and_a_reference_line_deleted_are_exactly_two_fields(two_references):
    letter, data = two_references

    def edit(document):
        replace_in_runs(document, "เป็นต้นมา นั้น", "เป็นต้นมาแล้ว นั้น")  # body[0], page one
        delete_paragraph(document, "ว ๙๙๙")  # the second อ้างถึง line (printed in Thai digits)

    embedded, edits = docx_field_edits(edited(data, edit))
    assert set(edits) == {"body[0]", "references[1]"}
    assert edits["references[1]"] == ""
    # the new text is the draft's own, with the one change: the digits stay as the clerk
    # typed them (Arabic), although the letter prints them in Thai
    assert edits["body[0]"] == letter.body[0].replace("เป็นต้นมา นั้น", "เป็นต้นมาแล้ว นั้น")
    assert "2563" in edits["body[0]"]
    assert embedded.references == letter.references  # the draft as exported


def test_an_edit_on_the_page_a_paragraph_was_carried_over_to(two_references):
    """body[1] runs from page one onto page two (split in the DOCX): a word changed in its
    part on page two is still an edit of body[1]."""
    letter, data = two_references

    def edit(document):
        replace_in_runs(document, "รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย", "รายละเอียดตามสิ่งที่ส่งมาด้วย")

    _embedded, edits = docx_field_edits(edited(data, edit))
    assert list(edits) == ["body[1]"]
    assert edits["body[1]"].endswith("รายละเอียดตามสิ่งที่ส่งมาด้วย")


def test_several_fields_in_one_paragraph_are_told_apart():
    """The signer's name between its brackets, an enclosure's amount after its tab."""
    letter = eef()
    letter.signer.name = "นายประยูร รัตนเสนีย์"
    data = pipeline.make_outputs(letter, ["x.docx"], SETTINGS).first("docx")

    def edit(document):
        replace_in_runs(document, "รัตนเสนีย์", "รัตนเสนีย")
        replace_in_runs(document, "จำนวน ๑ ชุด", "จำนวน ๒ ชุด")

    _embedded, edits = docx_field_edits(edited(data, edit))
    # the amount is typed "1 ชุด" (the letter prints "จำนวน ๑ ชุด"): the digit typed in Word
    # is the new text, the rest stays as the clerk typed it
    assert edits == {"signer.name": "นายประยูร รัตนเสนีย", "enclosures[0].amount": "๒ ชุด"}


def test_a_paragraph_added_in_word_is_not_lost():
    data = pipeline.make_outputs(eef(), ["x.docx"], SETTINGS).first("docx")

    def edit(document):
        closing = next(p for p in document.paragraphs if p.text == "จึงเรียนมาเพื่อโปรดพิจารณา")
        new = copy.deepcopy(closing._element)
        closing._element.addprevious(new)
        for t in new.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
            t.text = ""
        new.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t").text = (
            "ทั้งนี้ ให้รายงานผลภายในวันที่ ๓๐ กันยายน")

    _embedded, edits = docx_field_edits(edited(data, edit))
    assert list(edits) == ["body[1]"]
    assert edits["body[1]"].endswith("\nทั้งนี้ ให้รายงานผลภายในวันที่ ๓๐ กันยายน")


def test_a_docx_without_a_draft_is_refused():
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(DocxDraftError) as info:
        docx_field_edits(out.getvalue())
    assert info.value.code == "docx-no-draft"


def test_a_docx_stuffed_with_paragraphs_costs_seconds_not_minutes(two_references):
    """Thousands of paragraphs where the letter's were (a hostile or broken file): the
    comparison looks only a little ahead, and past a limit the file is refused."""
    import time

    from dla_drafter.review.docx_edits import MAX_PARAGRAPHS

    _letter, data = two_references

    def stuff(count: int):
        def edit(document):
            body = document.element.body
            template = next(p for p in document.paragraphs if "ตามที่" in p.text)._element
            for n in range(count):
                clone = copy.deepcopy(template)
                for t in clone.iter("{http://schemas.openxmlformats.org/wordprocessingml/"
                                    "2006/main}t"):
                    t.text = f"ย่อหน้าที่ {n} " * 5
                body.insert(2, clone)
        return edit

    started = time.perf_counter()
    _embedded, edits = docx_field_edits(edited(data, stuff(2_000)))
    assert time.perf_counter() - started < 30
    assert edits  # the stuffing landed on a field, nothing crashed
    with pytest.raises(DocxDraftError) as info:
        docx_field_edits(edited(data, stuff(MAX_PARAGRAPHS + 10)))
    assert info.value.code == "docx-too-many-paragraphs"
