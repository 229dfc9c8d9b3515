"""What ``check`` passes, ``render`` makes: review records a clerk's tools did not write.

Two crashes the fuzz harness found (issue 13, item 2): a comment whose ``offset`` lies past
its field's end made the DOCX writer raise ``IndexError``, and a control character in a
comment's text made lxml raise "All strings must be XML compatible" — while ``check`` said
"no errors". Now the record reader names such a comment (a warning: a damaged record never
keeps the letter from opening) and every output is made; the Word file is opened to see what
a reader sees.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import exporting
import pytest

from dla_drafter.model.checks import check_letter
from dla_drafter.model.draftio import letter_to_dict, load_draft, loads_draft
from dla_drafter.review import actions
from dla_drafter.review.actions import ReviewError
from dla_drafter.review.integrity import Keyring
from dla_drafter.review.status import review_problems

ROOT = Path(__file__).resolve().parents[2]
EEF = ROOT / "examples" / "circular-2565-eef.dladraft.json"


def with_comments(*comments: dict) -> object:
    """The EEF circular with ``comments`` written into its record as a file would hold them."""
    data = letter_to_dict(load_draft(EEF))
    full = []
    for index, comment in enumerate(comments):
        entry = {"id": f"c0000000{index}", "author": "นางสาวศรีสุดา ใจดี",
                 "at": "2026-12-01T10:20:00+00:00", "resolved": False, "replies": []}
        entry.update(comment)
        full.append(entry)
    data["review"] = {"state": "in_review", "versions": [], "comments": full, "approvals": []}
    return loads_draft(json.dumps(data, ensure_ascii=False))


def all_outputs(letter) -> docx.document.Document:
    """check passes, then PDF, review PDF and DOCX are made; the DOCX, opened."""
    problems = check_letter(letter) + review_problems(letter, Keyring())
    assert not [p for p in problems if p.is_error], problems
    pdf, _ = exporting.pdf(letter)
    review_pdf, _ = exporting.pdf(letter, review=True)
    assert pdf.startswith(b"%PDF-") and review_pdf.startswith(b"%PDF-")
    return docx.Document(io.BytesIO(exporting.docx(letter)))


def comment_texts(document) -> list[str]:
    return ["\n".join(p.text for p in c.paragraphs) for c in document.comments]


@pytest.mark.parametrize("quote", ["", "พัฒนาครู", "ไม่มีในช่องนี้"])
def test_a_comment_whose_offset_lies_past_its_field_still_exports(quote):
    subject = load_draft(EEF).subject
    letter = with_comments({"field": "subject", "quote": quote, "offset": len(subject) + 40,
                            "text": "ดูตรงนี้"})
    document = all_outputs(letter)
    assert comment_texts(document)[0].startswith("ดูตรงนี้")
    where = actions.locate_comment(letter, actions.record_of(letter).comments[0])
    if quote == "ไม่มีในช่องนี้":
        assert where is None  # outdated: hangs on the whole field
    else:
        start, end = where
        assert 0 <= start <= end <= len(subject)
        assert subject[start:end] == quote


def test_a_negative_or_huge_offset_is_ignored_not_trusted():
    letter = with_comments({"field": "subject", "quote": "", "offset": 10**30, "text": "ก"},
                           {"field": "body[0]", "quote": "ตามที่", "offset": -3, "text": "ข"})
    document = all_outputs(letter)
    assert comment_texts(document) == ["ก", "ข"]
    named = {p.field for p in review_problems(letter, Keyring()) if p.code == "review-type"}
    assert named == {"review.comments[1].offset"}  # a huge one is only out of date; -3 is wrong


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe"])
def test_a_control_character_in_a_comment_is_named_and_left_out_of_word(bad):
    letter = with_comments({"field": "subject", "quote": "โครงการ", "offset": 0,
                            "text": f"แก้{bad}ชื่อ", "author": f"นาง{bad}ก",
                            "replies": [{"author": "ข", "at": "", "text": f"ตก{bad}ลง"}]})
    warnings = review_problems(letter, Keyring())
    named = {p.field for p in warnings if p.code == "review-control-char"}
    assert {"review.comments[0].text", "review.comments[0].author",
            "review.comments[0].replies[0].text"} <= named
    message = next(p for p in warnings if p.field == "review.comments[0].text").message("th")
    assert "ความเห็น รายการที่ ๑ ข้อความความเห็น" in message and f"U+{ord(bad):04X}" in message
    document = all_outputs(letter)
    assert comment_texts(document) == ["แก้ชื่อ", "ตกลง"]
    assert list(document.comments)[0].author == "นางก"


def test_a_comment_dated_past_the_calendar_still_exports():
    letter = with_comments({"field": "subject", "quote": "", "offset": 0, "text": "ก",
                            "at": "9999-12-31T23:59:59-14:00"})
    document = all_outputs(letter)
    assert comment_texts(document) == ["ก"]


def test_the_program_never_writes_a_control_character_into_a_comment():
    letter = load_draft(EEF)
    with pytest.raises(ReviewError) as caught:
        actions.add_comment(letter, "subject", "โครงการ", "แก้\x07ชื่อ", "ก")
    assert caught.value.problem.field == "subject"
    assert "U+0007" in caught.value.message("th")
    comment = actions.add_comment(letter, "subject", "โครงการ", "แก้ชื่อ\nบรรทัดสอง", "ก")
    with pytest.raises(ReviewError):
        actions.reply_to_comment(letter, comment, "ตก\x00ลง", "ข")
    assert actions.record_of(letter).comment(comment).replies == ()


def test_add_comment_keeps_only_an_offset_inside_the_field():
    letter = load_draft(EEF)
    comment_id = actions.add_comment(letter, "subject", "", "ทั้งช่อง", "ก",
                                     offset=len(letter.subject) + 10)
    comment = actions.record_of(letter).comment(comment_id)
    assert 0 <= comment.offset <= len(letter.subject)
