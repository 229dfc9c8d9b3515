"""Suggestions (track changes) in the review record: suggest, accept, reject, each or all,
word-level edits typed in suggesting mode, and the shown text with its marks."""

from __future__ import annotations

import copy

import pytest

from dla_drafter.model.draftio import dumps_draft, letter_to_dict, loads_draft
from dla_drafter.review import suggestions as sg
from dla_drafter.review.actions import ReviewError, add_comment
from dla_drafter.review.status import review_status

CLERK, HEAD, DIRECTOR = "นางสาวสมศรี ใจดี", "นางสาวศรีสุดา ใจดี", "นายสมปอง ดีงาม"


def state(letter) -> dict:
    return copy.deepcopy(letter_to_dict(letter))


def test_a_suggestion_does_not_change_the_letter_until_accepted(memo):
    before = memo.body[1]
    sid = sg.add_suggestion(memo, "body[1]", "๓๐๐ คน", "๓๕๐ คน", HEAD)
    assert memo.body[1] == before
    [s] = sg.suggestions_of(memo)
    assert (s.id, s.field, s.old, s.new, s.author, s.state) == (
        sid, "body[1]", "๓๐๐ คน", "๓๕๐ คน", HEAD, "open")
    assert before[s.offset:s.offset + len(s.old)] == "๓๐๐ คน"
    sg.accept_suggestion(memo, sid, CLERK, at="2026-12-02T09:00:00+00:00")
    assert memo.body[1] == before.replace("๓๐๐ คน", "๓๕๐ คน")
    [s] = sg.suggestions_of(memo)
    assert (s.state, s.decided_by, s.decided_at) == ("accepted", CLERK,
                                                     "2026-12-02T09:00:00+00:00")


def test_rejecting_leaves_the_letter_as_it_was(memo):
    before = state(memo)
    sid = sg.add_suggestion(memo, "subject", "ขออนุมัติ", "ขอความเห็นชอบ", HEAD)
    sg.reject_suggestion(memo, sid, CLERK)
    after = state(memo)
    assert after.pop("review")["suggestions"][0]["state"] == "rejected"
    before.pop("review", None)
    assert after == before
    with pytest.raises(ReviewError) as info:
        sg.accept_suggestion(memo, sid, CLERK)
    assert "rejected" in info.value.message("en")


def test_the_saved_file_keeps_the_suggestions(memo):
    sid = sg.add_suggestion(memo, "body[0]", "เรื่องเดิม", "ความเป็นมา", HEAD)
    again = loads_draft(dumps_draft(memo))
    assert [s.id for s in sg.suggestions_of(again)] == [sid]
    sg.accept_suggestion(again, sid, CLERK)
    assert again.body[0].startswith("๑. ความเป็นมา ")


def test_a_suggestion_is_found_again_when_the_clerk_typed_before_it(memo):
    sid = sg.add_suggestion(memo, "body[3]", "เห็นควรอนุมัติ", "เห็นควรพิจารณาอนุมัติ", HEAD)
    memo.body[3] = "ข้อความที่เพิ่มข้างหน้า " + memo.body[3]
    sg.accept_suggestion(memo, sid, CLERK)
    assert "เห็นควรพิจารณาอนุมัติให้จัดโครงการ" in memo.body[3]
    assert memo.body[3].startswith("ข้อความที่เพิ่มข้างหน้า ๔.")


def test_the_right_one_of_two_equal_words_is_changed(memo):
    memo.body[0] = "และ ก และ ข และ ค"
    sid = sg.add_suggestion(memo, "body[0]", "และ", "หรือ", HEAD, offset=6)  # the second
    memo.body[0] = "ย่อหน้าใหม่ " + memo.body[0]  # everything moves
    sg.accept_suggestion(memo, sid, CLERK)
    assert memo.body[0] == "ย่อหน้าใหม่ และ ก หรือ ข และ ค"


