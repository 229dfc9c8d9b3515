"""The list of open suggestions (track changes) in its own dock: who, which field, old → new,
with ยอมรับ / ไม่รับ on each row and ยอมรับทั้งหมด / ไม่รับทั้งหมด below.

The list only shows and asks: every decision goes out as a signal to the controller
(:mod:`.suggesting`), which runs the engine's verb as one undo step. It is a dock of its own
(tabbed with the review panel by the controller) so the review panel keeps its layout.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.fields import field_label
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.review.suggesting_strings import register

if TYPE_CHECKING:  # the engine is imported when a row is shown, not with the window
    from dla_drafter.review.suggestions import Suggestion

register()

#: How much of a long old/new text a row shows (the whole text is in the row's tooltip).
SHOWN_CHARS = 60


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def row_html(suggestion: Suggestion, outdated_reason: str = "") -> str:
    """A row's text: author and field, then the old words struck through and the new ones
    underlined, both in the author's colour."""
    from dla_drafter.review.suggestions import author_colour

    colour = author_colour(suggestion.author)
    lang = language()
    head = (f"<b style='color:{colour}'>{html.escape(suggestion.author or '?')}</b> · "
            f"{html.escape(field_label(suggestion.field, lang))}")
    old = (f"<s style='color:{colour}'>{html.escape(_cut(suggestion.old))}</s>"
           if suggestion.old else "")
    new = (f"<u style='color:{colour}'>{html.escape(_cut(suggestion.new))}</u>"
           if suggestion.new else "")
    if old and new:
        change = f"{old} → {new}"
    elif new:
        change = tr("เพิ่ม") + f" {new}"
    else:
        change = tr("ลบ") + f" {old}"
    out = f"{head}<br>{change}"
    if outdated_reason:
        out += f"<br><i style='color:#b42318'>{html.escape(outdated_reason)}</i>"
    return out


class SuggestionRow(QWidget):
    """One open suggestion: its text and the two buttons (ยอมรับ disabled when outdated)."""

    def __init__(self, suggestion: Suggestion, outdated_reason: str,
                 owner: SuggestionList) -> None:
        super().__init__()
        self.suggestion_id = suggestion.id
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 3, 4, 3)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.accept_button = QPushButton(tr("ยอมรับ"))
        self.accept_button.setObjectName("acceptSuggestion")
        self.reject_button = QPushButton(tr("ไม่รับ"))
        self.reject_button.setObjectName("rejectSuggestion")
        self.reject_button.setToolTip(tr("ไม่ใช้ข้อเสนอนี้ หนังสือคงเดิม"))
        sid = suggestion.id
        self.accept_button.clicked.connect(lambda: owner.accept_requested.emit(sid))
        self.reject_button.clicked.connect(lambda: owner.reject_requested.emit(sid))
        for button in (self.accept_button, self.reject_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            lay.addWidget(button)
        self.text = ""
        self.update_from(suggestion, outdated_reason)

    def update_from(self, suggestion: Suggestion, outdated_reason: str) -> None:
        """Show ``suggestion`` (its words change while the reviewer types on)."""
        text = row_html(suggestion, outdated_reason)
        if text == self.text:
            return
        self.text = text
        self.label.setText(text)
        self.label.setToolTip(f"“{suggestion.old}” → “{suggestion.new}”\n{suggestion.at}")
        self.accept_button.setEnabled(not outdated_reason)
        self.accept_button.setToolTip(outdated_reason or tr("ใช้ข้อความที่เสนอในหนังสือ"))


class SuggestionList(QDockWidget):
    """ข้อเสนอแก้ไข: the open suggestions of the draft, newest last."""

    accept_requested = Signal(str)
    reject_requested = Signal(str)
    accept_all_requested = Signal()
    reject_all_requested = Signal()
    field_requested = Signal(str)  # the id of the suggestion clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("ข้อเสนอแก้ไข"), parent)
        self.setObjectName("suggestionDock")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.mode_button = QToolButton()
        self.mode_button.setObjectName("suggestingMode")
        self.mode_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # on/off must be seen at a glance: typing does not change the letter while on
        self.mode_button.setStyleSheet(
            "QToolButton { padding: 3px 8px; }"
            "QToolButton:checked { background: #fde68a; border: 1px solid #b54708; }")
        top.addWidget(self.mode_button)
        top.addStretch(1)
        column.addLayout(top)
        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        column.addWidget(self.mode_label)
        self.items = QListWidget()
        self.items.setObjectName("suggestionList")
        self.items.setAlternatingRowColors(True)
        self.items.itemClicked.connect(
            lambda item: self.field_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        column.addWidget(self.items, 1)
        self.empty_label = QLabel(tr("ไม่มีข้อเสนอแก้ไขที่รอพิจารณา"))
        self.empty_label.setObjectName("noSuggestions")
        column.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.accept_all_button = QPushButton(tr("ยอมรับทั้งหมด"))
        self.accept_all_button.setObjectName("acceptAllSuggestions")
        self.accept_all_button.clicked.connect(self.accept_all_requested.emit)
        self.reject_all_button = QPushButton(tr("ไม่รับทั้งหมด"))
        self.reject_all_button.setObjectName("rejectAllSuggestions")
        self.reject_all_button.clicked.connect(self.reject_all_requested.emit)
        buttons.addWidget(self.accept_all_button)
        buttons.addWidget(self.reject_all_button)
        column.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("suggestionMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b42318;")
        column.addWidget(self.message)
        self.setWidget(body)
        self.rows: list[SuggestionRow] = []

    def show_suggestions(self, entries: Sequence[tuple[Suggestion, str]]) -> None:
        """Fill the list: each open suggestion with why it cannot be accepted ("" when it
        can). The same suggestions as shown (typing on extends one) only relabel their rows:
        rebuilding twenty row widgets on every keystroke would cost the typist."""
        if [r.suggestion_id for r in self.rows] == [s.id for s, _r in entries]:
            for row, (suggestion, reason) in zip(self.rows, entries, strict=True):
                row.update_from(suggestion, reason)
            self._update_buttons(entries)
            return
        self.items.clear()
        self.rows = []
        for suggestion, reason in entries:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, suggestion.id)
            row = SuggestionRow(suggestion, reason, self)
            item.setSizeHint(row.sizeHint())
            self.items.addItem(item)
            self.items.setItemWidget(item, row)
            self.rows.append(row)
        self._update_buttons(entries)

    def _update_buttons(self, entries: Sequence[tuple[Suggestion, str]]) -> None:
        has_any = bool(entries)
        self.items.setVisible(has_any)
        self.empty_label.setVisible(not has_any)
        self.accept_all_button.setEnabled(any(not reason for _s, reason in entries))
        self.reject_all_button.setEnabled(has_any)

    def row_of(self, suggestion_id: str) -> SuggestionRow | None:
        return next((r for r in self.rows if r.suggestion_id == suggestion_id), None)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
