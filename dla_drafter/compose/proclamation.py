"""Compose a คำสั่ง (order) or a ประกาศ (announcement): the centred ครุฑ, a centred title
(``คำสั่ง<agency>``, for an order ``ที่ n/พ.ศ.``, ``เรื่อง …``) over a short line, the body, then
``สั่ง ณ วันที่ …`` (``ประกาศ ณ วันที่ …``) and the signature [S]. No salutation, addressee or
คำลงท้าย; no owner unit or contacts either — an order is not answered.
"""

from __future__ import annotations

from ..model.letter import Letter
from ..text.digits import apply_digits
from ..text.thaidate import THAI_MONTHS
from .blocks import Block, Composition, Emblem, IssuedOn, TitleBlock, TitleLine
from .parts import body, printer, signature, top_marks, trailing

# The short line under the title, as the regulation's samples and agencies type it [P].
TITLE_RULE = "-----------------"

WORDS = {
    "order": ("คำสั่ง", "สั่ง ณ วันที่"),
    "announcement": ("ประกาศ", "ประกาศ ณ วันที่"),
}


def order_number(letter: Letter) -> TitleLine:
    """``ที่ ๑๒๓/๒๕๖๙``: the order's serial in the year; a blank serial leaves room before
    ``/๒๕๖๙`` for the registry."""
    serial = (letter.number.serial or "").strip()
    year = f"/{letter.date.year}"
    if serial:
        return TitleLine(apply_digits(f"ที่ {serial}{year}", letter.digits), "number.serial")
    return TitleLine(apply_digits(f"ที่ {year}", letter.digits), "number.serial",
                     room_at=len("ที่ "))


def compose_proclamation(letter: Letter) -> Composition:
    kind = letter.kind if letter.kind in WORDS else "order"
    title, issued = WORDS[kind]
    t = printer(letter)
    lines = [TitleLine(title + t(letter.agency.name), "agency.name", bold=True)]
    if kind == "order":
        lines.append(order_number(letter))
    lines.append(TitleLine(f"เรื่อง {t(letter.subject)}", "subject"))
    day = t(str(letter.date.day)) if letter.date.day else None
    month_year = apply_digits(f"{THAI_MONTHS[letter.date.month - 1]} พ.ศ. {letter.date.year}",
                              letter.digits)
    blocks: list[Block] = [Emblem(), *top_marks(letter), TitleBlock(tuple(lines), TITLE_RULE),
                           *body(letter), IssuedOn(issued, day, month_year),
                           signature(letter), *trailing(letter)]
    return Composition(tuple(blocks), kind, letter.secrecy, letter.digits)
