"""Run a screenshot script again inside ``xvfb-run``, with settings folders of its own.

The screenshot scripts (``screenshot*.py``) take their pictures in a real X11 window on a
virtual screen, never touching the user's settings: each calls :func:`rerun_under_xvfb` from
its "outside" half, which starts the same script with ``--inside`` under Xvfb.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APT = ("apt-get install -y xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 "
       "libxkbcommon-x11-0 libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-xinerama0")


def rerun_under_xvfb(script: str, screen: tuple[int, int], args: list[str],
                     pass_tmp: bool = False) -> int:
    """``python script --inside ARGS`` on a ``screen``-sized virtual display. The temporary
    folder holding the settings is in ``SHOT_TMP``; with ``pass_tmp`` also ``--tmp DIR``."""
    if not (shutil.which("xvfb-run") and shutil.which("Xvfb")):
        print("Xvfb is missing; install it with:\n  " + APT, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DLA_DRAFTER_CONFIG_DIR=f"{tmp}/config",
                   DLA_DRAFTER_DATA_DIR=f"{tmp}/data", QT_QPA_PLATFORM="xcb", SHOT_TMP=tmp)
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {screen[0]}x{screen[1]}x24 -dpi 96",
                   sys.executable, script, "--inside", *args]
        if pass_tmp:
            command += ["--tmp", tmp]
        return subprocess.call(command, env=env, cwd=ROOT)
