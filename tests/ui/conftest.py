"""Fixtures for driving the real window: private config folders, handled dialogs, Thai typing.

Every test gets its own config and data folders (so the real user config is never touched)
and every QMessageBox/QFileDialog static call is intercepted: a test states the answer it
wants, and an unexpected dialog fails the test instead of waiting for a click forever.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402


class Dialogs:
    """Answers for the static dialog functions; records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.replies: dict[str, Any] = {}

    def handler(self, name: str) -> Callable[..., Any]:
        def answer(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args))
            if name not in self.replies:
                raise AssertionError(f"unexpected dialog {name}: {args[1:3]}")
            reply = self.replies[name]
            if isinstance(reply, list):
                reply = reply.pop(0)
            return reply(*args) if callable(reply) else reply

        return answer

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    d = Dialogs()
    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, d.handler(name))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, d.handler(name))
    return d


@pytest.fixture(autouse=True)
def forget_modal_answers() -> Iterator[None]:
    """A ModalAnswer a test left unused must not click a later test's dialog."""
    yield
    from uihelpers import ModalAnswer

    ModalAnswer._waiting.clear()


@pytest.fixture(scope="session")
def spell(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One loaded dictionary for the whole run (loading takes most of a second).

    Its word list is in this run's own temporary folder: a fixed name under /tmp was shared
    by every test run on the machine, and parallel runs removed or filled each other's list.
    """
    from dla_drafter.ui.letter.spell import SpellChecker

    checker = SpellChecker(words_path=tmp_path_factory.mktemp("spell") / "words.txt")
    checker.load_now()
    return checker


@pytest.fixture
def make_window(qtbot: Any, spell: Any) -> Iterator[Callable[..., Any]]:
    """Build MainWindows; they are closed without prompts at the end of the test."""
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    make_app()
    windows: list[MainWindow] = []

    def build(**kwargs: Any) -> MainWindow:
        kwargs.setdefault("config", AppConfig.load())
        window = MainWindow(spell=spell, **kwargs)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:
        try:
            window.doc.undo_stack.setClean()
            window.close()
            window.deleteLater()
        except RuntimeError:
            pass
    qtbot.wait(1)


@pytest.fixture
def window(make_window: Callable[..., Any]) -> Any:
    return make_window()
