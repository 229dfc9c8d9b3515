"""What the window says about problems and errors: field names in Thai, never field paths."""

from __future__ import annotations

from dla_drafter.merge.fields import FieldError
from dla_drafter.merge.run import MergeError, RowProblem
from dla_drafter.problems import DrafterError, Problem
from dla_drafter.ui.i18n import set_language
from dla_drafter.ui.messages import (
    error_lines,
    error_text,
    field_name,
    problem_text,
    row_problem_text,
    support_tip,
)


def test_a_problem_reads_with_the_fields_thai_name() -> None:
    problem = Problem("review.approvals[0]", "approval-stale", "warning", "ไม่ตรงกับฉบับนี้",
                      "no longer matches")
    assert problem_text(problem) == "การอนุมัติ รายการที่ ๑: ไม่ตรงกับฉบับนี้"
    assert field_name("enclosures[0].amount") == "สิ่งที่ส่งมาด้วย รายการที่ ๑ จำนวน"
    # a key a newer version wrote has no better name than its path
    assert field_name("x_future.key") == "x_future.key"
    assert problem_text(Problem(None, "os", "error", "เขียนไม่ได้", "cannot write")) == \
        "เขียนไม่ได้"


def test_a_merged_rows_problem_names_row_column_and_field_not_path() -> None:
    problem = RowProblem(6, "งบประมาณ", "body[1]", "error", "ไม่มีข้อมูลในคอลัมน์นี้",
                         "no value in this column")
    text = row_problem_text(problem)
    assert text == 'แถวที่ ๖ คอลัมน์ "งบประมาณ": ข้อความ ย่อหน้าที่ ๒: ไม่มีข้อมูลในคอลัมน์นี้'
    assert "body" not in text


def test_errors_of_every_kind_read_without_paths() -> None:
    drafter = DrafterError([Problem("addressee", "x", "error", "ต้องกรอก", "required"),
                            Problem("date.month", "y", "error", "เดือนผิด", "bad month")])
    assert error_lines(drafter) == ["ผู้รับ (ตำแหน่งที่มีหนังสือถึง): ต้องกรอก", "เดือน: เดือนผิด"]
    merge = MergeError([RowProblem(None, "อำเภอ", "subject", "error", "ไม่มีคอลัมน์", "none")])
    assert error_lines(merge) == ['คอลัมน์ "อำเภอ": เรื่อง: ไม่มีคอลัมน์']
    field = FieldError("references[0]", None, "open", "« ไม่ได้ปิด", "« not closed")
    assert error_lines(field) == ["อ้างถึง รายการที่ ๑: « ไม่ได้ปิด"]
    disk = PermissionError(13, "Permission denied", "/x/letter.pdf")
    assert "/x/letter.pdf" in error_text(disk)
    many = DrafterError([Problem("subject", str(i), "error", f"ข้อ {i}", f"item {i}")
                         for i in range(15)])
    lines = error_text(many, limit=12).splitlines()
    assert len(lines) == 13 and lines[-1] == "… อีก ๓ รายการ"


def test_english_interface_uses_english_names() -> None:
    set_language("en")
    try:
        problem = RowProblem(6, "x", "addressee", "error", "ว่าง", "blank")
        assert row_problem_text(problem) == 'row 6 column "x": Addressee: blank'
    finally:
        set_language("th")


def test_the_path_stays_for_support_staff_in_tooltips() -> None:
    assert support_tip("คลิกเพื่อไปยังช่องนี้", "body[1]") == "คลิกเพื่อไปยังช่องนี้ [body[1]]"
    assert support_tip("คลิก", "") == "คลิก"
