"""The open draft: its Letter, file path and undo history.

Every edit from any widget goes through :meth:`Document.set_fields`, which pushes one
``QUndoCommand`` onto the document's ``QUndoStack``. That is what makes undo/redo work across
every field (not per widget) and what drives the unsaved marker (``QUndoStack.isClean``).
Fields are named by the same dotted paths the checks use (``subject``, ``date.month``,
``body[2]``, ``enclosures[0].amount``) so a problem can be traced to its widget.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from dla_drafter.fields import REVIEW_KEY, get_path, set_path
from dla_drafter.filetypes import draft_stem
from dla_drafter.model.letter import Letter
from dla_drafter.ui.i18n import tr

_MERGE_ID = 4711
_MERGE_WINDOW_S = 2.0


def suggested_stem(letter: Letter, path: Path | None) -> str:
    """A file name for a new draft or an export: the draft's name, else the subject."""
    if path is not None:
        return draft_stem(path)
    subject = re.sub(r'[\\/:*?"<>|\r\n\t]+', " ", letter.subject).strip()[:60]
    return subject or tr("หนังสือไม่มีชื่อ")


class SetFieldsCommand(QUndoCommand):
    """Set one or more fields at once (e.g. the addressee and the salutation it suggests).

    Consecutive keystrokes in the same field merge into one undo step, so Ctrl+Z undoes a
    word or a burst of typing rather than one character.
    """

    def __init__(self, doc: Document, changes: dict[str, Any], text: str, merge: bool) -> None:
        super().__init__(text)
        self.doc = doc
        self.new = {k: copy.deepcopy(v) for k, v in changes.items()}
        self.old = {k: copy.deepcopy(get_path(doc.letter, k)) for k in changes}
        self.merge = merge
        self.stamp = time.monotonic()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetFieldsCommand) or not other.merge:
            return False
        if set(other.new) != set(self.new) or other.stamp - self.stamp > _MERGE_WINDOW_S:
            return False
        self.new = other.new
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        self.doc._apply(self.new)

    def undo(self) -> None:
        self.doc._apply(self.old)


class SetReviewCommand(QUndoCommand):
    """Replace the review record (``letter.extra["review"]``) after a review verb.

    The verbs of :mod:`dla_drafter.review.actions` run on a copy of the letter; the record
    they produce comes back through here, so ส่งตรวจ, a comment or an approval is one undo
    step and marks the draft modified like any edit.
    """

    def __init__(self, doc: Document, record: Any, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.new = copy.deepcopy(record)
        self.old = copy.deepcopy(doc.letter.extra.get(REVIEW_KEY))

    def redo(self) -> None:
        self.doc._apply_review(self.new)

    def undo(self) -> None:
        self.doc._apply_review(self.old)


class MergedCommand(QUndoCommand):
    """Take in what a save merged from another PC (their comments, their edits to other
    fields): one undo step, applied to the letter object in place so every view keeps it."""

    def __init__(self, doc: Document, merged: Letter, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.new = copy.deepcopy(merged)
        self.old = copy.deepcopy(doc.letter)

    def redo(self) -> None:
        self.doc._apply_letter(self.new)

    def undo(self) -> None:
        self.doc._apply_letter(self.old)


class Document(QObject):
    """One open draft. ``changed(paths, from_widget)`` tells views what to refresh."""

    changed = Signal(list, bool)
    replaced = Signal()
    path_changed = Signal()

    def __init__(self, letter: Letter | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.letter = letter if letter is not None else Letter(body=[""])
        self.path = path
        self.undo_stack = QUndoStack(self)
        self._from_widget = False
        self.revision = 0
        #: Suggesting mode (ui/review/suggesting.py) takes the widgets' edits: True = taken.
        self.edit_hook: Callable[[dict[str, Any], bool], bool] | None = None
        # What the file was when opened or last saved (``model.concurrent.DraftBase``): the
        # save merges what another PC saved since. None: not known (a new or restored draft).
        self.base: Any = None

    # --- editing ---

    def set_field(self, path: str, value: Any, *, merge: bool = True) -> None:
        self.set_fields({path: value}, merge=merge)

    def set_fields(self, changes: dict[str, Any], *, merge: bool = True, text: str = "") -> None:
        """Change fields from a widget: one undo step (merged with the previous keystrokes)."""
        if self.edit_hook is not None and self.edit_hook(changes, merge):
            return
        changes = {k: v for k, v in changes.items() if get_path(self.letter, k) != v}
        if not changes:
            return
        self._from_widget = True
        try:
            self.undo_stack.push(
                SetFieldsCommand(self, changes, text or ", ".join(changes), merge)
            )
        finally:
            self._from_widget = False

    def break_merge(self) -> None:
        """Start a new undo step with the next keystroke (called when focus moves)."""
        cmd = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(cmd, SetFieldsCommand):
            cmd.merge = False

    def _apply(self, values: dict[str, Any]) -> None:
        for path, value in values.items():
            set_path(self.letter, path, copy.deepcopy(value))
        self.revision += 1
        self.changed.emit(list(values), self._from_widget)

    def set_review(self, record: Any, text: str = "review") -> None:
        """Store a new review record as one undoable step (None removes the record)."""
        if record == self.letter.extra.get(REVIEW_KEY):
            return
        self.undo_stack.push(SetReviewCommand(self, record, text))

    def _apply_review(self, record: Any) -> None:
        if record is None:
            self.letter.extra.pop(REVIEW_KEY, None)
        else:
            self.letter.extra[REVIEW_KEY] = copy.deepcopy(record)
        self.revision += 1
        self.changed.emit([REVIEW_KEY], False)

    def take_merged(self, merged: Letter, text: str = "merge") -> None:
        """Show the letter a save wrote after merging another PC's changes (one undo step);
        the caller marks the document saved."""
        if merged == self.letter:
            return
        self.undo_stack.push(MergedCommand(self, merged, text))

    def _apply_letter(self, letter: Letter) -> None:
        for item in dataclasses.fields(Letter):
            setattr(self.letter, item.name, copy.deepcopy(getattr(letter, item.name)))
        self.revision += 1
        self.changed.emit([item.name for item in dataclasses.fields(Letter)] + [REVIEW_KEY],
                          False)

    # --- whole document ---

    def replace(self, letter: Letter, path: Path | None, base: Any = None) -> None:
        """Load another letter into this document (New/Open/Restore); clears the history.
        ``base``: what the file at ``path`` held when ``letter`` was read from it."""
        self.letter = letter
        self.path = path
        self.base = base
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.revision += 1
        self.replaced.emit()
        self.path_changed.emit()

    def set_path_saved(self, path: Path, base: Any = None) -> None:
        self.path = path
        self.base = base
        self.undo_stack.setClean()
        self.path_changed.emit()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def snapshot(self) -> Letter:
        """A deep copy that a worker thread may read while the clerk keeps typing."""
        return copy.deepcopy(self.letter)
