"""The register's place in the settings dialog: a URL box, a file chooser and the warning.

An empty box is this PC's own SQLite file. The line under the box always says that a SQLite
file on a network share is unsafe for several clerks and that an office uses PostgreSQL; when
the chosen file *is* on a share (``register.shares.share_warning``) a red warning says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.register import strings  # noqa: F401 - English strings

HINT = ("ว่างไว้: ใช้ไฟล์ทะเบียนในเครื่องนี้ ({default}) · สำนักงานที่มีหลายคนออกเลข ให้ใช้"
        "เซิร์ฟเวอร์ PostgreSQL (postgresql://ผู้ใช้@เครื่อง/ฐานข้อมูล) · ห้ามวางไฟล์ SQLite "
        "ไว้บนโฟลเดอร์เครือข่ายเพื่อใช้ร่วมกัน: หลายเครื่องออกเลขพร้อมกันอาจได้เลขซ้ำหรือไฟล์เสีย")


def url_problem(url: str) -> str:
    """Why ``url`` cannot name a register ("" when it can, or is blank)."""
    url = url.strip()
    if not url:
        return ""
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return ""
    if url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        return ""
    return tr("ที่อยู่ฐานข้อมูลทะเบียนไม่ถูกต้อง: {u} (ใช้ sqlite:///… หรือ postgresql://…)",
              u=url)


class RegisterUrlField(QWidget):
    """Edits ``AppConfig.register_url``; ``value()`` is what to store."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from dla_drafter.register.store import default_url

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit(url)
        self.edit.setObjectName("registerUrl")
        self.edit.setPlaceholderText(default_url())
        self.edit.setToolTip(tr("sqlite:///ไฟล์ในเครื่อง หรือ postgresql://ผู้ใช้@เครื่อง/ฐานข้อมูล"))
        row.addWidget(self.edit, 1)
        browse = QPushButton(tr("เลือกไฟล์ SQLite…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        column.addLayout(row)
        self.hint = QLabel(tr(HINT, default=default_url().removeprefix("sqlite:///")))
        self.hint.setWordWrap(True)
        column.addWidget(self.hint)
        self.warning = QLabel()
        self.warning.setObjectName("registerShareWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        column.addWidget(self.warning)
        self.edit.textChanged.connect(self._check)
        self._check(url)

    def value(self) -> str:
        return self.edit.text().strip()

    def problem(self) -> str:
        return url_problem(self.value())

    def _check(self, text: str) -> None:
        from dla_drafter.register.shares import share_warning

        message = url_problem(text) or share_warning(text.strip(), language()) or ""
        self.warning.setText(("⚠ " + message) if message else "")
        self.warning.setVisible(bool(message))

    def _browse(self) -> None:
        current = self.value().removeprefix("sqlite:///") if self.value().startswith(
            "sqlite:///") else str(Path.home() / "register.sqlite3")
        path, _ = QFileDialog.getSaveFileName(
            self, tr("ไฟล์ทะเบียนหนังสือส่ง (SQLite)"), current,
            tr("ฐานข้อมูล SQLite (*.sqlite3 *.db);;ทุกแฟ้ม (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            # str(), not as_posix(): a Windows share \\server\x must stay a UNC path (as
            # //server/x SQLAlchemy would drop a slash), and then it is warned about.
            self.edit.setText("sqlite:///" + str(Path(path)))
