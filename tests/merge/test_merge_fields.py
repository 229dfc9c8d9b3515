"""«column» fields: a plain scan with ««/»» escapes; nothing else is ever evaluated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dla_drafter.merge import (
    FieldError,
    columns_used,
    escape,
    field_for,
    letter_fields,
    merge_letter,
    substitute,
)
from dla_drafter.model.letter import Enclosure, Letter


def test_field_is_replaced_by_the_value_as_it_is():
    values = {"จังหวัด": "เชียงใหม่", "ชื่อ": "«จังหวัด» {{ x }}"}
    assert substitute("ผู้ว่าราชการจังหวัด«จังหวัด»", values) == "ผู้ว่าราชการจังหวัดเชียงใหม่"
    assert substitute("เรียน « จังหวัด »", values) == "เรียน เชียงใหม่"
    # a value that looks like a field is data: it is not substituted again
    assert substitute("คุณ«ชื่อ»", values) == "คุณ«จังหวัด» {{ x }}"


@pytest.mark.parametrize("text", [
    "{{ 7*7 }}", "{% if x %}ใช่{% endif %}", "${7*7}", "{{ «จังหวัด» }}", "#{7*7}", "%(x)s {0}",
])
def test_template_syntax_stays_literal(text):
    result = substitute(text, {"จังหวัด": "ตาก"})
    assert result == text.replace("«จังหวัด»", "ตาก")
    assert "49" not in result


def test_doubled_guillemets_are_literal_and_a_lone_close_is_text():
    assert substitute("««ตัวอย่าง»» «ก»", {"ก": "๑"}) == "«ตัวอย่าง» ๑"
    assert substitute("ราคา 5» และ »»", {}) == "ราคา 5» และ »"
    assert substitute("«««ก»»»", {"ก": "x"}) == "«x»"


def test_unknown_column_names_the_field_and_the_column():
    with pytest.raises(FieldError) as caught:
        substitute("เรียน «ผู้รับ»", {"จังหวัด": "ตาก"}, path="addressee")
    error = caught.value
    assert (error.field, error.column, error.code) == ("addressee", "ผู้รับ", "unknown-column")
    assert "ผู้รับ (ตำแหน่งที่มีหนังสือถึง): " in error.message("th")
    assert "(addressee)" not in error.message("th")
    assert '"ผู้รับ"' in error.message("th")


@pytest.mark.parametrize("text, code", [("เรียน «จังหวัด", "field-unclosed"),
                                        ("«ก «ข»", "field-unclosed"),
                                        ("เรียน «»", "field-empty")])
def test_malformed_fields_are_errors_naming_the_field(text, code):
    with pytest.raises(FieldError) as caught:
        substitute(text, {"จังหวัด": "ตาก", "ข": "x"}, path="body[1]")
    assert caught.value.code == code
    assert "ข้อความ ย่อหน้าที่ ๒: " in caught.value.message("th")


def test_fields_are_listed_with_the_paths_of_the_problems_panel():
    letter = Letter(subject="เรื่อง «เรื่อง»", addressee="ผู้ว่าราชการจังหวัด«จังหวัด»",
                    body=["ก", "จังหวัด«จังหวัด» ได้ «งบ» บาท"],
                    enclosures=[Enclosure("แบบ", "«ชุด» ชุด")])
    letter.signer.position = ["", "ผู้ว่าราชการจังหวัด«จังหวัด»"]
    letter.extra = {"note": "«ไม่ใช่ช่องข้อมูล»"}
    refs = [(r.path, r.name) for r in letter_fields(letter)]
    assert refs == [
        ("subject", "เรื่อง"), ("addressee", "จังหวัด"), ("body[1]", "จังหวัด"),
        ("body[1]", "งบ"), ("enclosures[0].amount", "ชุด"), ("signer.position[1]", "จังหวัด"),
    ]
    assert columns_used(letter) == ["เรื่อง", "จังหวัด", "งบ", "ชุด"]


def test_merge_letter_fills_a_copy_and_leaves_the_draft_alone():
    letter = Letter(subject="«เรื่อง»", addressee="ผู้ว่าราชการจังหวัด«จังหวัด»",
                    body=["«จังหวัด»"], enclosures=[Enclosure("«เรื่อง»", "๑ ชุด")])
    merged = merge_letter(letter, {"เรื่อง": "ขอเชิญประชุม", "จังหวัด": "ยะลา"})
    assert merged.subject == "ขอเชิญประชุม"
    assert merged.addressee == "ผู้ว่าราชการจังหวัดยะลา"
    assert merged.body == ["ยะลา"]
    assert merged.enclosures[0].text == "ขอเชิญประชุม"
    assert letter.subject == "«เรื่อง»" and letter.body == ["«จังหวัด»"]


@given(st.text(), st.dictionaries(st.text(min_size=1).filter(lambda n: n.strip() == n and
                                                            "«" not in n and "»" not in n),
                                  st.text(), max_size=3))
def test_escaped_text_comes_out_exactly_and_fields_take_values_verbatim(text, values):
    assert substitute(escape(text), values) == text
    for name, value in values.items():
        assert substitute(escape(text) + field_for(name), values) == text + value


def test_field_refuses_names_that_cannot_be_fields():
    assert field_for(" จังหวัด ") == "«จังหวัด»"
    for bad in ("", "  ", "ก»ข", "«ก"):
        with pytest.raises(ValueError):
            field_for(bad)


def test_merge_errors_are_drafter_errors_read_like_every_other():
    """One error convention (issue 15 item 4): a merge field's, a table's and the merge's
    errors are DrafterErrors whose problems carry field, code and both languages."""
    import pickle

    from dla_drafter.merge import MergeError, TableError
    from dla_drafter.merge.run import RowProblem
    from dla_drafter.problems import DrafterError, Problem

    with pytest.raises(DrafterError) as caught:
        substitute("เรียน «ผู้รับ»", {}, path="addressee")
    (problem,) = caught.value.problems
    assert (problem.field, problem.code) == ("addressee", "unknown-column")
    table = TableError("ว่าง", "empty", row=3, column="ชื่อ", path="data.csv")
    assert isinstance(table, DrafterError) and table.message("en").startswith(
        'file data.csv row 3 column "ชื่อ": empty')
    row = RowProblem(5, "ชื่อ", "subject", "error", "ว่าง", "is empty")
    assert isinstance(row, Problem) and row.is_error
    merged = MergeError([row])
    assert isinstance(merged, DrafterError) and merged.errors == [row]
    assert merged.message("th").startswith('แถวที่ ๕ คอลัมน์ "ชื่อ": เรื่อง: ว่าง')
    again = pickle.loads(pickle.dumps(merged))  # worker processes pickle them
    assert again.problems == [row] and again.message("en") == merged.message("en")
    field_again = pickle.loads(pickle.dumps(caught.value))
    assert field_again.field == "addressee" and field_again.column == "ผู้รับ"
