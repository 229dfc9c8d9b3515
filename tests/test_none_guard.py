"""PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call; the package
guards against the resulting abort (see dla_drafter/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import dla_drafter
from PySide6.QtGui import QGuiApplication, QImage, QPainter
app = QGuiApplication([])
image = QImage(10, 10, QImage.Format.Format_ARGB32)
painter = QPainter(image)
for _ in range(100_000):
    painter.save()
    painter.restore()
painter.end()
print("painted")
"""


def test_many_void_qt_calls_do_not_abort_python():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert "painted" in result.stdout
