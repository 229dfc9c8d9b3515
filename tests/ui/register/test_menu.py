"""The menu ทะเบียนและลงนาม holds its three commands, each with its own key."""

from __future__ import annotations

from typing import Any


def test_the_menu_holds_the_three_commands(numbered: Any) -> None:
    from PySide6.QtGui import QKeySequence

    titles = [a.text() for a in numbered.menuBar().actions()]
    assert "ทะเบียนและลงนาม (&R)" in titles
    menu = next(a.menu() for a in numbered.menuBar().actions()
                if a.text() == "ทะเบียนและลงนาม (&R)")
    assert [a.text() for a in menu.actions() if a.text()] == [
        "ออกเลขหนังสือ (&N)", "ทะเบียนหนังสือส่ง… (&L)", "ลงนาม… (&S)"]
    keys = [a.shortcut() for a in numbered.actions() if not a.shortcut().isEmpty()]
    assert len(keys) == len({k.toString() for k in keys})  # no shortcut taken twice
    assert numbered.register_menu.act_issue.shortcut() == QKeySequence("Ctrl+Shift+N")
