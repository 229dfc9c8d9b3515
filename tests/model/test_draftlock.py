"""The lock beside a draft: one saver at a time, and a killed holder never blocks the draft."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dla_drafter.atomic import AtomicWriteError
from dla_drafter.model import draftlock
from dla_drafter.model.draftio import load_draft, save_draft
from dla_drafter.model.draftlock import DraftLockError, draft_lock, lock_path, this_host
from dla_drafter.model.letter import Letter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "letter.dladraft.json"
    save_draft(Letter(subject="เดิม", body=["ย่อหน้า"]), path)
    return path


def write_lock(draft: Path, **info) -> Path:
    lock = lock_path(draft)
    lock.write_text(json.dumps({"host": this_host(), "pid": os.getpid(), "at": time.time(),
                                "token": "someone", **info}), encoding="utf-8")
    return lock


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def timed_save(draft: Path, subject: str) -> float:
    start = time.monotonic()
    save_draft(Letter(subject=subject, body=["ย่อหน้า"]), draft)
    return time.monotonic() - start


def test_the_lock_is_beside_the_draft_and_gone_after_the_save(draft):
    with draft_lock(draft) as lock:
        assert lock == draft.with_name(".letter.dladraft.json.dlalock")
        info = json.loads(lock.read_text(encoding="utf-8"))
        assert (info["pid"], info["host"]) == (os.getpid(), this_host())
    assert not lock.exists()
    long_name = draft.with_name("ก" * 80 + ".dladraft.json")  # 254 bytes of UTF-8
    assert len(lock_path(long_name).name.encode()) < 40


def test_a_lock_left_by_a_dead_process_of_this_pc_is_taken_over_at_once(draft):
    lock = write_lock(draft, pid=dead_pid())
    assert timed_save(draft, "ใหม่") < 5
    assert load_draft(draft).subject == "ใหม่"
    assert not lock.exists()


def test_a_lock_whose_own_time_is_long_past_is_taken_over_at_once(draft):
    write_lock(draft, host="another-pc/000000000000", at=time.time() - 3600)
    assert timed_save(draft, "ใหม่") < 5


def test_a_lock_of_another_pc_is_taken_over_after_watching_it_unchanged(draft, monkeypatch):
    monkeypatch.setattr(draftlock, "STALE_AFTER_S", 0.5)
    write_lock(draft, host="another-pc/000000000000")
    elapsed = timed_save(draft, "ใหม่")
    assert 0.5 <= elapsed < 10
    assert load_draft(draft).subject == "ใหม่"


def test_an_empty_lock_a_crash_left_is_taken_over_after_watching_it(draft, monkeypatch):
    monkeypatch.setattr(draftlock, "STALE_AFTER_S", 0.3)
    lock_path(draft).write_bytes(b"")
    assert timed_save(draft, "ใหม่") >= 0.3


def test_a_live_holder_makes_the_save_wait_then_give_up_with_a_thai_message(draft):
    before = draft.read_bytes()
    write_lock(draft, user="somsri")  # this very process: alive
    with pytest.raises(DraftLockError) as err, draft_lock(draft, wait_s=0.3):
        pass
    assert isinstance(err.value, OSError)
    assert "กำลังถูกบันทึกจากเครื่องอื่น" in err.value.message("th")
    assert "somsri" in err.value.message("th")
    assert draft.read_bytes() == before


def test_a_breaker_never_removes_a_fresh_lock_made_after_it_judged(draft):
    stale = write_lock(draft, pid=dead_pid()).read_bytes()
    lock_path(draft).write_text('{"token": "fresh"}', encoding="utf-8")
    draftlock._break(lock_path(draft), stale, draftlock._Watch())
    assert lock_path(draft).read_text(encoding="utf-8") == '{"token": "fresh"}'
    assert not lock_path(draft).with_name(lock_path(draft).name + ".break").exists()


def test_the_holder_does_not_remove_a_lock_that_is_no_longer_its_own(draft):
    with draft_lock(draft) as lock:
        lock.write_text('{"token": "taken over"}', encoding="utf-8")
    assert lock.read_text(encoding="utf-8") == '{"token": "taken over"}'


def test_no_folder_for_the_lock_is_the_write_error_naming_the_draft(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(AtomicWriteError) as err:
        save_draft(Letter(subject="x"), blocked / "x.dladraft.json")
    assert "ไม่ใช่โฟลเดอร์" in err.value.message("th")


HOLDER = r"""
import sys, time
from pathlib import Path
from dla_drafter.model.draftlock import draft_lock
with draft_lock(sys.argv[1]):
    Path(sys.argv[2]).touch()
    time.sleep(120)
"""

SAVER = r"""
import sys
from pathlib import Path
from dla_drafter.model.concurrent import open_draft, save_shared
path = Path(sys.argv[1])
Path(sys.argv[2]).touch()
i = 0
while True:
    letter, _w, base = open_draft(path)
    letter.body = [f"ย่อหน้า {i} " + "ก" * 3000] * 300   # ~2.7 MB: the write takes a while
    save_shared(letter, path, base)
    i += 1
"""


def _start(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT)


def _wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_kill_9_while_holding_the_lock_does_not_block_the_draft(draft, tmp_path):
    held = tmp_path / "held"
    holder = _start(HOLDER, str(draft), str(held))
    _wait_for(held, holder)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path(draft).exists()  # left behind
    assert timed_save(draft, "หลัง kill -9") < 5
    assert load_draft(draft).subject == "หลัง kill -9"


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_kill_9_in_the_middle_of_saves_never_leaves_the_draft_half_written(draft, tmp_path):
    for round_ in range(4):
        started = tmp_path / f"started-{round_}"
        saver = _start(SAVER, str(draft), str(started))
        _wait_for(started, saver)
        time.sleep(0.3 + 0.35 * round_)  # somewhere inside a save, each time elsewhere
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait()
        letter = load_draft(draft)  # whole: the old version or the new one, never half
        assert letter.subject == "เดิม"
        assert timed_save(draft, "เดิม") < 5  # a lock it left is taken over at once
    leftovers = [p.name for p in draft.parent.iterdir()
                 if p.name != draft.name and not p.name.startswith(("started-", "held"))]
    assert leftovers == []
