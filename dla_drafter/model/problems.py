"""Problems found in a draft, with messages that name the field in Thai and in English.

One type serves three readers: the loader (a file that cannot be opened), ``check`` (a letter
that breaks a rule of the regulation) and the GUI's problems panel, which uses ``field`` (a
dotted path such as ``date.month``, ``body[2]`` or ``enclosures[0].amount``) to jump to the
input box. Clerks read the Thai message; the path stays in parentheses so that a power user or
a support person can find the exact key in the JSON file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(value: int | str) -> str:
    """Arabic digits to Thai digits: labels shown to a clerk count in Thai (ย่อหน้าที่ ๓)."""
    return str(value).translate(_THAI_DIGITS)


# Display names of the v1 fields: path (list indices removed) -> (Thai, English).
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "": ("ไฟล์ร่าง", "draft file"),
    "format": ("รูปแบบไฟล์", "file format"),
    "kind": ("ชนิดของหนังสือ", "kind of letter"),
    "urgency": ("ชั้นความเร็ว", "urgency"),
    "secrecy": ("ชั้นความลับ", "secrecy"),
    "file_copy": ("สำเนาคู่ฉบับ", "file copy"),
    "number": ("ที่ (เลขที่หนังสือ)", "letter number"),
    "number.code": ("รหัสตัวพยัญชนะและเลขประจำส่วนราชการ (ที่)", "letter code"),
    "number.circular": ("หนังสือเวียน (ว)", "circular"),
    "number.serial": ("เลขทะเบียนหนังสือส่ง", "register number"),
    "agency": ("ส่วนราชการเจ้าของหนังสือ", "issuing agency"),
    "agency.name": ("ชื่อส่วนราชการเจ้าของหนังสือ", "agency name"),
    "agency.address": ("ที่ตั้งส่วนราชการ", "agency address"),
    "date": ("วัน เดือน ปี", "date"),
    "date.day": ("วันที่", "day"),
    "date.month": ("เดือน", "month"),
    "date.year": ("ปี พ.ศ.", "year (B.E.)"),
    "subject": ("เรื่อง", "subject"),
    "salutation": ("คำขึ้นต้น", "salutation"),
    "addressee": ("ผู้รับ (ตำแหน่งที่มีหนังสือถึง)", "addressee"),
    "references": ("อ้างถึง", "references"),
    "enclosures": ("สิ่งที่ส่งมาด้วย", "enclosures"),
    "enclosures.text": ("ชื่อเอกสาร", "text"),
    "enclosures.amount": ("จำนวน", "amount"),
    "body": ("ข้อความ", "body"),
    "closing": ("ข้อความส่วนสรุป (จึงเรียนมา…)", "closing paragraph"),
    "complimentary_close": ("คำลงท้าย", "complimentary close"),
    "signer": ("ผู้ลงนาม", "signer"),
    "signer.name": ("ชื่อเต็มของผู้ลงนาม", "signer's name"),
    "signer.position": ("ตำแหน่งผู้ลงนาม", "signer's position"),
    "signer.e_saraban": ("ลงนามด้วยชื่อในระบบสารบรรณอิเล็กทรอนิกส์",
                         "typed name as the signature in e-saraban"),
    "owner_unit": ("ส่วนราชการเจ้าของเรื่อง", "owner unit"),
    "contact": ("ข้อมูลติดต่อ", "contact"),
    "contact.phone": ("โทร.", "phone"),
    "contact.fax": ("โทรสาร", "fax"),
    "contact.email": ("ไปรษณีย์อิเล็กทรอนิกส์", "e-mail"),
    "contact.coordinator": ("ผู้ประสานงาน", "coordinator"),
    "qr": ("QR Code", "QR code"),
    "qr.url": ("ลิงก์ของ QR Code", "QR code URL"),
    "qr.caption": ("คำอธิบายเหนือ QR Code", "QR code caption"),
    "copies_to": ("สำเนาส่ง", "copies to"),
    "recipients": ("บัญชีรายชื่อแนบท้าย", "distribution list"),
    "recipients.title": ("หัวเรื่องบัญชีรายชื่อแนบท้าย", "distribution list title"),
    "recipients.names": ("บัญชีรายชื่อแนบท้าย", "distribution list"),
    "initials": ("ช่องลงชื่อย่อท้ายสำเนาคู่ฉบับ", "initials grid"),
    "initials.role": ("หน้าที่", "role"),
    "initials.name": ("ชื่อหรือชื่อย่อ", "name"),
    "digits": ("รูปแบบตัวเลข", "digits"),
    # The review record (docs/draft-format.md; read by dla_drafter.review).
    "review": ("บันทึกการตรวจ", "review record"),
    "review.state": ("สถานะการตรวจ", "review state"),
    "review.versions": ("ฉบับที่ส่งตรวจ", "review version"),
    "review.versions.event": ("เหตุการณ์", "event"),
    "review.versions.by": ("ผู้ส่ง", "by"),
    "review.versions.at": ("เวลา", "time"),
    "review.versions.note": ("หมายเหตุ", "note"),
    "review.comments": ("ความเห็น", "comment"),
    "review.comments.field": ("ช่องที่แสดงความเห็น", "field"),
    "review.comments.quote": ("ข้อความที่อ้างถึง", "quote"),
    "review.comments.text": ("ข้อความความเห็น", "text"),
    "review.comments.author": ("ผู้แสดงความเห็น", "author"),
    "review.comments.at": ("เวลา", "time"),
    "review.comments.resolved": ("แก้ไขแล้ว", "resolved"),
    "review.comments.replies": ("คำตอบ", "reply"),
    "review.comments.replies.text": ("ข้อความตอบ", "text"),
    "review.approvals": ("การอนุมัติ", "approval"),
}

# How one item of a list field is counted: (Thai word, English word).
_ITEM_WORDS: dict[str, tuple[str, str]] = {
    "body": ("ย่อหน้าที่", "paragraph"),
    "references": ("รายการที่", "item"),
    "enclosures": ("รายการที่", "item"),
    "agency.address": ("บรรทัดที่", "line"),
    "signer.position": ("บรรทัดที่", "line"),
    "owner_unit": ("บรรทัดที่", "line"),
    "copies_to": ("รายการที่", "item"),
    "recipients.names": ("ลำดับที่", "name"),
    "initials": ("แถวที่", "row"),
    "review.versions": ("รายการที่", "item"),
    "review.comments": ("รายการที่", "item"),
    "review.comments.replies": ("รายการที่", "item"),
    "review.approvals": ("รายการที่", "item"),
}

_SEGMENT = re.compile(r"^([^\[\]]*)((?:\[\d+\])*)$")


def field_label(path: str, lang: str = "th") -> str:
    """The name of a field as a clerk knows it, e.g. ``body[2]`` -> ``ข้อความ ย่อหน้าที่ ๓``.

    Unknown paths (keys a newer version wrote) come back unchanged: there is no better name.
    """
    english = lang != "th"
    if path in FIELD_NAMES:
        th, en = FIELD_NAMES[path]
        return en if english else th
    parts: list[str] = []
    plain: list[str] = []  # the path so far without indices, to look names up
    after_item = False
    for segment in path.split("."):
        match = _SEGMENT.match(segment)
        if match is None:
            return path
        name, indices = match.groups()
        plain.append(name)
        key = ".".join(plain)
        if key not in FIELD_NAMES:
            return path
        th, en = FIELD_NAMES[key]
        # A key of an object names itself ("เดือน", not "วัน เดือน ปี เดือน"); a key of a
        # list item reads after the item ("สิ่งที่ส่งมาด้วย รายการที่ ๑ จำนวน").
        if parts and not after_item:
            parts.pop()
        parts.append(en if english else th)
        after_item = bool(indices)
        for index in re.findall(r"\d+", indices):
            word_th, word_en = _ITEM_WORDS.get(key, ("รายการที่", "item"))
            number = int(index) + 1
            parts.append(f"{word_en} {number}" if english else f"{word_th} {thai_digits(number)}")
    return " ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a draft.

    ``message_th``/``message_en`` say what is wrong with the value; :meth:`message` puts the
    field's name in front, so each message stands alone on one line (a list in the GUI, a line
    of ``dla-drafter check`` output). ``code`` is stable, for tests and for filtering.
    """

    field: str
    code: str
    severity: Severity
    message_th: str
    message_en: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def label(self, lang: str = "th") -> str:
        """The field's display name in ``lang`` (``"th"`` or ``"en"``)."""
        return field_label(self.field, lang)

    def message(self, lang: str = "th") -> str:
        """One line naming the field, e.g. ``เดือน (date.month): ต้องเป็นเลข ๑–๑๒ แต่ได้ 13``."""
        text = self.message_en if lang != "th" else self.message_th
        label = self.label(lang)
        plain = not self.field or label == self.field  # unknown keys have no better name
        head = label if plain else f"{label} ({self.field})"
        return _one_line(f"{head}: {text}")

    def __str__(self) -> str:
        return self.message("th")


