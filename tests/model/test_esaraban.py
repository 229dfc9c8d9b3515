"""``signer.e_saraban``: read, written only when on, type-checked, and warned about."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from dla_drafter.model.checks import check_letter
from dla_drafter.model.draftio import (
    dumps_draft,
    letter_from_dict,
    letter_to_dict,
    load_draft,
    save_draft,
    validate_letter,
)
from dla_drafter.problems import DraftError

TODAY = datetime.date(2022, 7, 1)  # the spec example is clean on this day
WARNING_TH = ("ใช้ได้เฉพาะหนังสือที่ส่งทางระบบสารบรรณอิเล็กทรอนิกส์ที่ยืนยันตัวตนแล้ว "
              "(ระเบียบงานสารบรรณ ฉบับที่ ๔ พ.ศ. ๒๕๖๔) ห้ามพิมพ์ส่งเป็นกระดาษ")
FIELD_TH = "ลงนามด้วยชื่อในระบบสารบรรณอิเล็กทรอนิกส์"


def test_a_v1_file_without_the_key_reads_false_and_saves_byte_for_byte(
        example_file: Path, tmp_path: Path) -> None:
    letter = load_draft(example_file)
    assert letter.signer.e_saraban is False
    assert "e_saraban" not in letter.signer.extra
    # a file the program wrote (canonical) is written again identically
    first = tmp_path / "first.dladraft.json"
    save_draft(letter, first)
    again = tmp_path / "again.dladraft.json"
    save_draft(load_draft(first), again)
    assert again.read_bytes() == first.read_bytes()
    assert "e_saraban" not in first.read_text(encoding="utf-8")


def test_the_key_is_read_and_written_when_on(example: dict[str, Any], tmp_path: Path) -> None:
    example["signer"]["e_saraban"] = True
    letter = letter_from_dict(example)
    assert letter.signer.e_saraban is True
    assert "e_saraban" not in letter.signer.extra  # a known field, not an unknown key
    path = tmp_path / "on.dladraft.json"
    save_draft(letter, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["signer"] == {"name": "", "position": ["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"],
                               "e_saraban": True}
    assert load_draft(path).signer.e_saraban is True
    letter.signer.e_saraban = False  # turned off: the key goes away again
    assert "e_saraban" not in letter_to_dict(letter)["signer"]


def test_an_explicit_false_is_read_and_not_written(example: dict[str, Any]) -> None:
    example["signer"]["e_saraban"] = False
    letter = letter_from_dict(example)
    assert letter.signer.e_saraban is False
    assert '"e_saraban"' not in dumps_draft(letter)


@pytest.mark.parametrize("value", ["true", 1, None, [True]])
def test_a_wrong_type_is_named(example: dict[str, Any], value: object) -> None:
    example["signer"]["e_saraban"] = value
    with pytest.raises(DraftError) as info:
        letter_from_dict(example)
    (problem,) = [p for p in info.value.problems if p.field == "signer.e_saraban"]
    assert problem.is_error
    assert problem.message("th").startswith(f"{FIELD_TH}: ")
    assert "signer.e_saraban" in problem.message("en", path=True)


def test_a_wrong_type_set_in_code_is_named_before_a_save(example: dict[str, Any]) -> None:
    letter = letter_from_dict(example)
    letter.signer.e_saraban = "yes"  # type: ignore[assignment]
    assert [p.field for p in validate_letter(letter)] == ["signer.e_saraban"]
    with pytest.raises(DraftError):
        dumps_draft(letter)


def test_the_warning_when_on_names_the_regulation(complete_example: dict[str, Any]) -> None:
    example = complete_example
    assert check_letter(letter_from_dict(example), TODAY) == []
    example["signer"]["e_saraban"] = True
    example["signer"]["name"] = "นายประยูร รัตนเสนีย์"
    problems = check_letter(letter_from_dict(example), TODAY)
    assert [(p.field, p.code, p.severity) for p in problems] == [
        ("signer.e_saraban", "e-saraban-only", "warning")]
    assert problems[0].message("th") == f"{FIELD_TH}: {WARNING_TH}"
    assert "e-saraban" in problems[0].message("en") and "paper" in problems[0].message("en")


def test_with_e_saraban_the_name_must_be_typed(complete_example: dict[str, Any]) -> None:
    example = complete_example
    example["signer"]["name"] = ""
    example["signer"]["e_saraban"] = True
    fields = {p.field: p.code for p in check_letter(letter_from_dict(example), TODAY)}
    assert fields == {"signer.e_saraban": "e-saraban-only",
                      "signer.name": "e-saraban-name-missing"}


def test_a_stamped_letter_has_no_signer_so_the_option_is_not_printed(
        example: dict[str, Any]) -> None:
    example["kind"] = "stamped"
    example["signer"] = {"name": "", "position": [], "e_saraban": True}
    example["complimentary_close"] = "ขอแสดงความนับถือ"
    problems = check_letter(letter_from_dict(example), TODAY)
    mine = [p for p in problems if p.field == "signer.e_saraban"]
    assert [p.code for p in mine] == ["not-printed"]
    assert FIELD_TH in mine[0].message("th")
