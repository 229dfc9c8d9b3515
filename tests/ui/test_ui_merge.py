"""Batch letters in the desktop program: the merge dialog (table, preview of a row, run with
progress, cancel, summary) and "แทรกช่องข้อมูล" with its coloured field marks, driven with
the real widgets."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from uihelpers import example_letter, type_text, wait_preview

from dla_drafter.model.letter import Letter
from dla_drafter.settings import RenderSettings
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.ui.merge_dialog import MergeDialog
from dla_drafter.ui.merge_fields import FIELD_COLOR, field_spans

DATA = Path(__file__).resolve().parent.parent / "data"
PROVINCES = (DATA / "provinces.txt").read_text(encoding="utf-8").split()
COLUMNS = ["ลำดับ", "จังหวัด", "งบประมาณ"]
BLANK = 4  # the fifth province has no amount: its row (file row 6) must fail


def squeeze(text: str) -> str:
    return "".join(text.split())


def amount(i: int) -> str:
    return f"{(i + 1) * 12_500:,}"


def write_csv(path: Path, blank: int | None = None) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # as Excel writes it
    writer.writerow(COLUMNS)
    for i, name in enumerate(PROVINCES):
        writer.writerow([str(i + 1), name, "" if i == blank else amount(i)])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def template() -> Letter:
    letter = example_letter()
    letter.addressee = "ผู้ว่าราชการจังหวัด«จังหวัด»"
    letter.body[1] += " จังหวัด«จังหวัด»ได้รับการจัดสรรงบประมาณ «งบประมาณ» บาท"
    return letter


@pytest.fixture
def dialog(qtbot: Any) -> Any:
    from dla_drafter.ui.app import make_app

    make_app()
    built: list[MergeDialog] = []

    def build(**kwargs: Any) -> MergeDialog:
        d = MergeDialog(template(), RenderSettings(use_system_th_sarabun=False), **kwargs)
        qtbot.addWidget(d)
        d.show()
        built.append(d)
        return d

    yield build
    for d in built:
        d.wait_done()
        d.preview.shutdown()


def pdf_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return squeeze("".join(document[i].get_textpage().get_text_range()
                               for i in range(len(document))))
    finally:
        document.close()


def pages_text(pages: Any) -> str:
    return squeeze("".join(line.text for line in pages.lines()))


def test_dialog_shows_the_first_rows_and_previews_any_row(qtbot: Any, dialog: Any,
                                                           tmp_path: Path, dialogs: Any) -> None:
    d = dialog()
    assert d.load_table(write_csv(tmp_path / "จังหวัด.csv"))
    rows = d.shown_rows()
    assert d.model.horizontalHeaderItem(2).text() == "จังหวัด"
    assert rows[0] == ["2", "1", PROVINCES[0], amount(0)]  # file row 2: the header is row 1
    assert rows[4][2] == PROVINCES[4]
    assert len(rows) == 50 and "76" in d.table_label.text()
    assert d.row_spin.maximum() == 76 and d.progress.maximum() == 76
    d.row_spin.setValue(6)
    qtbot.waitUntil(lambda: d.preview.pages is not None and d.preview.is_current()
                    and d.preview.shown_revision == d._revision, timeout=15000)
    text = pages_text(d.preview.pages)
    assert f"ผู้ว่าราชการจังหวัด{PROVINCES[5]}" in text
    assert f"งบประมาณ{to_thai_digits(amount(5))}บาท" in text
    assert PROVINCES[0] not in text.replace("ผู้ว่าราชการจังหวัดทุกจังหวัด", "")
    assert d.view.selectionModel().selectedRows()[0].row() == 5
    # a row with a blank value is previewed with a warning that its letter will not be made
    d.row_spin.setValue(BLANK + 1)
    assert "งบประมาณ" not in d.preview_note.text()  # this table has no blank
    # TIS-620 chosen for a UTF-8 file: the clerk is told, the table shown stays
    dialogs.replies["warning"] = None
    d.encoding_box.setCurrentIndex(2)
    d.reload()
    assert dialogs.names() == ["warning"] and "cp874" in dialogs.calls[0][1][2]
    assert d.shown_rows()[0][2] == PROVINCES[0]
    # an old Thai Excel CSV (TIS-620) read with that choice
    old = tmp_path / "เก่า.csv"
    old.write_bytes(write_csv(tmp_path / "x.csv").read_text(encoding="utf-8").encode("cp874"))
    assert d.load_table(old) and d.table.encoding == "cp874"
    assert d.shown_rows()[1][2] == PROVINCES[1]


def test_run_to_the_end_with_a_failing_row(qtbot: Any, dialog: Any, tmp_path: Path) -> None:
    d = dialog(folder=tmp_path / "ออก")
    d.load_table(write_csv(tmp_path / "จังหวัด.csv", blank=BLANK))
    d.row_spin.setValue(BLANK + 1)
    assert '"งบประมาณ"' in d.preview_note.text()
    d.name_edit.setText("หนังสือ-«จังหวัด»")
    seen: list[tuple[int, int]] = []
    d.make_button.click()
    assert d.running and d.cancel_button.isEnabled() and not d.make_button.isEnabled()
    d.worker.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: d.summary is not None and not d.running, timeout=180_000)
    summary = d.summary
    assert summary.made == 75 and not summary.cancelled
    assert d.summary_label.text() == "สร้างหนังสือแล้ว ๗๕ ฉบับ จาก ๗๖ แถว"
    assert d.progress.value() == d.progress.maximum() == 76
    assert seen and seen[-1] == (76, 76)
    pdfs = sorted((tmp_path / "ออก").glob("*.pdf"))
    assert len(pdfs) == 75
    assert not (tmp_path / "ออก" / f"หนังสือ-{PROVINCES[BLANK]}.pdf").exists()
    sample = tmp_path / "ออก" / f"หนังสือ-{PROVINCES[10]}.pdf"
    assert f"ผู้ว่าราชการจังหวัด{PROVINCES[10]}" in pdf_text(sample)
    failures = [d.failures.item(i).text() for i in range(d.failures.count())]
    assert any(f'แถวที่ {to_thai_digits(BLANK + 2)} คอลัมน์ "งบประมาณ"' in f for f in failures)
    assert d.summary_box.isVisible() and d.open_folder_button.isEnabled()
    assert d.make_button.isEnabled() and d.close_button.isEnabled()


def test_cancel_midway_leaves_whole_letters_only(qtbot: Any, dialog: Any,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "ออก"
    d = dialog(folder=out, workers=1)
    d.load_table(write_csv(tmp_path / "จังหวัด.csv"))
    d.docx_check.setChecked(True)
    d.combined_check.setChecked(True)
    d.make_button.click()
    d.worker.progressed.connect(lambda *_: d.cancel_button.click())  # "ยกเลิก" at the first
    qtbot.waitUntil(lambda: d.summary is not None and not d.running, timeout=60_000)
    summary = d.summary
    assert summary.cancelled and 1 <= summary.made < 76
    assert "ยกเลิก" in d.summary_label.text()
    pdfs, docxs = sorted(out.glob("*.pdf")), sorted(out.glob("*.docx"))
    assert len(pdfs) == len(docxs) == summary.made  # a row's PDF and DOCX come together
    assert not (out / "รวมเล่ม.pdf").exists()  # no combined PDF of a part of the rows
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files
    for pdf in pdfs:
        assert "ผู้ว่าราชการจังหวัด" in pdf_text(pdf)  # every file is whole and readable
    assert d.cancel_button.text() == "ยกเลิก" and not d.cancel_button.isEnabled()


def test_files_of_an_earlier_run_are_replaced_only_when_the_clerk_agrees(
        qtbot: Any, dialog: Any, tmp_path: Path, dialogs: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    out = tmp_path / "ออก"
    out.mkdir()
    earlier = out / f"หนังสือ-{PROVINCES[2]}.pdf"
    earlier.write_bytes(b"%PDF-1.7 the letter sent last week")
    d = dialog(folder=out, workers=1)
    d.load_table(write_csv(tmp_path / "จังหวัด.csv"))
    d.name_edit.setText("หนังสือ-«จังหวัด»")
    dialogs.replies["question"] = [QMessageBox.StandardButton.No,
                                   QMessageBox.StandardButton.Yes]
    d.make_button.click()
    assert dialogs.names() == ["question"] and earlier.name in dialogs.calls[0][1][2]
    assert not d.running and earlier.read_bytes().endswith(b"last week")
    d.make_button.click()  # now the clerk agrees
    assert d.running
    d.worker.progressed.connect(lambda *_: d.cancel_button.click())
    qtbot.waitUntil(lambda: d.summary is not None and not d.running, timeout=60_000)
    d.pdf_check.setChecked(False)
    d.docx_check.setChecked(True)
    assert d.existing_files(d.options()) == []  # no DOCX of that name yet: nothing to ask


def test_a_column_the_table_lacks_is_refused_before_any_file(qtbot: Any, dialog: Any,
                                                              tmp_path: Path) -> None:
    d = dialog(folder=tmp_path / "ออก")
    d.letter.subject = "เรื่องของ«อำเภอ»"
    d.load_table(write_csv(tmp_path / "จังหวัด.csv"))
    assert "อำเภอ" in d.preview_note.text()  # the preview says why it cannot fill the row
    d.make_button.click()
    qtbot.waitUntil(lambda: d.summary_box.isVisible() and not d.running, timeout=30_000)
    assert d.summary is None
    text = d.summary_label.text()
    assert text.startswith("สร้างหนังสือไม่ได้") and '"อำเภอ"' in text and "เรื่อง: " in text
    assert "(subject)" not in text  # the field by its Thai name, not the program's
    assert not (tmp_path / "ออก").exists() or not list((tmp_path / "ออก").iterdir())


def test_the_window_opens_the_dialog_on_the_table_chosen_for_fields(
        qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window.fields.load_columns(write_csv(tmp_path / "จังหวัด.csv"))
    window.doc.set_field("addressee", "ผู้ว่าราชการจังหวัด«จังหวัด»")
    seen: list[Any] = []

    def look() -> None:
        d = QApplication.activeModalWidget()
        if not isinstance(d, MergeDialog):
            QTimer.singleShot(50, look)
            return
        seen.append((d.table_path, len(d.table.rows), d.letter.addressee))
        d.reject()

    QTimer.singleShot(0, look)
    window.act_merge.trigger()  # modal: returns when look() closes it
    assert seen == [(tmp_path / "จังหวัด.csv", 76, "ผู้ว่าราชการจังหวัด«จังหวัด»")]


def test_insert_field_at_the_cursor_and_undo(qtbot: Any, window: Any, tmp_path: Path) -> None:
    assert window.fields.load_columns(write_csv(tmp_path / "จังหวัด.csv"))
    assert window.fields.columns == COLUMNS
    assert window.act_insert_field.shortcut().toString() == "Ctrl+Shift+I"
    assert window.act_merge.shortcut().toString() == "Ctrl+Shift+M"
    menu = window.fields.columns_menu()
    assert [a.text() for a in menu.actions()][:3] == ["«ลำดับ»", "«จังหวัด»", "«งบประมาณ»"]
    editor = window.form.lists["body"].editors[0]
    type_text(editor, "ขอแจ้งจังหวัดให้ทราบ")
    window.doc.break_merge()
    editor.set_cursor(len("ขอแจ้งจังหวัด"))
    menu.actions()[1].trigger()  # «จังหวัด», into the box the clerk was typing in
    assert window.doc.letter.body[0] == "ขอแจ้งจังหวัด«จังหวัด»ให้ทราบ"
    assert editor.toPlainText() == "ขอแจ้งจังหวัด«จังหวัด»ให้ทราบ"
    qtbot.waitUntil(lambda: len(editor.extraSelections()) == 1)
    mark = editor.extraSelections()[0]
    assert mark.cursor.selectedText() == "«จังหวัด»"
    assert mark.format.background().color() == FIELD_COLOR
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.letter.body[0] == "ขอแจ้งจังหวัดให้ทราบ"
    assert editor.toPlainText() == "ขอแจ้งจังหวัดให้ทราบ"
    qtbot.waitUntil(lambda: not editor.extraSelections())


def test_field_in_a_one_line_box_is_coloured(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.fields.load_columns(write_csv(tmp_path / "จังหวัด.csv"))
    addressee = window.form.bindings["addressee"].widget
    type_text(addressee, "ผู้ว่าราชการจังหวัด")
    cursor_box = addressee.lineEdit() if hasattr(addressee, "lineEdit") else addressee
    assert window.fields.insert("จังหวัด", cursor_box)
    assert window.doc.letter.addressee == "ผู้ว่าราชการจังหวัด«จังหวัด»"

    def coloured_pixels() -> int:
        image = cursor_box.grab().toImage()
        target = FIELD_COLOR.rgb()
        return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                   if image.pixel(x, y) == target)

    qtbot.waitUntil(lambda: coloured_pixels() > 20)
    window.doc.undo_stack.undo()
    assert window.doc.letter.addressee == "ผู้ว่าราชการจังหวัด"
    qtbot.waitUntil(lambda: coloured_pixels() == 0)


def test_preview_marks_fields_on_the_page(qtbot: Any, window: Any) -> None:
    window.doc.set_field("addressee", "ผู้ว่าราชการจังหวัด«จังหวัด»")
    pages = wait_preview(qtbot, window, timeout=60_000)  # the first typesetting loads fonts
    qtbot.waitUntil(lambda: len(window.fields.overlay.rects()) == 1)
    rect = window.fields.overlay.rects()[0]
    line = next(t for t in pages.lines() if "«จังหวัด»" in t.text)
    canvas = window.preview.canvas
    page_left = canvas.page_rects()[0].x()
    # the box starts after "ผู้ว่าราชการจังหวัด" and ends at the end of the line's text
    assert rect.left() > page_left + (line.x + line.width_cm * 0.4) * canvas.px_per_cm
    assert abs(rect.right() - (page_left + (line.x + line.width_cm) * canvas.px_per_cm)) < 3
    image = canvas.grab().toImage()
    inside = image.pixelColor(int(rect.left()) + 2, int(rect.top()) + 2)
    outside = image.pixelColor(int(rect.left()) - 40, int(rect.top()) + 2)
    assert outside.name() == "#ffffff" and inside.blue() > inside.red() + 20
    window.doc.undo_stack.undo()
    wait_preview(qtbot, window, timeout=60_000)
    qtbot.waitUntil(lambda: not window.fields.overlay.rects())


def test_field_spans_skip_literal_guillemets() -> None:
    assert field_spans("ก«จังหวัด»ข ««ไม่ใช่»» «งบ»") == [(1, 9), (23, 4)]
    assert field_spans("«ไม่ปิด") == []
    assert field_spans("«««ก»") == [(2, 3)]  # «« is a literal «, then the field «ก»
    assert QColor(FIELD_COLOR).lightness() > 200  # a light background, text stays readable


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="«»ab ก", max_size=24))
def test_marks_are_exactly_the_fields_a_merge_fills(text: str) -> None:
    """The form marks what ``merge.fields`` reads as fields: same names, same order."""
    from dla_drafter.merge.fields import FieldError, FieldRef, parse

    try:
        names = [p.name for p in parse(text) if isinstance(p, FieldRef)]
    except FieldError:
        return  # the problems panel reports these; marks up to the error are a courtesy
    marked = [text[s + 1:s + n - 1].strip() for s, n in field_spans(text)]
    assert marked == names
