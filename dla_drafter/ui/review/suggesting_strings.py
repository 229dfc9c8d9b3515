"""English for the suggestion mode's Thai interface text (see :mod:`dla_drafter.ui.i18n`).

Kept beside its modules and merged into ``i18n.EN`` when they load (as
:mod:`.strings` does for the review panel), so the suggestion mode brings its own strings
without editing the shared table.
"""

from __future__ import annotations

SUGGESTING_EN: dict[str, str] = {
    "แนะนำการแก้ไข (Suggesting)": "Suggesting (track changes)",
    "แก้ข้อความเป็นข้อเสนอแก้ไข ผู้ร่างยอมรับหรือไม่รับทีละรายการได้":
        "Edits become suggestions; the drafter accepts or rejects each one",
    "ตั้งชื่อผู้ใช้ก่อน (ตรวจทาน → ข้อมูลผู้ใช้…) ข้อเสนอแก้ไขต้องมีชื่อผู้เสนอ":
        "Set your name first (Review → User Information…): a suggestion carries its "
        "author's name",
    "กำลังแนะนำการแก้ไขในชื่อ {name}: ข้อความที่พิมพ์จะเป็นข้อเสนอ หนังสือยังไม่เปลี่ยน":
        "Suggesting as {name}: what you type becomes suggestions; the letter does not "
        "change",
    "ในโหมดแนะนำการแก้ไข แก้ได้เฉพาะถ้อยคำในช่องข้อความ ({field}: เพิ่มหรือลบย่อหน้า/รายการไม่ได้) "
    "ปิดโหมดแนะนำการแก้ไขก่อนถ้าจะแก้เอง":
        "While suggesting only the words in text boxes can change ({field}: paragraphs or "
        "rows cannot be added or removed). Switch suggesting off to edit it yourself",
    "{field} ไม่ใช่ถ้อยคำ จึงแก้ในหนังสือโดยตรง ไม่เป็นข้อเสนอแก้ไข":
        "{field} is not words, so it was changed in the letter directly, not as a suggestion",
    "แก้ไข": "Edit",
    "แนะนำการแก้ไข {field}": "Suggest in {field}",
    "ยอมรับไม่ได้ {n} รายการ: {why}": "{n} could not be accepted: {why}",
    "ยอมรับข้อเสนอแก้ไข": "Accept suggestion",
    "ไม่รับข้อเสนอแก้ไข": "Reject suggestion",
    "ยอมรับข้อเสนอแก้ไขทั้งหมด": "Accept all suggestions",
    "ไม่รับข้อเสนอแก้ไขทั้งหมด": "Reject all suggestions",
    "ข้อเสนอแก้ไข": "Suggestions",
    "ไม่มีข้อเสนอแก้ไขที่รอพิจารณา": "No open suggestions",
    "ยอมรับ": "Accept",
    "ไม่รับ": "Reject",
    "ยอมรับทั้งหมด": "Accept All",
    "ไม่รับทั้งหมด": "Reject All",
    "ใช้ข้อความที่เสนอในหนังสือ": "Put the suggested words in the letter",
    "ไม่ใช้ข้อเสนอนี้ หนังสือคงเดิม": "Do not use this suggestion; the letter stays as it is",
    "เพิ่ม": "Insert",
    "ลบ": "Delete",
}


def register() -> None:
    """Add the strings to the interface table (entries already there win)."""
    from dla_drafter.ui.i18n import EN

    for thai, english in SUGGESTING_EN.items():
        EN.setdefault(thai, english)
