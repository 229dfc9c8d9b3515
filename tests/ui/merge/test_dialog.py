"""The merge dialog: rows shown and previewed, a run with a failing row, cancel, replace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from uihelpers import example_letter

from dla_drafter.model.letter import Letter
from dla_drafter.settings import RenderSettings
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.ui.merge.dialog import MergeDialog

from .helpers import BLANK, PROVINCES, amount, write_csv


def squeeze(text: str) -> str:
    return "".join(text.split())


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
    assert "subject" not in text  # the field's Thai name, not its path (issue 13 item 10)
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


def test_failed_rows_and_the_preview_note_name_fields_in_thai(qtbot: Any, dialog: Any,
                                                               tmp_path: Path) -> None:
    table = tmp_path / "สามจังหวัด.csv"
    table.write_text("ลำดับ,จังหวัด,งบประมาณ\n1,ลำปาง,100\n2,น่าน,\n3,แพร่,300\n",
                     encoding="utf-8")
    d = dialog(folder=tmp_path / "ออก", workers=1)
    d.load_table(table)
    d.make_button.click()
    qtbot.waitUntil(lambda: d.summary is not None and not d.running, timeout=60_000)
    assert d.summary.made == 2
    [failure] = [d.failures.item(i) for i in range(d.failures.count())]
    assert failure.text() == ('✗ แถวที่ ๓ คอลัมน์ "งบประมาณ": ข้อความ ย่อหน้าที่ ๒: '
                              "ไม่มีข้อมูลในคอลัมน์นี้")
    assert "body[1]" in failure.toolTip()  # the path stays for support staff
    # a field the merge cannot read: the preview's note names it in Thai
    d.letter.references = ["หนังสือที่ «ไม่ปิด"]
    d.show_row(1)
    assert d.preview_note.text().startswith("⚠ อ้างถึง รายการที่ ๑: ")
    assert "references" not in d.preview_note.text()


def test_rows_that_would_fail_are_marked_as_soon_as_the_table_is_loaded(
        qtbot: Any, dialog: Any, tmp_path: Path) -> None:
    """Before: the table showed every row alike; a bad row was found only by generating."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["ลำดับ", "จังหวัด", "งบประมาณ"])
    for i, name in enumerate(PROVINCES):
        value = amount(i)
        if i == BLANK:
            value = ""  # blank: not made
        elif i == 7:
            value = "๑๒\n๕๐๐"  # a line break check refuses: not made
        elif i == 9:
            value = "๑๐ 😀"  # the font has no emoji: made, with a warning
        elif i == 60:
            value = " "  # beyond the rows shown first, still shown and counted
        writer.writerow([str(i + 1), name, value])
    path = tmp_path / "จังหวัด.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    d = dialog(folder=tmp_path / "ออก")
    assert d.load_table(path)
    assert d.bad_rows() == [BLANK, 7, 60]
    summary = d.check_label.text()
    assert "๓ แถวจะสร้างหนังสือไม่ได้" in summary and "๑ แถวมีคำเตือน" in summary
    assert d.check_label.isVisible()

    def row_items(file_row: int) -> list[Any]:
        (found,) = [r for r in range(d.model.rowCount())
                    if d.model.item(r, 0).text() == str(file_row)]
        return [d.model.item(found, c) for c in range(d.model.columnCount())]

    blank = row_items(BLANK + 2)
    assert blank[0].data(Qt.ItemDataRole.UserRole) == "error"
    assert not blank[0].icon().isNull()
    tip = blank[2].toolTip()
    assert "ไม่มีข้อมูลในคอลัมน์นี้" in tip and "ข้อความ ย่อหน้าที่ ๒" in tip
    assert f"แถวที่ {to_thai_digits(BLANK + 2)}" in tip
    assert "(body[1])" not in tip.split("[")[0]  # the path only in the support brackets
    to_fix, other = blank[3].background().color(), blank[2].background().color()
    assert to_fix != other and to_fix.red() > to_fix.green()  # the empty cell, deeper red
    broken = row_items(9)
    assert "ขึ้นบรรทัดใหม่" in broken[3].toolTip()
    warned = row_items(11)
    assert warned[0].data(Qt.ItemDataRole.UserRole) == "warning"
    assert "U+1F600" in warned[3].toolTip()
    late = row_items(62)  # appended after the first fifty
    assert late[0].data(Qt.ItemDataRole.UserRole) == "error"
    assert "แถวที่มีปัญหาหลังจากนั้นอีก" in d.table_label.text()
    good = row_items(3)
    assert good[0].data(Qt.ItemDataRole.UserRole) is None and good[0].icon().isNull()
    # clicking the appended row previews that row, with its reason under the preview
    d._row_clicked(d.model.indexFromItem(late[1]))
    assert d.row_spin.value() == 61
    assert '"งบประมาณ"' in d.preview_note.text()
    d.row_spin.setValue(8)
    assert "ขึ้นบรรทัดใหม่" in d.preview_note.text()
    # generating still makes the good rows; the marks were the merge's own verdict
    d.pdf_check.setChecked(False)
    d.combined_check.setChecked(True)
    (tmp_path / "ออก").mkdir()  # the merge makes the folder only for PDF/DOCX files
    d.make_button.click()
    qtbot.waitUntil(lambda: d.summary is not None and not d.running, timeout=180_000)
    assert d.summary.made == len(PROVINCES) - 3
    assert sorted(p.row - 2 for p in d.summary.failures) == d.bad_rows()


