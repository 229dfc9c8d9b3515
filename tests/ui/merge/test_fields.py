"""«column» fields in the form: inserted at the cursor as one undo step, marked in every box and
on the preview, exactly where a merge fills them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from uihelpers import type_text, wait_preview

from dla_drafter.ui.merge.fields import FIELD_COLOR, field_spans

from .helpers import COLUMNS, write_csv


def test_insert_field_at_the_cursor_and_undo(qtbot: Any, window: Any, tmp_path: Path) -> None:
    assert window.fields.load_columns(write_csv(tmp_path / "จังหวัด.csv"))
    assert window.fields.columns == COLUMNS
    assert window.act_insert_field.shortcut().toString() == "Ctrl+Shift+I"
    assert window.act_merge.shortcut().toString() == "Ctrl+Shift+M"
    menu = window.fields.columns_menu()
    assert [a.text() for a in menu.actions()][:3] == ["«ลำดับ»", "«จังหวัด»", "«งบประมาณ»"]
    editor = window.form.lists["body"].editors[0]
    type_text(editor, "ขอแจ้งจังหวัดให้ทราบ")
    window.doc.break_merge()
    editor.set_cursor(len("ขอแจ้งจังหวัด"))
    menu.actions()[1].trigger()  # «จังหวัด», into the box the clerk was typing in
    assert window.doc.letter.body[0] == "ขอแจ้งจังหวัด«จังหวัด»ให้ทราบ"
    assert editor.toPlainText() == "ขอแจ้งจังหวัด«จังหวัด»ให้ทราบ"
    qtbot.waitUntil(lambda: len(editor.extraSelections()) == 1)
    mark = editor.extraSelections()[0]
    assert mark.cursor.selectedText() == "«จังหวัด»"
    assert mark.format.background().color() == FIELD_COLOR
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.letter.body[0] == "ขอแจ้งจังหวัดให้ทราบ"
    assert editor.toPlainText() == "ขอแจ้งจังหวัดให้ทราบ"
    qtbot.waitUntil(lambda: not editor.extraSelections())


def test_field_in_a_one_line_box_is_coloured(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.fields.load_columns(write_csv(tmp_path / "จังหวัด.csv"))
    addressee = window.form.bindings["addressee"].widget
    type_text(addressee, "ผู้ว่าราชการจังหวัด")
    cursor_box = addressee.lineEdit() if hasattr(addressee, "lineEdit") else addressee
    assert window.fields.insert("จังหวัด", cursor_box)
    assert window.doc.letter.addressee == "ผู้ว่าราชการจังหวัด«จังหวัด»"

    def coloured_pixels() -> int:
        image = cursor_box.grab().toImage()
        target = FIELD_COLOR.rgb()
        return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                   if image.pixel(x, y) == target)

    qtbot.waitUntil(lambda: coloured_pixels() > 20)
    window.doc.undo_stack.undo()
    assert window.doc.letter.addressee == "ผู้ว่าราชการจังหวัด"
    qtbot.waitUntil(lambda: coloured_pixels() == 0)


def test_preview_marks_fields_on_the_page(qtbot: Any, window: Any) -> None:
    window.doc.set_field("addressee", "ผู้ว่าราชการจังหวัด«จังหวัด»")
    pages = wait_preview(qtbot, window, timeout=60_000)  # the first typesetting loads fonts
    qtbot.waitUntil(lambda: len(window.fields.overlay.rects()) == 1)
    rect = window.fields.overlay.rects()[0]
    line = next(t for t in pages.lines() if "«จังหวัด»" in t.text)
    canvas = window.preview.canvas
    page_left = canvas.page_rects()[0].x()
    # the box starts after "ผู้ว่าราชการจังหวัด" and ends at the end of the line's text
    assert rect.left() > page_left + (line.x + line.width_cm * 0.4) * canvas.px_per_cm
    assert abs(rect.right() - (page_left + (line.x + line.width_cm) * canvas.px_per_cm)) < 3
    image = canvas.grab().toImage()
    inside = image.pixelColor(int(rect.left()) + 2, int(rect.top()) + 2)
    outside = image.pixelColor(int(rect.left()) - 40, int(rect.top()) + 2)
    assert outside.name() == "#ffffff" and inside.blue() > inside.red() + 20
    window.doc.undo_stack.undo()
    wait_preview(qtbot, window, timeout=60_000)
    qtbot.waitUntil(lambda: not window.fields.overlay.rects())


def test_field_spans_skip_literal_guillemets() -> None:
    assert field_spans("ก«จังหวัด»ข ««ไม่ใช่»» «งบ»") == [(1, 9), (23, 4)]
    assert field_spans("«ไม่ปิด") == []
    assert field_spans("«««ก»") == [(2, 3)]  # «« is a literal «, then the field «ก»
    assert QColor(FIELD_COLOR).lightness() > 200  # a light background, text stays readable


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="«»ab ก", max_size=24))
def test_marks_are_exactly_the_fields_a_merge_fills(text: str) -> None:
    """The form marks what ``merge.fields`` reads as fields: same names, same order."""
    from dla_drafter.merge.fields import FieldError, FieldRef, parse

    try:
        names = [p.name for p in parse(text) if isinstance(p, FieldRef)]
    except FieldError:
        return  # the problems panel reports these; marks up to the error are a courtesy
    marked = [text[s + 1:s + n - 1].strip() for s, n in field_spans(text)]
    assert marked == names
