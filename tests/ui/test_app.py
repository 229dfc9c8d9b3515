"""The program's entry point: a draft given or none, and the smoke test of an installed build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from uihelpers import example_letter

from dla_drafter.model.draftio import save_draft


def _close_windows_later(seen: list[Any]) -> None:
    from dla_drafter.ui.main_window import MainWindow

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append((widget.doc.path, widget.doc.letter.subject,
                             widget.isWindowModified()))
                widget.doc.undo_stack.setClean()
                widget.close()
                widget.deleteLater()

    QTimer.singleShot(400, close)


def test_main_opens_the_draft_given(qtbot: Any, tmp_path: Path) -> None:
    from dla_drafter.ui.app import main

    path = tmp_path / "letter.dladraft.json"
    save_draft(example_letter(), path)
    seen: list[Any] = []
    _close_windows_later(seen)
    assert main([str(path)]) == 0
    assert seen == [(path.resolve(), example_letter().subject, False)]


def test_main_without_argument_starts_from_the_profile(qtbot: Any) -> None:
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import main

    seen: list[Any] = []
    _close_windows_later(seen)
    assert main([]) == 0
    assert len(seen) == 1 and seen[0][0] is None and seen[0][2] is False
    profile = AppConfig.load().profile()
    assert profile.profile_name


def test_smoke_test_option_quits_after_the_first_preview(
        qtbot: Any, tmp_path: Path, capsys: Any) -> None:
    """``--smoke-test`` (used to check the installed build) opens the draft, waits for its
    typeset preview, prints "ok" and returns 0 with no one closing the window."""
    from dla_drafter.cli import main

    path = tmp_path / "letter.dladraft.json"
    save_draft(example_letter(), path)
    assert main(["--smoke-test", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == ["ok"]
    from dla_drafter.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert any(w.doc.path == path.resolve() and w.preview.pages for w in windows)
    for window in windows:
        window.doc.undo_stack.setClean()
        window.close()
        window.deleteLater()
