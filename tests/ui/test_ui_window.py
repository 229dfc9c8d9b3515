"""The real window driven like a clerk would: typing, undo, files, export, checks, preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from uihelpers import ModalAnswer, example_letter, page_texts, type_text, wait_preview

from dla_drafter.model.draftio import load_draft, save_draft
from dla_drafter.model.letter import Letter

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


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


def test_paragraph_enter_and_multi_paragraph_paste(qtbot: Any, window: Any) -> None:
    body = window.form.lists["body"]
    type_text(body.editors[0], "หนึ่งสอง")
    editor = body.editors[0]
    editor.set_cursor(len("หนึ่ง"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.doc.letter.body == ["หนึ่ง", "สอง"]
    assert len(body.editors) == 2
    mime = QMimeData()
    mime.setText("ก\r\n\r\nข\nค")
    body.editors[1].set_cursor(0)
    body.editors[1].insertFromMimeData(mime)
    assert window.doc.letter.body == ["หนึ่ง", "ก", "ข", "คสอง"]
    assert len(body.editors) == 4
    # Backspace at the start of a paragraph joins it to the previous one
    body.editors[3].set_cursor(0)
    qtbot.keyClick(body.editors[3], Qt.Key.Key_Backspace)
    assert window.doc.letter.body == ["หนึ่ง", "ก", "ขคสอง"]
    # reorder and remove
    body.move_row(2, -1)
    assert window.doc.letter.body == ["หนึ่ง", "ขคสอง", "ก"]
    body.remove_row(0)
    assert window.doc.letter.body == ["ขคสอง", "ก"]
    assert body.editors[0].toPlainText() == "ขคสอง"


def test_undo_redo_across_fields(qtbot: Any, window: Any) -> None:
    subject = window.form.bindings["subject"].widget
    addressee = window.form.bindings["addressee"].widget
    type_text(subject, "เรื่องหนึ่ง")
    window.doc.break_merge()
    type_text(addressee, "ผู้ว่าราชการจังหวัด")
    window.doc.break_merge()
    window.form.lists["references"].add_item()
    assert len(window.doc.letter.references) == 1
    # Ctrl+Z typed in a text box goes to the window's history, not the box's own
    qtbot.keyClick(addressee, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.letter.references == []
    window.act_undo.trigger()
    assert window.doc.letter.addressee == ""
    assert addressee.text() == ""
    assert window.doc.letter.subject == "เรื่องหนึ่ง"
    window.act_undo.trigger()
    assert subject.text() == "" and window.doc.letter.subject == ""
    assert not window.isWindowModified()
    window.act_redo.trigger()
    window.act_redo.trigger()
    assert subject.text() == "เรื่องหนึ่ง"
    assert addressee.text() == "ผู้ว่าราชการจังหวัด"
    assert window.doc.letter.salutation == "เรียน"
    # list editors and check boxes are in the same history
    window.form.bindings["file_copy"].widget.setChecked(True)
    assert window.doc.letter.file_copy
    window.act_undo.trigger()
    assert not window.doc.letter.file_copy
    assert not window.form.bindings["file_copy"].widget.isChecked()


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


def test_open_edit_save_reopen(qtbot: Any, window: Any, tmp_path: Path) -> None:
    path = tmp_path / "circular.dladraft.json"
    letter = example_letter()
    letter.extra["x-future-key"] = {"kept": True}
    save_draft(letter, path)
    assert window.open_path(path)
    assert window.form.bindings["subject"].widget.text() == letter.subject
    assert window.form.lists["enclosures"]._rows[0][1][1].text() == "1 ชุด"
    type_text(window.form.bindings["contact.phone"].widget, "0 2241 9000")
    window.form.lists["references"].add_item()
    type_text(window.form.lists["references"]._rows[0][1][0], "หนังสือที่ มท 0816.3/ว 1750")
    assert window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified()
    assert Path(str(path) + ".bak").exists() or path.with_suffix(".bak").exists() or any(
        p.name.endswith(".bak") for p in tmp_path.iterdir())
    again = load_draft(path)
    assert again == window.doc.letter
    assert again.contact.phone == "0 2241 9000"
    assert again.references == ["หนังสือที่ มท 0816.3/ว 1750"]
    assert again.extra["x-future-key"] == {"kept": True}
    assert str(path.resolve()) in window.config.recent_files


def test_save_as_new_draft_and_failed_save_offers_save_as(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    type_text(window.form.bindings["subject"].widget, "ทดสอบ")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    target = tmp_path / "saved.dladraft.json"
    dialogs.replies["getSaveFileName"] = [(str(blocked / "x.dladraft.json"), ""),
                                         (str(target), "")]
    answer = ModalAnswer("บันทึกเป็นแฟ้มอื่น…")  # the box says what its buttons do
    assert window.save()  # no path yet: Save As; the first place fails, then another
    assert "ยกเลิก" in answer.texts
    assert "บันทึกแฟ้มนี้ไม่ได้" in answer.message
    assert load_draft(target).subject == "ทดสอบ"
    assert window.doc.path == target.resolve()
    assert "saved.dladraft.json" in window.windowTitle()


def test_close_prompts_for_unsaved_changes(qtbot: Any, window: Any, dialogs: Any) -> None:
    type_text(window.form.bindings["subject"].widget, "ยังไม่บันทึก")
    dialogs.replies["question"] = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible()
    dialogs.replies["question"] = QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()


def test_problems_panel_reacts_and_jumps_to_field(qtbot: Any, window: Any) -> None:
    window.doc.replace(example_letter(), None)
    window.problems.run_now()
    assert not window.problems.errors()
    qr = window.form.bindings["qr.url"].widget
    type_text(qr, "not a url")
    window.problems.run_now()
    fields = [p.field for p in window.problems.problems]
    assert "qr.url" in fields
    window.form.bindings["subject"].widget.setFocus()
    row = fields.index("qr.url")
    item = window.problems.list.item(row)
    window.problems.list.itemClicked.emit(item)
    assert qr.hasFocus()
    # an empty subject is an error: export is refused and the cursor goes to the subject
    subject = window.form.bindings["subject"].widget
    subject.selectAll()
    qtbot.keyClick(subject, Qt.Key.Key_Delete)
    assert window.doc.letter.subject == ""
    window.problems.run_now()
    assert any(p.field == "subject" for p in window.problems.errors())


def test_export_blocked_on_errors_allowed_with_warnings(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    letter = example_letter()
    letter.subject = ""
    window.doc.replace(letter, None)
    dialogs.replies["warning"] = QMessageBox.StandardButton.Ok
    assert window.export("pdf", tmp_path / "out.pdf") == []
    assert not (tmp_path / "out.pdf").exists()
    assert window.form.bindings["subject"].widget.hasFocus()
    type_text(window.form.bindings["subject"].widget, "ขอเชิญประชุม")
    window.doc.set_field("closing", "")  # a warning only
    written = window.export("both", tmp_path / "out.pdf")
    assert [p.name for p in written] == ["out.pdf", "out.docx"]
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "out.docx").read_bytes().startswith(b"PK")
    dialogs.replies["getSaveFileName"] = (str(tmp_path / "chosen.docx"), "")
    window.act_docx.trigger()
    assert (tmp_path / "chosen.docx").exists()


def test_export_both_writes_both_or_neither(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    window.doc.replace(example_letter(), None)
    folder = tmp_path / "letters"
    folder.mkdir()
    old_pdf = folder / "out.pdf"
    old_pdf.write_bytes(b"%PDF-1.7 the version the clerk printed yesterday")
    (folder / "out.docx").mkdir()  # the DOCX cannot be written there
    dialogs.replies["warning"] = QMessageBox.StandardButton.Ok
    assert window.export("both", folder / "out.pdf") == []
    assert old_pdf.read_bytes() == b"%PDF-1.7 the version the clerk printed yesterday"
    assert sorted(p.name for p in folder.iterdir()) == ["out.docx", "out.pdf"]  # no temps
    name, args = dialogs.calls[-1]
    assert name == "warning" and "out.docx" in args[2]  # the message names the file


def test_exported_pdf_has_the_typed_text(qtbot: Any, window: Any, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    window.doc.replace(example_letter(), None)
    type_text(window.form.bindings["contact.coordinator"].widget, "นายทดสอบ")
    out = window.export("pdf", tmp_path / "letter.pdf")[0]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert "นายทดสอบ" in text.replace("\n", "")


def test_preview_zoom_page_count_and_click_to_field(qtbot: Any, window: Any) -> None:
    window.doc.replace(example_letter(paragraphs=8), None)
    pages = wait_preview(qtbot, window)
    assert len(pages) >= 2
    assert window.preview.page_label.text().startswith(str(len(pages)))
    window.preview.set_zoom(50)
    small = window.preview.canvas.px_per_cm
    window.preview.set_zoom(200)
    assert window.preview.canvas.px_per_cm == pytest.approx(small * 4)
    window.preview.set_zoom("fit-page")
    window.preview.set_zoom("fit-width")
    canvas = window.preview.canvas
    line = next(li for li in pages.lines() if li.source == ("subject", None))
    rect = canvas.page_rects()[0]
    x = rect.x() + (line.x + 0.3) * canvas.px_per_cm
    y = rect.y() + (line.y - 0.15) * canvas.px_per_cm
    window.form.bindings["addressee"].widget.setFocus()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))
    assert window.form.bindings["subject"].widget.hasFocus()
    para = next(li for li in pages.lines() if li.source == ("body", 1))
    page_index = next(i for i, p in enumerate(pages.pages) if para in p.items)
    rect = canvas.page_rects()[page_index]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(
        int(rect.x() + (para.x + 0.5) * canvas.px_per_cm),
        int(rect.y() + (para.y - 0.15) * canvas.px_per_cm)))
    assert window.form.lists["body"].editors[1].hasFocus()


def test_preview_keeps_scroll_position(qtbot: Any, window: Any) -> None:
    window.doc.replace(example_letter(paragraphs=8), None)
    wait_preview(qtbot, window)
    bar = window.preview.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    type_text(window.form.lists["body"].editors[0], "ก")
    wait_preview(qtbot, window)
    assert bar.value() == before


def test_new_draft_is_prefilled_from_the_profile(qtbot: Any, make_window: Any) -> None:
    from dla_drafter.app_settings import AgencyProfile, AppConfig, SignerPreset

    config = AppConfig.load()
    config.profiles = [AgencyProfile(
        profile_name="ทดสอบ", name="สำนักงานทดสอบ", address=["ถนนทดสอบ"], number_code="มท 9999",
        phone="0 1234 5678", signer_name="นายผู้ลงนาม", signer_position=["ผู้อำนวยการ"],
        signer_presets=[SignerPreset(label="รองฯ", name="นายรอง", position=["รองผู้อำนวยการ",
                                                                          "ปฏิบัติราชการแทน"])],
    )]
    config.active_profile = "ทดสอบ"
    window = make_window(config=config)
    letter = window.doc.letter
    assert letter.agency.name == "สำนักงานทดสอบ"
    assert letter.number.code == "มท 9999"
    assert letter.signer.position == ["ผู้อำนวยการ"]
    assert window.form.bindings["agency.name"].widget.text() == "สำนักงานทดสอบ"
    assert window.form.lines["agency.address"].toPlainText() == "ถนนทดสอบ"
    assert not window.isWindowModified()
    window.form.apply_preset()
    assert window.doc.letter.signer.name == "นายรอง"
    assert window.form.lines["signer.position"].toPlainText() == "รองผู้อำนวยการ\nปฏิบัติราชการแทน"


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


def test_spelling_marks_and_add_to_word_list(qtbot: Any, window: Any, spell: Any) -> None:
    text = "การศึกษาของกาารศึกษ"
    spans = spell.misspelled(text)
    assert spans
    marked = [text[s: s + n] for s, n in spans]
    assert any("าร" in m or "ษ" in m for m in marked)
    type_text(window.form.lists["body"].editors[0], "สถ.จังหวัด")
    word = "ดลาดราฟเตอร์"
    assert spell.misspelled(word)
    window.form.add_word(word)
    assert spell.misspelled(word) == []
    assert word in spell.words_path.read_text(encoding="utf-8")


def test_save_refused_by_the_format_names_the_field(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    window.doc.replace(example_letter(), tmp_path / "x.dladraft.json")
    window.doc.set_field("subject", "เรื่อง\x07")  # a control character cannot be saved
    dialogs.replies["warning"] = QMessageBox.StandardButton.Ok
    assert not window.save()
    assert window.form.bindings["subject"].widget.hasFocus()
    assert window.recovery.draft_path.exists()  # the text is kept in the recovery folder


def test_empty_new_window_opens_fast_and_letter_is_default(window: Any) -> None:
    assert isinstance(window.doc.letter, Letter)
    assert window.doc.letter.body == [""]
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("หนังสือไม่มีชื่อ")


def test_characters_the_font_cannot_draw_show_in_the_problems_panel(
    qtbot: Any, window: Any
) -> None:
    letter = example_letter()
    letter.subject = "ประชุม 😀"
    window.doc.replace(letter, None)
    wait_preview(qtbot, window)
    qtbot.waitUntil(lambda: any(p.code == "missing-glyph" for p in window.problems.problems),
                    timeout=5000)
    problem = next(p for p in window.problems.problems if p.code == "missing-glyph")
    assert problem.field == "subject" and "U+1F600" in problem.message("th")
    assert problem.severity == "warning"


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
