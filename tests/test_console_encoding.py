"""Thai on a console that is not UTF-8: Windows' redirected stdout is cp1252 or cp874.

On Windows, Python gives a stdout redirected to a file or a pipe the ANSI code page, whatever
``chcp`` says; printing Thai there raised UnicodeEncodeError before anything was said. These
tests put cp1252 and cp874 streams in place on any platform; ``tests/test_windows.py`` runs
the real thing under Windows (``chcp``, ``> file``, a pipe).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from dla_drafter import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "memo-2569.dladraft.json"


class Console:
    """stdout and stderr as Windows gives them when redirected: a code page, strict."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, codepage: str) -> None:
        self.out, self.err = io.BytesIO(), io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(self.out, encoding=codepage))
        monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(self.err, encoding=codepage))

    def text(self) -> tuple[str, str]:
        sys.stdout.flush()
        sys.stderr.flush()
        return self.out.getvalue().decode("utf-8"), self.err.getvalue().decode("utf-8")


@pytest.mark.parametrize("codepage", ["cp1252", "cp874", "ascii"])
def test_a_command_prints_thai_errors_on_a_code_page_console(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, codepage: str) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["date"]["month"] = 13
    broken = tmp_path / "เสีย.dladraft"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    console = Console(monkeypatch, codepage)
    assert cli.main(["check", "--verbose", str(broken)]) == 1
    _, err = console.text()
    assert "ข้อผิดพลาด" in err and "เดือน (date.month)" in err


def test_the_window_path_prints_thai_on_a_code_page_console(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The installed ``dla-drafter`` starts in open_window, not in a command: its own
    messages (here: the desktop part cannot be imported) must not crash on cp1252."""
    console = Console(monkeypatch, "cp1252")
    monkeypatch.setitem(sys.modules, "dla_drafter.ui.app", None)  # import fails
    monkeypatch.setattr("dla_drafter.ui.qt_libs.uses_xcb", lambda: False)
    assert cli.open_window(["ร่าง.dladraft"]) == 2
    out, err = console.text()
    assert "เปิดหน้าต่างโปรแกรมไม่ได้" in err
    assert "dla-drafter" in out  # the help that follows


def test_help_on_a_code_page_console(monkeypatch: pytest.MonkeyPatch) -> None:
    console = Console(monkeypatch, "cp1252")
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    out, _ = console.text()
    assert "ร่างหนังสือราชการ" in out


def test_a_windowed_program_has_no_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """``dla-drafter.exe`` (console=False) starts with sys.stdout None: nothing to switch."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    cli.utf8_output()


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 0


def test_the_nul_device_is_no_console_on_windows() -> None:
    """``sign < NUL`` (or a scheduled task) on Windows: ``isatty()`` says yes for the NUL
    device, and asking for the passphrase there waited for ever. Only a handle with a
    console mode is a console."""
    from dla_drafter.cli._common import is_console

    assert is_console(_Tty(), windows=False)
    assert not is_console(_Tty(), windows=True, console_mode=lambda fd: False)  # NUL
    assert is_console(_Tty(), windows=True, console_mode=lambda fd: True)  # a real console
    assert not is_console(io.StringIO(), windows=True, console_mode=lambda fd: True)
    assert not is_console(None)


def test_sign_does_not_prompt_on_a_windows_nul_stdin(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """What ``sign`` does with a stdin that claims to be a terminal but has no console: no
    prompt (getpass would block), an empty passphrase."""
    import argparse
    import getpass

    from dla_drafter.cli import _common, sign

    monkeypatch.setattr(sys, "stdin", _Tty())
    monkeypatch.setattr(sys, "platform", "win32")
    real = _common.is_console
    monkeypatch.setattr(sign, "is_console",
                        lambda stream: real(stream, console_mode=lambda fd: False))
    monkeypatch.setattr(getpass, "getpass", lambda *a, **k: pytest.fail("prompted"))
    args = argparse.Namespace(lang="th", passphrase_file=None, p12=str(tmp_path / "a.p12"))
    assert sign._passphrase(args) == ""
