"""Approvals that cannot be forged: what the hash covers, and the status of each approval."""

from __future__ import annotations

import copy
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.model.draftio import dumps_draft, loads_draft
from dla_drafter.model.letter import Initial
from dla_drafter.review.actions import (
    approval_checks,
    approval_statuses,
    approve,
    send_for_review,
)
from dla_drafter.review.integrity import (
    Keyring,
    Reviewer,
    approval_status,
    content_hash,
    public_key_text,
)
from dla_drafter.review.status import review_problems

HEAD = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()
HEAD_CARD = Reviewer("นางสาวศรีสุดา ใจดี", "หัวหน้าฝ่ายส่งเสริมการศึกษา", "หน.ฝ.กศ.")


def known(*keys: Ed25519PrivateKey) -> Keyring:
    """A PC that trusts ``keys``, each with the card of the head (every test's approver)."""
    return Keyring({public_key_text(k.public_key()): HEAD_CARD for k in keys})


def statuses(letter, keyring) -> list[str]:
    return [status for _, status in approval_statuses(letter, keyring)]


def approved(letter, key=HEAD, role="หน.ฝ.กศ.", name="นางสาวศรีสุดา ใจดี"):
    send_for_review(letter, by="นางสาวสมศรี ใจดี", at="2026-12-01T08:00:00+00:00")
    approve(letter, role, name, key, at="2026-12-02T09:00:00+00:00")
    return letter


def reopened(letter):
    """Through the file, as a reviewer's PC would see it."""
    return loads_draft(dumps_draft(letter))


def test_valid_when_unchanged_and_signed_by_a_known_key(memo):
    letter = reopened(approved(memo))
    assert statuses(letter, known(HEAD)) == ["valid"]
    assert review_problems(letter, known(HEAD)) == []


def test_a_body_word_edit_makes_the_approval_stale(memo):
    letter = reopened(approved(memo))
    letter.body[0] = letter.body[0].replace("งบประมาณ", "งบประมาน", 1)
    assert statuses(letter, known(HEAD)) == ["stale"]
    [problem] = review_problems(letter, known(HEAD))
    assert problem.field == "review.approvals[0]" and problem.code == "approval-stale"
    assert "หน.ฝ.กศ." in problem.message("th")


@pytest.mark.parametrize(
    "edit",
    [
        lambda letter: setattr(letter.number, "serial", "๑๒๓๔"),
        lambda letter: setattr(letter.date, "day", 15),
        lambda letter: letter.initials.append(Initial("ร่าง", "สมศรี")),
        lambda letter: setattr(letter, "file_copy", not letter.file_copy),
    ],
    ids=["serial", "date", "initials", "file_copy"],
)
def test_what_others_fill_in_after_approval_does_not_make_it_stale(memo, edit):
    letter = reopened(approved(memo))
    edit(letter)
    assert statuses(letter, known(HEAD)) == ["valid"]


@pytest.mark.parametrize(
    "edit",
    [
        lambda letter: setattr(letter, "subject", letter.subject + " (แก้ไข)"),
        lambda letter: letter.signer.position.append("ปฏิบัติราชการแทน"),
        lambda letter: setattr(letter.number, "code", "มท 0816.9"),
        lambda letter: letter.extra.__setitem__("future_key", "x"),
    ],
    ids=["subject", "signer", "number-code", "unknown-key"],
)
def test_any_other_edit_makes_it_stale(memo, edit):
    letter = reopened(approved(memo))
    edit(letter)
    assert statuses(letter, known(HEAD)) == ["stale"]


def test_unknown_key_when_the_profile_does_not_list_the_signer(memo):
    letter = reopened(approved(memo, key=OTHER))
    assert statuses(letter, known(HEAD)) == ["unknown_key"]
    [problem] = review_problems(letter, known(HEAD))
    assert problem.code == "approval-unknown_key"


@pytest.mark.parametrize("key", ["role", "name", "at", "content_sha256", "signature"])
def test_hand_editing_any_field_of_the_json_makes_it_invalid(memo, key):
    data = json.loads(dumps_draft(approved(memo)))
    entry = data["review"]["approvals"][0]
    if key == "signature":
        entry[key] = entry[key][:10] + ("A" if entry[key][10] != "A" else "B") + entry[key][11:]
    elif key == "content_sha256":
        entry[key] = content_hash(memo)[:-1] + ("0" if content_hash(memo)[-1] != "0" else "1")
    else:
        entry[key] = entry[key] + "x"
    letter = loads_draft(json.dumps(data, ensure_ascii=False))
    assert statuses(letter, known(HEAD)) == ["invalid"]


def test_swapping_in_another_public_key_is_invalid_not_unknown(memo):
    data = json.loads(dumps_draft(approved(memo, key=OTHER)))
    data["review"]["approvals"][0]["public_key"] = public_key_text(HEAD.public_key())
    letter = loads_draft(json.dumps(data, ensure_ascii=False))
    assert statuses(letter, known(HEAD)) == ["invalid"]


