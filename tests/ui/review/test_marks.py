"""A returned draft's changes marked in the form and on the preview."""

from __future__ import annotations

from typing import Any

from uihelpers import example_letter


def test_preview_marks_the_changed_words(make_window: Any, qtbot: Any) -> None:
    """A returned draft: the inserted word is underlined in blue on the preview, under that
    word only, and the other lines of the paragraph carry no underline."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from uihelpers import wait_preview

    from dla_drafter.review import actions
    from dla_drafter.typeset.pages import TextLine
    from dla_drafter.ui.review.marks import INSERT_COLOR, char_x

    letter = example_letter()
    actions.send_for_review(letter, "ผู้ร่าง")
    letter.body[1] = letter.body[1].replace("จำนวน 120 แห่ง", "จำนวน 120 แห่งทั่วประเทศ")
    actions.return_for_changes(letter, "เพิ่มขอบเขต", "ผู้ตรวจ")
    window = make_window(letter=letter)
    assert window.review.isVisible() and window.review.compare_button.isChecked()
    pages = wait_preview(qtbot, window)
    window.review.refresh()
    canvas = window.preview.canvas
    lines = [i for p in pages.pages for i in p.items
             if isinstance(i, TextLine) and i.source == ("body", 1)]
    marked = next(line for line in lines if "ทั่วประเทศ" in line.text)

    rect = canvas.page_rects()[0]
    image = QImage(canvas.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    canvas.overlay.paint(painter, pages.pages[0], rect, canvas.px_per_cm, pages,
                         canvas.settings)
    painter.end()

    def blue_columns(line: TextLine) -> list[int]:
        y0 = int(rect.y() + (line.y - 0.2) * canvas.px_per_cm)
        y1 = int(rect.y() + (line.y + 0.35) * canvas.px_per_cm)
        x0 = int(rect.x() + line.x * canvas.px_per_cm)
        x1 = int(rect.x() + (line.x + line.width_cm) * canvas.px_per_cm)
        return [x for x in range(x0, x1) if any(
            image.pixelColor(x, y) == INSERT_COLOR for y in range(y0, y1))]

    columns = blue_columns(marked)
    assert columns, "no underline under the inserted word"
    from dla_drafter.settings import RenderSettings
    from dla_drafter.typeset.fonts import fonts_for

    face = fonts_for(canvas.settings or RenderSettings()).face(marked.bold)
    start = marked.text.index("ทั่วประเทศ")
    left = rect.x() + (marked.x + char_x(face, marked, start)) * canvas.px_per_cm
    right = rect.x() + (marked.x + char_x(face, marked, start + len("ทั่วประเทศ"))) \
        * canvas.px_per_cm
    assert min(columns) >= left - 2 and max(columns) <= right + 2
    assert right - left > 10  # a word's width, not a sliver
    for other in lines:
        if other is not marked:
            assert not blue_columns(other)


def test_char_x_is_each_clusters_start_and_kept_per_line() -> None:
    """A mark's ends fall on cluster starts (an offset inside ที่'s cluster gives the next
    cluster's start), in order, and a line's table is its own: two lines of different text
    never answer from each other's table."""
    from dla_drafter.settings import RenderSettings
    from dla_drafter.text.graphemes import clusters
    from dla_drafter.typeset.fonts import PT_PER_CM, fonts_for
    from dla_drafter.typeset.pages import TextLine
    from dla_drafter.ui.review.marks import char_x

    face = fonts_for(RenderSettings(use_system_th_sarabun=False)).face(False)
    text = "ที่ประชุมเห็นชอบ ๑๒ ข้อ"
    width = face.width_cm(text, 16.0)
    line = TextLine(x=3.0, y=5.0, text=text, width_cm=width + 0.5, letter_spacing_cm=0.02)
    other = TextLine(x=3.0, y=6.0, text="ก" * len(text), width_cm=9.0)
    shaped = face.shape(text)
    scale = 16.0 / face.upem / PT_PER_CM
    starts, at = [], 0
    for index, cluster in enumerate(clusters(text)):
        starts.append((at, shaped.grapheme_x[index] * scale + index * 0.02))
        at += len(cluster)
    for offset, x in starts[1:]:
        assert char_x(face, line, offset) == x
    # "ที่": ท, ี, ่ is one cluster; offsets 1 and 2 are inside it → the next cluster's start
    assert char_x(face, line, 1) == char_x(face, line, 2) == char_x(face, line, 3) == starts[1][1]
    assert char_x(face, line, 0) == 0.0 and char_x(face, line, len(text)) == line.width_cm
    xs = [char_x(face, line, i) for i in range(len(text) + 1)]
    assert xs == sorted(xs)
    assert char_x(face, other, 3) != char_x(face, line, 3)
    assert char_x(face, other, len(text)) == 9.0
