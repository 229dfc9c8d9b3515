"""Where the program's own files live: ``resources/`` and ``templates/`` at the project root.

In a source checkout (and an editable install) they sit beside the package; a wheel carries
them inside the package (see ``pyproject.toml``), so both places are tried.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE.parent / name, _PACKAGE / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"missing program folder: {name}")


def resources_dir() -> Path:
    return _find("resources")


def templates_dir() -> Path:
    return _find("templates")


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return resources_dir().joinpath(*parts)


GUIDE_NAME = "คู่มือผู้ใช้.md"


def guide_path() -> Path | None:
    """The clerk's guide, ``docs/คู่มือผู้ใช้.md``; None when this copy has no ``docs/``."""
    for folder in (_PACKAGE.parent / "docs", _PACKAGE / "docs"):
        candidate = folder / GUIDE_NAME
        if candidate.is_file():
            return candidate
    return None
