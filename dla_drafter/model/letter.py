"""The letter as the clerk typed it: a typed model with no knowledge of pages or Qt.

Field names follow the v1 draft format (``shared/spec/draft-format.md``) one to one so that
loading and saving stay a plain mapping. Text is stored exactly as typed: digit conversion,
Thai dates and labels are applied later, by ``compose``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FORMAT_V1 = "dla-drafter/letter@1"

KINDS = ("external", "memo", "stamped", "order", "announcement")
URGENCIES = ("ด่วน", "ด่วนมาก", "ด่วนที่สุด")
SECRECIES = ("ลับ", "ลับมาก", "ลับที่สุด")
DIGIT_MODES = ("thai", "arabic", "as-typed")

DEFAULT_QR_CAPTION = "QR Code สิ่งที่ส่งมาด้วย"
DEFAULT_RECIPIENTS_TITLE = "บัญชีรายชื่อแนบท้าย"
DEFAULT_CLOSE = "ขอแสดงความนับถือ"
DEFAULT_SALUTATION = "เรียน"
STANDARD_INITIAL_ROLES = ("ร่าง", "พิมพ์", "ทาน", "ตรวจ")


@dataclass
class Number:
    """ที่: letter code with unit number, the ว of a circular, and the register serial."""

    code: str = ""
    circular: bool = False
    serial: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def number_text(code: str, circular: bool, serial: str | int | None) -> str:
    """What follows ``ที่``, digits as typed: ``มท 0816.3/ว 15``, ``มท 0816.3/15``; without a
    serial, the room the registry fills in (``มท 0816.3/ว``, ``มท 0816.3/``).

    The one place the number's shape is decided: compose prints it (after converting the
    digits), the register lists, exports and parses it.
    """
    code = code.strip()
    serial = "" if serial is None else str(serial).strip()
    text = code
    if circular:
        text += "/ว"
        if serial:
            text += f" {serial}"
    elif serial:
        text += f"/{serial}"
    elif code and not code.endswith("/"):
        text += "/"  # the registry writes the serial after it, in the room left blank
    return text


@dataclass
class Agency:
    """ส่วนราชการเจ้าของหนังสือ and its address, one printed line per item."""

    name: str = ""
    address: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class LetterDate:
    """วัน เดือน ปี. ``day`` None leaves the day blank; ``year`` is Buddhist Era."""

    month: int = 1
    year: int = 2569
    day: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Enclosure:
    """One สิ่งที่ส่งมาด้วย item; ``amount`` (e.g. ``"๑ ชุด"``) prints flush right."""

    text: str = ""
    amount: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Signer:
    """The signer: name printed in parentheses, then the position lines.

    ``e_saraban``: the letter goes only through an identity-verified e-saraban system, where
    ระเบียบงานสารบรรณ (ฉบับที่ ๔) พ.ศ. ๒๕๖๔ lets the typed name stand for the handwritten
    signature, so no gap is left for a pen above the name."""

    name: str = ""
    position: list[str] = field(default_factory=list)
    e_saraban: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Contact:
    phone: str = ""
    fax: str = ""
    email: str = ""
    coordinator: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class QRCode:
    url: str = ""
    caption: str = DEFAULT_QR_CAPTION
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Recipients:
    """Distribution list; when ``names`` is not empty a list page follows the letter."""

    title: str = DEFAULT_RECIPIENTS_TITLE
    names: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Initial:
    """One row of the file copy's initials grid (role like ``ร่าง`` or ``ผอ.กศ.``)."""

    role: str = ""
    name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Letter:
    """One draft letter. ``extra`` keeps keys this version does not know, for round trips.

    The review record rides there too, as ``extra["review"]``: the model does not read it
    (``dla_drafter.review`` does), so it survives every load and save like any unknown key.
    """

    subject: str = ""
    addressee: str = ""
    body: list[str] = field(default_factory=list)
    date: LetterDate = field(default_factory=LetterDate)
    kind: str = "external"
    urgency: str | None = None
    secrecy: str | None = None
    file_copy: bool = False
    number: Number = field(default_factory=Number)
    agency: Agency = field(default_factory=Agency)
    salutation: str = DEFAULT_SALUTATION
    references: list[str] = field(default_factory=list)
    enclosures: list[Enclosure] = field(default_factory=list)
    closing: str = ""
    complimentary_close: str = DEFAULT_CLOSE
    signer: Signer = field(default_factory=Signer)
    owner_unit: list[str] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    qr: QRCode = field(default_factory=QRCode)
    copies_to: list[str] = field(default_factory=list)
    recipients: Recipients = field(default_factory=Recipients)
    initials: list[Initial] = field(default_factory=list)
    digits: str = "thai"
    extra: dict[str, Any] = field(default_factory=dict)
