"""Interface language: Thai by default, English as a setting.

A plain dictionary keyed by the Thai text, rather than Qt's .ts/.qm machinery: the Thai string
in the code is what the clerk sees, the table is easy to review, and no build step is needed.
A missing English entry falls back to the Thai text, which is never wrong, only untranslated.
"""

from __future__ import annotations

_language = "th"

EN: dict[str, str] = {
    # menus and commands
    "แ&ฟ้ม": "&File",
    "แ&ก้ไข": "&Edit",
    "&มุมมอง": "&View",
    "เ&ครื่องมือ": "&Tools",
    "&ช่วยเหลือ": "&Help",
    "&ใหม่": "&New",
    "&เปิด…": "&Open…",
    "เปิดล่าสุ&ด": "Open &Recent",
    "&บันทึก": "&Save",
    "บันทึกเ&ป็น…": "Save &As…",
    "ส่งออก P&DF…": "Export P&DF…",
    "ส่งออก DOC&X…": "Export DOC&X…",
    "ส่งออก PDF และ DOCX…": "Export PDF and DOCX…",
    "&พิมพ์…": "&Print…",
    "ตัวอย่างก่อนพิมพ์…": "Print Previe&w…",
    "ออ&ก": "E&xit",
    "เลิ&กทำ": "&Undo",
    "ทำ&ซ้ำ": "&Redo",
    "พอดีความกว้าง": "Fit Width",
    "พอดีหน้า": "Fit Page",
    "ขยาย": "Zoom In",
    "ย่อ": "Zoom Out",
    "ตั้ง&ค่า…": "&Settings…",
    "เกี่ยวกับ": "About",
    "ล้างรายการ": "Clear List",
    "(ไม่มี)": "(none)",
    "ปัญหา": "Problems",
    "ตัวอย่างหน้า": "Page Preview",
    # form sections
    "หัวหนังสือ": "Heading",
    "เรื่องและคำขึ้นต้น": "Subject and Salutation",
    "อ้างถึง": "References",
    "สิ่งที่ส่งมาด้วย": "Enclosures",
    "ข้อความ": "Body",
    "ท้ายหนังสือ": "Closing",
    "ส่วนราชการเจ้าของเรื่องและการติดต่อ": "Owner Unit and Contacts",
    "QR Code": "QR Code",
    "สำเนาส่ง": "Copies To",
    "บัญชีรายชื่อแนบท้าย": "Distribution List",
    "สำเนาคู่ฉบับและตัวเลข": "File Copy and Digits",
    # form labels
    "ชนิดหนังสือ": "Kind",
    "ชั้นความเร็ว": "Urgency",
    "ชั้นความลับ": "Secrecy",
    "รหัสหนังสือ": "Number code",
    "หนังสือเวียน (ว)": "Circular (ว)",
    "เลขทะเบียนส่ง": "Serial",
    "เว้นว่างไว้": "Leave blank",
    "ส่วนราชการ": "Agency",
    "ที่ตั้ง": "Address",
    "วันที่": "Date",
    "เว้นวันที่ว่าง": "Leave day blank",
    "วันนี้": "Today",
    "เดือน": "Month",
    "พ.ศ.": "Year (B.E.)",
    "เรื่อง": "Subject",
    "เรียน (ผู้รับ)": "Addressee",
    "คำขึ้นต้น": "Salutation",
    "คำลงท้าย": "Complimentary close",
    "ใช้คำแนะนำ": "Use suggestion",
    "แนะนำ": "Suggested",
    "ย่อหน้าสรุป": "Closing paragraph",
    "ชื่อผู้ลงนาม": "Signer name",
    "ตำแหน่ง": "Position",
    "ผู้ลงนามที่ใช้บ่อย": "Signer presets",
    "ใช้": "Apply",
    "ส่วนราชการเจ้าของเรื่อง": "Owner unit",
    "โทร.": "Phone",
    "โทรสาร": "Fax",
    "ไปรษณีย์อิเล็กทรอนิกส์": "E-mail",
    "ผู้ประสานงาน": "Coordinator",
    "ที่อยู่เว็บ (URL)": "URL",
    "คำบรรยาย": "Caption",
    "หัวเรื่องบัญชี": "List title",
    "รายชื่อ": "Names",
    "นำเข้า CSV/Excel…": "Import CSV/Excel…",
    "พิมพ์เป็นสำเนาคู่ฉบับ": "Print as file copy",
    "ช่องลงชื่อย่อ": "Initials",
    "ตัวเลข": "Digits",
    "เลขไทย": "Thai digits",
    "เลขอารบิก": "Arabic digits",
    "ตามที่พิมพ์": "As typed",
    "เพิ่ม": "Add",
    "ลบ": "Remove",
    "เลื่อนขึ้น": "Move up",
    "เลื่อนลง": "Move down",
    "เพิ่มย่อหน้า": "Add paragraph",
    "ย่อหน้าที่ {n}": "Paragraph {n}",
    "รายการ": "Item",
    "จำนวน": "Amount",
    "บทบาท": "Role",
    "ชื่อ/ชื่อย่อ": "Name/initials",
    "{n} รายชื่อ": "{n} names",
    "ไม่มี": "None",
    # kinds
    "หนังสือภายนอก": "External letter",
    "บันทึกข้อความ": "Memo",
    "หนังสือประทับตรา": "Stamped letter",
    "คำสั่ง": "Order",
    "ประกาศ": "Announcement",
    # preview / status
    "{n} หน้า": "{n} pages",
    "กำลังจัดหน้า…": "Typesetting…",
    "จัดหน้าไม่ได้: {e}": "Cannot typeset: {e}",
    "ยังไม่มีตัวจัดหน้า": "Typesetter not available",
    "ไม่พบปัญหา": "No problems found",
    "ข้อผิดพลาด {e} · คำเตือน {w}": "Errors {e} · Warnings {w}",
    # dialogs
    "หนังสือไม่มีชื่อ": "Untitled letter",
    "บันทึกการแก้ไขหรือไม่?": "Save changes?",
    "หนังสือ “{name}” มีการแก้ไขที่ยังไม่ได้บันทึก": "“{name}” has unsaved changes",
    "บันทึกไม่ได้": "Cannot save",
    "เปิดแฟ้มไม่ได้": "Cannot open file",
    "ส่งออกไม่ได้": "Cannot export",
    "ส่งออกแล้ว": "Exported",
    "บันทึกแล้ว": "Saved",
    "{kind}ไม่พิมพ์ช่องนี้ (ข้อความที่กรอกไว้ยังเก็บอยู่)":
        "This kind of letter ({kind}) does not print this box (what was typed is kept)",
    "แฟ้มร่างหนังสือ": "Letter drafts",
    "ลองใหม่": "Retry",
    "ปิดแฟ้มนั้นในโปรแกรมที่เปิดอยู่ แล้วกด ลองใหม่":
        "Close the file in the program that has it open, then press Retry",
    "ทุกแฟ้ม (*)": "All files (*)",
    "กู้คืนร่างหนังสือ": "Recover drafts",
    "ครั้งก่อนโปรแกรมปิดไม่ปกติ พบร่างหนังสือที่บันทึกอัตโนมัติไว้ {n} ฉบับ ต้องการกู้คืนหรือไม่?":
        "The program did not close normally last time. {n} autosaved draft(s) were found. "
        "Restore them?",
    "ตั้งค่า": "Settings",
    "ภาษาของโปรแกรม": "Interface language",
    "โปรไฟล์ส่วนราชการ": "Agency profiles",
    "ชื่อโปรไฟล์": "Profile name",
    "ชื่อส่วนราชการ": "Agency name",
    "รหัสหนังสือ (เช่น มท 0816.3)": "Number code (e.g. มท 0816.3)",
    "ผู้ลงนามเริ่มต้น": "Default signer",
    "ตำแหน่งผู้ลงนาม": "Signer position",
    "แบบอักษรใน DOCX": "DOCX font",
    "ภาพตราครุฑ": "Emblem image",
    "คำต่อหน้า": "Continuation word",
    "ลายน้ำร่าง": "Draft watermark",
    "รหัสกระทรวง (e-CMS)": "Ministry code (e-CMS)",
    "รหัสกรม (e-CMS)": "Department code (e-CMS)",
    "ชื่อผู้ส่ง (e-CMS)": "Sender's given name (e-CMS)",
    "นามสกุลผู้ส่ง (e-CMS)": "Sender's family name (e-CMS)",
    "ตำแหน่งผู้ส่ง (e-CMS)": "Sender's job title (e-CMS)",
    "ตัวเลขตามบัญชีหน่วยงาน e-CMS": "Digits from the e-CMS organisation list",
    "ว่างไว้ใช้ผู้ลงนามในหนังสือ": "Empty: the letter's signer",
    "{name}: ต้องเป็นตัวเลข ๑–๑๐ หลักตามบัญชีหน่วยงาน e-CMS (พิมพ์ไว้ \u201c{v}\u201d)":
        "{name}: must be 1–10 digits from the e-CMS organisation list (typed \u201c{v}\u201d)",
    "พิมพ์คำว่า \"ร่าง\" บนหนังสือที่ยังไม่ได้รับอนุมัติ":
        "Print \"ร่าง\" (draft) across letters not yet approved",
    "พิมพ์คำต่อหน้า (/ คำแรก…) ท้ายทุกหน้า ยกเว้นหน้าสุดท้าย":
        "Print the next page's first word (/ word…) at the foot of every page but the last",
    "เลือก…": "Browse…",
    "นำเข้าโปรไฟล์…": "Import profile…",
    "ส่งออกโปรไฟล์…": "Export profile…",
    "โปรไฟล์ใหม่": "New profile",
    "ลบโปรไฟล์": "Delete profile",
    "ใช้โปรไฟล์นี้": "Use this profile",
    "ตรวจพบข้อผิดพลาด": "Errors found",
    "แก้ข้อผิดพลาดต่อไปนี้ก่อนส่งออก:": "Fix these errors before exporting:",
    "เพิ่มในรายการคำ": "Add to word list",
    "บันทึกแฟ้มนี้ไม่ได้ แฟ้มอาจถูกเปิดอยู่ในโปรแกรมอื่นหรืออยู่ในที่ที่อ่านได้อย่างเดียว":
        "This file cannot be saved: it may be open in another program or on a read-only share",
    "ต้องการบันทึกเป็นแฟ้มอื่นแทนหรือไม่?": "Save under another name instead?",
}

