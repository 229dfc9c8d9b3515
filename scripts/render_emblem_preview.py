"""Draw the bundled ครุฑ emblem and render a preview of it.

    QT_QPA_PLATFORM=offscreen uv run python scripts/render_emblem_preview.py preview.png
    QT_QPA_PLATFORM=offscreen uv run python scripts/render_emblem_preview.py --generate preview.png

The first form renders ``resources/emblem/garuda.svg`` (or ``--svg FILE``) with QSvgRenderer at
3 cm tall, 300 dpi, onto white and writes a PNG. ``--generate`` first rebuilds the SVG from the
drawing below: the left half of the figure is built as filled areas with Qt's path set
operations (feathers, limbs, crown), details are cut out as thin transparent lines, and the SVG
draws that half twice, the second time mirrored with a transform.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

# PySide6 6.12 on Python 3.11 drops a reference to None on every call of a method that
# returns nothing; building the emblem makes thousands of such calls, so hold spare
# references (None is immortal from Python 3.12 on).
_NONE_GUARD = [None] * 2_000_000 if sys.version_info < (3, 12) else []

ROOT = Path(__file__).resolve().parent.parent
SVG_PATH = ROOT / "resources" / "emblem" / "garuda.svg"

W, H = 200.0, 210.0  # viewBox; the figure is symmetric about x = CX
CX = W / 2
S = 20.0  # geometry is built S times larger so Qt flattens curves finely
GAP = 1.5  # width of the transparent lines between parts (0.21 mm at 3 cm tall)
THIN = 1.3  # width of the finer transparent detail lines (0.19 mm at 3 cm tall)

Pt = tuple[float, float]


# --------------------------------------------------------------------------- geometry kit


def _p(x: float, y: float) -> QPointF:
    return QPointF(x * S, y * S)


def _path(points: Sequence[Pt], closed: bool) -> QPainterPath:
    # One polygon per path keeps the number of Qt calls small (see _NONE_GUARD).
    path = QPainterPath()
    path.addPolygon(QPolygonF([_p(x, y) for x, y in points]))
    if closed:
        path.closeSubpath()
    return path


def polygon(points: Sequence[Pt]) -> QPainterPath:
    return _path(points, closed=True)


def spline(points: Sequence[Pt], closed: bool = True, tension: float = 0.5) -> list[Pt]:
    """Points along a Catmull-Rom curve through ``points`` (cubic Béziers, sampled)."""
    n = len(points)
    out: list[Pt] = [points[0]]
    last = n if closed else n - 1
    k = tension / 3.0
    for i in range(last):
        p0 = points[(i - 1) % n] if (closed or i > 0) else points[i]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if (closed or i + 2 < n) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        for j in range(1, 17):
            t = j / 16
            u = 1 - t
            out.append(
                (
                    u**3 * p1[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * p2[0],
                    u**3 * p1[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * p2[1],
                )
            )
    return out


def smooth(points: Sequence[Pt], closed: bool = True, tension: float = 0.5) -> QPainterPath:
    """A closed (or open) smooth curve through ``points``."""
    return _path(spline(points, closed, tension), closed)


def ellipse(cx: float, cy: float, rx: float, ry: float) -> QPainterPath:
    steps = 64
    return polygon(
        [
            (cx + rx * math.cos(math.tau * i / steps), cy + ry * math.sin(math.tau * i / steps))
            for i in range(steps)
        ]
    )


def rect(x0: float, y0: float, x1: float, y1: float) -> QPainterPath:
    return polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


def outline(path: QPainterPath, width: float) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width * S)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return stroker.createStroke(path).simplified()


def line(points: Sequence[Pt], width: float, curved: bool = True) -> QPainterPath:
    """A round-capped band of ``width`` along an open curve."""
    centre = spline(points, closed=False) if curved and len(points) > 2 else points
    return outline(_path(centre, closed=False), width)


def union(*paths: QPainterPath) -> QPainterPath:
    result = QPainterPath()
    for path in paths:
        result = result.united(path)
    return result


def dilate(path: QPainterPath, amount: float) -> QPainterPath:
    return path.united(outline(path, 2 * amount))


def over(back: QPainterPath, front: QPainterPath, gap: float = GAP) -> QPainterPath:
    """``front`` laid over ``back`` with a transparent line of ``gap`` round its edge."""
    return back.subtracted(dilate(front, gap)).united(front)


def cut(shape: QPainterPath, points: Sequence[Pt], width: float = GAP) -> QPainterPath:
    """A transparent line along ``points`` through ``shape``."""
    return shape.subtracted(line(points, width))


def mirror_pts(points: Sequence[Pt]) -> list[Pt]:
    return [(2 * CX - x, y) for x, y in points]


def symmetric(left: Sequence[Pt]) -> list[Pt]:
    """A closed outline from its left half, listed from the top centre down to the bottom
    centre; the right half is added as the mirror image."""
    body = list(left)
    right = mirror_pts(body[::-1])
    if abs(body[0][0] - CX) < 1e-9:
        right = right[:-1]
    if abs(body[-1][0] - CX) < 1e-9:
        right = right[1:]
    return body + right


def polar(origin: Pt, angle_deg: float, r: float) -> Pt:
    a = math.radians(angle_deg)
    return origin[0] + r * math.cos(a), origin[1] - r * math.sin(a)


def limb(centre: Sequence[Pt], widths: Sequence[float]) -> QPainterPath:
    """A tapered band along a smooth centre line; ``widths`` per centre point."""
    n = len(centre)
    left: list[Pt] = []
    right: list[Pt] = []
    for i, (x, y) in enumerate(centre):
        a = centre[max(i - 1, 0)]
        b = centre[min(i + 1, n - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / d, dx / d
        half = widths[i] / 2
        left.append((x + nx * half, y + ny * half))
        right.append((x - nx * half, y - ny * half))
    return smooth(left + right[::-1])


def feather(
    base: Pt,
    angle: float,
    length: float,
    half_width: float,
    tip: float = 0.35,
    curl: float = 0.0,
    pointed: bool = False,
) -> QPainterPath:
    """One feather from ``base`` pointing at ``angle`` (degrees, counter-clockwise from +x,
    y up). The last ``tip`` part narrows to a round end, or to a point when ``pointed``;
    ``curl`` bends the tip sideways (positive: counter-clockwise)."""
    a = math.radians(angle)
    ux, uy = math.cos(a), -math.sin(a)
    vx, vy = -math.sin(a), -math.cos(a)  # the axis turned 90° counter-clockwise (y up)
    steps = 24
    left: list[Pt] = []
    right: list[Pt] = []
    t0 = 1.0 - tip
    for i in range(steps + 1):
        t = i / steps
        if t <= t0:
            w = half_width
        else:
            s = min((t - t0) / tip, 1.0)
            w = half_width * (1 - s * s) ** 0.5 if not pointed else half_width * (1 - s) ** 0.8
            w = max(w, 0.0)
        bend = curl * ((t - t0) / tip) ** 2 if t > t0 else 0.0
        u = t * length
        cxp = base[0] + ux * u + vx * bend
        cyp = base[1] + uy * u + vy * bend
        left.append((cxp + vx * w, cyp + vy * w))
        right.append((cxp - vx * w, cyp - vy * w))
    pts = left + right[::-1]
    return polygon(pts)


def fan(
    pivot: Pt,
    angles: Sequence[float],
    reach: Callable[[float], float],
    start: float,
    tip: float = 0.3,
    style: str = "round",
    curl: float = 0.0,
    gap: float = GAP,
    step: float | None = None,
    part_from: float | None = None,
) -> QPainterPath:
    """A row of wedge-shaped feathers radiating from ``pivot``, one per angle, each reaching
    ``reach(angle)`` and parted from its neighbours by transparent lines ``gap`` wide. The
    last ``tip`` part of each feather closes as a round (``"round"``) or pointed
    (``"point"``) end; ``curl`` (degrees) bends the tips counter-clockwise. With
    ``part_from`` the row is one solid piece and the parting lines only run from that
    fraction of the length out to the notches between the tips."""
    if step is None:
        step = abs(angles[1] - angles[0]) if len(angles) > 1 else 10.0
    half_angle = math.radians(step / 2)
    result = QPainterPath()
    for angle in angles:
        length = reach(angle)
        left: list[Pt] = []
        right: list[Pt] = []
        n = 40
        for i in range(n + 1):
            t = i / n
            r = start + (length - start) * t
            half = r * math.tan(half_angle)
            half = half + 0.05 if part_from is not None else max(half - gap / 2, 0.25)
            t0 = 1.0 - tip
            bend = 0.0
            if t > t0:
                q = min((t - t0) / tip, 1.0)
                if style == "round":
                    prof = math.sqrt(max(1.0 - q * q, 0.0))
                else:
                    prof = (1.0 - q**1.5) ** 0.9
                half *= prof
                bend = curl * q * q
            a = math.radians(angle + bend)
            cx, cy = pivot[0] + r * math.cos(a), pivot[1] - r * math.sin(a)
            nx, ny = -math.sin(a), -math.cos(a)
            left.append((cx + nx * half, cy + ny * half))
            right.append((cx - nx * half, cy - ny * half))
        result = result.united(polygon(left + right[::-1]))
    if part_from is not None:
        for a, b in zip(angles, angles[1:], strict=False):
            mid = (a + b) / 2
            r0 = start + (min(reach(a), reach(b)) - start) * part_from
            r1 = max(reach(a), reach(b)) + 1
            result = result.subtracted(line([polar(pivot, mid, r0), polar(pivot, mid, r1)], gap))
    return result


# --------------------------------------------------------------------------- the drawing


def superellipse_reach(
    origin: Pt, centre: Pt, rx: float, ry: float, n: float
) -> Callable[[float], float]:
    """Distance from ``origin`` along an angle to the outline |x/rx|^n + |y/ry|^n = 1."""

    def inside(x: float, y: float) -> bool:
        return abs((x - centre[0]) / rx) ** n + abs((y - centre[1]) / ry) ** n <= 1.0

    def reach(angle: float) -> float:
        lo, hi = 0.0, 2 * max(rx, ry)
        for _ in range(40):
            mid = (lo + hi) / 2
            if inside(*polar(origin, angle, mid)):
                lo = mid
            else:
                hi = mid
        return lo

    return reach


def spread(first: float, last: float, count: int) -> list[float]:
    return [first + (last - first) * i / (count - 1) for i in range(count)]


WING_TOP = 112.0  # angle of the topmost flight feather, degrees (90 = straight up)


def draw_left_half() -> QPainterPath:
    # Wings: rows of feathers fanning out from behind the shoulder, long pointed flight
    # feathers at the back, rounded rows over them, a solid scalloped root.
    pivot = (80.0, 96.0)
    reach = superellipse_reach(pivot, (CX, 103.0), 97.0, 95.0, 2.4)
    top = WING_TOP

    fig = fan(pivot, spread(top, 216, 15), reach, 12, tip=0.3, style="point", curl=-6)
    fig = over(
        fig,
        fan(pivot, spread(top + 2, 213, 12), lambda a: reach(a) * 0.76, 10, tip=0.4, part_from=0.5),
    )
    fig = over(
        fig,
        fan(pivot, spread(top + 6, 208, 9), lambda a: reach(a) * 0.55, 8, tip=0.5, part_from=0.45),
    )
    fig = over(
        fig,
        union(
            fan(
                pivot,
                spread(top + 18, 202, 6),
                lambda a: reach(a) * 0.36,
                0,
                tip=0.55,
                part_from=0.6,
            ),
            ellipse(pivot[0], pivot[1], 14, 14),
        ),
    )

    # Tail: long feathers fanning down behind the legs.
    tail_pivot = (CX, 124.0)
    tail_reach = superellipse_reach(tail_pivot, (CX, 150.0), 46.0, 58.0, 2.2)
    tail = fan(tail_pivot, spread(225, 270, 6), tail_reach, 6, tip=0.35, style="point", curl=5)
    tail = over(
        tail,
        fan(
            tail_pivot,
            spread(229, 270, 5),
            lambda a: tail_reach(a) * 0.64,
            0,
            tip=0.45,
            part_from=0.75,
        ),
    )
    fig = over(fig, tail)

    # Body: broad chest narrowing to the waist.
    torso = smooth(
        symmetric([(CX, 62), (88, 63), (80.5, 70), (80.5, 80), (84.5, 94), (87, 104), (CX, 106)])
    )
    fig = over(fig, torso)

    # Legs: cloth-wrapped hips; feathered thighs out to the knees with a fringe of feathers
    # underneath; scaled shins; feet with three talons in front and one behind.
    hips = smooth(
        symmetric([(CX, 105.5), (87, 105.5), (82.5, 112), (82, 119), (CX, 121)]), tension=0.4
    )
    fig = over(fig, hips)
    shin = limb([(66, 124), (65, 148), (66.5, 169)], [10, 8.5, 7.5])
    fig = over(fig, shin)
    thigh = union(
        limb([(88, 113), (77, 119), (66, 125)], [11, 13, 11.5]),
        feather((84, 116), 252, 13, 2.7, tip=0.6, pointed=True, curl=-6),
        feather((78.5, 119), 250, 14, 2.7, tip=0.6, pointed=True, curl=-6),
        feather((73, 122.5), 247, 13.5, 2.7, tip=0.6, pointed=True, curl=-6),
    )
    fig = over(fig, thigh)
    for y in (150, 158):
        fig = cut(fig, [(59, y + 1.5), (64.5, y - 0.3), (71, y + 1.5)], THIN)
    ankle = (66.5, 170.0)
    talons = union(
        feather((ankle[0] - 2, ankle[1]), 205, 15, 2.6, tip=0.55, pointed=True, curl=-4),
        feather((ankle[0] - 1, ankle[1] + 2), 243, 15, 2.6, tip=0.55, pointed=True, curl=-4),
        feather((ankle[0] + 1, ankle[1] + 2), 282, 14, 2.6, tip=0.55, pointed=True, curl=-4),
        feather((ankle[0] + 2, ankle[1]), 330, 9, 2.2, tip=0.6, pointed=True, curl=4),
        ellipse(ankle[0], ankle[1], 4.8, 4.2),
    )
    fig = over(fig, talons)

    # Front sash of the loincloth hanging between the legs.
    sash = smooth(
        symmetric([(CX, 118), (94.5, 119), (94, 134), (95.5, 144), (CX, 152)]), tension=0.4
    )
    fig = over(fig, sash)
    fig = cut(fig, [(94, 129), (CX, 131.5), (CX + 1, 131.5)], THIN)

    # Arms raised: upper arm out to the elbow, forearm up, open hand.
    arm = limb(
        [(86, 74), (73, 80), (62, 87), (58, 77), (57, 65), (57.5, 56)],
        [12, 11, 10, 9, 8, 7],
    )
    hand = union(
        smooth([(53.5, 57), (53, 49), (55.5, 44), (60, 45), (61.5, 51), (61, 57)]),
        feather((55.5, 46), 108, 10, 2.0, tip=0.5, curl=2.5),
        feather((53.8, 48.5), 136, 9, 1.9, tip=0.5, curl=2.5),
        feather((59.5, 47), 76, 8, 1.9, tip=0.5, curl=-2),
    )
    fig = over(fig, union(arm, hand))
    fig = cut(fig, [(71.5, 74.5), (74, 85.5)], THIN)
    fig = cut(fig, [(54, 61), (61, 61)], THIN)

    # Collar (กรองศอ) with pointed pendants over the chest.
    collar = union(
        smooth(symmetric([(CX, 59), (88.5, 59.5), (81.5, 66), (83, 71), (90, 72.5), (CX, 74)])),
        feather((84, 70), 262, 6.5, 2.4, tip=0.6, pointed=True),
        feather((91, 72), 266, 6.5, 2.4, tip=0.6, pointed=True),
        feather((CX, 73), 270, 8, 2.6, tip=0.6, pointed=True),
    )
    fig = over(fig, collar)

    # Face with eyes and a hooked beak.
    face = smooth(symmetric([(CX, 33), (90, 34), (87.5, 44), (88.5, 54), (93, 61), (CX, 64)]))
    fig = over(fig, face)
    fig = fig.subtracted(
        smooth([(89, 44), (92, 43.6), (96, 44.6), (97.2, 47), (93.5, 48), (90.5, 46.6)])
    )
    fig = fig.united(ellipse(93.8, 46, 1.25, 1.25))
    fig = cut(fig, [(88.5, 41.5), (92.5, 40.6), (97, 42)], THIN)
    beak = smooth(
        symmetric([(CX, 44), (97.2, 46), (95.5, 54), (95, 60), (97, 64), (CX, 68.5)]),
        tension=0.4,
    )
    fig = over(fig, beak, THIN)

    # Crown (ชฎา): a tapering spire of stacked rings over a band.
    crown = smooth(
        symmetric(
            [
                (CX, 1.5),
                (98.8, 9),
                (97.6, 15),
                (96.2, 20),
                (94.8, 25),
                (93.2, 29),
                (90.5, 33),
                (89.2, 38),
                (CX, 37),
            ]
        ),
        tension=0.3,
    )
    fig = over(fig, crown)
    for y, hw in ((31.5, 8.0), (26.5, 5.6), (21.5, 4.2), (16.5, 3.0), (11.5, 1.9)):
        fig = cut(fig, [(CX - hw - 2, y + 0.6), (CX - hw * 0.5, y - 0.2), (CX + 1, y - 0.6)], THIN)

    # Belt.
    fig = cut(fig, [(86, 110), (CX, 111.5), (CX + 1, 111.5)], 1.3)

    return fig.intersected(rect(-5, -5, CX + 0.4, H + 5))


# --------------------------------------------------------------------------- SVG output


def _rdp(points: list[Pt], tol: float) -> list[Pt]:
    if len(points) < 3:
        return points
    (x0, y0), (x1, y1) = points[0], points[-1]
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy)
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        dist = abs(dy * px - dx * py + x1 * y0 - y1 * x0) / d if d else math.hypot(px - x0, py - y0)
        if dist > best:
            best, index = dist, i
    if best <= tol:
        return [points[0], points[-1]]
    return _rdp(points[: index + 1], tol)[:-1] + _rdp(points[index:], tol)


def _fmt(v: float) -> str:
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    if text.startswith("0."):
        text = text[1:]
    elif text.startswith("-0."):
        text = "-" + text[2:]
    return text if text not in ("", "-") else "0"


def path_data(path: QPainterPath, tol: float = 0.04) -> str:
    parts: list[str] = []
    for poly in path.toSubpathPolygons():
        pts = [(p.x() / S, p.y() / S) for p in poly]
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts = pts[:-1]
        if len(pts) < 3:
            continue
        # split the ring at its farthest-apart points so RDP keeps the shape
        far = max(
            range(len(pts)),
            key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2,
        )
        ring = _rdp(pts[: far + 1], tol)[:-1] + _rdp(pts[far:] + [pts[0]], tol)[:-1]
        if len(ring) < 3:
            continue
        rounded = [(round(x, 2), round(y, 2)) for x, y in ring]
        seg = [f"M{_fmt(rounded[0][0])} {_fmt(rounded[0][1])}"]
        prev = rounded[0]
        rel: list[str] = []
        for x, y in rounded[1:]:
            dx, dy = round(x - prev[0], 2), round(y - prev[1], 2)
            rel.append(_fmt(dx) + ("" if dy < 0 else " ") + _fmt(dy))
            prev = (x, y)
        seg.append("l" + " ".join(rel).replace(" -", "-") + "z")
        parts.append("".join(seg))
    return "".join(parts)


def build_svg() -> str:
    d = path_data(draw_left_half())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny"\n'
        f'     width="{W:g}" height="{H:g}" viewBox="0 0 {W:g} {H:g}">\n'
        "  <title>Garuda emblem (original drawing for DLA Drafter, MIT licence)</title>\n"
        "  <!-- Generated by scripts/render_emblem_preview.py - edit the drawing there.\n"
        "       The left half is drawn once, then again mirrored about x = 100. -->\n"
        '  <g fill="#000000" fill-rule="evenodd">\n'
        f'    <path d="{d}"/>\n'
        f'    <path transform="matrix(-1 0 0 1 {2 * CX:g} 0)" d="{d}"/>\n'
        "  </g>\n"
        "</svg>\n"
    )


# --------------------------------------------------------------------------- preview


def render_preview(svg: Path, out: Path, height_cm: float = 3.0, dpi: int = 300) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"QSvgRenderer cannot read {svg}")
    size = renderer.defaultSize()
    height = round(height_cm / 2.54 * dpi)
    width = round(height * size.width() / size.height())
    margin = round(0.3 / 2.54 * dpi)
    image = QImage(width + 2 * margin, height + 2 * margin, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(margin, margin, width, height))
    painter.end()
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png", type=Path, help="where to write the preview PNG")
    parser.add_argument("--svg", type=Path, default=SVG_PATH, help="SVG file to render")
    parser.add_argument("--generate", action="store_true", help="rebuild the SVG first")
    parser.add_argument("--height-cm", type=float, default=3.0)
    parser.add_argument("--dpi", type=int, default=300)
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if args.generate:
        args.svg.parent.mkdir(parents=True, exist_ok=True)
        args.svg.write_text(build_svg(), encoding="utf-8")
        print(f"wrote {args.svg} ({args.svg.stat().st_size} bytes)")
    image = render_preview(args.svg, args.png, args.height_cm, args.dpi)
    print(f"wrote {args.png} ({image.width()}x{image.height()} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
