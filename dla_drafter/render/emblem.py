"""The ครุฑ: the bundled vector emblem, or the office's own image file from the settings.

Every back end asks here so that preview, PDF, print and DOCX show the same emblem.

Qt is imported only where it must be. The command line's PDF and DOCX need none for the
bundled emblem (the PDF paints its paths from ``garuda.paths.json``, the DOCX takes the
PNG rendered once by ``scripts/build_emblem.py``), nor for an office's PNG (decoded by
``render.raster``) or JPEG in the PDF (carried as it is). QtSvg still draws an office's own
SVG, and Qt converts an office JPEG into the PNG a DOCX takes; the window's preview and
print (``emblem_image``) paint with Qt anyway.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import resource
from ..problems import DrafterError, problem
from ..settings import RenderSettings
from .emblem_meta import BUNDLED_EMBLEM, emblem_file

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

BUNDLED_PATHS = ("emblem", "garuda.paths.json")
BUNDLED_PNG = ("emblem", "garuda.png")


class EmblemError(DrafterError, OSError):
    """The emblem file cannot be read. Also an OSError, so every export path that reports
    file problems reports this one too; the problem names the file."""

    def __init__(self, path: Path, missing: bool) -> None:
        if missing:
            found = problem("emblem-missing",
                            f"ไม่พบไฟล์ภาพตราครุฑ {path} ตรวจสอบการตั้งค่าหน่วยงาน",
                            f"emblem image file not found: {path}; check the agency profile")
        else:
            found = problem("emblem-unreadable",
                            f"อ่านไฟล์ภาพตราครุฑ {path} ไม่ได้ ใช้ไฟล์ SVG, PNG หรือ JPEG",
                            f"cannot read the emblem image {path}; use an SVG, PNG or JPEG")
        DrafterError.__init__(self, [found], path)
        self.filename = str(path)


# --- which file, read without Qt ----------------------------------------------------------

def is_bundled(settings: RenderSettings) -> bool:
    """Is the emblem the bundled drawing (no office file set, or the bundled SVG named)?"""
    path = emblem_file(settings)
    if settings.emblem_path is None:
        return True
    try:
        return path.resolve() == resource(*BUNDLED_EMBLEM).resolve()
    except OSError:
        return False


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError as exc:
        raise EmblemError(path, missing=True) from exc


def emblem_kind(path: Path) -> str:
    """``"svg"``, ``"png"`` or ``"jpeg"`` from the file's first bytes (the extension may
    lie: an office renames files), ``EmblemError`` for anything else."""
    _mtime(path)
    try:
        with path.open("rb") as f:
            head = f.read(512)
    except OSError as exc:
        raise EmblemError(path, missing=False) from exc
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"\xff\xd8"):
        return "jpeg"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) or \
            path.suffix.lower() == ".svg":
        return "svg"
    raise EmblemError(path, missing=False)


@dataclass(frozen=True)
class EmblemPaths:
    """The bundled drawing as PDF path operators in the SVG's units (y down): ``paths`` are
    painted through the matrices of ``draw`` (the mirrored half is stored once)."""

    width: float
    height: float
    even_odd: bool
    paths: tuple[str, ...]
    draw: tuple[tuple[int, tuple[float, ...]], ...]


@lru_cache(maxsize=1)
def bundled_paths() -> EmblemPaths:
    data = json.loads(resource(*BUNDLED_PATHS).read_text(encoding="utf-8"))
    x0, y0, w, h = data["viewbox"]
    return EmblemPaths(float(w), float(h), data["fill_rule"] == "evenodd",
                       tuple(data["paths"]),
                       tuple((int(i), tuple(float(v) for v in m)) for i, m in data["draw"]))


# --- pixels for the PDF, without Qt when it can be -------------------------------------

@dataclass(frozen=True)
class EmblemRaster:
    """An office emblem for the PDF: ``jpeg`` (the file's own bytes, with its size and
    components) or 8-bit ``rgb`` and ``alpha`` pixels."""

    width: int
    height: int
    rgb: bytes = b""
    alpha: bytes = b""
    jpeg: bytes = b""
    components: int = 3


def emblem_raster(settings: RenderSettings, height_px: int) -> EmblemRaster:
    """The office's emblem file as pixels for the PDF: a PNG decoded by ``render.raster``
    (its own resolution), a gray or RGB JPEG as it is; an SVG rendered by QtSvg and a CMYK
    JPEG converted by Qt, ``height_px`` tall."""
    from .raster import decode_png, jpeg_info

    path = emblem_file(settings)
    kind = emblem_kind(path)
    if kind in ("png", "jpeg"):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise EmblemError(path, missing=False) from exc
        try:
            if kind == "png":
                image = decode_png(data)
                return EmblemRaster(image.width, image.height, image.rgb, image.alpha)
            info = jpeg_info(data)
        except ValueError as exc:
            raise EmblemError(path, missing=False) from exc
        if info.components in (1, 3):
            return EmblemRaster(info.width, info.height, jpeg=data,
                                components=info.components)
    image = _qt_rgba(settings, height_px)  # an SVG, or a CMYK JPEG
    return image


def _qt_rgba(settings: RenderSettings, height_px: int) -> EmblemRaster:
    from PySide6.QtGui import QImage

    image = emblem_image(settings, height_px).convertToFormat(QImage.Format.Format_RGBA8888)
    w, h = image.width(), image.height()
    stride = image.bytesPerLine()
    bits = bytes(image.constBits())
    raw = b"".join(bits[y * stride:y * stride + 4 * w] for y in range(h))
    rgb = bytearray(w * h * 3)
    rgb[0::3], rgb[1::3], rgb[2::3] = raw[0::4], raw[1::4], raw[2::4]
    return EmblemRaster(w, h, bytes(rgb), raw[3::4])


# --- Qt: the window's preview and print; an office SVG --------------------------------

@lru_cache(maxsize=8)
def _render(path_str: str, mtime: float, height_px: int) -> QImage:
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from .qt_app import ensure_qt_app

    ensure_qt_app()
    path = Path(path_str)
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(path_str)
        if not renderer.isValid():
            raise EmblemError(path, missing=False)
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
        raise EmblemError(path, missing=False)
    return image.scaledToHeight(height_px, Qt.TransformationMode.SmoothTransformation)


def emblem_image(settings: RenderSettings, height_px: int) -> QImage:
    """The emblem as an ARGB image ``height_px`` tall (aspect ratio kept), drawn by Qt: for
    the window's preview and print, which paint with Qt anyway."""
    path = emblem_file(settings)
    return _render(str(path), _mtime(path), height_px)


# --- PNG for the DOCX ---------------------------------------------------------------------

def emblem_png(settings: RenderSettings, height_px: int) -> bytes:
    """PNG bytes of the emblem (for DOCX, which cannot take SVG through python-docx).

    Without Qt: the bundled ครุฑ at the DOCX writer's size is the PNG rendered once by
    ``scripts/build_emblem.py``; an office's PNG goes into the Word file as it is (checked
    first: Word shows it at the letter's size whatever its pixels). An office SVG or JPEG,
    or the bundled drawing at another size, is drawn by Qt."""
    from .raster import check_png, png_header

    if is_bundled(settings):
        data = resource(*BUNDLED_PNG).read_bytes()
        if png_header(data).height == height_px:
            return data
    else:
        path = emblem_file(settings)
        if emblem_kind(path) == "png":
            try:
                data = path.read_bytes()
                check_png(data)
            except (OSError, ValueError) as exc:
                raise EmblemError(path, missing=False) from exc
            return data
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = emblem_image(settings, height_px)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
