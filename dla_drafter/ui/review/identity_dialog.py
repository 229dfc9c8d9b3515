"""ตรวจทาน → ข้อมูลผู้ใช้: who I am when I comment and approve, and my public key.

The name goes on comments, ส่งตรวจ and approvals; the abbreviation (ผอ.กศ.) is the role an
approval prints under in the initials grid. The public key is what the office adds to the
agency profile's list of reviewers so that this user's approvals print on other PCs; the
private key stays in the data folder (:mod:`dla_drafter.review.identity`) and is never shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.review.identity import (
    Identity,
    IdentityError,
    load_identity,
    own_public_key,
    save_identity,
    signing_key,
)
from dla_drafter.review.integrity import public_key_text
from dla_drafter.ui.i18n import language, tr


class IdentityDialog(QDialog):
    """Edit the saved :class:`Identity`; ``accept`` writes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ข้อมูลผู้ใช้สำหรับการตรวจทาน"))
        self.setObjectName("identityDialog")
        identity = load_identity()
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(identity.name)
        self.name.setObjectName("identityName")
        self.name.setPlaceholderText(tr("เช่น นายสมชาย ใจดี"))
        self.position = QLineEdit(identity.position)
        self.position.setObjectName("identityPosition")
        self.position.setPlaceholderText(tr("เช่น ผู้อำนวยการกองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"))
        self.abbreviation = QLineEdit(identity.abbreviation)
        self.abbreviation.setObjectName("identityAbbreviation")
        self.abbreviation.setPlaceholderText(tr("เช่น ผอ.กศ."))
        self.abbreviation.setToolTip(tr("ชื่อย่อตำแหน่งที่พิมพ์ในช่องลงชื่อย่อเมื่ออนุมัติ"))
        form.addRow(tr("ชื่อ"), self.name)
        form.addRow(tr("ตำแหน่ง"), self.position)
        form.addRow(tr("ชื่อย่อในช่องลงชื่อย่อ"), self.abbreviation)
        lay.addLayout(form)
        lay.addWidget(QLabel(tr("กุญแจสาธารณะ (ส่งให้ผู้ดูแลเพิ่มในรายชื่อผู้ตรวจของโปรไฟล์ส่วนราชการ)")))
        row = QHBoxLayout()
        self.public_key = QLineEdit()
        self.public_key.setObjectName("identityPublicKey")
        self.public_key.setReadOnly(True)
        self.copy_button = QPushButton(tr("คัดลอก"))
        self.copy_button.clicked.connect(self.copy_key)
        self.create_button = QPushButton(tr("สร้างกุญแจ"))
        self.create_button.setToolTip(tr("สร้างกุญแจลงนามส่วนตัว (สร้างให้เองเมื่ออนุมัติครั้งแรก)"))
        self.create_button.clicked.connect(self.create_key)
        row.addWidget(self.public_key, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.create_button)
        lay.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(620, 0)
        self._show_key()

    def _show_key(self) -> None:
        try:
            key = own_public_key()
        except IdentityError as exc:
            key = None
            self.public_key.setPlaceholderText(exc.message_th)
        else:
            self.public_key.setPlaceholderText(tr("ยังไม่มีกุญแจ"))
        self.public_key.setText(key or "")
        self.copy_button.setEnabled(bool(key))
        self.create_button.setVisible(not key)

    def identity(self) -> Identity:
        return Identity(self.name.text().strip(), self.position.text().strip(),
                        self.abbreviation.text().strip())

    def copy_key(self) -> None:
        QApplication.clipboard().setText(self.public_key.text())

    def create_key(self) -> None:
        try:
            self.public_key.setText(public_key_text(signing_key().public_key()))
        except IdentityError as exc:
            QMessageBox.warning(self, tr("สร้างกุญแจไม่ได้"), exc.message(language()))
        self._show_key()

    def accept(self) -> None:
        try:
            save_identity(self.identity())
        except OSError as exc:
            QMessageBox.warning(self, tr("บันทึกไม่ได้"), str(exc))
            return
        super().accept()
