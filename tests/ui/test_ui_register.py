"""ออกเลขหนังสือ, the register window and the register's settings, driven through real
widgets on a real register (a SQLite file per test; PostgreSQL for the lost connection)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from uihelpers import example_letter, page_texts, wait_preview

from dla_drafter.model.draftio import save_draft
from dla_drafter.register.drafts import issue_draft
from dla_drafter.register.store import Details, Store
from dla_drafter.text.digits import to_thai_digits

WAIT_MS = 30_000


@pytest.fixture
def register_url(tmp_path: Path) -> str:
    return "sqlite:///" + (tmp_path / "register.sqlite3").as_posix()


@pytest.fixture
def drafted(make_window: Any, tmp_path: Path, register_url: str) -> Any:
    """A window on a saved, error-free circular without a serial, using the test register."""
    path = tmp_path / "letter.dladraft.json"
    save_draft(example_letter(), path)
    window = make_window()
    assert window.open_path(path, ask=False)
    window.config.register_url = register_url
    return window


def issue(qtbot: Any, window: Any) -> None:
    window.act_issue.trigger()
    qtbot.waitUntil(lambda: not window.issue_number.busy, timeout=WAIT_MS)


def on_disk(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_issue_number_writes_serial_and_date_records_and_saves(
        qtbot: Any, drafted: Any, register_url: str) -> None:
    window = drafted
    window.doc.set_field("addressee", "ผู้ว่าราชการจังหวัดเชียงใหม่")  # unsaved edit
    assert window.doc.is_modified()
    issue(qtbot, window)
    today = dt.date.today()
    letter = window.doc.letter
    assert letter.number.serial == "1"
    assert (letter.date.day, letter.date.month, letter.date.year) == (
        today.day, today.month, today.year + 543)
    assert not window.doc.is_modified()
    assert window.doc.undo_stack.count() == 0  # the number cannot be undone out of the draft
    saved = on_disk(window.doc.path)
    assert saved["number"]["serial"] == "1"
    assert saved["date"]["day"] == today.day
    assert saved["addressee"] == "ผู้ว่าราชการจังหวัดเชียงใหม่"  # saved before numbering
    with Store(register_url) as store:
        (entry,) = store.entries()
    assert entry.number == "มท 0816.3/ว 1"
    assert entry.addressee == "ผู้ว่าราชการจังหวัดเชียงใหม่"
    assert Path(entry.draft_path) == window.doc.path
    texts = page_texts(wait_preview(qtbot, window))
    assert any(to_thai_digits("0816.3/ว 1") in t for t in texts), texts[:6]
    assert any(to_thai_digits(str(today.day)) in t and str(today.year + 543) not in t
               for t in texts)  # the date line, in Thai digits
    assert "ออกเลขแล้ว" in window.statusBar().currentMessage()


def test_issuing_again_takes_the_next_serial_of_the_series(
        qtbot: Any, drafted: Any, tmp_path: Path, register_url: str) -> None:
    window = drafted
    issue(qtbot, window)
    other = tmp_path / "second.dladraft.json"
    save_draft(example_letter(), other)
    assert window.open_path(other, ask=False)
    issue(qtbot, window)
    assert window.doc.letter.number.serial == "2"
    assert on_disk(other)["number"]["serial"] == "2"


def test_a_draft_without_a_code_is_refused_in_thai_and_not_changed(
        qtbot: Any, drafted: Any, dialogs: Any, register_url: str) -> None:
    window = drafted
    window.doc.set_field("number.code", "")
    dialogs.replies["warning"] = 0
    issue(qtbot, window)
    (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
    from dla_drafter.fields import FIELD_NAMES

    assert args[1] == "ออกเลขไม่ได้" and FIELD_NAMES["number.code"][0] in args[2]
    assert window.doc.letter.number.serial is None
    with Store(register_url) as store:
        assert store.entries() == []


# --- the register window -------------------------------------------------------------------

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
    from dla_drafter.ui.register_menu import open_register

    window.act_register.trigger()
    found = window.register_window
    assert found is open_register(window)
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


# --- a lost connection to the server -------------------------------------------------------

def test_server_stopped_before_issuing_thai_message_and_draft_unchanged(
        qtbot: Any, drafted: Any, dialogs: Any, pg_server: Any, pg_url: str) -> None:
    window = drafted
    window.config.register_url = pg_url
    window.doc.set_field("addressee", "ผู้ว่าราชการจังหวัดลำปาง")
    issue(qtbot, window)  # the server works: ว 1
    assert window.doc.letter.number.serial == "1"
    window.doc.set_field("number.serial", None)
    window.doc.set_field("subject", "เรื่องที่สอง")
    before_undo = window.doc.undo_stack.count()
    pg_server.stop("fast")
    dialogs.replies["warning"] = 0
    try:
        issue(qtbot, window)
    finally:
        pg_server.start()
    (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
    assert "ติดต่อฐานข้อมูลทะเบียนหนังสือส่งไม่ได้" in args[2]
    assert "ยังไม่ได้ออกเลข" in args[2]
    saved = on_disk(window.doc.path)  # saved before issuing, not numbered
    assert saved["number"]["serial"] is None and saved["subject"] == "เรื่องที่สอง"
    assert window.doc.letter.number.serial is None
    assert window.doc.undo_stack.count() == before_undo  # the clerk's history is kept
    with Store(pg_url) as store:
        assert [e.serial for e in store.entries()] == [1]


def test_connection_lost_inside_the_transaction_nothing_half_issued(
        qtbot: Any, drafted: Any, dialogs: Any, pg_server: Any, pg_url: str) -> None:
    window = drafted
    window.config.register_url = pg_url
    path = window.doc.path
    before = path.read_bytes()
    seen: list[str | None] = []

    def dying_store() -> Store:
        store = Store(pg_url)

        def stop() -> None:  # serial taken, draft rewritten: now the server dies
            seen.append(on_disk(path)["number"]["serial"])
            pg_server.stop("immediate")

        store._before_commit_hook = stop
        return store

    window.issue_number.store_factory = dying_store
    dialogs.replies["warning"] = 0
    try:
        issue(qtbot, window)
    finally:
        pg_server.start()
    assert seen == ["1"]
    (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
    assert "ขาดระหว่างบันทึก" in args[2] and "ไม่มีการออกเลข" in args[2]
    assert path.read_bytes() == before
    assert window.doc.letter.number.serial is None
    with Store(pg_url) as store:
        assert store.entries() == []


# --- settings ------------------------------------------------------------------------------

def test_settings_register_url_warns_about_a_shared_sqlite_file(
        qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    from dla_drafter.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.config, window)
    qtbot.addWidget(dialog)
    field = dialog.register_url
    assert "PostgreSQL" in field.hint.text() and "โฟลเดอร์เครือข่าย" in field.hint.text()
    assert field.warning.isHidden()
    field.edit.setText("sqlite:///\\\\fileserver\\สารบรรณ\\register.sqlite3")  # a share
    assert not field.warning.isHidden()
    assert "โฟลเดอร์เครือข่าย" in field.warning.text() and "PostgreSQL" in field.warning.text()
    field.edit.setText("mysql://x")
    dialogs.replies["warning"] = 0
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "sqlite:///" in dialogs.calls[-1][1][2]
    local = "sqlite:///" + (tmp_path / "ทะเบียน.sqlite3").as_posix()
    field.edit.setText(local)
    assert field.warning.isHidden()
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    window.apply_config(dialog.config)
    assert window.config.register_url == local
    from dla_drafter.app_settings import AppConfig

    assert AppConfig.load().register_url == local


def test_register_window_and_messages_in_english(qtbot: Any, drafted: Any, dialogs: Any) -> None:
    from dla_drafter.ui.i18n import set_language
    from dla_drafter.ui.register_window import RegisterWindow

    set_language("en")
    try:
        register = RegisterWindow(drafted)
        qtbot.addWidget(register)
        assert register.windowTitle() == "Outgoing register"
        assert register.b_open.text() == "Open draft"
        drafted.doc.set_field("number.code", "")
        dialogs.replies["warning"] = 0
        issue(qtbot, drafted)
        (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
        assert args[1] == "Cannot issue a number" and "cannot issue a number" in args[2]
    finally:
        set_language("th")


def test_a_reserved_number_typed_into_the_draft_is_the_one_issued(
        qtbot: Any, drafted: Any, dialogs: Any, register_url: str) -> None:
    from dla_drafter.ui.register_menu import open_register

    window = drafted
    register = open_register(window)
    qtbot.waitUntil(lambda: not register.busy, timeout=WAIT_MS)
    dialogs.replies["information"] = 0
    register.reserve("มท 0816.3", True)
    qtbot.waitUntil(lambda: not register.busy and len(register.model.entries) == 1,
                    timeout=WAIT_MS)
    with Store(register_url) as store:
        store.issue("มท 0816.3", True)  # another clerk takes ว 2 meanwhile
    window.doc.set_field("number.serial", "1")
    issue(qtbot, window)
    assert window.doc.letter.number.serial == "1"
    with Store(register_url) as store:
        entry = store.get("มท 0816.3/ว 1")
    assert entry.status == "issued" and entry.subject == window.doc.letter.subject
