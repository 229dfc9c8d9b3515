"""Network shares are warned about, a locked SQLite file is a clear message, the PDF's
SHA-256 is recorded, and the command line starts without loading the database libraries."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from dla_drafter.cli import main
from dla_drafter.register import store as store_module
from dla_drafter.register.errors import RegisterError
from dla_drafter.register.shares import on_network_share, share_warning
from dla_drafter.register.store import Store

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/สารบรรณ /mnt/office cifs rw,vers=3.0 0 0
server:/export /home/clerk/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/office/local ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "network"), [
    ("/mnt/office/register.sqlite3", True),
    ("/home/clerk/nfs/a/register.sqlite3", True),
    ("/mnt/office/local/register.sqlite3", False),  # a local disk mounted inside the share
    ("/mnt/officex/register.sqlite3", False),
    ("/home/clerk/register.sqlite3", False),
    ("//fileserver/share/register.sqlite3", True),
    ("\\\\fileserver\\share\\register.sqlite3", True),
])
@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX mount table (Windows asks "
                    "GetDriveType: tests/test_windows.py)")
def test_network_share_detection(path, network):
    assert on_network_share(path, mounts_text=MOUNTS, windows=False) is network


def test_share_warning_names_the_file_and_points_to_postgresql(capsys, tmp_path):
    warning = share_warning("sqlite://///fileserver/share/register.sqlite3")
    assert warning is not None
    assert "โฟลเดอร์เครือข่าย" in warning and "PostgreSQL" in warning
    assert "//fileserver/share/register.sqlite3" in warning
    assert "not safe" in share_warning("sqlite://///fileserver/share/r.sqlite3", "en")
    assert share_warning("sqlite:///" + (tmp_path / "r.sqlite3").as_posix()) is None
    assert share_warning("postgresql://u@server/register") is None


def test_a_locked_sqlite_file_is_a_clear_message_and_issues_nothing(tmp_path, monkeypatch):
    file = tmp_path / "register.sqlite3"
    url = "sqlite:///" + file.as_posix()
    monkeypatch.setattr(store_module, "SQLITE_BUSY_SECONDS", 0.2)
    opened = Store(url)
    opened.issue("มท 0816.3")
    other = sqlite3.connect(file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another clerk's PC holds the write lock
    try:
        for attempt in (lambda: Store(url), lambda: opened.issue("มท 0816.3")):
            with pytest.raises(RegisterError) as err:
                attempt()
            assert err.value.code == "busy"
            assert "ถูกเครื่องอื่นใช้อยู่" in err.value.message("th")
        # Reading the register does not wait for the writer.
        assert [e.number for e in opened.entries()] == ["มท 0816.3/1"]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert opened.issue("มท 0816.3").serial == 2  # the refused attempt used no number
    opened.close()


def test_attach_records_the_sha256_of_the_exported_pdf(capsys, tmp_path, draft):
    url = "sqlite:///" + (tmp_path / "r.sqlite3").as_posix()
    assert main(["register", "issue", str(draft), "--db", url]) == 0
    pdf = tmp_path / "letter.pdf"
    assert main(["render", str(draft), "-o", str(pdf), "--bundled-font"]) == 0
    capsys.readouterr()
    assert main(["register", "attach", "มท 0816.3/ว 1", "--pdf", str(pdf), "--db", url]) == 0
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert capsys.readouterr().out == f"บันทึก SHA-256 ของ PDF แล้ว: มท 0816.3/ว 1 {digest}\n"
    with Store(url) as store:
        assert store.get("มท 0816.3/ว 1").pdf_sha256 == digest
    assert main(["register", "attach", "มท 0816.3/ว 1", "--pdf", str(tmp_path / "none.pdf"),
                 "--db", url]) == 1
    assert capsys.readouterr().err.startswith("ข้อผิดพลาด: อ่านไฟล์ PDF ไม่ได้")


def test_command_line_starts_without_the_database_libraries():
    code = ("import sys, dla_drafter.cli as c, dla_drafter.register, dla_drafter.app_settings;"
            " c._parser();"
            " print(sorted(m for m in ('sqlalchemy', 'psycopg', 'openpyxl') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
