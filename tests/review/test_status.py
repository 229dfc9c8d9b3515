"""The displayed review status: one answer for the header, the panel, the problems list and
``review status --json``, never "approved" unless the letter prints as approved here."""

from __future__ import annotations

import copy

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter import pipeline
from dla_drafter.review import actions
from dla_drafter.review.integrity import Keyring, Reviewer, public_key_text
from dla_drafter.review.status import DISPLAY_STATES, review_problems, review_status

KEY = Ed25519PrivateKey.generate()
HEAD = Reviewer("นางสาวศรีสุดา ใจดี", "", "หน.ฝ.กศ.")
TRUSTED = Keyring({public_key_text(KEY.public_key()): HEAD})
NOBODY = Keyring()


def sent(memo):
    letter = copy.deepcopy(memo)
    actions.send_for_review(letter, by="สมศรี", at="2026-12-01T08:00:00+00:00")
    return letter


def approved(memo):
    letter = sent(memo)
    actions.approve_as(letter, HEAD, KEY, at="2026-12-02T09:00:00+00:00")
    return letter


def returned(memo):
    letter = sent(memo)
    actions.return_for_changes(letter, "แก้ย่อหน้าแรก", by="ศรีสุดา",
                               at="2026-12-01T10:00:00+00:00")
    return letter


def changed(memo):
    letter = approved(memo)
    letter.body[0] += " เพิ่ม"
    return letter


def hand_edited(memo):
    letter = approved(memo)
    letter.extra["review"]["approvals"][0]["name"] = "คนอื่น"
    return letter


def no_approval(memo):
    letter = sent(memo)
    letter.extra["review"]["state"] = "approved"
    return letter


CASES = [
    ("draft", lambda memo: copy.deepcopy(memo), TRUSTED),
    ("in_review", sent, TRUSTED),
    ("returned", returned, TRUSTED),
    ("approved", approved, TRUSTED),
    ("approved_untrusted", approved, NOBODY),
    ("changed", changed, TRUSTED),
    ("approval_invalid", hand_edited, TRUSTED),
    ("approval_invalid", no_approval, TRUSTED),
]


@pytest.mark.parametrize(("state", "make", "keyring"), CASES,
                         ids=[f"{c[0]}-{c[1].__name__}" for c in CASES])
def test_every_reader_agrees_on_the_state(memo, state, make, keyring):
    letter = make(memo)
    status = review_status(letter, keyring)
    assert status.state == state
    printing = pipeline.print_state(letter, keyring)
    assert status.approved == printing.approved == (state == "approved")
    data = review_status(letter, keyring).as_json()
    assert data["state"] == state and data["approved"] == status.approved
    assert data["label"] == {"th": DISPLAY_STATES[state][0], "en": DISPLAY_STATES[state][1]}
    assert status.colour.startswith("#")
    problems = review_problems(letter, keyring)
    if state in ("draft", "in_review", "approved"):
        assert problems == []
    else:
        assert problems and all(p.severity == "warning" for p in problems)
    # the problems panel and check see the same through the one list before export
    codes = {p.code for p in pipeline.export_problems(letter, keyring=keyring)}
    assert {p.code for p in problems} <= codes


def test_the_untrusted_approval_says_how_to_trust_it(memo):
    letter = approved(memo)
    [problem] = review_problems(letter, NOBODY)
    fingerprint = review_status(letter, NOBODY).as_json()["approvals"][0]["fingerprint"]
    thai = fingerprint.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert thai in problem.message("th") and fingerprint in problem.message("en")
    assert "review trust" in problem.message("en")


def test_the_json_shape(memo):
    letter = returned(memo)
    comment_id = actions.add_comment(letter, "subject", letter.subject[:6], "สั้นลง",
                                     author="ศรีสุดา", at="2026-12-01T09:00:00+00:00")
    actions.reply_to_comment(letter, comment_id, "แก้แล้ว", author="สมศรี",
                             at="2026-12-01T11:00:00+00:00")
    letter.extra["review"]["suggestions"] = [
        {"id": "s1", "field": "subject", "old": "ขอ", "new": "ขอความ", "author": "ศรีสุดา",
         "at": "2026-12-01T09:30:00+00:00", "state": "open", "offset": 0},
        {"id": "s2", "field": "subject"},  # unreadable (no old/new): left out, with a warning
    ]
    data = review_status(letter, TRUSTED).as_json()
    assert list(data) == ["state", "label", "record_state", "approved", "returned",
                          "versions", "comments", "approvals", "suggestions"]
    assert data["returned"] == {"by": "ศรีสุดา", "at": "2026-12-01T10:00:00+00:00",
                                "note": "แก้ย่อหน้าแรก"}
    assert data["versions"] == [
        {"n": 1, "by": "สมศรี", "at": "2026-12-01T08:00:00+00:00", "action": "sent",
         "note": ""},
        {"n": 2, "by": "ศรีสุดา", "at": "2026-12-01T10:00:00+00:00", "action": "returned",
         "note": "แก้ย่อหน้าแรก"},
    ]
    assert data["comments"] == [{
        "id": comment_id, "field": "subject", "quote": letter.subject[:6], "text": "สั้นลง",
        "author": "ศรีสุดา", "at": "2026-12-01T09:00:00+00:00", "resolved": False,
        "replies": [{"author": "สมศรี", "at": "2026-12-01T11:00:00+00:00", "text": "แก้แล้ว"}],
    }]
    assert data["suggestions"] == [{"id": "s1", "field": "subject", "author": "ศรีสุดา",
                                    "old": "ขอ", "new": "ขอความ", "state": "open"}]
    letter.extra["review"]["suggestions"] = "damaged"
    assert review_status(letter, TRUSTED).as_json()["suggestions"] == []

    actions.send_for_review(letter, by="สมศรี")
    actions.approve_as(letter, HEAD, KEY, at="2026-12-02T09:00:00+00:00")
    data = review_status(letter, TRUSTED).as_json()
    assert data["returned"]["note"] == "แก้ย่อหน้าแรก"  # the latest return, still shown
    [approval] = data["approvals"]
    assert {k: approval[k] for k in ("role", "name", "status", "reason")} == {
        "role": "หน.ฝ.กศ.", "name": HEAD.name, "status": "valid", "reason": "valid"}
    assert approval["reviewer"] == {"name": HEAD.name, "position": "",
                                    "abbreviation": "หน.ฝ.กศ."}
    assert len(approval["fingerprint"].replace(" ", "")) == 20


def test_a_returned_letter_shows_the_reason_in_the_problems(memo):
    letter = returned(memo)
    [problem] = review_problems(letter, TRUSTED)
    assert problem.code == "review-returned" and problem.field == "review.versions[1].note"
    assert "แก้ย่อหน้าแรก" in problem.message("th") and "ศรีสุดา" in problem.message("th")
    actions.send_for_review(letter, by="สมศรี")
    assert review_problems(letter, TRUSTED) == []  # sent again: no longer the news
