"""Paragraphs split, merged and moved show as such, not as whole paragraphs deleted and added."""

from __future__ import annotations

import copy
import random
import time

from dla_drafter.review.diff import FieldChange, diff_letters, format_change

CUT = "กำหนดจัดอบรม"  # where body[1] of the memo example is split
SENTENCE = "ณ กรุงเทพมหานคร กลุ่มเป้าหมายเป็นครูผู้สอนระดับปฐมวัย"  # in body[1]


def sides(change: FieldChange) -> tuple[list[str], list[str]]:
    """The old paragraphs and the new paragraphs, read back from the change's pieces."""
    old, new = [""], [""]
    for op, text in change.pieces:
        if op in ("equal", "delete", "moved_out", "break"):
            old[-1] += text
        if op in ("equal", "insert", "moved_in", "join"):
            new[-1] += text
        if op == "break":
            new.append("")
        if op == "join":
            old.append("")
    return old, new


def texts_of(letter) -> dict[str, str]:
    return {f"body[{i}]": p for i, p in enumerate(letter.body)}


def assert_hunks_point_at_their_text(change: FieldChange, old, new) -> None:
    """Every hunk's offsets cut exactly its words out of the fields it names."""
    before, after = texts_of(old), texts_of(new)
    for hunk in change.hunks:
        if hunk.old_field is not None:
            assert before[hunk.old_field][hunk.old_start:hunk.old_end] == hunk.old_text, hunk
        if hunk.new_field is not None:
            assert after[hunk.new_field][hunk.new_start:hunk.new_end] == hunk.new_text, hunk


def split_memo(memo, fix=True):
    new = copy.deepcopy(memo)
    paragraph = new.body[1]
    cut = paragraph.index(CUT)
    first, second = paragraph[:cut].rstrip(), paragraph[cut:]
    if fix:
        second = second.replace("กรุงเทพมหานคร", "จังหวัดเชียงใหม่")
    new.body[1:2] = [first, second]
    return new


def test_a_paragraph_split_is_one_split_not_a_delete_and_an_add(memo):
    new = split_memo(memo, fix=False)
    [change] = diff_letters(memo, new).fields
    assert change.kind == "split"
    assert (change.old_field, change.field) == ("body[1]", "body[1]")
    assert change.old_fields == ("body[1]",)
    assert change.new_fields == ("body[1]", "body[2]")
    assert sides(change) == ([memo.body[1]], [new.body[1], new.body[2]])
    [cut] = change.hunks
    assert cut.kind == "break"
    assert (cut.old_field, cut.new_field, cut.new_start) == ("body[1]", "body[2]", 0)
    assert memo.body[1][cut.old_end:].startswith(CUT) and cut.old_text == " "
    assert_hunks_point_at_their_text(change, memo, new)
    # the later paragraphs only moved down one place: nothing else is a change
    assert all(c.kind == "split" for c in diff_letters(memo, new).fields)


def test_a_split_with_a_word_fixed_shows_the_word_in_its_new_paragraph(memo):
    new = split_memo(memo)
    [change] = diff_letters(memo, new).fields
    assert change.kind == "split"
    kinds = [(h.kind, h.new_field, h.old_text, h.new_text) for h in change.hunks]
    assert kinds == [
        ("break", "body[2]", " ", ""),
        ("edit", "body[2]", "กรุงเทพมหานคร", "จังหวัดเชียงใหม่"),
    ]
    assert_hunks_point_at_their_text(change, memo, new)
    assert sides(change) == ([memo.body[1]], [new.body[1], new.body[2]])


def test_a_paragraph_split_in_three(memo):
    new = copy.deepcopy(memo)
    paragraph = new.body[1]
    a, b = paragraph.index(CUT), paragraph.index("จำนวน ๓๐๐ คน")
    new.body[1:2] = [paragraph[:a], paragraph[a:b], paragraph[b:]]
    [change] = diff_letters(memo, new).fields
    assert change.kind == "split"
    assert change.new_fields == ("body[1]", "body[2]", "body[3]")
    assert [h.kind for h in change.hunks] == ["break", "break"]
    assert sides(change) == ([memo.body[1]], new.body[1:4])


