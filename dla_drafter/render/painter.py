"""The Qt back end: paints Pages on any QPainter — the preview widget, a printer, an image.

It draws exactly the glyphs at exactly the positions that ``typeset.fonts.position_glyphs``
gives (the PDF writer calls the same function), through ``QRawFont`` + ``QGlyphRun``. Qt's own
text layout is never asked to break or shape the text, so the screen, the printout and the PDF
cannot drift apart.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGlyphRun, QPainter, QPainterPath, QPen, QRawFont

from ..settings import RenderSettings
from ..typeset.fonts import PT_PER_CM, FontFace, fonts_for, position_glyphs
from ..typeset.pages import (
    ImageBox,
    Item,
    Marker,
    Page,
    Pages,
    QRBox,
    Rule,
    TextLine,
    Watermark,
    item_bounds,
)
from ..typeset.watermark import marker_label_origin
from .emblem import EmblemError, emblem_image

_raw_fonts: dict[tuple[str, int], QRawFont] = {}
_raw_lock = threading.Lock()


def _raw_font(face: FontFace, pixel_size: float) -> QRawFont:
    # cache per quarter pixel: zooming creates few sizes, and QRawFont is cheap to keep
    key = (str(face.path), round(pixel_size * 4))
    with _raw_lock:
        raw = _raw_fonts.get(key)
        if raw is None:
            raw = QRawFont(QByteArray(face.data), key[1] / 4,
                           QFont.HintingPreference.PreferNoHinting)
            _raw_fonts[key] = raw
        return raw


#: (face, size factor, text, size, scale, spacing) → its glyph run (None: nothing to draw).
#: A keystroke repaints a whole page, but only the lines of the paragraph typed in are new:
#: the others' runs were most of a page's paint (issue 15 item 6). Bounded.
_runs: OrderedDict[tuple, QGlyphRun | None] = OrderedDict()
_RUNS_LIMIT = 2048


def _glyph_run(face: FontFace, text: str, size_pt: float, scale: float,
               letter_spacing_cm: float = 0.0) -> QGlyphRun | None:
    key = (str(face.path), face.size_factor, text, size_pt, scale, letter_spacing_cm)
    with _raw_lock:
        if key in _runs:
            _runs.move_to_end(key)
            return _runs[key]
    glyphs = position_glyphs(face, text, size_pt, letter_spacing_cm)
    run = None
    if glyphs:
        run = QGlyphRun()
        run.setRawFont(_raw_font(face, size_pt / PT_PER_CM * scale))
        run.setGlyphIndexes([g.gid for g in glyphs])
        run.setPositions([QPointF(g.x * scale, -g.y * scale) for g in glyphs])
    with _raw_lock:
        _runs[key] = run
        if len(_runs) > _RUNS_LIMIT:
            _runs.popitem(last=False)
    return run


def _outline_path(face: FontFace, text: str, size_pt: float, scale: float) -> QPainterPath:
    """The glyphs of ``text`` as one path, origin at the baseline's start (device units).

    For the large watermark: Qt's raster engine draws nothing for a ``QGlyphRun`` of a raw
    font past ~100 px (measured: 16 pt draws, 100 pt and more draw no pixel), so it is filled
    as outlines, which also is what the PDF paints."""
    raw = _raw_font(face, size_pt / PT_PER_CM * scale)
    path = QPainterPath()
    for g in position_glyphs(face, text, size_pt):
        path.addPath(raw.pathForGlyph(g.gid).translated(g.x * scale, -g.y * scale))
    return path


def _paint_watermark(painter: QPainter, mark: Watermark, fonts, scale: float, ox: float,
                     oy: float) -> None:
    """As ``render.pdf`` draws it: rotated anticlockwise about the centre, ink centred."""
    painter.save()
    painter.translate(ox + mark.cx * scale, oy + mark.cy * scale)
    painter.rotate(-mark.angle_deg)  # Qt's y runs down: a negative angle turns anticlockwise
    painter.translate(-mark.width_cm / 2 * scale, mark.baseline_cm * scale)
    painter.fillPath(_outline_path(fonts.face(True), mark.text, mark.size_pt, scale),
                     QColor(mark.color))
    painter.restore()


def _paint_marker(painter: QPainter, marker: Marker, fonts, scale: float, ox: float,
                  oy: float) -> None:
    colour = QColor(marker.color)
    painter.setPen(QPen(colour, 0.8 / PT_PER_CM * scale))
    painter.setBrush(Qt.GlobalColor.white)
    radius = marker.diameter / 2 * scale
    painter.drawEllipse(QPointF(ox + marker.x * scale, oy + marker.y * scale), radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y, label = marker_label_origin(marker, fonts)
    run = _glyph_run(fonts.face(True), label, marker.size_pt, scale)
    if run is not None:
        painter.setPen(colour)
        painter.drawGlyphRun(QPointF(ox + x * scale, oy + y * scale), run)


def paint_page(painter: QPainter, page: Page, settings: RenderSettings | None,
               target: QRectF) -> None:
    """Paint ``page`` (white paper included) scaled into ``target`` (device coordinates)."""
    settings = settings or RenderSettings()
    fonts = fonts_for(settings)
    scale = target.width() / page.width  # device units per cm
    ox, oy = target.left(), target.top()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.fillRect(target, Qt.GlobalColor.white)
    if page.watermark is not None:  # first: behind the letter's ink, as in the PDF
        _paint_watermark(painter, page.watermark, fonts, scale, ox, oy)
    for item in page.items:
        if isinstance(item, TextLine):
            run = _glyph_run(fonts.face(item.bold), item.text, item.size_pt, scale,
                             item.letter_spacing_cm)
            if run is None:
                continue
            painter.setPen(QColor(item.color))
            painter.drawGlyphRun(QPointF(ox + item.x * scale, oy + item.y * scale), run)
        elif isinstance(item, ImageBox):
            rect = QRectF(ox + item.x * scale, oy + item.y * scale, item.width * scale,
                          item.height * scale)
            try:
                image = emblem_image(settings, max(8, round(rect.height())))
            except EmblemError:
                painter.setPen(QPen(QColor("#C00000"), max(1.0, scale * 0.02)))
                painter.drawRect(rect)
                continue
            painter.drawImage(rect, image)
        elif isinstance(item, QRBox):
            n = len(item.modules)
            cell = item.size * scale / n
            for r, row in enumerate(item.modules):
                for c, dark in enumerate(row):
                    if dark:
                        painter.fillRect(QRectF(ox + item.x * scale + c * cell,
                                                oy + item.y * scale + r * cell,
                                                cell + 0.01, cell + 0.01),
                                         Qt.GlobalColor.black)
        elif isinstance(item, Rule):
            pen = QPen(QColor(item.color), item.width_pt / PT_PER_CM * scale)
            if item.dotted:
                pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(ox + item.x1 * scale, oy + item.y1 * scale),
                             QPointF(ox + item.x2 * scale, oy + item.y2 * scale))
    for marker in page.markers:
        _paint_marker(painter, marker, fonts, scale, ox, oy)
    painter.restore()


def item_at(page: Page, x_cm: float, y_cm: float) -> Item | None:
    """The item under a point of the page (the one with a field source, preferably)."""
    hits = [item for item in page.items
            if (b := item_bounds(item))[0] <= x_cm <= b[2] and b[1] <= y_cm <= b[3]]
    with_source = [h for h in hits if getattr(h, "source", None)]
    return (with_source or hits or [None])[0]


def print_pages(pages: Pages, printer, settings: RenderSettings | None = None) -> None:
    """Paint every page on a QPrinter (or QPdfWriter) at true scale: the printer must be set
    to A4 with ``setFullPage(True)`` so the painter's origin is the paper's corner."""
    from PySide6.QtGui import QPageLayout

    painter = QPainter(printer)
    try:
        resolution = printer.resolution()
        for n, page in enumerate(pages.pages):
            if n:
                printer.newPage()
            px_per_cm = resolution / 2.54
            target = QRectF(0, 0, page.width * px_per_cm, page.height * px_per_cm)
            if printer.pageLayout().mode() != QPageLayout.Mode.FullPageMode:
                margins = printer.pageLayout().marginsPixels(resolution)
                target.translate(-margins.left(), -margins.top())
            paint_page(painter, page, settings, target)
    finally:
        painter.end()
