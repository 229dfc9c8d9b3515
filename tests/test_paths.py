"""The program finds its own folders in a checkout and inside the installed bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dla_drafter import paths

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_folders_are_the_repository_ones() -> None:
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.templates_dir() == ROOT / "templates"
    assert paths.guide_path() == ROOT / "docs" / "คู่มือผู้ใช้.md"
    assert paths.guide_path().read_text(encoding="utf-8").strip()
    assert not paths.is_frozen()


def test_frozen_program_reads_its_bundle_folder(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller sets ``sys.frozen`` and ``sys._MEIPASS``; the bundle, here in a folder with
    a Thai name as on a clerk's Windows, wins over any checkout beside the package."""
    bundle = tmp_path / "โปรแกรม ร่างหนังสือ" / "_internal"
    for name in ("resources", "templates", "docs"):
        (bundle / name).mkdir(parents=True)
    (bundle / "docs" / paths.GUIDE_NAME).write_text("# คู่มือ\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.is_frozen()
    assert paths.resources_dir() == bundle / "resources"
    assert paths.templates_dir() == bundle / "templates"
    assert paths.resource("words", "x.txt") == bundle / "resources" / "words" / "x.txt"
    assert paths.guide_path().read_text(encoding="utf-8") == "# คู่มือ\n"


def test_missing_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_PACKAGE", tmp_path / "dla_drafter")
    with pytest.raises(FileNotFoundError, match="templates"):
        paths.templates_dir()
