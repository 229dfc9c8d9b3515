"""Review marks: where comments and changes show in the form's text boxes and on the preview.

The review record names places by field path (``body[2]``, ``subject``, ``agency.address[1]``)
and character offsets in that field's text. This module maps a path to the form's input box
(and back, for "comment on the selection"), and draws on it without touching its text:

* in multi-line boxes (body paragraphs, lines fields) as ``QTextEdit.ExtraSelection`` —
  a yellow background under a comment's quote, inserted words underlined in blue, and a red
  struck-through mark where words were deleted (the deleted text is in the review panel's
  word diff and in the mark's tooltip);
* in one-line boxes, which cannot hold extra selections, as a tinted background;
* on the preview, as a tint over every line whose source field has a comment or a change,
  with a bar in the left margin (yellow: comment, blue: change).

Extra selections belong to the widget, not the document, so marks are never saved, never
enter the undo history and never change what prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QStyle, QTextEdit, QWidget

from dla_drafter.ui.letter.selection_layers import set_layer, span_selection

COMMENT_COLOR = QColor("#ffe58a")
CHANGE_COLOR = QColor("#cfe3ff")
INSERT_COLOR = QColor("#1a56c4")
DELETE_COLOR = QColor("#c00000")
LINE_FIELD_STYLE = {"comment": "background: #fff3c4;", "change": "background: #e3eeff;"}

_INDEXED = re.compile(r"(.+)\[(\d+)\]")


@dataclass
class FieldMarks:
    """What to draw in one field: comment quotes and diff hunks as (start, end) in its text."""

    comments: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, tip
    inserted: list[tuple[int, int]] = field(default_factory=list)
    deleted: list[tuple[int, str]] = field(default_factory=list)  # position, deleted text

    def kinds(self) -> set[str]:
        kinds = set()
        if self.comments:
            kinds.add("comment")
        if self.inserted or self.deleted:
            kinds.add("change")
        return kinds


# --------------------------------------------------------------------------- field ↔ widget


def text_box(form: Any, path: str) -> tuple[QWidget, int] | None:
    """The form's text box holding field ``path`` and where the field starts in it.

    A lines field (``agency.address[1]``) is one box of several lines: the offset is the
    start of that line. None when the form has no text box for the path (a combo box, a row
    list cell).
    """
    m = _INDEXED.fullmatch(path)
    if m:
        base, index = m.group(1), int(m.group(2))
        body = form.lists.get(base)
        editors = getattr(body, "editors", None)
        if editors is not None:
            return (editors[index], 0) if index < len(editors) else None
        lines = form.lines.get(base)
        if lines is not None:
            block = lines.document().findBlockByNumber(index)
            return (lines, block.position()) if block.isValid() else None
        return None
    binding = form.bindings.get(path)
    if binding is not None and isinstance(binding.focus, QLineEdit):
        return binding.focus, 0
    return None


def field_at(form: Any, widget: QWidget | None) -> tuple[str, str, int] | None:
    """(field path, the field's text, where the selection starts in it) for a text box.

    The inverse of :func:`text_box`, for "comment on the selection". None when ``widget``
    is not a text box of a field.
    """
    if widget is None:
        return None
    body = form.lists.get("body")
    for index, editor in enumerate(getattr(body, "editors", [])):
        if editor is widget:
            return f"body[{index}]", editor.toPlainText(), editor.textCursor().selectionStart()
    for path, lines in form.lines.items():
        if lines is widget:
            cursor = lines.textCursor()
            block = lines.document().findBlock(cursor.selectionStart())
            return (f"{path}[{block.blockNumber()}]", block.text(),
                    cursor.selectionStart() - block.position())
    for path, binding in form.bindings.items():
        if binding.focus is widget and isinstance(widget, QLineEdit):
            start = widget.selectionStart()
            return path, widget.text(), max(0, start if start >= 0 else widget.cursorPosition())
    return None


def selected_text(widget: QWidget) -> str:
    """The selection in a text box, as plain text of one field (a lines field's selection is
    cut at the end of its first line: a comment quotes one field)."""
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        text = widget.textCursor().selectedText()
        return text.split("\u2029")[0]
    return ""


def select_range(form: Any, path: str, start: int, end: int) -> bool:
    """Focus field ``path`` and select ``[start, end)`` of its text (a change, a quote)."""
    found = text_box(form, path)
    if found is None:
        return form.focus_field(path)
    widget, base = found
    form.focus_field(path)
    if isinstance(widget, QLineEdit):
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        widget.setSelection(start, max(0, end - start))
        return True
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    cursor = widget.textCursor()
    length = len(widget.toPlainText())
    cursor.setPosition(min(base + start, length))
    cursor.setPosition(min(base + end, length), QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.ensureCursorVisible()
    form.ensureWidgetVisible(widget, 20, 40)
    return True


# --------------------------------------------------------------------------- form marks


def marks_by_field(letter: Any, diff: Any, with_comments: bool = True) -> dict[str, FieldMarks]:
    """Marks per field path: unresolved comments still found in their field, and ``diff``'s
    hunks (a :class:`~dla_drafter.review.diff.LetterDiff`, or None)."""
    from dla_drafter.review.actions import locate_comment, record_of

    out: dict[str, FieldMarks] = {}
    if with_comments:
        for comment in record_of(letter).comments:
            if comment.resolved:
                continue
            where = locate_comment(letter, comment)
            if where is not None:
                tip = f"{comment.author}: {comment.text}"
                out.setdefault(comment.field, FieldMarks()).comments.append((*where, tip))
    if diff:
        for change in diff.fields:
            for hunk in change.hunks:  # a split's or a move's hunks lie in several fields
                if hunk.new_field is None:  # a removed place: nothing left to mark
                    continue
                marks = out.setdefault(hunk.new_field, FieldMarks())
                if hunk.new_end > hunk.new_start:
                    marks.inserted.append((hunk.new_start, hunk.new_end))
                if hunk.old_text:
                    marks.deleted.append((hunk.new_start, hunk.old_text))
    return out


def _selections(widget: Any, base: int, text_len: int, marks: FieldMarks) -> list[Any]:
    out = []
    for start, end, tip in marks.comments:
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(COMMENT_COLOR))
        fmt.setToolTip(tip)
        out.append(span_selection(widget, base + start, base + end, fmt))
    for start, end in marks.inserted:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(INSERT_COLOR)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setForeground(QBrush(INSERT_COLOR))
        out.append(span_selection(widget, base + start, base + end, fmt))
    for position, old_text in marks.deleted:
        # the word that is gone is not in the box: strike the character where it stood
        at = min(position, max(0, text_len - 1))
        if text_len == 0:
            continue
        fmt = QTextCharFormat()
        fmt.setFontStrikeOut(True)
        fmt.setForeground(QBrush(DELETE_COLOR))
        fmt.setBackground(QBrush(QColor("#ffd6d6")))
        fmt.setToolTip("ลบ: " + old_text)
        fmt.setProperty(QTextFormat.Property.UserProperty, old_text)
        out.append(span_selection(widget, base + at, base + at + 1, fmt))
    return out


def apply_form_marks(
    form: Any, marks: dict[str, FieldMarks], previous: set[QWidget]
) -> set[QWidget]:
    """Draw ``marks`` in the form; clears boxes marked last time (``previous``). Returns the
    boxes marked now, to pass as ``previous`` next time."""
    per_widget: dict[QWidget, list[tuple[int, str, FieldMarks]]] = {}
    for path, field_marks in marks.items():
        found = text_box(form, path)
        if found is None:
            continue
        widget, base = found
        text = field_text(widget, path, base)
        per_widget.setdefault(widget, []).append((base, text, field_marks))
    for widget in previous - set(per_widget):
        _clear(widget)
    for widget, entries in per_widget.items():
        if isinstance(widget, QLineEdit):
            kinds = set().union(*(m.kinds() for _b, _t, m in entries))
            style = LINE_FIELD_STYLE["comment"] if "comment" in kinds else (
                LINE_FIELD_STYLE["change"] if kinds else "")
            if widget.styleSheet() != style:
                widget.setStyleSheet(style)
            continue
        selections = []
        for base, text, field_marks in entries:
            selections.extend(_selections(widget, base, len(text), field_marks))
        set_layer(widget, "2-review", selections)
    return set(per_widget)


def field_text(widget: QWidget, path: str, base: int) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    text = widget.toPlainText()
    if _INDEXED.fullmatch(path) and isinstance(widget, QPlainTextEdit):
        return text[base:].split("\n")[0]
    return text


def _clear(widget: QWidget) -> None:
    try:
        if isinstance(widget, QLineEdit):
            widget.setStyleSheet("")
        else:
            set_layer(widget, "2-review", [])
    except RuntimeError:  # a paragraph box deleted since
        pass


# --------------------------------------------------------------------------- preview marks


def source_path(source: Any) -> str | None:
    """A line's source on the page as a field path: ("body", 2) → ``body[2]``."""
    if not source:
        return None
    part, index = source[0], source[1]
    return f"{part}[{index}]" if index is not None else str(part)


def covers(source: str, path: str) -> bool:
    """Whether a line from ``source`` shows (part of) field ``path``."""
    return path == source or path.startswith((source + ".", source + "["))


def _norm(text: str) -> str:
    """Digits as Arabic (the page may print Thai digits; one character for one)."""
    from dla_drafter.text.digits import to_arabic_digits

    return to_arabic_digits(text)


def char_x(face: Any, line: Any, offset: int) -> float:
    """Where character ``offset`` of a typeset line starts, in cm from the line's x: the
    start of its grapheme cluster (an offset inside a cluster gives the next one's start),
    with the line's justification spacing."""
    if offset <= 0:
        return 0.0
    if offset >= len(line.text):
        return line.width_cm
    return _line_xs(face, line)[offset]


#: id(line) → (line, face, x of every offset): the marks are painted on every paint event,
#: a keystroke brings two or three, and most marked lines are the same objects as before
#: (the typesetter keeps the lines of paragraphs not edited). Walking a line's clusters for
#: each mark's two ends was most of a paint under review (issue 15 item 6).
_XS: dict[int, tuple[Any, Any, list[float]]] = {}
_XS_LIMIT = 4096


def _line_xs(face: Any, line: Any) -> list[float]:
    """x (cm from the line's start) of each offset ``0..len(line.text)``, as ``char_x``
    answers it, worked out in one walk over the line's clusters and kept."""
    kept = _XS.get(id(line))
    if kept is not None and kept[0] is line and kept[1] is face:
        return kept[2]
    from dla_drafter.text.graphemes import cluster_tuple
    from dla_drafter.typeset.fonts import PT_PER_CM

    text = line.text
    shaped = face.shape(text)
    scale = line.size_pt / face.upem / PT_PER_CM
    xs = [line.width_cm] * (len(text) + 1)
    xs[0] = 0.0
    start = 0
    previous = 0
    for index, cluster in enumerate(cluster_tuple(text)):
        x = shaped.grapheme_x[index] * scale + index * line.letter_spacing_cm
        for offset in range(previous + 1, start + 1):  # inside the cluster before: this start
            xs[offset] = x
        previous = start
        start += len(cluster)
    if len(_XS) >= _XS_LIMIT:
        _XS.clear()
    _XS[id(line)] = (line, face, xs)
    return xs


class PreviewMarks:
    """Paints marks over the preview's pages; set as the canvas's ``overlay``.

    A line of a marked field gets a tint and a bar in the left margin; where the line's text
    can be found in the field's text (it can for body paragraphs and one-line fields), the
    marks are drawn on the words themselves: a comment's quote on yellow, inserted words
    underlined in blue, a red struck mark where words were deleted.
    """

    def __init__(self) -> None:
        self.kinds: dict[str, set[str]] = {}
        self.marks: dict[str, FieldMarks] = {}
        self.texts: dict[str, str] = {}
        self._offsets: tuple[int, dict[int, int]] | None = None

    def set_marks(self, marks: dict[str, FieldMarks], texts: dict[str, str] | None = None) -> bool:
        kinds = {path: m.kinds() for path, m in marks.items() if m.kinds()}
        texts = {p: t for p, t in (texts or {}).items() if p in kinds}
        changed = kinds != self.kinds or texts != self.texts or marks != self.marks
        self.kinds = kinds
        self.marks = marks
        self.texts = texts
        if changed:
            self._offsets = None
        return changed

    def kinds_of(self, source: Any) -> set[str]:
        path = source_path(source)
        if path is None:
            return set()
        out: set[str] = set()
        for field_path, kinds in self.kinds.items():
            if covers(path, field_path):
                out |= kinds
        return out

    def marked_lines(self, page: Any) -> Iterable[tuple[Any, set[str]]]:
        from dla_drafter.typeset.pages import TextLine

        for item in page.items:
            if isinstance(item, TextLine):
                kinds = self.kinds_of(item.source)
                if kinds:
                    yield item, kinds

    def line_offsets(self, pages: Any) -> dict[int, int]:
        """id(line) → where the line's text starts in its field, for lines of marked fields
        found in order in the field's text."""
        if self._offsets is not None and self._offsets[0] == id(pages):
            return self._offsets[1]
        offsets: dict[int, int] = {}
        cursor: dict[str, int] = {}
        for line in pages.lines():
            path = source_path(line.source)
            if path not in self.texts:
                continue
            field = _norm(self.texts[path])
            text = _norm(line.text)
            stripped = text.lstrip()
            if not stripped.strip():
                continue
            at = field.find(stripped.rstrip(), cursor.get(path, 0))
            if at >= 0:
                offsets[id(line)] = at - (len(text) - len(stripped))
                cursor[path] = at + len(stripped.rstrip())
        self._offsets = (id(pages), offsets)
        return offsets

    def paint(self, painter: QPainter, page: Any, rect: QRectF, px_per_cm: float,
              pages: Any = None, settings: Any = None) -> None:
        if not self.kinds:
            return
        from dla_drafter.typeset.pages import item_bounds

        offsets = self.line_offsets(pages) if pages is not None else {}
        fonts = None
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for line, kinds in self.marked_lines(page):
            left, top, right, bottom = item_bounds(line)
            box = QRectF(rect.x() + left * px_per_cm, rect.y() + top * px_per_cm,
                         max(1.0, (right - left) * px_per_cm), (bottom - top) * px_per_cm)
            bar = QColor(COMMENT_COLOR if "comment" in kinds else INSERT_COLOR)
            painter.fillRect(QRectF(rect.x() + 0.6 * px_per_cm, box.y(), 0.15 * px_per_cm,
                                    box.height()), bar)
            start = offsets.get(id(line))
            path = source_path(line.source)
            if start is None or path not in self.marks:
                color = QColor(COMMENT_COLOR if "comment" in kinds else CHANGE_COLOR)
                color.setAlpha(90)
                painter.fillRect(box, color)
                continue
            if fonts is None:
                from dla_drafter.settings import RenderSettings
                from dla_drafter.typeset.fonts import fonts_for

                fonts = fonts_for(settings or RenderSettings())
            self._paint_words(painter, fonts.face(line.bold), line, start, self.marks[path],
                              box, px_per_cm)
        painter.restore()

    def _paint_words(self, painter: QPainter, face: Any, line: Any, start: int,
                     marks: FieldMarks, box: QRectF, px_per_cm: float) -> None:
        end = start + len(line.text)
        x0 = box.x()

        def span(a: int, b: int) -> tuple[float, float] | None:
            a, b = max(a, start), min(b, end)
            if a >= b:
                return None
            return (x0 + char_x(face, line, a - start) * px_per_cm,
                    x0 + char_x(face, line, b - start) * px_per_cm)

        for a, b, _tip in marks.comments:
            found = span(a, b)
            if found:
                color = QColor(COMMENT_COLOR)
                color.setAlpha(150)
                painter.fillRect(QRectF(found[0], box.y(), found[1] - found[0], box.height()),
                                 color)
        baseline = box.bottom() - box.height() * 0.26
        thick = max(1.0, 0.035 * px_per_cm)
        for a, b in marks.inserted:
            found = span(a, b)
            if found:
                tint = QColor(CHANGE_COLOR)
                tint.setAlpha(120)
                painter.fillRect(QRectF(found[0], box.y(), found[1] - found[0], box.height()),
                                 tint)
                painter.fillRect(QRectF(found[0], baseline + thick, found[1] - found[0], thick),
                                 INSERT_COLOR)
        for position, _old in marks.deleted:
            if not (start <= position <= end) or (position == end and end < len(
                    self.texts.get(source_path(line.source) or "", ""))):
                continue
            x = x0 + char_x(face, line, position - start) * px_per_cm
            half = 0.18 * px_per_cm
            mid = box.center().y()
            painter.fillRect(QRectF(x - thick / 2, box.y(), thick, box.height()), DELETE_COLOR)
            painter.fillRect(QRectF(x - half, mid - thick / 2, 2 * half, thick), DELETE_COLOR)


# --------------------------------------------------------------------------- typed initials

TYPED_STYLE = "background: #ffedd5;"
_INITIALS_NAME = re.compile(r"initials\[(\d+)\]\.name")


def mark_typed_initials(form: Any, problems: list[Any],
                        previous: dict[QWidget, Any]) -> dict[QWidget, Any]:
    """Mark the initials rows whose name was typed by hand: an orange box with a warning sign
    inside it whose tip is the problem's words (the name prints with no approval behind
    it). ``problems`` are the engine's ``initials-typed`` ones; the boxes marked last time
    (``previous``: box → its sign) are cleared first. Returns the boxes marked now."""
    from PySide6.QtGui import QAction

    from dla_drafter.ui.i18n import language

    rows = form.lists.get("initials")
    wanted: dict[QWidget, str] = {}
    for problem in problems:
        m = _INITIALS_NAME.fullmatch(str(getattr(problem, "field", "") or ""))
        box = rows.cell(int(m.group(1)), "name") if (m and rows is not None) else None
        if isinstance(box, QLineEdit):
            wanted[box] = problem.text(language())
    marked: dict[QWidget, Any] = {}
    for box, sign in previous.items():
        if box in wanted:
            marked[box] = sign
            continue
        try:
            box.removeAction(sign)
            box.setStyleSheet("")
            box.setToolTip(box.placeholderText())
        except RuntimeError:  # the row was removed since
            pass
    for box, why in wanted.items():
        sign = marked.get(box)
        if sign is None:
            sign = QAction(box)
            sign.setObjectName("typedInitialSign")
            box.addAction(sign, QLineEdit.ActionPosition.TrailingPosition)
            marked[box] = sign
        sign.setIcon(box.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        sign.setToolTip(why)
        box.setToolTip(why)
        if box.styleSheet() != TYPED_STYLE:
            box.setStyleSheet(TYPED_STYLE)
    return marked
