"""The row check the merge dialog marks its table with (issue 13 item 13): the same verdict
as the merge itself, before anything is typeset or written."""

from __future__ import annotations

import pytest
from mergehelpers import PROVINCES, amount

from dla_drafter.merge import MergeError, Row, Table, merge
from dla_drafter.merge.rowcheck import check_rows


def small_table(rows: list[dict[str, str]]) -> Table:
    return Table(list(rows[0]), [Row(n + 2, row) for n, row in enumerate(rows)])


def rows_of(count: int, **changes: dict[str, str]) -> list[dict[str, str]]:
    rows = [{"จังหวัด": PROVINCES[i], "งบประมาณ": amount(i), "เรื่อง": f"โครงการที่ {i + 1}"}
            for i in range(count)]
    for index, values in changes.items():
        rows[int(index.lstrip("r"))].update(values)
    return rows


def verdict(problems) -> set[tuple]:
    return {(p.row, p.column, p.field, p.severity, p.message_th) for p in problems}


def test_bad_rows_found_before_merging_are_the_rows_the_merge_fails(
        tmp_path, template, render_settings):
    template.subject = "«เรื่อง»"
    table = small_table(rows_of(8, r1={"งบประมาณ": ""}, r3={"เรื่อง": "ก" * 20_001},
                                r4={"งบประมาณ": "๑๒\n๕๐๐"}, r6={"งบประมาณ": "๑๐ 😀"},
                                r7={"จังหวัด": "   "}))
    found = check_rows(template, table, name_pattern="«จังหวัด»", settings=render_settings)
    errors = sorted(i for i, ps in found.items() if any(p.severity == "error" for p in ps))
    assert errors == [1, 3, 4, 7]
    assert [p.severity for p in found[6]] == ["warning"]  # made, with a box for the emoji
    assert "U+1F600" in found[6][0].message()
    assert found[1][0].message() == ('แถวที่ ๓ คอลัมน์ "งบประมาณ": ข้อความ ย่อหน้าที่ ๒: '
                                     "ไม่มีข้อมูลในคอลัมน์นี้")
    summary = merge(template, table, tmp_path, ("pdf",), "«จังหวัด»", settings=render_settings)
    assert summary.made == 4  # good rows are still made
    assert verdict(summary.problems) == verdict(p for ps in found.values() for p in ps)


def test_a_blank_file_name_is_a_bad_row_only_when_files_are_named(template, render_settings):
    table = small_table(rows_of(3, r1={"เรื่อง": " "}))
    found = check_rows(template, table, name_pattern="«เรื่อง»", settings=render_settings)
    assert list(found) == [1] and "ตั้งชื่อไฟล์ไม่ได้" in found[1][0].message_th
    assert check_rows(template, table, name_pattern="", settings=render_settings) == {}


def test_a_good_table_has_no_marks(template, render_settings):
    assert check_rows(template, small_table(rows_of(5)), settings=render_settings) == {}


def test_what_fails_every_row_is_raised_as_the_merge_raises_it(template):
    table = Table(["จังหวัด"], [Row(2, {"จังหวัด": "น่าน"})])
    with pytest.raises(MergeError) as caught:
        check_rows(template, table)
    assert "งบประมาณ" in str(caught.value.problems[0].message())
