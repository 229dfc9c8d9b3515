"""The user's own folders: settings (profiles) and data (recovery copies, the word list).

Qt-free and model-free, so the word breaker, the CLI and the desktop program find the same
files. Tests point them elsewhere with ``DLA_DRAFTER_CONFIG_DIR`` / ``DLA_DRAFTER_DATA_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "dla-drafter"


def _locate(variable: str, kind: str) -> Path:
    override = os.environ.get(variable)
    if override:
        return Path(override)
    import platformdirs

    finder = platformdirs.user_config_dir if kind == "config" else platformdirs.user_data_dir
    return Path(finder(APP_NAME, appauthor=False))


def _folder(variable: str, kind: str) -> Path:
    path = _locate(variable, kind)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir_path() -> Path:
    """Where :func:`data_dir` is, without creating it (for start-up, which must not write)."""
    return _locate("DLA_DRAFTER_DATA_DIR", "data")


def config_dir() -> Path:
    """Folder for settings and profiles (created on demand)."""
    return _folder("DLA_DRAFTER_CONFIG_DIR", "config")


def data_dir() -> Path:
    """Folder for data the program keeps for the user (recovery copies, word list)."""
    return _folder("DLA_DRAFTER_DATA_DIR", "data")


def user_words_path() -> Path:
    """The clerk's own word list (one word a line, ``|`` for allowed breaks): read by line
    breaking in the program and on the command line, and by spelling; written by
    "เพิ่มในรายการคำ"."""
    return data_dir() / "user-words.txt"
