"""Glyph outlines as PDF path operators, for the PDF's visible layer (see ``render.pdf``).

HarfBuzz draws the outline from the same font data it shaped with (including the size scaling
of the bundled Sarabun); each glyph is converted, and compressed, once per process.
Coordinates are whole font units: one unit of the bundled Sarabun at 16 pt is 0.004 mm, far
below any printer's dot, and whole numbers make the outlines a quarter smaller.
"""

from __future__ import annotations

import threading
import zlib

from ..typeset.fonts import FontFace


def _n(v: float) -> str:
    return str(round(v))


class _PdfPen:
    """HarfBuzz's pen protocol (single-segment quadratic and cubic curves) → PDF operators."""

    def __init__(self) -> None:
        self.ops: list[str] = []
        self.last = (0.0, 0.0)

    def moveTo(self, p):  # noqa: N802 — the pen protocol's names
        self.ops.append(f"{_n(p[0])} {_n(p[1])} m")
        self.last = p

    def lineTo(self, p):  # noqa: N802
        self.ops.append(f"{_n(p[0])} {_n(p[1])} l")
        self.last = p

    def curveTo(self, c1, c2, p):  # noqa: N802
        self.ops.append(f"{_n(c1[0])} {_n(c1[1])} {_n(c2[0])} {_n(c2[1])} {_n(p[0])} {_n(p[1])} c")
        self.last = p

    def qCurveTo(self, c, p):  # noqa: N802
        # a quadratic Bézier is the cubic whose control points lie 2/3 of the way to c
        p0 = self.last
        c1 = (p0[0] + 2 / 3 * (c[0] - p0[0]), p0[1] + 2 / 3 * (c[1] - p0[1]))
        c2 = (p[0] + 2 / 3 * (c[0] - p[0]), p[1] + 2 / 3 * (c[1] - p[1]))
        self.curveTo(c1, c2, p)

    def closePath(self):  # noqa: N802
        self.ops.append("h")


_outlines: dict[tuple[str, int], bytes | None] = {}
_compressed: dict[tuple[str, int], bytes | None] = {}
_lock = threading.Lock()


def glyph_outline(face: FontFace, gid: int) -> bytes | None:
    """Path operators ending in a fill, in font units; None for a glyph with no ink."""
    key = (str(face.path) + str(face.size_factor), gid)
    found = _outlines.get(key, False)
    if found is not False:
        return found  # type: ignore[return-value]
    with _lock:
        if key not in _outlines:
            pen = _PdfPen()
            face.hb_font.draw_glyph_with_pen(gid, pen)
            _outlines[key] = (" ".join(pen.ops) + " f").encode("ascii") if pen.ops else None
        return _outlines[key]


def compressed_outline(face: FontFace, gid: int) -> bytes | None:
    """``glyph_outline`` Flate-compressed (the stream data of the glyph's form XObject)."""
    key = (str(face.path) + str(face.size_factor), gid)
    found = _compressed.get(key, False)
    if found is not False:
        return found  # type: ignore[return-value]
    ops = glyph_outline(face, gid)
    packed = None if ops is None else zlib.compress(ops, 9)
    with _lock:
        _compressed[key] = packed
    return packed
