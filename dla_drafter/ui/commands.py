"""A command of the window: a QAction with its Thai text, its keys and the tip that says why.

The main window and each group (register, review) make their menu entries with this one
function, so they all read alike; the window then adds every command to itself, which is what
makes its keys work from any box of the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from dla_drafter.ui.i18n import tr


def command(parent: QObject, text: str, slot: Callable[[], Any], shortcut: Any = None,
            tip: str = "") -> QAction:
    """``text`` and ``tip`` are Thai (translated here); ``shortcut`` one key or a list."""
    action = QAction(tr(text), parent)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    if tip:
        action.setToolTip(tr(tip))
        action.setStatusTip(tr(tip))
    action.triggered.connect(lambda _checked=False: slot())
    return action
