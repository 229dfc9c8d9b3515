"""Where the program's own files live: ``resources/``, ``templates/`` and ``docs/``.

In a source checkout (and an editable install) they sit beside the package; a wheel carries
them inside the package (see ``pyproject.toml``). The installed program (a PyInstaller
one-folder build, ``packaging/``) has them in its bundle folder, ``sys._MEIPASS`` (the
``_internal`` folder beside ``dla-drafter.exe``). All three places are tried, bundle first.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

GUIDE_NAME = "คู่มือผู้ใช้.md"


def is_frozen() -> bool:
    """Whether this is the installed program (PyInstaller sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def _roots() -> list[Path]:
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if is_frozen() and bundle:
        roots.append(Path(bundle))
    roots += [_PACKAGE.parent, _PACKAGE]
    return roots


def _find(name: str) -> Path:
    for root in _roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"missing program folder: {name}")


def resources_dir() -> Path:
    return _find("resources")


def templates_dir() -> Path:
    return _find("templates")


def guide_path() -> Path | None:
    """The clerk's guide, ``docs/คู่มือผู้ใช้.md``, from the bundle or the checkout; None when
    this copy of the program has none (Help says so)."""
    for root in _roots():
        candidate = root / "docs" / GUIDE_NAME
        if candidate.is_file():
            return candidate
    return None


def guide_images(guide: Path) -> list[Path]:
    """The images the guide shows (``![…](name.png)``), beside it, in order and once each:
    the help window loads them from there, and the installed build must carry them
    (``packaging/dla-drafter.spec``)."""
    text = Path(guide).read_text(encoding="utf-8")
    names = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)
    return [Path(guide).parent / name for name in dict.fromkeys(names)]


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return resources_dir().joinpath(*parts)
