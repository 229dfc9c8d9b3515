"""``dla-drafter register …`` as offices' scripts call it, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from dla_drafter.cli import main


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["register", *args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, url: str, *extra: str) -> list[dict]:
    code, out, err = cli(capsys, "list", "--db", url, "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_issue_writes_serial_and_date_into_the_draft_and_records_it(capsys, register_url,
                                                                    draft):
    from dla_drafter.model.draftio import letter_to_dict, load_draft

    before = letter_to_dict(load_draft(draft))
    code, out, err = cli(capsys, "issue", str(draft), "--db", register_url,
                         "--date", "2026-12-02")
    # The draft was never approved: numbered, with the office guard's warning (issue 12).
    assert (code, out) == (0, "มท 0816.3/ว 1\n")
    assert err == "คำเตือน: บันทึกการตรวจ: ออกเลขหนังสือที่ยังไม่ได้อนุมัติ (สถานะร่าง)\n"
    after = letter_to_dict(load_draft(draft))
    # the serial, and the draft's identity for the register (register/drafts.py)
    draft_id = after["number"]["draft_id"]
    assert re.fullmatch("[0-9a-f]{32}", draft_id)
    assert after["number"] == {**before["number"], "serial": "1", "draft_id": draft_id}
    assert after["date"] == {"day": 2, "month": 12, "year": 2569}
    assert {k: v for k, v in after.items() if k not in ("number", "date")} == {
        k: v for k, v in before.items() if k not in ("number", "date")}
    [entry] = listed(capsys, register_url)
    assert entry == {"number": "มท 0816.3/ว 1", "code": "มท 0816.3", "circular": True,
                     "serial": 1, "year": 2569, "date": "2026-12-02",
                     "subject": before["subject"], "addressee": before["addressee"],
                     "status": "issued", "draft_pending": False}
    # The numbered draft cannot take a second number.
    code, out, err = cli(capsys, "issue", str(draft), "--db", register_url)
    assert code == 1 and out == "" and "ออกให้หนังสือแล้ว" in err
    # A พ.ศ. date names the same day; a new draft continues the series.
    second = draft.with_name("second.dladraft.json")
    second.write_bytes(draft.read_bytes().replace(b'"serial": "1"', b'"serial": null'))
    code, out, _ = cli(capsys, "issue", str(second), "--db", register_url,
                       "--date", "2569-12-03")
    assert (code, out) == (0, "มท 0816.3/ว 2\n")
    assert [e["serial"] for e in listed(capsys, register_url, "--year", "2569")] == [1, 2]
    assert listed(capsys, register_url, "--year", "2570") == []
    assert [e["serial"] for e in listed(capsys, register_url, "--from", "2569-12-03")] == [2]
    assert [e["serial"] for e in listed(capsys, register_url, "--to", "2026-12-02")] == [1]
    assert [e["serial"] for e in listed(capsys, register_url, "--search", "ว 2")] == [2]


def test_reserve_cancel_and_issue_a_reserved_number(capsys, register_url, draft):
    code, out, _ = cli(capsys, "reserve", "มท 0816.3", "--circular", "--db", register_url)
    assert (code, out) == (0, "มท 0816.3/ว 1\n")
    code, out, _ = cli(capsys, "reserve", "มท 0816.3", "--circular", "--db", register_url)
    assert out == "มท 0816.3/ว 2\n"
    code, out, err = cli(capsys, "cancel", "มท 0816.3/ว 1", "--reason", "จองซ้ำ",
                         "--db", register_url)
    assert code == 0, err
    # The clerk types the reserved serial into the draft; issue uses it.
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["number"]["serial"] = "๒"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli(capsys, "issue", str(draft), "--db", register_url)
    assert (code, out) == (0, "มท 0816.3/ว 2\n"), err
    assert [(e["serial"], e["status"]) for e in listed(capsys, register_url)] == [
        (1, "cancelled"), (2, "issued")]
    assert listed(capsys, register_url)[1]["subject"] == data["subject"]
    code, out, _ = cli(capsys, "reserve", "มท 0816.3", "--circular", "--db", register_url)
    assert out == "มท 0816.3/ว 3\n"  # the cancelled 1 is never handed out again
    code, _, err = cli(capsys, "cancel", "มท 0816.3/ว 9", "--reason", "x", "--db", register_url)
    assert code == 1 and err == "ข้อผิดพลาด: ไม่พบเลขที่ มท 0816.3/ว 9 ในทะเบียนหนังสือส่ง\n"
    code, _, err = cli(capsys, "cancel", "มท 0816.3/ว 9", "--reason", "x", "--db", register_url,
                       "--lang", "en")
    assert err == "error: number มท 0816.3/ว 9 is not in the register\n"


def test_a_serial_typed_by_hand_is_refused_and_the_draft_kept(capsys, sqlite_url, draft):
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["number"]["serial"] = "77"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = draft.read_bytes()
    code, out, err = cli(capsys, "issue", str(draft), "--db", sqlite_url)
    assert code == 1 and out == ""
    assert err == ("ข้อผิดพลาด: เลขทะเบียนหนังสือส่ง: ร่างนี้มีเลข 77 "
                   "อยู่แล้วแต่ไม่ใช่เลขที่จองไว้: ลบเลขออกจากร่างก่อนออกเลขใหม่\n")
    assert draft.read_bytes() == before


def test_a_draft_without_code_names_the_field(capsys, sqlite_url, draft):
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["number"]["code"] = " "
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli(capsys, "issue", str(draft), "--db", sqlite_url)
    assert code == 1
    assert "รหัสตัวพยัญชนะและเลขประจำส่วนราชการ (ที่)" in err
    code, _, err = cli(capsys, "issue", str(draft), "--db", sqlite_url, "--date", "2026-02-30")
    assert code == 1 and "วันที่ไม่ถูกต้อง: 2026-02-30" in err


def test_without_db_the_settings_url_then_the_data_folder(capsys, tmp_path, monkeypatch, draft):
    from dla_drafter.app_settings import AppConfig

    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(tmp_path / "config"))
    code, out, _ = cli(capsys, "reserve", "มท 0816.3")
    assert (code, out) == (0, "มท 0816.3/1\n")
    assert (tmp_path / "data" / "register.sqlite3").is_file()

    office = tmp_path / "office.sqlite3"
    config = AppConfig.load()
    config.register_url = "sqlite:///" + office.as_posix()
    config.save()
    assert AppConfig.load().register_url == config.register_url
    code, out, _ = cli(capsys, "issue", str(draft))
    assert (code, out) == (0, "มท 0816.3/ว 1\n")
    assert office.is_file()
    assert listed(capsys, config.register_url)[0]["number"] == "มท 0816.3/ว 1"


def _fill(capsys, url: str, draft: Path, count: int) -> None:
    for i in range(count):
        copy = draft.with_name(f"d{i}.dladraft.json")
        copy.write_bytes(draft.read_bytes())
        assert cli(capsys, "issue", str(copy), "--db", url, "--date", "2026-12-02",
                   "--note", "ส่งทางไปรษณีย์")[0] == 0
    cli(capsys, "cancel", "มท 0816.3/ว 2", "--reason", "พิมพ์ผิด", "--db", url)


def test_export_csv_and_xlsx_hold_the_regulation_columns(capsys, sqlite_url, draft, tmp_path):
    from openpyxl import load_workbook

    _fill(capsys, sqlite_url, draft, 3)
    csv_file, xlsx_file = tmp_path / "r.csv", tmp_path / "r.xlsx"
    assert cli(capsys, "export", "-o", str(csv_file), "--db", sqlite_url)[0] == 0
    assert cli(capsys, "export", "-o", str(xlsx_file), "--db", sqlite_url)[0] == 0
    raw = csv_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:7] == ["เลขทะเบียนส่ง", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "หมายเหตุ"]
    assert rows[1][:3] == ["1", "มท 0816.3/ว 1", "2 ธันวาคม 2569"]
    assert rows[1][3] == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert rows[2][6] == "ยกเลิก: พิมพ์ผิด ส่งทางไปรษณีย์"
    assert len(rows) == 4
    sheet = load_workbook(xlsx_file).active
    values = list(sheet.values)
    assert values[0][:7] == tuple(rows[0][:7])
    assert values[1][0] == 1 and values[1][1] == "มท 0816.3/ว 1"
    assert values[1][5].startswith("โครงการพัฒนาครู")
    assert [v[7] for v in values[1:]] == ["ออกเลขแล้ว", "ยกเลิก", "ออกเลขแล้ว"]
    code, _, err = cli(capsys, "export", "-o", str(tmp_path / "r.txt"), "--db", sqlite_url)
    assert code == 2 and ".xlsx" in err and not (tmp_path / "r.txt").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_export_pdf_is_the_printed_register(capsys, sqlite_url, draft, tmp_path):
    import subprocess

    from pypdf import PdfReader

    _fill(capsys, sqlite_url, draft, 12)
    pdf = tmp_path / "register.pdf"
    code, out, err = cli(capsys, "export", "-o", str(pdf), "--db", sqlite_url,
                         "--year", "2569")
    assert code == 0, err
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert round(width / 72 * 2.54, 1) == 29.7 and round(height / 72 * 2.54, 1) == 21.0
    # pdftotext: pdfplumber needs a minute for a few pages of Thai table
    texts = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           encoding="utf-8", check=True).stdout.split("\f")[:len(reader.pages)]
    for number, text in enumerate(texts, start=1):
        assert "ทะเบียนหนังสือส่ง" in text
        for column in ("เลขทะเบียนส่ง", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "หมายเหตุ"):
            assert column in text  # the header row repeats on every page
        assert f"หน้า {'๑๒๓๔๕'[number - 1]}/" in text
    everything = "\n".join(texts)
    assert "ปี พ.ศ. ๒๕๖๙" in texts[0]
    assert "มท ๐๘๑๖.๓/ว ๑" in everything and "มท ๐๘๑๖.๓/ว ๑๒" in everything
    assert "ยกเลิก: พิมพ์ผิด" in everything
    assert "๒ ธ.ค. ๒๕๖๙" in everything
    assert "0816" not in everything  # Thai digits throughout
    fonts = [f for page in reader.pages
             for f in page["/Resources"]["/Font"].values()]
    descendants = [f.get_object()["/DescendantFonts"][0].get_object() for f in fonts]
    assert all("/FontFile2" in d["/FontDescriptor"] for d in descendants)


@pytest.mark.parametrize("url", ["foo://x", "sqlite://", "mysql://u@server/register"])
def test_a_bad_url_is_a_clear_message(capsys, url):
    code, out, err = cli(capsys, "list", "--db", url)
    assert code == 1 and out == ""
    assert err.startswith("ข้อผิดพลาด: ที่อยู่ฐานข้อมูลทะเบียนไม่ถูกต้อง")
