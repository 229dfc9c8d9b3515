"""Two PCs' review records merged by id: comments, replies, versions, approvals, suggestions.

Each test makes a base draft, lets two "PCs" work on deep copies of it with the real verbs
(``review.actions``), then merges the records three ways and reads the result through
``record.read_record`` (versions rebuilt, hashes rechecked), as every reader of the draft does.
"""

from __future__ import annotations

import copy

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.model.concurrent import ABSENT, merge_drafts
from dla_drafter.model.draftio import letter_to_dict
from dla_drafter.review import actions
from dla_drafter.review.integrity import content_hash_of, letter_snapshot, signature_verifies
from dla_drafter.review.merge_records import MERGERS, merge_review
from dla_drafter.review.record import read_record

T0 = "2026-12-01T08:00:00+00:00"


def raw(letter):
    return copy.deepcopy(letter.extra.get("review"))


def merged_record(base, mine, theirs):
    record, conflicts = merge_review(raw(base), raw(mine), raw(theirs))
    assert conflicts == []
    return record


@pytest.fixture
def sent(memo):
    """The memo, sent for review with one comment on the subject."""
    letter = copy.deepcopy(memo)
    actions.send_for_review(letter, by="สมศรี", at=T0)
    actions.add_comment(letter, "subject", "ขออนุมัติ", "สั้นลงได้", author="ศรีสุดา",
                        at="2026-12-01T09:00:00+00:00")
    return letter


def two_pcs(base):
    return copy.deepcopy(base), copy.deepcopy(base)


def test_comments_added_on_both_pcs_are_all_kept_in_order(sent):
    mine, theirs = two_pcs(sent)
    a = actions.add_comment(mine, "body[0]", "เรื่องเดิม", "ของฉัน ๑", author="ก")
    b = actions.add_comment(theirs, "body[1]", "ข้อเท็จจริง", "ของเขา ๑", author="ข")
    c = actions.add_comment(theirs, "subject", "โครงการ", "ของเขา ๒", author="ข")
    record = read_record(merged_record(sent, mine, theirs))
    assert not record.problems
    # the file's entries keep their order; this PC's new ones follow
    assert [x.text for x in record.comments] == ["สั้นลงได้", "ของเขา ๑", "ของเขา ๒", "ของฉัน ๑"]
    assert {x.id for x in record.comments[1:]} == {a, b, c}


def test_replies_on_both_pcs_and_resolved_on_one_are_all_kept(sent):
    mine, theirs = two_pcs(sent)
    cid = read_record(raw(sent)).comments[0].id
    actions.reply_to_comment(mine, cid, "แก้แล้ว", author="สมศรี", at="2026-12-01T10:00:00+00:00")
    actions.reply_to_comment(theirs, cid, "ขอบคุณ", author="ศรีสุดา",
                             at="2026-12-01T10:05:00+00:00")
    actions.set_resolved(theirs, cid, True)
    comment = read_record(merged_record(sent, mine, theirs)).comments[0]
    assert comment.resolved
    assert [(r.author, r.text) for r in comment.replies] == [("ศรีสุดา", "ขอบคุณ"),
                                                           ("สมศรี", "แก้แล้ว")]


def test_reopening_a_resolved_comment_wins_over_a_pc_that_did_not_touch_it(sent):
    actions.set_resolved(sent, read_record(raw(sent)).comments[0].id, True)
    mine, theirs = two_pcs(sent)
    actions.set_resolved(mine, read_record(raw(mine)).comments[0].id, False)
    actions.add_comment(theirs, "subject", "โครงการ", "อีกเรื่อง", author="ข")
    record = read_record(merged_record(sent, mine, theirs))
    assert [c.resolved for c in record.comments] == [False, False]


def test_without_a_common_base_resolved_wins(sent):
    """A comment that reached both sides by other merges, marked differently: resolved."""
    mine, theirs = two_pcs(sent)
    actions.set_resolved(theirs, read_record(raw(theirs)).comments[0].id, True)
    record, conflicts = merge_review(ABSENT, raw(mine), raw(theirs))
    assert conflicts == []
    assert read_record(record).comments[0].resolved


def test_a_comment_removed_on_one_pc_stays_removed_unless_the_other_changed_it(sent):
    actions.add_comment(sent, "subject", "โครงการ", "ที่สอง", author="ข")
    mine, theirs = two_pcs(sent)
    mine.extra["review"]["comments"].pop(1)  # removed by hand on this PC
    assert [c.text for c in read_record(merged_record(sent, mine, theirs)).comments] == \
        ["สั้นลงได้"]
    ident = read_record(raw(theirs)).comments[1].id
    actions.reply_to_comment(theirs, ident, "ยังต้องแก้", author="ข")
    assert [c.text for c in read_record(merged_record(sent, mine, theirs)).comments] == \
        ["สั้นลงได้", "ที่สอง"]  # removed here, answered there: nothing lost


def test_versions_from_both_pcs_are_kept_and_every_one_still_rebuilds(sent):
    mine, theirs = two_pcs(sent)
    mine.subject = mine.subject + " (แก้)"
    actions.send_for_review(mine, by="สมศรี", at="2026-12-02T08:00:00+00:00")
    theirs.body[0] = theirs.body[0] + " เพิ่ม"
    actions.return_for_changes(theirs, "แก้ย่อหน้าแรก", by="ศรีสุดา",
                               at="2026-12-01T12:00:00+00:00")
    record = read_record(merged_record(sent, mine, theirs))
    assert not record.problems
    assert [(v.event, v.by) for v in record.versions] == [
        ("sent", "สมศรี"), ("returned", "ศรีสุดา"), ("sent", "สมศรี")]
    # each snapshot is the letter its PC froze (the hash stored then matches the rebuild)
    stored = merged_record(sent, mine, theirs)["versions"]
    for version, entry in zip(record.versions, stored, strict=True):
        assert content_hash_of(version.snapshot) == entry["content_sha256"]
    assert record.versions[1].snapshot == letter_snapshot(theirs)
    assert record.versions[2].snapshot == letter_snapshot(mine)
    # this PC's send is the latest thing that happened: its state wins
    assert record.state == "in_review"


