"""On a bare Linux the window needs X11 libraries PySide6 does not carry: say which."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dla_drafter.ui.qt_libs import XCB_LIBRARIES, missing_message, missing_packages, uses_xcb

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin: Linux only")
def test_every_library_of_the_xcb_plugin_is_on_this_machine():
    # CI installs them (.ci/run); the real loader is used here.
    assert missing_packages() == []


def test_a_missing_library_names_its_package():
    absent = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    packages = missing_packages(lambda soname: soname not in absent)
    assert packages == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    message = missing_message(packages)
    assert "sudo apt install libxcb-cursor0 libxkbcommon-x11-0" in message
    assert message.startswith("ข้อผิดพลาด: เปิดหน้าต่างโปรแกรมไม่ได้")


def test_only_x11_sessions_on_linux_are_checked():
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({}, "win32")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin: Linux only")
def test_the_table_matches_what_the_plugin_links():
    ldd = subprocess.run(["ldd", _xcb_plugin()], capture_output=True, text=True)
    if ldd.returncode != 0:
        return  # not an ELF system with ldd: nothing to compare
    linked = {line.split()[0] for line in ldd.stdout.splitlines() if "=>" in line}
    for soname in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"):
        assert soname in linked | _qpa_links()
    assert set(XCB_LIBRARIES) <= linked | _qpa_links() | {"libGL.so.1"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin: Linux only")
def test_the_program_says_so_instead_of_aborting():
    # An X11 session whose loader cannot find libxcb-cursor: LD_LIBRARY_PATH cannot hide a
    # system library, so run the check with a loader that reports it absent.
    code = ("import sys; import dla_drafter.ui.qt_libs as q\n"
            "q._loads = lambda s: s != 'libxcb-cursor.so.0'\n"
            "from dla_drafter.cli import main; sys.exit(main([]))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":99"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert "sudo apt install libxcb-cursor0" in result.stderr


def _xcb_plugin() -> str:
    import PySide6

    return str(Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so")


def _qpa_links() -> set[str]:
    import PySide6

    lib = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6XcbQpa.so*"))
    ldd = subprocess.run(["ldd", str(lib)], capture_output=True, text=True)
    return {line.split()[0] for line in ldd.stdout.splitlines() if "=>" in line}
