"""Before the window opens on Linux: are the X11 libraries Qt's xcb plugin needs there?

PySide6 from PyPI carries Qt but not the X11/xcb libraries of the system. When one is missing,
Qt prints "Could not load the Qt platform plugin xcb" and aborts the process — a clerk sees a
crash with no hint. We try the same shared libraries first and, when any is absent, say in
Thai and English which Debian/Ubuntu packages to install. No Qt import here: this runs before
Qt is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# soname → Debian/Ubuntu package, from `ldd` of PySide6 6.12's libqxcb.so and libQt6XcbQpa.so.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: dict[str, str] | os._Environ = os.environ,
             platform: str = sys.platform) -> bool:
    """Whether Qt will pick its xcb (X11) plugin: Linux, no other platform asked for, and no
    Wayland session (Qt prefers its Wayland plugin there)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The packages whose libraries cannot be loaded, in the table's order."""
    loads = loads or _loads
    return [package for soname, package in XCB_LIBRARIES.items() if not loads(soname)]


def missing_message(packages: list[str]) -> str:
    command = "sudo apt install " + " ".join(packages)
    return ("ข้อผิดพลาด: เปิดหน้าต่างโปรแกรมไม่ได้ เพราะเครื่องนี้ยังไม่มีไลบรารีที่ Qt ใช้แสดงหน้าต่าง "
            f"ติดตั้งด้วยคำสั่ง: {command}\n"
            "error: the window cannot open: Qt's X11 libraries are missing. "
            f"Install them with: {command}")