def test_the_later_event_decides_the_state(sent):
    mine, theirs = two_pcs(sent)
    actions.return_for_changes(mine, "แก้", by="ศรีสุดา", at="2026-12-01T12:00:00+00:00")
    actions.send_for_review(theirs, by="สมศรี", at="2026-12-03T08:00:00+00:00")
    assert read_record(merged_record(sent, mine, theirs)).state == "in_review"
    assert read_record(merged_record(sent, theirs, mine)).state == "in_review"


def test_approvals_from_both_pcs_are_kept_by_signature_and_still_verify(sent):
    mine, theirs = two_pcs(sent)
    actions.approve(mine, "หน.ฝ.กศ.", "ศรีสุดา", Ed25519PrivateKey.generate(),
                    at="2026-12-02T09:00:00+00:00")
    actions.approve(theirs, "ผอ.กศ.", "สมปอง", Ed25519PrivateKey.generate(),
                    at="2026-12-02T09:30:00+00:00")
    record = merged_record(sent, mine, theirs)
    assert [a["role"] for a in record["approvals"]] == ["ผอ.กศ.", "หน.ฝ.กศ."]
    assert all(signature_verifies(a) for a in record["approvals"])
    assert record["state"] == "approved"
    assert not read_record(record).problems


def test_the_same_entries_on_both_sides_are_not_doubled(sent):
    mine, theirs = two_pcs(sent)
    actions.add_comment(mine, "subject", "โครงการ", "ทั้งสองเครื่องเห็น", author="ก", at=T0)
    theirs.extra["review"] = copy.deepcopy(mine.extra["review"])  # it reached the file too
    actions.add_comment(theirs, "body[0]", "เรื่องเดิม", "ใหม่", author="ข")
    record = read_record(merged_record(sent, mine, theirs))
    assert [c.text for c in record.comments] == ["สั้นลงได้", "ทั้งสองเครื่องเห็น", "ใหม่"]


def test_unknown_keys_are_kept_and_a_clash_on_one_is_a_conflict(sent):
    mine, theirs = two_pcs(sent)
    mine.extra["review"]["from_the_future"] = {"mine": 1}
    mine.extra["review"]["comments"][0]["emoji"] = "👍"
    theirs.extra["review"]["suggestions"] = [{"id": "s1", "text": "ตัดคำว่า ดังกล่าว"}]
    record = merged_record(sent, mine, theirs)
    assert record["from_the_future"] == {"mine": 1}
    assert record["comments"][0]["emoji"] == "👍"
    assert record["suggestions"] == [{"id": "s1", "text": "ตัดคำว่า ดังกล่าว"}]
    # both PCs set an unknown value differently: a person decides
    theirs.extra["review"]["from_the_future"] = {"mine": 2}
    _record, conflicts = merge_review(raw(sent), raw(mine), raw(theirs))
    assert [(c.path, c.mine, c.theirs) for c in conflicts] == [
        ("review.from_the_future.mine", 1, 2)]


def test_suggestions_merge_by_id(sent):
    sent.extra["review"]["suggestions"] = [{"id": "s1", "text": "a", "status": "open"}]
    mine, theirs = two_pcs(sent)
    mine.extra["review"]["suggestions"][0]["status"] = "accepted"
    theirs.extra["review"]["suggestions"].append({"id": "s2", "text": "b"})
    record = merged_record(sent, mine, theirs)
    assert record["suggestions"] == [{"id": "s1", "text": "a", "status": "accepted"},
                                     {"id": "s2", "text": "b"}]


def test_a_record_damaged_on_one_pc_and_changed_on_the_other_is_a_conflict(sent):
    mine, theirs = two_pcs(sent)
    mine.extra["review"]["comments"] = "broken by hand"
    actions.add_comment(theirs, "subject", "โครงการ", "ใหม่", author="ข")
    _record, conflicts = merge_review(raw(sent), raw(mine), raw(theirs))
    assert [c.path for c in conflicts] == ["review.comments"]


def test_a_record_made_on_only_one_pc_is_taken_whole(memo):
    mine, theirs = two_pcs(memo)
    actions.add_comment(theirs, "subject", "ขออนุมัติ", "แรก", author="ข")
    mine.subject = "ใหม่"
    data, conflicts = merge_drafts(letter_to_dict(memo), letter_to_dict(mine),
                                   letter_to_dict(theirs), MERGERS)
    assert conflicts == []
    assert data["subject"] == "ใหม่"
    assert data["review"] == theirs.extra["review"]


def test_duplicate_ids_made_by_hand_are_each_kept(sent):
    sent.extra["review"]["comments"].append(copy.deepcopy(sent.extra["review"]["comments"][0]))
    mine, theirs = two_pcs(sent)
    actions.add_comment(theirs, "subject", "โครงการ", "ใหม่", author="ข")
    record = merged_record(sent, mine, theirs)
    assert [c["text"] for c in record["comments"]] == ["สั้นลงได้", "สั้นลงได้", "ใหม่"]
