"""The signer group's e-saraban option: a check box and the orange note that goes with it.

Ticking it prints the signer's typed name with no gap for a pen signature above it
(``Signer.e_saraban``). Such a letter is valid only when it is dispatched through an
identity-verified สารบรรณอิเล็กทรอนิกส์ system (ระเบียบงานสารบรรณ ฉบับที่ ๔ พ.ศ. ๒๕๖๔), so while the
box is ticked a note says so right under it, in orange, where the clerk cannot miss it; the same
warning is in the problems panel (``model.checks``).

The form binds the check box like its other bool fields (``toggled`` → ``Document.set_field``,
so undo works); ``set_checked`` is the binding's writer, which also shows or hides the note,
because the form blocks the box's signals while it writes a value back after undo.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from dla_drafter.ui.i18n import tr

NOTE_COLOR = "#c55a00"  # orange that stays readable on the form's light background


class ESarabanOption(QWidget):
    """``box``: the check box (object name ``signer.e_saraban``); ``note``: the orange note,
    shown only while the box is ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(tr("ลงนามด้วยชื่อในระบบสารบรรณอิเล็กทรอนิกส์"))
        self.box.setObjectName("signer.e_saraban")
        self.box.setToolTip(tr(
            "พิมพ์ชื่อผู้ลงนามใต้คำลงท้ายโดยไม่เว้นที่ลงลายมือชื่อ "
            "ใช้ได้เฉพาะหนังสือที่ส่งทางระบบสารบรรณอิเล็กทรอนิกส์ที่ยืนยันตัวตนแล้ว"))
        self.note = QLabel(tr("ใช้ได้เฉพาะส่งทางระบบสารบรรณอิเล็กทรอนิกส์"))
        self.note.setObjectName("eSarabanNote")
        self.note.setStyleSheet(f"QLabel {{ color: {NOTE_COLOR}; font-weight: 600; }}")
        # under the box rather than beside it: the signer group is narrow, and a wrapped note
        # beside a check box gets clipped by the form's row height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.box)
        layout.addWidget(self.note)
        self.box.toggled.connect(self._show_note)
        self._show_note(self.box.isChecked())

    def set_checked(self, on: bool) -> None:
        """Show a model value: tick or clear the box and show or hide the note."""
        self.box.setChecked(bool(on))
        self._show_note(self.box.isChecked())

    def _show_note(self, on: bool) -> None:
        self.note.setVisible(on)
