"""Merging: 76 governors' letters as PDF and DOCX, each read back as a reader would; bad rows
reported by row and column while the rest are made; nothing half-written; cancel."""

from __future__ import annotations

import threading

import pytest
from docx import Document
from mergehelpers import (
    PROVINCES,
    amount,
    csv_bytes,
    docx_text,
    expected_texts,
    pdf_pages,
    pdf_text,
    province_rows,
    squeeze,
    template_dict,
    write_xlsx,
)
from pypdf import PdfReader

from dla_drafter.merge import MergeError, Row, Table, file_stems, merge, read_table, safe_name
from dla_drafter.model.draftio import letter_from_dict


def assert_letters(out, formats, rows=None):
    """Every row's file holds that row's governor and amount, and no other row's."""
    rows = rows if rows is not None else list(enumerate(PROVINCES))
    for i, province in rows:
        for ext in formats:
            path = out / f"{province}.{ext}"
            text = pdf_text(path) if ext == "pdf" else docx_text(path)
            for expected in expected_texts(province, amount(i)):
                assert squeeze(expected) in text, (path, expected)
            assert "«" not in text and "»" not in text


@pytest.fixture(scope="module")
def cp874_merge(tmp_path_factory, render_settings):
    """One 76-row merge from a cp874 CSV on two worker processes, PDF + DOCX + combined."""
    base = tmp_path_factory.mktemp("cp874")
    data = base / "ผู้ว่า.csv"
    data.write_bytes(csv_bytes(province_rows(), "cp874"))
    seen = []
    summary = merge(letter_from_dict(template_dict()), read_table(data), base / "out",
                    ("pdf", "docx"), "«จังหวัด»", combined=base / "รวม.pdf",
                    progress=lambda done, total, result: seen.append((done, total, result)),
                    settings=render_settings, workers=2)
    return base, summary, seen


def test_76_letters_from_a_cp874_csv_in_pdf_and_docx(cp874_merge):
    base, summary, seen = cp874_merge
    assert summary.ok and summary.workers == 2
    assert (summary.made, summary.rows) == (76, 76)
    assert summary.message() == "สร้างหนังสือแล้ว ๗๖ ฉบับ จาก ๗๖ แถว"
    names = sorted(p.name for p in (base / "out").iterdir())
    assert names == sorted(f"{p}.{ext}" for p in PROVINCES for ext in ("pdf", "docx"))
    assert sorted(summary.files) == sorted((base / "out").iterdir())
    assert_letters(base / "out", ("pdf", "docx"))
    assert len(PdfReader(base / "out" / "กระบี่.pdf").pages) == 2
    # progress: once per row, counting up, each naming its row and files
    assert [d for d, _, _ in seen] == list(range(1, 77))
    assert {t for _, t, _ in seen} == {76}
    assert sorted(r.row for _, _, r in seen) == list(range(2, 78))
    assert all(len(r.files) == 2 and r.pages is None for _, _, r in seen)


def test_combined_pdf_has_every_letter_each_numbering_its_own_pages(cp874_merge):
    base, summary, _ = cp874_merge
    assert summary.combined == base / "รวม.pdf"
    pages = [squeeze(text) for text in pdf_pages(summary.combined)]
    assert len(pages) == 2 * 76
    for i, province in enumerate(PROVINCES):
        first, second = pages[2 * i], pages[2 * i + 1]
        assert f"ผู้ว่าราชการจังหวัด{province}" in first
        assert f"ผู้ว่าราชการจังหวัด{province}" not in second
        assert "-๒-" in second  # page 2 of this letter, not page 2·i+2 of the file
        assert "-๑-" not in first
    assert not any("-๓-" in text for text in pages)


def test_utf8_bom_csv_and_xlsx_give_the_same_letters(tmp_path, template, render_settings):
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(csv_bytes(province_rows(), "utf-8", bom=True))
    summary = merge(template, read_table(with_bom), tmp_path / "pdf", ("pdf",), "«จังหวัด»",
                    settings=render_settings, workers=1)
    assert (summary.made, summary.rows, summary.workers) == (76, 76, 1)
    assert_letters(tmp_path / "pdf", ("pdf",))

    rows = [[i + 1, name, (i + 1) * 12_500] for i, name in enumerate(PROVINCES)]
    book = write_xlsx(tmp_path / "data.xlsx", rows)
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    for (cell,) in workbook.active.iter_rows(min_row=2, min_col=3, max_col=3):
        cell.number_format = "#,##0"
    workbook.save(book)
    summary = merge(template, read_table(book), tmp_path / "docx", ("docx",), "«จังหวัด»",
                    settings=render_settings)
    assert (summary.made, summary.rows) == (76, 76)
    assert_letters(tmp_path / "docx", ("docx",))


