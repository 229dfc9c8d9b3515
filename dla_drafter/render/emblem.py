"""The ครุฑ: the bundled vector emblem, or the office's own image file from the settings.

Every back end asks here so that preview, PDF, print and DOCX show the same emblem. SVG files
are rendered by QtSvg; raster files (PNG, JPEG) are scaled with smooth filtering.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from ..settings import RenderSettings
from .emblem_meta import emblem_file
from .qt_app import ensure_qt_app


class EmblemError(Exception):
    """The emblem file cannot be read; the message names the file, in Thai and English."""


def emblem_path(settings: RenderSettings) -> Path:
    return emblem_file(settings)


@lru_cache(maxsize=8)
def _render(path_str: str, mtime: float, height_px: int) -> QImage:
    ensure_qt_app()
    path = Path(path_str)
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(path_str)
        if not renderer.isValid():
            raise EmblemError(
                f"อ่านไฟล์ตราครุฑไม่ได้: {path} / cannot read the emblem file: {path}"
            )
        size = renderer.defaultSize()
        ratio = size.width() / size.height() if size.height() else 1.0
        image = QImage(QSize(round(height_px * ratio), height_px), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
        return image
    image = QImage(path_str)
    if image.isNull():
        raise EmblemError(f"อ่านไฟล์ตราครุฑไม่ได้: {path} / cannot read the emblem file: {path}")
    return image.scaledToHeight(height_px, Qt.TransformationMode.SmoothTransformation)


def emblem_image(settings: RenderSettings, height_px: int) -> QImage:
    """The emblem as an ARGB image ``height_px`` tall (aspect ratio kept)."""
    path = emblem_path(settings)
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise EmblemError(
            f"ไม่พบไฟล์ตราครุฑ: {path} / emblem file not found: {path}"
        ) from exc
    return _render(str(path), mtime, height_px)


def emblem_png(settings: RenderSettings, height_px: int) -> bytes:
    """PNG bytes of the emblem (for DOCX, which cannot take SVG through python-docx)."""
    image = emblem_image(settings, height_px)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
