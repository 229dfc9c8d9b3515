"""The bundled resources: the ครุฑ emblem, the application icon and the default DLA profile."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EMBLEM = ROOT / "resources" / "emblem" / "garuda.svg"
ICON = ROOT / "resources" / "icons" / "app.svg"
PROFILE = ROOT / "resources" / "profiles" / "dla.json"
PREVIEW_SCRIPT = ROOT / "scripts" / "render_emblem_preview.py"


def render(path: Path, width: int, height: int) -> QImage:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), path
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def pixels(image: QImage) -> list[tuple[int, int, int, int]]:
    """(red, green, blue, alpha) row by row, not premultiplied."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    out = []
    for y in range(image.height()):
        row = data[y * stride : y * stride + 4 * image.width()]
        out.extend(tuple(row[i : i + 4]) for i in range(0, len(row), 4))
    return out


@pytest.fixture(scope="module")
def emblem_renderer(qapp) -> QSvgRenderer:
    renderer = QSvgRenderer(str(EMBLEM))
    assert renderer.isValid()
    return renderer


def test_emblem_is_valid_small_svg_tiny(emblem_renderer: QSvgRenderer) -> None:
    text = EMBLEM.read_text(encoding="utf-8")
    assert EMBLEM.stat().st_size < 60_000
    # what QtSvg (SVG Tiny 1.2) draws reliably: paths, groups, transforms, plain fills
    for feature in ("<filter", "<mask", "<style", "<image", "Gradient", "<text", "stroke"):
        assert feature not in text, feature
    assert not re.search(r"href=\"(?!#)", text), "no references to other files"
    assert emblem_renderer.viewBoxF().width() > 0


def test_emblem_aspect_ratio(emblem_renderer: QSvgRenderer) -> None:
    box = emblem_renderer.viewBoxF()
    size = emblem_renderer.defaultSize()
    assert 0.8 <= box.width() / box.height() <= 1.1
    assert abs(size.width() / size.height() - box.width() / box.height()) < 0.01


def test_emblem_is_left_right_symmetric(qapp) -> None:
    side = 300
    alpha = [p[3] for p in pixels(render(EMBLEM, side, side))]
    equal = inked = matched = 0
    for y in range(side):
        row = alpha[y * side : (y + 1) * side]
        for x in range(side // 2):
            a, b = row[x], row[side - 1 - x]
            same = abs(a - b) <= 8
            equal += same
            if a > 0 or b > 0:
                inked += 1
                matched += same
    assert equal / (side * side // 2) >= 0.97
    # and not only because most of the picture is empty
    assert matched / inked >= 0.97


def test_emblem_is_black_and_covers_its_box(qapp, emblem_renderer: QSvgRenderer) -> None:
    box = emblem_renderer.viewBoxF()
    height = 300
    width = round(height * box.width() / box.height())
    px = pixels(render(EMBLEM, width, height))
    opaque = [p for p in px if p[3] >= 200]
    assert opaque
    black = sum(1 for r, g, b, _ in opaque if max(r, g, b) <= 40)
    assert black / len(opaque) >= 0.99
    ink = sum(1 for p in px if p[3] >= 128) / len(px)
    assert 0.20 <= ink <= 0.70, ink


def test_emblem_fills_its_box(qapp) -> None:
    """The drawing reaches close to all four edges, so layout can size the box by it."""
    side = 200
    alpha = [p[3] for p in pixels(render(EMBLEM, side, side))]
    rows = [y for y in range(side) if any(alpha[y * side : (y + 1) * side])]
    cols = [x for x in range(side) if any(alpha[y * side + x] for y in range(side))]
    assert rows[0] <= 0.05 * side and rows[-1] >= 0.95 * side
    assert cols[0] <= 0.05 * side and cols[-1] >= 0.95 * side


def test_preview_script_writes_png(qapp, tmp_path: Path) -> None:
    out = tmp_path / "garuda.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, str(PREVIEW_SCRIPT), str(out)], check=True, env=env, timeout=120
    )
    image = QImage(str(out))
    assert not image.isNull()
    # 3 cm at 300 dpi, plus a white margin
    assert 354 <= image.height() <= 440


def test_app_icon_renders(qapp) -> None:
    px = pixels(render(ICON, 64, 64))
    opaque = sum(1 for p in px if p[3] >= 128)
    assert 0.2 * len(px) <= opaque <= 0.9 * len(px)
    assert "<filter" not in ICON.read_text(encoding="utf-8")


def test_default_profile() -> None:
    data = json.loads(PROFILE.read_text(encoding="utf-8"))
    assert data["format"] == "dla-drafter/profile@1"
    assert data["name"] == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert data["profile_name"]
    assert data["address"] == ["ถนนนครราชสีมา เขตดุสิต", "กทม. 10300"]
    assert data["number_code"] == "มท 0816"
    assert data["phone"] == "0 2241 9000"
    assert data["fax"] == "0 2241 9021"
    assert data["email"] == "saraban@dla.go.th"
    assert data["owner_unit"] == [
        "กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น",
        "กลุ่มงานส่งเสริมการจัดการศึกษาท้องถิ่น",
    ]
    assert data["signer"] == {"name": "", "position": ["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]}
    presets = data["signer_presets"]
    assert 2 <= len(presets) <= 3
    for preset in presets:
        assert isinstance(preset["name"], str)
        assert preset["position"] and all(isinstance(p, str) and p for p in preset["position"])
    assert any("ปฏิบัติราชการแทน" in " ".join(p["position"]) for p in presets)
    assert data["docx_font"] == "TH SarabunPSK"
    assert data["emblem_path"] is None
    assert data["digits"] == "thai"
