"""The parts every kind shares: the number, the date, labelled parts, the body, the signature,
the contacts and what follows the letter's end — worded once, with the draft's digits."""

from __future__ import annotations

from dla_drafter.compose.blocks import (
    ContactBlock,
    CopiesTo,
    DateLine,
    InitialsGrid,
    Labelled,
    LabelledItem,
    Paragraph,
    QRBlock,
    RecipientsList,
    Signature,
    TopMarks,
)
from dla_drafter.compose.parts import (
    FILE_COPY_NOTE,
    amount,
    body,
    contact_block,
    date_line,
    number_line,
    number_value,
    numbered,
    printer,
    references_and_enclosures,
    salutation,
    signature,
    subject,
    top_marks,
    trailing,
)
from dla_drafter.model.letter import STANDARD_INITIAL_ROLES, Initial, Letter, Number


def test_the_printer_strips_and_converts_digits_by_the_drafts_mode(letter: Letter) -> None:
    assert printer(letter)("  ครั้งที่ 2 ") == "ครั้งที่ ๒"
    letter.digits = "arabic"
    assert printer(letter)("ครั้งที่ ๒") == "ครั้งที่ 2"
    letter.digits = "as-typed"
    assert printer(letter)("๑ and 2") == "๑ and 2"


def test_several_items_are_numbered_a_single_one_is_not() -> None:
    assert numbered(["ก"], "thai") == [(None, "ก")]
    assert numbered(["ก", "ข"], "thai") == [("๑.", "ก"), ("๒.", "ข")]
    assert numbered(["ก", "ข"], "arabic") == [("1.", "ก"), ("2.", "ข")]
    assert numbered([], "thai") == []


def test_the_number_of_a_circular_a_letter_and_one_left_for_the_registry() -> None:
    def line(code: str, circular: bool, serial: str | None) -> tuple[str, bool]:
        return number_line(Letter(number=Number(code, circular, serial)))

    assert line("มท 0816.3", True, "15") == ("ที่ มท ๐๘๑๖.๓/ว ๑๕", False)
    assert line("มท 0816.3", False, "15") == ("ที่ มท ๐๘๑๖.๓/๑๕", False)
    assert line("มท 0816.3", True, None) == ("ที่ มท ๐๘๑๖.๓/ว", True)
    assert line("มท 0816.3", False, " ") == ("ที่ มท ๐๘๑๖.๓/", True)  # room after the slash
    assert line("มท 0816.3/", False, None) == ("ที่ มท ๐๘๑๖.๓/", True)  # no second slash
    assert line("", False, None) == ("ที่", True)
    assert number_value(Letter(number=Number("มท 0816.3", True, "15"))) == (
        "มท ๐๘๑๖.๓/ว ๑๕", False)


def test_top_marks_only_when_urgent_or_a_file_copy(letter: Letter) -> None:
    assert top_marks(letter) == []
    letter.urgency = "ด่วนที่สุด"
    assert top_marks(letter) == [TopMarks("ด่วนที่สุด", None)]
    letter.file_copy = True
    assert top_marks(letter) == [TopMarks("ด่วนที่สุด", FILE_COPY_NOTE)]
    assert FILE_COPY_NOTE == "(สำเนาคู่ฉบับ)"


def test_the_date_in_thai_and_room_for_a_blank_day(letter: Letter) -> None:
    assert date_line(letter) == DateLine("๒", "มิถุนายน ๒๕๖๙")
    letter.date.day = None
    assert date_line(letter) == DateLine(None, "มิถุนายน ๒๕๖๙")


def test_subject_and_salutation_are_labelled_parts(letter: Letter) -> None:
    assert subject(letter) == Labelled(
        "subject", "เรื่อง", (LabelledItem("การประชุมเชิงปฏิบัติการ ครั้งที่ ๒"),))
    assert salutation(letter) == Labelled(
        "salutation", "เรียน", (LabelledItem("ผู้ว่าราชการจังหวัด ทุกจังหวัด"),))
    letter.salutation = " "
    assert salutation(letter).label == "เรียน"  # a blank salutation still greets


