"""DLA Drafter: draft Thai official letters (หนังสือราชการ) and export them as PDF and DOCX."""

from __future__ import annotations

import os
import sys

__version__ = "0.1.0"


def _guard_none_refcount() -> None:
    """Work around PySide6 6.12 on Python 3.11, which drops one reference to ``None`` on
    every call of a Qt method that returns nothing (measured: 1,000 ``QPainter.save()`` /
    ``restore()`` pairs take 2,000 references; the interpreter starts with about 5,000, and
    Python aborts with "none_dealloc" once they run out — a few repaints of a letter).
    From Python 3.12 ``None`` is immortal and this is not needed. Below that, ``None`` is
    given a reserve of 2**48 references, which no session can exhaust; ``None`` is never
    freed anyway, so the extra count changes nothing else."""
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48


_guard_none_refcount()


def _keep_pythainlp_home() -> None:
    """PyThaiNLP keeps its data in ``~/pythainlp-data`` unless told otherwise, and may try to
    download corpora. A clerk's home folder is not ours to fill and the program never goes
    online: its data folder is the program's own (``…/dla-drafter/pythainlp``) and it runs
    offline. Set before any module imports PyThaiNLP; a user's own setting wins."""
    if not (os.environ.get("PYTHAINLP_DATA") or os.environ.get("PYTHAINLP_DATA_DIR")):
        from .userdirs import data_dir_path

        os.environ["PYTHAINLP_DATA"] = str(data_dir_path() / "pythainlp")
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


_keep_pythainlp_home()
