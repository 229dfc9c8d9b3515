"""The form's editors: paragraphs that split, join and paste; list items that wrap; the wheel
over drop-downs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit
from uihelpers import example_letter, type_text


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


def _wheel(widget: Any, steps: int = -1) -> None:
    """One wheel notch per step (negative: towards the end of the form), over ``widget``."""
    from PySide6.QtCore import QPointF
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


LONG_REFERENCE = ("หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 1750 ลงวันที่ 16 มิถุนายน 2563 "
                  "เรื่อง โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ 2")


def test_long_references_and_enclosures_wrap_instead_of_scrolling_sideways(
        qtbot: Any, window: Any) -> None:
    window.resize(1366, 768)
    letter = example_letter()
    letter.references = ["สั้น"]
    window.doc.replace(letter, None)
    box = window.form.lists["references"]._rows[0][1][0]
    short_height = box.height()
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    type_text(box, " " + LONG_REFERENCE)
    assert window.doc.letter.references == ["สั้น " + LONG_REFERENCE]
    qtbot.waitUntil(lambda: box.height() > short_height * 1.5, timeout=2000)
    assert box.horizontalScrollBar().maximum() == 0  # wrapped: nothing hidden to the right
    assert box.verticalScrollBar().maximum() == 0  # and every line of it shown
    assert box.toPlainText() == "สั้น " + LONG_REFERENCE
    # the enclosure's name wraps too; its amount stays a short one-line box
    text_box, amount = window.form.lists["enclosures"]._rows[0][1]
    window.doc.set_field("enclosures[0].text", LONG_REFERENCE)
    qtbot.waitUntil(lambda: text_box.verticalScrollBar().maximum() == 0
                    and text_box.height() > short_height * 1.5, timeout=2000)
    assert text_box.toPlainText() == LONG_REFERENCE
    assert isinstance(amount, QLineEdit) and amount.text() == "1 ชุด"
    # undo brings the short text back into the box
    window.act_undo.trigger()
    assert text_box.toPlainText() == "รายชื่อสถานศึกษาที่เข้าร่วมโครงการ"


def test_enter_in_a_reference_starts_the_next_one_and_a_pasted_list_splits(
        qtbot: Any, window: Any) -> None:
    letter = example_letter()
    letter.references = ["หนังสือที่ ๑"]
    window.doc.replace(letter, None)
    refs = window.form.lists["references"]
    first = refs._rows[0][1][0]
    first.setFocus()
    first.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert window.doc.letter.references == ["หนังสือที่ ๑", ""]
    second = refs._rows[1][1][0]
    assert second.hasFocus()
    mime = QMimeData()
    mime.setText("หนังสือที่ ๒\r\n\r\nหนังสือที่ ๓\r\n")
    second.insertFromMimeData(mime)
    assert window.doc.letter.references == ["หนังสือที่ ๑", "หนังสือที่ ๒", "หนังสือที่ ๓"]
    assert "\n" not in "".join(window.doc.letter.references)
    window.act_undo.trigger()
    assert window.doc.letter.references == ["หนังสือที่ ๑", ""]
