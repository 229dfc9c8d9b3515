"""The register group's windows: a draft saved and ready to number, with a register of its own;
a numbered letter ready to sign."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from uihelpers import example_letter

from dla_drafter.model.draftio import save_draft


@pytest.fixture
def register_url(tmp_path: Path) -> str:
    return "sqlite:///" + (tmp_path / "register.sqlite3").as_posix()


@pytest.fixture
def drafted(make_window: Any, tmp_path: Path, register_url: str) -> Any:
    """A window on a saved, error-free circular without a serial, using the test register."""
    path = tmp_path / "letter.dladraft.json"
    save_draft(example_letter(), path)
    window = make_window()
    assert window.open_path(path, ask=False)
    window.config.register_url = register_url
    return window


@pytest.fixture
def numbered(make_window: Any, tmp_path: Path) -> Any:
    """A window on a saved, numbered letter with a signer's name (so it has a signature gap)."""
    letter = example_letter()
    letter.number.serial = "15"
    letter.signer.name = "(นายสมชาย ใจดี)"
    path = tmp_path / "หนังสือ.dladraft.json"
    save_draft(letter, path)
    window = make_window()
    assert window.open_path(path, ask=False)
    return window
