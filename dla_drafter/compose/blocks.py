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
    the คำลงท้าย.

    ``e_saraban``: the typed name stands for the signature (``Signer.e_saraban``), so there
    are no blank lines; how many there are otherwise is the profile's
    (``LayoutProfile.signature_gap_lines``), read by both the typesetter and the DOCX writer."""

    name_line: str
    positions: tuple[str, ...]
    e_saraban: bool = False


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


# --- the other kinds of letter (page-layout.md, "บันทึกข้อความ" and "Other kinds") ------------

@dataclass(frozen=True)
class FieldText:
    """A piece of printed text and the draft field it came from.

    Used where one printed value joins several fields (the memo's ส่วนราชการ: agency, owner
    unit and phone on one dotted line), so that a click on each piece still finds its field."""

    text: str
    field: str
    index: int | None = None


@dataclass(frozen=True)
class MemoRow:
    """One labelled value of a memo's head: the label (20 pt bold), two spaces, the value
    (16 pt) on a dotted leader. ``field`` is the draft field the label stands for (a click on
    an empty row still finds it). ``leave_room`` leaves a blank before the value for a day the
    clerk writes in by hand (its width: layout profile)."""

    label: str
    field: str
    value: tuple[FieldText, ...]
    leave_room: bool = False

    @property
    def text(self) -> str:
        return " ".join(piece.text for piece in self.value if piece.text)


@dataclass(frozen=True)
class MemoHead:
    """The head of a บันทึกข้อความ: the small ครุฑ at the top left with ``title`` centred on its
    line, then ส่วนราชการ, ที่ and วันที่ on one line, and เรื่อง — each on a dotted leader."""

    title: str
    agency: MemoRow
    number: MemoRow
    date: MemoRow
    subject: MemoRow


@dataclass(frozen=True)
class Addressed:
    """ถึง + the addressee of a หนังสือประทับตรา, which has no salutation: laid out like a
    labelled part (the addressee's continuation lines hang under its first character)."""

    label: str
    text: str


@dataclass(frozen=True)
class StampArea:
    """Where a หนังสือประทับตรา is sealed instead of signed: the agency's name centred under
    the body, the room for the red ตราชื่อส่วนราชการ (``note`` marks it), then the date."""

    agency: str
    note: str
    date: DateLine


@dataclass(frozen=True)
class TitleLine:
    """One centred line of an order's or announcement's title. ``room_at`` is where room is
    left for a number the registry writes in (``ที่ ␣␣␣␣/๒๕๖๙``): an index into ``text``."""

    text: str
    field: str
    bold: bool = False
    room_at: int | None = None


@dataclass(frozen=True)
class TitleBlock:
    """The centred title of a คำสั่ง or ประกาศ (``คำสั่ง<agency>``, ``ที่ n/พ.ศ.``, ``เรื่อง …``)
    and the short line under it."""

    lines: tuple[TitleLine, ...]
    rule: str


@dataclass(frozen=True)
class IssuedOn:
    """``สั่ง ณ วันที่ …`` / ``ประกาศ ณ วันที่ …`` at the date's x; the signature is centred
    under it as under a คำลงท้าย. ``day`` None leaves room before ``month_year``."""

    prefix: str
    day: str | None
    month_year: str

    @property
    def text(self) -> str:
        return " ".join(x for x in (self.prefix, self.day, self.month_year) if x)


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
    | MemoHead
    | Addressed
    | StampArea
    | TitleBlock
    | IssuedOn
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
