"""The "ร่าง" watermark: on every page of a letter not approved, behind the ink, never text."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from exporting import pdf

from dla_drafter import pipeline
from dla_drafter.app_settings import AppConfig
from dla_drafter.model.draftio import load_draft
from dla_drafter.review import actions, identity
from dla_drafter.settings import RenderSettings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ON = RenderSettings(use_system_th_sarabun=False, draft_watermark=True)
OFF = RenderSettings(use_system_th_sarabun=False)


@pytest.fixture
def own_folders(tmp_path, monkeypatch):
    """This process's user folders (and so its signing key), private to the test."""
    monkeypatch.delenv("DLA_DRAFTER_CONFIG_DIR", raising=False)
    monkeypatch.delenv("DLA_DRAFTER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def two_pages():
    letter = load_draft(EXAMPLES / "memo-2569.dladraft.json")
    letter.body = letter.body * 3  # long enough for a second page
    return letter


def _pdf(letter, settings, keyring=None) -> pypdfium2.PdfDocument:
    data, _pages = pdf(letter, settings, keyring)
    return pypdfium2.PdfDocument(data)


def _texts(pdf: pypdfium2.PdfDocument) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pdf]


def _centre_greys(page: pypdfium2.PdfPage) -> int:
    """Light-grey pixels (the watermark's #D0D0D0, not black text's anti-aliased edges
    which are mostly darker) in the middle third of the page, rendered at 50 dpi."""
    image = page.render(scale=50 / 72).to_pil().convert("L")
    w, h = image.size
    centre = image.crop((w // 3, h // 3, 2 * w // 3, 2 * h // 3))
    return sum(1 for v in centre.tobytes() if 195 <= v <= 220)


def test_every_page_of_an_unapproved_letter_carries_it(two_pages):
    with_mark, without = _pdf(two_pages, ON), _pdf(two_pages, OFF)
    assert len(with_mark) == len(without) >= 2
    for marked, plain in zip(with_mark, without, strict=True):
        # ร่าง across the centre fills thousands of pixels at 50 dpi; text alone, a few
        assert _centre_greys(marked) > 1500
        assert _centre_greys(marked) > 5 * _centre_greys(plain)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_text_layer_is_exactly_the_letters(two_pages, tmp_path):
    marked = _texts(_pdf(two_pages, ON))
    assert marked == _texts(_pdf(two_pages, OFF))
    assert not any("ร่าง" in text for text in marked)
    # poppler (Evince, Okular) reads the same: the watermark is no text there either
    outputs = []
    for name, settings in (("on", ON), ("off", OFF)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf(two_pages, settings)[0])
        outputs.append(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                      capture_output=True, text=True, check=True).stdout)
    assert outputs[0] == outputs[1]


def _approve_as_me(letter) -> None:
    """Sent for review, then approved by this PC's user under their own identity (an
    approval counts only with its history and under its approver's own name)."""
    identity.save_identity(identity.Identity("สมชาย ใจดี", "", "ผอ.กศ."))
    actions.send_for_review(letter, by="สมศรี")
    actions.approve_as(letter, identity.load_identity().reviewer(), identity.signing_key())


def test_absent_when_the_setting_is_off_or_the_letter_is_approved(two_pages, own_folders):
    off = _pdf(two_pages, OFF)
    assert all(_centre_greys(page) < 1500 for page in off)
    approved = copy.deepcopy(two_pages)
    _approve_as_me(approved)
    mine = AppConfig.load().keyring()  # the user's own key is trusted on their PC
    assert pipeline.print_state(approved, mine).approved
    assert not pipeline.print_state(approved).approved  # nobody's keys: not approved here
    pages = pipeline.typeset_letter(approved, ON, mine)
    assert all(page.watermark is None for page in pages.pages)
    assert all(_centre_greys(page) < 1500 for page in _pdf(approved, ON, mine))


def test_a_stale_approval_still_prints_it(two_pages, own_folders):
    """Edited after approval: what prints is not what was approved."""
    _approve_as_me(two_pages)
    two_pages.subject += " (แก้ไข)"
    mine = AppConfig.load().keyring()
    assert not pipeline.print_state(two_pages, mine).approved
    assert all(p.watermark is not None
               for p in pipeline.typeset_letter(two_pages, ON, mine).pages)


def test_the_preview_paints_it(two_pages, qapp):
    """The Qt painter (preview, print) draws the same grey across the centre."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from dla_drafter.render.painter import paint_page

    def greys(settings) -> int:
        page = pipeline.typeset_letter(two_pages, settings).pages[0]
        image = QImage(413, 584, QImage.Format.Format_Grayscale8)
        painter = QPainter(image)
        paint_page(painter, page, settings, QRectF(0, 0, 413, 584))
        painter.end()
        return sum(1 for y in range(195, 390) for x in range(138, 276)
                   if 195 <= image.pixelColor(x, y).red() <= 220)

    assert greys(ON) > 1500
    assert greys(ON) > 5 * greys(OFF)
