"""The window's suggestion mode (track changes): a reviewer's edits become suggestions.

With แนะนำการแก้ไข (Suggesting) on, the form's text boxes hold the field as *this reviewer*
suggests it (:func:`~dla_drafter.review.suggestions.own_text`) and every edit goes to
:func:`~dla_drafter.review.suggestions.suggestions_from_edit` instead of the letter: the
letter keeps its text, the review record gets the suggestion (author, time, field, old and
new words). The clerk decides in the list (:mod:`.suggestion_list`): accept, reject, accept
all, reject all. Every suggesting burst of typing and every decision is ONE step on the
document's undo stack (:class:`SuggestionCommand`, restoring the changed fields and the whole
review record), so Ctrl+Z restores the letter and the record exactly and the window's
modified flag and autosave follow as for any edit.

How it hooks into the window without owning its widgets:

* edits: ``Document.edit_hook`` (every widget edit passes through ``Document.set_fields``);
  the hook takes them while the mode is on. Anything but text (a combo box, adding a
  paragraph) is refused with a message and the box is put back: a suggestion is words.
* what the boxes show: the form reads the letter in its ``sync``; while the mode is on the
  form's ``sync`` runs over a view of the letter whose text fields are the reviewer's own
  text (:meth:`Suggesting._sync_form`, set on the form instance), so the boxes keep what
  the reviewer typed while the letter itself does not change.
* marks: in the text boxes as extra selections (layer ``3-suggestions``: deleted words
  struck through, inserted ones underlined, in the author's colour); on the preview by an
  overlay drawn after the review panel's (a bar in the author's colour beside each line of a
  field with an open suggestion, and the deleted words struck through where the line is
  found in the field's text). The typesetter prints the letter without open suggestions.
"""

from __future__ import annotations

import copy
import re
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QKeySequence,
    QPainter,
    QTextCharFormat,
    QUndoCommand,
)
from PySide6.QtWidgets import QLineEdit, QWidget

from dla_drafter.fields import REVIEW_KEY, field_label, get_path, set_path
from dla_drafter.model.letter import Letter
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.letter.selection_layers import set_layer, span_selection
from dla_drafter.ui.review import marks as review_marks
from dla_drafter.ui.review.suggestion_list import SuggestionList

if TYPE_CHECKING:
    from dla_drafter.review import suggestions as sg


def _sg() -> Any:
    """The suggestions engine, imported on first use: a window whose letter has no review
    record never needs it, and importing it (with the review actions, diff and signatures
    behind it) was ~30 ms of the program's start (issue 15 item 6)."""
    from dla_drafter.review import suggestions

    return suggestions


def _open_suggestions(letter: Letter) -> list[sg.Suggestion]:
    """The open suggestions of ``letter``: none without a review record (asked at every
    keystroke, so such a letter never imports the engine)."""
    if letter.extra.get(REVIEW_KEY) is None:
        return []
    return _sg().open_suggestions(letter)

LAYER = "3-suggestions"
_MERGE_ID = 4712
_MERGE_WINDOW_S = 2.0
#: The list and the marks follow the reviewer's typing this long after the last key.
PAUSE_MS = 150
SHORTCUT = "Ctrl+Shift+T"  # Ctrl+Shift+E (Word's) is ส่งออก DOCX here


class SuggestionCommand(QUndoCommand):
    """One undo step of the suggestion mode: some fields and the review record, before and
    after. ``merge`` joins consecutive typing in the same fields (within two seconds) into
    one step, as the form's own typing does."""

    def __init__(self, owner: Suggesting, text: str, old_fields: dict[str, Any],
                 new_fields: dict[str, Any], old_record: Any, new_record: Any,
                 merge: bool = False) -> None:
        super().__init__(text)
        self.owner = owner
        self.old_fields = old_fields
        self.new_fields = new_fields
        self.old_record = old_record
        self.new_record = new_record
        self.merge = merge
        self.stamp = time.monotonic()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (not isinstance(other, SuggestionCommand) or not other.merge or not self.merge
                or other.text() != self.text()
                or other.stamp - self.stamp > _MERGE_WINDOW_S):
            return False
        self.new_fields = other.new_fields
        self.new_record = other.new_record
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        self.owner._put(self.new_fields, self.new_record)

    def undo(self) -> None:
        self.owner._put(self.old_fields, self.old_record)


