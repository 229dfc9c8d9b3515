"""Nothing half-issued: a server stopped inside the issuing transaction, a failure after the
draft was written, an unreachable server — the register and the draft stay as they were and
the clerk reads a Thai message."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from dla_drafter.register.drafts import issue_draft
from dla_drafter.register.errors import RegisterError
from dla_drafter.register.store import Store


def _state(url: str) -> tuple[list[tuple[int, str]], int | None]:
    with Store(url) as store:
        entries = [(e.serial, e.status) for e in store.entries()]
        year = store.entries()[0].year if entries else 0
        return entries, store.counter("มท 0816.3", True, year)


def _without_id(path) -> dict:
    """The draft as the program reads it, without its identity for the register."""
    from dla_drafter.model.draftio import letter_to_dict, load_draft

    data = letter_to_dict(load_draft(path))
    data["number"].pop("draft_id", None)
    return data


def test_server_stopped_mid_issue_leaves_no_half_entry(pg_server, pg_url, draft):
    """The server dies inside the issuing transaction: the draft has not been given the
    number (it is written only after the commit), so nothing disagrees; the draft keeps its
    new identity, and issuing it again takes the next number."""
    from dla_drafter.model.draftio import letter_to_dict, load_draft

    with Store(pg_url) as store:
        store.issue("มท 0816.3", True)
    before_entries, before_counter = _state(pg_url)
    before_draft = letter_to_dict(load_draft(draft))

    store = Store(pg_url)
    inside: list[tuple] = []

    def stop_server() -> None:  # the number is taken, not committed: now the server dies
        number = json.loads(draft.read_text(encoding="utf-8"))["number"]
        inside.append((number["serial"], len(number.get("draft_id", ""))))
        pg_server.stop("immediate")

    store._before_commit_hook = stop_server
    try:
        with pytest.raises(RegisterError) as err:
            issue_draft(store, draft)
    finally:
        store.close()
        pg_server.start()
    assert inside == [(None, 32)]  # no serial in the draft yet; its identity is written
    assert err.value.code == "connection_lost"
    assert "ขาดระหว่างบันทึก" in err.value.message("th")
    assert "ไม่มีการออกเลขลงไฟล์ร่าง" in err.value.message("th")
    assert "ได้เลขเดิม" in err.value.message("th")  # what happens on the next try, said
    after = letter_to_dict(load_draft(draft))
    assert after["number"]["serial"] is None
    assert len(after["number"].pop("draft_id")) == 32
    assert after == before_draft
    assert _state(pg_url) == (before_entries, before_counter) == ([(1, "issued")], 2)
    with Store(pg_url) as again:  # and the next issue takes the number that was not issued
        assert issue_draft(again, draft).number == "มท 0816.3/ว 2"


def test_a_refusal_inside_the_transaction_puts_the_draft_back(register_url, draft):
    before = draft.read_bytes()
    store = Store(register_url)

    def fail() -> None:
        raise RegisterError("database", "test")

    store._before_commit_hook = fail
    with pytest.raises(RegisterError):
        issue_draft(store, draft)
    store.close()
    assert draft.read_bytes() == before  # nothing was committed: byte for byte as it was
    with Store(register_url) as store:
        assert store.entries() == []
        entry = issue_draft(store, draft)
    assert entry.serial == 1  # the failed attempt used no number


def test_a_connection_lost_in_the_transaction_keeps_the_draft_id(register_url, draft):
    """Lost while committing, the outcome is unknown: the draft keeps its identity (never a
    number) so that issuing it again finds whatever the register did."""
    before = _without_id(draft)
    store = Store(register_url)

    def fail() -> None:
        raise RegisterError("connection_lost", "test")

    store._before_commit_hook = fail
    with pytest.raises(RegisterError):
        issue_draft(store, draft)
    store.close()
    assert _without_id(draft) == before
    with Store(register_url) as store:
        assert store.entries() == []
        entry = issue_draft(store, draft)
    assert entry.serial == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_server_is_one_thai_line_and_the_draft_is_untouched(draft):
    before = draft.read_bytes()
    url = f"postgresql://postgres@127.0.0.1:{_closed_port()}/register"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "dla_drafter", "register", "issue",
                             str(draft), "--db", url], capture_output=True, text=True,
                            encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("ข้อผิดพลาด: ติดต่อฐานข้อมูลทะเบียนหนังสือส่งไม่ได้")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert draft.read_bytes() == before
