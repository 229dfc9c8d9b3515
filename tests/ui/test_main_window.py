"""The main window driven like a clerk would: files, export, print, its keys, toolbar and help."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolBar
from uihelpers import ModalAnswer, example_letter, type_text

from dla_drafter.app_settings import AgencyProfile, AppConfig
from dla_drafter.model.draftio import load_draft, save_draft
from dla_drafter.model.letter import Letter


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


def test_saving_over_a_read_only_draft_is_refused_with_a_message(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    path = tmp_path / "signed.dladraft.json"
    save_draft(example_letter(), path)
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        assert window.open_path(path, ask=False)
        type_text(window.form.bindings["subject"].widget, " แก้ไข")
        answer = ModalAnswer("ยกเลิก")  # no Save As
        assert not window.save()
    finally:
        path.chmod(0o644)
    assert "อ่านอย่างเดียว" in answer.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".signed")) == []
    assert window.isWindowModified()  # the edit is still in the window, not lost


def test_opening_a_word_file_says_it_is_a_word_file(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("เรื่อง ทดสอบ")
    document.save(str(path))
    dialogs.replies["warning"] = QMessageBox.StandardButton.Ok
    assert not window.open_path(path, ask=False)
    [(_, args)] = [c for c in dialogs.calls if c[0] == "warning"]
    # a DOCX is opened for the draft inside (File → Open, issue 16); one without a draft
    # says it is a Word file with no draft, and to open the draft file instead
    assert "Word" in args[2] and "ไม่มีร่างหนังสือ" in args[2] and ".dladraft" in args[2]
    assert "TIS-620" not in args[2]


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


def test_help_shows_the_version_and_has_the_clerks_guide(
    qtbot: Any, window: Any, dialogs: Any
) -> None:
    import dla_drafter

    dialogs.replies["about"] = None
    window.act_about.trigger()
    assert dla_drafter.__version__ in dialogs.calls[-1][1][2]
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.act_guide in help_menu.actions()  # the guide itself: tests/ui/test_help_window


def test_print_to_a_pdf_printer_at_true_scale(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window.doc.replace(example_letter(), None)
    printer = window._printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    window._paint_to(printer)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # A4 in points: 595 × 842
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox [ 0 0 595" in data


def test_apply_settings_to_window(qtbot: Any, window: Any) -> None:
    config = AppConfig.load()
    config.profiles = [AgencyProfile(profile_name="A", docx_font="TH SarabunIT๙")]
    config.active_profile = "A"
    window.apply_config(config)
    assert window.render_settings.docx_font == "TH SarabunIT๙"
    assert AppConfig.load().active_profile == "A"


def test_an_export_refused_by_the_engine_names_the_field_in_thai(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dla_drafter import pipeline
    from dla_drafter.problems import DrafterError

    window.doc.replace(example_letter(), None)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise DrafterError.of("too-long", "ยาวเกินไป", "too long", field="enclosures[0].amount")

    monkeypatch.setattr(pipeline, "make_outputs", refuse)
    dialogs.replies["warning"] = QMessageBox.StandardButton.Ok
    assert window.export("pdf", tmp_path / "out.pdf") == []
    text = dialogs.calls[-1][1][2]
    assert "สิ่งที่ส่งมาด้วย รายการที่ ๑ จำนวน: ยาวเกินไป" in text
    assert "enclosures" not in text  # no internal names for the clerk


_PATH_IN_PARENS = re.compile(r"\((?:review|body|subject|addressee|enclosures|references|"
                             r"date|number|signer|contact|qr|agency)[\w.\[\]]*\)")


def _texts_outside_the_review_dock(window: Any) -> list[str]:
    """Every text a clerk reads in the window (labels, buttons, list rows), the review dock
    aside (it is the review panel's own)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget

    texts = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not window.review.isAncestorOf(widget):
            texts.append(widget.text())
    for box in window.findChildren(QListWidget):
        if not window.review.isAncestorOf(box):
            texts += [box.item(i).text() for i in range(box.count())]
    return texts


def test_no_field_path_is_shown_to_the_clerk(qtbot: Any, window: Any) -> None:
    from dla_drafter.review import actions
    from dla_drafter.review.identity import signing_key

    letter = example_letter()
    letter.enclosures[0].amount = ""
    letter.number.code = ""
    actions.send_for_review(letter, "ผู้ร่าง")
    actions.approve(letter, "ผอ.กศ.", "ผู้ตรวจ", signing_key())
    letter.subject += " (แก้หลังอนุมัติ)"  # the approval is stale now
    window.doc.replace(letter, None)
    window.problems.run_now()
    rows = [window.problems.list.item(i).text() for i in range(window.problems.list.count())]
    assert any(row.startswith("การอนุมัติ รายการที่ ๑: ") for row in rows), rows
    shown = [t for t in _texts_outside_the_review_dock(window) if _PATH_IN_PARENS.search(t)]
    assert shown == []


def test_a_window_on_a_letter_never_reviewed_does_not_load_the_review_engine() -> None:
    """Building and showing the window does not import the review engine (actions, diff,
    versions, suggestions: ~30 ms): until the window is usable only a letter under review
    would need it (issue 15 item 6: launch). The preview's first typesetting, in the
    background afterwards, loads what the print state needs."""
    import os
    import subprocess
    import sys

    probe = ("import sys\n"
             "from dla_drafter.app_settings import AppConfig\n"
             "from dla_drafter.ui.app import make_app\n"
             "from dla_drafter.ui.main_window import MainWindow\n"
             "app = make_app(); w = MainWindow(AppConfig.load()); w.show()\n"
             "print(sorted(m for m in sys.modules if m.startswith('dla_drafter.review.')))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120, env=env, check=True).stdout.strip().splitlines()[-1]
    for heavy in ("actions", "diff", "versions", "suggestions", "align", "status"):
        assert f"dla_drafter.review.{heavy}'" not in out, out
