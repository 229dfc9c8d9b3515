"""English for the register and signing commands, added to :data:`dla_drafter.ui.i18n.EN`.

A table of its own (imported by ``issue_number``, ``window``, ``sign_dialog``,
``menu`` and ``url_field``) so these strings live beside the commands that
use them; the lookup is still the one ``tr`` of ``i18n``.
"""

from __future__ import annotations

from dla_drafter.ui.i18n import EN

REGISTER_EN: dict[str, str] = {
    # menu
    "ทะเบียนและลงนาม (&R)": "&Register and Signing",
    "ออกเลขหนังสือ (&N)": "Issue &Number",
    "บันทึกร่าง แล้วออกเลขที่หนังสือและวันที่จากทะเบียนหนังสือส่ง":
        "Save the draft, then take its number and date from the outgoing register",
    "ทะเบียนหนังสือส่ง… (&L)": "Outgoing &Register…",
    "ค้นหา เปิดร่าง ส่งออก พิมพ์ จองเลข และยกเลิกเลขในทะเบียนหนังสือส่ง":
        "Search, open drafts, export, print, reserve and cancel numbers in the register",
    "ลงนาม… (&S)": "&Sign…",
    "ลงลายมือชื่ออิเล็กทรอนิกส์ใน PDF ด้วยใบรับรอง (.p12)":
        "Sign the PDF electronically with a certificate (.p12)",
    # issuing
    "ออกเลขหนังสือ": "Issue number",
    "กำลังออกเลขหนังสือจากทะเบียน…": "Taking a number from the register…",
    "ออกเลขแล้ว: ที่ {n} ลงวันที่ {d}": "Issued: number {n}, dated {d}",
    "ออกเลขไม่ได้": "Cannot issue a number",
    "ออกเลข {n} และบันทึกลงไฟล์ร่างแล้ว แต่เปิดไฟล์ร่างใหม่ไม่ได้: {e}":
        "{n} was issued and written into the draft, but the draft could not be reopened: {e}",
    "ร่างนี้ได้เลขที่ {n} ลงวันที่ {d} จากทะเบียนแล้ว (ออกเลขค้างไว้เมื่อโปรแกรมหยุดทำงาน)":
        "This draft now has number {n}, dated {d}, from the register (issued before the "
        "program stopped)",
    # register window
    "ทะเบียนหนังสือส่ง": "Outgoing register",
    "ทะเบียนที่ใช้: ไฟล์ {u}": "Register: file {u}",
    "ทะเบียนที่ใช้: เซิร์ฟเวอร์ {u}": "Register: server {u}",
    "เลขที่": "Number", "ลงวันที่": "Date", "ถึง": "To", "จาก": "From",
    "สถานะ": "Status", "หมายเหตุ": "Remarks", "ถึง (ผู้รับ)": "To (addressee)",
    "ตั้งแต่วันที่": "From date", "ถึงวันที่": "To date",
    "ออกแล้ว": "Issued", "จองไว้": "Reserved", "ยกเลิก": "Cancelled",
    "ทุกสถานะ": "Any status", "ค้นหา": "Search", "ล้าง": "Clear",
    "เช่น 0816.3/ว 15 หรือ 15": "e.g. 0816.3/ว 15 or 15",
    "วว/ดด/ปปปป": "dd/mm/yyyy",
    "{f}: อ่านวันที่ “{t}” ไม่ได้ (ใช้ วว/ดด/ปปปป เช่น 2/12/2569)":
        "{f}: cannot read the date “{t}” (use dd/mm/yyyy, e.g. 2/12/2569 or 2/12/2026)",
    "ค้นหาไม่ได้": "Cannot search",
    "กำลังติดต่อทะเบียน…": "Contacting the register…",
    "{n} รายการ": "{n} entries",
    "เปิดร่าง": "Open draft", "ส่งออก XLSX…": "Export XLSX…", "ส่งออก CSV…": "Export CSV…",
    "พิมพ์ทะเบียน…": "Print register…", "พิมพ์ทะเบียน": "Print register",
    "ส่งออกทะเบียน": "Export register",
    "จองเลข…": "Reserve number…", "จองเลข": "Reserve number",
    "ยกเลิกเลข…": "Cancel number…", "ยกเลิกเลข": "Cancel number", "ปิด": "Close",
    "ถ้าทราบแล้ว": "if known",
    "เลือกรายการในตารางก่อน": "Select an entry in the table first",
    "เลขที่ {n} ไม่มีไฟล์ร่างบันทึกไว้": "No draft file is recorded for {n}",
    "ไม่พบไฟล์ร่างของเลขที่ {n}: {p} (อาจถูกย้ายหรือเปลี่ยนชื่อ)":
        "The draft of {n} is not found: {p} (moved or renamed?)",
    "ตั้งแต่ {a} ถึง {b}": "from {a} to {b}", "ตั้งแต่ {a}": "from {a}", "ถึง {b}": "until {b}",
    "เหตุผลที่ยกเลิกเลขที่ {n} (เลขนี้จะไม่ถูกใช้อีก):":
        "Why is {n} cancelled? (the number is never used again):",
    "ต้องระบุเหตุผลที่ยกเลิกเลข": "A reason is needed to cancel a number",
    "จองเลขที่ {n} แล้ว\n\nเมื่อร่างหนังสือ ใส่เลข {s} ในช่องเลขที่ของร่าง "
    "แล้วกด “ออกเลขหนังสือ” โปรแกรมจะใช้เลขที่จองไว้นี้":
        "{n} is reserved.\n\nWhen the letter is drafted, type {s} as its serial and press "
        "“Issue Number”: the reserved number is used.",
    # signing
    "ลงนามหนังสือ (ลายมือชื่ออิเล็กทรอนิกส์)": "Sign letter (electronic signature)",
    "ใบรับรองของผู้ลงนาม": "Signer's certificate",
    "ไฟล์ .p12 หรือ .pfx ที่ได้จากผู้ออกใบรับรอง": "the .p12 or .pfx file from your CA",
    "รหัสผ่านของใบรับรอง": "Certificate passphrase",
    "ลักษณะลายมือชื่อ": "Appearance",
    "แสดงลายมือชื่อในช่องลงนาม (เหนือชื่อผู้ลงนาม)":
        "Visible in the signature block (above the signer's name)",
    "ไม่แสดงบนหน้ากระดาษ (ตรวจได้ในโปรแกรมอ่าน PDF)":
        "Invisible (shown by PDF readers' signature panel)",
    "PDF ที่จะลงนาม": "PDF to sign",
    "ส่งออกหนังสือที่เปิดอยู่เป็น PDF แล้วลงนาม": "Export the open letter to PDF, then sign",
    "ลงนามไฟล์ PDF ที่ส่งออกไว้แล้ว": "Sign a PDF exported earlier",
    "ไฟล์ PDF": "PDF file", "บันทึกไฟล์ที่ลงนามเป็น": "Save the signed file as",
    "เหตุผลการลงนาม": "Reason", "ไม่บังคับ เช่น อนุมัติ": "optional, e.g. approved",
    "ออกเลขหนังสือก่อนลงนาม: ไฟล์ที่ลงนามแล้วแก้ไขไม่ได้ "
    "โปรแกรมจะไม่ส่งออกทับไฟล์ที่ลงนามแล้ว":
        "Issue the number before signing: a signed file cannot be changed, and the program "
        "never exports over one",
    "ลงนาม": "Sign", "กำลังลงนาม…": "Signing…", "ลงนามแล้ว: {p}": "Signed: {p}",
    "ลงนามไม่ได้": "Cannot sign",
    "ใบรับรอง PKCS#12 (*.p12 *.pfx);;ทุกแฟ้ม (*)":
        "PKCS#12 certificates (*.p12 *.pfx);;All files (*)",
    "ไม่พบลายมือชื่อในไฟล์": "No signature found in the file",
    "ลายมือชื่อของ {n} เมื่อ {t}: {v}": "Signature of {n} at {t}: {v}",
    "ถูกต้อง เนื้อหาไม่ถูกแก้ไขหลังลงนาม": "valid, content unchanged since signing",
    " ยืนยันตัวผู้ลงนามแล้ว": "; the signer is verified",
    "โปรไฟล์ส่วนราชการ": "the agency profile",
    "มีปัญหา: ": "problems: ",
    "ยังไม่ได้กรอกช่อง “{f}”": "“{f}” is empty",
    "ยังไม่ได้ออกเลข": "No number yet",
    "หนังสือนี้ยังไม่มีเลขที่ ไฟล์ที่ลงนามแล้วจะแก้ไขไม่ได้อีก ควรออกเลขหนังสือก่อน\n\n"
    "ลงนามโดยไม่มีเลขที่หรือไม่?":
        "This letter has no number yet. A signed file can never be changed, so issue the "
        "number first.\n\nSign without a number?",
    "ยังไม่ได้บันทึกลงทะเบียน: {e}": "Not recorded in the register: {e}",
    "บันทึกลายนิ้วมือ SHA-256 ของไฟล์ที่ลงนามไว้ในทะเบียนที่ {n} แล้ว":
        "The signed file's SHA-256 fingerprint is recorded in the register at {n}",
    # settings
    "ฐานข้อมูลทะเบียนหนังสือส่ง": "Outgoing register database",
    "เลือกไฟล์ SQLite…": "Choose SQLite file…",
    "ไฟล์ทะเบียนหนังสือส่ง (SQLite)": "Register file (SQLite)",
    "ฐานข้อมูล SQLite (*.sqlite3 *.db);;ทุกแฟ้ม (*)":
        "SQLite databases (*.sqlite3 *.db);;All files (*)",
    "sqlite:///ไฟล์ในเครื่อง หรือ postgresql://ผู้ใช้@เครื่อง/ฐานข้อมูล":
        "sqlite:///local-file or postgresql://user@host/database",
    "ที่อยู่ฐานข้อมูลทะเบียนไม่ถูกต้อง: {u} (ใช้ sqlite:///… หรือ postgresql://…)":
        "Invalid register database URL: {u} (use sqlite:///… or postgresql://…)",
}

# The settings hint (url_field.HINT), kept here with its translation.
REGISTER_EN[
    "ว่างไว้: ใช้ไฟล์ทะเบียนในเครื่องนี้ ({default}) · สำนักงานที่มีหลายคนออกเลข ให้ใช้"
    "เซิร์ฟเวอร์ PostgreSQL (postgresql://ผู้ใช้@เครื่อง/ฐานข้อมูล) · ห้ามวางไฟล์ SQLite "
    "ไว้บนโฟลเดอร์เครือข่ายเพื่อใช้ร่วมกัน: หลายเครื่องออกเลขพร้อมกันอาจได้เลขซ้ำหรือไฟล์เสีย"
] = ("Blank: this PC's own register file ({default}) · an office where several clerks "
     "issue numbers uses a PostgreSQL server (postgresql://user@host/database) · never share "
     "a SQLite file from a network folder: several PCs issuing at once can get the same "
     "number or damage the file")

for _thai, _english in REGISTER_EN.items():
    EN.setdefault(_thai, _english)  # a translation the shared table already has wins
