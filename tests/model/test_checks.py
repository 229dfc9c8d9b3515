"""Regulation and completeness checks, with a fixed ``today``."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from dla_drafter.model.checks import check_letter
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.model.letter import Enclosure, Letter
from dla_drafter.problems import Problem

TODAY = datetime.date(2022, 7, 1)  # = 1 กรกฎาคม 2565


@pytest.fixture
def letter(complete_example: dict[str, Any]) -> Letter:
    """The spec example, its signer's name and distribution list filled in: a complete
    circular of June 2565, clean on TODAY."""
    return letter_from_dict(complete_example)


def codes(problems: list[Problem]) -> set[tuple[str, str, str]]:
    return {(p.field, p.code, p.severity) for p in problems}


def check(letter: Letter, today: datetime.date = TODAY) -> list[Problem]:
    return check_letter(letter, today)


def test_the_spec_example_lacks_only_its_signers_name_and_its_list(example) -> None:
    """The spec's example leaves the signer's name blank and addresses "(ตามรายชื่อแนบท้าย)"
    with no list: the two checks issue 13 found missing. Filled in, it is clean."""
    letter = letter_from_dict(example)
    assert codes(check(letter)) == {
        ("signer.name", "signer-name-missing", "warning"),
        ("recipients.names", "distribution-list-missing", "warning"),
    }
    letter.signer.name = "นายประยูร อินสกุล"
    letter.recipients.names = ["ผู้ว่าราชการจังหวัดกระบี่", "ผู้ว่าราชการจังหวัดชุมพร"]
    assert check(letter) == []


def test_an_empty_signers_name_is_named(letter: Letter) -> None:
    letter.signer.name = "   "
    [problem] = [p for p in check(letter) if p.field == "signer.name"]
    assert problem.code == "signer-name-missing" and not problem.is_error
    assert "ชื่อผู้ลงนาม" in problem.message_th and "( )" in problem.message_th
    letter.kind = "stamped"  # prints no signer's name: nothing to fill in
    assert "signer-name-missing" not in {p.code for p in check(letter)}
    letter.kind = "external"
    letter.signer.e_saraban = True  # its own, stronger warning; not both
    found = [p.code for p in check(letter) if p.field == "signer.name"]
    assert found == ["e-saraban-name-missing"]


@pytest.mark.parametrize("addressee", ["ผู้ว่าราชการจังหวัด (ตามบัญชีรายชื่อแนบท้าย)",
                                       "นายกองค์การบริหารส่วนตำบล ตามรายชื่อแนบท้าย"])
def test_a_list_addressee_needs_the_list(letter: Letter, addressee: str) -> None:
    letter.signer.name = "นายประยูร อินสกุล"
    letter.addressee = addressee
    letter.recipients.names = ["", "  "]  # blank lines are no list
    [problem] = check(letter)
    assert (problem.field, problem.code) == ("recipients.names", "distribution-list-missing")
    assert "บัญชีรายชื่อแนบท้าย" in problem.message_th
    letter.recipients.names = ["นายกองค์การบริหารส่วนตำบลบ้านใหม่"]
    assert check(letter) == []


def test_a_list_needs_an_addressee_that_points_to_it(letter: Letter) -> None:
    letter.signer.name = "นายประยูร อินสกุล"
    letter.addressee = "ผู้ว่าราชการจังหวัด"
    letter.recipients.names = ["ผู้ว่าราชการจังหวัดกระบี่", "ผู้ว่าราชการจังหวัดชุมพร"]
    [problem] = check(letter)
    assert (problem.field, problem.code) == ("addressee", "distribution-list-unnamed")
    assert "๒ รายการ" in problem.message_th and "(ตามบัญชีรายชื่อแนบท้าย)" in problem.message_th
    letter.kind = "order"  # no addressee to point to it: a list of who receives the order
    letter.addressee = ""
    assert "distribution-list-unnamed" not in {p.code for p in check(letter)}


def test_missing_subject_addressee_and_body_are_errors(letter: Letter) -> None:
    letter.subject = "  "
    letter.addressee = ""
    letter.body = ["", "   "]  # empty paragraphs do not count
    found = codes(check(letter))
    assert ("subject", "subject-missing", "error") in found
    assert ("addressee", "addressee-missing", "error") in found
    assert ("body", "body-missing", "error") in found


def test_errors_come_first(letter: Letter) -> None:
    letter.closing = ""
    letter.subject = ""
    problems = check(letter)
    assert problems[0].is_error
    assert [p.is_error for p in problems] == sorted((p.is_error for p in problems), reverse=True)


def test_orders_have_no_addressee(letter: Letter) -> None:
    letter.kind = "order"
    letter.addressee = ""
    assert "addressee-missing" not in {p.code for p in check(letter)}


def test_invalid_month_and_day_reuse_the_validation(letter: Letter) -> None:
    letter.date.month = 13
    (problem,) = [p for p in check(letter) if p.field == "date.month"]
    assert problem.code == "month-range" and problem.is_error
    assert problem.message() == "เดือน: ต้องเป็นเลข ๑–๑๒ แต่ได้ 13"
    assert problem.message(path=True) == "เดือน (date.month): ต้องเป็นเลข ๑–๑๒ แต่ได้ 13"
    letter.date.month = 4
    letter.date.day = 31
    assert ("date.day", "day-range", "error") in codes(check(letter))


def test_close_must_match_the_salutation(letter: Letter) -> None:
    letter.salutation = "กราบเรียน"
    letter.addressee = "นายกรัฐมนตรี"
    letter.recipients.names = []  # one addressee: no distribution list
    letter.complimentary_close = "ขอแสดงความนับถือ"
    problems = [p for p in check(letter) if p.code == "close-mismatch"]
    assert len(problems) == 1
    assert problems[0].field == "complimentary_close" and problems[0].severity == "warning"
    assert "ขอแสดงความนับถืออย่างยิ่ง" in problems[0].message_th
    assert problems[0].message().startswith("คำลงท้าย: ")
    letter.complimentary_close = "ขอแสดงความนับถืออย่างยิ่ง"
    assert check(letter) == []


def test_addressee_needing_another_salutation(letter: Letter) -> None:
    letter.addressee = "นายกรัฐมนตรี"  # needs กราบเรียน; the letter says เรียน
    letter.number.circular = False
    found = codes(check(letter))
    assert ("salutation", "salutation-for-addressee", "warning") in found
    (problem,) = [p for p in check(letter) if p.code == "salutation-for-addressee"]
    assert "กราบเรียน" in problem.message_th and "ขอแสดงความนับถืออย่างยิ่ง" in problem.message_th


def test_monk_close_below_rank(letter: Letter) -> None:
    letter.number.circular = False
    letter.addressee = "สมเด็จพระพุฒาจารย์"
    letter.recipients.names = []  # one addressee: no distribution list
    letter.salutation = "นมัสการ"
    letter.complimentary_close = "ขอนมัสการด้วยความเคารพ"
    assert ("complimentary_close", "close-for-addressee", "warning") in codes(check(letter))
    letter.complimentary_close = "ขอนมัสการด้วยความเคารพอย่างยิ่ง"
    assert check(letter) == []
    letter.addressee = "พระครูสุนทรธรรมโกวิท"  # more respect than needed is not flagged
    assert check(letter) == []


def test_royal_addressee_is_a_warning(letter: Letter) -> None:
    letter.number.circular = False
    letter.addressee = "สมเด็จพระกนิษฐาธิราชเจ้า กรมสมเด็จพระเทพรัตนราชสุดาฯ"
    letter.recipients.names = []  # one addressee: no distribution list
    problems = check(letter)
    assert codes(problems) == {("addressee", "royal-addressee", "warning")}
    assert "ราชาศัพท์" in problems[0].message_th


def test_list_addressee_without_circular(letter: Letter) -> None:
    letter.number.circular = False
    problems = [p for p in check(letter) if p.code == "circular-missing"]
    assert len(problems) == 1
    assert problems[0].field == "number.circular"
    assert "หนังสือเวียนควรมี ว" in problems[0].message_th


def test_distribution_list_without_circular(letter: Letter) -> None:
    letter.number.circular = False
    letter.addressee = "ผู้ว่าราชการจังหวัด"
    letter.recipients.names = []  # one addressee: no distribution list
    assert check(letter) == []
    letter.recipients.names = ["ผู้ว่าราชการจังหวัดกระบี่"]
    assert ("number.circular", "circular-missing", "warning") in codes(check(letter))


def test_doubled_wor(letter: Letter) -> None:
    letter.number.code = "มท 0816.3/ว"
    letter.number.serial = "1750"
    assert ("number.code", "circular-double-wor", "warning") in codes(check(letter))
    letter.number.code = "มท 0816.3"
    letter.number.serial = "ว 1750"
    assert ("number.serial", "circular-double-wor", "warning") in codes(check(letter))
    letter.number.serial = "1750"
    assert check(letter) == []


def test_wor_typed_by_hand_on_a_non_circular(letter: Letter) -> None:
    letter.number.circular = False
    letter.number.code = "มท 0816.3/ว"
    found = codes(check(letter))
    assert ("number.code", "wor-typed", "warning") in found
    assert "circular-missing" not in {code for _, code, _ in found}


def test_empty_number_code(letter: Letter) -> None:
    letter.number.code = ""
    assert ("number.code", "number-code-missing", "warning") in codes(check(letter))


@pytest.mark.parametrize(
    ("day", "month", "year", "code"),
    [
        (None, 6, 2565, None),  # this month's circular, day blank
        (None, 7, 2565, None),
        (None, 8, 2565, "date-future"),
        (2, 7, 2565, "date-future"),
        (1, 7, 2565, None),
        (1, 7, 2564, None),  # exactly a year back
        (30, 6, 2564, "date-old"),
        (None, 7, 2564, None),
        (None, 6, 2564, "date-old"),
        (1, 7, 2022, None),  # a CE year: already an error, no age warning on top
    ],
)
def test_date_too_old_or_in_the_future(
    letter: Letter, day: int | None, month: int, year: int, code: str | None
) -> None:
    letter.date.day, letter.date.month, letter.date.year = day, month, year
    age = [p for p in check(letter) if p.code in ("date-old", "date-future")]
    assert [p.code for p in age] == ([code] if code else [])
    if age:
        assert age[0].field == "date" and age[0].severity == "warning"


def test_enclosure_without_amount(letter: Letter) -> None:
    letter.enclosures.append(Enclosure(text="แบบสำรวจ", amount=" "))
    problems = [p for p in check(letter) if p.code == "enclosure-amount-missing"]
    assert [p.field for p in problems] == ["enclosures[1].amount"]
    assert problems[0].message().startswith("สิ่งที่ส่งมาด้วย รายการที่ ๒ จำนวน: ")


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.dla.go.th/upload/document/type2/2022/6/x.pdf", True),
        ("http://example.go.th", True),
        ("www.dla.go.th", False),
        ("ftp://dla.go.th/a", False),
        ("https://", False),
        ("https://dla.go.th/a b", False),
        ("javascript:alert(1)", False),
    ],
)
def test_qr_url(letter: Letter, url: str, ok: bool) -> None:
    letter.qr.url = url
    flagged = ("qr.url", "qr-url-invalid", "warning") in codes(check(letter))
    assert flagged is not ok


def test_signer_position_and_closing_paragraph(letter: Letter) -> None:
    letter.signer.position = [" "]
    letter.closing = ""
    found = codes(check(letter))
    assert ("signer.position", "signer-position-missing", "warning") in found
    assert ("closing", "closing-missing", "warning") in found


def test_signer_name_parentheses(letter: Letter) -> None:
    letter.signer.name = "นายสมชาย ใจดี"
    assert check(letter) == []  # we add the parentheses ourselves
    letter.signer.name = "(นายสมชาย ใจดี)"
    assert codes(check(letter)) == {("signer.name", "signer-name-parentheses", "warning")}


def test_salutation_close_mismatch_not_checked_for_memo(letter: Letter) -> None:
    letter.kind = "memo"  # a memo has no คำลงท้าย
    letter.complimentary_close = "ขอแสดงความนับถืออย่างยิ่ง"
    # no mismatch is reported, only that a memo prints neither the close nor the address
    assert codes(check(letter)) == {("complimentary_close", "not-printed", "warning"),
                                    ("agency.address", "not-printed", "warning")}


def test_invisible_characters_show_as_warnings(letter: Letter) -> None:
    letter.subject = "ทดสอบ\u200b"
    assert codes(check(letter)) == {("subject", "invisible-char", "warning")}


def test_today_defaults_to_the_real_date() -> None:
    today = datetime.date.today()
    letter = Letter(subject="ก", addressee="ข", body=["ค"], closing="ง")
    letter.date.year, letter.date.month = today.year + 543, today.month
    letter.signer.position = ["ตำแหน่ง"]
    letter.signer.name = "ชื่อ"
    letter.number.code = "มท 0816.3"
    assert check_letter(letter) == []
