"""Problem messages name the field as a clerk knows it, in Thai and English; the path (in
parentheses) only when asked for."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from dla_drafter.fields import field_label
from dla_drafter.problems import DraftError, Problem


@pytest.mark.parametrize(
    ("path", "thai", "english"),
    [
        ("subject", "เรื่อง", "subject"),
        ("salutation", "คำขึ้นต้น", "salutation"),
        ("date.month", "เดือน", "month"),
        ("date.year", "ปี พ.ศ.", "year (B.E.)"),
        ("body[2]", "ข้อความ ย่อหน้าที่ ๓", "body paragraph 3"),
        ("enclosures[0]", "สิ่งที่ส่งมาด้วย รายการที่ ๑", "enclosures item 1"),
        ("enclosures[0].amount", "สิ่งที่ส่งมาด้วย รายการที่ ๑ จำนวน", "enclosures item 1 amount"),
        ("signer.position[1]", "ตำแหน่งผู้ลงนาม บรรทัดที่ ๒", "signer's position line 2"),
        ("recipients.names[10]", "บัญชีรายชื่อแนบท้าย ลำดับที่ ๑๑", "distribution list name 11"),
        ("initials[0].role", "ช่องลงชื่อย่อท้ายสำเนาคู่ฉบับ แถวที่ ๑ หน้าที่", "initials grid row 1 role"),
        ("", "ไฟล์ร่าง", "draft file"),
        ("x-future.a[0]", "x-future.a[0]", "x-future.a[0]"),  # unknown: the path itself
        ("number.x", "number.x", "number.x"),
        ("review.approvals[1]", "การอนุมัติ รายการที่ ๒", "approval item 2"),
        ("review.comments[0].replies[2].author", "ความเห็น รายการที่ ๑ คำตอบ รายการที่ ๓ ผู้ตอบ",
         "comment item 1 reply item 3 author"),
        ("review.comments[3].text", "ความเห็น รายการที่ ๔ ข้อความความเห็น", "comment item 4 text"),
    ],
)
def test_field_labels(path: str, thai: str, english: str) -> None:
    assert field_label(path) == thai
    assert field_label(path, "en") == english


def test_message_names_the_field_and_gives_the_path_when_asked() -> None:
    problem = Problem("body[2]", "control-char", "error", "มีแท็บ", "contains a TAB")
    assert problem.message() == "ข้อความ ย่อหน้าที่ ๓: มีแท็บ"
    assert problem.message("en") == "body paragraph 3: contains a TAB"
    assert problem.message(path=True) == "ข้อความ ย่อหน้าที่ ๓ (body[2]): มีแท็บ"
    assert problem.message("en", path=True) == "body paragraph 3 (body[2]): contains a TAB"
    review = Problem("review.approvals[0]", "approval-stale", "warning", "ก", "a")
    assert review.message() == "การอนุมัติ รายการที่ ๑: ก"  # not "(review.approvals[0])"
    assert Problem("x-y", "c", "warning", "ก", "a").message(path=True) == "x-y: ก"
    assert str(problem) == problem.message("th")
    assert not Problem("x-y", "c", "warning", "ก", "a").is_error
    assert Problem("x-y", "c", "warning", "ก", "a").message() == "x-y: ก"
    assert Problem("", "c", "error", "ไม่พบไฟล์", "missing").message() == "ไฟล์ร่าง: ไม่พบไฟล์"


def test_message_is_one_line_even_when_quoting_a_newline() -> None:
    problem = Problem("subject", "c", "error", 'ได้ "ก\nข"', 'got "a\nb"')
    assert "\n" not in problem.message() and "\n" not in problem.message("en")


def test_draft_error_reports_every_error_in_both_languages(tmp_path: Path) -> None:
    problems = [
        Problem("date.month", "month-range", "error", "ต้องเป็นเลข ๑–๑๒ แต่ได้ 13", "must be 1–12"),
        Problem("subject", "type", "error", "ต้องเป็นข้อความ", "must be text"),
        Problem("body[0]", "invisible-char", "warning", "ลบอักขระ", "removed"),
    ]
    error = DraftError(problems, tmp_path / "a.json")
    text = str(error)
    assert str(tmp_path / "a.json") in text
    assert "มีปัญหา 2 รายการ" in text and "has 2 problems" in text
    assert "เดือน: ต้องเป็นเลข ๑–๑๒ แต่ได้ 13" in text and "(date.month)" not in text
    assert "subject: must be text" in text
    assert "removed" not in text  # warnings are not errors
    assert error.errors == problems[:2] and error.warnings == problems[2:]
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == problems and copy.path == error.path
