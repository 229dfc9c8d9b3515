"""A Qt application object for painting without a window (CLI, tests, batch export).

Painting text or SVG needs a ``QGuiApplication``. The desktop app creates a ``QApplication``
itself; the command line has none, so one is made here — on the ``offscreen`` platform when
no display is configured, so that ``dla-drafter render`` works on a server or in CI.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def ensure_qt_app() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        sys.platform in ("win32", "darwin") or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(sys.argv[:1])
