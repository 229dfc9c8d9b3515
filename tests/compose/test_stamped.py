"""The หนังสือประทับตรา (stamped letter): ถึง instead of เรียน, and the agency's seal and the date
where other letters are signed."""

from __future__ import annotations

from dla_drafter.compose.blocks import (
    Addressed,
    ComplimentaryClose,
    ContactBlock,
    DateLine,
    Emblem,
    Heading,
    Labelled,
    Paragraph,
    Signature,
    StampArea,
)
from dla_drafter.compose.stamped import STAMP_NOTE, compose_stamped
from dla_drafter.model.letter import Letter


def test_the_stamped_letters_parts_in_order(letter: Letter) -> None:
    letter.kind = "stamped"
    composition = compose_stamped(letter)
    blocks = composition.blocks
    assert composition.kind == "stamped"
    assert [type(b) for b in blocks] == [
        Emblem, Heading, Addressed, Labelled, Labelled, Paragraph, Paragraph, Paragraph,
        StampArea, ContactBlock]
    assert blocks[2] == Addressed("ถึง", "ผู้ว่าราชการจังหวัด ทุกจังหวัด")
    assert blocks[8] == StampArea("กรมส่งเสริมการปกครองท้องถิ่น", "(ตราประทับ)",
                                  DateLine("๒", "มิถุนายน ๒๕๖๙"))
    assert STAMP_NOTE == "(ตราประทับ)"


def test_no_subject_salutation_close_or_signature(letter: Letter) -> None:
    letter.kind = "stamped"
    blocks = compose_stamped(letter).blocks
    assert [b.part for b in blocks if isinstance(b, Labelled)] == ["references", "enclosures"]
    assert not [b for b in blocks if isinstance(b, ComplimentaryClose | Signature | DateLine)]
    # the head is the external letter's, without a date line of its own
    heading = next(b for b in blocks if isinstance(b, Heading))
    assert heading.number == "ที่ มท ๐๘๑๖.๓/ว ๑๕"
