"""ช่วยเหลือ › คู่มือผู้ใช้ (F1): the clerk's guide shown inside the program.

The guide used to be handed to the system's viewer for ``.md`` files, which an office PC
usually does not have (Windows opens Notepad, or asks which program to use), so the clerk saw
raw Markdown without its screenshots, or nothing. Here Qt renders it (``QTextDocument``'s
own Markdown reader: no new dependency, works in the installed build), with:

* its screenshots, resolved next to the guide (``docs/`` in a checkout, ``_internal/docs``
  in the installed program; ``paths.guide_path``) and scaled down to the window's width;
* a table of contents from the headings, which follows the page as it scrolls;
* search (Ctrl+F; Enter or F3 finds the next, Shift+Enter or Shift+F3 the previous, every
  match tinted, Esc leaves the search box).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.ui.i18n import tr

MATCH_COLOR = QColor("#fff1a8")
IMAGE_MARGIN_PX = 40  # room for the document margin and the vertical scroll bar


class HelpWindow(QWidget):
    """The guide in a window of its own (not modal: the clerk reads it beside the letter)."""

    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(tr("คู่มือผู้ใช้") + " — DLA Drafter")
        self.guide = Path(guide)
        self._headings: list[tuple[int, str, int]] = []  # level, text, block number
        self._sizes: dict[str, tuple[int, int]] = {}  # image name -> natural size

        self.toc = QTreeWidget()
        self.toc.setObjectName("helpContents")
        self.toc.setHeaderHidden(True)
        self.toc.setWordWrap(True)
        self.toc.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.toc.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.toc.itemActivated.connect(self._toc_clicked)
        self.toc.itemClicked.connect(self._toc_clicked)

        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.verticalScrollBar().valueChanged.connect(self._follow_scroll)

        self.find_box = QLineEdit()
        self.find_box.setObjectName("helpFind")
        self.find_box.setPlaceholderText(tr("ค้นหาในคู่มือ (Ctrl+F)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(lambda: self.find_next())
        self.find_box.textChanged.connect(self._find_as_typed)
        self.find_box.installEventFilter(self)
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip(tr("คำก่อนหน้า (Shift+F3)"))
        previous.clicked.connect(lambda: self.find_next(backward=True))
        following = QToolButton()
        following.setText("▼")
        following.setToolTip(tr("คำถัดไป (F3)"))
        following.clicked.connect(lambda: self.find_next())
        self.find_status = QLabel()
        self.find_status.setObjectName("helpFindStatus")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.find_box, 1)
        bar.addWidget(previous)
        bar.addWidget(following)
        bar.addWidget(self.find_status)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.toc)
        split.addWidget(self.browser)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 720])
        split.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addLayout(bar)
        outer.addWidget(split, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.start_find),
            (QKeySequence.StandardKey.FindNext, lambda: self.find_next()),
            (QKeySequence.StandardKey.FindPrevious, lambda: self.find_next(backward=True)),
            (QKeySequence("F3"), lambda: self.find_next()),
            (QKeySequence("Shift+F3"), lambda: self.find_next(backward=True)),
        ):
            QShortcut(keys, self, slot)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(60)
        self._fit_timer.timeout.connect(self._fit_images)
        self.resize(1040, 680)  # fits a 1366×768 screen with its taskbar
        self.load(self.guide)

    # --- the guide ---

    def load(self, guide: Path) -> None:
        """Read and show the guide; its images are looked up in the guide's own folder."""
        self.guide = Path(guide)
        text = self.guide.read_text(encoding="utf-8")
        folder = self.guide.parent
        self.browser.setSearchPaths([str(folder)])
        document = self.browser.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        document.setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        # the reader leaves the cursor at the end: shown like that, the guide opens at its end
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self._sizes.clear()
        self._fit_images()
        self._fill_contents()

    def headings(self) -> list[str]:
        """The guide's headings in order, as the table of contents lists them."""
        return [text for _level, text, _block in self._headings]

    def _fill_contents(self) -> None:
        self.toc.clear()
        self._headings = []
        parents: list[tuple[int, QTreeWidgetItem | QTreeWidget]] = [(0, self.toc)]
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            text = block.text().strip()
            if level > 0 and text:
                while parents[-1][0] >= level:
                    parents.pop()
                item = QTreeWidgetItem(parents[-1][1], [text])
                item.setData(0, Qt.ItemDataRole.UserRole, len(self._headings))
                item.setToolTip(0, text)
                parents.append((level, item))
                self._headings.append((level, text, block.blockNumber()))
            block = block.next()
        self.toc.expandAll()

    def go_to_heading(self, index: int) -> None:
        """Scroll so heading ``index`` is at the top of the page."""
        if not 0 <= index < len(self._headings):
            return
        document = self.browser.document()
        block = document.findBlockByNumber(self._headings[index][2])
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.setTextCursor(QTextCursor(block))
        self.browser.verticalScrollBar().setValue(max(0, int(top - document.documentMargin())))

    def _toc_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None:
            self.go_to_heading(int(index))

    def _follow_scroll(self, value: int) -> None:
        """Select the heading of the part being read, so the clerk knows where they are."""
        document = self.browser.document()
        layout = document.documentLayout()
        current = None
        for index, (_level, _text, number) in enumerate(self._headings):
            if layout.blockBoundingRect(document.findBlockByNumber(number)).top() > value + 4:
                break
            current = index
        if current is None:
            return
        found = self._toc_item(current)
        if found is not None and self.toc.currentItem() is not found:
            self.toc.blockSignals(True)
            self.toc.setCurrentItem(found)
            self.toc.blockSignals(False)

    def _toc_item(self, index: int) -> QTreeWidgetItem | None:
        items = [self.toc.topLevelItem(i) for i in range(self.toc.topLevelItemCount())]
        while items:
            item = items.pop(0)
            if item.data(0, Qt.ItemDataRole.UserRole) == index:
                return item
            items = [item.child(i) for i in range(item.childCount())] + items
        return None

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())

    # --- images ---

    def images(self) -> list[str]:
        """The names of the images the guide shows, in order."""
        return [fmt.name() for fmt, _cursor in self._image_fragments()]

    def _image_fragments(self) -> list[tuple[QTextImageFormat, QTextCursor]]:
        found = []
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fragment.isValid() and fmt.isImageFormat():
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(),
                                       QTextCursor.MoveMode.KeepAnchor)
                    found.append((fmt.toImageFormat(), cursor))
                it += 1
            block = block.next()
        return found

    def image(self, name: str) -> QImage:
        """The image ``name`` as the document loaded it (null when it could not be found)."""
        data: Any = self.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(name))
        if isinstance(data, QImage):
            return data
        if data is not None and hasattr(data, "toImage"):
            return data.toImage()
        return QImage()

    def _fit_images(self) -> None:
        """Show each screenshot at most as wide as the page (they are 1,400 px wide)."""
        room = max(200, self.browser.viewport().width() - IMAGE_MARGIN_PX)
        for fmt, cursor in self._image_fragments():
            name = fmt.name()
            if name not in self._sizes:
                image = self.image(name)
                self._sizes[name] = (image.width(), image.height())
            width, height = self._sizes[name]
            if width <= 0 or height <= 0:
                continue
            shown = min(width, room)
            if abs(fmt.width() - shown) < 1:
                continue
            fmt.setWidth(shown)
            fmt.setHeight(height * shown / width)
            cursor.setCharFormat(fmt)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_timer.start()

    # --- search ---

    def start_find(self) -> None:
        """Ctrl+F: put the cursor in the search box with its text selected."""
        self.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_box.selectAll()

    def find_next(self, text: str | None = None, backward: bool = False) -> bool:
        """Select the next (or previous) match of ``text`` (default: the search box's),
        going round to the start; False and "ไม่พบ" when the guide does not contain it."""
        text = self.find_box.text() if text is None else text
        if not text.strip():
            self.find_status.setText("")
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.browser.find(text, flags)
        if not found:  # round to the start (or the end) and try once more
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward
                                else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        count = self._mark_all(text)
        self.find_status.setText(tr("พบ {n} แห่ง", n=count) if found
                                 else tr("ไม่พบ “{t}”", t=text))
        return found

    def _find_as_typed(self, text: str) -> None:
        cursor = self.browser.textCursor()
        cursor.setPosition(cursor.selectionStart())  # search again from the current match
        self.browser.setTextCursor(cursor)
        if text.strip():
            self.find_next(text)
        else:
            self._mark_all("")
            self.find_status.setText("")

    def _mark_all(self, text: str) -> int:
        """Tint every match; returns how many there are."""
        selections = []
        if text.strip():
            document = self.browser.document()
            fmt = QTextCharFormat()
            fmt.setBackground(MATCH_COLOR)
            cursor = document.find(text)
            while not cursor.isNull() and len(selections) < 2000:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                cursor = document.find(text, cursor)
        self.browser.setExtraSelections(selections)
        return len(selections)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.find_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                self.find_next(backward=True)
                return True
            if key == Qt.Key.Key_Escape:
                self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(obj, event)
