"""The blocks' own wording: what a date line, a memo row and ``สั่ง ณ วันที่`` print as one line."""

from __future__ import annotations

from dla_drafter.compose.blocks import Composition, DateLine, FieldText, IssuedOn, MemoRow


def test_a_date_line_with_its_day_and_with_room_for_it() -> None:
    assert DateLine("๒", "มิถุนายน ๒๕๖๙").text == "๒ มิถุนายน ๒๕๖๙"
    assert DateLine(None, "มิถุนายน ๒๕๖๙").text == "มิถุนายน ๒๕๖๙"


def test_a_memo_row_joins_its_pieces_and_skips_empty_ones() -> None:
    row = MemoRow("ส่วนราชการ", "agency.name", (
        FieldText("กองคลัง", "agency.name"), FieldText("", "owner_unit", 0),
        FieldText("(ฝ่ายการเงิน)", "owner_unit", 1), FieldText("โทร. ๑๒๓๔", "contact.phone")))
    assert row.text == "กองคลัง (ฝ่ายการเงิน) โทร. ๑๒๓๔"
    assert MemoRow("ที่", "number.code", ()).text == ""
    assert not row.leave_room


def test_issued_on_reads_as_one_line_with_or_without_its_day() -> None:
    assert IssuedOn("สั่ง ณ วันที่", "๒๐", "พฤศจิกายน พ.ศ. ๒๕๖๙").text == (
        "สั่ง ณ วันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๙")
    assert IssuedOn("ประกาศ ณ วันที่", None, "พฤศจิกายน พ.ศ. ๒๕๖๙").text == (
        "ประกาศ ณ วันที่ พฤศจิกายน พ.ศ. ๒๕๖๙")


def test_a_composition_is_an_external_letter_in_thai_digits_unless_told() -> None:
    composition = Composition(())
    assert (composition.kind, composition.secrecy, composition.digits) == (
        "external", None, "thai")
