"""The live page preview: the real Pages, painted by the same painter as the PDF and printer.

Typesetting runs in one worker thread so typing never waits for it. Requests are coalesced:
while one letter is being typeset, only the newest edit waits behind it, so after a burst of
keystrokes the preview shows the last state one typesetting later (a few tens of ms), never
a queue of stale ones. Painted pages are cached as pixmaps per zoom, so scrolling is cheap.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.model.letter import Letter
from dla_drafter.settings import RenderSettings
from dla_drafter.ui.i18n import tr

PAGE_GAP_PX = 18
ZOOM_STEPS = (50, 75, 100, 125, 150, 200)
# 0: typeset on the next pass of the event loop. Keys typed faster than the typesetter
# still coalesce (``Typesetter`` keeps one pending request); a fixed wait was half of the
# 16 ms frame budget of a keystroke (issue 15 item 6) and bought nothing.
DEBOUNCE_MS = 0
FOLLOW_MARGIN_PX = 36  # room kept above and below the followed line
_NOT_A_FIELD = frozenset({"page_number", "continuation"})


def source_of(path: str) -> tuple[str, int | None]:
    """The page's name for a field path: ``body[2]`` → ("body", 2), ``enclosures[0].amount``
    → ("enclosures", 0), ``date.year`` → ("date.year", None). Lines carry these as ``source``."""
    base, _, rest = path.partition("[")
    index = rest.split("]", 1)[0] if rest else ""
    return base, int(index) if index.isdigit() else None


def typeset(letter: Letter, settings: RenderSettings | None, keyring: Any = None) -> Any:
    """The engine's typesetting (imported late: the window opens before the engine loads);
    ``keyring`` is the window's, so approvals print as they will on paper."""
    from dla_drafter.pipeline import typeset_letter

    return typeset_letter(letter, settings, keyring)


class Typesetter(QObject):
    """Typesets letters in a worker thread; ``finished`` is delivered in the GUI thread."""

    finished = Signal(object, int, float)  # pages, revision, seconds spent
    failed = Signal(str, int)
    _done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._done.connect(self._next)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="typeset")
        self._busy = False
        self._pending: tuple[Letter, RenderSettings | None, int, Any] | None = None

    def request(self, letter: Letter, settings: RenderSettings | None, revision: int,
                keyring: Any = None) -> None:
        """Typeset ``letter`` (a snapshot the caller will not change) as soon as possible."""
        if self._busy:
            self._pending = (letter, settings, revision, keyring)
            return
        self._start(letter, settings, revision, keyring)

    def _start(self, letter: Letter, settings: RenderSettings | None, revision: int,
               keyring: Any = None) -> None:
        self._busy = True
        self._pool.submit(self._run, letter, settings, revision, keyring)

    def _run(self, letter: Letter, settings: RenderSettings | None, revision: int,
             keyring: Any = None) -> None:
        started = time.perf_counter()
        try:
            pages = typeset(letter, settings, keyring)
        except Exception as exc:  # shown in the preview's status, never a crash
            self.failed.emit(f"{type(exc).__name__}: {exc}", revision)
        else:
            self.finished.emit(pages, revision, time.perf_counter() - started)
        finally:
            self._done.emit()  # queued to the GUI thread, after the result

    def _next(self) -> None:
        self._busy = False
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(*pending)

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def shutdown(self) -> None:
        self._pending = None
        self._pool.shutdown(wait=True, cancel_futures=True)