def test_malformed_approvals_show_as_invalid(memo):
    data = json.loads(dumps_draft(approved(memo)))
    good = data["review"]["approvals"][0]
    data["review"]["approvals"] += [{}, {**good, "signature": 5}, {**good, "public_key": "rsa:xx"}]
    letter = loads_draft(json.dumps(data, ensure_ascii=False))
    assert statuses(letter, known(HEAD)) == ["valid", "invalid", "invalid", "invalid"]


def test_status_order_invalid_then_stale_then_unknown_key(memo):
    letter = approved(copy.deepcopy(memo), key=OTHER)  # unknown key …
    entry = letter.extra["review"]["approvals"][0]
    current = content_hash(letter)
    assert approval_status(entry, current, known(HEAD)) == "unknown_key"
    changed = "0" * 64
    assert approval_status(entry, changed, known(HEAD)) == "stale"  # … and stale: stale
    edited = {**entry, "name": "ผู้อื่น"}
    assert approval_status(edited, changed, known(HEAD)) == "invalid"  # all three: invalid
    assert approval_status(entry, current, known(OTHER)) == "valid"


def test_no_approval_without_the_key(memo):
    """Copying a valid approval onto another letter, or re-signing a name, does not pass."""
    letter = approved(copy.deepcopy(memo))
    entry = letter.extra["review"]["approvals"][0]
    other_letter = copy.deepcopy(memo)
    other_letter.subject = "เรื่องอื่น"
    assert approval_status(entry, content_hash(other_letter), known(HEAD)) == "stale"
    forged = {**entry, "content_sha256": content_hash(other_letter)}
    assert approval_status(forged, content_hash(other_letter), known(HEAD)) == "invalid"


def test_the_hash_is_of_the_letter_not_of_the_file_layout(memo):
    text = dumps_draft(memo)
    compact = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    assert content_hash(loads_draft(compact)) == content_hash(memo)
    data = json.loads(text)
    del data["salutation"]  # missing optional key: the default, as written
    assert memo.salutation == "เรียน"  # the default
    assert content_hash(loads_draft(json.dumps(data, ensure_ascii=False))) == content_hash(memo)


def test_a_trusted_key_signing_another_name_or_role_is_invalid(memo):
    """The card decides who a key is: the head's key cannot sign as the director."""
    for role, name in (("ผอ.กศ.", "นางสาวศรีสุดา ใจดี"), ("หน.ฝ.กศ.", "นายสมปอง มั่นคง")):
        letter = reopened(approved(copy.deepcopy(memo), role=role, name=name))
        [check] = approval_checks(letter, known(HEAD))
        assert (check.status, check.reason) == ("invalid", "card")
        [problem] = review_problems(letter, known(HEAD))
        assert problem.code == "approval-invalid"
        assert "หน.ฝ.กศ. นางสาวศรีสุดา ใจดี" in problem.message("th")  # whose card it is


def test_spacing_is_not_a_different_name(memo):
    letter = reopened(approved(memo, name="นางสาวศรีสุดา   ใจดี ", role=" หน.ฝ.กศ."))
    assert statuses(letter, known(HEAD)) == ["valid"]


@pytest.mark.parametrize("cut", ["no-versions", "no-sent", "other-content", "damaged"])
def test_an_approval_the_history_does_not_lead_to_is_invalid(memo, cut):
    letter = approved(copy.deepcopy(memo))
    record = letter.extra["review"]
    if cut == "no-versions":
        del record["versions"]
    elif cut == "no-sent":
        record["versions"] = [v for v in record["versions"] if v["event"] != "sent"]
    elif cut == "other-content":  # a history of some other letter
        other = copy.deepcopy(memo)
        other.subject = "เรื่องอื่น"
        send_for_review(other, by="x")
        record["versions"] = other.extra["review"]["versions"]
    else:
        record["versions"][0]["content"] = "not an object"
    letter = reopened(letter)
    [check] = approval_checks(letter, known(HEAD))
    assert (check.status, check.reason) == ("invalid", "history")
    [problem] = [p for p in review_problems(letter, known(HEAD))
                 if p.field == "review.approvals[0]"]
    assert "review.versions" in problem.message("en") and "history" in problem.message("en")


def test_the_approvers_own_edits_are_in_the_history(memo):
    """A supervisor who fixes a word and approves: the approval records that version."""
    letter = copy.deepcopy(memo)
    send_for_review(letter, by="สมศรี")
    letter.body[0] += " (แก้โดยผู้ตรวจ)"
    approve(letter, "หน.ฝ.กศ.", "นางสาวศรีสุดา ใจดี", HEAD)
    versions = letter.extra["review"]["versions"]
    assert [v["event"] for v in versions] == ["sent", "approved"]
    assert versions[-1]["by"] == "นางสาวศรีสุดา ใจดี"
    assert statuses(reopened(letter), known(HEAD)) == ["valid"]


def test_approving_a_letter_never_sent_is_refused_and_changes_nothing(memo):
    from dla_drafter.review.actions import ReviewError

    letter = copy.deepcopy(memo)
    with pytest.raises(ReviewError) as caught:
        approve(letter, "หน.ฝ.กศ.", "นางสาวศรีสุดา ใจดี", HEAD)
    assert "ส่งตรวจ" in caught.value.message("th")
    assert "review" not in letter.extra
