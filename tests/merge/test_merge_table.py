"""Reading the merge data: CSV in UTF-8 (with or without BOM) or cp874, and XLSX."""

from __future__ import annotations

import pytest
from mergehelpers import COLUMNS, PROVINCES, csv_bytes, province_rows, write_xlsx

from dla_drafter.merge import TableError, read_table


def check_provinces(table):
    assert table.columns == COLUMNS
    assert len(table) == 76
    assert [r.values["จังหวัด"] for r in table.rows] == PROVINCES
    assert table.rows[0].number == 2  # the header is row 1, as Excel counts
    assert table.rows[0].values == {"ลำดับ": "1", "จังหวัด": PROVINCES[0], "งบประมาณ": "12,500"}
    assert table.rows[-1].values["งบประมาณ"] == "950,000"


@pytest.mark.parametrize("encoding, bom, expected", [
    ("utf-8", False, "utf-8"), ("utf-8", True, "utf-8-sig"), ("cp874", False, "cp874"),
])
def test_csv_encodings_are_detected(tmp_path, encoding, bom, expected):
    path = tmp_path / "data.csv"
    path.write_bytes(csv_bytes(province_rows(), encoding, bom))
    table = read_table(path)
    check_provinces(table)
    assert table.encoding == expected
    assert "\ufeff" not in table.columns[0]


def test_encoding_can_be_chosen_and_a_wrong_choice_is_a_clear_error(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(csv_bytes(province_rows(), "cp874"))
    check_provinces(read_table(path, encoding="TIS-620"))
    with pytest.raises(TableError) as caught:
        read_table(path, encoding="utf-8")
    message = caught.value.message("th")
    assert str(path) in message and "บรรทัด ๑" in message and "UTF-8" in message


def test_xlsx_first_sheet_with_numbers_as_excel_shows_them(tmp_path):
    rows = [[i + 1, name, (i + 1) * 12_500] for i, name in enumerate(PROVINCES)]
    path = write_xlsx(tmp_path / "data.xlsx", rows)
    from openpyxl import load_workbook

    book = load_workbook(path)
    for (cell,) in book.active.iter_rows(min_row=2, min_col=3, max_col=3):
        cell.number_format = "#,##0"
    book.save(path)
    check_provinces(read_table(path))


def test_blank_rows_are_skipped_and_short_rows_padded(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("จังหวัด,งบ\n\nตาก,1\n,\nน่าน\n", encoding="utf-8")
    table = read_table(path)
    assert [(r.number, r.values) for r in table.rows] == [
        (3, {"จังหวัด": "ตาก", "งบ": "1"}), (5, {"จังหวัด": "น่าน", "งบ": ""})]


@pytest.mark.parametrize("content, words", [
    ("จังหวัด,จังหวัด\nตาก,ตาก\n", ['แถวที่ ๑', 'คอลัมน์ "จังหวัด"', "ซ้ำ"]),
    ("จังหวัด,,งบ\nตาก,,1\n", ["แถวที่ ๑", "คอลัมน์ B", "ว่าง"]),
    ("จังหวัด,งบ\nตาก,1\nน่าน,2,3\n", ["แถวที่ ๓", "เกินจำนวนคอลัมน์", '"3"']),
    ("", ["ไม่มีข้อมูล"]),
])
def test_bad_tables_name_the_row_and_column(tmp_path, content, words):
    path = tmp_path / "data.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_table(path)
    message = caught.value.message("th")
    for word in words:
        assert word in message
    assert caught.value.message("en")


def test_unknown_or_missing_files_are_refused_in_thai(tmp_path):
    with pytest.raises(TableError, match="not found"):
        read_table(tmp_path / "none.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(TableError) as caught:
        read_table(tmp_path / "old.xls")
    assert ".xlsx" in caught.value.message("th")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(TableError) as caught:
        read_table(tmp_path / "bad.xlsx")
    assert "Excel" in caught.value.message("th")


def test_xlsx_cells_read_as_excel_shows_them(tmp_path):
    import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ก", "ข", "ค", "ง", "จ", "ฉ"])
    sheet.append([1500, 1500.5, 0.1 + 0.2, 0.075, datetime.date(2026, 12, 2), "  ตาก  "])
    sheet["A2"].number_format = "#,##0"
    sheet["B2"].number_format = "#,##0.00"
    sheet["D2"].number_format = "0.0%"
    book.save(tmp_path / "cells.xlsx")
    (row,) = read_table(tmp_path / "cells.xlsx").rows
    assert row.values == {"ก": "1,500", "ข": "1,500.50", "ค": "0.3", "ง": "7.5%",
                          "จ": "2/12/2026", "ฉ": "ตาก"}