def test_two_paragraphs_merged_are_one_merge(memo):
    new = copy.deepcopy(memo)
    new.body[2:4] = [new.body[2] + " " + new.body[3].replace("เห็นควร", "จึงเห็นควร")]
    [change] = diff_letters(memo, new).fields
    assert change.kind == "merged"
    assert change.old_fields == ("body[2]", "body[3]") and change.new_fields == ("body[2]",)
    assert [(h.kind, h.old_field, h.new_field) for h in change.hunks] == [
        ("join", "body[3]", "body[2]"), ("edit", "body[3]", "body[2]"),
    ]  # fmt: skip
    join = change.hunks[0]
    assert new.body[2][join.new_start:join.new_end] == " "
    assert sides(change) == ([memo.body[2], memo.body[3]], [new.body[2]])
    edit = change.hunks[1]
    assert (edit.old_text, edit.new_text) == ("", "จึง")
    assert new.body[2][edit.new_start:edit.new_end] == "จึง"
    assert memo.body[3][edit.old_start:].startswith("เห็นควร")


def test_a_sentence_moved_between_paragraphs_is_one_move_with_both_places(memo):
    new = copy.deepcopy(memo)
    new.body[1] = new.body[1].replace(SENTENCE + " ", "")
    new.body[3] = new.body[3] + " " + SENTENCE
    [change] = diff_letters(memo, new).fields
    assert change.kind == "moved" and not change.whole
    assert (change.old_field, change.field) == ("body[1]", "body[3]")
    assert change.pieces == (("equal", SENTENCE),)
    gone, came = change.hunks
    assert (gone.kind, gone.old_field, gone.new_field) == ("moved_out", "body[1]", "body[1]")
    assert (came.kind, came.old_field, came.new_field) == ("moved_in", "body[3]", "body[3]")
    assert gone.old_text.strip() == SENTENCE == came.new_text.strip()
    assert gone.new_start == gone.new_end == memo.body[1].index(SENTENCE)  # where it stood
    assert came.old_start == len(memo.body[3])  # where it went in the old paragraph
    assert_hunks_point_at_their_text(change, memo, new)


def test_a_move_and_an_edit_in_the_same_paragraph(memo):
    new = copy.deepcopy(memo)
    new.body[1] = new.body[1].replace(SENTENCE + " ", "").replace("๓๐๐ คน", "๓๕๐ คน")
    new.body[0] = SENTENCE + " " + new.body[0]
    changes = diff_letters(memo, new).fields
    assert [(c.kind, c.field) for c in changes] == [("moved", "body[0]"), ("changed", "body[1]")]
    moved, edited = changes
    assert moved.old_field == "body[1]" and moved.hunks[1].new_start == 0
    assert [(h.old_text, h.new_text) for h in edited.hunks] == [("๓๐๐", "๓๕๐")]
    assert ("moved_out", SENTENCE + " ") in edited.pieces  # drawn where it was
    assert sides(edited) == ([memo.body[1]], [new.body[1]])
    for change in changes:
        assert_hunks_point_at_their_text(change, memo, new)


def test_a_whole_paragraph_moved_with_a_word_changed(memo):
    new = copy.deepcopy(memo)
    moved = memo.body[1].replace("กรุงเทพมหานคร", "จังหวัดเชียงใหม่")
    new.body = [memo.body[0], memo.body[2], memo.body[3], moved]
    [change] = diff_letters(memo, new).fields
    assert change.kind == "moved" and change.whole
    assert (change.old_field, change.field) == ("body[1]", "body[3]")
    assert [(h.kind, h.old_field, h.new_field) for h in change.hunks] == [
        ("moved_out", "body[1]", None), ("moved_in", None, "body[3]"),
        ("edit", "body[1]", "body[3]"),
    ]  # fmt: skip
    assert (change.hunks[2].old_text, change.hunks[2].new_text) == (
        "กรุงเทพมหานคร", "จังหวัดเชียงใหม่")
    assert_hunks_point_at_their_text(change, memo, new)


