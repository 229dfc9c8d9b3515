"""Compose an external letter (หนังสือภายนอก): the order of its parts and their printed words.

Pure functions over the model: labels, numbering with Thai digits, the Thai date, digit
conversion by the draft's ``digits`` mode. No fonts, no centimetres.
"""

from __future__ import annotations

from ..model.letter import STANDARD_INITIAL_ROLES, Letter
from ..text.digits import apply_digits
from ..text.thaidate import format_month_year
from .blocks import (
    Block,
    ComplimentaryClose,
    Composition,
    ContactBlock,
    CopiesTo,
    DateLine,
    Emblem,
    Heading,
    InitialsGrid,
    Labelled,
    LabelledItem,
    Paragraph,
    QRBlock,
    RecipientsList,
    Signature,
    TopMarks,
)

FILE_COPY_NOTE = "(สำเนาคู่ฉบับ)"


def _numbered(items: list[str], digits: str) -> list[tuple[str | None, str]]:
    """Number several items ๑. ๒. …; a single item goes unnumbered [S]."""
    if len(items) <= 1:
        return [(None, text) for text in items]
    return [(apply_digits(f"{i}.", digits), text) for i, text in enumerate(items, 1)]


def number_line(letter: Letter) -> tuple[str, bool]:
    """The printed ที่ line and whether its serial is left blank."""
    digits = letter.digits
    code = letter.number.code.strip()
    serial = (letter.number.serial or "").strip()
    text = f"ที่ {code}" if code else "ที่"
    if letter.number.circular:
        text += "/ว"
        if serial:
            text += f" {serial}"
    elif serial:
        text += f"/{serial}"
    return apply_digits(text, digits), not serial


def compose_external(letter: Letter) -> Composition:
    d = letter.digits

    def t(text: str) -> str:
        return apply_digits(text.strip(), d)

    blocks: list[Block] = [Emblem()]
    if letter.urgency or letter.file_copy:
        blocks.append(TopMarks(letter.urgency, FILE_COPY_NOTE if letter.file_copy else None))
    number, blank = number_line(letter)
    agency = [t(letter.agency.name)] + [t(a) for a in letter.agency.address if a.strip()]
    blocks.append(Heading(number, blank, tuple(x for x in agency if x)))
    day = t(str(letter.date.day)) if letter.date.day else None
    blocks.append(DateLine(day, format_month_year(letter.date.month, letter.date.year, d)))
    blocks.append(Labelled("subject", "เรื่อง", (LabelledItem(t(letter.subject)),)))
    blocks.append(
        Labelled("salutation", letter.salutation.strip() or "เรียน",
                 (LabelledItem(t(letter.addressee)),))
    )
    references = [r for r in letter.references if r.strip()]
    if references:
        blocks.append(Labelled("references", "อ้างถึง", tuple(
            LabelledItem(t(text), number) for number, text in _numbered(references, d))))
    enclosures = [e for e in letter.enclosures if e.text.strip()]
    if enclosures:
        numbered = _numbered([e.text for e in enclosures], d)
        blocks.append(Labelled("enclosures", "สิ่งที่ส่งมาด้วย", tuple(
            LabelledItem(t(text), number, _amount(e.amount, d))
            for (number, text), e in zip(numbered, enclosures, strict=True))))
    for index, paragraph in enumerate(letter.body):
        if paragraph.strip():
            blocks.append(Paragraph("body", t(paragraph), index))
    if letter.closing.strip():
        blocks.append(Paragraph("closing", t(letter.closing)))
    blocks.append(ComplimentaryClose(t(letter.complimentary_close) or "ขอแสดงความนับถือ"))
    name = letter.signer.name.strip()
    blocks.append(Signature(
        f"({t(name)})" if name else "(" + " " * 40 + ")",
        tuple(t(p) for p in letter.signer.position if p.strip()),
    ))
    contact: list[str] = []
    fields: list[tuple[str, int | None]] = []
    for index, unit in enumerate(letter.owner_unit):
        if unit.strip():
            contact.append(t(unit))
            fields.append(("owner_unit", index))
    c = letter.contact
    for key, label, value in (("phone", "โทร.", c.phone), ("fax", "โทรสาร", c.fax),
                              ("email", "ไปรษณีย์อิเล็กทรอนิกส์", c.email),
                              ("coordinator", "ผู้ประสานงาน", c.coordinator)):
        if value.strip():
            contact.append(f"{label} {t(value)}")
            fields.append((f"contact.{key}", None))
    if contact:
        blocks.append(ContactBlock(tuple(contact), tuple(fields)))
    if letter.qr.url.strip():
        blocks.append(QRBlock(t(letter.qr.caption), letter.qr.url.strip()))
    copies = [t(x) for x in letter.copies_to if x.strip()]
    if copies:
        blocks.append(CopiesTo("สำเนาส่ง", tuple(copies)))
    if letter.file_copy:
        rows = [(t(i.role), t(i.name)) for i in letter.initials if i.role.strip() or
                i.name.strip()]
        blocks.append(InitialsGrid(tuple(rows) if rows else
                                   tuple((role, "") for role in STANDARD_INITIAL_ROLES)))
    names = [n for n in letter.recipients.names if n.strip()]
    if names:
        blocks.append(RecipientsList(
            t(letter.recipients.title),
            tuple(f"{apply_digits(str(i), d)}. {t(n)}" for i, n in enumerate(names, 1)),
        ))
    return Composition(tuple(blocks), letter.kind, letter.secrecy, d)


def _amount(amount: str, digits: str) -> str | None:
    """``"๑ ชุด"`` prints as ``จำนวน ๑ ชุด``; an amount already saying จำนวน is kept."""
    amount = amount.strip()
    if not amount:
        return None
    if not amount.startswith("จำนวน"):
        amount = f"จำนวน {amount}"
    return apply_digits(amount, digits)
