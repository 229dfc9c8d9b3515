"""ออกเลขหนังสือ from the window: the number and date written into the draft and the register, and
nothing half-issued when the server goes away."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from uihelpers import example_letter, page_texts, wait_preview

from dla_drafter.model.draftio import save_draft
from dla_drafter.register.store import Details, Store
from dla_drafter.text.digits import to_thai_digits

from .helpers import WAIT_MS, issue


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
    """The number is written into the draft only after the register committed, so a server
    lost inside the transaction leaves a draft without a number; the draft's identity for
    the register stays (in the file and in the window, so a save keeps it), so that the
    next issue finds whatever the register did."""
    window = drafted
    window.config.register_url = pg_url
    path = window.doc.path
    before = on_disk(path)
    seen: list[str | None] = []

    def dying_store() -> Store:
        store = Store(pg_url)

        def stop() -> None:  # serial taken, not committed: now the server dies
            seen.append(on_disk(path)["number"]["serial"])
            pg_server.stop("immediate")

        store._before_commit_hook = stop
        return store

    window.register_menu.issue_number.store_factory = dying_store
    dialogs.replies["warning"] = 0
    try:
        issue(qtbot, window)
    finally:
        pg_server.start()
    assert seen == [None]  # the draft never held the uncommitted number
    (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
    assert "ขาดระหว่างบันทึก" in args[2] and "ไม่มีการออกเลขลงไฟล์ร่าง" in args[2]
    after = on_disk(path)
    draft_id = after["number"].pop("draft_id")
    assert len(draft_id) == 32 and after == before
    assert window.doc.letter.number.serial is None
    assert window.doc.letter.number.extra["draft_id"] == draft_id
    assert not window.doc.is_modified()
    with Store(pg_url) as store:
        assert store.entries() == []
    window.register_menu.issue_number.store_factory = lambda: Store(pg_url)
    issue(qtbot, window)
    assert on_disk(path)["number"] == {**before["number"], "serial": "1", "draft_id": draft_id}


def test_opening_a_draft_the_register_numbered_before_a_crash_writes_that_number(
        qtbot: Any, make_window: Any, tmp_path: Path, register_url: str) -> None:
    """Killed between the register's commit and the draft's update: the register holds a
    pending number for the draft. Opening the draft writes that same number into it."""
    from dla_drafter.model.draftio import load_draft
    from dla_drafter.register.drafts import details_of

    path = tmp_path / "crashed.dladraft.json"
    letter = example_letter()
    letter.number.extra["draft_id"] = "cd" * 16
    save_draft(letter, path)
    with Store(register_url) as store:
        store.issue("มท 0816.3", True, date=dt.date(2026, 6, 16), details=Details(subject="x"))
        pending = store.issue("มท 0816.3", True, date=dt.date(2026, 6, 16),
                              details=details_of(load_draft(path), path), draft_id="cd" * 16)
    assert pending.serial == 2 and pending.draft_pending
    window = make_window()
    window.config.register_url = register_url
    assert window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: window.doc.letter.number.serial == "2", timeout=WAIT_MS)
    assert on_disk(path)["number"]["serial"] == "2"
    assert on_disk(path)["date"] == {"day": 16, "month": 6, "year": 2569}
    assert not window.doc.is_modified()
    assert "มท 0816.3/ว 2" in window.statusBar().currentMessage()
    with Store(register_url) as store:
        assert not store.get("มท 0816.3/ว 2").draft_pending


def test_a_reserved_number_typed_into_the_draft_is_the_one_issued(
        qtbot: Any, drafted: Any, dialogs: Any, register_url: str) -> None:
    window = drafted
    register = window.register_menu.open_register()
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
