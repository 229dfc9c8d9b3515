"""The review PDF: each letter page followed by its open comments, markers at the lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
from exporting import pdf as make_pdf

from dla_drafter import pipeline
from dla_drafter.model.draftio import load_draft, save_draft
from dla_drafter.review import actions
from dla_drafter.settings import RenderSettings
from dla_drafter.typeset.pages import Pages, TextLine

ROOT = Path(__file__).resolve().parents[2]
MEMO = ROOT / "examples" / "memo-2569.dladraft.json"
SETTINGS = RenderSettings(use_system_th_sarabun=False)


def _lines(pages: Pages, part: str, index: int | None) -> list[tuple[int, TextLine]]:
    return [(n, it) for n, page in enumerate(pages.pages) for it in page.items
            if isinstance(it, TextLine) and it.source == (part, index) and it.text.strip()]


@pytest.fixture
def reviewed():
    """A two-page memo with comments on page 1 (one on the third line of a paragraph), on
    page 2, on a field that does not print, and a resolved one."""
    letter = load_draft(MEMO)
    letter.body = letter.body * 2
    plain = pipeline.typeset_letter(letter, SETTINGS)
    assert len(plain) >= 2
    page, third = _lines(plain, "body", 1)[2]
    assert page == 0
    quote = third.text[2:14]
    assert quote in letter.body[1] and letter.body[1].find(quote) > 0
    last = max(n for n, p in enumerate(letter.body) if _lines(plain, "body", n)[0][0] == 1)
    assert not [it for it in plain.lines() if it.source and it.source[0].startswith("qr")]
    ids = {
        "subject": actions.add_comment(letter, "subject", "โครงการ",
                                       "ชื่อโครงการให้ตรงกับที่อนุมัติงบประมาณ", "สมชาย ใจดี",
                                       "2026-12-02T02:15:00+00:00"),
        "third": actions.add_comment(letter, "body[1]", quote, "ขอให้ตรวจตัวเลขอีกครั้ง",
                                     "สมหญิง รักงาน", "2026-12-01T09:00:00+00:00"),
        "page2": actions.add_comment(letter, f"body[{last}]", letter.body[last][:8],
                                     "ย่อหน้านี้ซ้ำกับข้างบน", "สมชาย ใจดี"),
        "other": actions.add_comment(letter, "qr.url", "", "ใส่ลิงก์แบบสำรวจด้วย", "สมชาย ใจดี"),
        "resolved": actions.add_comment(letter, "body[0]", letter.body[0][:10],
                                        "เรื่องที่แก้แล้ว", "สมชาย ใจดี"),
    }
    actions.set_resolved(letter, ids["resolved"])
    actions.reply_to_comment(letter, ids["page2"], "ตัดออกแล้วค่ะ", "ธุรการ")
    return letter, plain, third, quote


def _texts(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in pdf]
    finally:
        pdf.close()


def test_each_page_is_followed_by_its_comments(reviewed):
    letter, plain, _third, quote = reviewed
    data, pages = make_pdf(letter, SETTINGS, review=True)
    texts = _texts(data)
    plain_texts = _texts(make_pdf(letter, SETTINGS)[0])
    # letter p1, its comments, letter p2, its comments, ความเห็นอื่น
    assert len(texts) == len(plain) + 3
    assert texts[0] == plain_texts[0]  # the markers are no text: the letter reads the same
    assert texts[2] == plain_texts[1]
    after_one = texts[1]
    assert after_one.startswith("ความเห็นของผู้ตรวจ หน้า ๑")
    assert "ความเห็นที่ ๑ · เรื่อง" in after_one
    assert "ข้อความที่ยกมา: \u201cโครงการ\u201d" in after_one
    assert "ชื่อโครงการให้ตรงกับที่อนุมัติงบประมาณ" in after_one
    assert "ความเห็นที่ ๒ · ข้อความ ย่อหน้าที่ ๒" in after_one
    assert f"\u201c{quote}\u201d" in after_one
    assert "ขอให้ตรวจตัวเลขอีกครั้ง" in after_one
    assert "สมชาย ใจดี · ๒ ธันวาคม ๒๕๖๙ เวลา ๐๙.๑๕ น." in after_one  # Bangkok time
    assert "สมหญิง รักงาน · ๑ ธันวาคม ๒๕๖๙ เวลา ๑๖.๐๐ น." in after_one
    assert "ย่อหน้านี้ซ้ำ" not in after_one and "เรื่องที่แก้แล้ว" not in after_one
    after_two = texts[3]
    assert after_two.startswith("ความเห็นของผู้ตรวจ หน้า ๒")
    assert "ความเห็นที่ ๓" in after_two and "ย่อหน้านี้ซ้ำกับข้างบน" in after_two
    assert "ตอบโดย ธุรการ" in after_two and "ตัดออกแล้วค่ะ" in after_two
    assert texts[4].startswith("ความเห็นอื่น")
    assert "ความเห็นที่ ๔" in texts[4] and "ใส่ลิงก์แบบสำรวจด้วย" in texts[4]
    assert not any("เรื่องที่แก้แล้ว" in t for t in texts)  # resolved: not listed
    # replies stand indented under their comment
    list_two = pages.pages[3]
    x_of = {it.text: it.x for it in list_two.items if isinstance(it, TextLine)}
    assert x_of["ตัดออกแล้วค่ะ"] > x_of["ย่อหน้านี้ซ้ำกับข้างบน"]


def test_markers_stand_at_the_start_of_the_quoted_line(reviewed):
    letter, _plain, third, _quote = reviewed
    data, pages = make_pdf(letter, SETTINGS, review=True)
    first = pages.pages[0]
    by_number = {m.number: m for m in first.markers}
    assert set(by_number) == {1, 2}
    subject_line = _lines(pages, "subject", None)[0][1]
    for number, line in ((1, subject_line), (2, third)):
        marker = by_number[number]
        assert line.y - 0.6 < marker.y < line.y  # on the line's letters, not the next one
        row = [it.x for it in first.items if isinstance(it, TextLine)
               and it.text.strip() and abs(it.y - line.y) < 0.01]
        assert marker.x + marker.diameter / 2 <= min(row)  # before the row, covering nothing
    assert [m.number for m in pages.pages[2].markers] == [3]
    assert [m.number for m in pages.pages[1].markers] == [1, 2]  # beside the list entries
    # drawn: red ink at each marker on the rendered letter page, none there without review
    pdf = pypdfium2.PdfDocument(data)
    plain = pypdfium2.PdfDocument(make_pdf(letter, SETTINGS)[0])
    try:
        dpi = 100
        reviewed_image = pdf[0].render(scale=dpi / 72).to_pil().convert("RGB")
        plain_image = plain[0].render(scale=dpi / 72).to_pil().convert("RGB")

        def reds(image, marker) -> int:
            px = dpi / 2.54
            box = (round((marker.x - 0.3) * px), round((marker.y - 0.3) * px),
                   round((marker.x + 0.3) * px), round((marker.y + 0.3) * px))
            crop = image.crop(box).tobytes()
            return sum(1 for i in range(0, len(crop), 3)
                       if crop[i] > 150 and crop[i + 1] < 90 and crop[i + 2] < 90)

        for marker in first.markers:
            assert reds(reviewed_image, marker) > 20
            assert reds(plain_image, marker) == 0
    finally:
        pdf.close()
        plain.close()


def test_without_open_comments_the_review_pdf_is_the_letter():
    letter = load_draft(MEMO)
    data, pages = make_pdf(letter, SETTINGS, review=True)
    assert _texts(data) == _texts(make_pdf(letter, SETTINGS)[0])
    assert not any(page.markers for page in pages.pages)


def test_render_review_on_the_command_line(reviewed, tmp_path):
    letter = reviewed[0]
    draft = tmp_path / "memo.dladraft.json"
    save_draft(letter, draft)
    out = tmp_path / "review.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "dla_drafter", "render", str(draft), "--review", "--bundled-font",
         "-o", str(out)], capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
        timeout=180)
    assert result.returncode == 0, result.stderr
    texts = _texts(out.read_bytes())
    assert texts[1].startswith("ความเห็นของผู้ตรวจ หน้า ๑")
    assert texts[-1].startswith("ความเห็นอื่น")


def test_a_long_list_goes_on_over_pages():
    letter = load_draft(MEMO)
    texts_in = [f"ความเห็นข้อ {n} เรื่องการใช้ถ้อยคำในชื่อเรื่องให้กระชับและตรงกับโครงการ" for n in
                range(30)]
    for text in texts_in:
        actions.add_comment(letter, "subject", "โครงการ", text, "สมชาย ใจดี")
    data, pages = make_pdf(letter, SETTINGS, review=True)
    texts = _texts(data)
    assert len(texts) >= 3
    assert texts[2].startswith("ความเห็นของผู้ตรวจ หน้า ๑ (ต่อ)")
    listed = "\n".join(texts[1:])
    assert all(text in listed for text in texts_in)
    markers = [m.number for page in pages.pages[1:] for m in page.markers]
    assert markers == list(range(1, 31))
    # every line of the lists stays inside the page's margins
    for page in pages.pages[1:]:
        for line in page.items:
            assert 2.0 < line.y < page.height - 2.0 + 0.01
            assert line.x + line.width_cm <= page.width - 2.0 + 0.01


def test_the_painter_draws_the_markers(reviewed, qapp):
    """Preview and print draw the same circles as the PDF (``render.painter``)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from dla_drafter.render.painter import paint_page

    letter = reviewed[0]
    _data, pages = make_pdf(letter, SETTINGS, review=True)
    page = pages.pages[0]
    px = 40  # per cm
    image = QImage(round(page.width * px), round(page.height * px), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_page(painter, page, SETTINGS, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    for marker in page.markers:
        reds = sum(1 for dx in range(-10, 11) for dy in range(-10, 11)
                   if (c := image.pixelColor(round(marker.x * px) + dx,
                                             round(marker.y * px) + dy)).red() > 150
                   and c.green() < 90 and c.blue() < 90)
        assert reds > 15
