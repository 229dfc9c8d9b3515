"""Compose an external letter (หนังสือภายนอก): the order of its parts and their printed words.

Pure functions over the model: labels, numbering with Thai digits, the Thai date, digit
conversion by the draft's ``digits`` mode. No fonts, no centimetres. The parts other kinds
share live in ``parts``.
"""

from __future__ import annotations

from ..model.letter import Letter
from .blocks import Block, ComplimentaryClose, Composition, Emblem, Heading
from .parts import (
    FILE_COPY_NOTE,
    body,
    contact_block,
    date_line,
    number_line,
    printer,
    references_and_enclosures,
    salutation,
    signature,
    subject,
    top_marks,
    trailing,
)

__all__ = ["FILE_COPY_NOTE", "compose_external", "heading", "number_line"]


def heading(letter: Letter) -> Heading:
    """ที่ at the left; the agency's name and address in the block on the right."""
    t = printer(letter)
    number, blank = number_line(letter)
    agency = [t(letter.agency.name)] + [t(a) for a in letter.agency.address if a.strip()]
    return Heading(number, blank, tuple(x for x in agency if x))


def compose_external(letter: Letter) -> Composition:
    t = printer(letter)
    blocks: list[Block] = [Emblem(), *top_marks(letter), heading(letter), date_line(letter),
                           subject(letter), salutation(letter),
                           *references_and_enclosures(letter), *body(letter)]
    blocks.append(ComplimentaryClose(t(letter.complimentary_close) or "ขอแสดงความนับถือ"))
    blocks.append(signature(letter))
    contact = contact_block(letter)
    if contact is not None:
        blocks.append(contact)
    blocks += trailing(letter)
    return Composition(tuple(blocks), letter.kind, letter.secrecy, letter.digits)