def test_an_insertion_is_found_by_the_words_around_it(memo):
    text = memo.body[2]
    at = text.index("และมีค่าใช้จ่าย")
    sid = sg.add_suggestion(memo, "body[2]", "", "ทุกประการ ", HEAD, offset=at)
    memo.body[2] = "(ปรับ) " + text
    sg.accept_suggestion(memo, sid, CLERK)
    assert memo.body[2] == "(ปรับ) " + text[:at] + "ทุกประการ " + text[at:]


def test_an_outdated_suggestion_is_refused_with_its_field_and_nothing_changes(memo):
    sid = sg.add_suggestion(memo, "body[1]", "กรุงเทพมหานคร", "จังหวัดเชียงใหม่", HEAD)
    memo.body[1] = memo.body[1].replace("กรุงเทพมหานคร", "จังหวัดขอนแก่น")
    before = state(memo)
    with pytest.raises(ReviewError) as info:
        sg.accept_suggestion(memo, sid, CLERK)
    assert info.value.problems[0].field == "body[1]"
    assert "outdated" in info.value.message("en") and "ล้าสมัย" in info.value.message("th")
    assert state(memo) == before
    assert sg.is_outdated(memo, sg.find_suggestion(memo, sid))
    problems = sg.suggestion_problems(memo)
    assert [(p.field, p.code) for p in problems] == [("body[1]", "suggestion-outdated")]
    sg.reject_suggestion(memo, sid, CLERK)  # an outdated one can still be rejected
    assert sg.suggestion_problems(memo) == []


def test_accepting_one_keeps_the_others_in_the_same_field_in_place(memo):
    memo.body[0] = "หนึ่ง สอง สาม สี่"
    first = sg.add_suggestion(memo, "body[0]", "หนึ่ง", "หนึ่งร้อย", HEAD)
    insert = sg.add_suggestion(memo, "body[0]", "", "สองครึ่ง ", HEAD, offset=len("หนึ่ง "))
    last = sg.add_suggestion(memo, "body[0]", "สี่", "", DIRECTOR)
    sg.accept_suggestion(memo, first, CLERK)
    sg.accept_suggestion(memo, insert, CLERK)
    sg.accept_suggestion(memo, last, CLERK)
    assert memo.body[0] == "หนึ่งร้อย สองครึ่ง สอง สาม "


def test_accept_all_accepts_what_it_can_and_says_what_it_could_not(memo):
    memo.body[0] = "ก ข ค ง"
    a = sg.add_suggestion(memo, "body[0]", "ข", "ขอ", HEAD)
    b = sg.add_suggestion(memo, "body[0]", "ข", "ขวด", DIRECTOR)  # the same word, again
    c = sg.add_suggestion(memo, "subject", "ขออนุมัติ", "ขอความเห็นชอบ", DIRECTOR)
    done = sg.accept_all(memo, CLERK)
    assert done.ids == (a, c)
    assert [(s.id, p.field) for s, p in done.skipped] == [(b, "body[0]")]
    assert memo.body[0] == "ก ขอ ค ง" and memo.subject.startswith("ขอความเห็นชอบ")
    assert [s.state for s in sg.suggestions_of(memo)] == ["accepted", "open", "accepted"]
    assert sg.find_suggestion(memo, b).superseded_by == a
    with pytest.raises(ReviewError) as info:
        sg.accept_suggestion(memo, b, CLERK)
    assert "outdated" in info.value.message("en")
    done = sg.reject_all(memo, CLERK)
    assert done.ids == (b,)
    with pytest.raises(ReviewError):
        sg.accept_all(memo, CLERK)
    with pytest.raises(ReviewError):
        sg.reject_all(memo, CLERK)


def test_accept_all_changes_nothing_when_nothing_can_be_accepted(memo):
    sg.add_suggestion(memo, "body[0]", "เรื่องเดิม", "ความเป็นมา", HEAD)
    memo.body[0] = "ข้อความใหม่ทั้งหมด"
    before = state(memo)
    with pytest.raises(ReviewError) as info:
        sg.accept_all(memo, CLERK)
    assert info.value.problems[0].field == "body[0]"
    assert state(memo) == before


