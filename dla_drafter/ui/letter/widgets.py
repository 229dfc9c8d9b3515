"""Editors the form is built from: growing text boxes, editable row lists, paragraph lists.

Each editor reports what the clerk typed to the :class:`~dla_drafter.ui.letter.document.Document`
(one path, one value) and can be brought back in line with the document after undo/redo by
``sync()``, which writes only what differs so the cursor is not disturbed while typing.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.fields import get_path
from dla_drafter.ui.i18n import tr
from dla_drafter.ui.letter.document import Document


def lines_value(text: str) -> list[str]:
    """A multi-line box's text as list items: one per line, blank lines dropped.

    Tabs (from a pasted spreadsheet row) become spaces; the text is otherwise kept as typed.
    """
    return [line.replace("\t", " ").rstrip() for line in text.splitlines() if line.strip()]


class WheelScrollsForm(QObject):
    """Wheel over a drop-down or a number box scrolls the form, unless that box has focus.

    A clerk scrolling down the form with the mouse over "ชั้นความเร็ว" changed it to a red
    ด่วนมาก without noticing. One filter object serves every such box of a form; the boxes
    take focus only by click or Tab (StrongFocus), never by the wheel, so a wheel turn over
    a box the clerk has not chosen always scrolls. Once the box has focus the wheel is its own.
    """

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def guard(self, widget: QWidget) -> None:
        """Watch ``widget`` and the text box inside it (an editable drop-down, a spin box)."""
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for watched in (widget, *widget.findChildren(QLineEdit)):
            watched.setProperty("wheel_box", True)
            watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget):
            return False
        box = obj
        while box.parentWidget() is not None and box.parentWidget().property("wheel_box"):
            box = box.parentWidget()
        focus = QApplication.focusWidget()
        if focus is not None and (focus is box or box.isAncestorOf(focus)):
            return False
        QApplication.sendEvent(self.area.verticalScrollBar(), event)
        return True


class GrowingPlainText(QPlainTextEdit):
    """A plain text box that grows with its content (an address, a list of names …).

    The form scrolls as a whole, so boxes with their own scroll bars would be two scrolls in
    one; growing up to ``max_lines`` and only then scrolling is what a clerk expects.
    """

    def __init__(self, min_lines: int = 2, max_lines: int = 12, parent: QWidget | None = None):
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self.fit)
        self.fit()

    def fit(self, *_: Any) -> None:
        """Grow or shrink to the text's lines, between ``min_lines`` and ``max_lines``.

        The height of a line is the one the box lays out (Thai with its marks stands taller
        than the font's line spacing says), so every line up to ``max_lines`` is shown
        whole, with no scroll bar."""
        document = self.document()
        lines = int(document.size().height())  # the layout's count of wrapped lines
        per_line = float(self.fontMetrics().lineSpacing())
        block = document.begin()
        layout = block.layout() if block.isValid() else None
        if layout is not None and layout.lineCount() > 0:
            per_line = max(per_line, self.blockBoundingRect(block).height() / layout.lineCount())
        shown = max(self.min_lines, min(self.max_lines, max(lines, 1)))
        margins = self.contentsMargins()
        doc_margin = self.document().documentMargin() * 2
        height = math.ceil(per_line * shown + doc_margin) + margins.top() + margins.bottom() + 2
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()  # a new width wraps the text again, without a size-changed signal

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        # A column pasted from Excel arrives with CRLF and tabs; keep one name per line.
        if source.hasText():
            text = source.text().replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
            self.insertPlainText(text)
        else:
            super().insertFromMimeData(source)


class WrappingLineEdit(GrowingPlainText):
    """A one-line value that wraps onto as many lines as it needs (a reference, the name of an
    enclosure), in the box as on the page, instead of scrolling sideways out of sight.

    It speaks QLineEdit's language — ``text()``, ``setText()``, ``textEdited`` (the clerk's
    edits only), ``setCursorPosition()`` — so a list can hold either. A value has no line
    breaks: Enter asks for the next item (``enter_pressed``), and a pasted text of several
    lines asks to become several items (``split_requested(texts, cursor item, position)``).
    """

    textEdited = Signal(str)  # noqa: N815 - QLineEdit's name
    enter_pressed = Signal()
    split_requested = Signal(list, int, int)

    def __init__(self, max_lines: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(1, max_lines, parent)
        self._setting = False
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit's name
        """Show ``text`` (from the document) without reporting it as the clerk's edit."""
        position = self.textCursor().position()
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        self.setCursorPosition(min(position, len(text)))

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 - QLineEdit's name
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)

    def _changed(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        text = source.text() if source.hasText() else ""
        pieces = [" ".join(p.replace("\t", " ").split())
                  for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        pieces = [p for p in pieces if p]
        if len(pieces) <= 1:
            self.insertPlainText(pieces[0] if pieces else "")
            return
        cursor = self.textCursor()
        full = self.toPlainText()
        before, after = full[: cursor.selectionStart()], full[cursor.selectionEnd():]
        texts = [before + pieces[0], *pieces[1:-1], pieces[-1] + after]
        self.split_requested.emit(texts, len(texts) - 1, len(pieces[-1]))


class LinesField(GrowingPlainText):
    """A list-of-strings field edited as lines of text (address, position lines, names)."""

    def __init__(self, doc: Document, path: str, min_lines: int = 2, max_lines: int = 12):
        super().__init__(min_lines, max_lines)
        self.doc = doc
        self.path = path
        self.textChanged.connect(self._edited)

    def value(self) -> list[str]:
        return lines_value(self.toPlainText())

    def _edited(self) -> None:
        self.doc.set_field(self.path, self.value())

    def sync(self) -> None:
        model = list(get_path(self.doc.letter, self.path))
        if self.value() != model:
            self.blockSignals(True)
            self.setPlainText("\n".join(model))
            self.blockSignals(False)


# --- row lists ------------------------------------------------------------------------------


class RowList(QWidget):
    """An editable list of items (อ้างถึง, สิ่งที่ส่งมาด้วย, initials): add, remove, reorder.

    ``columns`` are ``(key, placeholder, stretch)``; ``key`` None means the items are plain
    strings, otherwise they are dataclasses made by ``factory`` and ``key`` names a field.
    The columns in ``wrap`` are :class:`WrappingLineEdit` boxes that grow as the text wraps
    (a reference is often two printed lines); Enter in one starts the next item and a pasted
    list becomes one item per line. The others are one-line boxes (an amount, a role).
    """

    def __init__(
        self,
        doc: Document,
        path: str,
        columns: list[tuple[str | None, str, int]],
        factory: Callable[[], Any] | None = None,
        add_label: str = "",
        wrap: tuple[str | None, ...] = (),
    ) -> None:
        super().__init__()
        self.doc = doc
        self.path = path
        self.columns = columns
        self.factory = factory or (lambda: "")
        self.wrap = wrap
        self._rows: list[tuple[QWidget, list[QLineEdit | WrappingLineEdit]]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(4)
        outer.addLayout(self._rows_box)
        self.add_button = QPushButton(add_label or tr("เพิ่ม"))
        self.add_button.setToolTip(tr("เพิ่มรายการใหม่ต่อท้าย"))
        self.add_button.clicked.connect(self.add_item)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.sync()

    # model helpers
    def items(self) -> list[Any]:
        return list(get_path(self.doc.letter, self.path))

    def _item_path(self, row: int, key: str | None) -> str:
        return f"{self.path}[{row}]" + (f".{key}" if key else "")

    def _value(self, item: Any, key: str | None) -> str:
        return str(item if key is None else getattr(item, key))

    # structure
    def add_item(self) -> None:
        items = self.items() + [self.factory()]
        self.doc.set_field(self.path, items, merge=False)
        self.focus_row(len(items) - 1)

    def remove_item(self, row: int) -> None:
        items = self.items()
        if 0 <= row < len(items):
            del items[row]
            self.doc.set_field(self.path, items, merge=False)
            if items:
                self.focus_row(min(row, len(items) - 1))

    def move_item(self, row: int, delta: int) -> None:
        items = self.items()
        target = row + delta
        if 0 <= row < len(items) and 0 <= target < len(items):
            items[row], items[target] = items[target], items[row]
            self.doc.set_field(self.path, items, merge=False)
            self.focus_row(target)

    def insert_after(self, row: int) -> None:
        """Enter in an item: a new empty item after it, with the cursor in it."""
        items = self.items()
        items.insert(row + 1, self.factory())
        self.doc.set_field(self.path, items, merge=False)
        self.focus_row(row + 1)

    def split_item(self, row: int, key: str | None, texts: list[str], cursor_row: int,
                   position: int = 0) -> None:
        """A pasted list: item ``row`` becomes one item per text (column ``key`` of each),
        the cursor in item ``row + cursor_row`` at ``position``."""
        items = self.items()
        if not 0 <= row < len(items):
            return
        made = []
        for n, text in enumerate(texts):
            if key is None:
                made.append(text)
                continue
            item = copy.copy(items[row]) if n == 0 else self.factory()
            setattr(item, key, text)
            made.append(item)
        items[row: row + 1] = made
        self.doc.set_field(self.path, items, merge=False)
        target = row + cursor_row
        self.focus_row(target, key)
        if target < len(self._rows):
            self._rows[target][1][self._column(key)].setCursorPosition(position)

    def _column(self, key: str | None) -> int:
        return next((i for i, c in enumerate(self.columns) if c[0] == key), 0)

    def focus_row(self, row: int, key: str | None = None) -> None:
        if 0 <= row < len(self._rows):
            edits = self._rows[row][1]
            edits[self._column(key)].setFocus(Qt.FocusReason.OtherFocusReason)

    def first_edit(self) -> QWidget:
        return self._rows[0][1][0] if self._rows else self.add_button

    def path_of(self, widget: QWidget) -> str | None:
        """The item path a box of this list edits (``enclosures[0].amount``), if it is one."""
        for row, (_box, edits) in enumerate(self._rows):
            for edit, (key, _placeholder, _stretch) in zip(edits, self.columns, strict=True):
                if edit is widget:
                    return self._item_path(row, key)
        return None

    def _make_row(self, row: int) -> tuple[QWidget, list[QLineEdit | WrappingLineEdit]]:
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.setAlignment(Qt.AlignmentFlag.AlignTop)  # number and buttons beside the first line
        number = QLabel(f"{row + 1}.")
        number.setMinimumWidth(22)
        lay.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
        edits: list[QLineEdit | WrappingLineEdit] = []
        for key, placeholder, stretch in self.columns:
            edit: QLineEdit | WrappingLineEdit
            if key in self.wrap:
                edit = WrappingLineEdit()
                edit.enter_pressed.connect(lambda r=row: self.insert_after(r))
                edit.split_requested.connect(
                    lambda texts, at, pos, r=row, k=key: self.split_item(r, k, texts, at, pos))
            else:
                edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setToolTip(placeholder)
            edit.textEdited.connect(
                lambda text, r=row, k=key: self.doc.set_field(self._item_path(r, k), text)
            )
            lay.addWidget(edit, stretch, Qt.AlignmentFlag.AlignTop)
            edits.append(edit)
        for symbol, tip, slot in (
            ("↑", tr("เลื่อนขึ้น"), lambda _=False, r=row: self.move_item(r, -1)),
            ("↓", tr("เลื่อนลง"), lambda _=False, r=row: self.move_item(r, 1)),
            ("✕", tr("ลบ"), lambda _=False, r=row: self.remove_item(r)),
        ):
            button = QToolButton()
            button.setText(symbol)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            lay.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return box, edits

    def sync(self) -> None:
        items = self.items()
        while len(self._rows) > len(items):
            box, _ = self._rows.pop()
            box.setParent(None)
            box.deleteLater()
        while len(self._rows) < len(items):
            row = self._make_row(len(self._rows))
            self._rows.append(row)
            self._rows_box.addWidget(row[0])
        for item, (_, edits) in zip(items, self._rows, strict=True):
            for edit, (key, _, _) in zip(edits, self.columns, strict=True):
                value = self._value(item, key)
                if edit.text() != value:
                    edit.setText(value)
                    if not edit.hasFocus():
                        edit.setCursorPosition(0)  # show the start of a long reference

    def cell(self, row: int, key: str | None) -> QWidget | None:
        """The box of item ``row``'s column ``key`` (for marks drawn on it), if there is one."""
        column = next((i for i, c in enumerate(self.columns) if c[0] == key), None)
        if column is None or not 0 <= row < len(self._rows):
            return None
        return self._rows[row][1][column]


# --- body paragraphs ----------------------------------------------------------------------------


class ParagraphEdit(QTextEdit):
    """One body paragraph: wraps, grows with its text, Enter starts a new paragraph.

    The model's paragraphs contain no line breaks, so Enter and a multi-paragraph paste are
    turned into paragraph splits (``split_requested``) instead of newlines in the text.
    Backspace at the very start joins the paragraph to the previous one.
    """

    split_requested = Signal(int, list, int)  # row, texts replacing this paragraph, cursor row
    join_requested = Signal(int)  # row to join with the one before
    edited = Signal(int, str)

    def __init__(self, row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self.fit)
        self.textChanged.connect(lambda: self.edited.emit(self.row, self.toPlainText()))
        self.fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, self.height())

    def fit(self, *_: Any) -> None:
        """Grow or shrink to the text's height (no scroll bar inside the form)."""
        doc_height = int(self.document().size().height())
        minimum = self.fontMetrics().lineSpacing() * 2 + 12
        self.setFixedHeight(max(minimum, doc_height + 6))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cursor = self.textCursor()
            text = self.toPlainText()
            pos = cursor.position()
            self.split_requested.emit(self.row, [text[:pos], text[pos:]], 1)
            return
        if key == Qt.Key.Key_Backspace and self.row > 0:
            cursor = self.textCursor()
            if cursor.position() == 0 and not cursor.hasSelection():
                self.join_requested.emit(self.row)
                return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        text = source.text() if source.hasText() else ""
        pieces = [p.strip() for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        pieces = [p for p in pieces if p]
        if len(pieces) <= 1:
            self.insertPlainText(pieces[0] if pieces else "")
            return
        cursor = self.textCursor()
        full = self.toPlainText()
        before, after = full[: cursor.selectionStart()], full[cursor.selectionEnd():]
        texts = [before + pieces[0], *pieces[1:-1], pieces[-1] + after]
        self.split_requested.emit(self.row, texts, len(texts) - 1)

    def set_cursor(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)


class ParagraphList(QWidget):
    """ข้อความ: the body as a list of paragraph editors, with add/remove/reorder per paragraph."""

    focused_paragraph = Signal(int)

    def __init__(self, doc: Document, path: str = "body",
                 editor_hook: Callable[[ParagraphEdit], None] | None = None) -> None:
        super().__init__()
        self.doc = doc
        self.path = path
        self.editor_hook = editor_hook
        self.editors: list[ParagraphEdit] = []
        self._boxes: list[QWidget] = []
        self._labels: list[QLabel] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self._box = QVBoxLayout()
        self._box.setSpacing(8)
        outer.addLayout(self._box)
        self.add_button = QPushButton(tr("เพิ่มย่อหน้า"))
        self.add_button.setToolTip(tr("เพิ่มย่อหน้าใหม่ต่อท้าย (หรือกด Enter ในย่อหน้า)"))
        self.add_button.clicked.connect(lambda: self.insert_paragraphs(len(self.paragraphs()), 0))
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.sync()

    def paragraphs(self) -> list[str]:
        return list(get_path(self.doc.letter, self.path))

    def first_edit(self) -> QWidget:
        return self.editors[0] if self.editors else self.add_button

    def path_of(self, widget: QWidget) -> str | None:
        """``body[i]`` when ``widget`` is the box of paragraph i."""
        for row, editor in enumerate(self.editors):
            if editor is widget:
                return f"{self.path}[{row}]"
        return None

    def insert_paragraphs(self, row: int, remove: int, texts: list[str] | None = None) -> None:
        body = self.paragraphs()
        body[row: row + remove] = texts if texts is not None else [""]
        self.doc.set_field(self.path, body, merge=False)
        last = row + (len(texts) - 1 if texts else 0)
        self.focus_row(last, 0)

    def _split(self, row: int, texts: list[str], cursor_row: int) -> None:
        body = self.paragraphs()
        body[row: row + 1] = texts
        self.doc.set_field(self.path, body, merge=False)
        target = row + cursor_row
        position = 0 if len(texts) == 2 and cursor_row == 1 and texts[1] else None
        if cursor_row == len(texts) - 1 and len(texts) > 2:
            position = len(texts[-1])
        self.focus_row(target, position if position is not None else 0)

    def _join(self, row: int) -> None:
        body = self.paragraphs()
        if row <= 0 or row >= len(body):
            return
        position = len(body[row - 1])
        body[row - 1: row + 1] = [body[row - 1] + body[row]]
        self.doc.set_field(self.path, body, merge=False)
        self.focus_row(row - 1, position)

    def remove_row(self, row: int) -> None:
        body = self.paragraphs()
        if 0 <= row < len(body):
            del body[row]
            self.doc.set_field(self.path, body or [""], merge=False)
            self.focus_row(min(row, len(body) - 1) if body else 0)

    def move_row(self, row: int, delta: int) -> None:
        body = self.paragraphs()
        target = row + delta
        if 0 <= row < len(body) and 0 <= target < len(body):
            body[row], body[target] = body[target], body[row]
            self.doc.set_field(self.path, body, merge=False)
            self.focus_row(target)

    def focus_row(self, row: int, position: int | None = None) -> None:
        if 0 <= row < len(self.editors):
            editor = self.editors[row]
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            if position is not None:
                editor.set_cursor(position)

    def _make(self, row: int) -> None:
        box = QFrame()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        label = QLabel(tr("ย่อหน้าที่ {n}", n=row + 1))
        label.setObjectName("paragraphLabel")
        head.addWidget(label)
        head.addStretch(1)
        for symbol, tip, slot in (
            ("↑", tr("เลื่อนขึ้น"), lambda _=False, r=row: self.move_row(r, -1)),
            ("↓", tr("เลื่อนลง"), lambda _=False, r=row: self.move_row(r, 1)),
            ("✕", tr("ลบย่อหน้านี้"), lambda _=False, r=row: self.remove_row(r)),
        ):
            button = QToolButton()
            button.setText(symbol)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            head.addWidget(button)
        lay.addLayout(head)
        editor = ParagraphEdit(row)
        editor.setToolTip(
            tr("พิมพ์ข้อความของย่อหน้า · Enter ขึ้นย่อหน้าใหม่ · วางหลายย่อหน้าจะแยกให้เอง")
        )
        # a removed paragraph's box may still report (its spelling re-marked before it is
        # deleted): only boxes still in the list write to the letter
        editor.edited.connect(lambda r, text, e=editor: e in self.editors and self.doc.set_field(
            f"{self.path}[{r}]", text))
        editor.split_requested.connect(self._split)
        editor.join_requested.connect(self._join)
        if self.editor_hook is not None:
            self.editor_hook(editor)
        lay.addWidget(editor)
        self._box.addWidget(box)
        self._boxes.append(box)
        self.editors.append(editor)
        self._labels.append(label)

    def sync(self) -> None:
        body = self.paragraphs()
        while len(self.editors) > len(body):
            self.editors.pop()
            self._labels.pop()
            box = self._boxes.pop()
            box.setParent(None)
            box.deleteLater()
        while len(self.editors) < len(body):
            self._make(len(self.editors))
        for text, editor in zip(body, self.editors, strict=True):
            if editor.toPlainText() != text:
                editor.blockSignals(True)
                position = editor.textCursor().position()
                editor.setPlainText(text)
                editor.set_cursor(position)
                editor.blockSignals(False)
                editor.fit()


__all__ = [
    "GrowingPlainText",
    "LinesField",
    "ParagraphEdit",
    "ParagraphList",
    "RowList",
    "WheelScrollsForm",
    "WrappingLineEdit",
    "lines_value",
]
