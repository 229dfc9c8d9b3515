"""The word-level Thai diff, field by field."""

from __future__ import annotations

import copy

from dla_drafter.review.diff import diff_letters, format_change, word_diff

LONG = (
    "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับจัดสรรงบประมาณรายจ่ายประจำปีงบประมาณ "
    "พ.ศ. ๒๕๖๙ เพื่อจัดทำโครงการอบรมเชิงปฏิบัติการพัฒนาศักยภาพบุคลากรทางการศึกษา"
    "ขององค์กรปกครองส่วนท้องถิ่นทั่วประเทศ โดยมีวัตถุประสงค์เพื่อเสริมสร้างความรู้"
    "ความเข้าใจเกี่ยวกับการบริหารจัดการศึกษาและการจัดการเรียนรู้ในศตวรรษที่ ๒๑"
)


def test_one_word_changed_in_a_long_thai_paragraph_is_one_word():
    new = LONG.replace("เสริมสร้าง", "พัฒนา")
    pieces, hunks = word_diff(LONG, new)
    assert len(hunks) == 1
    [hunk] = hunks
    assert (hunk.old_text, hunk.new_text) == ("เสริมสร้าง", "พัฒนา")
    assert LONG[hunk.old_start : hunk.old_end] == "เสริมสร้าง"
    assert new[hunk.new_start : hunk.new_end] == "พัฒนา"
    assert [op for op, _ in pieces] == ["equal", "delete", "insert", "equal"]
    assert "".join(t for op, t in pieces if op != "insert") == LONG
    assert "".join(t for op, t in pieces if op != "delete") == new


def test_a_word_inserted_is_an_insertion_between_whole_words():
    new = LONG.replace("ทั่วประเทศ", "ทั่วประเทศทุกแห่ง")
    _, hunks = word_diff(LONG, new)
    assert [(h.old_text, h.new_text) for h in hunks] == [("", "ทุกแห่ง")]


def test_fields_are_named_like_the_problems_panel(memo):
    old, new = copy.deepcopy(memo), copy.deepcopy(memo)
    new.subject = new.subject.replace("ปฐมวัย", "ประถมศึกษา", 1)
    new.date.day = 15
    new.signer.position = [*new.signer.position, "ปฏิบัติราชการแทน"]
    changes = diff_letters(old, new)
    fields = [c.field for c in changes.fields]
    assert "subject" in fields and "date.day" in fields
    assert f"signer.position[{len(memo.signer.position)}]" in fields
    subject = next(c for c in changes.fields if c.field == "subject")
    assert subject.label("th") == "เรื่อง"
    assert [(h.old_text, h.new_text) for h in subject.hunks] == [("ปฐมวัย", "ประถมศึกษา")]
    assert not diff_letters(old, copy.deepcopy(old))


def test_a_paragraph_inserted_at_the_top_does_not_shift_the_others(memo):
    old, new = copy.deepcopy(memo), copy.deepcopy(memo)
    new.body.insert(0, "ย่อหน้าใหม่")
    new.body[3] = new.body[3] + " เพิ่มคำ"
    changes = diff_letters(old, new)
    assert [(c.field, c.old_field, c.kind) for c in changes.fields] == [
        ("body[0]", None, "added"),
        ("body[3]", "body[2]", "changed"),
    ]
    assert [(h.old_text, h.new_text) for _, h in changes.steps][1] == ("", " เพิ่มคำ")


def test_steps_run_through_every_change_in_reading_order(memo):
    old, new = copy.deepcopy(memo), copy.deepcopy(memo)
    new.subject = "เรื่องใหม่ " + new.subject
    new.body[0] = new.body[0].replace("เรื่องเดิม", "ความเป็นมา").replace("สถานศึกษา", "โรงเรียน")
    del new.body[-1]
    steps = diff_letters(old, new).steps
    assert [change.field for change, _ in steps][0] == "subject"
    assert steps[-1][0].kind == "removed"
    assert steps[-1][0].field == f"body[{len(memo.body) - 1}]"
    in_body = [hunk for change, hunk in steps if change.field == "body[0]"]
    assert [(h.old_text, h.new_text) for h in in_body] == [
        ("เรื่องเดิม", "ความเป็นมา"), ("สถานศึกษา", "โรงเรียน"),
    ]  # fmt: skip
    assert in_body[0].new_end < in_body[1].new_start


def test_format_change_marks_words_and_shortens_the_rest(memo):
    old, new = copy.deepcopy(memo), copy.deepcopy(memo)
    new.body[1] = new.body[1] + " เพิ่มเติม"
    [change] = diff_letters(old, new).fields
    text = format_change(change, "th")
    assert text.startswith("ข้อความ ย่อหน้าที่ ๒ (body[1]):")
    assert "{+เพิ่มเติม+}" in text or "{+ เพิ่มเติม+}" in text
    assert len(text) < len(new.body[1])


def test_the_clerk_sees_what_the_reviewer_changed_since_sending(memo):
    from dla_drafter.review import actions

    letter = copy.deepcopy(memo)
    assert actions.changes_since_sent(letter) is None
    actions.send_for_review(letter, by="สมศรี")
    assert not actions.changes_since_sent(letter)
    letter.subject = letter.subject.replace("ปฐมวัย", "ประถมศึกษา")  # the reviewer's own edit
    actions.return_for_changes(letter, "ปรับชื่อเรื่อง", by="สมชาย")
    changes = actions.changes_since_sent(letter)
    assert [(c.field, h.old_text, h.new_text) for c, h in changes.steps] == [
        ("subject", "ปฐมวัย", "ประถมศึกษา"),
    ]  # fmt: skip


def test_a_comment_follows_its_quote_and_is_outdated_when_the_quote_goes(memo):
    from dla_drafter.review import actions

    letter = copy.deepcopy(memo)
    quote = "ระดับปฐมวัย"
    actions.add_comment(letter, "subject", quote, "ระบุช่วงอายุ", author="สมชาย")
    [comment] = actions.record_of(letter).comments
    start = memo.subject.index(quote)
    assert actions.locate_comment(letter, comment) == (start, start + len(quote))
    letter.subject = "ด่วน " + letter.subject
    assert actions.locate_comment(letter, comment) == (start + 5, start + 5 + len(quote))
    letter.subject = letter.subject.replace(quote, "ระดับประถมศึกษา")
    assert actions.locate_comment(letter, comment) is None
