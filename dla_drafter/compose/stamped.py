"""Compose a หนังสือประทับตรา (stamped letter): the external letter's head without a date,
``ถึง`` instead of a salutation, the body, and — in place of a คำลงท้าย and a signature — the
agency's name with the room for its red seal, then the date, then the owner unit and contacts
at the left (ระเบียบงานสารบรรณ ข้อ ๑๕ and its sample form) [S]. The regulation's parts have
no เรื่อง, so the subject is not printed (it stays the document's title).
"""

from __future__ import annotations

from ..model.letter import Letter
from .blocks import Addressed, Block, Composition, Emblem, StampArea
from .external import heading
from .parts import (
    body,
    contact_block,
    date_line,
    printer,
    references_and_enclosures,
    top_marks,
    trailing,
)

STAMP_NOTE = "(ตราประทับ)"


def compose_stamped(letter: Letter) -> Composition:
    t = printer(letter)
    blocks: list[Block] = [Emblem(), *top_marks(letter), heading(letter),
                           Addressed("ถึง", t(letter.addressee)),
                           *references_and_enclosures(letter), *body(letter),
                           StampArea(t(letter.agency.name), STAMP_NOTE, date_line(letter))]
    contact = contact_block(letter)
    if contact is not None:
        blocks.append(contact)
    blocks += trailing(letter)
    return Composition(tuple(blocks), "stamped", letter.secrecy, letter.digits)
