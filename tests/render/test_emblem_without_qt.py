"""``dla-drafter render`` draws the ครุฑ without Qt: the PDF paints the paths of
``resources/emblem/garuda.paths.json``, the DOCX takes ``garuda.png``, both made from
``garuda.svg`` by ``scripts/build_emblem.py`` and checked here to be current; an office's
PNG is decoded by ``render.raster``. The emblem still looks as QtSvg draws the SVG."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EMBLEM = ROOT / "resources" / "emblem"
EXAMPLE = ROOT / "examples" / "circular-2565-ipst.dladraft.json"


def _build_script():
    spec = importlib.util.spec_from_file_location("build_emblem",
                                                  ROOT / "scripts" / "build_emblem.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _modules_after(args: list[str]) -> tuple[subprocess.CompletedProcess, list[str]]:
    code = ("import sys\nfrom dla_drafter.cli import main\n"
            f"code = main({args!r})\n"
            "print('PYSIDE6', [m for m in sys.modules if m.startswith('PySide6')])\n"
            "sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            encoding="utf-8", cwd=ROOT)
    line = next(line for line in result.stdout.splitlines() if line.startswith("PYSIDE6"))
    return result, eval(line.split(" ", 1)[1])  # a printed list of names


def test_render_to_pdf_and_docx_imports_no_pyside6(tmp_path):
    pdf, docx = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    result, modules = _modules_after(["render", str(EXAMPLE), "-o", str(pdf), "-o", str(docx),
                                      "--bundled-font"])
    assert result.returncode == 0, result.stderr
    assert modules == []
    assert pdf.stat().st_size > 10_000 and docx.stat().st_size > 10_000


def test_an_office_png_emblem_needs_no_qt_either(tmp_path):
    from PIL import Image

    png = tmp_path / "office.png"
    Image.new("RGBA", (90, 100), (16, 64, 160, 255)).save(png)
    pdf, docx = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    result, modules = _modules_after(["render", str(EXAMPLE), "-o", str(pdf), "-o", str(docx),
                                      "--bundled-font", "--emblem", str(png)])
    assert result.returncode == 0, result.stderr
    assert modules == []
    import pymupdf

    with pymupdf.open(pdf) as doc:
        (image,) = doc[0].get_images(full=True)
        assert image[2:4] == (90, 100)
        pix = pymupdf.Pixmap(doc, image[0])
        assert pix.pixel(45, 50)[:3] == (16, 64, 160)


def test_the_paths_resource_is_made_from_the_svg():
    build = _build_script()
    committed = json.loads((EMBLEM / "garuda.paths.json").read_text(encoding="utf-8"))
    made = build.emblem_paths((EMBLEM / "garuda.svg").read_text(encoding="utf-8"))
    assert made == committed, "run scripts/build_emblem.py and commit its output"


def test_the_docx_png_is_the_svg_rendered_by_qtsvg(qapp):
    from PySide6.QtGui import QImage

    build = _build_script()
    fresh = QImage.fromData(build.render_png(EMBLEM / "garuda.svg", build.PNG_HEIGHT_PX))
    committed = QImage(str(EMBLEM / "garuda.png"))
    assert committed.height() == build.PNG_HEIGHT_PX
    assert fresh == committed.convertToFormat(fresh.format()), "run scripts/build_emblem.py"


def test_the_pdf_emblem_matches_what_qtsvg_draws(qapp, tmp_path):
    """The PDF's ครุฑ rendered by PDFium at 600 dpi against the SVG rendered by QtSvg onto
    the same pixels (what the PDF embedded before, as a mask). Two rasterisers never agree
    on every edge pixel — on the very same, unsimplified paths 1.6 % of the inked pixels
    differ — so: under 2.5 % differ, and every pixel that differs lies on an edge of the
    drawing (no feature moved, went missing or appeared)."""
    import math

    import pypdfium2 as pdfium
    from exporting import pdf as make_pdf
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from dla_drafter.model.draftio import load_draft
    from dla_drafter.settings import RenderSettings

    data, pages = make_pdf(load_draft(EXAMPLE), RenderSettings(use_system_th_sarabun=False))
    box = next(it for it in pages.pages[0].items if getattr(it, "name", "") == "emblem")
    dpi = 600
    scale, px = dpi / 72, dpi / 2.54
    # whole pixels of the page around the box, so both images share the page's pixel grid
    x0, y0 = math.floor(box.x * px), math.floor(box.y * px)
    x1, y1 = math.ceil((box.x + box.width) * px), math.ceil((box.y + box.height) * px)
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[0]
        page_w, page_h = page.get_size()
        bitmap = page.render(scale=scale, crop=(x0 / scale, page_h - y1 / scale,
                                                page_w - x1 / scale, y0 / scale))
        pil = bitmap.to_pil().convert("L")
    finally:
        doc.close()
    width, height = pil.size
    assert (width, height) == (x1 - x0, y1 - y0)
    pdf_ink = [v < 128 for v in pil.tobytes()]
    reference = QImage(width, height, QImage.Format.Format_ARGB32)
    reference.fill(Qt.GlobalColor.transparent)
    painter = QPainter(reference)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(EMBLEM / "garuda.svg")).render(painter, QRectF(
        box.x * px - x0, box.y * px - y0, box.width * px, box.height * px))
    painter.end()
    bits, stride = bytes(reference.constBits()), reference.bytesPerLine()
    svg_ink = [bits[y * stride + x * 4 + 3] >= 128 for y in range(height) for x in range(width)]
    inked = sum(svg_ink)
    assert inked > 0.3 * width * height  # a full emblem, not an empty box
    differ = [i for i, (a, b) in enumerate(zip(pdf_ink, svg_ink, strict=True)) if a != b]
    assert len(differ) / inked < 0.025, f"{len(differ)} of {inked} inked pixels differ"
    inside = []
    for i in differ:
        y, x = divmod(i, width)
        around = {svg_ink[yy * width + xx] for yy in range(max(0, y - 1), min(height, y + 2))
                  for xx in range(max(0, x - 1), min(width, x + 2))}
        if len(around) == 1:
            inside.append((x, y))
    assert not inside, f"{len(inside)} pixels differ away from any edge, e.g. {inside[:5]}"


def test_emblem_png_for_docx_without_qt_is_the_committed_png():
    from dla_drafter.render.emblem import emblem_png
    from dla_drafter.settings import RenderSettings

    data = emblem_png(RenderSettings(), 709)
    assert data == (EMBLEM / "garuda.png").read_bytes()


def test_an_office_png_goes_into_the_docx_as_it_is(tmp_path):
    from PIL import Image

    from dla_drafter.render.emblem import EmblemError, emblem_png
    from dla_drafter.settings import RenderSettings

    png = tmp_path / "office.png"
    Image.new("RGBA", (300, 320), (200, 0, 0, 255)).save(png)
    assert emblem_png(RenderSettings(emblem_path=png), 709) == png.read_bytes()
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(png.read_bytes()[:60] + b"\0" * 40)
    with pytest.raises(EmblemError) as info:
        emblem_png(RenderSettings(emblem_path=damaged), 709)
    assert "damaged.png" in info.value.message("en")


def test_an_office_jpeg_goes_into_the_pdf_as_it_is(tmp_path):
    from exporting import pdf as make_pdf
    from PIL import Image

    from dla_drafter.model.draftio import load_draft
    from dla_drafter.settings import RenderSettings

    jpeg = tmp_path / "office.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 130), (30, 90, 30)).save(buffer, "JPEG", quality=90)
    jpeg.write_bytes(buffer.getvalue())
    data, _pages = make_pdf(load_draft(EXAMPLE), RenderSettings(use_system_th_sarabun=False,
                                                                emblem_path=jpeg))
    import pymupdf

    with pymupdf.open(stream=data) as doc:
        (image,) = doc[0].get_images(full=True)
        assert doc.xref_get_key(image[0], "Filter") == ("name", "/DCTDecode")
        assert doc.xref_stream_raw(image[0]) == jpeg.read_bytes()
    from pdf_checks import assert_conforms

    assert_conforms(data)
