"""Issue 6, items 9–15: the desktop program's papercuts, each driven through real widgets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar
from uihelpers import ModalAnswer, example_letter, type_text

from dla_drafter.ui.i18n import set_language


def _problem_rows(window: Any) -> list[tuple[str, str]]:
    """(text, field) of every row of the problems panel."""
    rows = []
    for row in range(window.problems.list.count()):
        item = window.problems.list.item(row)
        rows.append((item.text(), item.data(Qt.ItemDataRole.UserRole)))
    return rows


def test_problems_panel_names_fields_by_their_labels(qtbot: Any, window: Any) -> None:
    letter = example_letter()
    letter.subject = ""
    letter.number.circular = True
    letter.number.code = ""
    window.doc.replace(letter, None)
    window.problems.run_now()
    rows = _problem_rows(window)
    assert rows
    for text, field in rows:
        assert f"({field})" not in text, text  # no internal names in the clerk's list
    subject = next(text for text, field in rows if field == "subject")
    assert subject.startswith("เรื่อง: ")
    # clicking a row still puts the cursor in its field
    window.form.bindings["agency.name"].widget.setFocus()
    row = [field for _, field in rows].index("subject")
    window.problems.list.itemClicked.emit(window.problems.list.item(row))
    assert window.form.bindings["subject"].widget.hasFocus()


def test_problems_panel_in_english_uses_english_labels(qtbot: Any, make_window: Any) -> None:
    set_language("en")
    try:
        window = make_window()
        letter = example_letter()
        letter.subject = ""
        window.doc.replace(letter, None)
        window.problems.run_now()
        subject = next(text for text, field in _problem_rows(window) if field == "subject")
        assert subject.startswith("Subject: ") and "(subject)" not in subject
    finally:
        set_language("th")


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


def _wheel(widget: Any, steps: int = -1) -> None:
    """One wheel notch per step (negative: towards the end of the form), over ``widget``."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(abs(steps)):
        pos = QPointF(widget.rect().center())
        event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                            QPoint(0, 120 if steps > 0 else -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)


def test_wheel_over_drop_downs_scrolls_the_form(qtbot: Any, window: Any) -> None:
    form = window.form
    form.focus_field("subject")
    bar = form.verticalScrollBar()
    assert bar.maximum() > 0
    urgency = form.bindings["urgency"].widget
    for path in ("urgency", "kind", "date.day", "date.year", "salutation"):
        widget = form.bindings[path].widget
        before = form.bindings[path].read()
        bar.setValue(0)
        _wheel(widget.lineEdit() if path == "salutation" else widget, -2)
        assert form.bindings[path].read() == before, path
        assert bar.value() > 0, path  # the form scrolled instead
    assert window.doc.letter.urgency is None and not window.doc.undo_stack.canUndo()
    assert urgency.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # a box the clerk has chosen (clicked, tabbed to) takes the wheel
    year = form.bindings["date.year"].widget
    year.setFocus()
    start = window.doc.letter.date.year
    _wheel(year, 1)
    assert window.doc.letter.date.year == start + 1


