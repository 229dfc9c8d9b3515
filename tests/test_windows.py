"""Windows itself: what only a Windows Python shows (run with ``packaging/windows/test.sh``,
Windows' CPython under Wine, or on a Windows PC). Skipped elsewhere; the same rules have
platform-neutral tests beside the code (``test_atomic.py``, ``test_console_encoding.py``,
``typeset/test_font_dirs.py``, ``ui/test_ui_file_in_use.py``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows only")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "memo-2569.dladraft.json"
UNNUMBERED = ROOT / "examples" / "circular-2565-eef.dladraft.json"  # serial blank
THAI_FOLDER = "งานสารบรรณ ๒๕๖๙"


@contextlib.contextmanager
def held_open(path: Path, share: int) -> Iterator[None]:
    """Open ``path`` as another program would: ``share`` 0 is Word's exclusive hold of a
    .docx it shows; 3 (read and write, not delete) is how most programs open a file."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.LPVOID, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.HANDLE]
    generic_read_write, open_existing, normal = 0xC0000000, 3, 0x80
    handle = kernel32.CreateFileW(str(path), generic_read_write, share, None, open_existing,
                                  normal, None)
    assert handle not in (None, wintypes.HANDLE(-1).value), ctypes.get_last_error()
    try:
        yield
    finally:
        kernel32.CloseHandle(wintypes.HANDLE(handle))


@pytest.mark.parametrize("share", [0, 3], ids=["exclusive-like-word", "shared-read-write"])
def test_a_file_held_open_is_refused_whole_and_written_once_closed(
        tmp_path: Path, share: int) -> None:
    from dla_drafter.atomic import REPLACE_ATTEMPTS, REPLACE_PAUSE_S, AtomicWriteError
    from dla_drafter.pipeline import write_outputs

    folder = tmp_path / THAI_FOLDER
    folder.mkdir()
    pdf, docx = folder / "หนังสือ.pdf", folder / "หนังสือ.docx"
    pdf.write_bytes(b"old pdf")
    docx.write_bytes(b"old docx")
    with held_open(docx, share):
        started = time.monotonic()
        with pytest.raises(AtomicWriteError) as info:
            write_outputs({pdf: b"new pdf", docx: b"new docx"})
        waited = time.monotonic() - started
    error = info.value
    assert error.in_use and error.path == docx
    assert "ถูกโปรแกรมอื่นเปิดใช้อยู่" in error.message_th and "Word" in error.message_th
    if share:  # readable, so the copy kept for putting it back was made; the replace waited
        assert waited >= (REPLACE_ATTEMPTS - 1) * REPLACE_PAUSE_S * 0.9  # for a brief lock
    # Both or neither: the PDF replaced first has its old contents back; no temporary left.
    assert pdf.read_bytes() == b"old pdf" and docx.read_bytes() == b"old docx"
    assert sorted(p.name for p in folder.iterdir()) == ["หนังสือ.docx", "หนังสือ.pdf"]
    write_outputs({pdf: b"new pdf", docx: b"new docx"})  # the clerk closed Word: retry
    assert pdf.read_bytes() == b"new pdf" and docx.read_bytes() == b"new docx"


def test_a_draft_open_in_another_program_saves_after_it_closes(tmp_path: Path) -> None:
    from dla_drafter.atomic import AtomicWriteError
    from dla_drafter.model.draftio import load_draft, save_draft

    letter = load_draft(EXAMPLE)
    path = tmp_path / THAI_FOLDER / "ร่าง.dladraft"
    path.parent.mkdir()
    save_draft(letter, path, backup=True)
    letter.subject = "แก้ไขแล้ว"
    with held_open(path, 0), pytest.raises(AtomicWriteError) as info:
        save_draft(letter, path, backup=True)
    assert info.value.in_use
    assert load_draft(path).subject != "แก้ไขแล้ว"
    assert sorted(p.name for p in path.parent.iterdir()) == ["ร่าง.dladraft"]  # nothing stray
    save_draft(letter, path, backup=True)
    assert load_draft(path).subject == "แก้ไขแล้ว"


