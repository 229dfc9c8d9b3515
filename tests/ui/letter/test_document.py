"""One history for the whole letter: undo and redo across fields, lists and check boxes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from uihelpers import type_text


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
