"""Merge fields in the form: "แทรกช่องข้อมูล" and the coloured ``«…»`` marks.

The clerk picks a data table once per session; its header row gives the columns offered in
a menu. The chosen column's field (``merge.field_for``) is inserted at the cursor *through
the text box*, exactly as if typed, so the box's own edit signal records it in the window's
history and one Ctrl+Z removes it.

Fields are marked with a light background in every text box of the form: extra selections
for the multi-line boxes (they layer over the spelling highlighter instead of replacing it)
and input-method text formats for one-line boxes (QLineEdit has no other way to colour part
of its text). Marks are refreshed after every change of the document, so undo, open and
typing all keep them right. Where the ``«…»`` spans are is decided by :func:`field_spans`,
one rule for the form and the preview.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QInputMethodEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from dla_drafter.merge.fields import CLOSE, OPEN
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.letter.selection_layers import set_layer

if TYPE_CHECKING:
    from dla_drafter.ui.letter.document import Document
    from dla_drafter.ui.letter.form import LetterForm
    from dla_drafter.ui.letter.preview import PreviewPane

FIELD_COLOR = QColor("#cfe3ff")  # light blue: distinct from spelling red and selection
PREVIEW_TINT = QColor(60, 130, 255, 60)  # over the printed text: tinted, still readable
_GUILLEMET = re.compile(f"[{OPEN}{CLOSE}]")
_TEXT_BOXES = (QLineEdit, QTextEdit, QPlainTextEdit)


def field_spans(text: str) -> list[tuple[int, int]]:
    """(start, length) of each ``«name»`` in ``text``, read as ``merge.fields.parse`` reads
    it: ``««`` and ``»»`` are literal guillemets, a ``«`` never closed marks nothing.
    Runs after every keystroke on every text box, so it jumps from guillemet to guillemet."""
    if OPEN not in text:
        return []
    spans = []
    found = _GUILLEMET.search(text)
    while found is not None:
        i = found.start()
        if text.startswith(OPEN * 2, i) or text.startswith(CLOSE * 2, i):
            found = _GUILLEMET.search(text, i + 2)
            continue
        if text[i] == CLOSE:
            found = _GUILLEMET.search(text, i + 1)
            continue
        end = text.find(CLOSE, i + 1)
        if end < 0 or OPEN in text[i + 1:end]:
            break  # the merge refuses this text; the problems panel says why
        if text[i + 1:end].strip():
            spans.append((i, end + 1 - i))
        found = _GUILLEMET.search(text, end + 1)
    return spans


def field_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(FIELD_COLOR)
    return fmt


def mark_text_box(widget: QWidget) -> int:
    """Show the fields of one text box with a coloured background; returns how many."""
    if isinstance(widget, QLineEdit):
        return _mark_line(widget)
    text = widget.toPlainText()
    selections = []
    for start, length in field_spans(text):
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(widget.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = field_format()
        selections.append(selection)
    set_layer(widget, "1-merge-fields", selections)
    return len(selections)


def _mark_line(edit: QLineEdit) -> int:
    spans = field_spans(edit.text())
    if not spans and not edit.property("mergeMarked"):
        return 0
    cursor = edit.cursorPosition()
    attributes = [
        QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat,
                                    start - cursor, length, field_format())
        for start, length in spans
    ]
    QApplication.sendEvent(edit, QInputMethodEvent("", attributes))
    edit.setProperty("mergeMarked", bool(spans))
    return len(spans)


def line_marks(edit: QLineEdit) -> list[tuple[int, int]]:
    """The spans last marked in a one-line box (what the tests and the window can check)."""
    return field_spans(edit.text()) if edit.property("mergeMarked") else []


class FieldMarker(QObject):
    """Keeps the ``«…»`` marks of every text box of ``form`` up to date."""

    def __init__(self, form: QWidget, doc: Any) -> None:
        super().__init__(form)
        self.form = form
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        doc.changed.connect(lambda *_: self._timer.start())
        doc.replaced.connect(lambda *_: self._timer.start())
        self._timer.start()

    def refresh(self) -> int:
        """Mark every text box now; returns the number of fields shown."""
        count = 0
        for kind in _TEXT_BOXES:
            for box in self.form.findChildren(kind):  # editable combos' line edits too
                count += mark_text_box(box)
        return count


def line_field_boxes(line: Any, fonts: Any) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) in cm of each ``«…»`` of one typeset TextLine, from the
    glyph positions the painter draws (``typeset.fonts.position_glyphs``): each glyph stands
    for its characters in logical order, so counting them finds where a span starts and ends."""
    spans = field_spans(line.text)
    if not spans:
        return []
    from dla_drafter.typeset.fonts import position_glyphs
    from dla_drafter.typeset.pages import item_bounds

    glyphs = position_glyphs(fonts.face(line.bold), line.text, line.size_pt,
                             line.letter_spacing_cm)
    starts: dict[int, float] = {}
    offset = 0
    for glyph in glyphs:
        starts.setdefault(offset, glyph.x)
        offset += len(glyph.text)
    _, top, _, bottom = item_bounds(line)
    boxes = []
    for start, length in spans:
        end = start + length
        if start not in starts:
            continue
        right = starts.get(end, line.width_cm)
        boxes.append((line.x + starts[start], top, line.x + right, bottom))
    return boxes