def box_offset(own: list[tuple[int, int, str]], offset: int, end: bool = False) -> int:
    """Field offset → offset in the box holding ``own_text``: the field's text with the
    reviewer's own suggestions ``own`` (sorted, non-overlapping ``(start, end, new)``)
    applied. ``end``: the offset ends a span, so an own insertion right there is after it."""
    shift = 0
    for start, stop, new in own:
        if stop < offset or (stop == offset and (start < stop or not end)):
            shift += len(new) - (stop - start)
    return offset + shift


class Suggesting(QObject):
    """The suggestion mode of one window: its action, its list dock and its hooks."""

    def __init__(self, window: QWidget, doc: Any, form: Any, preview: Any,
                 status: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self.window = window
        self.doc = doc
        self.form = form
        self.preview = preview
        self.status = status
        self.author = ""
        self._marked: set[QWidget] = set()
        self._drawn: weakref.WeakKeyDictionary[QWidget, list[Any]] = weakref.WeakKeyDictionary()
        self._placed_cache: dict[str, list[tuple[int, int, sg.Suggestion]]] | None = None
        self.act_suggesting = QAction(tr("แนะนำการแก้ไข (Suggesting)"), window)
        self.act_suggesting.setObjectName("actSuggesting")
        self.act_suggesting.setCheckable(True)
        self.act_suggesting.setShortcut(QKeySequence(SHORTCUT))
        self.act_suggesting.setToolTip(tr(
            "แก้ข้อความเป็นข้อเสนอแก้ไข ผู้ร่างยอมรับหรือไม่รับทีละรายการได้"))
        self.act_suggesting.toggled.connect(self.set_suggesting)
        self.dock = SuggestionList(window)
        self.dock.mode_button.setDefaultAction(self.act_suggesting)
        self.dock.accept_requested.connect(self.accept)
        self.dock.reject_requested.connect(self.reject)
        self.dock.accept_all_requested.connect(self.accept_all)
        self.dock.reject_all_requested.connect(self.reject_all)
        self.dock.field_requested.connect(self.select)
        self.overlay = SuggestionOverlay(preview.canvas.overlay)
        preview.canvas.overlay = self.overlay
        # while the reviewer types, the list and the marks follow when typing pauses (as
        # the review panel's do), so a keystroke pays only for the suggestion itself
        self._typing = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        doc.changed.connect(self._on_changed)
        doc.replaced.connect(self._on_replaced)
        self._on_replaced()

    @classmethod
    def install(cls, window: Any) -> Suggesting:
        """Build it for a main window: the dock tabbed with the review panel, the action in
        the review menu and on the window (its key works anywhere)."""
        self = cls(window, window.doc, window.form, window.preview, window.show_status)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.review, self.dock)
        self.dock.setVisible(bool(_open_suggestions(window.doc.letter)))
        menu = window.review_menu
        menu.addSeparator()
        menu.addAction(self.act_suggesting)
        menu.addAction(self.dock.toggleViewAction())
        window.addAction(self.act_suggesting)
        return self

    # --- the mode ---

    @property
    def on(self) -> bool:
        return self.act_suggesting.isChecked()

    def set_suggesting(self, on: bool) -> None:
        """Switch suggesting on (for the user's identity) or off."""
        if on:
            from dla_drafter.review.identity import load_identity

            self.author = load_identity().display_name()
            if not self.author:
                self._say(tr("ตั้งชื่อผู้ใช้ก่อน (ตรวจทาน → ข้อมูลผู้ใช้…) "
                             "ข้อเสนอแก้ไขต้องมีชื่อผู้เสนอ"))
                self.act_suggesting.setChecked(False)
                return
            _sg().word_edits("ก", "ข")  # load the word breaker now, not on the first key
            self.doc.edit_hook = self._edit_hook
            self.form.sync = self._sync_form
            self.dock.show()
            self.dock.raise_()
            self.dock.mode_label.setText(tr("กำลังแนะนำการแก้ไขในชื่อ {name}: ข้อความที่พิมพ์"
                                            "จะเป็นข้อเสนอ หนังสือยังไม่เปลี่ยน",
                                            name=self.author))
        else:
            if self.doc.edit_hook == self._edit_hook:
                self.doc.edit_hook = None
            if "sync" in self.form.__dict__:
                del self.form.sync
            self.dock.mode_label.setText("")
        self.form.sync()
        self.refresh()

    def _on_changed(self, *_: Any) -> None:
        if self._typing:
            self._pause.start()
        else:
            self._pause.stop()
            self.refresh()

    def _on_replaced(self) -> None:
        self.refresh()
        if _open_suggestions(self.doc.letter):
            self.dock.show()
            self.dock.raise_()  # the clerk's first question on opening: what was suggested

    def _say(self, text: str) -> None:
        self.dock.show_message(text)
        self.status(text, 6000)

    # --- what the boxes show ---

    def view_letter(self) -> Letter:
        """The letter as the form shows it in suggesting mode: each text field with an open
        suggestion of this reviewer holds their own text."""
        letter = self.doc.letter
        paths = {s.field for s in _open_suggestions(letter) if s.author == self.author}
        if not paths:
            return letter
        view = copy.copy(letter)  # only the parts holding those fields are copied
        for top in {re.match(r"\w*", path).group() for path in paths}:
            if hasattr(view, top):
                setattr(view, top, copy.deepcopy(getattr(letter, top)))
        for path in paths:
            try:
                set_path(view, path, _sg().own_text(letter, path, self.author))
            except (_sg().ReviewError, LookupError, TypeError, ValueError):
                continue  # a path this release cannot show: the box shows the letter's text
        return view

    def _sync_form(self) -> None:
        """The form's sync over :meth:`view_letter` (set on the form while suggesting)."""
        from dla_drafter.ui.letter.form import LetterForm

        real = self.doc.letter
        self.doc.letter = self.view_letter()
        try:
            LetterForm.sync(self.form)
        finally:
            self.doc.letter = real

    # --- edits while suggesting ---

    def _edit_hook(self, changes: dict[str, Any], merge: bool) -> bool:
        """Turn a widget's edit into suggestions (one undo step, merged while typing on).

        Words become suggestions. A value that is not words (a drop-down, a tick box, the
        day, the register's number — fields the engine does not take suggestions on) stays a
        normal edit of the letter, said in the status bar: refusing it would lose what the
        program itself writes (a number the register has just issued). A list changed in
        shape (a paragraph split or joined, a row added) carries the boxes' text, so it is
        refused with a message and the boxes are put back."""
        letter = self.doc.letter
        texts: dict[str, str] = {}
        direct: dict[str, Any] = {}
        refused: str | None = None
        for path, value in changes.items():
            if isinstance(value, str) and _sg().field_text(letter, path) is not None:
                # a box re-reporting what it shows (a highlighter, a focus change) is no
                # edit: only text that differs from the reviewer's own text is one
                if value != _sg().own_text(letter, path, self.author):
                    texts[path] = value
                continue
            current = self._get(path)
            if (isinstance(value, list) and isinstance(current, list)
                    and len(value) == len(current)
                    and all(isinstance(v, str) for v in value)):
                for index, item in enumerate(value):
                    item_path = f"{path}[{index}]"
                    if _sg().field_text(letter, item_path) is None:
                        refused = path
                        break
                    if item != _sg().own_text(letter, item_path, self.author):
                        texts[item_path] = item
                continue
            if isinstance(value, list | dict | tuple) or isinstance(current, list | dict):
                refused = path
            else:
                direct[path] = value
        if refused is not None:
            self._say(tr("ในโหมดแนะนำการแก้ไข แก้ได้เฉพาะถ้อยคำในช่องข้อความ "
                         "({field}: เพิ่มหรือลบย่อหน้า/รายการไม่ได้) "
                         "ปิดโหมดแนะนำการแก้ไขก่อนถ้าจะแก้เอง",
                         field=field_label(refused, language())))
            self._resync()
            return True
        if direct:
            self.status(tr("{field} ไม่ใช่ถ้อยคำ จึงแก้ในหนังสือโดยตรง ไม่เป็นข้อเสนอแก้ไข",
                           field=", ".join(field_label(p, language()) for p in direct)), 6000)
            if not texts:
                return False  # the document's own path: one normal undo step
        if not texts:
            self._resync()
            return True
        if direct:  # both at once (rare): one undo step holding the suggestion and the edit
            self.doc.undo_stack.beginMacro(tr("แก้ไข"))
            try:
                self._suggest(texts, merge=False)
                self.doc.edit_hook = None
                try:
                    self.doc.set_fields(direct, merge=False)
                finally:
                    self.doc.edit_hook = self._edit_hook
            finally:
                self.doc.undo_stack.endMacro()
            return True
        self._suggest(texts, merge)
        return True

    def _suggest(self, texts: dict[str, str], merge: bool) -> None:
        """The suggestions for what the boxes of ``texts`` now hold, as one undo step."""
        letter = self.doc.letter
        old_record = copy.deepcopy(letter.extra.get(REVIEW_KEY))
        try:
            for path, text in texts.items():
                _sg().suggestions_from_edit(letter, path, text, self.author)
        except _sg().ReviewError as exc:
            self._restore_record(old_record)
            self._say(exc.message(language()))
            self._resync()
            return
        new_record = letter.extra.get(REVIEW_KEY)  # detached by the restore: the step's own
        self._restore_record(old_record)
        if new_record == old_record:
            return
        self.dock.show_message("")
        label = tr("แนะนำการแก้ไข {field}",
                   field=", ".join(field_label(p, language()) for p in texts))
        self._typing = True
        try:
            self.doc.undo_stack.push(SuggestionCommand(self, label, {}, {}, old_record,
                                                       new_record, merge=merge))
        finally:
            self._typing = False

    def _get(self, path: str) -> Any:
        try:
            return get_path(self.doc.letter, path)
        except Exception:
            return None

    def _restore_record(self, record: Any) -> None:
        if record is None:
            self.doc.letter.extra.pop(REVIEW_KEY, None)
        else:
            self.doc.letter.extra[REVIEW_KEY] = record

    def _resync(self) -> None:
        self.form.sync()

    def _put(self, fields: dict[str, Any], record: Any) -> None:
        """Apply one side of a :class:`SuggestionCommand` and tell every view."""
        for path, value in fields.items():
            set_path(self.doc.letter, path, copy.deepcopy(value))
        self._restore_record(copy.deepcopy(record))
        self.doc.revision += 1
        self.doc.changed.emit([*fields, REVIEW_KEY], False)

    # --- deciding ---

    def _decide(self, verb: Callable[[Letter], Any], paths: list[str], text: str) -> bool:
        """Run a decision on a copy of the letter; on success push it as one undo step."""
        from dla_drafter.review.identity import load_identity

        by = load_identity().display_name()
        work = copy.deepcopy(self.doc.letter)
        try:
            result = verb(work, by)
        except _sg().ReviewError as exc:
            self._say(exc.message(language()))
            return False
        old_fields = {p: copy.deepcopy(get_path(self.doc.letter, p)) for p in paths}
        new_fields = {p: copy.deepcopy(get_path(work, p)) for p in paths}
        old_record = copy.deepcopy(self.doc.letter.extra.get(REVIEW_KEY))
        new_record = copy.deepcopy(work.extra.get(REVIEW_KEY))
        self.doc.undo_stack.push(SuggestionCommand(self, tr(text), old_fields, new_fields,
                                                   old_record, new_record))
        skipped = getattr(result, "skipped", ())
        if skipped:
            self._say(tr("ยอมรับไม่ได้ {n} รายการ: {why}", n=len(skipped),
                         why=skipped[0][1].message_th if language() == "th"
                         else skipped[0][1].message_en))
        else:
            self.dock.show_message("")
            self.status(tr(text), 4000)
        return True

    def _field_of(self, suggestion_id: str) -> list[str]:
        try:
            return [_sg().find_suggestion(self.doc.letter, suggestion_id).field]
        except _sg().ReviewError:
            return []

    def accept(self, suggestion_id: str) -> bool:
        return self._decide(lambda letter, by: _sg().accept_suggestion(letter, suggestion_id, by),
                            self._field_of(suggestion_id), "ยอมรับข้อเสนอแก้ไข")

    def reject(self, suggestion_id: str) -> bool:
        return self._decide(lambda letter, by: _sg().reject_suggestion(letter, suggestion_id, by),
                            self._field_of(suggestion_id), "ไม่รับข้อเสนอแก้ไข")

    def _open_fields(self) -> list[str]:
        return list(dict.fromkeys(s.field for s in _open_suggestions(self.doc.letter)
                                  if _sg().field_text(self.doc.letter, s.field) is not None))

    def accept_all(self) -> bool:
        return self._decide(lambda letter, by: _sg().accept_all(letter, by),
                            self._open_fields(), "ยอมรับข้อเสนอแก้ไขทั้งหมด")

    def reject_all(self) -> bool:
        return self._decide(lambda letter, by: _sg().reject_all(letter, by),
                            self._open_fields(), "ไม่รับข้อเสนอแก้ไขทั้งหมด")

    # --- showing ---

    def refresh(self) -> None:
        """The list, the form's marks and the preview's marks, from the letter. Runs on
        every keystroke while suggesting, so the record is read once and each suggestion
        found once here (:meth:`placements`)."""
        placed, outdated = self.placements()
        entries = []
        reasons = {s.id: _sg()._outdated_error(s).message(language()) for s in outdated}
        for suggestion in sorted([*(p[2] for spans in placed.values() for p in spans),
                                  *outdated], key=lambda s: s.index):
            entries.append((suggestion, reasons.get(suggestion.id, "")))
        self.dock.show_suggestions(entries)
        self._placed_cache = placed
        try:
            self._mark_form(placed)
        finally:
            self._placed_cache = None
        if self.overlay.set_fields(self.doc.letter, placed):
            self.preview.canvas.update()

    def placements(self) -> tuple[dict[str, list[tuple[int, int, sg.Suggestion]]],
                                  list[sg.Suggestion]]:
        """Every open suggestion found in its field: ``{path: [(start, end, s)]}`` sorted
        by place, and the outdated ones (not found)."""
        letter = self.doc.letter
        placed: dict[str, list[tuple[int, int, sg.Suggestion]]] = {}
        outdated: list[sg.Suggestion] = []
        texts: dict[str, str | None] = {}
        for suggestion in _open_suggestions(letter):
            if suggestion.field not in texts:
                texts[suggestion.field] = _sg().field_text(letter, suggestion.field)
            span = _sg().locate(texts[suggestion.field], suggestion)
            if span is None:
                outdated.append(suggestion)
            else:
                placed.setdefault(suggestion.field, []).append((span[0], span[1], suggestion))
        for spans in placed.values():
            spans.sort(key=lambda p: (p[0], p[1], p[2].index))
        return placed, outdated

    def _placed(self, path: str) -> list[tuple[int, int, sg.Suggestion]]:
        if self._placed_cache is not None:
            return self._placed_cache.get(path, [])
        return self.placements()[0].get(path, [])

    def box_spans(self, path: str) -> list[tuple[int, int, str, sg.Suggestion]]:
        """(start, end, "deleted"|"inserted"|"point", suggestion) in the box's text of
        ``path``: the field's text, or in suggesting mode the reviewer's own text (their
        insertions are in the box, their deletions gone: shown as a point)."""
        placed = self._placed(path)
        if not self.on:
            out = []
            for start, end, s in placed:
                if start < end:
                    out.append((start, end, "deleted", s))
                if s.new:
                    out.append((max(0, end - 1), end, "point", s) if end else (0, 1, "point", s))
            return out
        own = [(a, b, s.new) for a, b, s in placed if s.author == self.author]
        kept: list[tuple[int, int, str]] = []
        for item in own:  # own_text skips one overlapping an earlier one
            if not kept or item[0] >= kept[-1][1]:
                kept.append(item)
        out = []
        for start, end, s in placed:
            if s.author == self.author:
                if (start, end, s.new) not in kept:
                    continue
                before = kept[:kept.index((start, end, s.new))]
                begin = box_offset(before, start)
                if s.new:
                    out.append((begin, begin + len(s.new), "inserted", s))
                else:
                    out.append((max(0, begin - 1), max(1, begin), "point", s))
            else:  # someone else's: their old words struck, the place of new ones marked
                first, last = box_offset(kept, start), box_offset(kept, end, end=True)
                if start < end:
                    out.append((first, last, "deleted", s))
                if s.new:
                    out.append((max(0, last - 1), max(1, last), "point", s))
        return out

    def _mark_form(self, shown: dict[str, Any]) -> None:
        """Extra selections in the multi-line boxes, character formats in the one-line
        ones, and every suggestion of the box in its tooltip."""
        per_widget: dict[QWidget, list[tuple[int, int, str, sg.Suggestion]]] = {}
        for path in shown:
            found = review_marks.text_box(self.form, path)
            if found is None:
                continue
            widget, base = found
            per_widget.setdefault(widget, []).extend(
                (base + a, base + b, kind, s) for a, b, kind, s in self.box_spans(path))
        for widget in self._marked - set(per_widget):
            _clear(widget)
            self._drawn.pop(widget, None)
        for widget, spans in per_widget.items():
            key = [(a, b, kind, s.id, s.author, s.old, s.new) for a, b, kind, s in spans]
            if isinstance(widget, QLineEdit):
                key.append(("cursor", widget.cursorPosition(), widget.text()))
            if self._drawn.get(widget) == key:
                continue  # unchanged: setting selections again relays the box out
            self._drawn[widget] = key
            if isinstance(widget, QLineEdit):
                _line_edit_formats(widget, spans)
            else:
                set_layer(widget, LAYER, [span_selection(widget, a, b, _format(kind, s))
                                          for a, b, kind, s in spans])
        self._marked = set(per_widget)

    def select(self, suggestion_id: str) -> bool:
        """Put the cursor on a suggestion's words in the form (a click in the list)."""
        try:
            suggestion = _sg().find_suggestion(self.doc.letter, suggestion_id)
        except _sg().ReviewError:
            return False
        for start, end, _kind, s in self.box_spans(suggestion.field):
            if s.id == suggestion_id:
                return review_marks.select_range(self.form, suggestion.field, start, end)
        return self.form.focus_field(suggestion.field)


