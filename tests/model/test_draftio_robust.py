"""Input that used to give a traceback or a misleading message, and files that must never
be lost (issue 6, items 13, 16, 17): each test opens or writes real files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfWriter

from dla_drafter.model.draftio import load_draft
from dla_drafter.problems import DraftError


def load_error(path: Path) -> DraftError:
    with pytest.raises(DraftError) as info:
        load_draft(path)
    return info.value


# --- a file that is not a draft says what it is (item 13) ---------------------------------

def _pdf(path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(path, "wb") as stream:
        writer.write(stream)


def _docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("เรื่อง ทดสอบ")
    document.save(str(path))


def _xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "ชื่อ"
    book.save(path)


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("draft.dladraft.json", "{}")


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 4)


@pytest.mark.parametrize(("make", "suffix", "th", "en"), [
    (_pdf, ".pdf", "เอกสาร PDF (.pdf)", "a PDF document"),
    (_docx, ".docx", "เอกสาร Word (.docx)", "a Word document (.docx)"),
    (_xlsx, ".xlsx", "สมุดงาน Excel (.xlsx)", "an Excel workbook"),
    (_zip, ".zip", "ไฟล์บีบอัด ZIP", "a ZIP archive"),
    (_binary, ".bin", "ข้อมูลไบนารี", "a binary file"),
])
def test_a_pdf_docx_xlsx_zip_or_binary_file_is_named_for_what_it_is(
    tmp_path: Path, make, suffix: str, th: str, en: str
) -> None:
    # named like a draft on purpose: the content decides, not the name
    path = tmp_path / f"letter{suffix}"
    make(path)
    error = load_error(path)
    [problem] = error.problems
    assert problem.code == "file-not-draft"
    assert f"ไฟล์นี้เป็น{th}" in problem.message_th
    assert "เปิดได้เฉพาะไฟล์ .dladraft หรือ .dladraft.json" in problem.message_th
    assert en in problem.message_en and ".dladraft or .dladraft.json" in problem.message_en
    assert "UTF-8" not in problem.message_th and "TIS-620" not in problem.message_th


def test_utf16_without_a_bom_is_named_utf16(tmp_path: Path) -> None:
    path = tmp_path / "u16.dladraft.json"
    path.write_bytes(json.dumps({"subject": "เรื่อง"}, ensure_ascii=False).encode("utf-16-le"))
    [problem] = load_error(path).problems
    assert problem.code == "file-encoding" and "UTF-16" in problem.message_en


def test_a_zip_that_is_not_an_archive_after_all_is_still_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.dladraft.json"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    [problem] = load_error(path).problems
    assert problem.code == "file-not-draft" and "ZIP" in problem.message_en


def test_xlsx_bytes_are_recognised_in_memory_too() -> None:
    from dla_drafter.model.draftio import loads_draft

    stream = io.BytesIO()
    openpyxl.Workbook().save(stream)
    with pytest.raises(DraftError) as info:
        loads_draft(stream.getvalue())
    assert info.value.problems[0].code == "file-not-draft"


# --- values that broke a writer after the file opened (item 16) ----------------------------

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "circular-2565-eef.dladraft.json"


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def load_text_error(text: str) -> DraftError:
    from dla_drafter.model.draftio import loads_draft

    with pytest.raises(DraftError) as info:
        loads_draft(text)
    return info.value


@pytest.mark.parametrize(("field", "char"), [("subject", "\ufffe"), ("qr.url", "\uffff")])
def test_noncharacters_fffe_ffff_are_refused_naming_the_field(field: str, char: str) -> None:
    data = example()
    if field == "subject":
        data["subject"] += char
    else:
        data["qr"] = {"url": f"https://www.dla.go.th/{char}", "caption": "QR"}
    error = load_text_error(json.dumps(data, ensure_ascii=False))
    [problem] = error.problems
    assert problem.field == field and problem.code == "invalid-char"
    assert f"U+{ord(char):04X}" in problem.message_th
    assert f"({field})" in problem.message("th", path=True)


def test_noncharacters_typed_in_the_gui_are_found_by_validation_and_check() -> None:
    from dataclasses import replace

    from dla_drafter.model.checks import check_letter
    from dla_drafter.model.draftio import letter_from_dict, validate_letter

    letter = letter_from_dict(example())
    letter = replace(letter, subject=letter.subject + "\uffff",
                     qr=replace(letter.qr, url="https://x.go.th/\ufffe"))
    for problems in (validate_letter(letter), check_letter(letter)):
        fields = {p.field for p in problems if p.is_error}
        assert {"subject", "qr.url"} <= fields


def test_a_format_version_of_4301_digits_is_a_newer_format_not_a_traceback() -> None:
    data = example()
    data["format"] = "dla-drafter/letter@" + "9" * 4301
    [problem] = load_text_error(json.dumps(data)).problems
    assert problem.field == "format" and problem.code == "format-newer"
    assert len(problem.message_en) < 300  # the 4,301 digits are not all quoted back
    data["format"] = "dla-drafter/letter@" + "0" * 5000 + "1"  # that is version 1 spelt oddly
    [problem] = load_text_error(json.dumps(data)).problems
    assert problem.code == "format-unknown"


@pytest.mark.parametrize(("where", "field"), [("top", ""), ("qr", "qr"), ("date", "date")])
def test_an_unknown_key_named_with_a_lone_surrogate_is_refused_on_load(
    where: str, field: str, tmp_path: Path
) -> None:
    """Decision: refuse, naming the key. Kept, it opened a draft that no save could write."""
    data = example()
    target = data if where == "top" else data.setdefault(where, {})
    target["future\ud800"] = 1
    path = tmp_path / "surrogate.dladraft.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    error = load_error(path)
    [problem] = error.problems
    assert problem.field == field and problem.code == "invalid-key"
    assert '"future\\ud800"' in problem.message_th
    str(error).encode("utf-8")  # printable: a terminal or a log can show it


def test_a_surrogate_deep_inside_unknown_data_gives_a_printable_path() -> None:
    data = example()
    data["future"] = {"a\udc00": {"b": "\ud800"}}
    error = load_text_error(json.dumps(data))
    assert error.problems and all(p.field.startswith("future") for p in error.problems)
    str(error).encode("utf-8")


# --- saving never loses a file (item 17) ---------------------------------------------------

def test_saving_over_a_read_only_draft_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    from dla_drafter.atomic import AtomicWriteError
    from dla_drafter.model.draftio import letter_from_dict, save_draft

    path = tmp_path / "signed.dladraft.json"
    path.write_bytes(EXAMPLE.read_bytes())
    path.chmod(0o444)
    letter = letter_from_dict(example())
    try:
        with pytest.raises(AtomicWriteError) as info:  # an OSError: the GUI shows its text
            save_draft(letter, path, backup=True)
    finally:
        path.chmod(0o644)
    assert "อ่านอย่างเดียว" in str(info.value) and "read-only" in str(info.value)
    assert path.read_bytes() == EXAMPLE.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["signed.dladraft.json"]


def test_the_next_save_removes_what_a_killed_save_left(tmp_path: Path) -> None:
    from dla_drafter.model.draftio import letter_from_dict, save_draft

    path = tmp_path / "letter.dladraft.json"
    letter = letter_from_dict(example())
    save_draft(letter, path)
    stale = [tmp_path / ".letter.dladraft.1f2e3d4c.tmp.json",
             tmp_path / ".letter.dladraft.json.a0b1c2d3.tmp.bak"]
    for file in stale:
        file.write_text("{", encoding="utf-8")  # half a draft, as a kill leaves it
    save_draft(letter, path, backup=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "letter.dladraft.json", "letter.dladraft.json.bak"]
    assert load_draft(path) == letter
