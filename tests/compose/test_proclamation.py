"""คำสั่ง (order) and ประกาศ (announcement): a centred title over a short line, the body, then
``สั่ง ณ วันที่`` / ``ประกาศ ณ วันที่`` and the signature; nothing addressed to anyone."""

from __future__ import annotations

from dla_drafter.compose.blocks import (
    ContactBlock,
    Emblem,
    IssuedOn,
    Labelled,
    Paragraph,
    Signature,
    TitleBlock,
    TitleLine,
)
from dla_drafter.compose.proclamation import TITLE_RULE, compose_proclamation, order_number
from dla_drafter.model.letter import Letter


def test_an_order_its_title_lines_then_body_issued_on_and_signature(letter: Letter) -> None:
    letter.kind = "order"
    letter.number.serial = "321"
    letter.closing = "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"
    composition = compose_proclamation(letter)
    blocks = composition.blocks
    assert composition.kind == "order"
    assert [type(b) for b in blocks] == [
        Emblem, TitleBlock, Paragraph, Paragraph, Paragraph, IssuedOn, Signature]
    assert blocks[1] == TitleBlock((
        TitleLine("คำสั่งกรมส่งเสริมการปกครองท้องถิ่น", "agency.name", bold=True),
        TitleLine("ที่ ๓๒๑/๒๕๖๙", "number.serial"),
        TitleLine("เรื่อง การประชุมเชิงปฏิบัติการ ครั้งที่ ๒", "subject"),
    ), TITLE_RULE)
    assert blocks[4] == Paragraph("closing", "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป")
    assert blocks[5] == IssuedOn("สั่ง ณ วันที่", "๒", "มิถุนายน พ.ศ. ๒๕๖๙")
    assert TITLE_RULE == "-----------------"


def test_nothing_addressed_no_salutation_references_close_or_contacts(letter: Letter) -> None:
    letter.kind = "order"
    blocks = compose_proclamation(letter).blocks
    assert not [b for b in blocks if isinstance(b, Labelled | ContactBlock)]
    # "จึงเรียนมา…" is written to someone: an order does not print it
    assert [b.part for b in blocks if isinstance(b, Paragraph)] == ["body", "body"]


def test_a_blank_serial_leaves_room_after_ที่() -> None:
    letter = Letter(kind="order")
    letter.date.year = 2569
    assert order_number(letter) == TitleLine("ที่ /๒๕๖๙", "number.serial", room_at=len("ที่ "))


def test_an_announcement_has_no_number_and_is_issued_as_ประกาศ(letter: Letter) -> None:
    letter.kind = "announcement"
    letter.date.day = None
    blocks = compose_proclamation(letter).blocks
    title = next(b for b in blocks if isinstance(b, TitleBlock))
    assert [line.text for line in title.lines] == [
        "ประกาศกรมส่งเสริมการปกครองท้องถิ่น", "เรื่อง การประชุมเชิงปฏิบัติการ ครั้งที่ ๒"]
    assert next(b for b in blocks if isinstance(b, IssuedOn)) == IssuedOn(
        "ประกาศ ณ วันที่", None, "มิถุนายน พ.ศ. ๒๕๖๙")
    assert compose_proclamation(letter).kind == "announcement"


def test_a_kind_it_does_not_know_is_worded_as_an_order(letter: Letter) -> None:
    letter.kind = "decree"
    composition = compose_proclamation(letter)
    assert composition.kind == "order"
    assert composition.blocks[1].lines[0].text.startswith("คำสั่ง")
