"""The external letter (หนังสือภายนอก): its parts in the regulation's order, and their words."""

from __future__ import annotations

from dla_drafter.compose.blocks import (
    ComplimentaryClose,
    ContactBlock,
    DateLine,
    Emblem,
    Heading,
    Labelled,
    Paragraph,
    Signature,
    TopMarks,
)
from dla_drafter.compose.external import compose_external, heading
from dla_drafter.model.letter import Letter


def test_the_parts_in_the_regulations_order(letter: Letter) -> None:
    letter.urgency = "ด่วน"
    blocks = compose_external(letter).blocks
    assert [type(b) for b in blocks] == [
        Emblem, TopMarks, Heading, DateLine, Labelled, Labelled, Labelled, Labelled,
        Paragraph, Paragraph, Paragraph, ComplimentaryClose, Signature, ContactBlock]
    assert [b.part for b in blocks if isinstance(b, Labelled)] == [
        "subject", "salutation", "references", "enclosures"]
    assert blocks[-3:-1] == (ComplimentaryClose("ขอแสดงความนับถือ"), Signature(
        "(นายสมชาย ใจดี)", ("อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",)))


def test_the_heading_ที่_at_the_left_the_agency_and_its_address_at_the_right(
        letter: Letter) -> None:
    assert heading(letter) == Heading("ที่ มท ๐๘๑๖.๓/ว ๑๕", False, (
        "กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐"))
    letter.number.serial = None
    letter.agency.name = ""
    assert heading(letter) == Heading("ที่ มท ๐๘๑๖.๓/ว", True, (
        "ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐",))


def test_a_blank_complimentary_close_prints_the_usual_one(letter: Letter) -> None:
    letter.complimentary_close = "ขอแสดงความนับถืออย่างยิ่ง"
    closes = [b for b in compose_external(letter).blocks if isinstance(b, ComplimentaryClose)]
    assert closes == [ComplimentaryClose("ขอแสดงความนับถืออย่างยิ่ง")]
    letter.complimentary_close = "  "
    closes = [b for b in compose_external(letter).blocks if isinstance(b, ComplimentaryClose)]
    assert closes == [ComplimentaryClose("ขอแสดงความนับถือ")]


def test_no_contact_block_without_an_owner_unit_or_contacts(letter: Letter) -> None:
    letter.owner_unit = []
    letter.contact.phone = letter.contact.fax = ""
    assert not [b for b in compose_external(letter).blocks if isinstance(b, ContactBlock)]
    assert isinstance(compose_external(letter).blocks[-1], Signature)
