"""The review record in the draft file: tolerant reading, compact versions, old files."""

from __future__ import annotations

import copy
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dla_drafter.fields import field_label
from dla_drafter.model.draftio import dumps_draft, load_draft, loads_draft, save_draft
from dla_drafter.review import actions
from dla_drafter.review.integrity import letter_snapshot
from dla_drafter.review.record import read_record
from dla_drafter.review.status import review_problems, review_status


def reopened(letter):
    return loads_draft(dumps_draft(letter))


def test_v1_file_without_review_opens_and_saves_unchanged(memo, tmp_path):
    path = tmp_path / "v1.dladraft.json"
    save_draft(memo, path)
    before = path.read_bytes()
    letter = load_draft(path)
    assert actions.record_of(letter).state == "draft"
    assert review_status(letter, actions.Keyring()).as_json() == {
        "state": "draft", "label": {"th": "ร่าง", "en": "draft"}, "record_state": "draft",
        "approved": False, "returned": None, "versions": [], "comments": [], "approvals": [],
        "suggestions": [],
    }  # fmt: skip
    from dla_drafter.pipeline import print_state

    assert print_state(letter).letter is letter
    save_draft(letter, path)
    assert path.read_bytes() == before
    assert "review" not in json.loads(before)


def test_a_file_with_review_data_keeps_it_through_the_v1_reader(memo, tmp_path):
    """The v1 reader (this release's, and every older one) keeps ``review`` as an unknown key
    and writes it back as it was, even the parts this version does not know."""
    letter = copy.deepcopy(memo)
    actions.send_for_review(letter, by="สมศรี", at="2026-12-01T08:00:00+00:00")
    actions.add_comment(letter, "subject", letter.subject[:10], "ตัดให้สั้นลง", author="สมชาย")
    actions.approve(letter, "ผอ.กศ.", "สมชาย", Ed25519PrivateKey.generate())
    letter.extra["review"]["from_the_future"] = {"x": [1, 2]}
    letter.extra["review"]["comments"][0]["emoji"] = "👍"
    path = tmp_path / "reviewed.dladraft.json"
    save_draft(letter, path)
    record = json.loads(path.read_text(encoding="utf-8"))["review"]
    reloaded = load_draft(path)
    assert reloaded.extra["review"] == record
    save_draft(reloaded, path)
    assert json.loads(path.read_text(encoding="utf-8"))["review"] == record
    assert reloaded.subject == memo.subject and reloaded.body == memo.body


@pytest.mark.parametrize(
    ("record", "path"),
    [
        ("not an object", "review"),
        ({"state": "เสร็จ"}, "review.state"),
        ({"comments": "x"}, "review.comments"),
        ({"comments": [{"field": "subject", "quote": "a", "text": "b"}, 5]}, "review.comments[1]"),
        ({"comments": [{"field": 3, "quote": "a", "text": "b"}]}, "review.comments[0].field"),
        ({"comments": [{"quote": "a", "text": "b"}]}, "review.comments[0].field"),
        ({"versions": [{"event": "sent", "changes": {}}]}, "review.versions[0]"),
        ({"versions": [{"event": "sent", "content": []}]}, "review.versions[0]"),
        ({"versions": [{"event": "ส่ง", "content": {}}]}, "review.versions[0].event"),
    ],
)
def test_a_malformed_record_never_stops_the_letter_from_opening(memo, record, path):
    data = json.loads(dumps_draft(memo))
    data["review"] = record
    letter = loads_draft(json.dumps(data, ensure_ascii=False))
    assert letter.subject == memo.subject
    problems = review_problems(letter, actions.Keyring())
    assert path in [p.field for p in problems]
    assert all(p.severity == "warning" for p in problems)
    messages = [p.message("th") for p in problems if p.field == path]
    assert messages and all(field_label(path) in m and path not in m for m in messages)
    verbose = [p.message("th", path=True) for p in problems if p.field == path]
    assert all(path in m for m in verbose)
    assert letter.extra["review"] == record  # nothing is lost


def test_actions_refuse_to_overwrite_a_record_they_cannot_read(memo):
    letter = copy.deepcopy(memo)
    letter.extra["review"] = {"comments": "damaged"}
    with pytest.raises(actions.ReviewError) as caught:
        actions.add_comment(letter, "subject", "", "ความเห็น", author="ก")
    assert caught.value.problems[0].field == "review.comments"
    assert letter.extra["review"] == {"comments": "damaged"}


