"""The register's order for a draft: identity, commit (pending), draft, complete — and what
the next issue or open does with each moment a run can stop at. The stops are made by hand
here (test_kills.py makes them with SIGKILL)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from dla_drafter.register import drafts
from dla_drafter.register.drafts import (
    awaiting_number,
    complete_pending,
    details_of,
    draft_id_of,
    issue_draft,
)
from dla_drafter.register.errors import RegisterError
from dla_drafter.register.store import Store

DAY = dt.date(2026, 6, 16)  # พ.ศ. 2569


@pytest.fixture
def store(register_url):
    with Store(register_url) as s:
        yield s


def number_of(path: Path) -> tuple[str | None, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["number"]["serial"], data["date"]


def give_id(path: Path, draft_id: str = "ab" * 16) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["number"]["draft_id"] = draft_id
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return draft_id


def stopped_after_commit(store: Store, path: Path) -> int:
    """What a run killed between the register's commit and the draft's update leaves: the
    draft with its identity and no serial, the entry committed pending. Returns the serial."""
    from dla_drafter.model.draftio import load_draft

    draft_id = give_id(path)
    details = details_of(load_draft(path), path)
    entry = store.issue("มท 0816.3", True, date=DAY, details=details, draft_id=draft_id)
    assert entry.draft_pending
    return entry.serial


def test_a_number_committed_but_not_written_is_written_when_the_draft_is_opened(store, draft):
    serial = stopped_after_commit(store, draft)
    assert number_of(draft)[0] is None
    from dla_drafter.model.draftio import load_draft

    assert awaiting_number(load_draft(draft))  # the window's cheap check says: ask
    entry = complete_pending(store, draft)
    assert entry is not None and entry.serial == serial and not entry.draft_pending
    assert number_of(draft) == (str(serial), {"day": 16, "month": 6, "year": 2569})
    assert not store.get(entry.number).draft_pending
    assert complete_pending(store, draft) is None  # done once
    assert not awaiting_number(load_draft(draft))


def test_issuing_it_again_gives_the_same_number_not_a_new_one(store, draft):
    serial = stopped_after_commit(store, draft)
    entry = issue_draft(store, draft, date=DAY + dt.timedelta(days=5))
    assert entry.serial == serial
    assert number_of(draft)[1]["day"] == 16  # the date the register recorded, too
    assert [(e.serial, e.draft_pending) for e in store.entries()] == [(serial, False)]
    with pytest.raises(RegisterError) as err:  # and now it is simply issued
        issue_draft(store, draft)
    assert err.value.code == "already_issued"


def test_stopped_after_the_draft_was_written_the_mark_is_cleared_next_time(store, draft):
    serial = stopped_after_commit(store, draft)
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["number"]["serial"] = str(serial)
    data["date"] = {"day": 16, "month": 6, "year": 2569}
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = draft.read_bytes()
    entry = issue_draft(store, draft)  # not "already issued": the draft and register agree
    assert entry.serial == serial and not entry.draft_pending
    assert draft.read_bytes() == before  # nothing to write
    assert not store.entries()[0].draft_pending


def test_a_copy_of_a_pending_draft_gets_its_own_number(store, draft):
    """A clerk copies the file (same id) before it was completed: the pending number
    belongs to the file it was issued for; the copy gets the next one, never the same."""
    serial = stopped_after_commit(store, draft)
    copy = draft.with_name("copy.dladraft.json")
    shutil.copyfile(draft, copy)
    assert complete_pending(store, copy) is None
    other = issue_draft(store, copy)
    assert other.serial == serial + 1
    assert issue_draft(store, draft).serial == serial
    assert number_of(copy)[0] != number_of(draft)[0]
    assert [(e.serial, e.draft_pending) for e in store.entries()] == [
        (serial, False), (serial + 1, False)]


def test_a_draft_whose_code_changed_since_is_not_forced_into_the_old_series(store, draft):
    stopped_after_commit(store, draft)
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["number"]["code"] = "มท 0816.4"
    data["number"]["circular"] = False
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert complete_pending(store, draft) is None
    entry = issue_draft(store, draft, date=DAY)
    assert entry.number == "มท 0816.4/1"
    assert number_of(draft)[0] == "1"
    # the old number stays in the register, marked: a clerk can see and cancel it
    old = store.get("มท 0816.3/ว 1")
    assert old.status == "issued" and old.draft_pending


def test_the_draft_id_is_written_before_the_commit_and_kept(store, draft, register_url):
    seen: list[str] = []
    hooked = Store(register_url)
    hooked._before_commit_hook = lambda: seen.append(
        json.loads(draft.read_text(encoding="utf-8"))["number"].get("draft_id", ""))
    try:
        entry = issue_draft(hooked, draft)
    finally:
        hooked.close()
    from dla_drafter.model.draftio import load_draft

    draft_id = draft_id_of(load_draft(draft))
    assert seen == [draft_id] and len(draft_id) == 32
    assert entry.draft_id == draft_id and store.get(entry.number).draft_id == draft_id


def test_a_value_this_program_did_not_write_is_replaced(store, draft):
    give_id(draft, "../../etc")  # hand-edited: not an id of ours
    issue_draft(store, draft)
    from dla_drafter.model.draftio import load_draft

    assert draft_id_of(load_draft(draft)) not in ("", "../../etc")


def test_a_draft_that_cannot_be_written_after_the_commit_keeps_its_number(
        store, draft, monkeypatch):
    """The disk refuses the draft after the register committed: the clerk is told the
    number is the draft's, and issuing again (the disk fixed) writes that same number."""
    from dla_drafter import atomic

    real = atomic.atomic_write_bytes
    writes: list[Path] = []

    def second_write_fails(path, data, **kw):
        writes.append(Path(path))
        if len(writes) == 2:
            raise atomic.AtomicWriteError(Path(path), OSError(28, "No space left on device"),
                                          "พื้นที่ดิสก์เต็ม", "the disk is full")
        return real(path, data, **kw)

    monkeypatch.setattr(atomic, "atomic_write_bytes", second_write_fails)
    with pytest.raises(RegisterError) as err:
        issue_draft(store, draft)
    assert err.value.code == "draft_write_pending"
    th = err.value.message("th")
    assert "มท 0816.3/ว 1" in th and "พื้นที่ดิสก์เต็ม" in th and "ได้เลขเดิม" in th
    assert "the disk is full" in err.value.message("en")
    assert number_of(draft)[0] is None
    assert store.get("มท 0816.3/ว 1").draft_pending
    monkeypatch.setattr(atomic, "atomic_write_bytes", real)
    assert issue_draft(store, draft).number == "มท 0816.3/ว 1"
    assert number_of(draft)[0] == "1"


def test_the_draft_id_does_not_make_approvals_stale(store, draft):
    """An approved letter gets its number afterwards: the id, like the serial, is the
    registry's, not the letter's content."""
    from dla_drafter.model.draftio import letter_to_dict, load_draft
    from dla_drafter.review.integrity import content_of

    before = content_of(letter_to_dict(load_draft(draft)))
    issue_draft(store, draft)
    after = letter_to_dict(load_draft(draft))
    assert after["number"]["draft_id"]
    assert content_of(after) == before


def test_nothing_below_ui_and_cli_reads_the_settings(tmp_path, monkeypatch, draft):
    """issue 15 item 2: the register is handed its URL; without one it is this PC's file,
    whatever the settings say."""
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.register.store import default_url, open_store

    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(tmp_path / "config"))
    config = AppConfig.load()
    config.register_url = "sqlite:///" + (tmp_path / "office.sqlite3").as_posix()
    config.save()
    monkeypatch.setattr(AppConfig, "load", classmethod(lambda cls: pytest.fail("read")))
    with open_store() as store:
        assert store.url == default_url()
    assert not (tmp_path / "office.sqlite3").exists()
    assert "app_settings" not in Path(drafts.__file__).with_name("store.py").read_text(
        encoding="utf-8")
