"""Loading and saving v1 drafts: the spec's contract, defaults, unknown keys, bad input."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from dla_drafter.model.draftio import (
    MAX_FILE_BYTES,
    dumps_draft,
    letter_from_dict,
    letter_from_dict_with_warnings,
    letter_to_dict,
    load_draft,
    load_draft_with_warnings,
    loads_draft,
    save_draft,
    validate_letter,
)
from dla_drafter.model.letter import (
    DEFAULT_CLOSE,
    DEFAULT_QR_CAPTION,
    DEFAULT_RECIPIENTS_TITLE,
    Enclosure,
    Initial,
    Letter,
    LetterDate,
)
from dla_drafter.problems import DraftError, Problem


def errors_of(data: object) -> list[Problem]:
    with pytest.raises(DraftError) as info:
        letter_from_dict(data)
    return info.value.problems


def only(problems: list[Problem], field: str) -> Problem:
    matching = [p for p in problems if p.field == field]
    assert len(matching) == 1, [p.message("en") for p in problems]
    return matching[0]


def assert_names_field(problem: Problem, thai_name: str, english_name: str) -> None:
    """The one-line messages carry the field's display name in both languages; its path
    only when asked for (``check --verbose``)."""
    assert problem.message("th").startswith(f"{thai_name}: ")
    assert problem.message("en").startswith(f"{english_name}: ")
    assert problem.message("th", path=True).startswith(f"{thai_name} ({problem.field}): ")
    head = english_name if english_name == problem.field else f"{english_name} ({problem.field})"
    assert problem.message("en", path=True).startswith(f"{head}: ")


# --------------------------------------------------------------------------- the example


def test_spec_example_loads_with_every_value(example_file: Path) -> None:
    letter, warnings = load_draft_with_warnings(example_file)
    assert warnings == []
    assert letter.kind == "external"
    assert letter.number.code == "มท 0816.3"
    assert letter.number.circular is True
    assert letter.number.serial is None
    assert letter.agency.address == ["ถนนนครราชสีมา เขตดุสิต", "กทม. 10300"]
    assert letter.date == LetterDate(month=6, year=2565, day=None)
    assert letter.addressee == "ผู้ว่าราชการจังหวัด (ตามรายชื่อแนบท้าย)"
    assert letter.enclosures == [Enclosure("รายชื่อสถานศึกษาที่เข้าร่วมโครงการ", "1 ชุด")]
    assert len(letter.body) == 2
    assert letter.signer.name == ""
    assert letter.signer.position == ["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]
    assert letter.contact.phone == "0 2241 9000 ต่อ 5312"
    assert letter.contact.fax == ""  # absent in the example: default
    assert letter.qr.caption == DEFAULT_QR_CAPTION


def test_spec_example_round_trips(example: dict[str, Any], tmp_path: Path) -> None:
    letter = letter_from_dict(example)
    text = dumps_draft(letter)
    written = json.loads(text)
    # Everything the example said is written back unchanged …
    for key, value in example.items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                assert written[key][inner] == inner_value, f"{key}.{inner}"
        else:
            assert written[key] == value, key
    # … and the defaults are written out explicitly.
    assert written["contact"]["fax"] == ""
    assert written["urgency"] is None
    assert written["file_copy"] is False
    assert loads_draft(text) == letter
    path = tmp_path / "copy.dladraft.json"
    save_draft(letter, path)
    assert load_draft(path) == letter
    assert path.read_text(encoding="utf-8") == text


def test_dumps_is_utf8_indented_stable_and_in_spec_order(example: dict[str, Any]) -> None:
    letter = letter_from_dict(example)
    text = dumps_draft(letter)
    assert text == dumps_draft(letter_from_dict(json.loads(text)))
    assert "กรมส่งเสริม" in text and "\\u0e" not in text  # Thai as is, not escaped
    assert text.startswith('{\n  "format": "dla-drafter/letter@1",\n  "kind": "external",')
    assert text.endswith("}\n")
    keys = list(json.loads(text))
    assert keys[:6] == ["format", "kind", "urgency", "secrecy", "file_copy", "number"]
    assert keys[-1] == "digits"
    assert list(json.loads(text)["date"]) == ["day", "month", "year"]


def test_missing_optional_keys_take_spec_defaults(minimal: dict[str, Any]) -> None:
    letter = letter_from_dict(minimal)
    assert letter.kind == "external"
    assert letter.urgency is None and letter.secrecy is None
    assert letter.file_copy is False
    assert letter.number.code == "" and letter.number.circular is False
    assert letter.number.serial is None
    assert letter.agency.name == "" and letter.agency.address == []
    assert letter.date.day is None
    assert letter.salutation == "เรียน"
    assert letter.references == [] and letter.enclosures == []
    assert letter.closing == ""
    assert letter.complimentary_close == DEFAULT_CLOSE
    assert letter.signer.name == "" and letter.signer.position == []
    assert letter.qr.url == "" and letter.qr.caption == DEFAULT_QR_CAPTION
    assert letter.recipients.title == DEFAULT_RECIPIENTS_TITLE and letter.recipients.names == []
    assert letter.initials == [] and letter.copies_to == [] and letter.owner_unit == []
    assert letter.digits == "thai"
    assert letter.extra == {}


def test_utf8_bom_is_accepted(spec_text: str, tmp_path: Path) -> None:
    path = tmp_path / "bom.dladraft.json"
    path.write_bytes(b"\xef\xbb\xbf" + spec_text.encode("utf-8"))
    assert load_draft(path).number.code == "มท 0816.3"


# --------------------------------------------------------------------------- unknown keys

UNKNOWN = {"x-future": {"nested": [1, 2.5, None, True, "ก"], "empty": {}}}


def test_unknown_keys_kept_at_every_level(example: dict[str, Any]) -> None:
    data = dict(example)
    data["x-top"] = [1, {"a": "b"}]
    data["kind"] = "external"
    for key in ("number", "agency", "date", "signer", "contact"):
        data[key] = {**data[key], **UNKNOWN}
    data["qr"] = {"url": "https://example.go.th/a", **UNKNOWN}
    data["recipients"] = {"names": ["จังหวัดกระบี่"], **UNKNOWN}
    data["enclosures"] = [{**data["enclosures"][0], **UNKNOWN}]
    data["initials"] = [{"role": "ร่าง", "name": "ก.", **UNKNOWN}]

    letter = letter_from_dict(data)
    assert letter.extra == {"x-top": [1, {"a": "b"}]}
    assert letter.number.extra == UNKNOWN
    assert letter.enclosures[0].extra == UNKNOWN
    assert letter.initials[0] == Initial("ร่าง", "ก.", UNKNOWN)

    letter.subject = "แก้ไขแล้ว"  # an edit does not disturb the unknown keys
    written = json.loads(dumps_draft(letter))
    assert written["x-top"] == [1, {"a": "b"}]
    for key in ("number", "agency", "date", "signer", "contact", "qr", "recipients"):
        assert written[key]["x-future"] == UNKNOWN["x-future"], key
    assert written["enclosures"][0]["x-future"] == UNKNOWN["x-future"]
    assert written["initials"][0]["x-future"] == UNKNOWN["x-future"]
    assert written["subject"] == "แก้ไขแล้ว"
    # Known keys come first, unknown ones after, in the order they were read.
    assert list(written["number"]) == ["code", "circular", "serial", "x-future"]


def test_unknown_values_are_copied_not_shared(minimal: dict[str, Any]) -> None:
    minimal["x"] = {"list": [1, 2]}
    letter = letter_from_dict(minimal)
    minimal["x"]["list"].append(3)
    assert letter.extra == {"x": {"list": [1, 2]}}
    out = letter_to_dict(letter)
    out["x"]["list"].append(4)
    assert letter.extra == {"x": {"list": [1, 2]}}


def test_unknown_key_cannot_shadow_a_known_one() -> None:
    letter = Letter(subject="จริง", extra={"subject": "ปลอม", "format": "x", "x-keep": 1})
    data = letter_to_dict(letter)
    assert data["subject"] == "จริง" and data["format"] == "dla-drafter/letter@1"
    assert data["x-keep"] == 1


def test_deeply_nested_unknown_value_is_an_error_not_a_crash(minimal: dict[str, Any]) -> None:
    deep: Any = "leaf"
    for _ in range(400):
        deep = [deep]
    minimal["x-deep"] = deep
    problem = only(errors_of(minimal), "x-deep")
    assert problem.code == "extra-value"


# --------------------------------------------------------------------------- bad values


def test_all_problems_are_listed_not_just_the_first(minimal: dict[str, Any]) -> None:
    minimal["subject"] = 5
    minimal["date"]["month"] = 13
    minimal["kind"] = "letter"
    minimal["body"] = ["ok", 7]
    fields = {p.field for p in errors_of(minimal)}
    assert {"subject", "date.month", "kind", "body[1]"} <= fields


def test_wrong_types_name_the_field(minimal: dict[str, Any]) -> None:
    minimal.update(
        subject=5,
        body="ข้อความเดียว",
        number=[],
        file_copy="yes",
        urgency=1,
        enclosures=[{"text": "ก", "amount": 1}, "ข"],
    )
    minimal["date"]["month"] = "6"
    problems = errors_of(minimal)
    subject = only(problems, "subject")
    assert subject.code == "type"
    assert_names_field(subject, "เรื่อง", "subject")
    assert "ข้อความ" in subject.message_th and "5" in subject.message_th
    assert "must be text, got number 5" in subject.message_en
    assert_names_field(only(problems, "body"), "ข้อความ", "body")
    assert_names_field(only(problems, "number"), "ที่ (เลขที่หนังสือ)", "letter number")
    assert "true หรือ false" in only(problems, "file_copy").message_th
    assert only(problems, "urgency").code == "enum"
    assert_names_field(only(problems, "date.month"), "เดือน", "month")
    assert_names_field(
        only(problems, "enclosures[0].amount"),
        "สิ่งที่ส่งมาด้วย รายการที่ ๑ จำนวน",
        "enclosures item 1 amount",
    )
    assert only(problems, "enclosures[1]").code == "type"


def test_null_where_text_is_required(minimal: dict[str, Any]) -> None:
    minimal["closing"] = None
    problem = only(errors_of(minimal), "closing")
    assert "null" in problem.message_th and "null" in problem.message_en


def test_required_keys_missing(minimal: dict[str, Any]) -> None:
    for key in ("subject", "addressee", "body"):
        del minimal[key]
    del minimal["date"]["year"]
    problems = errors_of(minimal)
    for field in ("subject", "addressee", "body", "date.year"):
        assert only(problems, field).code == "required"
    assert "ต้องมี" in only(problems, "subject").message_th


def test_month_13(minimal: dict[str, Any]) -> None:
    minimal["date"]["month"] = 13
    problem = only(errors_of(minimal), "date.month")
    assert problem.code == "month-range"
    assert problem.message("th") == "เดือน: ต้องเป็นเลข ๑–๑๒ แต่ได้ 13"
    assert problem.message("en") == "month: must be a number 1–12, got 13"
    assert problem.message("en", path=True) == "month (date.month): must be a number 1–12, got 13"


def test_day_31_in_april(minimal: dict[str, Any]) -> None:
    minimal["date"] = {"day": 31, "month": 4, "year": 2565}
    problem = only(errors_of(minimal), "date.day")
    assert problem.code == "day-range"
    assert problem.message("th").startswith("วันที่: ")
    assert "เมษายน" in problem.message_th and "๓๐" in problem.message_th
    assert "April" in problem.message_en and "31" in problem.message_en
    minimal["date"]["day"] = 30
    assert letter_from_dict(minimal).date.day == 30


@pytest.mark.parametrize(
    ("year_be", "leap"),
    [(2566, False), (2567, True), (2443, False), (2543, True), (2643, False)],
)
def test_february_29_follows_leap_years_of_be_minus_543(
    minimal: dict[str, Any], year_be: int, leap: bool
) -> None:
    minimal["date"] = {"day": 29, "month": 2, "year": year_be}
    if leap:
        assert letter_from_dict(minimal).date.day == 29
    else:
        problem = only(errors_of(minimal), "date.day")
        assert "อธิกสุรทิน" in problem.message_th and "leap" in problem.message_en


def test_day_zero_and_day_with_bad_month(minimal: dict[str, Any]) -> None:
    minimal["date"] = {"day": 0, "month": 5, "year": 2565}
    assert only(errors_of(minimal), "date.day").code == "day-range"
    minimal["date"] = {"day": 32, "month": 13, "year": 2565}
    fields = {p.field for p in errors_of(minimal)}
    assert fields == {"date.day", "date.month"}


def test_ce_year_asks_for_buddhist_era(minimal: dict[str, Any]) -> None:
    minimal["date"]["year"] = 2022
    problem = only(errors_of(minimal), "date.year")
    assert problem.code == "year-ce"
    assert "พ.ศ." in problem.message_th and "2565" in problem.message_th
    assert "Buddhist Era" in problem.message_en
    minimal["date"]["year"] = 3000
    assert only(errors_of(minimal), "date.year").code == "year-range"
    minimal["date"]["year"] = True  # a bool is not a year
    assert only(errors_of(minimal), "date.year").code == "type"


@pytest.mark.parametrize(
    ("key", "value"),
    [("kind", "letter"), ("urgency", "ด่วนมากๆ"), ("secrecy", "ลับเฉพาะ"), ("digits", "roman")],
)
def test_enum_fields(minimal: dict[str, Any], key: str, value: str) -> None:
    minimal[key] = value
    problem = only(errors_of(minimal), key)
    assert problem.code == "enum"
    assert value in problem.message_th and value in problem.message_en


def test_enum_fields_accept_every_spec_value(minimal: dict[str, Any]) -> None:
    minimal.update(kind="announcement", urgency="ด่วนที่สุด", secrecy="ลับมาก", digits="as-typed")
    letter = letter_from_dict(minimal)
    assert (letter.kind, letter.urgency, letter.secrecy, letter.digits) == (
        "announcement",
        "ด่วนที่สุด",
        "ลับมาก",
        "as-typed",
    )


@pytest.mark.parametrize(
    ("where", "char", "name"),
    [
        ("subject", "\t", "TAB"),
        ("body[1]", "\n", "LINE FEED"),
        ("signer.name", "\x00", "NUL"),
        ("addressee", "\r", "CARRIAGE RETURN"),
        ("agency.address[0]", "\x85", "CONTROL"),
        ("contact.email", "\x7f", "CONTROL"),
        ("subject", "\u2028", "LINE SEPARATOR"),
    ],
)
def test_control_characters_are_errors_naming_the_field(
    minimal: dict[str, Any], where: str, char: str, name: str
) -> None:
    minimal["body"] = ["ก", "ข"]
    minimal["agency"] = {"address": ["ถนน"]}
    minimal["signer"] = {"name": "ชื่อ"}
    minimal["contact"] = {"email": "a@b.go.th"}
    container: Any = minimal
    *parents, last = where.replace("[", ".").replace("]", "").split(".")
    for part in parents:
        container = container[int(part)] if part.isdigit() else container[part]
    key: Any = int(last) if last.isdigit() else last
    container[key] = container[key] + char + "ต่อ"
    problem = only(errors_of(minimal), where)
    assert problem.code == "control-char"
    assert name in problem.message_en
    assert f"U+{ord(char):04X}" in problem.message_th
    assert f"({where}): " in problem.message("th", path=True)


def test_json_escaped_nul_in_a_file_is_an_error(spec_text: str, tmp_path: Path) -> None:
    path = tmp_path / "nul-char.dladraft.json"  # not "nul.…": a device name on Windows
    path.write_text(spec_text.replace('"name": ""', '"name": "a\\u0000b"'), encoding="utf-8")
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert only(info.value.problems, "signer.name").code == "control-char"


def test_lone_surrogate_is_an_error(minimal: dict[str, Any]) -> None:
    minimal["subject"] = "ก\ud800"
    minimal["x-extra"] = ["\udfff"]
    problems = errors_of(minimal)
    assert only(problems, "subject").code == "invalid-char"
    assert only(problems, "x-extra[0]").code == "extra-value"


def test_five_megabyte_string_fails_fast(tmp_path: Path, minimal: dict[str, Any]) -> None:
    minimal["subject"] = "a" * 5_000_000
    path = tmp_path / "big.dladraft.json"
    path.write_text(json.dumps(minimal), encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert time.perf_counter() - start < 1.0
    problem = only(info.value.problems, "subject")
    assert problem.code == "too-long"
    assert "20,000" in problem.message_th and "5,000,000" in problem.message_en


def test_too_many_list_items(minimal: dict[str, Any]) -> None:
    minimal["body"] = ["ก"] * 2001
    problem = only(errors_of(minimal), "body")
    assert problem.code == "too-many-items"
    minimal["body"] = ["ก"] * 2000
    assert len(letter_from_dict(minimal).body) == 2000


def test_file_over_ten_megabytes_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.dladraft.json"
    with open(path, "wb") as stream:
        stream.write(b"[" * (MAX_FILE_BYTES + 1))  # would be a RecursionError if parsed
    start = time.perf_counter()
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert time.perf_counter() - start < 1.0
    assert info.value.problems[0].code == "file-too-large"


def test_invisible_characters_are_removed_with_a_warning(minimal: dict[str, Any]) -> None:
    minimal["subject"] = "ทดสอบ\u200bระบบ\u200b"
    minimal["body"] = ["ก\u00adข", "ค"]
    letter, warnings = letter_from_dict_with_warnings(minimal)
    assert letter.subject == "ทดสอบระบบ"
    assert letter.body == ["กข", "ค"]
    assert {(w.field, w.code, w.severity) for w in warnings} == {
        ("subject", "invisible-char", "warning"),
        ("body[0]", "invisible-char", "warning"),
    }
    subject = only(warnings, "subject")
    assert "U+200B" in subject.message_th and "×2" in subject.message_en
    assert subject.message("th").startswith("เรื่อง: ")


def test_invisible_characters_are_not_written(minimal: dict[str, Any]) -> None:
    letter = letter_from_dict(minimal)
    letter.subject = "ก\ufeffข"
    assert "\ufeff" not in dumps_draft(letter)


# --------------------------------------------------------------------------- bad files


def load_error(path: Path) -> DraftError:
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert info.value.path == path
    return info.value


def test_bad_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.dladraft.json"
    path.write_text('{\n  "format": "dla-drafter/letter@1",\n  "subject": ,\n}', encoding="utf-8")
    error = load_error(path)
    problem = error.problems[0]
    assert problem.code == "json-syntax"
    assert "บรรทัด 3 คอลัมน์ 14" in problem.message_th
    assert "line 3, column 14" in problem.message_en
    text = str(error)
    assert "บรรทัด 3" in text and "line 3" in text and str(path) in text


def test_nan_is_not_json(spec_text: str, tmp_path: Path) -> None:
    path = tmp_path / "nan.dladraft.json"
    path.write_text(spec_text.replace('"digits": "thai"', '"digits": "thai", "x": NaN'),
                    encoding="utf-8")
    assert load_error(path).problems[0].code == "json-syntax"


def test_top_level_list(tmp_path: Path) -> None:
    path = tmp_path / "list.dladraft.json"
    path.write_text("[1, 2]", encoding="utf-8")
    problem = load_error(path).problems[0]
    assert problem.code == "top-level-type"
    assert "ออบเจกต์" in problem.message_th and "JSON object" in problem.message_en


def test_newer_format_says_newer_version(example: dict[str, Any]) -> None:
    example["format"] = "dla-drafter/letter@2"
    example["date"]["month"] = 99  # not reported: the version is the problem
    (problem,) = errors_of(example)
    assert problem.code == "format-newer"
    assert "ใหม่กว่า" in problem.message_th and "newer version" in problem.message_en
    assert problem.message("th").startswith("รูปแบบไฟล์: ")


def test_other_or_missing_format(example: dict[str, Any]) -> None:
    example["format"] = "something-else"
    assert errors_of(example)[0].code == "format-unknown"
    del example["format"]
    assert only(errors_of(example), "format").code == "format-missing"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.dladraft.json"
    error = load_error(path)
    assert error.problems[0].code == "file-missing"
    assert "ไม่พบไฟล์" in str(error) and "does not exist" in str(error)


def test_directory(tmp_path: Path) -> None:
    error = load_error(tmp_path)
    assert error.problems[0].code == "file-is-directory"
    assert "โฟลเดอร์" in error.problems[0].message_th and "folder" in error.problems[0].message_en


def test_unreadable_file(spec_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.dladraft.json"
    path.write_text(spec_text, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("dla_drafter.model.draftio.open", refuse, raising=False)
    error = load_error(path)
    assert error.problems[0].code == "file-permission"
    assert "สิทธิ์" in error.problems[0].message_th and "permission" in error.problems[0].message_en


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_for_real(spec_text: str, tmp_path: Path) -> None:
    path = tmp_path / "secret.dladraft.json"
    path.write_text(spec_text, encoding="utf-8")
    path.chmod(0)
    assert load_error(path).problems[0].code == "file-permission"


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "tis620.dladraft.json"
    path.write_bytes(b'{\n  "subject": "\xa1\xa2"\n}')  # TIS-620 bytes
    problem = load_error(path).problems[0]
    assert problem.code == "file-encoding"
    assert "UTF-8" in problem.message_th and "line 2" in problem.message_en


def test_utf16_file(spec_text: str, tmp_path: Path) -> None:
    path = tmp_path / "utf16.dladraft.json"
    path.write_bytes(spec_text.encode("utf-16"))
    assert "UTF-16" in load_error(path).problems[0].message_en


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.dladraft.json"
    path.write_bytes(b"")
    assert load_error(path).problems[0].code == "json-empty"


def test_errors_inside_a_file_carry_the_path(tmp_path: Path, minimal: dict[str, Any]) -> None:
    minimal["date"]["month"] = 13
    path = tmp_path / "m13.dladraft.json"
    path.write_text(json.dumps(minimal), encoding="utf-8")
    error = load_error(path)
    assert only(error.problems, "date.month").code == "month-range"
    assert str(path) in str(error)
    assert "- เดือน: " in str(error) and "- month: " in str(error)


# --------------------------------------------------------------------------- saving


def test_save_with_backup_keeps_the_previous_file(tmp_path: Path, example: dict[str, Any]) -> None:
    path = tmp_path / "letter.dladraft.json"
    letter = letter_from_dict(example)
    save_draft(letter, path, backup=True)
    assert not (tmp_path / "letter.dladraft.json.bak").exists()
    first = path.read_bytes()
    letter.subject = "ฉบับที่สอง"
    save_draft(letter, path, backup=True)
    assert (tmp_path / "letter.dladraft.json.bak").read_bytes() == first
    assert load_draft(path).subject == "ฉบับที่สอง"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "letter.dladraft.json",
        "letter.dladraft.json.bak",
    ]


def test_invalid_letter_is_not_saved(tmp_path: Path, example: dict[str, Any]) -> None:
    path = tmp_path / "letter.dladraft.json"
    letter = letter_from_dict(example)
    save_draft(letter, path)
    before = path.read_bytes()
    letter.date.month = 13
    letter.subject = "มี\tแท็บ"
    with pytest.raises(DraftError) as info:
        save_draft(letter, path)
    assert {p.field for p in info.value.problems} == {"date.month", "subject"}
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["letter.dladraft.json"]


def test_validate_letter_reports_model_problems() -> None:
    letter = Letter(subject="ก", addressee="ข", body=["ค"], date=LetterDate(day=30, month=4))
    letter.kind = "memo"
    assert validate_letter(letter) == []
    letter.date.year = 2022
    letter.kind = "circular"
    assert {p.code for p in validate_letter(letter)} == {"year-ce", "enum"}


def test_validate_letter_names_python_type_mistakes() -> None:
    letter = Letter(subject="ก", addressee="ข", body="ค")  # type: ignore[arg-type]
    letter.date.month = "6"  # type: ignore[assignment]
    letter.extra = {"x-set": {1, 2}}
    problems = validate_letter(letter)
    assert {(p.field, p.code) for p in problems} == {
        ("body", "type"),
        ("date.month", "type"),
        ("x-set", "extra-value"),
    }


def test_unknown_lists_obey_the_list_limit(minimal: dict[str, Any]) -> None:
    minimal["x-many"] = {"items": list(range(2001))}
    problem = only(errors_of(minimal), "x-many.items")
    assert "2,001" in problem.message_en


def test_a_draft_too_large_to_reopen_is_not_written(tmp_path: Path) -> None:
    letter = Letter(subject="ก", addressee="ข", body=["ก" * 20_000] * 200)  # 12 MB of UTF-8
    path = tmp_path / "big.dladraft.json"
    with pytest.raises(DraftError) as info:
        save_draft(letter, path)
    assert info.value.problems[0].code == "file-too-large"
    assert "10 MB" in info.value.problems[0].message_th
    assert names_in(tmp_path) == []
    letter.body = letter.body[:100]  # 6 MB: fine, and it opens again
    save_draft(letter, path)
    assert load_draft(path) == letter


def names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_best_effort_dump_keeps_what_strict_refuses(tmp_path: Path) -> None:
    """Crash-recovery copies keep every character typed, even when the letter is invalid."""
    letter = Letter(subject="มี\tแท็บ", addressee="ข\ud800", body=["ค\u200b"])
    letter.date.month = 13
    letter.extra = {"x-set": {1}}
    with pytest.raises(DraftError):
        dumps_draft(letter)
    text = dumps_draft(letter, strict=False)
    text.encode("utf-8")  # always writable
    data = json.loads(text)
    assert data["subject"] == "มี\tแท็บ" and data["body"] == ["ค\u200b"]
    assert data["date"]["month"] == 13 and data["x-set"] == "{1}"
    path = tmp_path / "recovery.dladraft.json"
    path.write_text(text, encoding="utf-8")
    fields = {p.field for p in load_error(path).problems}
    assert {"subject", "date.month", "addressee"} <= fields