def test_undo_from_a_drop_down_and_from_a_text_box(qtbot: Any, window: Any) -> None:
    form = window.form
    urgency = form.bindings["urgency"].widget
    urgency.setFocus()
    urgency.setCurrentIndex(2)
    urgency.activated.emit(2)
    assert window.doc.letter.urgency is not None
    qtbot.keyClick(urgency, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.letter.urgency is None and urgency.currentIndex() == 0
    salutation = form.bindings["salutation"].widget
    type_text(salutation.lineEdit(), "ทดสอบ")
    assert window.doc.letter.salutation.endswith("ทดสอบ")
    qtbot.keyClick(salutation.lineEdit(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.letter.salutation == salutation.currentText() == "เรียน"
    # nothing left to undo (a draft just opened): Ctrl+Z in a box changes nothing, and the
    # box's private history of what was typed before does not come back
    subject = form.bindings["subject"].widget
    type_text(subject, "ทดสอบ")
    window.doc.replace(window.doc.snapshot(), None)  # as if this text had been opened
    assert not window.doc.undo_stack.canUndo()
    qtbot.keyClick(subject, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert subject.text() == window.doc.letter.subject == "ทดสอบ"
    assert not window.doc.is_modified()


def test_export_shortcuts_work_while_typing(qtbot: Any, window: Any) -> None:
    calls: list[str] = []
    window.export = lambda kind, path=None: calls.append(kind)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for box in (window.form.bindings["subject"].widget, window.form.lists["body"].editors[0],
                window.form.lines["signer.position"]):
        calls.clear()
        type_text(box, "ก")
        qtbot.keyClick(box, Qt.Key.Key_E, ctrl)
        qtbot.keyClick(box, Qt.Key.Key_E, ctrl | shift)
        assert calls == ["pdf", "docx"], box.objectName()


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("Xvfb")),
                    reason="needs Xvfb: X11 key bindings exist only on the xcb platform")
def test_export_shortcuts_win_over_x11_text_box_bindings(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DLA_DRAFTER_CONFIG_DIR=str(tmp_path / "c"),
               DLA_DRAFTER_DATA_DIR=str(tmp_path / "d"))
    driver = Path(__file__).with_name("xcb_keys_driver.py")
    run = subprocess.run(["xvfb-run", "-a", sys.executable, str(driver)], env=env,
                         capture_output=True, text=True, timeout=120)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, run.stdout + run.stderr
    result = json.loads(lines[-1])
    if "error" in result:
        pytest.skip(result["error"])
    for box in ("line", "paragraph", "lines", "combo"):
        assert result[box] == ["pdf", "docx"], (box, result)


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


def test_toolbar_keeps_its_short_labels_when_undo_becomes_possible(
    qtbot: Any, window: Any
) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    undo = toolbar.widgetForAction(window.act_undo)
    pdf = toolbar.widgetForAction(window.act_pdf)
    assert undo.text() == "เลิกทำ"
    x_before = pdf.x()
    type_text(window.form.bindings["subject"].widget, "ก")
    assert window.act_undo.isEnabled()
    qtbot.wait(1)
    assert undo.text() == "เลิกทำ" and toolbar.widgetForAction(window.act_redo).text() == "ทำซ้ำ"
    assert pdf.x() == x_before  # nothing moved


def test_help_shows_the_version_and_opens_the_clerks_guide(
    qtbot: Any, window: Any, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    import dla_drafter
    from dla_drafter import paths

    dialogs.replies["about"] = None
    window.act_about.trigger()
    assert dla_drafter.__version__ in dialogs.calls[-1][1][2]
    opened: list[str] = []  # the real call would start the system's viewer
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.act_guide in help_menu.actions()
    window.act_guide.trigger()
    assert opened and Path(opened[0]).name == "คู่มือผู้ใช้.md" and Path(opened[0]).is_file()
    monkeypatch.setattr(paths, "guide_path", lambda: None)
    dialogs.replies["information"] = None
    assert window.open_guide() is False
    assert "ไม่พบคู่มือผู้ใช้" in dialogs.calls[-1][1][2]


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


LONG_PROFILE = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครศรีธรรมราช"


def _settings(qtbot: Any) -> Any:
    from dla_drafter.app_settings import AgencyProfile, AppConfig
    from dla_drafter.ui.settings.dialog import SettingsDialog

    config = AppConfig.load()
    config.profiles.append(AgencyProfile(profile_name=LONG_PROFILE))
    dialog = SettingsDialog(config)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_settings_profile_list_shows_whole_names(qtbot: Any) -> None:
    dialog = _settings(qtbot)
    profiles = dialog.list
    assert profiles.horizontalScrollBar().maximum() == 0  # nothing hidden to the side
    width = profiles.viewport().width()
    for row in range(profiles.count()):
        rect = profiles.visualItemRect(profiles.item(row))
        assert rect.right() <= width, profiles.item(row).text()
    # the long name wraps onto more lines instead of being cut
    long_row = [p.profile_name for p in dialog.config.profiles].index(LONG_PROFILE)
    line = profiles.fontMetrics().lineSpacing()
    assert profiles.visualItemRect(profiles.item(long_row)).height() > line * 1.5


def test_settings_rename_shows_in_the_list_at_once(qtbot: Any) -> None:
    dialog = _settings(qtbot)
    dialog.list.setCurrentRow(0)
    dialog.f_profile.selectAll()
    type_text(dialog.f_profile, "สถจ.ทดสอบ")
    assert dialog.list.item(0).text().startswith("สถจ.ทดสอบ")
    assert dialog.config.profiles[0].profile_name == "สถจ.ทดสอบ"
    assert dialog.config.active_profile == "สถจ.ทดสอบ"  # the tick follows the new name
    assert dialog.list.item(0).text().endswith("✓")


def test_settings_frequent_signers_can_be_edited(qtbot: Any, window: Any) -> None:
    dialog = _settings(qtbot)
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.preset_add, Qt.MouseButton.LeftButton)
    type_text(dialog.p_label, "รองอธิบดี")
    type_text(dialog.p_name, "นายทดสอบ ลงนาม")
    type_text(dialog.p_position, "รองอธิบดี")
    dialog.p_position.appendPlainText("ปฏิบัติราชการแทนอธิบดี")
    assert dialog.presets.currentItem().text() == "รองอธิบดี"
    qtbot.mouseClick(dialog.preset_add, Qt.MouseButton.LeftButton)
    type_text(dialog.p_name, "นายลบ ทิ้ง")
    qtbot.mouseClick(dialog.preset_remove, Qt.MouseButton.LeftButton)
    # another profile and back: the signers belong to their profile
    dialog.list.setCurrentRow(1)
    assert dialog.presets.count() == len(dialog.config.profiles[1].signer_presets)
    dialog.list.setCurrentRow(0)
    dialog.presets.setCurrentRow(dialog.presets.count() - 1)
    assert dialog.p_name.text() == "นายทดสอบ ลงนาม"
    dialog.accept()
    preset = dialog.config.profiles[0].signer_presets[-1]
    assert (preset.label, preset.name) == ("รองอธิบดี", "นายทดสอบ ลงนาม")
    assert preset.position == ["รองอธิบดี", "ปฏิบัติราชการแทนอธิบดี"]
    assert all(p.name != "นายลบ ทิ้ง" for p in dialog.config.profiles[0].signer_presets)
    # the window's signer drop-down offers it
    dialog.config.active_profile = dialog.config.profiles[0].profile_name
    window.apply_config(dialog.config)
    combo = window.form.preset_combo
    combo.setCurrentIndex(combo.count() - 1)
    window.form.apply_preset()
    assert window.doc.letter.signer.name == "นายทดสอบ ลงนาม"
    assert window.doc.letter.signer.position == ["รองอธิบดี", "ปฏิบัติราชการแทนอธิบดี"]


def test_one_letter_words_are_not_marked(spell: Any) -> None:
    for text in ("ประชุม ณ ห้องประชุมกรม", "ธ ทรงเป็นมิ่งขวัญ", "ฯพณฯ นายกรัฐมนตรี",
                 "เอกสาร ฯลฯ", "ประชุมณห้องประชุม"):
        assert spell.misspelled(text) == [], text


def _menu_at(window: Any, text: str, index: int) -> Any:
    """The body's context menu as a right-click at character ``index`` of ``text`` opens it."""
    editor = window.form.lists["body"].editors[0]
    type_text(editor, text)
    cursor = editor.textCursor()
    cursor.setPosition(index)
    pos = editor.cursorRect(cursor).center()
    cursor.clearSelection()
    editor.setTextCursor(cursor)
    return editor, window.form.paragraph_menu(editor, pos)


def test_spelling_suggestions_in_the_context_menu(qtbot: Any, window: Any, spell: Any) -> None:
    text = "โครงการพัฒนากาารศึกษา"
    start = text.index("กาาร")
    editor, menu = _menu_at(window, text, start + 3)
    actions = [a for a in menu.actions() if a.isVisible()]
    names = [a.objectName() for a in actions]
    suggestions = [a for a in actions if a.objectName() == "spellSuggestion"]
    assert suggestions and suggestions[0].text() == "การ"
    # one reading of the mistake: every suggestion replaces the same letters
    assert len({(g.start, g.end) for g in spell.suggestions(text, start + 3)}) == 1
    # suggestions first, then "add to word list", then Qt's edit commands
    assert names.index("spellSuggestion") < names.index("addWord") < names.index("edit-copy")
    suggestions[0].trigger()
    assert window.doc.letter.body[0] == "โครงการพัฒนาการศึกษา"
    assert spell.misspelled(window.doc.letter.body[0]) == []
    window.act_undo.trigger()
    assert window.doc.letter.body[0] == text
    menu.deleteLater()
    # over a word the dictionary knows: no suggestions and nothing to add
    _, menu = _menu_at(window, "", text.index("โครงการ") + 2)
    assert not [a for a in menu.actions() if a.objectName() in ("spellSuggestion", "addWord")]
    menu.deleteLater()

