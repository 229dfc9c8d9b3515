"""Shared fixtures. Tests never touch the user's real config or cache folders and always
draw with the bundled Sarabun, so results do not depend on the fonts of the machine."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Cache and config folders of a test run live in a temporary folder."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))


@pytest.fixture
def settings():
    from dla_drafter.settings import RenderSettings

    return RenderSettings(use_system_th_sarabun=False)


def example_dict(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.dladraft.json").read_text(encoding="utf-8"))


@pytest.fixture
def eef_dict() -> dict:
    return copy.deepcopy(example_dict("circular-2565-eef"))


@pytest.fixture
def ipst_dict() -> dict:
    return copy.deepcopy(example_dict("circular-2565-ipst"))


def letter_from(data: dict):
    from dla_drafter.model.draftio import letter_from_dict

    return letter_from_dict(data)


@pytest.fixture(autouse=True, scope="session")
def _qt_application(qapp):
    """One QApplication for the whole run, made before any engine code could make a bare
    QGuiApplication (``render.qt_app.ensure_qt_app``) that widget tests cannot use."""
    return qapp
