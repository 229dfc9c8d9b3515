"""Merge-field backgrounds and review marks share a text box: neither wipes the other."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from dla_drafter.ui.letter.selection_layers import set_layer
from dla_drafter.ui.merge.fields import mark_text_box


def _underline(box: QPlainTextEdit, start: int, end: int) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(box.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format.setFontUnderline(True)
    return selection


def test_field_background_and_review_marks_show_together(qtbot: Any) -> None:
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    text = "ผู้ว่าราชการจังหวัด«จังหวัด» อย่างยั่งยืน"
    box.setPlainText(text)
    inserted = text.index("อย่าง")
    set_layer(box, "2-review", [_underline(box, inserted, len(text))])
    assert mark_text_box(box) == 1  # the merge painter marks its field …
    shown = box.extraSelections()
    assert len(shown) == 2  # … and the review's underline is still there
    assert [s.cursor.selectedText() for s in shown] == ["«จังหวัด»", "อย่างยั่งยืน"]
    assert shown[1].format.fontUnderline()
    set_layer(box, "2-review", [])  # the review's marks go; the field's stay
    assert [s.cursor.selectedText() for s in box.extraSelections()] == ["«จังหวัด»"]