def test_a_new_paragraph_repeating_a_phrase_is_added_not_a_split(memo):
    new = copy.deepcopy(memo)
    new.body.insert(2, "ทั้งนี้ กลุ่มเป้าหมายเป็นครูผู้สอนระดับปฐมวัย ให้แจ้งรายชื่อภายในวันที่ ๓๐ ธันวาคม ๒๕๖๙")
    changes = diff_letters(memo, new).fields
    assert [(c.kind, c.field) for c in changes] == [("added", "body[2]")]


def test_an_unrelated_rewrite_in_place_stays_one_changed_paragraph(memo):
    new = copy.deepcopy(memo)
    new.body[3] = "๔. ข้อเสนอ ขอได้โปรดพิจารณาอนุมัติตามเสนอ"
    changes = diff_letters(memo, new).fields
    assert [(c.kind, c.field, c.old_field) for c in changes] == [
        ("changed", "body[3]", "body[3]")]


def test_lines_of_other_list_fields_split_too(memo):
    new = copy.deepcopy(memo)
    position = memo.signer.position[0]
    cut = position.index("กอง")
    new.signer.position = [position[:cut], position[cut:]]
    [change] = diff_letters(memo, new).fields
    assert change.kind == "split"
    assert change.new_fields == ("signer.position[0]", "signer.position[1]")


def test_format_change_says_split_merged_and_moved_in_thai_and_english(memo):
    [split] = diff_letters(memo, split_memo(memo)).fields
    th, en = format_change(split, "th"), format_change(split, "en")
    assert th.startswith("ข้อความ ย่อหน้าที่ ๒ (body[1]) [แยกเป็น ๒ ย่อหน้า → body[1], body[2]]:")
    assert en.startswith("body paragraph 2 (body[1]) [split into 2 paragraphs → body[1], body[2]]:")
    assert "{+¶+}" in th and "[-กรุงเทพมหานคร-]{+จังหวัดเชียงใหม่+}" in th

    merged_letter = copy.deepcopy(memo)
    merged_letter.body[2:4] = [merged_letter.body[2] + " " + merged_letter.body[3]]
    [merged] = diff_letters(memo, merged_letter).fields
    assert "[รวมจาก ๒ ย่อหน้า ← body[2], body[3]]" in format_change(merged, "th")
    assert "[merged from 2 paragraphs ← body[2], body[3]]" in format_change(merged, "en")
    assert "[-¶-]" in format_change(merged, "th")

    moved_letter = copy.deepcopy(memo)
    moved_letter.body[1] = moved_letter.body[1].replace(SENTENCE + " ", "")
    moved_letter.body[3] += " " + SENTENCE
    [moved] = diff_letters(memo, moved_letter).fields
    assert format_change(moved, "th") == (
        "ข้อความ ย่อหน้าที่ ๒ (body[1]) → ข้อความ ย่อหน้าที่ ๔ (body[3]) [ย้ายข้อความ]:\n"
        f"  \u201c{SENTENCE}\u201d")
    assert "[text moved]" in format_change(moved, "en")


def test_steps_visit_a_split_and_both_ends_of_a_move(memo):
    new = split_memo(memo)
    new.body[4] = new.body[4] + " " + SENTENCE  # copied, not moved: an insertion
    steps = diff_letters(memo, new).steps
    assert [(c.kind, h.kind) for c, h in steps] == [
        ("split", "break"), ("split", "edit"), ("changed", "edit")]


