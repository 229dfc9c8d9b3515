"""Parts every kind of letter shares, composed once: the kinds differ in their head and in how
they end (คำลงท้าย, a seal, ``สั่ง ณ วันที่``), not in how a paragraph, a signature or a QR code
is worded. ``external``, ``memo``, ``stamped`` and ``proclamation`` assemble these.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.kinds import closing_printed
from ..model.letter import STANDARD_INITIAL_ROLES, Letter, number_text
from ..text.digits import apply_digits
from ..text.thaidate import format_month_year
from .blocks import (
    Block,
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

FILE_COPY_NOTE = "(สำเนาคู่ฉบับ)"

Printer = Callable[[str], str]


def printer(letter: Letter) -> Printer:
    """The function that turns typed text into printed text: stripped, digits converted by
    the draft's ``digits`` mode."""
    digits = letter.digits

    def t(text: str) -> str:
        return apply_digits(text.strip(), digits)

    return t


def numbered(items: list[str], digits: str) -> list[tuple[str | None, str]]:
    """Number several items ๑. ๒. …; a single item goes unnumbered [S]."""
    if len(items) <= 1:
        return [(None, text) for text in items]
    return [(apply_digits(f"{i}.", digits), text) for i, text in enumerate(items, 1)]


def number_value(letter: Letter) -> tuple[str, bool]:
    """What follows ``ที่``: code, ``/ว`` of a circular, the serial; and whether the serial is
    left blank for the registry."""
    number = letter.number
    text = number_text(number.code, number.circular, number.serial)
    return apply_digits(text, letter.digits), not (number.serial or "").strip()


def number_line(letter: Letter) -> tuple[str, bool]:
    """The printed ที่ line and whether its serial is left blank."""
    value, blank = number_value(letter)
    return (f"ที่ {value}" if letter.number.code.strip() else "ที่" + value), blank


def top_marks(letter: Letter) -> list[Block]:
    """Urgency and the file-copy note, when the letter has either."""
    if letter.urgency or letter.file_copy:
        return [TopMarks(letter.urgency, FILE_COPY_NOTE if letter.file_copy else None)]
    return []


def date_line(letter: Letter) -> DateLine:
    """วัน เดือน ปี; a blank day (None) leaves room for the day."""
    t = printer(letter)
    day = t(str(letter.date.day)) if letter.date.day else None
    return DateLine(day, format_month_year(letter.date.month, letter.date.year, letter.digits))


def subject(letter: Letter) -> Labelled:
    return Labelled("subject", "เรื่อง", (LabelledItem(printer(letter)(letter.subject)),))


def salutation(letter: Letter) -> Labelled:
    """คำขึ้นต้น + addressee (เรียน  ผู้ว่าราชการจังหวัด…)."""
    t = printer(letter)
    return Labelled("salutation", t(letter.salutation) or "เรียน",
                    (LabelledItem(t(letter.addressee)),))


def references_and_enclosures(letter: Letter) -> list[Block]:
    """อ้างถึง and สิ่งที่ส่งมาด้วย, numbered when there are several."""
    d = letter.digits
    t = printer(letter)
    blocks: list[Block] = []
    references = [r for r in letter.references if r.strip()]
    if references:
        blocks.append(Labelled("references", "อ้างถึง", tuple(
            LabelledItem(t(text), number) for number, text in numbered(references, d))))
    enclosures = [e for e in letter.enclosures if e.text.strip()]
    if enclosures:
        items = numbered([e.text for e in enclosures], d)
        blocks.append(Labelled("enclosures", "สิ่งที่ส่งมาด้วย", tuple(
            LabelledItem(t(text), number, amount(e.amount, d))
            for (number, text), e in zip(items, enclosures, strict=True))))
    return blocks


def body(letter: Letter) -> list[Block]:
    """The body paragraphs, then the concluding paragraph when typed and the kind has a
    place for it (``model.kinds.closing_printed``: no ``จึงเรียนมา…`` in an order)."""
    t = printer(letter)
    blocks: list[Block] = [Paragraph("body", t(text), index)
                           for index, text in enumerate(letter.body) if text.strip()]
    if closing_printed(letter):
        blocks.append(Paragraph("closing", t(letter.closing)))
    return blocks


def signature(letter: Letter) -> Signature:
    """``(name)`` — empty parentheses wide enough to write in — and the position lines;
    with ``signer.e_saraban`` the name stands for the signature, with no gap above it."""
    t = printer(letter)
    name = letter.signer.name.strip()
    return Signature(
        f"({t(name)})" if name else "(" + " " * 40 + ")",
        tuple(t(p) for p in letter.signer.position if p.strip()),
        e_saraban=letter.signer.e_saraban is True,
    )


CONTACT_LABELS = (("phone", "โทร."), ("fax", "โทรสาร"), ("email", "ไปรษณีย์อิเล็กทรอนิกส์"),
                  ("coordinator", "ผู้ประสานงาน"))


def contact_block(letter: Letter, *, owner_unit: bool = True,
                  skip: tuple[str, ...] = ()) -> ContactBlock | None:
    """Owner unit lines and the contact lines, each naming its field; ``skip`` leaves out
    contact keys printed elsewhere (a memo prints the phone in its head)."""
    t = printer(letter)
    lines: list[str] = []
    fields: list[tuple[str, int | None]] = []
    if owner_unit:
        for index, unit in enumerate(letter.owner_unit):
            if unit.strip():
                lines.append(t(unit))
                fields.append(("owner_unit", index))
    for key, label in CONTACT_LABELS:
        value = getattr(letter.contact, key)
        if key not in skip and value.strip():
            lines.append(f"{label} {t(value)}")
            fields.append((f"contact.{key}", None))
    return ContactBlock(tuple(lines), tuple(fields)) if lines else None


def trailing(letter: Letter) -> list[Block]:
    """What follows the letter's end in every kind: the QR code, สำเนาส่ง, the file copy's
    initials grid and the distribution list."""
    d = letter.digits
    t = printer(letter)
    blocks: list[Block] = []
    if letter.qr.url.strip():
        blocks.append(QRBlock(t(letter.qr.caption), letter.qr.url.strip()))
    lines = [t(x) for x in letter.copies_to if x.strip()]
    if lines:
        blocks.append(CopiesTo("สำเนาส่ง", tuple(lines)))
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
    return blocks


def amount(text: str, digits: str) -> str | None:
    """``"๑ ชุด"`` prints as ``จำนวน ๑ ชุด``; an amount already saying จำนวน is kept."""
    text = text.strip()
    if not text:
        return None
    if not text.startswith("จำนวน"):
        text = f"จำนวน {text}"
    return apply_digits(text, digits)
