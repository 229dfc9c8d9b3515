"""Numbering a draft another PC is commenting on: the number and the comment both stay."""

from __future__ import annotations

import pytest

from dla_drafter.model.draftio import load_draft, save_draft
from dla_drafter.register.drafts import issue_draft
from dla_drafter.register.errors import RegisterError
from dla_drafter.register.store import Store
from dla_drafter.review import actions
from dla_drafter.review.record import read_record


def _comment_from_another_pc(draft, text: str) -> None:
    other = load_draft(draft)
    actions.add_comment(other, "subject", other.subject[:6], text, author="ผู้ตรวจ")
    save_draft(other, draft)


def test_a_comment_saved_while_the_number_is_issued_is_kept(sqlite_url, draft, monkeypatch):
    store = Store(sqlite_url)
    real_issue = store.issue

    def issue_while_commented(*args, **kwargs):  # after the draft was read, before written
        _comment_from_another_pc(draft, "ระหว่างออกเลข")
        return real_issue(*args, **kwargs)

    monkeypatch.setattr(store, "issue", issue_while_commented)
    try:
        entry = issue_draft(store, draft)
    finally:
        store.close()
    saved = load_draft(draft)
    assert saved.number.serial == str(entry.serial)
    assert [c.text for c in read_record(saved.extra["review"]).comments] == ["ระหว่างออกเลข"]


def test_a_failed_issue_takes_only_its_number_out_again(sqlite_url, draft):
    """The commit fails after the number was written and another PC commented: the serial
    and date go back, the comment stays."""
    before = load_draft(draft)
    store = Store(sqlite_url)

    def comment_then_fail() -> None:
        _comment_from_another_pc(draft, "หลังเขียนเลข")
        raise RegisterError("connection_lost", "test")

    store._before_commit_hook = comment_then_fail
    with pytest.raises(RegisterError):
        issue_draft(store, draft)
    store.close()
    saved = load_draft(draft)
    assert (saved.number.serial, saved.date) == (before.number.serial, before.date)
    assert [c.text for c in read_record(saved.extra["review"]).comments] == ["หลังเขียนเลข"]
