"""The question a save asks when this PC and another changed the same field of a draft.

Everything else the other PC saved (its comments, its edits to other fields) is merged by the
save without asking (``model.concurrent``, ``review.merge_records``); only fields both changed
differently come here. Each shows both texts side by side, and the clerk keeps theirs, the
other PC's, or both (the two texts in the one field, or every paragraph of both lists, to
tidy up afterwards). The default keeps both, so pressing Enter loses nothing; whatever is
chosen, the file as the other PC saved it stays in the ``.bak`` beside the draft.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.model.concurrent import Choice, Conflict, display_text
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.ui.i18n import EN, language, tr
from dla_drafter.ui.messages import support_tip

CONFLICTS_EN: dict[str, str] = {
    "แฟ้มถูกบันทึกจากเครื่องอื่น": "Saved from Another PC Too",
    "หลังจากที่คุณเปิดแฟ้มนี้ มีผู้บันทึกแฟ้มเดียวกันจากเครื่องอื่น การแก้ไขอื่น ๆ และความเห็นของทั้งสองเครื่อง"
    "รวมเข้าด้วยกันแล้ว แต่ {n} ช่องต่อไปนี้ทั้งสองเครื่องแก้ไม่ตรงกัน เลือกว่าจะเก็บข้อความใด "
    "(แฟ้มที่เครื่องอื่นบันทึกไว้ยังเก็บอยู่ในแฟ้มสำรอง .bak)":
        "Since you opened this file, someone saved it from another PC. Their other changes "
        "and both PCs' comments have been merged, but the {n} field(s) below were changed "
        "differently on the two PCs: choose which text to keep (the file as the other PC "
        "saved it stays in the .bak backup).",
    "ของคุณ (เครื่องนี้)": "Yours (this PC)",
    "ของอีกเครื่อง": "The other PC's",
    "ใช้ของคุณ": "Keep yours",
    "ใช้ของอีกเครื่อง": "Keep theirs",
    "เก็บทั้งสอง": "Keep both",
    "บันทึก": "Save",
    "ยกเลิก": "Cancel",
    # the window's messages around a merging save (ui/main_window.py)
    "ยังไม่ได้บันทึก แฟ้มยังเป็นฉบับที่บันทึกจากเครื่องอื่น":
        "Not saved; the file is as the other PC saved it",
    "รวมการแก้ไขจากเครื่องอื่น": "Merge changes from another PC",
    "บันทึกแล้ว: {p} — รวมกับที่บันทึกจากเครื่องอื่นหลังจากที่เปิดแฟ้มแล้ว":
        "Saved: {p} — merged with what another PC saved after the file was opened",
}
for _thai, _english in CONFLICTS_EN.items():
    EN.setdefault(_thai, _english)

_INTRO = ("หลังจากที่คุณเปิดแฟ้มนี้ มีผู้บันทึกแฟ้มเดียวกันจากเครื่องอื่น การแก้ไขอื่น ๆ และความเห็นของทั้งสองเครื่อง"
          "รวมเข้าด้วยกันแล้ว แต่ {n} ช่องต่อไปนี้ทั้งสองเครื่องแก้ไม่ตรงกัน เลือกว่าจะเก็บข้อความใด "
          "(แฟ้มที่เครื่องอื่นบันทึกไว้ยังเก็บอยู่ในแฟ้มสำรอง .bak)")
_CHOICE_TEXT: dict[Choice, str] = {
    "mine": "ใช้ของคุณ", "theirs": "ใช้ของอีกเครื่อง", "both": "เก็บทั้งสอง",
}


def _text_box(text: str, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    lines = max(2, min(8, text.count("\n") + 1 + len(text) // 60))
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


class ConflictDialog(QDialog):
    """One box per conflicting field: both texts and the clerk's choice."""

    def __init__(self, conflicts: Sequence[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(tr("แฟ้มถูกบันทึกจากเครื่องอื่น"))
        self.conflicts = list(conflicts)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[Choice, QRadioButton]] = {}
        lang = language()
        layout = QVBoxLayout(self)
        count = len(self.conflicts)  # Thai digits in the Thai text, as everywhere in the window
        intro = QLabel(tr(_INTRO, n=to_thai_digits(count) if language() == "th" else count))
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QWidget()
        column = QVBoxLayout(body)
        for index, conflict in enumerate(self.conflicts):
            column.addWidget(self._field_box(index, conflict, lang))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        save = buttons.addButton(tr("บันทึก"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("conflictSave")
        save.setDefault(True)
        cancel = buttons.addButton(tr("ยกเลิก"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("conflictCancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, min(720, 260 + 220 * len(self.conflicts)))

    def _field_box(self, index: int, conflict: Conflict, lang: str) -> QGroupBox:
        box = QGroupBox(conflict.label(lang))  # the clerk's name for it (issue 13 item 10)
        box.setToolTip(support_tip(box.title(), conflict.path))  # the path, for support
        box.setObjectName(f"conflict_{index}")
        grid = QGridLayout(box)
        grid.addWidget(QLabel(tr("ของคุณ (เครื่องนี้)")), 0, 0)
        grid.addWidget(QLabel(tr("ของอีกเครื่อง")), 0, 1)
        grid.addWidget(_text_box(display_text(conflict.mine, lang), f"mine_{index}"), 1, 0)
        grid.addWidget(_text_box(display_text(conflict.theirs, lang), f"theirs_{index}"), 1, 1)
        row = QWidget()
        line = QVBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(box)
        self.groups[conflict.path] = group
        self.buttons[conflict.path] = {}
        for choice, text in _CHOICE_TEXT.items():
            button = QRadioButton(tr(text))
            button.setObjectName(f"choice_{choice}_{index}")
            if choice == "both" and not conflict.can_keep_both:
                button.setEnabled(False)
            group.addButton(button)
            line.addWidget(button)
            self.buttons[conflict.path][choice] = button
        default: Choice = "both" if conflict.can_keep_both else "mine"
        self.buttons[conflict.path][default].setChecked(True)
        grid.addWidget(row, 2, 0, 1, 2)
        return box

    def choose(self, path: str, choice: Choice) -> None:
        self.buttons[path][choice].setChecked(True)

    def choices(self) -> dict[str, Choice]:
        """The choice per field path."""
        out: dict[str, Choice] = {}
        for path, buttons in self.buttons.items():
            out[path] = next(c for c, b in buttons.items() if b.isChecked())
        return out


def ask_conflicts(parent: QWidget | None, conflicts: Sequence[Conflict]
                  ) -> dict[str, Choice] | None:
    """Show the dialog; the clerk's choices, or None when they cancelled (nothing saved)."""
    dialog = ConflictDialog(conflicts, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choices()
    finally:
        dialog.deleteLater()