def test_a_blank_file_name_marks_the_row_only_while_files_are_named(
        qtbot: Any, dialog: Any, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("ลำดับ,จังหวัด,งบประมาณ\r\n1,น่าน,100\r\n,แพร่,200\r\n", encoding="utf-8")
    d = dialog(folder=tmp_path / "ออก")
    d.load_table(path)
    assert d.bad_rows() == []
    assert "ทุกแถวสร้างหนังสือได้" in d.check_label.text()
    d.name_edit.setText("«ลำดับ»")
    d.name_edit.editingFinished.emit()
    assert d.bad_rows() == [1]
    assert "ตั้งชื่อไฟล์ไม่ได้" in d.model.item(1, 1).toolTip()
    d.pdf_check.setChecked(False)  # only a combined PDF: file names do not matter
    assert d.bad_rows() == []
    assert d.model.item(1, 0).data(Qt.ItemDataRole.UserRole) is None


def test_a_column_the_draft_needs_and_the_table_lacks_is_told_on_loading(
        qtbot: Any, dialog: Any, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("ลำดับ,จังหวัด\r\n1,น่าน\r\n", encoding="utf-8")
    d = dialog()
    assert d.load_table(path)
    text = d.check_label.text()
    assert "ไม่ได้ทุกแถว" in text and "งบประมาณ" in text


def test_a_large_table_is_checked_without_freezing_the_dialog(
        qtbot: Any, dialog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SYNC_CHECK_ROWS rows the check runs in a worker thread; its marks come later,
    and a check overtaken by a newer one (another format choice) is not shown."""
    from dla_drafter.ui.merge import dialog as merge_dialog

    monkeypatch.setattr(merge_dialog, "SYNC_CHECK_ROWS", 10)
    d = dialog(folder=tmp_path / "ออก")
    assert d.load_table(write_csv(tmp_path / "จังหวัด.csv", blank=BLANK))
    assert d.checking and "กำลังตรวจแถวข้อมูล ๗๖ แถว" in d.check_label.text()
    assert d.model.rowCount() == 50  # the rows are shown while they are checked
    d.docx_check.setChecked(True)  # a newer check; the first one's answer is dropped
    qtbot.waitUntil(lambda: not d.checking, timeout=30_000)
    assert d.bad_rows() == [BLANK]
    assert "๑ แถวจะสร้างหนังสือไม่ได้" in d.check_label.text()
    assert d.model.item(BLANK, 0).data(Qt.ItemDataRole.UserRole) == "error"


def test_the_marks_read_in_english_in_the_english_interface(
        qtbot: Any, dialog: Any, tmp_path: Path) -> None:
    from dla_drafter.ui.i18n import set_language

    set_language("en")
    try:
        d = dialog(folder=tmp_path / "out")
        d.load_table(write_csv(tmp_path / "p.csv", blank=BLANK))
        assert d.check_label.text() == \
            "✗ 1 row(s) will not make a letter (red); the other rows still will"
        tip = d.model.item(BLANK, 3).toolTip()
        assert tip.startswith("This row will not make a letter\n✗ row 6 column")
        assert "no value in this column" in tip
    finally:
        set_language("th")