class PageCanvas(QWidget):
    """Paints the pages one under the other; a click reports the part of the letter hit."""

    source_clicked = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self.pages: Any = None
        self.settings: RenderSettings | None = None
        self.px_per_cm = 20.0
        self._cache: dict[int, QPixmap] = {}
        # drawn over the cached page pixmaps (review marks, ui/review/marks.py)
        self.overlay: Any = None
        self.clicked_item: Any = None  # the last item clicked (its text, for a comment)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tr("คลิกที่ส่วนใดของหน้า เพื่อไปแก้ไขช่องนั้นในแบบฟอร์ม"))

    def set_pages(self, pages: Any, settings: RenderSettings | None) -> None:
        """Show ``pages``. A page equal to the one shown before at its place keeps its
        painted pixmap: a keystroke changes a page or two, and painting a page is most of
        the time a keystroke takes to reach the screen (issue 15 item 6)."""
        old = self.page_list() if settings == self.settings else []
        self.pages = pages
        self.settings = settings
        new = self.page_list()
        self._cache = {index: pixmap for index, pixmap in self._cache.items()
                       if index < len(old) and index < len(new) and old[index] == new[index]}
        self.fit_size()
        self.update()

    def set_scale(self, px_per_cm: float) -> None:
        if abs(px_per_cm - self.px_per_cm) > 1e-6:
            self.px_per_cm = px_per_cm
            self._cache.clear()
            self.fit_size()
            self.update()

    def page_list(self) -> list[Any]:
        """The pages shown (none before the first typesetting)."""
        return list(self.pages.pages) if self.pages is not None else []

    def page_rects(self) -> list[QRectF]:
        """Where each page sits in the canvas, in pixels."""
        rects = []
        y = PAGE_GAP_PX
        width = self.width()
        for page in self.page_list():
            w = page.width * self.px_per_cm
            h = page.height * self.px_per_cm
            rects.append(QRectF(max(PAGE_GAP_PX, (width - w) / 2), y, w, h))
            y += h + PAGE_GAP_PX
        return rects

    def fit_size(self) -> None:
        """Size the canvas to hold every page at the current scale."""
        pages = self.page_list()
        width = max((p.width for p in pages), default=21.0) * self.px_per_cm + 2 * PAGE_GAP_PX
        height = sum(p.height * self.px_per_cm + PAGE_GAP_PX for p in pages) + PAGE_GAP_PX
        parent = self.parentWidget()
        if parent is not None:
            width = max(width, parent.width())
        self.setFixedSize(QSize(int(width), int(max(height, 100))))

    def _pixmap(self, index: int, rect: QRectF) -> QPixmap:
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(rect.width() * ratio), int(rect.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.white)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        try:
            from dla_drafter.render.painter import paint_page

            paint_page(painter, self.page_list()[index], self.settings or RenderSettings(),
                       QRectF(0, 0, rect.width(), rect.height()))
        finally:
            painter.end()
        self._cache[index] = pixmap
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#8a8f96"))
        exposed = QRectF(event.rect())
        for index, rect in enumerate(self.page_rects()):
            if not rect.intersects(exposed):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 70))
            painter.drawPixmap(rect.topLeft(), self._pixmap(index, rect))
            if self.overlay is not None:
                self.overlay.paint(painter, self.page_list()[index], rect, self.px_per_cm,
                                   self.pages, self.settings)
        painter.end()

    def items_of(self, path: str) -> list[tuple[int, Any]]:
        """(page index, item) of everything printed from field ``path``, in page order.

        A field that prints nothing of its own (an empty new paragraph, ``date.year`` which
        prints as part of the date) gives the nearest lines that stand for it: the item
        before it in the same list, else the other lines of its field or of its group."""
        base, index = source_of(path)
        items = [(n, item) for n, page in enumerate(self.page_list()) for item in page.items
                 if getattr(item, "source", None) and item.source[0] not in _NOT_A_FIELD]
        exact = [(n, it) for n, it in items if it.source[0] == base
                 and (index is None or it.source[1] == index)]
        if exact:
            return exact
        same = [(n, it) for n, it in items if it.source[0] == base]
        before = [(n, it) for n, it in same if index is not None and it.source[1] is not None
                  and it.source[1] < index]
        if before:
            last = max(it.source[1] for _n, it in before)
            return [(n, it) for n, it in before if it.source[1] == last]
        if same:
            return same
        group = base.split(".")[0]
        return [(n, it) for n, it in items if it.source[0].split(".")[0] == group]

    def item_rect(self, page_index: int, item: Any) -> QRectF:
        """Where ``item`` of page ``page_index`` is drawn, in the canvas's pixels."""
        from dla_drafter.typeset.pages import item_bounds

        page = self.page_rects()[page_index]
        left, top, right, bottom = item_bounds(item)
        scale = self.px_per_cm
        return QRectF(page.x() + left * scale, page.y() + top * scale,
                      (right - left) * scale, (bottom - top) * scale)

    def hit(self, pos: QPointF) -> tuple[Any, float, float] | None:
        """(page, x cm, y cm) under a point of the canvas."""
        for page, rect in zip(self.page_list(), self.page_rects(), strict=False):
            if rect.contains(pos):
                return (page, (pos.x() - rect.x()) / self.px_per_cm,
                        (pos.y() - rect.y()) / self.px_per_cm)
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        found = self.hit(event.position())
        if found is None:
            return None
        page, x, y = found
        from dla_drafter.render.painter import item_at

        item = item_at(page, x, y)
        self.clicked_item = item
        source = getattr(item, "source", None) if item is not None else None
        if source:
            self.source_clicked.emit(source[0], source[1])
        return None


