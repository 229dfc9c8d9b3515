"""English for the review panel's Thai interface text (see :mod:`dla_drafter.ui.i18n`).

Kept beside the review modules and merged into ``i18n.EN`` when they load, so the review UI
brings its own strings without editing the shared table.
"""

from __future__ import annotations

REVIEW_EN: dict[str, str] = {
    "ตรวจทาน": "Review",
    "ตรวจทาน (&R)": "&Review",
    "ส่งตรวจ": "Send for Review",
    "บันทึกฉบับนี้ไว้เทียบ แล้วส่งให้ผู้ตรวจ": "Freeze this version and send it to the reviewer",
    "ความเห็น": "Comments",
    "พิมพ์ความเห็นหรือคำตอบที่นี่": "Type a comment or a reply here",
    "บันทึกความเห็น": "Add Comment",
    "บันทึกความเห็นต่อข้อความที่เลือก": "Comment on the selected text",
    "ตอบ": "Reply",
    "ตอบความเห็นที่เลือก": "Reply to the selected comment",
    "แก้แล้ว": "Resolve",
    "เปิดอีกครั้ง": "Reopen",
    "ทำเครื่องหมายว่าแก้ตามความเห็นแล้ว": "Mark the comment as resolved",
    "ไปที่ช่อง": "Go to Field",
    "ไปยังข้อความที่ความเห็นนี้อ้างถึง": "Go to the text this comment quotes",
    "การอนุมัติ": "Approvals",
    "เหตุผลที่ส่งกลับแก้ไข": "Reason for returning",
    "อนุมัติ": "Approve",
    "ลงชื่อย่ออนุมัติหนังสือฉบับนี้ด้วยกุญแจของท่าน": "Initial this letter, signed with your key",
    "ส่งกลับแก้ไข": "Return for Changes",
    "ส่งกลับแก้ไข…": "Return for Changes…",
    "ส่งกลับให้ผู้ร่างแก้ไข พร้อมเหตุผล": "Return to the drafter with a reason",
    "การเปลี่ยนแปลง": "Changes",
    "เทียบกับฉบับที่ส่งตรวจ": "Compare with the Version Sent",
    "แสดงคำที่เพิ่มและลบตั้งแต่ฉบับที่ส่งตรวจ": "Show words added and deleted since it was sent",
    "การเปลี่ยนแปลงก่อนหน้า": "Previous Change",
    "การเปลี่ยนแปลงถัดไป": "Next Change",
    "ไม่มีการเปลี่ยนแปลงตั้งแต่ฉบับที่ส่งตรวจ": "No changes since the version sent for review",
    "หนังสือนี้ยังไม่เคยส่งตรวจ": "This letter was never sent for review",
    "เพิ่ม": "added",
    "ลบ": "removed",
    "แยกย่อหน้า": "split",
    "รวมย่อหน้า": "merged",
    "ย้าย": "moved",
    "สถานะ: {s}": "Status: {s}",
    "ร่าง": "draft",
    "ข้อความนี้ถูกแก้แล้ว": "this text has changed",
    "ความเห็นต่อ “{q}” ในช่อง{f}": "Comment on “{q}” in {f}",
    "เลือกข้อความในแบบฟอร์มแล้วกด Ctrl+Alt+M เพื่อแสดงความเห็น":
        "Select text in the form and press Ctrl+Alt+M to comment",
    "✓ ใช้ได้": "✓ valid",
    "⚠ หนังสือแก้ไขหลังอนุมัติ": "⚠ stale: changed after approval",
    "? ไม่รู้จักกุญแจ": "? unknown key",
    "✗ ไม่ถูกต้อง": "✗ invalid",
    "พิมพ์ในช่องลงชื่อย่อของสำเนาคู่ฉบับ": "Prints in the file copy's initials grid",
    "ทำรายการไม่ได้": "Cannot Do That",
    "แสดงความเห็น": "Comment",
    "แสดงความเห็น…": "Comment…",
    "เลือกข้อความในช่องของแบบฟอร์ม หรือคลิกบรรทัดในตัวอย่างหน้า แล้วสั่งแสดงความเห็นอีกครั้ง":
        "Select text in a field of the form, or click a line in the preview, then comment again",
    "ช่องนี้ยังไม่มีข้อความ": "This field has no text yet",
    "ตอบความเห็น": "Reply",
    "เปิดความเห็นอีกครั้ง": "Reopen Comment",
    "แก้ตามความเห็นแล้ว": "Resolve Comment",
    "กรอกชื่อและชื่อย่อที่ใช้ในช่องลงชื่อย่อก่อน (ตรวจทาน → ข้อมูลผู้ใช้…)":
        "Enter your name and the abbreviation for the initials grid first (Review → User…)",
    "อนุมัติไม่ได้": "Cannot Approve",
    "{n} การเปลี่ยนแปลง": "{n} changes",
    "การเปลี่ยนแปลงที่ {i}/{n}: {f}": "Change {i}/{n}: {f}",
    "ข้อมูลผู้ใช้…": "User…",
    "ข้อมูลผู้ใช้สำหรับการตรวจทาน": "User for Review",
    "เช่น นายสมชาย ใจดี": "e.g. Somchai Jaidee",
    "เช่น ผู้อำนวยการกองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น": "e.g. Director of the Division",
    "เช่น ผอ.กศ.": "e.g. ผอ.กศ.",
    "ชื่อย่อตำแหน่งที่พิมพ์ในช่องลงชื่อย่อเมื่ออนุมัติ":
        "The abbreviation printed in the initials grid when you approve",
    "ชื่อ": "Name",
    "ตำแหน่ง": "Position",
    "ชื่อย่อในช่องลงชื่อย่อ": "Abbreviation in the initials grid",
    "กุญแจสาธารณะ (ส่งให้ผู้ดูแลเพิ่มในรายชื่อผู้ตรวจของโปรไฟล์ส่วนราชการ)":
        "Public key (give it to the administrator to add to the agency profile's reviewers)",
    "คัดลอก": "Copy",
    "สร้างกุญแจ": "Create Key",
    "สร้างกุญแจลงนามส่วนตัว (สร้างให้เองเมื่ออนุมัติครั้งแรก)":
        "Create your private signing key (made automatically at the first approval)",
    "ยังไม่มีกุญแจ": "no key yet",
    "สร้างกุญแจไม่ได้": "Cannot Create the Key",
}


def register() -> None:
    """Add the review strings to the interface table (entries already there win)."""
    from dla_drafter.ui.i18n import EN

    for thai, english in REVIEW_EN.items():
        EN.setdefault(thai, english)