#: What the one-line boxes show (a QLineEdit cannot give its input-method formats back).
LINE_FORMATS: weakref.WeakKeyDictionary[QWidget, list[tuple[int, int, str]]] = (
    weakref.WeakKeyDictionary())


def _format(kind: str, suggestion: sg.Suggestion) -> QTextCharFormat:
    """Deleted words struck through, inserted ones underlined, a deletion's place (in the
    reviewer's own box) a wavy tint: all in the author's colour, the suggestion as tooltip."""
    fmt = QTextCharFormat()
    colour = QColor(_sg().author_colour(suggestion.author))
    fmt.setForeground(QBrush(colour))
    if kind == "deleted":
        fmt.setFontStrikeOut(True)
    elif kind == "inserted":
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(colour)
    else:
        tint = QColor(colour)
        tint.setAlpha(60)
        fmt.setBackground(QBrush(tint))
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(colour)
    fmt.setToolTip(f"{suggestion.author}: “{suggestion.old}” → “{suggestion.new}”")
    return fmt


def _clear(widget: QWidget) -> None:
    try:
        if isinstance(widget, QLineEdit):
            _line_edit_formats(widget, [])
        else:
            set_layer(widget, LAYER, [])
    except RuntimeError:  # a box deleted since
        pass


def _line_edit_formats(widget: QLineEdit, spans: list[Any]) -> None:
    """Character formats in a one-line box (struck / underlined words in the author's
    colour): a QLineEdit takes them only as input-method attributes, relative to the
    cursor; they are drawn, never part of the text."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    attributes = []
    cursor = widget.cursorPosition()
    for start, end, kind, suggestion in spans:
        attributes.append(QInputMethodEvent.Attribute(
            QInputMethodEvent.AttributeType.TextFormat, start - cursor, end - start,
            _format(kind, suggestion)))
    LINE_FORMATS[widget] = [(a, b, k) for a, b, k, _s in spans]
    QCoreApplication.sendEvent(widget, QInputMethodEvent("", attributes))


class SuggestionOverlay:
    """Drawn over the preview after the review panel's overlay (kept as ``inner``): a bar in
    the author's colour in the right margin beside every line of a field with an open
    suggestion, and the words it deletes struck through where the line is found in the
    field's text."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.colours: dict[str, str] = {}
        self.deleted: dict[str, list[tuple[int, int, str]]] = {}
        self.texts: dict[str, str] = {}
        self._offsets: tuple[int, dict[int, int]] | None = None

    def set_fields(self, letter: Letter,
                   placed: dict[str, list[tuple[int, int, sg.Suggestion]]]) -> bool:
        """The fields to mark, from :meth:`Suggesting.placements`; True when it changed."""
        colours: dict[str, str] = {}
        deleted: dict[str, list[tuple[int, int, str]]] = {}
        texts: dict[str, str] = {}
        for path, spans in placed.items():
            colours[path] = _sg().author_colour(spans[0][2].author)
            texts[path] = _sg().field_text(letter, path) or ""
            for start, end, s in spans:
                if start < end:
                    deleted.setdefault(path, []).append((start, end, _sg().author_colour(s.author)))
        changed = (colours, deleted, texts) != (self.colours, self.deleted, self.texts)
        self.colours, self.deleted, self.texts = colours, deleted, texts
        if changed:
            self._offsets = None
        return changed

    def _colour_of(self, source: Any) -> tuple[str, str] | None:
        path = review_marks.source_path(source)
        if path is None:
            return None
        for field_path, colour in self.colours.items():
            if review_marks.covers(path, field_path):
                return field_path, colour
        return None

    def _line_offsets(self, pages: Any) -> dict[int, int]:
        if self._offsets is not None and self._offsets[0] == id(pages):
            return self._offsets[1]
        found: dict[int, int] = {}
        cursor: dict[str, int] = {}
        for line in pages.lines():
            path = review_marks.source_path(line.source)
            if path not in self.texts:
                continue
            field = review_marks._norm(self.texts[path])
            text = review_marks._norm(line.text)
            stripped = text.strip()
            if not stripped:
                continue
            at = field.find(stripped, cursor.get(path, 0))
            if at >= 0:
                found[id(line)] = at - (len(text) - len(text.lstrip()))
                cursor[path] = at + len(stripped)
        self._offsets = (id(pages), found)
        return found

    def paint(self, painter: QPainter, page: Any, rect: QRectF, px_per_cm: float,
              pages: Any = None, settings: Any = None) -> None:
        if self.inner is not None:
            self.inner.paint(painter, page, rect, px_per_cm, pages, settings)
        if not self.colours:
            return
        from dla_drafter.typeset.pages import TextLine, item_bounds

        offsets = self._line_offsets(pages) if pages is not None else {}
        fonts = None
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for line in page.items:
            if not isinstance(line, TextLine):
                continue
            found = self._colour_of(line.source)
            if found is None:
                continue
            path, colour = found
            left, top, right, bottom = item_bounds(line)
            y, height = rect.y() + top * px_per_cm, (bottom - top) * px_per_cm
            painter.fillRect(QRectF(rect.right() - 0.9 * px_per_cm, y, 0.2 * px_per_cm,
                                    height), QColor(colour))
            start = offsets.get(id(line))
            if start is None or path not in self.deleted:
                continue
            if fonts is None:
                from dla_drafter.settings import RenderSettings
                from dla_drafter.typeset.fonts import fonts_for

                fonts = fonts_for(settings or RenderSettings())
            face = fonts.face(line.bold)
            end = start + len(line.text)
            x0 = rect.x() + left * px_per_cm
            thick = max(1.0, 0.035 * px_per_cm)
            for a, b, stroke in self.deleted[path]:
                a, b = max(a, start), min(b, end)
                if a >= b:
                    continue
                xa = x0 + review_marks.char_x(face, line, a - start) * px_per_cm
                xb = x0 + review_marks.char_x(face, line, b - start) * px_per_cm
                painter.fillRect(QRectF(xa, y + height * 0.55, xb - xa, thick), QColor(stroke))
        painter.restore()

    # the review panel's overlay keeps its own API (set_marks …): pass other calls on
    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


__all__ = ["SHORTCUT", "SuggestionCommand", "SuggestionOverlay", "Suggesting", "box_offset"]
