"""ตรวจทาน › ข้อมูลผู้ใช้…: who I am, saved, and my public key shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from uihelpers import type_text

from dla_drafter.review.identity import Identity, own_public_key

REVIEWER = Identity("นางสมศรี ตรวจละเอียด", "ผู้อำนวยการกองส่งเสริมการศึกษา", "ผอ.กศ.")


def test_identity_dialog_saves_who_i_am_and_shows_my_public_key(window: Any, qtbot: Any) -> None:
    from dla_drafter.review.identity import load_identity
    from dla_drafter.ui.review.identity_dialog import IdentityDialog

    dialog = IdentityDialog(window)
    qtbot.addWidget(dialog)
    assert own_public_key() is None and not dialog.copy_button.isEnabled()
    type_text(dialog.name, REVIEWER.name)
    type_text(dialog.position, REVIEWER.position)
    type_text(dialog.abbreviation, REVIEWER.abbreviation)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    key = own_public_key()
    assert key is not None and key.startswith("ed25519:")
    assert dialog.public_key.text() == key and dialog.copy_button.isEnabled()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == key
    dialog.accept()
    assert load_identity() == REVIEWER