def test_many_rewritten_paragraphs_stay_quick_and_whole(memo):
    """A hostile file: 600 paragraphs, every one rewritten and reordered. It is compared
    (in bounded time, by pairing in order past the limits) with nothing lost."""
    old, new = copy.deepcopy(memo), copy.deepcopy(memo)
    words = memo.body[1].split()
    old.body = [" ".join(words[i % 7:] + [str(i)]) for i in range(600)]
    new.body = [" ".join(reversed(words[i % 5:])) + f" {i}" for i in range(600)]
    start = time.perf_counter()
    changes = diff_letters(old, new)
    elapsed = time.perf_counter() - start
    assert elapsed < 60, elapsed  # seconds, on a loaded test machine; a few on a quiet one
    covered_old = {f for c in changes.fields for f in c.old_fields}
    covered_new = {f for c in changes.fields for f in c.new_fields}
    assert covered_old == {f"body[{i}]" for i in range(600)}
    assert covered_new == {f"body[{i}]" for i in range(600)}


def _mutate(body: list[str], extra: list[str], rnd: random.Random) -> list[str]:
    """One to four random edits a clerk might make: cut, join, move words or paragraphs,
    insert, delete, retype."""
    body = list(body)
    for _ in range(rnd.randint(1, 4)):
        if not body:
            body.append("ก")
        op = rnd.choice(["split", "merge", "move", "insert", "delete", "edit", "movepara"])
        i = rnd.randrange(len(body))
        text = body[i]
        if op == "split" and len(text) > 2:
            cut = rnd.randrange(1, len(text))
            body[i:i + 1] = [text[:cut], text[cut:]]
        elif op == "merge" and i + 1 < len(body):
            body[i:i + 2] = [body[i] + rnd.choice(["", " "]) + body[i + 1]]
        elif op == "move" and len(body) > 1 and len(text) > 10:
            start = rnd.randrange(len(text))
            end = min(len(text), start + rnd.randint(5, 60))
            body[i] = text[:start] + text[end:]
            j = rnd.randrange(len(body))
            at = rnd.randrange(len(body[j]) + 1)
            body[j] = body[j][:at] + text[start:end] + body[j][at:]
        elif op == "insert":
            body.insert(i, rnd.choice(extra))
        elif op == "delete":
            del body[i]
        elif op == "edit" and text:
            at = rnd.randrange(len(text))
            word = rnd.choice(["ไม่", "การ", " ", "๑๒"])
            body[i] = text[:at] + word + text[at + rnd.randint(0, 3):]
        elif op == "movepara":
            body.insert(rnd.randrange(len(body)), body.pop(i))
    return body


def test_random_edits_always_give_changes_that_point_at_their_text(memo):
    """Whatever the clerk did, every hunk's offsets cut its text out of the fields it names,
    the pieces read back as the texts, and every paragraph that is not matched unchanged is
    named by some change."""
    extra = ["ข้อความสั้น", "", "ทั้งนี้ ให้ดำเนินการตามระเบียบที่เกี่ยวข้องโดยเคร่งครัด"]
    start = memo.body + extra
    for seed in range(60):
        rnd = random.Random(seed)
        old, new = copy.deepcopy(memo), copy.deepcopy(memo)
        old.body = _mutate(start, extra, rnd)
        new.body = _mutate(old.body, extra, rnd)
        changes = diff_letters(old, new)
        assert bool(changes) == (old.body != new.body), seed
        for change in changes.fields:
            assert format_change(change, "th") and format_change(change, "en")
            assert_hunks_point_at_their_text(change, old, new)
            if change.kind != "moved":
                old_texts, new_texts = sides(change)
                if change.old_fields:
                    assert old_texts == [texts_of(old)[f] for f in change.old_fields], seed
                if change.new_fields:
                    assert new_texts == [texts_of(new)[f] for f in change.new_fields], seed
        named_old = {f for c in changes.fields for f in c.old_fields}
        named_new = {f for c in changes.fields for f in c.new_fields}
        left_old = sorted(t for f, t in texts_of(old).items() if f not in named_old)
        left_new = sorted(t for f, t in texts_of(new).items() if f not in named_new)
        assert left_old == left_new, seed  # only paragraphs matched as they are go unnamed
