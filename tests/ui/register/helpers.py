"""ออกเลขหนังสือ as the clerk does it: the menu command, then wait for the register."""

from __future__ import annotations

from typing import Any

WAIT_MS = 30_000


def issue(qtbot: Any, window: Any) -> None:
    window.register_menu.act_issue.trigger()
    qtbot.waitUntil(lambda: not window.register_menu.issue_number.busy, timeout=WAIT_MS)