def small_table(rows: list[dict[str, str]]) -> Table:
    columns = list(rows[0])
    return Table(columns, [Row(n + 2, row) for n, row in enumerate(rows)])


def rows_of(count: int, **changes) -> list[dict[str, str]]:
    rows = [{"จังหวัด": PROVINCES[i], "งบประมาณ": amount(i), "เรื่อง": f"โครงการที่ {i + 1}"}
            for i in range(count)]
    for index, values in changes.items():
        rows[int(index.lstrip("r"))].update(values)
    return rows


def test_bad_rows_are_reported_by_row_and_column_while_the_rest_are_made(
        tmp_path, template, render_settings):
    template.subject = "«เรื่อง»"
    table = small_table(rows_of(10, r2={"งบประมาณ": ""}, r5={"เรื่อง": "ก" * 20_001}))
    summary = merge(template, table, tmp_path, ("pdf", "docx"), "«จังหวัด»",
                    settings=render_settings, workers=2)
    assert (summary.made, summary.rows) == (8, 10)
    assert not summary.ok
    assert summary.failed_rows == [4, 7]  # data rows 3 and 6 = file rows 4 and 7
    blank, long = summary.failures
    assert (blank.row, blank.column, blank.field) == (4, "งบประมาณ", "body[1]")
    assert blank.message() == ('แถวที่ ๔ คอลัมน์ "งบประมาณ": ข้อความ ย่อหน้าที่ ๒: '
                               "ไม่มีข้อมูลในคอลัมน์นี้")
    assert "ย่อหน้าที่ ๒ (body[1]): " in blank.message(path=True)
    assert (long.row, long.column, long.field) == (7, "เรื่อง", "subject")
    assert long.message().startswith('แถวที่ ๗ คอลัมน์ "เรื่อง": เรื่อง: ยาว ')
    assert long.message("en").startswith('row 7 column "เรื่อง": subject: is 20,001')
    made = {p.name for p in tmp_path.iterdir()}
    good = [(i, p) for i, p in enumerate(PROVINCES[:10]) if i not in (2, 5)]
    assert made == {f"{p}.{ext}" for _, p in good for ext in ("pdf", "docx")}
    assert_letters(tmp_path, ("pdf", "docx"), good)


def test_an_unknown_column_stops_the_merge_before_anything_is_written(tmp_path, template):
    template.body.append("ผู้ประสานงาน «ผู้ประสาน»")
    with pytest.raises(MergeError) as caught:
        merge(template, small_table(rows_of(3)), tmp_path / "out", ("pdf",))
    (problem,) = caught.value.problems
    assert (problem.field, problem.column) == ("body[2]", "ผู้ประสาน")
    assert problem.message() == ('คอลัมน์ "ผู้ประสาน": ข้อความ ย่อหน้าที่ ๓: '
                                 'ไม่มีคอลัมน์ "ผู้ประสาน" ในตารางข้อมูล')
    assert not (tmp_path / "out").exists()


def test_template_syntax_in_the_draft_or_the_data_prints_literally(
        tmp_path, template, render_settings):
    template.digits = "as-typed"
    template.body[0] = "ทดสอบ {{ 7*7 }} และ {% if True %}ใช่{% endif %} กับ ««ชื่อ»» «หมายเหตุ»"
    table = small_table([{"จังหวัด": "ตาก", "งบประมาณ": "1", "หมายเหตุ": "{{ 6*7 }} {%raw%}"}])
    summary = merge(template, table, tmp_path, ("pdf", "docx"), "«จังหวัด»",
                    settings=render_settings)
    assert summary.ok
    expected = squeeze("ทดสอบ {{ 7*7 }} และ {% if True %}ใช่{% endif %} กับ «ชื่อ» "
                       "{{ 6*7 }} {%raw%}")
    for text in (pdf_text(tmp_path / "ตาก.pdf"), docx_text(tmp_path / "ตาก.docx")):
        assert expected in text
        assert "49" not in text and "42" not in text


def test_cancel_stops_new_rows_and_leaves_only_whole_files(tmp_path, template, render_settings):
    stop = threading.Event()

    def progress(done, total, result):
        if done == 3:
            stop.set()

    summary = merge(template, small_table(rows_of(24)), tmp_path / "out", ("pdf", "docx"),
                    "«จังหวัด»", combined=tmp_path / "all.pdf", progress=progress,
                    cancel=stop.is_set, settings=render_settings, workers=2)
    assert summary.cancelled and not summary.ok
    assert 3 <= summary.made < 24
    assert summary.message().endswith("(ยกเลิกก่อนเสร็จ)")
    assert summary.combined is None and not (tmp_path / "all.pdf").exists()
    files = sorted((tmp_path / "out").iterdir())
    assert not [p for p in files if p.name.startswith(".") or ".tmp" in p.name]
    assert len(files) == 2 * summary.made
    for path in files:
        if path.suffix == ".pdf":
            assert len(PdfReader(path).pages) == 2
        else:
            assert Document(str(path)).paragraphs


