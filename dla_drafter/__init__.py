"""DLA Drafter: draft Thai official letters (หนังสือราชการ) and export them as PDF and DOCX."""

from __future__ import annotations

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