def test_references_and_enclosures_numbered_with_their_amounts(letter: Letter) -> None:
    references, enclosures = references_and_enclosures(letter)
    assert references == Labelled("references", "อ้างถึง", (LabelledItem(
        "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๖.๓/ว ๑๗๕๐"),))
    assert enclosures == Labelled("enclosures", "สิ่งที่ส่งมาด้วย", (
        LabelledItem("กำหนดการ", "๑.", "จำนวน ๑ ชุด"),
        LabelledItem("แบบตอบรับ", "๒.", "จำนวน ๒ แผ่น")))
    letter.references, letter.enclosures = [" "], []
    assert references_and_enclosures(letter) == []


def test_an_amount_is_prefixed_with_its_word_once() -> None:
    assert amount("1 ชุด", "thai") == "จำนวน ๑ ชุด"
    assert amount("จำนวน 2 แผ่น", "arabic") == "จำนวน 2 แผ่น"
    assert amount("  ", "thai") is None


def test_the_body_skips_blank_paragraphs_and_keeps_their_index(letter: Letter) -> None:
    assert body(letter) == [
        Paragraph("body", "ด้วยกรมจะจัดประชุมในวันที่ ๑๕ มิถุนายน ๒๕๖๙", 0),
        Paragraph("body", "จึงขอเชิญเข้าร่วมประชุม", 2),
        Paragraph("closing", "จึงเรียนมาเพื่อโปรดพิจารณา")]
    letter.closing = ""
    assert [b.part for b in body(letter)] == ["body", "body"]


def test_the_signature_name_in_parentheses_or_room_to_write_it(letter: Letter) -> None:
    assert signature(letter) == Signature(
        "(นายสมชาย ใจดี)", ("อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",), e_saraban=False)
    letter.signer.name = " "
    assert signature(letter).name_line == "(" + " " * 40 + ")"
    letter.signer.e_saraban = True
    assert signature(letter).e_saraban is True


def test_contacts_each_naming_its_field(letter: Letter) -> None:
    assert contact_block(letter) == ContactBlock(
        ("กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น", "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒",
         "โทรสาร ๐ ๒๒๔๑ ๙๐๒๑"),
        (("owner_unit", 0), ("contact.phone", None), ("contact.fax", None)))
    assert contact_block(letter, owner_unit=False, skip=("phone",)) == ContactBlock(
        ("โทรสาร ๐ ๒๒๔๑ ๙๐๒๑",), (("contact.fax", None),))
    assert contact_block(Letter()) is None


def test_what_follows_the_end_qr_copies_initials_and_the_distribution_list(
        letter: Letter) -> None:
    assert trailing(letter) == []
    letter.qr.url = " https://bit.ly/3I4Rmeo "
    letter.copies_to = ["กองคลัง", " "]
    letter.file_copy = True
    letter.recipients.names = ["ผู้ว่าราชการจังหวัดกระบี่", "", "ผู้ว่าราชการจังหวัดตรัง"]
    qr, copies, grid, names = trailing(letter)
    assert qr == QRBlock("QR Code สิ่งที่ส่งมาด้วย", "https://bit.ly/3I4Rmeo")
    assert copies == CopiesTo("สำเนาส่ง", ("กองคลัง",))
    assert grid == InitialsGrid(tuple((role, "") for role in STANDARD_INITIAL_ROLES))
    assert names == RecipientsList("บัญชีรายชื่อแนบท้าย", (
        "๑. ผู้ว่าราชการจังหวัดกระบี่", "๒. ผู้ว่าราชการจังหวัดตรัง"))
    letter.initials = [Initial("ร่าง", "สมชาย"), Initial(" ", " ")]
    assert trailing(letter)[2] == InitialsGrid((("ร่าง", "สมชาย"),))
