"""Wine-only shims for the test environment's Windows Python (env.sh installs this file as
``sitecustomize.py`` next to ``python.exe``; it is never part of the program, the bundle or
the installer).

Each works around a gap of Wine 8 that real Windows 10/11 does not have, so that the tests
exercise the program instead of Wine:

* ``_winapi.CopyFile2``: Python 3.12+ copies files with it (``shutil.copy2``/``copyfile``);
  Wine 8 does not implement ``kernel32.CopyFile2`` and aborts the process. Without the
  attribute, ``shutil`` takes its portable read/write path.
* ``concurrent.futures`` process pools wake their manager thread with an empty message
  through a pipe; Wine's message-mode pipes never deliver it, so any pool (``merge`` with
  several workers) hangs at shutdown. A one-byte message is read and dropped the same way.
"""

from __future__ import annotations

import contextlib

with contextlib.suppress(ImportError, AttributeError):
    import _winapi

    del _winapi.CopyFile2

with contextlib.suppress(ImportError, AttributeError):
    from concurrent.futures import process as _process

    def _wakeup(self) -> None:
        with self._lock:
            if not self._closed:
                self._writer.send_bytes(b"\0")

    _process._ThreadWakeup.wakeup = _wakeup