def test_accept_all_works_on_the_letter_object_the_caller_holds(memo):
    held, agency, body = memo, memo.agency, memo.body
    sg.add_suggestion(memo, "subject", "ขออนุมัติ", "ขอความเห็นชอบ", HEAD)
    sg.add_suggestion(memo, "body[0]", "เรื่องเดิม", "ความเป็นมา", HEAD)
    sg.accept_all(memo, CLERK)
    assert held.subject.startswith("ขอความเห็นชอบ")
    assert memo.agency is agency and memo.body is body  # the window's objects, changed
    assert body[0].startswith("๑. ความเป็นมา")
    assert sg.suggestions_of(held)[0].state == "accepted"


@pytest.mark.parametrize(("field", "old", "new", "words"), [
    ("body[9]", "x", "y", "no such text field"),
    ("date.month", "", "7", "no such text field"),
    ("kind", "memo", "external", "no such text field"),
    ("nonsense]]", "x", "y", "no such text field"),
    ("body[0]", "ไม่มีคำนี้", "y", "is not in the field"),
    ("body[0]", "เรื่องเดิม", "เรื่อง\nเดิม", "control character"),
    ("body[0]", "เรื่องเดิม", "เรื่องเดิม", "nothing changes"),
    ("body[0]", "", "คำ", "needs its place"),
    ("body[0]", "ถิ่น", "ที่", "is outside the field"),  # offset -4: a slice would count back
    ("body[0]", "เรื่องเดิม", "ก" * 20_001, "limit of 20,000"),
])
def test_a_suggestion_that_cannot_be_made_is_refused_naming_the_field(memo, field, old, new,
                                                                      words):
    before = state(memo)
    offset = -4 if "outside" in words else None
    with pytest.raises(ReviewError) as info:
        sg.add_suggestion(memo, field, old, new, HEAD, offset=offset)
    assert words in info.value.message("en")
    assert info.value.problems[0].field in (field, "review.suggestions")
    assert state(memo) == before


def test_a_damaged_record_is_read_with_warnings_and_never_overwritten(memo):
    memo.extra["review"] = {"suggestions": [
        {"id": "s1", "field": "subject", "old": "ขออนุมัติ", "new": "ขอ", "state": "open"},
        "not an object",
        {"id": "s3", "field": "subject", "old": 5, "new": "x"},
        {"id": "s4", "field": "subject", "old": "ขอ", "new": "x", "state": "maybe"},
    ]}
    found, problems = sg.read_suggestions(memo.extra["review"])
    assert [s.id for s in found] == ["s1"]
    assert [p.field for p in problems] == ["review.suggestions[1]", "review.suggestions[2]",
                                           "review.suggestions[3].state"]
    sg.accept_suggestion(memo, "s1", CLERK)
    assert memo.extra["review"]["suggestions"][1:] == [
        "not an object", {"id": "s3", "field": "subject", "old": 5, "new": "x"},
        {"id": "s4", "field": "subject", "old": "ขอ", "new": "x", "state": "maybe"}]
    memo.extra["review"]["suggestions"] = {"not": "a list"}
    with pytest.raises(ReviewError) as info:
        sg.add_suggestion(memo, "subject", "ขอ", "ข", HEAD)
    assert info.value.problems[0].field == "review.suggestions"
    assert memo.extra["review"]["suggestions"] == {"not": "a list"}


def test_status_json_lists_the_suggestions(memo):
    sid = sg.add_suggestion(memo, "subject", "ขออนุมัติ", "ขอความเห็นชอบ", HEAD)
    add_comment(memo, "subject", "ขออนุมัติ", "ยาวไป", HEAD)
    shown = review_status(memo).as_json()["suggestions"]
    assert shown == [{"id": sid, "field": "subject", "author": HEAD, "old": "ขออนุมัติ",
                      "new": "ขอความเห็นชอบ", "state": "open"}]


# --------------------------------------------------------------------------- typing


