"""Compose a บันทึกข้อความ (memo): the small ครุฑ and the title, then ส่วนราชการ / ที่ + วันที่ /
เรื่อง on dotted leaders, เรียน, the body and the signature — no คำลงท้าย [S].

The ส่วนราชการ value follows Thai practice: the agency, the owner unit in parentheses and the
telephone, on one line (``กองคลัง (ฝ่ายการเงิน) โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๑๒๓๔``), so the memo
needs no contact block; fax, e-mail and coordinator, when typed, still print at the bottom.
"""

from __future__ import annotations

from ..model.letter import Letter
from ..text.thaidate import format_month_year
from .blocks import Block, Composition, FieldText, MemoHead, MemoRow
from .parts import (
    body,
    contact_block,
    number_value,
    printer,
    references_and_enclosures,
    salutation,
    signature,
    top_marks,
    trailing,
)

MEMO_TITLE = "บันทึกข้อความ"


def agency_value(letter: Letter) -> tuple[FieldText, ...]:
    """ส่วนราชการ: agency name, ``(owner unit …)``, ``โทร. …`` — each piece naming its field.
    An owner unit that repeats the agency's name is printed once."""
    t = printer(letter)
    name = t(letter.agency.name)
    pieces: list[FieldText] = [FieldText(name, "agency.name")] if name else []
    units = [(i, t(u)) for i, u in enumerate(letter.owner_unit) if u.strip() and t(u) != name]
    if units and pieces:  # under the agency's name, the unit goes in parentheses
        first, last = units[0][0], units[-1][0]
        units = [(i, ("(" if i == first else "") + text + (")" if i == last else ""))
                 for i, text in units]
    pieces += [FieldText(text, "owner_unit", i) for i, text in units]
    if letter.contact.phone.strip():
        pieces.append(FieldText(f"โทร. {t(letter.contact.phone)}", "contact.phone"))
    return tuple(pieces)


def memo_head(letter: Letter) -> MemoHead:
    t = printer(letter)
    number, _blank = number_value(letter)  # the dotted leader itself leaves the room
    day = t(str(letter.date.day)) if letter.date.day else None
    month_year = format_month_year(letter.date.month, letter.date.year, letter.digits)
    date = ((FieldText(day, "date.day"),) if day else ()) + (FieldText(month_year,
                                                                       "date.month"),)
    return MemoHead(
        MEMO_TITLE,
        MemoRow("ส่วนราชการ", "agency.name", agency_value(letter)),
        MemoRow("ที่", "number.code", (FieldText(number, "number.code"),) if number else ()),
        MemoRow("วันที่", "date.month", date, leave_room=day is None),
        MemoRow("เรื่อง", "subject", (FieldText(t(letter.subject), "subject"),)),
    )


def compose_memo(letter: Letter) -> Composition:
    blocks: list[Block] = [*top_marks(letter), memo_head(letter), salutation(letter),
                           *references_and_enclosures(letter), *body(letter),
                           signature(letter)]
    contact = contact_block(letter, owner_unit=False, skip=("phone",))
    if contact is not None:
        blocks.append(contact)
    blocks += trailing(letter)
    return Composition(tuple(blocks), "memo", letter.secrecy, letter.digits)
