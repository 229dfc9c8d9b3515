"""Qt's own dialogs, buttons and menus speak the interface language."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from dla_drafter.ui.i18n import set_language


def _texts(widget: Any) -> set[str]:
    """Every text a clerk can read on the buttons, labels and actions of ``widget``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = {b.text() for b in widget.findChildren(QAbstractButton)}
    texts |= {label.text() for label in widget.findChildren(QLabel)}
    texts |= {a.text() for a in widget.findChildren(QAction)}
    return {t.split("\t")[0] for t in texts if t}


def test_qt_dialogs_and_menus_speak_thai(qtbot: Any, window: Any) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      buttons.Save | buttons.Discard | buttons.Cancel, window)
    box.setDetailedText("รายละเอียด")
    assert {"บันทึก", "ไม่บันทึก", "ยกเลิก"} <= {b.text() for b in box.buttons()}
    assert "แสดงรายละเอียด…" in _texts(box)
    yes_no = QMessageBox(QMessageBox.Icon.Question, "t", "x", buttons.Yes | buttons.No, window)
    assert {"ใช่ (&Y)", "ไม่ใช่ (&N)"} == {b.text() for b in yes_no.buttons()}
    ok = QMessageBox(QMessageBox.Icon.Information, "t", "x", buttons.Ok, window)
    assert [b.text() for b in ok.buttons()] == ["ตกลง"]
    # the context menu of a text box
    subject = window.form.bindings["subject"].widget
    assert isinstance(subject, QLineEdit)
    menu = subject.createStandardContextMenu()
    labels = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert labels == ["เลิกทำ (&U)", "ทำซ้ำ (&R)", "ตัด (&T)", "คัดลอก (&C)", "วาง (&P)", "ลบ",
                      "เลือกทั้งหมด"]
    menu.deleteLater()
    paragraph_menu = window.form.lists["body"].editors[0].createStandardContextMenu()
    assert "คัดลอก (&C)" in [a.text().split("\t")[0] for a in paragraph_menu.actions()]
    paragraph_menu.deleteLater()
    # Qt's own file dialog (what Linux shows; Windows shows its own, in the system language)
    files = QFileDialog(window, "เปิด")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    texts = _texts(files)
    assert {"ชื่อแฟ้ม (&N):", "ชนิดแฟ้ม (&T):", "บันทึก (&S)", "ยกเลิก"} <= texts, texts
    assert not {"&Save", "Cancel", "File &name:"} & texts
    # print and print preview
    printer = QPrinter()
    printing = QPrintDialog(printer, window)
    texts = _texts(printing)
    assert {"พิมพ์ (&P)", "ยกเลิก"} <= texts, texts
    assert not {"&Print", "Cancel"} & texts
    preview = QPrintPreviewDialog(printer, window)
    texts = _texts(preview)
    assert {"หน้าถัดไป", "พอดีความกว้าง", "แนวตั้ง"} <= texts, texts


def test_english_interface_keeps_qt_in_english(qtbot: Any, make_window: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dla_drafter.ui.app import make_app

    set_language("en")
    try:
        make_app()  # as main() does once the language is known
        window = make_window()
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
                          window)
        assert {b.text() for b in box.buttons()} == {"Save", "Discard"}
    finally:
        set_language("th")
        make_app()  # Thai again for the tests after this one
