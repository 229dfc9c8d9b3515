"""Run by test_ui_papercuts under Xvfb: press the window's shortcuts in each kind of box.

Offscreen Qt uses Windows-style key bindings; a Linux desktop (xcb) uses X11 ones, where a
text box claims Ctrl+E ("end of line"). Prints one JSON object: box name -> commands run.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dla_drafter.app_settings import AppConfig
from dla_drafter.ui.app import make_app
from dla_drafter.ui.main_window import MainWindow


def main() -> int:
    app = make_app()
    window = MainWindow(AppConfig.load())
    window.show()
    window.activateWindow()
    if not QTest.qWaitForWindowActive(window, 5000):
        print(json.dumps({"error": "window never became active"}))
        return 1
    calls: list[str] = []
    window.export = lambda kind, path=None: calls.append(kind)  # type: ignore[method-assign]
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    boxes = {
        "line": window.form.bindings["subject"].widget,
        "paragraph": window.form.lists["body"].editors[0],
        "lines": window.form.lines["agency.address"],
        "combo": window.form.bindings["salutation"].widget,
    }
    result: dict[str, object] = {}
    for name, box in boxes.items():
        box.setFocus()
        app.processEvents()
        target = QApplication.focusWidget() or box
        calls.clear()
        QTest.keyClick(target, Qt.Key.Key_E, ctrl)
        QTest.keyClick(target, Qt.Key.Key_E, ctrl | shift)
        result[name] = list(calls)
    print(json.dumps(result))
    window.doc.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
