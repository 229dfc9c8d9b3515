"""Turn the bundled ครุฑ (``resources/emblem/garuda.svg``) into the data the writers read
without Qt, and write them next to it:

* ``garuda.paths.json`` — the drawing as PDF path operators (what ``render/pdf.py`` paints:
  a vector ครุฑ, sharp at any size and smaller than the 600 dpi mask it replaces);
* ``garuda.png`` — the drawing rendered by QtSvg at 3 cm tall, 600 dpi (what the DOCX
  writer puts in Word files, exactly as it did when it rendered the SVG itself).

    QT_QPA_PLATFORM=offscreen uv run python scripts/build_emblem.py

Run it after changing ``garuda.svg`` (``scripts/render_emblem_preview.py --generate``) and
commit the outputs; ``tests/render/test_emblem_without_qt.py`` fails while they are stale.

The SVG is the one ``render_emblem_preview.py`` writes: SVG Tiny paths of straight segments
(``M m L l H h V v Z z``) with an optional ``matrix(…)`` transform, one fill colour. Each
distinct ``d`` becomes one entry of ``paths`` (operators in the SVG's own units, y down); a
``draw`` entry paints a path through a matrix, so the mirrored half is stored once.

Every outline is simplified (Douglas–Peucker, ``TOLERANCE`` units) and its points rounded to
0.1 unit: the ครุฑ then moves by at most 0.1 unit, 0.014 mm at its 3 cm — a third of a
600 dpi printer's dot — and its paths take 7 KB of a letter instead of 10 KB.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EMBLEM_DIR = ROOT / "resources" / "emblem"
SVG = EMBLEM_DIR / "garuda.svg"
PATHS_JSON = EMBLEM_DIR / "garuda.paths.json"
PNG = EMBLEM_DIR / "garuda.png"
PNG_HEIGHT_PX = round(3.0 / 2.54 * 600)  # the DOCX writer's size: 3 cm at 600 dpi
NS = "{http://www.w3.org/2000/svg}"

#: How far (SVG units) a simplified outline may stray from the drawing's.
TOLERANCE = 0.05

_TOKEN = re.compile(r"[MmLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_MATRIX = re.compile(r"matrix\(([^)]*)\)")


def _n(v: float) -> str:
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


Point = tuple[float, float]


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on an open run of points (both ends kept)."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    far, at = -1.0, 0
    for k in range(1, len(points) - 1):
        px, py = points[k]
        d = (abs(dy * (px - x1) - dx * (py - y1)) / length if length
             else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5)
        if d > far:
            far, at = d, k
    if far <= tolerance:
        return [points[0], points[-1]]
    return _simplify(points[:at + 1], tolerance)[:-1] + _simplify(points[at:], tolerance)


def _simplify_closed(points: list[Point], tolerance: float) -> list[Point]:
    """A closed outline simplified, cut at the point farthest from its first."""
    if len(points) < 4:
        return points
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda k: (points[k][0] - x0) ** 2
              + (points[k][1] - y0) ** 2)
    first = _simplify(points[:far + 1], tolerance)
    second = _simplify(points[far:] + [points[0]], tolerance)
    return first[:-1] + second[:-1]


def _outline_ops(outlines: list[list[Point]]) -> str:
    ops = []
    for points in outlines:
        points = _simplify_closed(points, TOLERANCE)
        ops.append(f"{_n(points[0][0])} {_n(points[0][1])} m")
        ops.extend(f"{_n(x)} {_n(y)} l" for x, y in points[1:])
        ops.append("h")
    return " ".join(ops)


def path_operators(d: str) -> str:
    """PDF path construction operators (``m l h``) for an SVG path of straight segments,
    each closed outline simplified (see ``TOLERANCE``)."""
    tokens = _TOKEN.findall(d)
    outlines: list[list[Point]] = []
    x = y = start_x = start_y = 0.0
    command = ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.isalpha():
            command = tok
            i += 1
            if command in "Zz":
                x, y = start_x, start_y
            continue
        if command in "HhVv":
            v = float(tok)
            i += 1
            if command == "H":
                x = v
            elif command == "h":
                x += v
            elif command == "V":
                y = v
            else:
                y += v
            outlines[-1].append((x, y))
            continue
        if command not in "MmLl" or i + 1 >= len(tokens):
            raise ValueError(f"unsupported SVG path command {command!r} (only straight lines)")
        a, b = float(tok), float(tokens[i + 1])
        i += 2
        if command in "Mm":
            x, y = (x + a, y + b) if command == "m" and outlines else (a, b)
            start_x, start_y = x, y
            outlines.append([(x, y)])
            command = "l" if command == "m" else "L"  # later pairs are line-tos
        else:
            x, y = (x + a, y + b) if command == "l" else (a, b)
            outlines[-1].append((x, y))
    if not outlines:
        raise ValueError("path data without outlines")
    return _outline_ops(outlines)


def _matrix(transform: str | None) -> list[float]:
    if not transform:
        return [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    m = _MATRIX.fullmatch(transform.strip())
    if m is None:
        raise ValueError(f"unsupported transform {transform!r} (only matrix(…))")
    values = [float(v) for v in re.split(r"[\s,]+", m.group(1).strip())]
    if len(values) != 6:
        raise ValueError(f"a matrix needs 6 numbers: {transform!r}")
    return values


def emblem_paths(svg_text: str) -> dict:
    """The JSON document ``render/emblem_vector.py`` reads, made from the SVG's text."""
    root = ET.fromstring(svg_text)
    box = [float(v) for v in re.split(r"[\s,]+", root.attrib["viewBox"].strip())]
    paths: list[str] = []
    draw: list[list] = []
    fill_rule = "nonzero"
    for element in root.iter(f"{NS}path"):
        group_rule = next((g.attrib.get("fill-rule") for g in root.iter(f"{NS}g")
                           if element in list(g)), None)
        fill_rule = element.attrib.get("fill-rule", group_rule or fill_rule)
        ops = path_operators(element.attrib["d"])
        if ops not in paths:
            paths.append(ops)
        draw.append([paths.index(ops), _matrix(element.attrib.get("transform"))])
    return {
        "comment": "Made by scripts/build_emblem.py from garuda.svg; do not edit by hand.",
        "source_sha256": hashlib.sha256(svg_text.encode("utf-8")).hexdigest(),
        "viewbox": box,
        "fill_rule": fill_rule,
        "paths": paths,
        "draw": draw,
    }


def render_png(svg: Path, height_px: int) -> bytes:
    """The SVG rendered by QtSvg (antialiased, transparent background) as PNG bytes."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"QtSvg cannot read {svg}")
    size = renderer.defaultSize()
    width = round(height_px * size.width() / size.height())
    image = QImage(QSize(width, height_px), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height_px))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    text = SVG.read_text(encoding="utf-8")
    PATHS_JSON.write_text(json.dumps(emblem_paths(text), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    PNG.write_bytes(render_png(SVG, PNG_HEIGHT_PX))
    print(f"wrote {PATHS_JSON.relative_to(ROOT)} and {PNG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
