"""The returned-draft banner: who returned the letter, when, their note, and the comments to
deal with as a checklist (go to each, tick it when fixed).

Shown at the top of the review panel while the latest ส่งกลับแก้ไข is pending (nothing was sent
after it: :func:`~dla_drafter.review.versions.latest_return`). The checklist starts with the
comments open when the draft was opened, in letter order, and keeps them while the clerk works
— a ticked one stays, ticked, so the clerk sees how far they are; a comment added meanwhile
joins it. Ticking is ``set_resolved`` through the panel (one undo step, like แก้แล้ว); the
banner never changes the letter itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.review.strings import register

register()

ID_ROLE = Qt.ItemDataRole.UserRole
BANNER_STYLE = ("QFrame#reviewReturned { background: #fef2f2; border: 1px solid #fca5a5;"
                " border-radius: 4px; }")


def field_name(path: str) -> str:
    from dla_drafter.fields import field_label

    return field_label(path, language())


def in_letter_order(letter: Any, comments: list[Any]) -> list[tuple[Any, tuple[int, int] | None]]:
    """``comments`` in the order their fields print, then by place in the field, each with
    where its quote is now (None: the text it quoted is gone)."""
    from dla_drafter.review.actions import locate_comment
    from dla_drafter.review.diff import field_texts
    from dla_drafter.review.integrity import letter_snapshot

    order = {path: rank for rank, path in enumerate(field_texts(letter_snapshot(letter)))}
    found = [(c, locate_comment(letter, c)) for c in comments]

    def key(item: tuple[Any, tuple[int, int] | None]) -> tuple[int, int, int]:
        comment, where = item
        place = where[0] if where is not None else (comment.offset or 0)
        return order.get(comment.field, len(order)), place, comment.index

    return sorted(found, key=key)


class ReturnedBanner(QFrame):
    """``title`` (who, when), ``note``, ``progress`` and the ``checklist``; ``resolve(id,
    bool)`` marks a comment resolved or open again, ``go_to(id)`` shows its text."""

    def __init__(self, resolve: Callable[[str, bool], Any], go_to: Callable[[str], Any]) -> None:
        super().__init__()
        self.setObjectName("reviewReturned")
        self.setStyleSheet(BANNER_STYLE)
        self._resolve = resolve
        self._go_to = go_to
        self._return_index: int | None = None  # which return the checklist belongs to
        self._ids: list[str] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(3)
        self.title = QLabel()
        self.title.setObjectName("reviewReturnedBy")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; color: #b91c1c; border: none;")
        lay.addWidget(self.title)
        self.note = QLabel()
        self.note.setObjectName("reviewReturnedNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setStyleSheet("border: none;")
        lay.addWidget(self.note)
        head = QHBoxLayout()
        self.progress = QLabel()
        self.progress.setObjectName("reviewChecklistProgress")
        self.progress.setStyleSheet("border: none;")
        self.go_button = QPushButton(tr("ไปที่ข้อความ"))
        self.go_button.setObjectName("reviewChecklistGo")
        self.go_button.setToolTip(tr("ไปยังข้อความที่ความเห็นนี้อ้างถึง"))
        self.go_button.clicked.connect(lambda _c=False: self.go_to_current())
        head.addWidget(self.progress, 1)
        head.addWidget(self.go_button)
        lay.addLayout(head)
        self.checklist = QListWidget()
        self.checklist.setObjectName("reviewChecklist")
        self.checklist.setWordWrap(True)
        self.checklist.setToolTip(tr("ติ๊กเมื่อแก้ตามความเห็นแล้ว ดับเบิลคลิกเพื่อไปยังข้อความ"))
        self.checklist.setMaximumHeight(120)
        self.checklist.itemChanged.connect(self._ticked)
        self.checklist.itemDoubleClicked.connect(lambda item: self._go_to(item.data(ID_ROLE)))
        self.checklist.currentItemChanged.connect(
            lambda *_: self.go_button.setEnabled(self.checklist.currentItem() is not None))
        lay.addWidget(self.checklist)
        self.setVisible(False)

    def forget(self) -> None:
        """Another draft was opened: the next return starts a new checklist."""
        self._return_index = None
        self._ids = []

    def show_for(self, letter: Any, record: Any) -> bool:
        """Show the latest return while it is pending; True when the banner is shown."""
        back = None
        if record.versions:
            from dla_drafter.review.versions import latest_return

            back = latest_return(record, letter)
        if back is None or not back.pending:
            self.setVisible(False)
            self.checklist.clear()
            return False
        from dla_drafter.review.versions import format_time

        lang = language()
        self.title.setText(tr("ส่งกลับแก้ไขโดย {by} เมื่อ {at}", by=back.by or "?",
                              at=format_time(back.at, lang) if back.at else "?"))
        self.note.setText(f"\u201c{back.note}\u201d" if back.note else "")
        self.note.setVisible(bool(back.note))
        if self._return_index != back.version.index:
            self._return_index = back.version.index
            self._ids = []
        for open_comment in back.comments:  # open now, in letter order
            if open_comment.comment.id not in self._ids:
                self._ids.append(open_comment.comment.id)
        listed = [c for c in (record.comment(i) for i in self._ids) if c is not None]
        self._fill(in_letter_order(letter, listed))
        self.setVisible(True)
        return True

    def _fill(self, rows: list[tuple[Any, tuple[int, int] | None]]) -> None:
        current = self.current_id()
        self.checklist.blockSignals(True)
        self.checklist.clear()
        done = 0
        for comment, where in rows:
            text = f"\u201c{comment.quote}\u201d · {field_name(comment.field)}\n" \
                   f"{comment.author}: {comment.text}"
            if where is None:
                text += "  (" + tr("ข้อความนี้ถูกแก้แล้ว") + ")"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, comment.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if comment.resolved
                               else Qt.CheckState.Unchecked)
            if comment.resolved:
                done += 1
                item.setForeground(QBrush(QColor("#6b7280")))
            item.setToolTip(text)
            self.checklist.addItem(item)
            if comment.id == current:
                self.checklist.setCurrentItem(item)
        self.checklist.blockSignals(False)
        total = len(rows)
        self.progress.setText(tr("ความเห็นที่ต้องแก้: แก้แล้ว {d} จาก {n}", d=done, n=total)
                              if total else tr("ไม่มีความเห็นค้าง"))
        self.checklist.setVisible(bool(total))
        self.go_button.setVisible(bool(total))
        self.go_button.setEnabled(self.checklist.currentItem() is not None)

    def current_id(self) -> str | None:
        item = self.checklist.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def ids(self) -> list[str]:
        """The comment ids listed, in order (for tests and the status bar)."""
        return [self.checklist.item(i).data(ID_ROLE) for i in range(self.checklist.count())]

    def checked(self) -> list[bool]:
        return [self.checklist.item(i).checkState() == Qt.CheckState.Checked
                for i in range(self.checklist.count())]

    def go_to_current(self) -> None:
        comment_id = self.current_id()
        if comment_id is not None:
            self._go_to(comment_id)

    def _ticked(self, item: QListWidgetItem) -> None:
        """A tick: resolve after this signal returns, since resolving refreshes the panel,
        which rebuilds this list and deletes the item the signal is about."""
        self.checklist.setCurrentItem(item)
        comment_id = item.data(ID_ROLE)
        resolved = item.checkState() == Qt.CheckState.Checked
        QTimer.singleShot(0, self, lambda: self._resolve(comment_id, resolved))
