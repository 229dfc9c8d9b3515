"""Thai for the texts Qt itself shows: dialog buttons, file and print dialogs, edit menus.

Qt ships no Thai translation (``PySide6/Qt/translations`` has no ``qtbase_th.qm``), so a
clerk saw "Save / Discard / Cancel", "Yes / No" and "Cu&t / &Copy / &Paste" in an otherwise
Thai program. :class:`ThaiQtTranslator` answers Qt's ``translate(context, source)`` calls
from the table below; contexts and source texts are Qt 6's own (read from what the real
dialogs ask for). A text missing here stays English, never breaks. For another interface
language, Qt's own ``qtbase_<lang>.qm`` is loaded when Qt has one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# Button texts of QMessageBox and QDialogButtonBox (QPlatformTheme::defaultStandardButtonText).
_BUTTONS = {
    "OK": "ตกลง", "Save": "บันทึก", "Save All": "บันทึกทั้งหมด", "Open": "เปิด",
    "&Yes": "ใช่ (&Y)", "Yes to &All": "ใช่ทั้งหมด (&A)", "&No": "ไม่ใช่ (&N)",
    "N&o to All": "ไม่ใช่ทั้งหมด (&O)", "Abort": "ยุติ", "Retry": "ลองอีกครั้ง",
    "Ignore": "ข้าม", "Close": "ปิด", "Cancel": "ยกเลิก", "Discard": "ไม่บันทึก",
    "Help": "วิธีใช้", "Apply": "นำไปใช้", "Reset": "ตั้งค่าใหม่",
    "Restore Defaults": "คืนค่าเริ่มต้น",
}

# The context menu of every text box (QLineEdit, QTextEdit/QPlainTextEdit).
_EDIT_MENU = {
    "&Undo": "เลิกทำ (&U)", "&Redo": "ทำซ้ำ (&R)", "Cu&t": "ตัด (&T)", "&Copy": "คัดลอก (&C)",
    "&Paste": "วาง (&P)", "Delete": "ลบ", "Select All": "เลือกทั้งหมด",
    "Copy &Link Location": "คัดลอกที่อยู่ลิงก์ (&L)",
}

TABLE: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": {
        "Show Details...": "แสดงรายละเอียด…", "Hide Details...": "ซ่อนรายละเอียด…",
        "OK": "ตกลง", "About Qt": "เกี่ยวกับ Qt",
    },
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QFileDialog": {
        "&Look in:": "ค้นหาใน (&L):", "Look in:": "ค้นหาใน:", "File &name:": "ชื่อแฟ้ม (&N):",
        "Files of &type:": "ชนิดแฟ้ม (&T):", "Files of type:": "ชนิดแฟ้ม:",
        "&Open": "เปิด (&O)", "&Save": "บันทึก (&S)", "&Choose": "เลือก (&C)",
        "Open": "เปิด", "Save As": "บันทึกเป็น", "Find Directory": "เลือกโฟลเดอร์",
        "Back": "ย้อนกลับ", "Forward": "ไปข้างหน้า", "Parent Directory": "โฟลเดอร์แม่",
        "Go back": "ย้อนกลับ", "Go forward": "ไปข้างหน้า",
        "Go to the parent directory": "ไปยังโฟลเดอร์แม่",
        "Create New Folder": "สร้างโฟลเดอร์ใหม่", "Create a New Folder": "สร้างโฟลเดอร์ใหม่",
        "List View": "มุมมองรายการ", "Detail View": "มุมมองรายละเอียด",
        "Change to list view mode": "เปลี่ยนเป็นมุมมองรายการ",
        "Change to detail view mode": "เปลี่ยนเป็นมุมมองรายละเอียด",
        "&New Folder": "โฟลเดอร์ใหม่ (&N)", "New Folder": "โฟลเดอร์ใหม่",
        "&Rename": "เปลี่ยนชื่อ (&R)", "&Delete": "ลบ (&D)",
        "Show &hidden files": "แสดงแฟ้มที่ซ่อน (&H)", "Directories": "โฟลเดอร์",
        "Directory:": "โฟลเดอร์:", "Files": "แฟ้ม", "All Files (*)": "ทุกแฟ้ม (*)",
        "Sidebar": "แถบด้านข้าง", "List of places and bookmarks": "ที่ตั้งและที่คั่นไว้",
        "Recent Places": "ที่ที่ใช้ล่าสุด", "My Computer": "คอมพิวเตอร์",
        "Computer": "คอมพิวเตอร์", "Folder": "โฟลเดอร์", "File": "แฟ้ม",
        "File Folder": "โฟลเดอร์แฟ้ม", "Unknown": "ไม่ทราบ",
        "%1 already exists.\nDo you want to replace it?": "มีแฟ้ม %1 อยู่แล้ว\nต้องการแทนที่หรือไม่?",
        "Are you sure you want to delete '%1'?": "ต้องการลบ '%1' หรือไม่?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nไม่พบแฟ้มนี้\nโปรดตรวจชื่อแฟ้มอีกครั้ง",
    },
    "QFileSystemModel": {
        "Name": "ชื่อ", "Size": "ขนาด", "Type": "ชนิด", "Kind": "ชนิด",
        "Date Modified": "วันที่แก้ไข", "Computer": "คอมพิวเตอร์", "My Computer": "คอมพิวเตอร์",
    },
    "QAbstractFileIconProvider": {"Drive": "ไดรฟ์", "Folder": "โฟลเดอร์", "File": "แฟ้ม"},
    "QPrintDialog": {
        "Print": "พิมพ์", "&Print": "พิมพ์ (&P)", "&Options >>": "ตัวเลือก (&O) >>",
        "&Options <<": "ตัวเลือก (&O) <<", "Print to File (PDF)": "พิมพ์ลงแฟ้ม (PDF)",
        "Local file": "แฟ้มในเครื่อง", "Write PDF file": "เขียนแฟ้ม PDF",
        "All Pages": "ทุกหน้า", "Odd Pages": "หน้าคี่", "Even Pages": "หน้าคู่",
        "Print To File ...": "พิมพ์ลงแฟ้ม…", "Print current page": "พิมพ์หน้าปัจจุบัน",
        "Print range": "ช่วงที่พิมพ์", "Print all": "พิมพ์ทั้งหมด",
    },
    "QPrintWidget": {
        "Printer": "เครื่องพิมพ์", "&Name:": "ชื่อ (&N):", "P&roperties": "คุณสมบัติ (&R)",
        "Location:": "ที่ตั้ง:", "Preview": "ตัวอย่าง", "Type:": "ชนิด:",
        "Output &file:": "แฟ้มผลลัพธ์ (&F):",
    },
    "QPrintSettingsOutput": {
        "Copies": "จำนวนชุด", "Copies:": "จำนวนชุด:", "Collate": "เรียงชุด",
        "Reverse": "เรียงกลับด้าน", "Options": "ตัวเลือก", "Output Settings": "การพิมพ์",
        "Print range": "ช่วงที่พิมพ์", "Print all": "พิมพ์ทั้งหมด", "Pages from": "หน้าที่",
        "to": "ถึง", "Pages": "หน้า", "Current Page": "หน้าปัจจุบัน", "Selection": "ส่วนที่เลือก",
        "Color Mode": "สี", "Color": "สี", "Grayscale": "ขาวดำ",
        "Double Sided Printing": "พิมพ์สองหน้า", "Off": "ปิด",
        "Long side binding": "เย็บด้านยาว", "Short side binding": "เย็บด้านสั้น",
        "Page &Set:": "ชุดหน้า (&S):",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.":
            "ระบุหน้าหรือช่วงหน้า คั่นด้วยจุลภาค ช่วงหน้าเขียนเป็นเลขสองตัวคั่นด้วยขีด "
            "เช่น 3,5-7,9 พิมพ์หน้า 3, 5, 6, 7 และ 9",
    },
    "QPrintPreviewDialog": {
        "Print Preview": "ตัวอย่างก่อนพิมพ์", "Print": "พิมพ์", "Page Setup": "ตั้งค่าหน้ากระดาษ",
        "Page setup": "ตั้งค่าหน้ากระดาษ", "Next page": "หน้าถัดไป", "Previous page": "หน้าก่อน",
        "First page": "หน้าแรก", "Last page": "หน้าสุดท้าย", "Fit width": "พอดีความกว้าง",
        "Fit page": "พอดีหน้า", "Zoom in": "ขยาย", "Zoom out": "ย่อ",
        "Portrait": "แนวตั้ง", "Landscape": "แนวนอน", "Show single page": "แสดงทีละหน้า",
        "Show facing pages": "แสดงหน้าคู่", "Show overview of all pages": "แสดงทุกหน้า",
        "Export to PDF": "ส่งออก PDF", "Close": "ปิด",
    },
    "QPageSetupWidget": {
        "Paper": "กระดาษ", "Page size:": "ขนาดกระดาษ:", "Width:": "กว้าง:", "Height:": "สูง:",
        "Paper source:": "ถาดกระดาษ:", "Orientation": "แนวกระดาษ", "Portrait": "แนวตั้ง",
        "Landscape": "แนวนอน", "Reverse landscape": "แนวนอนกลับด้าน",
        "Reverse portrait": "แนวตั้งกลับด้าน", "Margins": "ระยะขอบ",
        "top margin": "ขอบบน", "bottom margin": "ขอบล่าง", "left margin": "ขอบซ้าย",
        "right margin": "ขอบขวา", "Page Layout": "การจัดหน้า", "Page &order:": "ลำดับหน้า (&O):",
        "Pages &per sheet:": "จำนวนหน้าต่อแผ่น (&P):", "Custom": "กำหนดเอง",
        "Millimeters (mm)": "มิลลิเมตร (mm)", "Points (pt)": "พอยต์ (pt)",
        "Inches (in)": "นิ้ว (in)", "mm": "มม.",
    },
    "QTabBar": {"Scroll Left": "เลื่อนซ้าย", "Scroll Right": "เลื่อนขวา"},
    "QColorDialog": {"Select Color": "เลือกสี"},
}


class ThaiQtTranslator(QTranslator):
    """Qt's own texts in Thai, from :data:`TABLE`; anything else is left to Qt."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        return TABLE.get(context, {}).get(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def language(self) -> str:
        return "th"


_installed: list[QTranslator] = []
_installed_language: tuple[int, str] | None = None


def install_qt_translations(language: str) -> list[QTranslator]:
    """Put Qt's texts in ``language`` ("th" or "en"): Thai from our table, others from Qt.

    Replaces what an earlier call installed, so the language can be set again (tests do).
    """
    global _installed_language
    app = QCoreApplication.instance()
    if app is None:
        return []
    if _installed_language == (id(app), language):
        return list(_installed)  # already so: no LanguageChange sent to every widget again
    _installed_language = (id(app), language)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "th":
        translator: QTranslator = ThaiQtTranslator(app)
        app.installTranslator(translator)
        _installed.append(translator)
    elif language != "en":
        shipped = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if shipped.load(QLocale(language), "qtbase", "_", folder):
            app.installTranslator(shipped)
            _installed.append(shipped)
    return list(_installed)
