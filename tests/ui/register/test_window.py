"""The register window: search, export, print, open a draft, reserve and cancel numbers."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from uihelpers import example_letter

from dla_drafter.model.draftio import save_draft
from dla_drafter.register.drafts import issue_draft
from dla_drafter.register.store import Details, Store

from .helpers import WAIT_MS, issue


@pytest.fixture
def filled(qtbot: Any, drafted: Any, tmp_path: Path, register_url: str) -> Any:
    """The window's draft issued through the window; two earlier letters of 2568 issued
    directly (one with a draft file of its own), one of them later cancelled."""
    window = drafted
    earlier = tmp_path / "earlier.dladraft.json"
    old = example_letter()
    old.subject = "ขอเชิญประชุมคณะทำงาน"
    old.addressee = "ผู้ว่าราชการจังหวัดน่าน"
    save_draft(old, earlier)
    with Store(register_url) as store:
        issue_draft(store, earlier, date=dt.date(2025, 1, 15))
        store.issue("มท 0816.3", True, date=dt.date(2025, 3, 2),
                    details=Details(subject="ส่งรายงานผลการดำเนินงาน",
                                    addressee="ผู้ว่าราชการจังหวัดพะเยา"))
        store.cancel("มท 0816.3/ว 2", "พิมพ์ผิด", year=2568)
    issue(qtbot, window)
    return window, earlier


def open_register_window(qtbot: Any, window: Any) -> Any:
    window.register_menu.act_register.trigger()
    found = window.register_menu.register_window
    assert found is window.register_menu.open_register()
    qtbot.waitUntil(lambda: not found.busy, timeout=WAIT_MS)
    return found


def shown(register: Any) -> list[tuple[str, str, str]]:
    model = register.model
    return [(model.cell(e, 0), model.cell(e, 2), model.cell(e, 5)) for e in model.entries]


def search(qtbot: Any, register: Any, **fields: str) -> list[tuple[str, str, str]]:
    for name in ("number", "subject", "addressee", "from", "to"):
        getattr(register, f"f_{name}").setText(fields.get(name, ""))
    register.b_search.click()
    qtbot.waitUntil(lambda: not register.busy, timeout=WAIT_MS)
    return shown(register)


def test_register_window_lists_and_finds_by_subject_number_addressee_and_dates(
        qtbot: Any, filled: Any) -> None:
    window, _earlier = filled
    register = open_register_window(qtbot, window)
    this_year = dt.date.today().year + 543
    subject = window.doc.letter.subject
    assert shown(register) == [
        ("มท 0816.3/ว 1", "ขอเชิญประชุมคณะทำงาน", "ออกแล้ว"),
        ("มท 0816.3/ว 2", "ส่งรายงานผลการดำเนินงาน", "ยกเลิก"),
        ("มท 0816.3/ว 1", subject, "ออกแล้ว"),
    ]
    assert [e.year for e in register.model.entries] == [2568, 2568, this_year]
    assert register.count.text() == "3 รายการ"
    assert search(qtbot, register, subject="ประชุม") == [
        ("มท 0816.3/ว 1", "ขอเชิญประชุมคณะทำงาน", "ออกแล้ว")]
    assert search(qtbot, register, addressee="พะเยา") == [
        ("มท 0816.3/ว 2", "ส่งรายงานผลการดำเนินงาน", "ยกเลิก")]
    assert search(qtbot, register, number="ว ๒") == [
        ("มท 0816.3/ว 2", "ส่งรายงานผลการดำเนินงาน", "ยกเลิก")]
    # a date range in Buddhist years, as a clerk types it, and in ISO form
    assert search(qtbot, register, **{"from": "1/1/2568", "to": "31/1/2568"}) == [
        ("มท 0816.3/ว 1", "ขอเชิญประชุมคณะทำงาน", "ออกแล้ว")]
    assert [row[1] for row in search(qtbot, register, **{"from": "2025-02-01"})] == [
        "ส่งรายงานผลการดำเนินงาน", subject]
    cancelled = register.model.entries[0]
    assert register.model.cell(cancelled, 6) == "พิมพ์ผิด"


def test_a_bad_date_in_the_search_names_the_box(qtbot: Any, filled: Any, dialogs: Any) -> None:
    window, _ = filled
    register = open_register_window(qtbot, window)
    dialogs.replies["warning"] = 0
    register.f_to.setText("32/13/2568")
    register.b_search.click()
    (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
    assert "ถึงวันที่" in args[2] and "32/13/2568" in args[2]
    assert not register.busy and len(register.model.entries) == 3  # the table is kept


def test_export_xlsx_and_csv_of_the_lines_shown(
        qtbot: Any, filled: Any, dialogs: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    window, _ = filled
    register = open_register_window(qtbot, window)
    search(qtbot, register, **{"from": "1/1/2568", "to": "31/12/2568"})
    dialogs.replies["getSaveFileName"] = [(str(tmp_path / "out.xlsx"), ""),
                                          (str(tmp_path / "out"), "")]
    register.b_xlsx.click()
    register.b_csv.click()  # no extension typed: .csv is added
    sheet = load_workbook(tmp_path / "out.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("เลขทะเบียนส่ง", "ที่", "ลงวันที่")
    assert [(r[1], r[5]) for r in rows[1:]] == [
        ("มท 0816.3/ว 1", "ขอเชิญประชุมคณะทำงาน"),
        ("มท 0816.3/ว 2", "ส่งรายงานผลการดำเนินงาน")]
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert [(r[1], r[4], r[6]) for r in lines[1:]] == [
        ("มท 0816.3/ว 1", "ผู้ว่าราชการจังหวัดน่าน", ""),
        ("มท 0816.3/ว 2", "ผู้ว่าราชการจังหวัดพะเยา", "ยกเลิก: พิมพ์ผิด")]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_print_register_writes_the_table_pdf_and_opens_it(
        qtbot: Any, filled: Any, dialogs: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    window, _ = filled
    register = open_register_window(qtbot, window)
    search(qtbot, register, **{"from": "1/1/2568", "to": "31/12/2568"})
    opened: list[str] = []
    # the system's PDF viewer is outside the program: record instead of launching it
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    dialogs.replies["getSaveFileName"] = (str(tmp_path / "ทะเบียน.pdf"), "")
    register.b_print.click()
    pdf = tmp_path / "ทะเบียน.pdf"
    assert [Path(p) for p in opened] == [pdf]  # Qt gives C:/… on Windows
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "ทะเบียนหนังสือส่ง" in text
    assert "ขอเชิญประชุมคณะทำงาน" in text and "ผู้ว่าราชการจังหวัดน่าน" in text
    assert "ตั้งแต่ ๑ มกราคม ๒๕๖๘ ถึง ๓๑ ธันวาคม ๒๕๖๘" in text
    assert "ยกเลิก: พิมพ์ผิด" in text


def test_open_draft_of_an_entry_in_the_main_window(
        qtbot: Any, filled: Any, tmp_path: Path) -> None:
    window, earlier = filled
    register = open_register_window(qtbot, window)
    search(qtbot, register, subject="ประชุม")
    register.table.selectRow(0)
    register.b_open.click()
    assert window.doc.path == earlier.resolve()
    assert window.doc.letter.subject == "ขอเชิญประชุมคณะทำงาน"
    assert window.doc.letter.number.serial == "1"


def test_an_entry_without_a_draft_file_says_so(
        qtbot: Any, filled: Any, dialogs: Any) -> None:
    window, _ = filled
    register = open_register_window(qtbot, window)
    before = window.doc.path
    search(qtbot, register, addressee="พะเยา")
    register.table.selectRow(0)
    dialogs.replies["information"] = 0
    register.b_open.click()
    assert "ไม่มีไฟล์ร่าง" in dialogs.calls[-1][1][2]
    assert window.doc.path == before


def test_reserve_then_cancel_a_number(
        qtbot: Any, filled: Any, dialogs: Any, monkeypatch: pytest.MonkeyPatch,
        register_url: str) -> None:
    from PySide6.QtWidgets import QInputDialog

    window, _ = filled
    register = open_register_window(qtbot, window)
    dialogs.replies["information"] = 0
    register.reserve("มท 0816.3", True, "ขอความอนุเคราะห์ข้อมูล")
    qtbot.waitUntil(lambda: not register.busy and len(register.model.entries) == 4,
                    timeout=WAIT_MS)
    assert "จองเลขที่ มท 0816.3/ว 2 แล้ว" in dialogs.calls[-1][1][2]
    assert shown(register)[-1] == ("มท 0816.3/ว 2", "ขอความอนุเคราะห์ข้อมูล", "จองไว้")
    register.table.selectRow(3)
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda _p, _t, label, *a, **k: asked.append(label) or ("ไม่ได้ใช้", True))
    register.b_cancel.click()
    qtbot.waitUntil(lambda: not register.busy and shown(register)[-1][2] == "ยกเลิก",
                    timeout=WAIT_MS)
    assert "มท 0816.3/ว 2" in asked[0]
    with Store(register_url) as store:
        entry = store.get("มท 0816.3/ว 2")
    assert (entry.status, entry.cancel_reason) == ("cancelled", "ไม่ได้ใช้")


def test_register_window_follows_a_new_issue(
        qtbot: Any, filled: Any, tmp_path: Path) -> None:
    window, _ = filled
    register = open_register_window(qtbot, window)
    third = tmp_path / "third.dladraft.json"
    save_draft(example_letter(), third)
    assert window.open_path(third, ask=False)
    issue(qtbot, window)
    qtbot.waitUntil(lambda: not register.busy and len(register.model.entries) == 4,
                    timeout=WAIT_MS)
    assert shown(register)[-1][0] == "มท 0816.3/ว 2"
