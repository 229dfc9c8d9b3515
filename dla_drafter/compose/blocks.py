"""Blocks: the parts of a letter's page, in reading order, with their printed wording.

``compose`` turns a :class:`~dla_drafter.model.letter.Letter` into a :class:`Composition`;
every back end reads it: ``typeset`` places the blocks on pages (for the painter and the PDF),
the DOCX writer feeds them to Word templates. All text here is final printed text: labels,
Thai digits, the Thai date. Nothing in a block knows about centimetres except its *style*
name, which the layout profile resolves.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Emblem:
    """The ครุฑ at the top centre of page one."""


@dataclass(frozen=True)
class TopMarks:
    """Marks printed above ที่: urgency (red, big, bold, top left) and the file copy note."""

    urgency: str | None = None
    file_copy_note: str | None = None  # "(สำเนาคู่ฉบับ)"


@dataclass(frozen=True)
class Heading:
    """ที่ line at the left, agency name and address in a block on the right.

    ``number`` is the whole printed ที่ line. When ``serial_blank`` is true it ends with the code
    (``ที่ มท ๐๘๑๖.๓/ว``) and room is left after it for the registry to write the serial.
    """

    number: str
    serial_blank: bool
    agency_lines: tuple[str, ...]


@dataclass(frozen=True)
class DateLine:
    """วัน เดือน ปี. ``day`` None leaves a blank before ``month_year`` (width: layout profile)."""

    day: str | None
    month_year: str

    @property
    def text(self) -> str:
        return f"{self.day} {self.month_year}" if self.day else self.month_year


@dataclass(frozen=True)
class LabelledItem:
    """One value of a labelled part: optional number (``๑.``), text, optional amount."""

    text: str
    number: str | None = None
    amount: str | None = None  # printed flush at the right margin ("จำนวน ๑ ชุด")


@dataclass(frozen=True)
class Labelled:
    """เรื่อง / เรียน / อ้างถึง / สิ่งที่ส่งมาด้วย: label, two spaces, value; continuation lines
    hang under the value's first character. ``part`` names which one (for click-to-field)."""

    part: str  # "subject" | "salutation" | "references" | "enclosures"
    label: str
    items: tuple[LabelledItem, ...]


@dataclass(frozen=True)
class Paragraph:
    """A justified paragraph with a first-line indent: the body and the concluding paragraph.

    ``index`` is the body paragraph's position in ``Letter.body`` (None for the closing)."""

    part: str  # "body" | "closing"
    text: str
    index: int | None = None


@dataclass(frozen=True)
class ComplimentaryClose:
    """คำลงท้าย, starting at the date's x."""

    text: str


@dataclass(frozen=True)
class Signature:
    """Blank lines for the signature, then ``(name)`` and the position lines, centred under
    the คำลงท้าย."""

    name_line: str
    positions: tuple[str, ...]
    blank_lines: int = 3


@dataclass(frozen=True)
class ContactBlock:
    """Owner unit lines and the โทร. / โทรสาร / ไปรษณีย์อิเล็กทรอนิกส์ / ผู้ประสานงาน lines.

    ``fields`` names the draft field of each line (``owner_unit[0]``, ``contact.phone`` …) so
    that a click on the page can go to it."""

    lines: tuple[str, ...]
    fields: tuple[tuple[str, int | None], ...] = ()


@dataclass(frozen=True)
class QRBlock:
    """A QR code of ``url`` with ``caption`` above and the printed URL below."""

    caption: str
    url: str


@dataclass(frozen=True)
class CopiesTo:
    """สำเนาส่ง: the label and one line per copy."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class InitialsGrid:
    """Initials grid of the file copy (bottom right of the last letter page)."""

    rows: tuple[tuple[str, str], ...]  # (role, name or "" for a dotted line)


@dataclass(frozen=True)
class RecipientsList:
    """The distribution list, on its own page after the letter."""

    title: str
    names: tuple[str, ...]  # already numbered: "๑. ผู้ว่าราชการจังหวัดกระบี่"


Block = (
    Emblem
    | TopMarks
    | Heading
    | DateLine
    | Labelled
    | Paragraph
    | ComplimentaryClose
    | Signature
    | ContactBlock
    | QRBlock
    | CopiesTo
    | InitialsGrid
    | RecipientsList
)


@dataclass(frozen=True)
class Composition:
    """Everything a back end needs: the blocks in order plus page-wide marks.

    ``secrecy`` is printed at the top and bottom of every page; ``digits`` is the mode used so
    that back ends format page numbers the same way.
    """

    blocks: tuple[Block, ...]
    kind: str = "external"
    secrecy: str | None = None
    digits: str = "thai"
