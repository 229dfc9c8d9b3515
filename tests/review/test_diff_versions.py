"""Comparing any two versions, "since I last looked", and the latest return with its note."""

from __future__ import annotations

import copy

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.review import actions
from dla_drafter.review.integrity import public_key_text
from dla_drafter.review.versions import (
    VersionError,
    Viewer,
    baseline_for,
    changes_since_mine,
    compare_versions,
    latest_return,
    version,
    versions_of,
)

CLERK, HEAD = "นางสาวสมศรี ใจดี", "นางสาวศรีสุดา ใจดี"
CUT = "กำหนดจัดอบรม"


def at(hour: int, minute: int = 0) -> str:
    return f"2026-06-15T{hour:02d}:{minute:02d}:00+00:00"


def record(letter):
    return actions.record_of(letter)


def split_and_fix(letter) -> None:
    """What the clerk does after the return: cut body[1] in two and fix one word."""
    paragraph = letter.body[1]
    cut = paragraph.index(CUT)
    letter.body[1:2] = [paragraph[:cut].rstrip(),
                        paragraph[cut:].replace("กรุงเทพมหานคร", "จังหวัดเชียงใหม่")]


@pytest.fixture
def reviewed(memo):
    """Sent (v1) → commented and returned (v2) → split, fixed and sent again (v3)."""
    letter = copy.deepcopy(memo)
    actions.send_for_review(letter, CLERK, at(9))
    actions.add_comment(letter, "body[1]", "กรุงเทพมหานคร", "ระบุจังหวัดที่จัดจริง", HEAD, at(10))
    actions.return_for_changes(letter, "แก้สถานที่จัดอบรม และแยกย่อหน้าให้อ่านง่าย", HEAD, at(11))
    split_and_fix(letter)
    actions.send_for_review(letter, CLERK, at(13))
    return letter


def test_the_reviewer_sees_the_clerks_fixes_since_their_return_not_no_changes(memo, reviewed):
    # What the window showed until now: the changes since the version just re-sent — none.
    assert not actions.changes_since_sent(reviewed)

    baseline, changes = changes_since_mine(record(reviewed), reviewed, Viewer(HEAD))
    assert (baseline.version.n, baseline.act, baseline.at) == (2, "returned", at(11))
    [split] = changes.fields
    assert split.kind == "split"
    assert (split.old_fields, split.new_fields) == (("body[1]",), ("body[1]", "body[2]"))
    assert [(h.kind, h.old_text, h.new_text) for h in split.hunks] == [
        ("break", " ", ""), ("edit", "กรุงเทพมหานคร", "จังหวัดเชียงใหม่")]
    assert baseline.describe("th").startswith("ฉบับที่ ๒ (ที่คุณส่งกลับแก้ไขเมื่อ ")
    assert baseline.describe("en").startswith("version 2 (you returned for changes it on ")


def test_the_clerk_compares_with_the_version_they_last_sent(reviewed):
    baseline, changes = changes_since_mine(record(reviewed), reviewed, Viewer(CLERK))
    assert (baseline.version.n, baseline.act) == (3, "sent")
    assert not changes
    reviewed.subject += " (แก้ไข)"  # an edit not yet sent: it shows
    _, changes = changes_since_mine(record(reviewed), reviewed, Viewer(CLERK))
    assert [c.field for c in changes.fields] == ["subject"]


def test_a_comment_counts_as_looking_at_the_version_then_in_front_of_the_reviewer(memo):
    letter = copy.deepcopy(memo)
    actions.send_for_review(letter, CLERK, at(9))
    actions.add_comment(letter, "subject", "ขออนุมัติ", "ชื่อเรื่องยาวไป", HEAD, at(10))
    actions.send_for_review(letter, CLERK, at(12))
    baseline = baseline_for(record(letter), Viewer(HEAD))
    assert (baseline.version.n, baseline.act, baseline.at) == (1, "commented", at(10))
    # a later comment, after the second version arrived, moves the baseline to it
    actions.add_comment(letter, "subject", "ขออนุมัติ", "ยังยาวอยู่", HEAD, at(14))
    assert baseline_for(record(letter), Viewer(HEAD)).version.n == 2


def test_names_match_with_spaces_collapsed_and_nobody_else_matches(reviewed):
    assert baseline_for(record(reviewed), Viewer("  นางสาวศรีสุดา   ใจดี ")).version.n == 2
    assert baseline_for(record(reviewed), Viewer("ผอ.กศ. สมปอง")) is None
    assert baseline_for(record(reviewed), Viewer("")) is None


def approval(name: str, key: str, when: str) -> dict:
    """An approval as the record holds it (who signed is all "since I looked" reads)."""
    return {"role": "หน.ฝ.กศ.", "name": name, "at": when, "content_sha256": "0" * 64,
            "public_key": key, "signature": ""}


def test_an_approval_is_mine_by_key_where_the_record_has_keys(reviewed):
    my_key = public_key_text(Ed25519PrivateKey.generate().public_key())
    their_key = public_key_text(Ed25519PrivateKey.generate().public_key())
    latest = len(versions_of(record(reviewed)))
    approvals = reviewed.extra["review"].setdefault("approvals", [])
    # signed with my key under another spelling of my name: mine, at the version then
    approvals[:] = [approval("ศรีสุดา ใ.", my_key, at(15))]
    baseline = baseline_for(record(reviewed), Viewer(HEAD, my_key))
    assert (baseline.act, baseline.at, baseline.version.n) == ("approved", at(15), latest)
    # my name, someone else's key: not mine; my return (v2) is what I last did
    approvals[:] = [approval(HEAD, their_key, at(15))]
    baseline = baseline_for(record(reviewed), Viewer(HEAD, my_key))
    assert (baseline.act, baseline.version.n) == ("returned", 2)
    # without a key of my own, an approval is matched by name
    assert baseline_for(record(reviewed), Viewer(HEAD)).act == "approved"


