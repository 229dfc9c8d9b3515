"""The draft's fields: their paths (``body[2]``, ``enclosures[0].amount``) and their names.

One home for both, with no Qt and nothing of the package below it, because every layer names
fields: the loader and ``check`` in their problems, the window to find the box a problem
belongs to, merge for the ``«column»`` it filled, diff and the Word readers for what changed.

A *path* is dotted keys with list indices in brackets, exactly the draft file's keys (v1 and
what was added since): :func:`parse_path` turns it into steps, :func:`format_path` back,
:func:`get_path` / :func:`set_path` read and write it on a ``Letter`` (attributes) or on the
draft's JSON (dicts), :func:`walk` lists every text leaf with its path. :func:`field_label`
is the name a clerk knows (``body[2]`` → ``ข้อความ ย่อหน้าที่ ๓``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .text.digits import to_thai_digits

#: The draft's top-level key of the review record (docs/draft-format.md); the model keeps it
#: in ``Letter.extra`` and only ``review/`` reads it.
REVIEW_KEY = "review"

Step = str | int

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")


class PathError(KeyError):
    """A path that is not of the form ``key.key[0].key`` (or names nothing in the letter)."""


def parse_path(path: str) -> list[Step]:
    """``"enclosures[0].amount"`` → ``["enclosures", 0, "amount"]``."""
    steps: list[Step] = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            raise PathError(path)
        steps.append(match.group(1))
        steps.extend(int(i) for i in re.findall(r"\[(\d+)\]", match.group(2)))
    return steps


def format_path(steps: Sequence[Step]) -> str:
    """``["enclosures", 0, "amount"]`` → ``"enclosures[0].amount"`` (inverse of parse)."""
    out = ""
    for step in steps:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else step
    return out


def _child(obj: Any, step: Step) -> Any:
    if isinstance(step, int):
        if not isinstance(obj, Sequence) or isinstance(obj, str) or not 0 <= step < len(obj):
            raise PathError(step)
        return obj[step]
    if isinstance(obj, Mapping):
        if step not in obj:
            raise PathError(step)
        return obj[step]
    try:
        return getattr(obj, step)
    except AttributeError as exc:
        raise PathError(step) from exc


def get_path(obj: Any, path: str) -> Any:
    """The value at ``path`` of a Letter or of the draft's JSON; PathError when absent."""
    for step in parse_path(path):
        obj = _child(obj, step)
    return obj


def set_path(obj: Any, path: str, value: Any) -> None:
    """Set the value at ``path`` (its container must exist)."""
    steps = parse_path(path)
    for step in steps[:-1]:
        obj = _child(obj, step)
    last = steps[-1]
    if isinstance(last, int) or isinstance(obj, dict):
        if isinstance(last, int):
            _child(obj, last)  # in range
        obj[last] = value
    else:
        if not hasattr(obj, last):
            raise PathError(last)
        setattr(obj, last, value)


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf (text, number, bool, None) of a JSON-like value with its path, in order."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")
    else:
        yield path, value


def plain_path(path: str) -> str:
    """``enclosures[0].amount`` → ``enclosures.amount``: the key of the names table."""
    return re.sub(r"\[\d+\]", "", path)


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
    # Who an e-CMS reply goes back to (docs/draft-format.md; read by dla_drafter.exchange).
    "ecms": ("ข้อมูล e-CMS", "e-CMS data"),
    "ecms.receiver": ("ผู้รับทาง e-CMS", "e-CMS receiver"),
    "ecms.receiver.given_name": ("ชื่อผู้รับทาง e-CMS", "e-CMS receiver's given name"),
    "ecms.receiver.family_name": ("นามสกุลผู้รับทาง e-CMS", "e-CMS receiver's family name"),
    "ecms.receiver.job_title": ("ตำแหน่งผู้รับทาง e-CMS", "e-CMS receiver's job title"),
    "ecms.receiver.ministry_code": ("รหัสกระทรวงผู้รับ (e-CMS)", "receiver's ministry code"),
    "ecms.receiver.department_code": ("รหัสกรมผู้รับ (e-CMS)", "receiver's department code"),
    # The review record (docs/draft-format.md; read by dla_drafter.review).
    REVIEW_KEY: ("บันทึกการตรวจ", "review record"),
    "review.state": ("สถานะการตรวจ", "review state"),
    "review.versions": ("ฉบับที่ส่งตรวจ", "review version"),
    "review.versions.event": ("เหตุการณ์", "event"),
    "review.versions.by": ("ผู้ส่ง", "by"),
    "review.versions.at": ("เวลา", "time"),
    "review.versions.note": ("หมายเหตุ", "note"),
    "review.comments": ("ความเห็น", "comment"),
    "review.comments.id": ("รหัสความเห็น", "id"),
    "review.comments.offset": ("ตำแหน่งของข้อความที่อ้างถึง", "offset"),
    "review.comments.field": ("ช่องที่แสดงความเห็น", "field"),
    "review.comments.quote": ("ข้อความที่อ้างถึง", "quote"),
    "review.comments.text": ("ข้อความความเห็น", "text"),
    "review.comments.author": ("ผู้แสดงความเห็น", "author"),
    "review.comments.at": ("เวลา", "time"),
    "review.comments.resolved": ("แก้ไขแล้ว", "resolved"),
    "review.comments.replies": ("คำตอบ", "reply"),
    "review.comments.replies.text": ("ข้อความตอบ", "text"),
    "review.comments.replies.author": ("ผู้ตอบ", "author"),
    "review.comments.replies.at": ("เวลา", "time"),
    "review.approvals": ("การอนุมัติ", "approval"),
    "review.approvals.role": ("ตำแหน่งหรือชื่อย่อผู้อนุมัติ", "role"),
    "review.approvals.name": ("ชื่อผู้อนุมัติ", "name"),
    "review.approvals.at": ("เวลา", "time"),
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
            thai = f"{word_th} {to_thai_digits(number)}"
            parts.append(f"{word_en} {number}" if english else thai)
    return " ".join(parts)
