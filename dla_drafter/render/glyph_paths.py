"""Glyph outlines as PDF path operators, for the PDF's visible layer (see ``render.pdf``).

Outlines come from the same font data HarfBuzz shaped with (including the size scaling of the
bundled Sarabun), converted once per glyph per process.
"""

from __future__ import annotations

import io
import threading

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

from ..typeset.fonts import FontFace


class _PdfPen(BasePen):
    def __init__(self, glyph_set) -> None:
        super().__init__(glyph_set)
        self.ops: list[str] = []
        self._last = (0.0, 0.0)

    def _moveTo(self, pt):  # noqa: N802 — fontTools' pen protocol
        self.ops.append(f"{pt[0]:g} {pt[1]:g} m")
        self._last = pt

    def _lineTo(self, pt):  # noqa: N802
        self.ops.append(f"{pt[0]:g} {pt[1]:g} l")
        self._last = pt

    def _curveToOne(self, p1, p2, p3):  # noqa: N802
        self.ops.append(f"{p1[0]:g} {p1[1]:g} {p2[0]:g} {p2[1]:g} {p3[0]:g} {p3[1]:g} c")
        self._last = p3

    def _qCurveToOne(self, p1, p2):  # noqa: N802
        # a quadratic Bézier is the cubic with control points 2/3 of the way to p1
        p0 = self._last
        c1 = (p0[0] + 2 / 3 * (p1[0] - p0[0]), p0[1] + 2 / 3 * (p1[1] - p0[1]))
        c2 = (p2[0] + 2 / 3 * (p1[0] - p2[0]), p2[1] + 2 / 3 * (p1[1] - p2[1]))
        self._curveToOne((round(c1[0], 2), round(c1[1], 2)),
                         (round(c2[0], 2), round(c2[1], 2)), p2)

    def _closePath(self):  # noqa: N802
        self.ops.append("h")


_sets: dict[str, tuple[object, list[str], tuple[int, int, int, int]]] = {}
_outlines: dict[tuple[str, int], tuple[bytes, tuple[int, int, int, int]] | None] = {}
_lock = threading.Lock()


def glyph_outline(face: FontFace, gid: int) -> tuple[bytes, tuple[int, int, int, int]] | None:
    """(path operators ending in a fill, bounding box) in font units; None for a glyph with
    no ink (a space)."""
    key = (str(face.path), gid)
    with _lock:
        if key in _outlines:
            return _outlines[key]
        if key[0] not in _sets:
            font = TTFont(io.BytesIO(face.data), lazy=True)
            head = font["head"]
            _sets[key[0]] = (font.getGlyphSet(), font.getGlyphOrder(),
                             (head.xMin, head.yMin, head.xMax, head.yMax))
        glyph_set, order, bbox = _sets[key[0]]
        if gid >= len(order):
            _outlines[key] = None
            return None
        pen = _PdfPen(glyph_set)
        glyph_set[order[gid]].draw(pen)  # type: ignore[index]
        result = ((" ".join(pen.ops) + " f").encode("ascii"), bbox) if pen.ops else None
        _outlines[key] = result
        return result
