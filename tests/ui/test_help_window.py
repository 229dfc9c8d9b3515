"""Help (F1) shows the clerk's guide inside the program: headings, screenshots, search."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from uihelpers import type_text

from dla_drafter import paths
from dla_drafter.ui.help_window import HelpWindow

GUIDE = Path(__file__).resolve().parents[2] / "docs" / paths.GUIDE_NAME


def guide_headings() -> list[str]:
    return [m.group(2).strip() for m in re.finditer(r"^(#{1,6})\s+(.+)$",
                                                    GUIDE.read_text(encoding="utf-8"), re.M)]


@pytest.fixture
def help_window(qtbot: Any) -> HelpWindow:
    window = HelpWindow(GUIDE)
    qtbot.addWidget(window)
    window.resize(1000, 680)
    window.show()
    return window


def test_the_guide_shows_with_its_headings_as_contents(help_window: HelpWindow) -> None:
    headings = guide_headings()
    assert len(headings) > 10
    assert help_window.headings() == headings
    top = [help_window.toc.topLevelItem(i).text(0)
           for i in range(help_window.toc.topLevelItemCount())]
    assert top == [headings[0]]  # the title holds the sections
    sections = [top_item.text(0) for top_item in
                (help_window.toc.topLevelItem(0).child(i)
                 for i in range(help_window.toc.topLevelItem(0).childCount()))]
    assert "หนังสือหลายฉบับจากตารางข้อมูล (เช่น ถึงผู้ว่าราชการจังหวัดทุกจังหวัด)" in sections
    text = help_window.browser.toPlainText()
    assert "## " not in text and "**" not in text  # rendered, not raw Markdown


def test_every_screenshot_loads_from_beside_the_guide_and_fits_the_window(
        qtbot: Any, help_window: HelpWindow) -> None:
    from PySide6.QtGui import QImage

    names = help_window.images()
    assert names[0] == "screenshot.png" and "merge-dialog.png" in names
    for name in names:
        image = help_window.image(name)
        assert not image.isNull(), name
        assert image.size() == QImage(str(GUIDE.parent / name)).size()
    qtbot.waitUntil(lambda: all(
        0 < fmt.width() <= help_window.browser.viewport().width()
        for fmt, _ in help_window._image_fragments()), timeout=3000)
    assert help_window.browser.horizontalScrollBar().maximum() == 0  # no sideways scrolling


def test_contents_go_to_their_part(qtbot: Any, help_window: HelpWindow) -> None:
    headings = help_window.headings()
    target = headings.index("ตั้งค่า (เครื่องมือ › ตั้งค่า…)")
    bar = help_window.browser.verticalScrollBar()
    assert bar.value() == 0
    item = help_window._toc_item(target)
    help_window.toc.itemClicked.emit(item, 0)
    document = help_window.browser.document()
    block = document.findBlockByNumber(help_window._headings[target][2])
    top = document.documentLayout().blockBoundingRect(block).top() - document.documentMargin()
    assert bar.value() == min(int(top), bar.maximum()) and bar.value() > 0
    assert help_window.toc.currentItem().text(0) == "ตั้งค่า (เครื่องมือ › ตั้งค่า…)"
    # scrolling by hand moves the contents' mark with it
    help_window.go_to_heading(0)
    assert bar.value() == 0
    assert help_window.toc.currentItem().text(0) == headings[0]


def test_ctrl_f_finds_words_and_says_when_there_are_none(qtbot: Any,
                                                         help_window: HelpWindow) -> None:
    help_window.activateWindow()
    qtbot.keySequence(help_window, QKeySequence.StandardKey.Find)
    qtbot.waitUntil(help_window.find_box.hasFocus, timeout=2000)
    type_text(help_window.find_box, "รวมทุกฉบับ")
    selected = help_window.browser.textCursor().selectedText()
    assert selected == "รวมทุกฉบับ"
    first = help_window.browser.textCursor().position()
    assert help_window.find_status.text() == "พบ 1 แห่ง"
    assert help_window.find_next()  # the only match again, found by going round
    assert help_window.browser.textCursor().position() == first
    help_window.find_box.clear()
    type_text(help_window.find_box, "คำที่ไม่มีในคู่มือแน่นอน")
    assert help_window.find_status.text() == "ไม่พบ “คำที่ไม่มีในคู่มือแน่นอน”"
    assert first > 0


def test_f1_opens_the_guide_inside_the_program(qtbot: Any, window: Any, dialogs: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    outside: list[Any] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: outside.append(url) or True)
    assert QKeySequence("F1") in window.act_guide.shortcuts()
    window.activateWindow()
    window.form.bindings["subject"].widget.setFocus()
    qtbot.keyClick(window.form.bindings["subject"].widget, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible(),
                    timeout=3000)
    assert outside == []  # no outside viewer
    assert window.help_window.headings()[0] == guide_headings()[0]
    again = window.help_window
    window.act_guide.trigger()
    assert window.help_window is again  # one help window, raised again
    monkeypatch.setattr(paths, "guide_path", lambda: None)
    window.help_window.close()
    window.help_window = None
    dialogs.replies["information"] = None
    assert window.open_guide() is False
    assert "ไม่พบคู่มือผู้ใช้" in dialogs.calls[-1][1][2]


def test_the_guide_says_where_help_is() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert "**F1**" in text and "ช่วยเหลือ › คู่มือผู้ใช้" in text and "Ctrl+F" in text


def test_every_image_of_the_guide_is_found_for_the_installed_build() -> None:
    images = paths.guide_images(GUIDE)
    assert [p.name for p in images][:1] == ["screenshot.png"]
    assert len(images) >= 6 and all(p.is_file() for p in images)
