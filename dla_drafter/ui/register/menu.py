"""The menu ทะเบียนและลงนาม of the main window: ออกเลขหนังสือ, the register, ลงนาม.

The window makes one :class:`RegisterMenu`, handing it what the three commands need (the
document, getters for the settings, a few callbacks), keeps it, puts it in its menu bar and
adds its ``commands`` to itself. The commands themselves live in ``issue_number``, ``window``
and ``sign_dialog``; none of them knows the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from dla_drafter.ui.commands import command
from dla_drafter.ui.i18n import tr
from dla_drafter.ui.register import strings  # noqa: F401 - English strings
from dla_drafter.ui.register.issue_number import IssueNumber

if TYPE_CHECKING:
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.model.letter import Letter
    from dla_drafter.settings import RenderSettings
    from dla_drafter.ui.letter.document import Document
    from dla_drafter.ui.register.sign_dialog import SignDialog
    from dla_drafter.ui.register.window import RegisterWindow


def numbering_problems(letter: Letter, keyring: Any, only_after_approval: bool) -> list[Any]:
    """ออกเลขหนังสือ's guard (:func:`~dla_drafter.review.guards.numbering_guard`), imported
    on first use (the review engine loads cryptography)."""
    from dla_drafter.review.guards import numbering_guard

    return numbering_guard(letter, keyring, only_after_approval)


class RegisterMenu(QMenu):
    """One window's ทะเบียนและลงนาม: ``act_issue``, ``act_register`` and ``act_sign``.

    ``config`` and ``render_settings`` are getters (the settings dialog replaces them);
    ``save`` saves the draft (False: not saved), ``reload`` puts a letter just read from its
    file into the window, ``open_draft`` opens a draft file there, ``blocking_problems``
    returns the errors that block export, ``focus_field`` shows a field, ``status`` writes
    to the status bar.
    """

    def __init__(self, parent: QWidget, doc: Document, *, config: Callable[[], AppConfig],
                 render_settings: Callable[[], RenderSettings], keyring: Callable[[], Any],
                 save: Callable[[], bool],
                 reload: Callable[[Letter, Path], None], open_draft: Callable[[Path], bool],
                 blocking_problems: Callable[[], list[Any]],
                 focus_field: Callable[[str], Any],
                 status: Callable[[str, int], None]) -> None:
        super().__init__(tr("ทะเบียนและลงนาม (&R)"), parent)
        self.doc = doc
        self.config = config
        self.render_settings = render_settings
        self.keyring = keyring
        self.open_draft = open_draft
        self.blocking_problems = blocking_problems
        self.focus_field = focus_field
        self.status = status
        self.issue_number = IssueNumber(
            parent, doc, save=save, reload=reload, status=status,
            register_url=lambda: config().register_url,
            guard=lambda: numbering_problems(doc.letter, keyring(),
                                             config().profile().number_only_after_approval))
        self.register_window: RegisterWindow | None = None
        self.act_issue = command(
            self, "ออกเลขหนังสือ (&N)", self.issue_number.start, QKeySequence("Ctrl+Shift+N"),
            "บันทึกร่าง แล้วออกเลขที่หนังสือและวันที่จากทะเบียนหนังสือส่ง")
        self.act_register = command(
            self, "ทะเบียนหนังสือส่ง… (&L)", self.open_register, QKeySequence("Ctrl+Shift+R"),
            "ค้นหา เปิดร่าง ส่งออก พิมพ์ จองเลข และยกเลิกเลขในทะเบียนหนังสือส่ง")
        self.act_sign = command(
            self, "ลงนาม… (&S)", self.open_sign_dialog, QKeySequence("Ctrl+Shift+G"),
            "ลงลายมือชื่ออิเล็กทรอนิกส์ใน PDF ด้วยใบรับรอง (.p12)")
        self.addAction(self.act_issue)
        self.addAction(self.act_register)
        self.addSeparator()
        self.addAction(self.act_sign)

    @property
    def commands(self) -> list[QAction]:
        """The menu's commands, for the window to add to itself (their keys work anywhere)."""
        return [self.act_issue, self.act_register, self.act_sign]

    def open_register(self) -> RegisterWindow:
        """The window's register window, shown and searched (one per main window)."""
        from dla_drafter.ui.register.window import RegisterWindow

        found = self.register_window
        if found is None:
            found = RegisterWindow(self.parentWidget(), self.doc, config=self.config,
                                   open_draft=self.open_draft)
            self.register_window = found
            self.issue_number.issued.connect(lambda _e: found.isVisible() and found.search())
        found.follow_settings()
        found.show()
        found.raise_()
        found.activateWindow()
        found.search()
        return found

    def sign_dialog(self) -> SignDialog:
        """A ลงนาม dialog on the window's letter, not yet shown."""
        from dla_drafter.ui.register.sign_dialog import SignDialog

        return SignDialog(self.parentWidget(), self.doc, config=self.config,
                          render_settings=self.render_settings, keyring=self.keyring,
                          blocking_problems=self.blocking_problems,
                          focus_field=self.focus_field, status=self.status)

    def open_sign_dialog(self) -> None:
        self.sign_dialog().exec()