def test_a_thai_word_changed_in_suggesting_mode_is_one_word_not_characters(memo):
    text = memo.body[1]
    typed = text.replace("กรุงเทพมหานคร", "กรุงเทพฯ")
    [sid] = sg.suggestions_from_edit(memo, "body[1]", typed, HEAD)
    assert memo.body[1] == text  # the letter does not change
    s = sg.find_suggestion(memo, sid)
    assert (s.old, s.new) == ("กรุงเทพมหานคร", "กรุงเทพฯ")
    sg.accept_suggestion(memo, sid, CLERK)
    assert memo.body[1] == typed


def test_typing_on_extends_the_reviewers_own_suggestion(memo):
    text = memo.body[3]
    at = text.index("ดังกล่าว") + len("ดังกล่าว")
    ids = set()
    for n in range(1, len(" โดยเร็ว") + 1):
        typed = text[:at] + " โดยเร็ว"[:n] + text[at:]
        assert sg.own_text(memo, "body[3]", HEAD) == text[:at] + " โดยเร็ว"[:n - 1] + text[at:]
        ids.update(sg.suggestions_from_edit(memo, "body[3]", typed, HEAD))
    assert len(ids) == 1 and len(sg.suggestions_of(memo)) == 1
    [s] = sg.suggestions_of(memo)
    assert s.kind == "insert" and s.new.strip() == "โดยเร็ว"
    sg.accept_suggestion(memo, s.id, CLERK)
    assert memo.body[3] == text[:at] + " โดยเร็ว" + text[at:]


def test_typing_the_old_words_back_withdraws_the_suggestion_but_not_others(memo):
    text = memo.body[0]
    other = sg.add_suggestion(memo, "body[0]", "เรื่องเดิม", "ความเป็นมา", DIRECTOR)
    sg.suggestions_from_edit(memo, "body[0]", text.replace("งบประมาณรายจ่าย", "เงิน"), HEAD)
    assert len(sg.open_suggestions(memo, "body[0]")) == 2
    assert sg.suggestions_from_edit(memo, "body[0]", text, HEAD) == []
    assert [s.id for s in sg.suggestions_of(memo)] == [other]


def test_two_places_edited_are_two_suggestions_and_keep_their_ids(memo):
    text = memo.body[2]
    one = text.replace("แผนปฏิบัติราชการ", "แผนงาน")
    first = sg.suggestions_from_edit(memo, "body[2]", one, HEAD)
    two = one.replace("ที่แก้ไขเพิ่มเติม", "ฉบับแก้ไข")
    second = sg.suggestions_from_edit(memo, "body[2]", two, HEAD)
    assert len(first) == 1 and len(second) == 2 and first[0] in second
    # "ที่|แก้ไข|เพิ่มเติม" → "ฉบับ|แก้ไข": one phrase, one suggestion
    assert sg.find_suggestion(memo, second[1]).old == "ที่แก้ไขเพิ่มเติม"
    assert sg.own_text(memo, "body[2]", HEAD) == two
    assert sg.accept_all(memo, CLERK).ids == tuple(second)
    assert memo.body[2] == two


def test_a_keystroke_breaks_only_the_changed_stretch_into_words(memo, monkeypatch):
    """Typing in a long paragraph must cost about its length once: the word breaker sees
    the old text (cached) and the few words around the change, never the whole new text."""
    from dla_drafter.text import wordbreak

    long_text = " ".join([memo.body[1]] * 20)  # ~ 6,000 characters
    memo.body[1] = long_text
    seen: list[int] = []
    breaker = wordbreak.default_breaker()
    real = breaker.segments

    def counting(text: str) -> list[str]:
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(breaker, "segments", counting)
    at = len(long_text) // 2
    sg.suggestions_from_edit(memo, "body[1]", long_text[:at] + "ก" + long_text[at:], HEAD)
    assert seen[0] == len(long_text) and max(seen[1:]) < 200


def test_word_edits_are_exactly_the_changes():
    old = "ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้ขอความร่วมมือจังหวัด"
    new = "ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้ขอให้จังหวัด"
    [edit] = sg.word_edits(old, new)
    assert old[:edit.start] + edit.new_text + old[edit.end:] == new
    assert old[edit.start:edit.end] == "ขอความร่วมมือ"
    assert sg.word_edits(old, old) == []
    assert sg.word_edits("", "ก") == [sg.Edit(0, 0, "ก")]