class PreviewPane(QWidget):
    """Preview with its bar: zoom choice, page count and typesetting status."""

    pages_changed = Signal(object)
    source_clicked = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self.settings: RenderSettings | None = None
        self.keyring: Any = None  # whose approvals print (the window's; None: nobody's)
        self.pages: Any = None
        self.made_with: tuple[Any, Any] = (None, None)  # (settings, keyring) of ``pages``
        self.zoom: str | int = "fit-width"
        self.last_seconds = 0.0
        self.shown_revision = -1
        self.requested_revision = -1
        self._letter_source: Any = None
        self._asked_with: tuple[Any, Any] = (None, None)
        # the field being edited and where the cursor is in it (0–1), which the preview
        # keeps in view as the clerk moves from box to box and types (``follow``)
        self.followed: tuple[str, float | None] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoom")
        self.zoom_box.setToolTip(tr("ขนาดการแสดงหน้า"))
        self.zoom_box.addItem(tr("พอดีความกว้าง"), "fit-width")
        self.zoom_box.addItem(tr("พอดีหน้า"), "fit-page")
        for step in ZOOM_STEPS:
            self.zoom_box.addItem(f"{step} %", step)
        self.zoom_box.activated.connect(lambda i: self.set_zoom(self.zoom_box.itemData(i)))
        self.page_label = QLabel()
        self.page_label.setObjectName("pageCount")
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        bar.addWidget(QLabel(tr("ตัวอย่างหน้า")))
        bar.addSpacing(8)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.zoom_box)
        lay.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("previewScroll")
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidgetResizable(False)
        # always on: a bar appearing when pages grow would change the fit-width scale
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setStyleSheet("QScrollArea { background: #8a8f96; border: none; }")
        self.canvas = PageCanvas()
        self.canvas.source_clicked.connect(self.source_clicked)
        self.scroll.setWidget(self.canvas)
        lay.addWidget(self.scroll, 1)
        self.typesetter = Typesetter()
        self.typesetter.finished.connect(self._on_pages)
        self.typesetter.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._kick)
        self._update_label()

    # --- requests ---

    def schedule(self, snapshot_source: Any) -> None:
        """Typeset soon. ``snapshot_source`` is a callable returning (letter copy, revision)."""
        self._letter_source = snapshot_source
        self._timer.start()

    def refresh_now(self) -> None:
        if self._letter_source is not None:
            self._timer.stop()
            self._kick()

    def _kick(self) -> None:
        if self._letter_source is None:
            return
        letter, revision = self._letter_source()
        self.requested_revision = revision
        self._asked_with = (self.settings, self.keyring)
        self.typesetter.request(letter, self.settings, revision, self.keyring)

    def set_settings(self, settings: RenderSettings | None) -> None:
        self.settings = settings
        self.refresh_now()

    def set_keyring(self, keyring: Any) -> None:
        """The keys trusted changed (Settings, a first approval): approvals may print now."""
        self.keyring = keyring
        self.refresh_now()

    def current_pages(self, revision: int) -> Any:
        """The pages shown when they are of ``revision`` with today's settings and keys (so
        an export can use them instead of typesetting again), else None."""
        if (self.pages is not None and self.shown_revision == revision
                and self.made_with == (self.settings, self.keyring)):
            return self.pages
        return None

    def is_current(self) -> bool:
        return self.shown_revision == self.requested_revision and not self.typesetter.busy

    def _on_pages(self, pages: Any, revision: int, seconds: float) -> None:
        if revision < self.shown_revision:
            return
        self.pages = pages
        self.made_with = self._asked_with
        self.shown_revision = revision
        self.last_seconds = seconds
        self.status.setText("")
        self.status.setToolTip("")
        self.canvas.set_pages(pages, self.settings)
        self._apply_zoom()
        self._update_label()
        if self.followed is not None:  # the text moved under the cursor: keep it in view
            self.reveal(*self.followed)
        self.pages_changed.emit(pages)

    def _on_failed(self, message: str, revision: int) -> None:
        self.shown_revision = max(self.shown_revision, revision)
        if "No module named 'dla_drafter.pipeline'" in message:
            self.status.setText(tr("ยังไม่มีตัวจัดหน้า"))
        else:
            self.status.setText("⚠ " + tr("จัดหน้าไม่ได้"))
        self.status.setToolTip(message)

    # --- following the form ---

    def follow(self, path: str | None, fraction: float | None = None) -> bool:
        """Keep the lines printed from field ``path`` in view, now and after each new
        typesetting (None: stop following). ``fraction`` is where the cursor is in the
        field's text (0 start, 1 end): of a long paragraph, the line being typed is shown."""
        self.followed = (path, fraction) if path else None
        return self.reveal(path, fraction) if path else False

    def reveal(self, path: str, fraction: float | None = None) -> bool:
        """Scroll as little as needed so the lines of ``path`` are visible; True when the
        page has such lines. A field taller than the view shows its line at ``fraction``."""
        found = self.canvas.items_of(path)
        if not found:
            return False
        rects = [self.canvas.item_rect(n, item) for n, item in found]
        if fraction is not None:
            target = rects[min(len(rects) - 1, max(0, int(fraction * len(rects))))]
        else:
            first_page = found[0][0]
            target = QRectF(rects[0])
            for (n, _item), rect in zip(found, rects, strict=True):
                if n == first_page:
                    target = target.united(rect)
        self._scroll_to(target)
        return True

    def _scroll_to(self, rect: QRectF) -> None:
        viewport = self.scroll.viewport()
        for bar, start, end, room in (
            (self.scroll.verticalScrollBar(), rect.top(), rect.bottom(), viewport.height()),
            (self.scroll.horizontalScrollBar(), rect.left(), rect.right(), viewport.width()),
        ):
            margin = min(FOLLOW_MARGIN_PX, max(0, (room - (end - start)) / 2))
            low, high = start - margin, end + margin
            if low < bar.value():
                bar.setValue(int(low))
            elif high > bar.value() + room:
                bar.setValue(int(min(low, high - room)))

    def visible_rect(self) -> QRectF:
        """The part of the canvas the clerk sees, in the canvas's pixels."""
        viewport = self.scroll.viewport()
        return QRectF(self.scroll.horizontalScrollBar().value(),
                      self.scroll.verticalScrollBar().value(),
                      viewport.width(), viewport.height())

    def _update_label(self) -> None:
        count = len(self.pages) if self.pages is not None else 0
        self.page_label.setText(tr("{n} หน้า", n=count) if count else "")

    # --- zoom ---

    def set_zoom(self, zoom: str | int) -> None:
        """"fit-width", "fit-page" or a percentage between 50 and 200."""
        if isinstance(zoom, str) and zoom not in ("fit-width", "fit-page"):
            try:
                zoom = int(zoom)
            except ValueError:
                zoom = "fit-width"
        if isinstance(zoom, int):
            zoom = max(50, min(200, zoom))
        self.zoom = zoom
        index = self.zoom_box.findData(zoom)
        if index >= 0:
            self.zoom_box.setCurrentIndex(index)
        self._apply_zoom()

    def step_zoom(self, direction: int) -> None:
        current = self.current_percent()
        steps = list(ZOOM_STEPS)
        if direction > 0:
            target = next((s for s in steps if s > current + 1), steps[-1])
        else:
            target = next((s for s in reversed(steps) if s < current - 1), steps[0])
        self.set_zoom(target)

    def current_percent(self) -> float:
        return self.canvas.px_per_cm / self._px_per_cm_at_100() * 100

    def _px_per_cm_at_100(self) -> float:
        return self.logicalDpiX() / 2.54

    def _apply_zoom(self) -> None:
        pages = self.canvas.page_list()
        page_w = max((p.width for p in pages), default=21.0)
        page_h = max((p.height for p in pages), default=29.7)
        viewport = self.scroll.viewport().size()
        if self.zoom == "fit-width":
            scale = (viewport.width() - 2 * PAGE_GAP_PX) / page_w
        elif self.zoom == "fit-page":
            scale = min((viewport.width() - 2 * PAGE_GAP_PX) / page_w,
                        (viewport.height() - 2 * PAGE_GAP_PX) / page_h)
        else:
            scale = self._px_per_cm_at_100() * int(self.zoom) / 100
        self.canvas.set_scale(max(4.0, scale))
        self.canvas.fit_size()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._apply_zoom()

    def shutdown(self) -> None:
        self._timer.stop()
        self.typesetter.shutdown()