def test_only_a_combined_pdf(tmp_path, template, render_settings):
    summary = merge(template, small_table(rows_of(3)), None, (), combined=tmp_path / "all.pdf",
                    settings=render_settings)
    assert summary.made == 3 and summary.files == []
    assert [p.name for p in tmp_path.iterdir()] == ["all.pdf"]
    assert len(PdfReader(tmp_path / "all.pdf").pages) == 6


def test_only_a_combined_pdf_into_a_folder_not_made_yet(tmp_path, template, render_settings):
    """The folder of the combined PDF is made as the letters' folder is (it failed with
    "folder not found" after every row had been made)."""
    target = tmp_path / "ใหม่" / "ชั้นใน" / "all.pdf"
    summary = merge(template, small_table(rows_of(2)), None, (), combined=target,
                    settings=render_settings)
    assert summary.made == 2 and summary.combined == target
    assert len(PdfReader(target).pages) == 4


def test_file_names_are_safe_on_windows_and_unique():
    assert safe_name('ก/ข:ค*?"<>|ง. ') == "กขคง"
    assert safe_name("CON") == "_CON" and safe_name("nul.txt") == "_nul.txt"
    assert len(safe_name("ก" * 300)) == 120
    table = small_table([{"ชื่อ": "ตาก"}, {"ชื่อ": "ตาก"}, {"ชื่อ": "a"}, {"ชื่อ": "A"},
                         {"ชื่อ": " / "}])
    assert file_stems("«ชื่อ»", table) == ["ตาก", "ตาก-2", "a", "A-2", None]
    assert file_stems("หนังสือ-{n}-«ชื่อ»", table)[:2] == ["หนังสือ-1-ตาก", "หนังสือ-2-ตาก"]
    with pytest.raises(MergeError, match="no column"):
        file_stems("«ไม่มี»", table)


def test_a_row_whose_docx_cannot_be_written_leaves_no_pdf_either(
        tmp_path, template, render_settings):
    (tmp_path / f"{PROVINCES[1]}.docx").mkdir()  # a folder where the DOCX should go
    summary = merge(template, small_table(rows_of(3)), tmp_path, ("pdf", "docx"), "«จังหวัด»",
                    settings=render_settings, workers=1)
    assert (summary.made, summary.failed_rows) == (2, [3])
    (problem,) = summary.failures
    assert "โฟลเดอร์ชื่อเดียวกัน" in problem.message() and problem.message().startswith("แถวที่ ๓")
    assert not (tmp_path / f"{PROVINCES[1]}.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{PROVINCES[0]}.pdf", f"{PROVINCES[0]}.docx", f"{PROVINCES[1]}.docx",
         f"{PROVINCES[2]}.pdf", f"{PROVINCES[2]}.docx"])


def test_values_are_checked_like_typed_text_and_warnings_name_the_row(
        tmp_path, template, render_settings):
    table = small_table(rows_of(3, r0={"งบประมาณ": "๑๒\n๕๐๐"}, r1={"งบประมาณ": "๑๐ 😀"}))
    summary = merge(template, table, tmp_path, ("pdf",), "«จังหวัด»", settings=render_settings)
    (error,) = summary.failures
    assert (error.row, error.column, error.field) == (2, "งบประมาณ", "body[1]")
    assert "ขึ้นบรรทัดใหม่" in error.message()
    (warning,) = [p for p in summary.problems if p.severity == "warning"]
    assert (warning.row, warning.column, warning.field) == (3, "งบประมาณ", "body[1]")
    assert "U+1F600" in warning.message()
    assert summary.made == 2


def test_a_table_without_rows_is_refused(tmp_path, template):
    with pytest.raises(MergeError, match="no rows"):
        merge(template, Table(["จังหวัด", "งบประมาณ"]), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cancel_after_the_last_row_is_not_a_cancelled_merge(tmp_path, template,
                                                            render_settings):
    stop = threading.Event()
    summary = merge(template, small_table(rows_of(2)), None, (), combined=tmp_path / "all.pdf",
                    progress=lambda done, total, result: done == total and stop.set(),
                    cancel=stop.is_set, settings=render_settings)
    assert summary.ok and summary.combined == tmp_path / "all.pdf"