EN.update({
    "แฟ้ม (&F)": "&File", "แก้ไข (&E)": "&Edit", "มุมมอง (&V)": "&View",
    "เครื่องมือ (&T)": "&Tools", "ช่วยเหลือ (&H)": "&Help",
    "ใหม่ (&N)": "&New", "เปิด… (&O)": "&Open…", "เปิดล่าสุด (&R)": "Open &Recent",
    "บันทึก (&S)": "&Save", "บันทึกเป็น… (&A)": "Save &As…",
    "ส่งออก PDF… (&D)": "Export P&DF…", "ส่งออก DOCX… (&X)": "Export DOC&X…",
    "ส่งออก PDF และ DOCX… (&B)": "Export &Both PDF and DOCX…",
    "พิมพ์… (&P)": "&Print…", "ตัวอย่างก่อนพิมพ์… (&W)": "Print Previe&w…",
    "ออก (&Q)": "&Quit", "เลิกทำ (&U)": "&Undo", "ทำซ้ำ (&R)": "&Redo",
    "พอดีความกว้าง (&W)": "Fit &Width", "พอดีหน้า (&F)": "&Fit Page",
    "ขยาย (&I)": "Zoom &In", "ย่อ (&O)": "Zoom &Out",
    "ไปยังปัญหาถัดไป (&N)": "&Next Problem", "ตั้งค่า… (&S)": "&Settings…",
    "เกี่ยวกับ (&A)": "&About", "แถบเครื่องมือ": "Toolbar",
    "ใหม่": "New", "เปิด": "Open", "บันทึก": "Save", "เลิกทำ": "Undo", "ทำซ้ำ": "Redo",
    "พิมพ์": "Print", "ส่งออก": "Export", "บันทึกเป็น": "Save As",
    "เปิดร่างหนังสือ": "Open draft", "ตัวอย่างก่อนพิมพ์": "Print preview",
    "ชนิ&ดหนังสือ": "&Kind", "&ที่ (รหัสหนังสือ)": "&Number code", "เลขที่": "Serial",
    "ส่วน&ราชการ": "A&gency", "วั&นที่": "&Date", "เ&รื่อง": "Sub&ject",
    "เรีย&น (ผู้รับ)": "&To (addressee)", "ย่อหน้า&สรุป": "Closing &paragraph",
    "ชื่อผู้ล&งนาม": "Si&gner name", "ตัวเ&ลข": "Di&gits", "เจ้าของเรื่อง": "Owner unit",
    "(ชื่อเต็ม)": "(full name)", "ชื่อเอกสาร": "Document", "จำนวน เช่น ๑ ชุด": "Amount, e.g. 1 set",
    "หนังสือที่อ้างถึง": "Referenced letter", "บทบาท เช่น ร่าง": "Role, e.g. draft",
    "เพิ่มอ้างถึง": "Add reference", "เพิ่มสิ่งที่ส่งมาด้วย": "Add enclosure",
    "เพิ่มแถว": "Add row", "ชุดมาตรฐาน": "Standard rows", "ลบย่อหน้านี้": "Remove paragraph",
    "เพิ่ม “{w}” ในรายการคำ": "Add “{w}” to the word list",
    "ขนาดการแสดงหน้า": "Page zoom", "จัดหน้าไม่ได้": "Cannot typeset",
    "คลิกที่ส่วนใดของหน้า เพื่อไปแก้ไขช่องนั้นในแบบฟอร์ม":
        "Click a part of the page to edit its field",
    "คลิกรายการเพื่อไปยังช่องที่ต้องแก้": "Click a problem to go to its field",
    "คลิกเพื่อไปยังช่องนี้": "Click to go to this field",
    "มีรายชื่ออยู่แล้ว {n} รายชื่อ และในแฟ้มมี {m} รายชื่อ":
        "The list already has {n} names and the file has {m}",
    "แทนที่รายชื่อเดิม": "Replace the list", "ต่อท้ายรายชื่อเดิม": "Append to the list",
    "ยกเลิก": "Cancel", "เพิ่มผู้ลงนาม": "Add signer", "ลบผู้ลงนาม": "Remove signer",
    "(ไม่มีคำแนะนำ)": "(no suggestions)", "บันทึกเป็นแฟ้มอื่น…": "Save as Another File…",
    "ชื่อในรายการ": "Label", "(ผู้ลงนาม)": "(signer)",
    "ชื่อที่แสดงในรายการ เช่น รองอธิบดี (ปฏิบัติราชการแทน)":
        "Label in the list, e.g. deputy director-general (acting)",
    "คู่มือผู้ใช้ (&G)": "Clerk's &Guide", "คู่มือผู้ใช้": "Clerk's guide",
    "เปิดคู่มือการใช้โปรแกรมสำหรับเจ้าหน้าที่": "Open the clerk's guide",
    "รุ่น {v}": "Version {v}", "PDF": "PDF", "DOCX": "DOCX",
    "ไม่พบคู่มือผู้ใช้ ({name}) ในโฟลเดอร์ของโปรแกรม":
        "The clerk's guide ({name}) is not in the program's folder",
    "เปิดคู่มือไม่ได้ เปิดแฟ้มนี้เอง:": "Cannot open the guide; open this file yourself:",
    "(รวมทั้งหมด {n} รายชื่อ)": "({n} names in all)",
    "นำเข้ารายชื่อ": "Import names", "นำเข้าแล้ว {n} รายชื่อ": "Imported {n} names",
    "นำเข้าไม่ได้": "Cannot import", "บันทึกแล้ว: {p}": "Saved: {p}",
    "ส่งออกแล้ว: {p}": "Exported: {p}", "เปิดแล้ว: {p}": "Opened: {p}",
    "เปิดแล้ว มีคำเตือน {n} รายการ: {w}": "Opened with {n} warning(s): {w}",
    "บันทึกอัตโนมัติไม่ได้: {e}": "Autosave failed: {e}",
    "บันทึกการตั้งค่าไม่ได้: {e}": "Cannot save settings: {e}",
    "กู้คืนไม่ได้: {e}": "Cannot restore: {e}",
    "ใส่วันที่ของวันนี้": "Fill in today's date", "ปีพุทธศักราช": "Buddhist Era year",
    "หนังสือถึงพระบรมวงศานุวงศ์: โปรดพิมพ์คำขึ้นต้นและคำลงท้ายเองตามประกาศสำนักพระราชวัง":
        "Letters to the royal family: type the salutation and close yourself (royal usage)",
})

