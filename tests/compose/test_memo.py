"""The บันทึกข้อความ (memo): ส่วนราชการ / ที่ + วันที่ / เรื่อง on dotted leaders, no คำลงท้าย, the
phone in the head rather than at the bottom."""

from __future__ import annotations

from dla_drafter.compose.blocks import (
    ComplimentaryClose,
    ContactBlock,
    Emblem,
    FieldText,
    Heading,
    Labelled,
    MemoHead,
    MemoRow,
    Paragraph,
    Signature,
)
from dla_drafter.compose.memo import MEMO_TITLE, agency_value, compose_memo, memo_head
from dla_drafter.model.letter import Letter


def test_the_memo_head_rows_each_naming_its_field(letter: Letter) -> None:
    letter.kind = "memo"
    letter.number.circular = False
    assert memo_head(letter) == MemoHead(
        MEMO_TITLE,
        MemoRow("ส่วนราชการ", "agency.name", (
            FieldText("กรมส่งเสริมการปกครองท้องถิ่น", "agency.name"),
            FieldText("(กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น)", "owner_unit", 0),
            FieldText("โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒", "contact.phone"))),
        MemoRow("ที่", "number.code", (FieldText("มท ๐๘๑๖.๓/๑๕", "number.code"),)),
        MemoRow("วันที่", "date.month", (FieldText("๒", "date.day"),
                                        FieldText("มิถุนายน ๒๕๖๙", "date.month"))),
        MemoRow("เรื่อง", "subject", (FieldText("การประชุมเชิงปฏิบัติการ ครั้งที่ ๒", "subject"),)),
    )
    assert MEMO_TITLE == "บันทึกข้อความ"


def test_a_blank_day_leaves_room_and_a_blank_code_leaves_the_row_empty(letter: Letter) -> None:
    letter.date.day = None
    letter.number.code = ""
    letter.number.serial = None
    head = memo_head(letter)
    assert head.date == MemoRow("วันที่", "date.month",
                                (FieldText("มิถุนายน ๒๕๖๙", "date.month"),), leave_room=True)
    assert head.number.value == (FieldText("/ว", "number.code"),)  # a circular keeps its ว
    letter.number.circular = False
    assert memo_head(letter).number.value == ()


def test_ส่วนราชการ_joins_agency_unit_and_phone_and_says_a_repeated_unit_once(
        letter: Letter) -> None:
    letter.owner_unit = ["กรมส่งเสริมการปกครองท้องถิ่น", "กลุ่มงาน ก", "ฝ่าย ข"]
    assert agency_value(letter) == (
        FieldText("กรมส่งเสริมการปกครองท้องถิ่น", "agency.name"),
        FieldText("(กลุ่มงาน ก", "owner_unit", 1), FieldText("ฝ่าย ข)", "owner_unit", 2),
        FieldText("โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒", "contact.phone"))
    letter.agency.name = ""
    letter.contact.phone = ""
    assert agency_value(letter) == (  # no agency name: the unit needs no parentheses
        FieldText("กรมส่งเสริมการปกครองท้องถิ่น", "owner_unit", 0),
        FieldText("กลุ่มงาน ก", "owner_unit", 1), FieldText("ฝ่าย ข", "owner_unit", 2))


def test_the_memos_parts_no_emblem_block_no_heading_no_complimentary_close(
        letter: Letter) -> None:
    letter.kind = "memo"
    composition = compose_memo(letter)
    blocks = composition.blocks
    assert composition.kind == "memo"
    assert [type(b) for b in blocks] == [
        MemoHead, Labelled, Labelled, Labelled, Paragraph, Paragraph, Paragraph, Signature,
        ContactBlock]
    assert [b.part for b in blocks if isinstance(b, Labelled)] == [
        "salutation", "references", "enclosures"]
    assert not [b for b in blocks if isinstance(b, Emblem | Heading | ComplimentaryClose)]
    # the owner unit and the phone are in the head: only the fax is left for the bottom
    assert blocks[-1] == ContactBlock(("โทรสาร ๐ ๒๒๔๑ ๙๐๒๑",), (("contact.fax", None),))