class FieldOverlay(QWidget):
    """Light boxes over the ``«…»`` fields of the preview's pages, drawn on top of the page
    pixmaps (the page painter is shared with print and PDF and must not mark anything)."""

    def __init__(self, pane: Any) -> None:
        super().__init__(pane.canvas)
        self.pane = pane
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._boxes: list[tuple[int, tuple[float, float, float, float]]] = []
        pane.canvas.installEventFilter(self)
        pane.pages_changed.connect(self._on_pages)
        self.setGeometry(pane.canvas.rect())
        self.show()

    def _on_pages(self, pages: Any) -> None:
        from dla_drafter.settings import RenderSettings
        from dla_drafter.typeset.fonts import fonts_for
        from dla_drafter.typeset.pages import TextLine

        fonts = fonts_for(self.pane.settings or RenderSettings())
        self._boxes = [(index, box)
                       for index, page in enumerate(pages.pages if pages is not None else [])
                       for item in page.items if isinstance(item, TextLine)
                       for box in line_field_boxes(item, fonts)]
        self.raise_()
        self.update()

    def rects(self) -> list[QRectF]:
        """Where the boxes are drawn, in the canvas's pixels."""
        canvas = self.pane.canvas
        pages = canvas.page_rects()
        scale = canvas.px_per_cm
        return [QRectF(pages[i].x() + left * scale, pages[i].y() + top * scale,
                       (right - left) * scale, (bottom - top) * scale)
                for i, (left, top, right, bottom) in self._boxes if i < len(pages)]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.pane.canvas.rect())
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._boxes:
            return
        painter = QPainter(self)
        for rect in self.rects():
            if rect.intersects(QRectF(event.rect())):
                painter.fillRect(rect, PREVIEW_TINT)
        painter.end()


class FieldInserter(QObject):
    """The "แทรกช่องข้อมูล" command for one window: remembers the table's columns for the
    session and the last text box of the form the clerk was in.

    ``parent`` is the window its questions sit on; ``form``, ``doc`` and ``preview`` are the
    window's; ``status`` writes to its status bar.
    """

    def __init__(self, parent: QWidget, form: LetterForm, doc: Document, preview: PreviewPane,
                 status: Callable[[str, int], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.status = status
        self.form = form
        self.doc = doc
        self.columns: list[str] = []
        self.table_path: Path | None = None
        self.target: QWidget | None = None
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)
        self.marker = FieldMarker(self.form, self.doc)
        self.overlay = FieldOverlay(preview)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            if isinstance(new, _TEXT_BOXES) and self.form.isAncestorOf(new):
                self.target = new
        except RuntimeError:  # the window is being torn down
            pass

    def load_columns(self, path: Path, encoding: str | None = None) -> bool:
        """Read the header of a CSV/XLSX table; a bad file is explained, nothing changes."""
        from dla_drafter.merge import TableError, read_table

        try:
            table = read_table(path, encoding=encoding)
        except TableError as exc:
            QMessageBox.warning(self.parent_widget, tr("เปิดตารางข้อมูลไม่ได้"), exc.message(language()))
            return False
        except OSError as exc:
            QMessageBox.warning(self.parent_widget, tr("เปิดตารางข้อมูลไม่ได้"), f"{path}\n\n{exc}")
            return False
        self.columns = [c for c in table.columns if "«" not in c and "»" not in c and c.strip()]
        self.table_path = Path(path)
        return True

    def choose_table(self) -> bool:
        folder = str(self.table_path.parent) if self.table_path else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self.parent_widget, tr("เลือกตารางข้อมูล"), folder,
            tr("ตารางข้อมูล (*.csv *.xlsx)") + ";;" + tr("ทุกแฟ้ม (*)"))
        return bool(chosen) and self.load_columns(Path(chosen))

    def insert(self, column: str, box: QWidget | None = None) -> bool:
        """Insert ``«column»`` at the cursor of ``box`` (default: the last text box used) as
        one step of the window's history."""
        from dla_drafter.merge import field_for

        box = box or self.target
        if box is None or not isinstance(box, _TEXT_BOXES):
            self.status(tr("คลิกในช่องที่จะแทรกก่อน แล้วเลือก แทรกช่องข้อมูล อีกครั้ง"), 8000)
            return False
        text = field_for(column)
        self.doc.break_merge()
        if isinstance(box, QLineEdit):
            box.insert(text)
        else:
            box.textCursor().insertText(text)
        self.doc.break_merge()
        box.setFocus()
        return True

    def columns_menu(self) -> QMenu:
        """A menu of the remembered columns, and a way to pick another table."""
        menu = QMenu(tr("แทรกช่องข้อมูล"), self.parent_widget)
        for column in self.columns:
            action = menu.addAction(f"«{column}»")
            action.triggered.connect(lambda _c=False, name=column: self.insert(name))
        if self.columns:
            menu.addSeparator()
        other = menu.addAction(tr("เลือกตารางข้อมูลอื่น…"))
        other.triggered.connect(lambda: self.choose_table() and self.run())
        return menu

    def run(self) -> None:
        """The action: pick a table the first time, then offer its columns at the cursor."""
        if not self.columns and not self.choose_table():
            return
        box = self.target
        menu = self.columns_menu()
        if box is not None and isinstance(box, _TEXT_BOXES):
            rect = box.cursorRect() if not isinstance(box, QLineEdit) else box.rect()
            where = box.mapToGlobal(rect.bottomLeft())
        else:
            where = self.parent_widget.mapToGlobal(self.parent_widget.rect().center())
        menu.exec(where)
        menu.deleteLater()
