"""Helpers for the review window tests: two people on two "PCs" (their own config and data
folders), and an answer for the trust dialog the panel opens modally."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dla_drafter.review.identity import Identity

REVIEWER = Identity("นางสมศรี ตรวจละเอียด", "ผู้อำนวยการกองส่งเสริมการศึกษา", "ผอ.กศ.")
CLERK = Identity("นายสมชาย ร่างดี", "นักวิชาการศึกษา", "นวก.")
STRANGER = Identity("นายแอบอ้าง ชื่อเหมือน", "ผู้อำนวยการกองส่งเสริมการศึกษา", "ผอ.กศ.")


def become(monkeypatch: pytest.MonkeyPatch, root: Path, who: str) -> None:
    """Act as another user: their own config and data folders."""
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(root / who / "config"))
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(root / who / "data"))


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    """Every page's text with white space taken out (the PDF spaces words by position)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    return squash(text)


class TrustAnswer:
    """When the trust dialog comes up: load ``card`` in it, tick "compared by phone" when
    ``confirm`` and press เชื่อถือผู้ตรวจนี้ when it is enabled (else cancel). Remembers what
    the dialog showed (``signed_print``, ``card_print``, ``verdict``, ``accepted``)."""

    def __init__(self, card: Path, confirm: bool = True) -> None:
        self.card = card
        self.confirm = confirm
        self.signed_print = self.card_print = self.verdict = ""
        self.loaded: bool | None = None
        self.accept_enabled = False
        self.done = False
        QTimer.singleShot(10, self._poll)

    def _poll(self) -> None:
        from dla_drafter.ui.review.trust import TrustCardDialog

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TrustCardDialog):
            QTimer.singleShot(10, self._poll)
            return
        self.loaded = dialog.load_card(self.card)
        if self.confirm and dialog.confirm.isEnabled():
            dialog.confirm.setChecked(True)
        self.signed_print = dialog.signed_print.text() if dialog.signed_by else ""
        self.card_print = dialog.card_print.text()
        self.verdict = dialog.verdict.text()
        self.accept_enabled = dialog.trust_button.isEnabled()
        self.done = True
        if self.accept_enabled:
            dialog.trust_button.click()
        else:
            dialog.reject()


def body_editor(window: Any, row: int) -> Any:
    return window.form.lists["body"].editors[row]