def _one_line(text: str) -> str:
    """Messages quote what the clerk typed; a quoted newline must not break the line."""
    return " ".join(text.splitlines())


class DraftError(Exception):
    """A draft that cannot be read (or written): every problem found, not just the first.

    ``problems`` holds the errors (and, when relevant, warnings found on the way); ``path`` is
    the file involved, when there is one. ``str()`` gives the Thai lines, then the English ones.
    """

    def __init__(self, problems: Iterable[Problem], path: str | Path | None = None) -> None:
        self.problems: list[Problem] = list(problems)
        self.path: Path | None = Path(path) if path is not None else None
        super().__init__(self.describe())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def __reduce__(self) -> tuple[type[DraftError], tuple[list[Problem], Path | None]]:
        # ``args`` holds the report text, not the problems: pickle (worker processes) by hand.
        return (type(self), (self.problems, self.path))

    def describe(self, lang: str | None = None) -> str:
        """A report for a dialog or a terminal; ``lang`` None gives Thai and then English."""
        if lang is None:
            return f"{self.describe('th')}\n{self.describe('en')}"
        count = len(self.errors) or len(self.problems)
        where = f" {self.path}" if self.path is not None else ""
        if lang == "th":
            head = f"ไฟล์ร่าง{where} มีปัญหา {count} รายการ"
        else:
            head = f"The draft{where} has {count} problem{'s' if count != 1 else ''}"
        shown = self.errors or self.problems
        return "\n".join([head, *(f"- {p.message(lang)}" for p in shown)])

    def __str__(self) -> str:
        return self.describe()
