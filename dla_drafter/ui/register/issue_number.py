"""The ออกเลขหนังสือ command: take the next number from the register and put it in the draft.

The register's :func:`~dla_drafter.register.issue_draft` does the real work in one database
transaction that also rewrites the draft file, so the command saves the draft first (the file
is what gets numbered), runs that call in a worker thread behind a window-modal busy box (a
PostgreSQL server that does not answer takes up to 10 s to be reported, and the clerk must not
type into a draft that is being rewritten), then loads the numbered file back so the preview
shows the serial and the date.

Undo history: the reload clears it (``Document.replace``), on purpose. Once issued, the number
is in the register; an undo that blanked the serial again would leave a draft that disagrees
with the register, and every earlier step was saved to the file just before issuing anyway.
On any failure nothing was issued, the draft file is as it was, and the history is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from dla_drafter.ui import background
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.register import strings  # noqa: F401 - English strings

if TYPE_CHECKING:
    from dla_drafter.model.letter import Letter
    from dla_drafter.register.store import Store
    from dla_drafter.ui.letter.document import Document


def open_configured_store(url: str) -> Store:
    """The register the settings name (blank: this PC's SQLite file). Worker thread only."""
    from dla_drafter.register.store import open_store

    return open_store(url.strip() or None)


def error_text(exc: BaseException) -> str:
    """A register, draft or file failure as the clerk reads it (interface language), fields
    by their Thai names (``ui/messages.py``)."""
    from dla_drafter.problems import DrafterError
    from dla_drafter.register.errors import RegisterError
    from dla_drafter.ui.messages import error_text as clerk_text

    if isinstance(exc, RegisterError):  # its message names the field in words already
        return exc.message("en" if language() == "en" else "th")
    if isinstance(exc, DrafterError):
        return clerk_text(exc)
    th = getattr(exc, "message_th", None)
    if th:
        return exc.message_en if language() == "en" else th  # type: ignore[attr-defined]
    return str(exc) or exc.__class__.__name__


class IssueNumber(QObject):
    """One window's ออกเลขหนังสือ command. ``issued(entry)`` after a number went into the
    draft; ``finished`` after every attempt, issued or not.

    ``parent`` is the window its messages sit on; ``save`` saves ``doc`` (False: not saved),
    ``reload`` puts the numbered letter read back from its file into the window, ``status``
    writes to the status bar, ``register_url`` gives the register the settings name now.
    """

    issued = Signal(object)
    finished = Signal()

    def __init__(self, parent: QWidget, doc: Document, *, save: Callable[[], bool],
                 reload: Callable[[Letter, Path], None], status: Callable[[str, int], None],
                 register_url: Callable[[], str]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.doc = doc
        self.save = save
        self.reload = reload
        self.status = status
        # Where the register comes from; tests give a store with a hook of its own.
        self.store_factory = lambda: open_configured_store(register_url())
        self.busy = False
        self.progress: QProgressDialog | None = None

    def start(self) -> bool:
        """Save if needed, then issue in the background; False when it did not start."""
        doc = self.doc
        if self.busy:
            return False
        if (doc.path is None or doc.is_modified()) and not self.save():
            return False
        path = doc.path
        if path is None:
            return False
        self.busy = True
        self.progress = QProgressDialog(tr("กำลังออกเลขหนังสือจากทะเบียน…"), "", 0, 0,
                                        self.parent_widget)
        self.progress.setWindowTitle(tr("ออกเลขหนังสือ"))
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        factory = self.store_factory

        def work() -> Any:
            from dla_drafter.register.drafts import issue_draft

            store = factory()
            try:
                return issue_draft(store, path)
            finally:
                store.close()

        background.run(self, work, lambda entry: self._done(entry, Path(path)), self._failed)
        return True

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.busy = False

    def _done(self, entry: Any, path: Path) -> None:
        from dla_drafter.model.draftio import load_draft_with_warnings
        from dla_drafter.register.export import thai_date

        self._end()
        try:
            letter, _warnings = load_draft_with_warnings(path)
        except Exception as exc:  # the number is issued and in the file; only the reload failed
            QMessageBox.warning(self.parent_widget, tr("ออกเลขหนังสือ"), tr(
                "ออกเลข {n} และบันทึกลงไฟล์ร่างแล้ว แต่เปิดไฟล์ร่างใหม่ไม่ได้: {e}",
                n=entry.number, e=error_text(exc)))
            self.finished.emit()
            return
        self.reload(letter, path)
        self.status(tr("ออกเลขแล้ว: ที่ {n} ลงวันที่ {d}", n=entry.number, d=thai_date(entry)),
                    15000)
        self.issued.emit(entry)
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self._end()
        QMessageBox.warning(self.parent_widget, tr("ออกเลขไม่ได้"), error_text(exc))
        self.finished.emit()
