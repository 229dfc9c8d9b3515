"""The Qt painter keeps each line's glyph run: a keystroke repaints a whole page, and only
the lines of the paragraph typed in are new (issue 15 item 6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from dla_drafter.model.draftio import load_draft
from dla_drafter.pipeline import typeset_letter
from dla_drafter.render import painter
from dla_drafter.settings import RenderSettings
from dla_drafter.typeset.fonts import fonts_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SETTINGS = RenderSettings(use_system_th_sarabun=False)


def _paint(page) -> QImage:  # noqa: ANN001
    image = QImage(595, 842, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    qp = QPainter(image)
    painter.paint_page(qp, page, SETTINGS, QRectF(0, 0, 595, 842))
    qp.end()
    return image


def test_a_page_painted_from_kept_runs_is_the_same_picture(qapp) -> None:  # noqa: ANN001
    page = typeset_letter(load_draft(EXAMPLES / "memo-2569.dladraft.json"), SETTINGS).pages[0]
    painter._runs.clear()
    fresh = _paint(page)
    kept = len(painter._runs)
    assert kept > 10  # a run per line
    again = _paint(page)
    assert len(painter._runs) == kept  # nothing new was built
    assert again == fresh


def test_a_run_is_kept_per_text_size_scale_and_spacing(qapp) -> None:  # noqa: ANN001
    face = fonts_for(SETTINGS).face(False)
    run = painter._glyph_run(face, "ที่ประชุม", 16.0, 2.0)
    assert painter._glyph_run(face, "ที่ประชุม", 16.0, 2.0) is run
    others = [painter._glyph_run(face, "ที่ประชุมใหญ่", 16.0, 2.0),
              painter._glyph_run(face, "ที่ประชุม", 18.0, 2.0),
              painter._glyph_run(face, "ที่ประชุม", 16.0, 3.0),
              painter._glyph_run(face, "ที่ประชุม", 16.0, 2.0, 0.05)]
    assert all(other is not run for other in others)
    spaced = others[-1].positions()
    plain = run.positions()
    assert spaced[-1].x() > plain[-1].x()  # the spacing moved the last cluster right
    assert painter._glyph_run(face, "", 16.0, 2.0) is None
    for n in range(painter._RUNS_LIMIT + 10):  # bounded
        painter._glyph_run(face, f"บรรทัด {n}", 16.0, 2.0)
    assert len(painter._runs) == painter._RUNS_LIMIT