def test_drive_letter_paths_with_thai_names(tmp_path: Path) -> None:
    """A draft in C:\\...\\งานสารบรรณ ๒๕๖๙, written with backslashes, forward slashes and a
    drive-relative spelling, opens and renders to the same folder."""
    from dla_drafter.model.draftio import load_draft, save_draft

    assert tmp_path.drive  # C:
    folder = tmp_path / THAI_FOLDER
    folder.mkdir()
    path = folder / "หนังสือ ว.dladraft"
    save_draft(load_draft(EXAMPLE), path)
    for spelling in (str(path), path.as_posix(), str(path).replace("\\", "/").lower()):
        assert load_draft(spelling).subject == load_draft(EXAMPLE).subject
    result = subprocess.run([sys.executable, "-m", "dla_drafter", "render", str(path),
                             "-o", str(folder / "ออก.pdf"), "-o", str(folder / "ออก.docx")],
                            capture_output=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert (folder / "ออก.pdf").read_bytes().startswith(b"%PDF")


def test_user_folders_are_the_users_local_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and data in %LOCALAPPDATA%\\dla-drafter (the shell's known folder, not the
    roaming profile, not the program folder)."""
    from dla_drafter import userdirs

    for name in ("DLA_DRAFTER_CONFIG_DIR", "DLA_DRAFTER_DATA_DIR",
                 "WIN_PD_OVERRIDE_LOCAL_APPDATA", "WIN_PD_OVERRIDE_APPDATA"):
        monkeypatch.delenv(name, raising=False)
    local = Path(os.environ["LOCALAPPDATA"])
    for where in (userdirs.data_dir_path(), userdirs._locate("DLA_DRAFTER_CONFIG_DIR", "config")):
        assert os.path.normcase(where) == os.path.normcase(local / "dla-drafter")


def test_a_th_sarabun_installed_for_this_user_is_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows 10 1809+ installs a font without admin rights into
    %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts, under the font's own file names."""
    from dla_drafter.typeset import fonts

    local = tmp_path / "ผู้ใช้" / "AppData" / "Local"
    user_fonts = local / "Microsoft" / "Windows" / "Fonts"
    user_fonts.mkdir(parents=True)
    regular, bold = fonts.bundled_sarabun()
    shutil.copyfile(regular, user_fonts / "THSarabunNew.ttf")
    shutil.copyfile(bold, user_fonts / "THSarabunNew Bold.ttf")
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("WINDIR", str(tmp_path / "no-windows"))
    found = fonts.find_th_sarabun()
    assert found == (user_fonts / "THSarabunNew.ttf", user_fonts / "THSarabunNew Bold.ttf")
    face = fonts.FontFace(found[0], bold=False)
    assert face.shape("ที่ว่าการอำเภอ").advance > 0


def _broken_draft(folder: Path) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["date"]["month"] = 13
    broken = folder / "เสีย.dladraft"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return broken


def test_thai_messages_redirected_to_a_file_and_a_pipe(tmp_path: Path) -> None:
    """A redirected stdout has the ANSI code page (cp1252, cp874), whatever chcp says: the
    program's Thai must arrive as UTF-8, never as UnicodeEncodeError."""
    broken = _broken_draft(tmp_path)
    command = [sys.executable, "-m", "dla_drafter", "check", "--verbose", str(broken)]
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        to_file = subprocess.run(command, stdout=stdout, stderr=stderr, cwd=ROOT, timeout=300)
    piped = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=300)
    for code, text in ((to_file.returncode, err.read_bytes()), (piped.returncode, piped.stderr)):
        message = text.decode("utf-8")
        assert code == 1 and "เดือน (date.month)" in message
        assert "Traceback" not in message and "UnicodeEncodeError" not in message
        assert "\r\r\n" not in message  # one line end each, not translated twice


def test_register_on_a_thai_windows_path_and_its_csv(tmp_path: Path) -> None:
    """SQLite on C:\\…\\ทะเบียน with a URL as a clerk would type it (backslashes), and a CSV
    whose lines end in CRLF exactly once (Excel), with the BOM that makes Excel read Thai."""
    folder = tmp_path / "ทะเบียน ๒๕๖๙"
    url = "sqlite:///" + str(folder / "ทะเบียนส่ง.sqlite3")  # C:\...\...: backslashes
    draft = tmp_path / "หนังสือ.dladraft"
    draft.write_bytes(UNNUMBERED.read_bytes())
    run = [sys.executable, "-m", "dla_drafter", "register"]
    issued = subprocess.run([*run, "issue", str(draft), "--db", url], capture_output=True,
                            cwd=ROOT, timeout=300)
    assert issued.returncode == 0, issued.stderr.decode("utf-8", "replace")
    assert (folder / "ทะเบียนส่ง.sqlite3").is_file()
    csv_path = tmp_path / "ทะเบียน.csv"
    exported = subprocess.run([*run, "export", "-o", str(csv_path), "--db", url],
                              capture_output=True, cwd=ROOT, timeout=300)
    assert exported.returncode == 0, exported.stderr.decode("utf-8", "replace")
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\r\n" not in data and data.count(b"\r\n") == data.count(b"\n") == 2
    assert "เลขทะเบียนส่ง" in data.decode("utf-8-sig")


def test_network_share_detection_asks_windows() -> None:
    """A register on a UNC path is on a share; a local drive is not (GetDriveType)."""
    from dla_drafter.register.shares import on_network_share

    assert on_network_share(r"\\fileserver\สารบรรณ\register.sqlite3")
    assert not on_network_share(os.path.join(os.environ["LOCALAPPDATA"], "register.sqlite3"))