# --------------------------------------------------------------------------- showing


def test_the_shown_text_holds_old_and_new_words_with_their_marks(memo):
    memo.body[0] = "หนึ่ง สอง สาม"
    a = sg.add_suggestion(memo, "body[0]", "สอง", "2", HEAD)
    b = sg.add_suggestion(memo, "body[0]", "", "ครึ่ง", DIRECTOR, offset=len("หนึ่ง สอง"))
    c = sg.add_suggestion(memo, "body[0]", "สาม", "", DIRECTOR)
    shown = sg.shown_text(memo, "body[0]")
    assert shown.text == "หนึ่ง สอง2ครึ่ง สาม"
    marks = [(shown.text[s.start:s.end], s.kind, s.suggestion.id) for s in shown.spans]
    assert marks == [("สอง", "deleted", a), ("2", "inserted", a), ("ครึ่ง", "inserted", b),
                     ("สาม", "deleted", c)]
    assert shown.outdated == ()
    assert set(sg.shown_fields(memo)) == {"body[0]"}
    assert sg.author_colour(HEAD) == sg.author_colour(" " + HEAD) != ""
    assert sg.author_colour(HEAD) in sg.AUTHOR_COLOURS


def test_overlapping_suggestions_are_both_shown(memo):
    memo.body[0] = "ก ขคง จ"
    a = sg.add_suggestion(memo, "body[0]", "ขคง", "X", HEAD)
    b = sg.add_suggestion(memo, "body[0]", "ค", "Y", DIRECTOR)
    shown = sg.shown_text(memo, "body[0]")
    assert shown.text == "ก ขคYงX จ"
    marks = {(shown.text[s.start:s.end], s.kind, s.suggestion.id) for s in shown.spans}
    assert marks == {("ขค", "deleted", a), ("ง", "deleted", a), ("X", "inserted", a),
                     ("ค", "deleted", b), ("Y", "inserted", b)}


def test_equal_words_landing_on_the_old_offset_do_not_take_the_suggestion(memo):
    """The clerk deleted text before the word: another occurrence of it now stands at the
    stored offset. The words around it say which one was meant."""
    memo.body[0] = "และ ก และ ข และ ค"
    sid = sg.add_suggestion(memo, "body[0]", "และ", "หรือ", HEAD, offset=6)  # the second
    memo.body[0] = memo.body[0][len("และ ก "):]  # "และ ข และ ค": the third is at 6 now
    sg.accept_suggestion(memo, sid, CLERK)
    assert memo.body[0] == "หรือ ข และ ค"


def test_a_path_written_another_way_is_stored_as_the_program_writes_it(memo):
    sid = sg.add_suggestion(memo, "body[00]", "เรื่องเดิม", "ความเป็นมา", HEAD)
    assert sg.find_suggestion(memo, sid).field == "body[0]"
    assert [s.id for s in sg.open_suggestions(memo, "body[0]")] == [sid]
    [typed] = sg.suggestions_from_edit(memo, "body[000]", memo.body[0] + " ท้าย", DIRECTOR)
    assert sg.find_suggestion(memo, typed).field == "body[0]"


def test_the_shown_letter_for_the_preview_holds_both_words_and_leaves_the_letter(memo):
    before = state(memo)
    sg.add_suggestion(memo, "body[1]", "กรุงเทพมหานคร", "เชียงใหม่", HEAD)
    sg.add_suggestion(memo, "subject", "ขออนุมัติ", "", DIRECTOR)
    shown, spans = sg.shown_letter(memo)
    assert "กรุงเทพมหานครเชียงใหม่" in shown.body[1]
    assert shown.subject == memo.subject
    assert set(spans) == {"body[1]", "subject"}
    marks = [(spans["body[1]"].text[s.start:s.end], s.kind) for s in spans["body[1]"].spans]
    assert marks == [("กรุงเทพมหานคร", "deleted"), ("เชียงใหม่", "inserted")]
    after = state(memo)
    after.pop("review")
    before.pop("review", None)
    assert after == before
