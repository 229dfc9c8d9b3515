"""The problems panel: what is missing or against the regulation, updated as the clerk types.

Fed by the engine's ``check_letter`` and, once the preview has typeset the letter, by what
only the pages can tell (characters the font cannot draw). Each row names the field in Thai
(``ui/messages.py``; the path only in the tooltip) and jumps to it when clicked. Errors block
export, warnings do not.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.model.letter import Letter
from dla_drafter.ui.i18n import tr
from dla_drafter.ui.messages import problem_text, support_tip

CHECK_DELAY_MS = 120

__all__ = ["ProblemsPanel", "check", "problem_text", "tell_blocking"]


def check(letter: Letter, keyring: Any = None) -> list[Any]:
    """What the engine shows before export (``pipeline.export_problems``: the regulation
    checks and why an approval does not print, with the window's keyring)."""
    from dla_drafter.pipeline import export_problems

    return export_problems(letter, keyring=keyring)


def tell_blocking(parent: QWidget | None, errors: list[Any]) -> None:
    """Say which errors must be fixed before the letter can be exported (the first twelve)."""
    text = "\n".join("• " + problem_text(p) for p in errors[:12])
    QMessageBox.warning(parent, tr("ตรวจพบข้อผิดพลาด"),
                        tr("แก้ข้อผิดพลาดต่อไปนี้ก่อนส่งออก:") + "\n\n" + text)


class ProblemsPanel(QWidget):
    """A list of problems; ``field_requested(path)`` when the clerk clicks one."""

    field_requested = Signal(str)
    updated = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[Any] = []
        self._checked: list[Any] = []
        self._page_problems: list[Any] = []
        self._source: Any = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 4)
        lay.setSpacing(2)
        self.summary = QLabel()
        self.summary.setObjectName("problemsSummary")
        lay.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("problemsList")
        self.list.setToolTip(tr("คลิกรายการเพื่อไปยังช่องที่ต้องแก้"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        lay.addWidget(self.list, 1)
        style = self.style()
        self._icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_now)

    def schedule(self, letter_source: Any) -> None:
        """Check soon (coalescing keystrokes); ``letter_source()`` returns the live Letter."""
        self._source = letter_source
        self._timer.start()

    def run_now(self) -> None:
        if self._source is None:
            return
        self._timer.stop()
        try:
            self._checked = check(self._source(), self.keyring)
        except Exception as exc:  # a bug in a check must not take the editor down
            self._checked = []
            self.summary.setText(f"{type(exc).__name__}: {exc}")
        self.show_problems(self._checked + self._page_problems)

    def set_page_problems(self, problems: list[Any]) -> None:
        """Problems found on the typeset pages; shown with the checks' until the next pages."""
        if problems != self._page_problems:
            self._page_problems = list(problems)
            self.show_problems(self._checked + self._page_problems)

    def show_problems(self, problems: list[Any]) -> None:
        self.problems = list(problems)
        self.list.clear()
        errors = [p for p in problems if getattr(p, "severity", "") == "error"]
        warnings = [p for p in problems if getattr(p, "severity", "") != "error"]
        for problem in errors + warnings:
            is_error = getattr(problem, "severity", "") == "error"
            item = QListWidgetItem(problem_text(problem))
            item.setIcon(self._icons[is_error])
            item.setData(Qt.ItemDataRole.UserRole, getattr(problem, "field", ""))
            field = getattr(problem, "field", "")
            tip = tr("คลิกเพื่อไปยังช่องนี้")
            item.setToolTip(support_tip(tip, field))
            if is_error:
                item.setForeground(QBrush(QColor("#a00000")))
            self.list.addItem(item)
        if problems:
            self.summary.setText(tr("ข้อผิดพลาด {e} · คำเตือน {w}", e=len(errors),
                                    w=len(warnings)))
        else:
            self.summary.setText("✓ " + tr("ไม่พบปัญหา"))
        self.updated.emit(self.problems)

    def errors(self) -> list[Any]:
        return [p for p in self.problems if getattr(p, "severity", "") == "error"]

    def select_next(self) -> None:
        """Select the row after the current one (round to the first) and go to its field."""
        if not self.problems:
            return
        row = (self.list.currentRow() + 1) % len(self.problems)
        self.list.setCurrentRow(row)
        item = self.list.item(row)
        if item is not None:
            self._clicked(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.field_requested.emit(str(path))
