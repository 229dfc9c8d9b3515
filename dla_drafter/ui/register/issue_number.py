"""The ออกเลขหนังสือ command: take the next number from the register and put it in the draft.

The register's :func:`~dla_drafter.register.issue_draft` does the real work in one database
transaction that also rewrites the draft file, so the command saves the draft first (the file
is what gets numbered), runs that call in a worker thread behind a window-modal busy box (a
PostgreSQL server that does not answer takes up to 10 s to be reported, and the clerk must not
type into a draft that is being rewritten), then loads the numbered file back so the preview
shows the serial and the date.

A draft opened while the register holds a number issued for it that never reached the file
(the program stopped between the register's commit and the draft's update) gets that number
written in, in the background (:func:`dla_drafter.register.drafts.complete_pending`).

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


def user_name() -> str:
    """ผู้ออกเลข in the register: the name of the user's identity (ตรวจทาน › ข้อมูลผู้ใช้…),
    else the login name — the same name their comments and approvals carry."""
    from dla_drafter.review.identity import load_identity

    return load_identity().display_name()


def error_text(exc: BaseException) -> str:
    """A register, draft or file failure as the clerk reads it (interface language), fields
    by their Thai names (``ui/messages.py``): every error is read the same way."""
    from dla_drafter.ui.messages import error_text as clerk_text

    return clerk_text(exc)


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
                 register_url: Callable[[], str],
                 guard: Callable[[], list[Any]] | None = None) -> None:
        super().__init__(parent)
        # the review's numbering guard (review.guards.numbering_guard): warn, or refuse
        self.guard = guard
        self.parent_widget = parent
        self.doc = doc
        self.save = save
        self.reload = reload
        self.status = status
        # Where the register comes from; tests give a store with a hook of its own.
        self.register_url = register_url
        self.store_factory = lambda: open_configured_store(register_url())
        self.busy = False
        self.note = ""  # the guard's warning, said with the number once issued
        self.progress: QProgressDialog | None = None
        doc.replaced.connect(self.complete_pending)
        self.complete_pending()  # a draft given on the command line is opened already

    def complete_pending(self) -> bool:
        """The draft just opened may be awaiting a number the register already issued for it:
        ask in the background and, if so, show it. False when there was nothing to ask (the
        cheap check of the draft itself, no database) or no register on this PC."""
        from dla_drafter.register.drafts import awaiting_number
        from dla_drafter.register.store import default_url

        doc = self.doc
        path = doc.path
        if path is None or self.busy or not awaiting_number(doc.letter):
            return False
        local = default_url().removeprefix("sqlite:///")
        if not self.register_url().strip() and not Path(local).exists():
            return False  # this PC never issued a number: none can be pending
        factory = self.store_factory

        def work() -> Any:
            from dla_drafter.register.drafts import complete_pending

            store = factory()
            try:
                return complete_pending(store, path)
            finally:
                store.close()

        # A register that cannot be reached now says nothing: issuing the draft does the same.
        background.run(self, work, lambda entry: self._completed(entry, Path(path)),
                       lambda _exc: None)
        return True

    def _completed(self, entry: Any, path: Path) -> None:
        from dla_drafter.model.draftio import load_draft_with_warnings
        from dla_drafter.register.export import thai_date

        doc = self.doc
        if entry is None or doc.path != path:
            return  # nothing was pending, or the clerk moved on (the file has its number)
        if doc.is_modified():  # keep the clerk's edits; the number joins them
            doc.set_fields({"number.serial": str(entry.serial),
                            "date.day": entry.date.day, "date.month": entry.date.month,
                            "date.year": entry.year}, merge=False)
        else:
            try:
                letter, _warnings = load_draft_with_warnings(path)
            except Exception:  # the file has the number; only showing it failed
                return
            self.reload(letter, path)
        self.status(tr(
            "ร่างนี้ได้เลขที่ {n} ลงวันที่ {d} จากทะเบียนแล้ว (ออกเลขค้างไว้เมื่อโปรแกรมหยุดทำงาน)",
            n=entry.number, d=thai_date(entry)), 15000)

    def start(self) -> bool:
        """Save if needed, then issue in the background; False when it did not start."""
        doc = self.doc
        if self.busy:
            return False
        self.note = ""
        if not self._guard_allows():
            return False
        if (doc.path is None or doc.is_modified()) and not self.save():
            return False
        path = doc.path
        if path is None:
            return False
        clerk = user_name()
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
                return issue_draft(store, path, clerk=clerk)
            finally:
                store.close()

        background.run(self, work, lambda entry: self._done(entry, Path(path)), self._failed)
        return True

    def _guard_allows(self) -> bool:
        """A letter not approved on this PC: refused when the office numbers only approved
        letters; else, for a letter under review, numbered only after the clerk says so (the
        guard's words), and for one never sent for review in the program, numbered with the
        warning said beside the number in the status bar."""
        from dla_drafter.fields import REVIEW_KEY

        problems = self.guard() if self.guard is not None else []
        if not problems:
            return True
        text = "\n".join(p.message(language()) for p in problems)
        if any(p.is_error for p in problems):
            QMessageBox.warning(self.parent_widget, tr("ออกเลขไม่ได้"), text)
            return False
        if self.doc.letter.extra.get(REVIEW_KEY) is None:
            # never put under review in the program (an office that reviews on paper):
            # said with the number in the status bar, not asked every time
            self.note = text
            return True
        from dla_drafter.ui.ask import ask_choice

        role = QMessageBox.ButtonRole
        answer = ask_choice(
            self.parent_widget, tr("หนังสือยังไม่ได้อนุมัติ"),
            text + "\n\n" + tr("ออกเลขหนังสือฉบับนี้ทั้งที่ยังไม่ได้อนุมัติหรือไม่?"),
            [("issue", tr("ออกเลขทั้งที่ยังไม่อนุมัติ"), role.AcceptRole),
             ("cancel", tr("ยกเลิก"), role.RejectRole)],
            default="cancel", cancel="cancel", icon=QMessageBox.Icon.Warning)
        return answer == "issue"

    def _keep_draft_id(self) -> None:
        """After a lost connection the file keeps the identity issuing wrote into it (the
        register may hold a number for it, found by that identity): the window's copy takes
        it too, so that the next save does not drop it. Not an edit: no undo step."""
        from dla_drafter.model.draftio import load_draft
        from dla_drafter.register.drafts import DRAFT_ID_KEY, draft_id_of

        doc = self.doc
        if doc.path is None or draft_id_of(doc.letter):
            return
        try:
            on_disk = draft_id_of(load_draft(doc.path))
        except Exception:  # unreadable now: the next issue reads it again
            return
        if on_disk:
            doc.letter.number.extra[DRAFT_ID_KEY] = on_disk

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
        said = tr("ออกเลขแล้ว: ที่ {n} ลงวันที่ {d}", n=entry.number, d=thai_date(entry))
        self.status(f"{said} · {self.note}" if self.note else said, 15000)
        self.issued.emit(entry)
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self._end()
        self._keep_draft_id()
        QMessageBox.warning(self.parent_widget, tr("ออกเลขไม่ได้"), error_text(exc))
        self.finished.emit()
