"""Which emblem file to use and its proportions, without Qt.

Typesetting needs the emblem's width to centre its box, and typesetting runs in worker
threads and in the command line where painting is not needed, so the proportions are read
from the file's header (SVG viewBox, PNG IHDR, JPEG SOF) rather than by rendering it.
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache
from pathlib import Path

from ..paths import resource
from ..settings import RenderSettings

BUNDLED_EMBLEM = ("emblem", "garuda.svg")
FALLBACK_ASPECT = 0.92


def emblem_file(settings: RenderSettings) -> Path:
    return Path(settings.emblem_path) if settings.emblem_path else resource(*BUNDLED_EMBLEM)


def _svg_aspect(data: bytes) -> float | None:
    head = data[:4000].decode("utf-8", "replace")
    m = re.search(r'viewBox\s*=\s*["\']\s*([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([\d.eE]+)[\s,]+'
                  r'([\d.eE]+)', head)
    if m and float(m.group(4)) > 0:
        return float(m.group(3)) / float(m.group(4))
    w = re.search(r'<svg[^>]*\swidth\s*=\s*["\']([\d.]+)', head)
    h = re.search(r'<svg[^>]*\sheight\s*=\s*["\']([\d.]+)', head)
    if w and h and float(h.group(1)) > 0:
        return float(w.group(1)) / float(h.group(1))
    return None


def _png_aspect(data: bytes) -> float | None:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        w, h = struct.unpack(">II", data[16:24])
        return w / h if h else None
    return None


def _jpeg_aspect(data: bytes) -> float | None:
    if data[:2] != b"\xff\xd8":
        return None
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w / h if h else None
        i += 2 + length
    return None


@lru_cache(maxsize=16)
def _aspect(path: str, mtime: float) -> float:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return FALLBACK_ASPECT
    for reader in (_svg_aspect, _png_aspect, _jpeg_aspect):
        try:
            value = reader(data)
        except (ValueError, struct.error):
            value = None
        if value:
            return value
    return FALLBACK_ASPECT


def image_aspect(path: Path) -> float:
    """Width divided by height of an SVG, PNG or JPEG file (a fallback when unreadable —
    the painter reports the unreadable file itself)."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return FALLBACK_ASPECT
    return _aspect(str(path), mtime)
