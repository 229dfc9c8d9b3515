"""The menu ทะเบียนและลงนาม of the main window: ออกเลขหนังสือ, the register, ลงนาม.

Kept out of ``main_window.py`` so the window gains these commands with two lines; the
commands themselves live in ``issue_number``, ``window`` and ``sign_dialog``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenuBar

from dla_drafter.ui.i18n import tr
from dla_drafter.ui.register import strings  # noqa: F401 - English strings

if TYPE_CHECKING:
    from dla_drafter.ui.main_window import MainWindow
    from dla_drafter.ui.register.window import RegisterWindow


def open_register(window: MainWindow) -> RegisterWindow:
    """The window's register window, shown and searched (one per main window)."""
    from dla_drafter.ui.register.window import RegisterWindow

    found = getattr(window, "register_window", None)
    if found is None:
        found = RegisterWindow(window)
        window.register_window = found
        window.issue_number.issued.connect(lambda _e: found.isVisible() and found.search())
    found.follow_settings()
    found.show()
    found.raise_()
    found.activateWindow()
    found.search()
    return found


def open_sign_dialog(window: MainWindow) -> None:
    from dla_drafter.ui.register.sign_dialog import SignDialog

    SignDialog(window).exec()


def install(window: MainWindow, bar: QMenuBar) -> None:
    """Add the actions (``act_issue``, ``act_register``, ``act_sign``) and their menu."""
    from dla_drafter.ui.register.issue_number import IssueNumber

    window.issue_number = IssueNumber(window)
    window.register_window = None
    window.act_issue = window._action(
        "ออกเลขหนังสือ (&N)", window.issue_number.start, QKeySequence("Ctrl+Shift+N"),
        "บันทึกร่าง แล้วออกเลขที่หนังสือและวันที่จากทะเบียนหนังสือส่ง")
    window.act_register = window._action(
        "ทะเบียนหนังสือส่ง… (&L)", lambda: open_register(window), QKeySequence("Ctrl+Shift+R"),
        "ค้นหา เปิดร่าง ส่งออก พิมพ์ จองเลข และยกเลิกเลขในทะเบียนหนังสือส่ง")
    window.act_sign = window._action(
        "ลงนาม… (&S)", lambda: open_sign_dialog(window), QKeySequence("Ctrl+Shift+G"),
        "ลงลายมือชื่ออิเล็กทรอนิกส์ใน PDF ด้วยใบรับรอง (.p12)")
    menu = bar.addMenu(tr("ทะเบียนและลงนาม (&R)"))
    menu.addAction(window.act_issue)
    menu.addAction(window.act_register)
    menu.addSeparator()
    menu.addAction(window.act_sign)
