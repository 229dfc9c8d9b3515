"""Questions whose buttons say what they do ("ต่อท้ายรายชื่อเดิม"), not Yes/No/Cancel.

A clerk should not have to read "Yes = replace / No = append" and map it to buttons: each
answer is its own labelled button, and Escape (or closing the box) picks the cancel answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def ask_choice(parent: QWidget | None, title: str, text: str,
               choices: list[tuple[str, str, QMessageBox.ButtonRole]],
               default: str | None = None, cancel: str | None = None,
               icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> str | None:
    """Show ``text`` with one button per ``(key, label, role)``; returns the chosen key.

    ``cancel`` is the key Escape and the window's close button give; None when no button was
    chosen (only possible without a ``cancel`` key).
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("askChoice")
    buttons: dict[QAbstractButton, str] = {}
    for key, label, role in choices:
        button = box.addButton(label, role)
        button.setObjectName(f"choice_{key}")
        buttons[button] = key
        if key == default:
            box.setDefaultButton(button)
        if key == cancel:
            box.setEscapeButton(button)
    box.exec()
    clicked = box.clickedButton()
    key = buttons.get(clicked) if clicked is not None else None
    box.deleteLater()
    return key if key is not None else cancel