# the signer group's e-saraban option (``ui/letter/esaraban.py``)
EN.update({
    "ลงนามด้วยชื่อในระบบสารบรรณอิเล็กทรอนิกส์": "Typed name as the signature (e-saraban)",
    "พิมพ์ชื่อผู้ลงนามใต้คำลงท้ายโดยไม่เว้นที่ลงลายมือชื่อ "
    "ใช้ได้เฉพาะหนังสือที่ส่งทางระบบสารบรรณอิเล็กทรอนิกส์ที่ยืนยันตัวตนแล้ว":
        "Prints the signer's name right under the close, with no room for a handwritten "
        "signature; valid only for letters sent through an identity-verified e-saraban system",
    "ใช้ได้เฉพาะส่งทางระบบสารบรรณอิเล็กทรอนิกส์": "Valid only for e-saraban dispatch",
})


EN.update({  # batch letters: ui/merge/fields.py, ui/merge/dialog.py
    "แทรกช่องข้อมูล… (&I)": "&Insert Merge Field…", "แทรกช่องข้อมูล": "Insert Merge Field",
    "สร้างหนังสือหลายฉบับ… (&M)": "&Mail Merge…",
    "แทรกช่องข้อมูล «คอลัมน์» จากตารางข้อมูล ณ ตำแหน่งเคอร์เซอร์":
        "Insert a «column» field from a data table at the cursor",
    "สร้างหนังสือหนึ่งฉบับต่อหนึ่งแถวของตารางข้อมูล (CSV หรือ XLSX)":
        "Make one letter per row of a data table (CSV or XLSX)",
    "สร้างหนังสือหลายฉบับจากตารางข้อมูล": "Mail Merge from a Data Table",
    "เลือกตารางข้อมูล": "Choose data table", "เลือกตารางข้อมูล…": "Choose data table…",
    "เลือกตารางข้อมูลอื่น…": "Choose another data table…",
    "ตารางข้อมูล (*.csv *.xlsx)": "Data tables (*.csv *.xlsx)", "ทุกแฟ้ม (*)": "All files (*)",
    "เปิดตารางข้อมูลไม่ได้": "Cannot open the data table",
    "คลิกในช่องที่จะแทรกก่อน แล้วเลือก แทรกช่องข้อมูล อีกครั้ง":
        "Click in the box to insert into first, then choose Insert Merge Field again",
    "ยังไม่ได้เลือกตารางข้อมูล (CSV หรือ XLSX)": "No data table chosen yet (CSV or XLSX)",
    "ตารางข้อมูล": "Data table", "การเข้ารหัส": "Encoding", "อัตโนมัติ": "Automatic",
    "การเข้ารหัสของแฟ้ม CSV (XLSX ไม่ต้องเลือก)": "Encoding of a CSV file (not needed for XLSX)",
    "ดูตัวอย่างฉบับที่": "Preview letter no.", "แถวที่ {r} ในแฟ้ม": "row {r} of the file",
    "แถว": "Row", "{n} แถวข้อมูล แสดง {k} แถวแรก{e}": "{n} data rows, first {k} shown{e}",
    "ผลลัพธ์": "Output", "โฟลเดอร์": "Folder", "เลือก…": "Choose…", "ชนิดแฟ้ม": "Formats",
    "รวมทุกฉบับเป็น PDF เดียว ({name})": "All letters in one PDF too ({name})",
    "ชื่อแฟ้ม": "File names",
    "«คอลัมน์» ใช้ค่าของแถวนั้น {n} คือลำดับฉบับ เช่น หนังสือ-«จังหวัด»":
        "«column» takes the row's value, {n} the letter's number, e.g. letter-«province»",
    "แถวนี้ไม่มีข้อมูลในคอลัมน์ {c} จึงจะไม่ได้สร้างหนังสือฉบับนี้":
        "This row has no value in column {c}, so its letter will not be made",
    "สร้างหนังสือ": "Make Letters", "ยกเลิก": "Cancel", "กำลังยกเลิก…": "Cancelling…",
    "ปิด": "Close", "สรุปผล": "Summary", "เปิดโฟลเดอร์": "Open Folder",
    "สร้างหนังสือไม่ได้": "Cannot make the letters",
    "กรุณาเลือกโฟลเดอร์ที่จะเก็บหนังสือ": "Choose the folder for the letters",
    "เลือกโฟลเดอร์": "Choose folder", "เขียนทับแฟ้มเดิมหรือไม่?": "Replace existing files?",
    "ในโฟลเดอร์นี้มีแฟ้มชื่อเดียวกันอยู่แล้ว {n} แฟ้ม เช่น {name}\n"
    "ต้องการสร้างใหม่ทับแฟ้มเดิมหรือไม่?":
        "This folder already has {n} file(s) with these names, e.g. {name}\n"
        "Make the letters again and replace them?",
    # the rows that would fail, marked before generating (issue 13 item 13)
    "และแถวที่มีปัญหาหลังจากนั้นอีก {m} แถว": "and {m} more rows with problems after them",
    "สร้างหนังสือจากตารางนี้ไม่ได้ทุกแถว": "No letter can be made from this table",
    "ตรวจแถวข้อมูลไม่ได้": "The rows could not be checked",
    "ตรวจแล้ว ทุกแถวสร้างหนังสือได้": "Checked: every row makes a letter",
    "{n} แถวจะสร้างหนังสือไม่ได้ (แถวสีแดง) แถวอื่นยังสร้างได้":
        "{n} row(s) will not make a letter (red); the other rows still will",
    "{n} แถวมีคำเตือน (แถวสีเหลือง)": "{n} row(s) with a warning (yellow)",
    "แถวนี้จะสร้างหนังสือไม่ได้": "This row will not make a letter",
    "แถวนี้สร้างหนังสือได้ แต่มีคำเตือน": "This row makes a letter, with a warning",
    "กำลังตรวจแถวข้อมูล {n} แถว…": "Checking {n} rows…",
})


def set_language(language: str) -> None:
    """Switch the interface language for widgets built from now on ("th" or "en")."""
    global _language
    _language = "en" if language == "en" else "th"


def language() -> str:
    return _language


def tr(text: str, **kwargs: object) -> str:
    """The interface text for ``text`` (written in Thai) in the current language."""
    if _language == "en":
        text = EN.get(text, text)
    return text.format(**kwargs) if kwargs else text