def test_acts_in_the_same_second_and_unreadable_times(memo):
    letter = copy.deepcopy(memo)
    actions.send_for_review(letter, CLERK, at(9))
    letter.subject += " ก"
    actions.add_comment(letter, "subject", "ขออนุมัติ", "ข้อความ", HEAD, at(10))
    actions.return_for_changes(letter, "แก้", HEAD, at(10))
    baseline = baseline_for(record(letter), Viewer(HEAD))
    assert (baseline.version.n, baseline.act) == (2, "returned")  # the version wins the tie
    letter.extra["review"]["versions"][1]["at"] = "เมื่อวาน"
    baseline = baseline_for(record(letter), Viewer(HEAD))
    assert (baseline.version.n, baseline.act) == (1, "commented")  # placed by its own time
    letter.extra["review"]["comments"][0]["at"] = "?"
    assert baseline_for(record(letter), Viewer(HEAD)) is None
    early = copy.deepcopy(memo)
    actions.add_comment(early, "subject", "ขออนุมัติ", "ก่อนส่ง", HEAD, at(8))
    actions.send_for_review(early, CLERK, at(9))
    assert baseline_for(record(early), Viewer(HEAD)) is None  # older than every version


def test_versions_are_numbered_from_one_with_who_when_action_and_note(reviewed):
    listed = versions_of(record(reviewed))
    assert [(v.n, v.action, v.by, v.note) for v in listed] == [
        (1, "sent", CLERK, ""),
        (2, "returned", HEAD, "แก้สถานที่จัดอบรม และแยกย่อหน้าให้อ่านง่าย"),
        (3, "sent", CLERK, ""),
    ]
    th, en = listed[1].label("th"), listed[1].label("en")
    assert th.startswith(f"ฉบับที่ ๒ · ส่งกลับแก้ไข · {HEAD} · ")
    assert "๒๕๖๙" in th and th.endswith(" — แก้สถานที่จัดอบรม และแยกย่อหน้าให้อ่านง่าย")
    assert en.startswith(f"version 2 · returned for changes · {HEAD} · ") and "2026" in en


def test_any_two_versions_compare(memo, reviewed):
    record_ = record(reviewed)
    assert not compare_versions(record_, reviewed, 1, 2)  # returned without edits
    assert [c.kind for c in compare_versions(record_, reviewed, 1, 3).fields] == ["split"]
    assert [c.kind for c in compare_versions(record_, reviewed, 3, 1).fields] == ["merged"]
    assert not compare_versions(record_, reviewed, 3)  # the text now is version 3


def test_versions_that_cannot_be_compared_say_why_in_thai_and_english(memo, reviewed):
    with pytest.raises(VersionError) as none:
        version(record(memo), 1)
    assert none.value.code == "version-none"
    assert none.value.problems[0].field == "review.versions"
    assert "ยังไม่เคยส่งตรวจ" in none.value.message("th")
    assert "never sent for review" in none.value.message("en")
    with pytest.raises(VersionError) as out:
        compare_versions(record(reviewed), reviewed, 1, 4)
    assert out.value.code == "version-range"
    assert "ไม่มีฉบับที่ ๔ ร่างนี้มีฉบับที่ ๑–๓" in out.value.message("th")
    assert "there is no version 4; this draft has versions 1–3" in out.value.message("en")
    with pytest.raises(VersionError):
        version(record(reviewed), 0)
    damaged = copy.deepcopy(reviewed)
    damaged.extra["review"]["versions"][1]["list_changes"] = {"body": ["x"]}
    with pytest.raises(VersionError) as broken:
        compare_versions(record(damaged), damaged, 3)
    assert broken.value.code == "version-unreadable"
    assert broken.value.problems[0].field == "review.versions[2]"
    assert "cannot be rebuilt" in broken.value.message("en")
    assert compare_versions(record(damaged), damaged, 1) is not None  # v1 still readable


def test_the_latest_return_gives_the_note_and_the_open_comments_in_letter_order(memo):
    letter = copy.deepcopy(memo)
    assert latest_return(record(letter), letter) is None
    actions.send_for_review(letter, CLERK, at(9))
    body_id = actions.add_comment(letter, "body[2]", "การฝึกอบรม", "อ้างระเบียบฉบับใหม่", HEAD,
                                  at(10))
    subject_id = actions.add_comment(letter, "subject", "ปฐมวัย", "ระบุช่วงอายุ", HEAD, at(10, 5))
    done_id = actions.add_comment(letter, "body[0]", "เรื่องเดิม", "ตัดออก", HEAD, at(10, 6))
    actions.set_resolved(letter, done_id)
    actions.return_for_changes(letter, "แก้ตามความเห็น", HEAD, at(11))
    letter.subject = "ด่วน " + letter.subject  # the clerk starts: quotes move
    letter.body[2] = letter.body[2].replace("การฝึกอบรม", "การอบรม")  # … or go

    back = latest_return(record(letter), letter)
    assert (back.by, back.at, back.note, back.version.n) == (HEAD, at(11), "แก้ตามความเห็น", 2)
    assert back.pending
    assert [c.comment.id for c in back.comments] == [subject_id, body_id]  # letter order
    subject, body = back.comments
    start = letter.subject.index("ปฐมวัย")
    assert subject.where == (start, start + len("ปฐมวัย")) and not subject.outdated
    assert body.where is None and body.outdated

    actions.send_for_review(letter, CLERK, at(13))
    assert not latest_return(record(letter), letter).pending
