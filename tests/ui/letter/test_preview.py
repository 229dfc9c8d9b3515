"""The live preview: zoom, page count, a click that goes to the field, the scroll position kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from uihelpers import example_letter, type_text, wait_preview


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


def _visible(window: Any, path: str, which: int | None = None) -> bool:
    """Whether the lines printed from ``path`` (or its line ``which``) are in view."""
    canvas, view = window.preview.canvas, window.preview.visible_rect()
    rects = [canvas.item_rect(n, item) for n, item in canvas.items_of(path)]
    if which is not None:
        rects = rects[which:which + 1] if which >= 0 else rects[which:]
    return bool(rects) and all(view.contains(rect) for rect in rects)


def test_preview_keeps_scroll_position(qtbot: Any, window: Any) -> None:
    """A new typesetting does not move the page under the clerk's eyes: typing in a
    paragraph that is in view leaves the scroll where it was."""
    window.doc.replace(example_letter(paragraphs=8), None)
    wait_preview(qtbot, window)
    bar = window.preview.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    shown = next(i for i in range(8) if _visible(window, f"body[{i}]"))
    editor = window.form.lists["body"].editors[shown]
    type_text(editor, "ก")
    wait_preview(qtbot, window)
    assert bar.value() == before


def test_the_preview_follows_the_field_being_edited(qtbot: Any, window: Any) -> None:
    window.resize(1366, 768)
    window.doc.replace(example_letter(paragraphs=14), None)
    pages = wait_preview(qtbot, window)
    assert len(pages) >= 3
    bar = window.preview.scroll.verticalScrollBar()
    assert bar.value() == 0 and not _visible(window, "body[13]")
    # the cursor goes to the end of the last paragraph: its last line comes into view
    last = window.form.lists["body"].editors[13]
    last.setFocus()
    last.set_cursor(len(last.toPlainText()))
    qtbot.waitUntil(lambda: _visible(window, "body[13]", -1), timeout=3000)
    # typing there keeps the line being typed in view as the pages are set again
    type_text(last, " โดยให้รายงานผลการดำเนินงานภายในวันที่ ๓๐ กันยายน" * 3)
    wait_preview(qtbot, window)
    qtbot.waitUntil(lambda: _visible(window, "body[13]", -1), timeout=3000)
    # another box: the subject, at the top of page one
    window.form.bindings["subject"].widget.setFocus()
    qtbot.waitUntil(lambda: _visible(window, "subject"), timeout=3000)
    assert bar.value() < bar.maximum() // 4
    # a list item and a line of a lines box are found by their index
    window.form.lines["owner_unit"].setFocus()
    qtbot.waitUntil(lambda: _visible(window, "owner_unit[0]"), timeout=3000)
    window.form.lists["enclosures"].focus_row(0, "amount")
    qtbot.waitUntil(lambda: _visible(window, "enclosures[0]"), timeout=3000)
    # a field that prints nothing of its own (the year) shows the date it belongs to
    window.form.bindings["date.year"].widget.setFocus()
    qtbot.waitUntil(lambda: _visible(window, "date.month"), timeout=3000)
def test_a_keystroke_repaints_only_the_pages_it_changed(qtbot: Any, window: Any) -> None:
    """Pages that did not change keep their painted pixmaps; the page typed on is painted
    anew (issue 15 item 6: painting is most of a keystroke's time)."""
    window.doc.replace(example_letter(paragraphs=8), None)
    pages = wait_preview(qtbot, window)
    assert len(pages) >= 2
    canvas = window.preview.canvas
    for index, rect in enumerate(canvas.page_rects()):
        canvas._pixmap(index, rect)
    before = dict(canvas._cache)
    last = len(pages) - 1
    editor = window.form.lists["body"].editors[0]
    type_text(editor, "ก")
    after = wait_preview(qtbot, window)
    assert after.pages[0] != pages.pages[0]  # the first paragraph is on page 1
    assert after.pages[last] == pages.pages[last]
    assert canvas._cache.get(last) is before[last]
    # the page typed on is painted anew, from the new pages
    canvas._pixmap(0, canvas.page_rects()[0])
    assert canvas._cache[0] is not before[0]
