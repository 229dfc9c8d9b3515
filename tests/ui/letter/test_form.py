"""The letter's form driven through real widgets: typing, the heading, names, suggestions, kinds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QMessageBox
from uihelpers import ModalAnswer, example_letter, page_texts, type_text, wait_preview


def test_typing_changes_the_letter_and_the_preview(qtbot: Any, window: Any) -> None:
    wait_preview(qtbot, window)
    subject = window.form.bindings["subject"].widget
    type_text(subject, "ขอเชิญประชุม")
    assert window.doc.letter.subject == "ขอเชิญประชุม"
    assert window.isWindowModified()
    pages = wait_preview(qtbot, window)
    assert "ขอเชิญประชุม" in page_texts(pages)
    type_text(window.form.lists["body"].editors[0], "ข้อความย่อหน้าแรก")
    assert window.doc.letter.body[0] == "ข้อความย่อหน้าแรก"
    pages = wait_preview(qtbot, window)
    assert any("ข้อความย่อหน้าแรก" in t for t in page_texts(pages))
    assert window.preview.page_label.text()


def test_salutation_follows_addressee_until_overridden(qtbot: Any, window: Any) -> None:
    addressee = window.form.bindings["addressee"].widget
    type_text(addressee, "นายกรัฐมนตรี")
    assert window.doc.letter.salutation == "กราบเรียน"
    assert window.doc.letter.complimentary_close == "ขอแสดงความนับถืออย่างยิ่ง"
    assert window.form.bindings["salutation"].read() == "กราบเรียน"
    addressee.clear()
    window.doc.set_field("addressee", "")
    salutation = window.form.bindings["salutation"].focus
    salutation.selectAll()
    type_text(salutation, "เรียน")
    type_text(addressee, "ประธานวุฒิสภา")
    assert window.doc.letter.salutation == "เรียน"  # the clerk's choice is kept
    window.form.apply_suggestion()
    assert window.doc.letter.salutation == "กราบเรียน"


def test_heading_fields(qtbot: Any, window: Any) -> None:
    form = window.form
    form.bindings["kind"].widget.setCurrentIndex(1)
    form.bindings["kind"].widget.activated.emit(1)
    assert window.doc.letter.kind == "memo"
    form.bindings["urgency"].widget.activated.emit(2)
    assert window.doc.letter.urgency == "ด่วนมาก"
    blank = form.findChild(type(form.bindings["number.circular"].widget), "number.serial.blank")
    blank.setChecked(False)
    type_text(form.bindings["number.serial"].widget, "1750")
    assert window.doc.letter.number.serial == "1750"
    blank.setChecked(True)
    assert window.doc.letter.number.serial is None
    day_blank = form.findChild(type(blank), "date.day.blank")
    day_blank.setChecked(False)
    form.bindings["date.day"].widget.setValue(31)
    form.bindings["date.month"].widget.activated.emit(1)  # February: 31 → 28/29
    assert window.doc.letter.date.month == 2
    assert window.doc.letter.date.day in (28, 29)
    lines = form.lines["agency.address"]
    lines.setPlainText("บรรทัดหนึ่ง\n\nบรรทัดสอง\t(ต่อ)")
    assert window.doc.letter.agency.address == ["บรรทัดหนึ่ง", "บรรทัดสอง (ต่อ)"]
    form.bindings["digits"].widget.activated.emit(1)
    assert window.doc.letter.digits == "arabic"


def test_import_names_from_csv_and_xlsx(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    import openpyxl

    csv_path = tmp_path / "names.csv"
    csv_path.write_text("ชื่อ\nผู้ว่าราชการจังหวัดกระบี่\nผู้ว่าราชการจังหวัดกาญจนบุรี\n",
                        encoding="utf-8-sig")
    dialogs.replies["information"] = QMessageBox.StandardButton.Ok
    assert window.form.import_names(csv_path) == 2
    assert window.form.names_count.text().startswith("2")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (("ลำดับ", "รายชื่อ"), (1, "ผู้ว่าราชการจังหวัดขอนแก่น"), (2, "ผู้ว่าฯ ชัยนาท")):
        sheet.append(row)
    xlsx = tmp_path / "names.xlsx"
    book.save(xlsx)
    ModalAnswer("ต่อท้ายรายชื่อเดิม")  # append to the names already there
    assert window.form.import_names(xlsx) == 2  # the names the file gave, not the total
    assert window.doc.letter.recipients.names[-1] == "ผู้ว่าฯ ชัยนาท"
    assert "4" in window.form.names_count.text()
    # pasting a column from a spreadsheet into the box
    mime = QMimeData()
    mime.setText("ก\r\nข\r\n")
    box = window.form.lines["recipients.names"]
    box.selectAll()
    box.insertFromMimeData(mime)
    assert window.doc.letter.recipients.names == ["ก", "ข"]


def test_problem_in_list_item_focuses_row(qtbot: Any, window: Any) -> None:
    letter = example_letter()
    letter.enclosures[0].amount = ""
    window.doc.replace(letter, None)
    window.problems.run_now()
    assert window.form.focus_field("enclosures[0].amount")
    assert window.form.lists["enclosures"]._rows[0][1][1].hasFocus()
    assert window.form.focus_field("agency.address[1]")
    assert window.form.lines["agency.address"].hasFocus()
    assert window.form.focus_field("date.month")
    assert window.form.focus_field("body[1]")
    assert window.form.lists["body"].editors[1].hasFocus()
    # parts of the page the preview reports, as the typesetter names them
    for part, index, widget in (
        ("signer.position", 0, window.form.lines["signer.position"]),
        ("agency.name", None, window.form.bindings["agency.name"].widget),
        ("number", None, window.form.bindings["number.code"].widget),
        ("enclosures", None, window.form.lists["enclosures"]._rows[0][1][0]),
        ("recipients.title", None, window.form.bindings["recipients.title"].widget),
    ):
        assert window.form.focus_source(part, index)
        assert widget.hasFocus(), part


def test_fields_a_kind_does_not_print_are_greyed_out(qtbot: Any, window: Any) -> None:
    window.doc.replace(example_letter(), None)
    close = window.form.field_widget("complimentary_close")
    address = window.form.field_widget("agency.address")
    addressee = window.form.field_widget("addressee")
    assert close.isEnabled() and address.isEnabled() and addressee.isEnabled()
    kind = window.form.bindings["kind"].widget

    def choose(value: str) -> None:  # as the clerk does: pick an entry of the list
        index = kind.findData(value)
        kind.setCurrentIndex(index)
        kind.activated.emit(index)

    choose("memo")
    assert window.doc.letter.kind == "memo"
    assert not close.isEnabled() and not address.isEnabled() and addressee.isEnabled()
    assert close.toolTip()
    assert window.doc.letter.complimentary_close  # what was typed is kept
    choose("order")
    assert not addressee.isEnabled()
    window.doc.undo_stack.undo()
    assert window.doc.letter.kind == "memo"
    assert not close.isEnabled() and addressee.isEnabled()
    window.doc.undo_stack.undo()
    assert window.doc.letter.kind == "external" and close.isEnabled()
    assert not close.toolTip().startswith("บันทึกข้อความ")


def test_greyed_boxes_say_which_kind_does_not_print_them(qtbot: Any, window: Any) -> None:
    """The stamped letter prints no เรื่อง; an order no อ้างถึง, สิ่งที่ส่งมาด้วย, ที่ตั้ง or
    รหัสหนังสือ: their boxes are greyed and say so, in the box when it is empty."""
    window.doc.replace(example_letter(), None)
    kind = window.form.bindings["kind"].widget
    subject = window.form.field_widget("subject")
    placeholder = subject.placeholderText()

    def choose(value: str) -> None:
        index = kind.findData(value)
        kind.setCurrentIndex(index)
        kind.activated.emit(index)

    choose("stamped")
    assert not subject.isEnabled()
    assert subject.toolTip().startswith("หนังสือประทับตราไม่พิมพ์")
    # and the problems panel says it too, naming the field
    qtbot.waitUntil(lambda: any(p.code == "not-printed" and p.field == "subject"
                                for p in window.problems.problems), timeout=5000)
    choose("order")
    assert subject.isEnabled() and subject.placeholderText() == placeholder
    for path in ("references", "enclosures", "agency.address", "number.code"):
        widget = window.form.field_widget(path)
        assert widget is not None and not widget.isEnabled(), path
        assert widget.toolTip().startswith("คำสั่งไม่พิมพ์"), path
    address = window.form.field_widget("agency.address")
    choose("announcement")
    assert address.toolTip().startswith("ประกาศไม่พิมพ์")


def test_import_names_asks_with_labelled_buttons_and_counts_what_it_imported(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    csv_path = tmp_path / "names.csv"
    csv_path.write_text("ชื่อ\nผู้ว่าราชการจังหวัดกระบี่\nผู้ว่าราชการจังหวัดตรัง\n"
                        "ผู้ว่าราชการจังหวัดพังงา\n", encoding="utf-8")
    window.doc.set_field("recipients.names", ["ก", "ข", "ค", "ง"], merge=False)
    informed: list[str] = []
    dialogs.replies["information"] = lambda _parent, _title, text, *rest: informed.append(text)
    answer = ModalAnswer("ต่อท้ายรายชื่อเดิม")
    assert window.form.import_names(csv_path) == 3
    assert {"แทนที่รายชื่อเดิม", "ต่อท้ายรายชื่อเดิม", "ยกเลิก"} <= set(answer.texts)
    assert "Yes" not in answer.message and "No" not in answer.message
    assert len(window.doc.letter.recipients.names) == 7
    assert informed[-1].startswith("นำเข้าแล้ว 3 รายชื่อ")
    answer = ModalAnswer("แทนที่รายชื่อเดิม")
    assert window.form.import_names(csv_path) == 3
    assert window.doc.letter.recipients.names == [
        "ผู้ว่าราชการจังหวัดกระบี่", "ผู้ว่าราชการจังหวัดตรัง", "ผู้ว่าราชการจังหวัดพังงา"]
    ModalAnswer("ยกเลิก")
    window.doc.set_field("recipients.names", ["ก"], merge=False)
    assert window.form.import_names(csv_path) == 0
    assert window.doc.letter.recipients.names == ["ก"]
    assert informed[-1].startswith("นำเข้าแล้ว 3 รายชื่อ") and len(informed) == 2


def test_salutation_hint_only_for_kinds_that_print_one(qtbot: Any, window: Any) -> None:
    form = window.form
    type_text(form.bindings["addressee"].widget, "ผู้ว่าราชการจังหวัด")
    assert not form.hint_holder.isHidden()
    for kind, shown in (("order", False), ("announcement", False), ("stamped", False),
                        ("memo", True), ("external", True)):
        combo = form.bindings["kind"].widget
        combo.activated.emit(combo.findData(kind))
        assert window.doc.letter.kind == kind
        assert form.hint_holder.isHidden() != shown, kind
