"""The menu ตรวจทาน of the main window: the review panel's verbs, each of which shows the panel.

The window makes the :class:`ReviewPanel` (its dock) and then this menu over it, keeps both,
puts the menu in its bar and adds its ``commands`` to itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from dla_drafter.ui.commands import command
from dla_drafter.ui.i18n import tr
from dla_drafter.ui.review.panel import ReviewPanel


class ReviewMenu(QMenu):
    """ส่งตรวจ, แสดงความเห็น…, อนุมัติ, ส่งกลับแก้ไข…, the changes since I last looked, the
    next and previous change, เชื่อถือผู้ตรวจ…, ส่งออกบัตรผู้ตรวจของฉัน…, ข้อมูลผู้ใช้…
    (``act_send_review`` … ``act_identity``), and the panel's own show/hide entry."""

    def __init__(self, panel: ReviewPanel, parent: QWidget) -> None:
        super().__init__(tr("ตรวจทาน (&R)"), parent)
        self.setObjectName("reviewMenu")

        def showing(slot: Callable[[], Any]) -> Callable[[], Any]:
            return lambda: (panel.show(), slot())

        self.act_send_review = command(self, "ส่งตรวจ", showing(panel.send))
        self.act_comment = command(self, "แสดงความเห็น…", showing(panel.begin_comment),
                                   QKeySequence("Ctrl+Alt+M"))
        self.act_approve = command(self, "อนุมัติ", showing(panel.approve))
        self.act_return = command(self, "ส่งกลับแก้ไข…", showing(
            lambda: (panel.show(), panel.reason.setFocus())))
        self.act_compare = command(
            self, "การเปลี่ยนแปลงตั้งแต่ที่ฉันดูล่าสุด", showing(lambda: panel.compare(None)),
            tip="เทียบจากฉบับที่ท่านส่ง ส่งกลับ อนุมัติ หรือแสดงความเห็นครั้งล่าสุด ถึงฉบับปัจจุบัน")
        self.act_next_change = command(self, "การเปลี่ยนแปลงถัดไป", showing(
            lambda: panel.step(1)), QKeySequence("Ctrl+F8"))
        self.act_prev_change = command(self, "การเปลี่ยนแปลงก่อนหน้า", showing(
            lambda: panel.step(-1)), QKeySequence("Ctrl+Shift+F8"))
        self.act_trust = command(
            self, "เชื่อถือผู้ตรวจ…", showing(panel.trust_approval),
            tip="นำเข้าบัตรผู้ตรวจของผู้อนุมัติ เทียบลายนิ้วมือ แล้วให้เครื่องนี้นับการอนุมัติของเขา")
        self.act_export_card = command(
            self, "ส่งออกบัตรผู้ตรวจของฉัน…", panel.export_card,
            tip="ไฟล์ที่ผู้อื่นนำเข้าเพื่อให้เครื่องของเขานับการอนุมัติของท่าน")
        self.act_identity = command(self, "ข้อมูลผู้ใช้…", showing(panel.edit_identity))
        for index, action in enumerate(self.commands):
            if index in (1, 4, 7):
                self.addSeparator()
            self.addAction(action)
        self.addSeparator()
        self.addAction(panel.toggleViewAction())
        self.aboutToShow.connect(
            lambda: self.act_trust.setEnabled(bool(panel.untrusted())))

    @property
    def commands(self) -> list[QAction]:
        """The review verbs, for the window to add to itself (their keys work anywhere)."""
        return [self.act_send_review, self.act_comment, self.act_approve, self.act_return,
                self.act_compare, self.act_next_change, self.act_prev_change,
                self.act_trust, self.act_export_card, self.act_identity]
