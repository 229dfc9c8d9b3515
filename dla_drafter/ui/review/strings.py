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
    # the version picker, the returned-draft banner, trust and cards, the guards (issue 12)
    "ไม่มีการเปลี่ยนแปลงระหว่างสองฉบับนี้":
        "No changes between these two versions",
    "ย้ายไป":
        "moved away",
    "ย้ายมา":
        "moved here",
    "ตั้งแต่ที่ฉันดูล่าสุด":
        "Since I Last Looked",
    "เทียบจากฉบับที่ท่านส่ง ส่งกลับ อนุมัติ หรือแสดงความเห็นครั้งล่าสุด ถึงฉบับปัจจุบัน":
        "Compare the version you last sent, returned, approved or commented on with the letter "
        "now",
    "ฉบับปัจจุบัน (ที่เปิดอยู่ รวมที่ยังไม่บันทึก)":
        "The letter now (as open, unsaved edits included)",
    "ตั้งแต่ที่ฉันดูล่าสุด: {b}":
        "Since I last looked: {b}",
    "ท่านยังไม่เคยดูร่างนี้: เทียบจากฉบับที่ส่งตรวจล่าสุด":
        "You have not looked at this draft yet: comparing from the last version sent",
    "ฉบับปัจจุบัน":
        "the letter now",
    "ฉบับที่ {n}":
        "version {n}",
    "จากฉบับที่ {a} ถึง{b}":
        "From version {a} to {b}",
    "จาก":
        "From",
    "ถึง":
        "To",
    "ฉบับที่ใช้เทียบ (ฉบับเก่า)":
        "The version to compare from (older)",
    "ฉบับที่นำมาเทียบ (ฉบับใหม่)":
        "The version to compare to (newer)",
    "แสดงการเปลี่ยนแปลง":
        "Show Changes",
    "แสดงคำที่เพิ่มและลบระหว่างสองฉบับที่เลือก":
        "Show the words added and removed between the two versions",
    "ความเห็นและอนุมัติ":
        "Comments and Approvals",
    "เทียบฉบับ":
        "Compare Versions",
    "และอีก {n} รายการ":
        "and {n} more",
    "ยังมีความเห็นที่ยังไม่ได้แก้":
        "Comments Still Open",
    "ยังมีความเห็นที่ยังไม่ได้แก้ {n} รายการ:":
        "{n} comments are not resolved yet:",
    "อนุมัติทั้งที่ยังมีความเห็นค้างอยู่หรือไม่?":
        "Approve with comments still open?",
    "อนุมัติทั้งที่มีความเห็นค้าง":
        "Approve Anyway",
    "บันทึกการตั้งค่าไม่ได้":
        "Cannot Save the Settings",
    "บันทึกบัตรผู้ตรวจแล้ว: {p}":
        "Reviewer card saved: {p}",
    "ไปที่ข้อความ":
        "Go to Text",
    "ติ๊กเมื่อแก้ตามความเห็นแล้ว ดับเบิลคลิกเพื่อไปยังข้อความ":
        "Tick when fixed; double-click to go to the text",
    "ส่งกลับแก้ไขโดย {by} เมื่อ {at}":
        "Returned for changes by {by} on {at}",
    "ความเห็นที่ต้องแก้: แก้แล้ว {d} จาก {n}":
        "Comments to deal with: {d} of {n} resolved",
    "ไม่มีความเห็นค้าง":
        "No open comments",
    "เชื่อถือผู้ตรวจ":
        "Trust a Reviewer",
    "ขอบัตรผู้ตรวจ (.dlacard) จากผู้ตรวจ แล้วโทรหาผู้ตรวจให้อ่านลายนิ้วมือของบัตรทีละกลุ่ม "
    "เทียบกับที่แสดงด้านล่าง เชื่อถือเฉพาะเมื่อตรงกันทุกตัว":
        "Ask the reviewer for their card (.dlacard), then phone them and have them read the "
        "fingerprint group by group. Trust it only when every digit matches.",
    "ผู้ลงนามอนุมัติในหนังสือ":
        "Approval signed by",
    "ลายนิ้วมือของกุญแจที่ลงนาม":
        "Fingerprint of the signing key",
    "บัตรผู้ตรวจ":
        "Reviewer card",
    "ยังไม่ได้เลือกไฟล์บัตร":
        "No card file chosen yet",
    "ลายนิ้วมือของบัตร":
        "Fingerprint of the card",
    "นำเข้าไฟล์บัตรของผู้ตรวจ…":
        "Import the Reviewer’s Card File…",
    "โทรเทียบลายนิ้วมือกับเจ้าของบัตรแล้ว ตรงกันทุกตัว":
        "I compared the fingerprint with the card’s owner by phone: every digit matches",
    "เชื่อถือผู้ตรวจนี้":
        "Trust This Reviewer",
    "เชื่อถือผู้ตรวจนี้…":
        "Trust This Reviewer…",
    "นำเข้าบัตรผู้ตรวจของผู้อนุมัติ เทียบลายนิ้วมือ แล้วให้เครื่องนี้นับการอนุมัติของเขา":
        "Import the approver’s card, compare the fingerprint, and count their approvals on this "
        "PC",
    "ลายนิ้วมือไม่ตรงกัน: บัตรนี้เป็นของกุญแจอื่น ไม่ใช่กุญแจที่ลงนามอนุมัติหนังสือนี้ "
    "จึงไม่นำเข้า ขอบัตรที่ถูกต้องจากผู้อนุมัติ":
        "The fingerprints differ: this card is for another key, not the one that signed this "
        "approval, so it is not imported. Ask the approver for the right card.",
    "บัตรถูกต้อง (ลายมือชื่อดิจิทัลของบัตรตรวจแล้ว)":
        "The card is genuine (its signature verified)",
    "ลายนิ้วมือของบัตรตรงกับกุญแจที่ลงนามอนุมัติ":
        "The card’s fingerprint matches the approval’s key",
    "แต่การอนุมัติลงชื่อว่า {signed} ส่วนบัตรเป็นของ {card} แม้เชื่อถือบัตรนี้ "
    "การอนุมัตินี้ก็จะไม่นับ":
        "but the approval is signed as {signed} and the card is {card}: even trusted, this "
        "approval will not count",
    "เพิ่ม {who} ในรายชื่อผู้ตรวจของโปรไฟล์ {p} แล้ว":
        "{who} added to the reviewers of {p}",
    "ปรับรายชื่อ {who} ในโปรไฟล์ {p} ตามบัตรแล้ว":
        "{who} updated in {p} from the card",
    "โปรไฟล์ {p} มีบัตรนี้อยู่แล้ว":
        "{p} already trusts this card",
    "ส่งออกบัตรไม่ได้":
        "Cannot Export the Card",
    "กรอกชื่อ ตำแหน่ง และชื่อย่อที่ ตรวจทาน › ข้อมูลผู้ใช้… ก่อน":
        "Enter your name, position and abbreviation in Review › User… first",
    "ส่งออกบัตรผู้ตรวจของฉัน…":
        "Export My Reviewer Card…",
    "บันทึกบัตรผู้ตรวจแล้ว: {p}\n\nส่งไฟล์นี้ให้ผู้ที่จะเชื่อถือการอนุมัติของท่าน เมื่อเขาโทรมา "
    "อ่านลายนิ้วมือนี้ให้ฟังทีละกลุ่ม:\n\n{f}":
        "Reviewer card saved: {p}\n\nSend it to whoever will trust your approvals. When they "
        "phone you, read them this fingerprint group by group:\n\n{f}",
    "บัตรผู้ตรวจ (*.dlacard);;ทุกแฟ้ม (*)":
        "Reviewer cards (*.dlacard);;All files (*)",
    "เชื่อถือผู้ตรวจ…":
        "Trust Reviewer…",
    "ไฟล์ที่ผู้อื่นนำเข้าเพื่อให้เครื่องของเขานับการอนุมัติของท่าน":
        "A file others import so that their PC counts your approvals",
    "การเปลี่ยนแปลงตั้งแต่ที่ฉันดูล่าสุด":
        "Changes Since I Last Looked",
    "การอนุมัติจะพิมพ์ชื่อในช่องลงชื่อย่อเฉพาะเมื่อเครื่องนี้เชื่อถือกุญแจของผู้อนุมัติ "
    "นำเข้าบัตรผู้ตรวจ (.dlacard) ที่ผู้ตรวจส่งออกจากโปรแกรม "
    "แล้วโทรให้ผู้ตรวจอ่านลายนิ้วมือเทียบทีละกลุ่ม":
        "An approval prints its name in the initials grid only when this PC trusts the "
        "approver’s key. Import the card (.dlacard) the reviewer exported, then phone them to "
        "compare the fingerprint group by group.",
    "ลายนิ้วมือของผู้ตรวจที่เลือก (อ่านทีละกลุ่มทางโทรศัพท์)":
        "Fingerprint of the selected reviewer (read it group by group over the phone)",
    "นำเข้าบัตรผู้ตรวจ…":
        "Import Reviewer Card…",
    "เลิกเชื่อถือ":
        "Stop Trusting",
    "นำผู้ตรวจที่เลือกออก: การอนุมัติของเขาจะไม่นับบนเครื่องนี้":
        "Remove the selected reviewer: their approvals will not count on this PC",
    "ออกเลขหนังสือส่งได้เฉพาะหนังสือที่อนุมัติแล้ว":
        "Number only letters that are approved",
    "ไม่ติ๊ก: ออกเลขหนังสือที่ยังไม่อนุมัติได้ แต่โปรแกรมเตือนก่อน ติ๊ก: "
    "ไม่ออกเลขจนกว่าการอนุมัติจะใช้ได้บนเครื่องนี้":
        "Off: a letter not approved can be numbered after a warning. On: no number until the "
        "approval is valid on this PC.",
    "ผู้ตรวจที่โปรไฟล์ {p} เชื่อถือ":
        "Reviewers the profile {p} trusts",
    "(ไม่มีชื่อ)":
        "(no name)",
    "จากบัตรผู้ตรวจ":
        "from a reviewer card",
    "พิมพ์ไว้ในโปรไฟล์ (ไม่มีบัตร)":
        "typed into the profile (no card)",
    "ยังไม่มีผู้ตรวจที่เชื่อถือ":
        "No trusted reviewers yet",
    "เลิกเชื่อถือ {who}?\nการอนุมัติของผู้นี้จะไม่พิมพ์ชื่อในช่องลงชื่อย่อบนเครื่องนี้อีก":
        "Stop trusting {who}?\nTheir approvals will no longer print a name in the initials grid "
        "on this PC.",
    "โปรไฟล์":
        "Profile",
    "ผู้ตรวจ":
        "Reviewers",
    "หนังสือยังไม่ได้อนุมัติ":
        "Letter Not Approved",
    "ออกเลขหนังสือฉบับนี้ทั้งที่ยังไม่ได้อนุมัติหรือไม่?":
        "Number this letter although it is not approved?",
    "ออกเลขทั้งที่ยังไม่อนุมัติ":
        "Number It Anyway",
    "ใบรับรองไม่ใช่ของผู้ลงนาม":
        "Certificate Is Not the Signer’s",
    "ลงนามด้วยใบรับรองนี้หรือไม่?":
        "Sign with this certificate?",
    "เปิดแฟ้มร่างหนังสือ ({s}) ของหนังสือนี้แทน":
        "Open the letter’s draft file ({s}) instead.",
    "เปิดร่างที่อยู่ใน {p} แล้ว เป็นร่างใหม่ที่ยังไม่บันทึก: บันทึกเป็นแฟ้มร่างก่อนแก้ไขต่อ":
        "Opened the draft inside {p} as a new, unsaved draft: save it as a draft file to go on",
    "หนังสือที่โปรแกรมนี้สร้าง":
        "Letters made by this program",
}


def register() -> None:
    """Add the review strings to the interface table (entries already there win)."""
    from dla_drafter.ui.i18n import EN

    for thai, english in REVIEW_EN.items():
        EN.setdefault(thai, english)
