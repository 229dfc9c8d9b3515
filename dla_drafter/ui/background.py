"""Run one slow call (the register database, pyHanko) off the window's thread.

A PostgreSQL server that does not answer takes seconds to be reported and pyHanko's first
import takes one or two: done on the GUI thread either would freeze the window. ``run`` hands
the call to Qt's global thread pool and delivers its result or exception back on the GUI
thread through a queued signal, so the callbacks may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Task(QObject):
    """The GUI-thread end of one background call; ``done`` fires with the outcome."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = True
        self.result: Any = None
        self.error: BaseException | None = None
        self.succeeded.connect(self._finish_ok)
        self.failed.connect(self._finish_error)

    def _finish_ok(self, result: Any) -> None:
        self.result = result
        self.running = False

    def _finish_error(self, error: BaseException) -> None:
        self.error = error
        self.running = False


class _Job(QRunnable):
    def __init__(self, call: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self.call = call
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.call()
        except BaseException as exc:  # every failure reaches the window, none is lost
            self.task.failed.emit(exc)
        else:
            self.task.succeeded.emit(result)


def run(parent: QObject, call: Callable[[], Any], on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None]) -> Task:
    """Call ``call()`` in a worker thread; then ``on_done(result)`` or ``on_error(exc)`` on
    the GUI thread. The returned Task's ``running`` turns False after the callback ran."""
    task = Task(parent)
    task.succeeded.connect(on_done)
    task.failed.connect(on_error)
    # The callbacks were connected after the Task's own bookkeeping slots, so ``running`` is
    # already False when they run. The Task stays a child of ``parent`` (a few bytes each).
    QThreadPool.globalInstance().start(_Job(call, task))
    return task
