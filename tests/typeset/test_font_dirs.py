"""Where an installed TH Sarabun is looked for: Windows' machine and per-user font folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dla_drafter.typeset import fonts


def test_windows_font_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows 10 (1809) and later install a font for one user, without admin rights, into
    ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts``: a clerk's own TH SarabunPSK is there."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "ผู้ใช้" / "AppData" / "Local"))
    assert fonts.system_font_dirs() == [
        tmp_path / "Windows" / "Fonts",
        tmp_path / "ผู้ใช้" / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts",
    ]


def test_th_sarabun_found_in_a_per_user_font_folder(tmp_path: Path) -> None:
    """Windows names the files of a per-user install as the font's own files; the search is
    by file name, whatever the case, in any of the folders given."""
    user_fonts = tmp_path / "ผู้ใช้" / "Fonts"
    user_fonts.mkdir(parents=True)
    for name in ("THSarabunPSK.TTF", "THSarabunPSK Bold.ttf"):
        (user_fonts / name).write_bytes(b"")
    found = fonts.find_th_sarabun([tmp_path / "Windows" / "Fonts", user_fonts])
    assert found == (user_fonts / "THSarabunPSK.TTF", user_fonts / "THSarabunPSK Bold.ttf")