def test_comment_on_text_not_in_the_field_names_the_field_and_changes_nothing(memo):
    letter = copy.deepcopy(memo)
    with pytest.raises(actions.ReviewError) as caught:
        actions.add_comment(letter, "body[1]", "ข้อความที่ไม่มีอยู่", "แก้", author="ก")
    message = caught.value.message("th")
    assert message.startswith("ข้อความ ย่อหน้าที่ ๒: ") and caught.value.problem.field == "body[1]"
    assert "ข้อความที่ไม่มีอยู่" in message
    assert "review" not in letter.extra
    with pytest.raises(actions.ReviewError) as caught:
        actions.add_comment(letter, "body[99]", "ก", "แก้", author="ก")
    assert caught.value.message("en").startswith("body paragraph 100: ")
    assert "body[99]" in caught.value.message("en", path=True)


def test_comments_replies_and_resolving(memo):
    letter = copy.deepcopy(memo)
    quote = letter.body[1][20:35]
    comment_id = actions.add_comment(letter, "body[1]", quote, "ใช้คำอื่น", author="สมชาย",
                                     at="2026-12-02T09:00:00+00:00")
    actions.reply_to_comment(letter, comment_id, "แก้แล้ว", author="สมศรี")
    actions.set_resolved(letter, comment_id)
    [comment] = actions.record_of(reopened(letter)).comments
    assert (comment.field, comment.quote, comment.author, comment.resolved) == (
        "body[1]", quote, "สมชาย", True,
    )  # fmt: skip
    assert comment.offset == 20
    assert [(r.author, r.text) for r in comment.replies] == [("สมศรี", "แก้แล้ว")]
    with pytest.raises(actions.ReviewError):
        actions.set_resolved(letter, "c-nope")


def test_state_follows_send_return_and_approve(memo):
    letter = copy.deepcopy(memo)
    assert actions.record_of(letter).state == "draft"
    actions.send_for_review(letter, by="สมศรี")
    assert actions.record_of(letter).state == "in_review"
    actions.return_for_changes(letter, "แก้ย่อหน้าที่ ๒", by="สมชาย")
    record = actions.record_of(letter)
    assert record.state == "returned"
    assert record.versions[-1].note == "แก้ย่อหน้าที่ ๒" and record.versions[-1].by == "สมชาย"
    actions.send_for_review(letter, by="สมศรี")
    actions.approve(letter, "ผอ.กศ.", "สมชาย", Ed25519PrivateKey.generate())
    assert actions.record_of(letter).state == "approved"
    with pytest.raises(actions.ReviewError):
        actions.return_for_changes(letter, "  ", by="สมชาย")


def test_versions_rebuild_every_snapshot_and_the_record_stays_small(three_pages):
    """Ten rounds of review on a three-page letter, the clerk editing between rounds."""
    letter = three_pages
    expected = []
    for round_number in range(10):
        actions.send_for_review(letter, by="สมศรี")
        expected.append(letter_snapshot(letter))
        for n in range(5):
            actions.add_comment(letter, f"body[{n}]", letter.body[n][10:20], f"ความเห็น {n}",
                                author="สมชาย")
        if round_number % 3 == 1:  # the reviewer edits before returning it
            letter.subject += " ฉบับปรับปรุง"
        actions.return_for_changes(letter, f"รอบที่ {round_number + 1}", by="สมชาย")
        expected.append(letter_snapshot(letter))
        letter.body[round_number] = letter.body[round_number].replace("การ", "การจัด", 1)
        if round_number == 4:
            letter.body.insert(3, "ย่อหน้าที่เพิ่มระหว่างการตรวจ")
        if round_number == 7:
            del letter.body[6]
    text = dumps_draft(letter)
    record = read_record(loads_draft(text).extra["review"])
    assert record.problems == ()
    assert [v.snapshot for v in record.versions] == expected
    assert len(record.comments) == 50
    size = len(text.encode("utf-8"))
    plain = copy.copy(letter)
    plain.extra = {}
    single = len(dumps_draft(plain).encode("utf-8"))
    assert size < 1024 * 1024 / 4, size  # well under 1 MB
    assert size < 6 * single, (size, single)  # twenty snapshots cost less than five letters


_values = st.one_of(st.text(max_size=8), st.integers(), st.none(), st.booleans())
_snapshots = st.dictionaries(
    st.sampled_from(["subject", "body", "references", "date", "closing", "x"]),
    st.one_of(_values, st.lists(st.one_of(st.text(max_size=5), st.dictionaries(
        st.sampled_from(["text", "amount"]), st.text(max_size=3))), max_size=6)),
    max_size=6,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_snapshots, min_size=1, max_size=6))
@example([{"x": 1}, {"x": True}, {"x": [0]}, {"x": [False]}])
def test_every_delta_rebuilds_its_snapshot(snapshots):
    from dla_drafter.review.record import apply_delta, make_delta

    previous = None
    for snapshot in snapshots:
        delta = make_delta(previous, snapshot)
        rebuilt, _ = apply_delta(previous, json.loads(json.dumps(delta)))
        # As JSON: Python's 1 == True would hide a lost boolean.
        assert json.dumps(rebuilt, sort_keys=True) == json.dumps(snapshot, sort_keys=True)
        previous = rebuilt
