"""Warm the typesetting engine in the background while the window is being built.

The first preview after opening a draft used to wait for everything the engine loads on
first use: the pipeline's modules (PyThaiNLP among them), the word breaker's dictionary and
the fonts' metrics — about half a second of CPU — and it did so only once the window was
built and the draft read (issue 13 item 12: 3.4 s seen under load). When the program is
started on a draft file (a double click), ``app.main`` calls ``start``, which begins that work
in a daemon thread at once, so it overlaps Qt's start-up and the reading of the draft (Qt's
C++ work and file reads release the GIL); the preview's own typesetting then finds the modules
imported and the dictionary built (the import lock and the breaker's lock make a typesetting
that arrives early wait for the part still loading, never do it twice). Started without a
file, the program does not warm up: nothing is wanted at once, the new letter's own first
preview loads the engine just after the window is shown, and the window is not slowed.

Nothing here is needed for correctness: any failure is swallowed and the first typesetting
loads what it needs itself, as before.
"""

from __future__ import annotations

import threading

_thread: threading.Thread | None = None
_LOCK = threading.Lock()


def warm() -> None:
    """Load what the first typesetting needs: the engine, the word breaker, the fonts."""
    try:
        from dla_drafter.model.letter import Letter
        from dla_drafter.pipeline import typeset_letter
        from dla_drafter.text.wordbreak import default_breaker

        default_breaker()
        # a short Thai letter: the fonts' metrics and the layout's caches are filled
        typeset_letter(Letter(subject="ทดสอบการจัดหน้า", body=["กรมส่งเสริมการปกครองท้องถิ่น"]),
                       None, None)
        import dla_drafter.render.painter  # noqa: F401 - the first paint needs it
    except Exception:  # noqa: BLE001 - a warm-up must never take the program down
        return


def start() -> threading.Thread:
    """Start warming once per process (later calls return the same thread)."""
    global _thread
    with _LOCK:
        if _thread is None:
            _thread = threading.Thread(target=warm, name="engine-warm-up", daemon=True)
            _thread.start()
        return _thread
