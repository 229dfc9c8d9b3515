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


def test_server_stopped_mid_issue_leaves_no_half_entry(pg_server, pg_url, draft):
    with Store(pg_url) as store:
        store.issue("มท 0816.3", True)
    before_entries, before_counter = _state(pg_url)
    before_draft = draft.read_bytes()

    store = Store(pg_url)
    inside: list[bool] = []

    def stop_server() -> None:  # the number is taken and the draft written: now the server dies
        inside.append(json.loads(draft.read_text(encoding="utf-8"))["number"]["serial"] == "2")
        pg_server.stop("immediate")

    store._before_commit_hook = stop_server
    try:
        with pytest.raises(RegisterError) as err:
            issue_draft(store, draft)
    finally:
        store.close()
        pg_server.start()
    assert inside == [True]
    assert err.value.code == "connection_lost"
    assert "ขาดระหว่างบันทึก" in err.value.message("th")
    assert "ไม่มีการออกเลข" in err.value.message("th")
    assert draft.read_bytes() == before_draft
    assert _state(pg_url) == (before_entries, before_counter) == ([(1, "issued")], 2)
    with Store(pg_url) as again:  # and the next issue takes the number that was not issued
        assert issue_draft(again, draft).number == "มท 0816.3/ว 2"


def test_failure_after_the_draft_was_written_restores_it(register_url, draft):
    before = draft.read_bytes()
    store = Store(register_url)

    def fail() -> None:
        raise RegisterError("connection_lost", "test")

    store._before_commit_hook = fail
    with pytest.raises(RegisterError):
        issue_draft(store, draft)
    store.close()
    assert draft.read_bytes() == before
    with Store(register_url) as store:
        assert store.entries() == []
        entry = issue_draft(store, draft)
    assert entry.serial == 1  # the failed attempt used no number


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
