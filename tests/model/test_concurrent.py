"""The merging save: the letter's fields three ways, lists like diff3, conflicts decided or
refused, the file never half-written and never written over what another PC saved."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dla_drafter.model.concurrent import (
    BOTH_SEPARATOR,
    DraftConflictError,
    SaveCancelled,
    apply_choices,
    merge_drafts,
    merge_values,
    open_draft,
    save_shared,
)
from dla_drafter.model.draftio import letter_to_dict, load_draft, save_draft
from dla_drafter.model.letter import Enclosure, Letter
from dla_drafter.problems import DraftError

BODY = ["ย่อหน้าที่หนึ่ง", "ย่อหน้าที่สอง", "ย่อหน้าที่สาม"]


def letter(**changes) -> Letter:
    base = Letter(subject="เรื่องเดิม", addressee="ผู้ว่าราชการจังหวัด", body=list(BODY),
                  enclosures=[Enclosure("รายชื่อ", "1 ชุด")])
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def merge(base: Letter, mine: Letter, theirs: Letter):
    return merge_drafts(letter_to_dict(base), letter_to_dict(mine), letter_to_dict(theirs))


def test_fields_each_side_changed_are_all_kept():
    base = letter()
    mine = letter(subject="เรื่องของฉัน")
    theirs = letter(addressee="นายอำเภอ")
    data, conflicts = merge(base, mine, theirs)
    assert conflicts == []
    assert (data["subject"], data["addressee"]) == ("เรื่องของฉัน", "นายอำเภอ")


def test_a_paragraph_inserted_on_one_side_does_not_clobber_an_edit_on_the_other():
    base = letter()
    mine = letter(body=[BODY[0], "ย่อหน้าใหม่", BODY[1], BODY[2]])
    theirs = letter(body=[BODY[0], BODY[1], "ย่อหน้าที่สาม แก้แล้ว"])
    data, conflicts = merge(base, mine, theirs)
    assert conflicts == []
    assert data["body"] == [BODY[0], "ย่อหน้าใหม่", BODY[1], "ย่อหน้าที่สาม แก้แล้ว"]


def test_a_paragraph_removed_on_one_side_and_another_edited_on_the_other():
    data, conflicts = merge(letter(), letter(body=[BODY[0], BODY[2]]),
                            letter(body=["แก้ที่หนึ่ง", BODY[1], BODY[2]]))
    assert conflicts == []
    assert data["body"] == ["แก้ที่หนึ่ง", BODY[2]]


def test_the_same_paragraph_edited_differently_is_a_conflict_on_that_paragraph_only():
    data, conflicts = merge(letter(subject="ก"),
                            letter(subject="ก", body=[BODY[0], "ของฉัน", BODY[2]]),
                            letter(subject="ข", body=[BODY[0], "ของเขา", BODY[2]]))
    assert [(c.path, c.mine, c.theirs) for c in conflicts] == [("body[1]", "ของฉัน", "ของเขา")]
    assert conflicts[0].label() == "ข้อความ ย่อหน้าที่ ๒"
    assert data["subject"] == "ข" and data["body"][1] == "ของฉัน"  # mine until chosen
    assert conflicts[0].value("both") == f"ของฉัน{BOTH_SEPARATOR}ของเขา"


def test_both_sides_adding_different_paragraphs_at_the_end_is_one_conflict_on_the_list():
    mine = letter(body=[*BODY, "ของฉัน"])
    theirs = letter(body=[*BODY, "ของเขา ๑", "ของเขา ๒"])
    _data, conflicts = merge(letter(), mine, theirs)
    assert [c.path for c in conflicts] == ["body"]
    assert conflicts[0].value("both") == [*BODY, "ของฉัน", "ของเขา ๑", "ของเขา ๒"]


def test_one_enclosure_edited_in_two_of_its_keys_merges():
    base = letter()
    mine = letter(enclosures=[Enclosure("รายชื่อสถานศึกษา", "1 ชุด")])
    theirs = letter(enclosures=[Enclosure("รายชื่อ", "2 ชุด")])
    data, conflicts = merge(base, mine, theirs)
    assert conflicts == []
    assert data["enclosures"] == [{"text": "รายชื่อสถานศึกษา", "amount": "2 ชุด"}]


def test_a_number_cannot_keep_both():
    base = letter()
    mine, theirs = letter(), letter()
    mine.date.month, theirs.date.month = 3, 4
    _data, conflicts = merge(base, mine, theirs)
    assert [c.path for c in conflicts] == ["date.month"]
    assert not conflicts[0].can_keep_both
    with pytest.raises(ValueError):
        conflicts[0].value("both")


def test_unknown_keys_are_merged_and_kept():
    base, mine, theirs = letter(), letter(), letter()
    mine.extra["x-mine"] = {"a": 1}
    theirs.extra["x-theirs"] = [1, 2]
    theirs.number.extra["x-deep"] = True
    data, conflicts = merge(base, mine, theirs)
    assert conflicts == []
    assert (data["x-mine"], data["x-theirs"], data["number"]["x-deep"]) == ({"a": 1}, [1, 2],
                                                                            True)


def test_a_value_true_is_not_the_number_1():
    base, mine, theirs = letter(), letter(), letter()
    base.extra["x"], mine.extra["x"], theirs.extra["x"] = 1, 1, True
    _data, conflicts = merge(base, mine, theirs)
    assert conflicts == [] and _data["x"] is True


# --------------------------------------------------------------------------- saving


@pytest.fixture
def shared(tmp_path) -> Path:
    path = tmp_path / "shared" / "letter.dladraft.json"
    path.parent.mkdir()
    save_draft(letter(), path)
    return path


def other_pc_saves(path: Path, change) -> bytes:
    """Another PC opens the draft, changes it and saves it (a plain save)."""
    other = load_draft(path)
    change(other)
    save_draft(other, path)
    return path.read_bytes()


def test_nobody_else_saved_the_letter_is_written_as_it_is(shared):
    mine, _warnings, base = open_draft(shared)
    mine.subject = "ใหม่"
    result = save_shared(mine, shared, base)
    assert not result.merged
    assert load_draft(shared).subject == "ใหม่"
    assert result.base.sha256 is not None and result.base.data["subject"] == "ใหม่"


def test_another_pc_saved_meanwhile_both_changes_are_in_the_file(shared):
    mine, _warnings, base = open_draft(shared)
    other_pc_saves(shared, lambda o: setattr(o, "addressee", "นายอำเภอ"))
    mine.body[0] = "ของฉัน"
    result = save_shared(mine, shared, base)
    assert result.merged
    saved = load_draft(shared)
    assert (saved.addressee, saved.body[0]) == ("นายอำเภอ", "ของฉัน")
    assert result.letter == saved
    # the next save starts from what was written: nothing merged again
    result.letter.subject = "อีกครั้ง"
    assert not save_shared(result.letter, shared, result.base).merged


def test_a_conflict_with_nobody_to_ask_refuses_and_keeps_this_version_beside(shared):
    mine, _warnings, base = open_draft(shared)
    theirs_bytes = other_pc_saves(shared, lambda o: setattr(o, "subject", "ของเขา"))
    mine.subject = "ของฉัน"
    with pytest.raises(DraftConflictError) as err:
        save_shared(mine, shared, base)
    assert shared.read_bytes() == theirs_bytes  # left as the other PC wrote it
    copy_path = err.value.copy_path
    assert copy_path is not None and copy_path.parent == shared.parent
    assert copy_path.name.startswith("letter.conflict-")
    assert copy_path.name.endswith(".dladraft.json")
    assert load_draft(copy_path).subject == "ของฉัน"
    text = err.value.describe("th")
    assert "เรื่อง: " in text and "ของเขา" in text and str(copy_path) in text
    assert [c.path for c in err.value.conflicts] == ["subject"]
    assert not list(shared.parent.glob(".*.dlalock"))


@pytest.mark.parametrize(("choice", "expected"),
                         [("mine", "ของฉัน"), ("theirs", "ของเขา"),
                          ("both", f"ของฉัน{BOTH_SEPARATOR}ของเขา")])
def test_a_conflict_is_decided_by_the_resolver(shared, choice, expected):
    mine, _warnings, base = open_draft(shared)
    other_pc_saves(shared, lambda o: (setattr(o, "subject", "ของเขา"),
                                      o.extra.__setitem__("x-theirs", 1)))
    mine.subject = "ของฉัน"
    mine.body[2] = "ย่อหน้าที่สามของฉัน"
    asked = []

    def resolve(conflicts):
        asked.append([(c.path, c.mine, c.theirs) for c in conflicts])
        return {"subject": choice}

    result = save_shared(mine, shared, base, resolve=resolve, backup=True)
    assert asked == [[("subject", "ของฉัน", "ของเขา")]]
    saved = load_draft(shared)
    assert saved.subject == expected
    assert saved.body[2] == "ย่อหน้าที่สามของฉัน" and saved.extra["x-theirs"] == 1
    assert result.choices == {"subject": choice}
    # what was not chosen is still in the backup the save made
    assert load_draft(shared.with_name(shared.name + ".bak")).subject == "ของเขา"


def test_cancelling_the_choice_writes_nothing(shared):
    mine, _warnings, base = open_draft(shared)
    theirs_bytes = other_pc_saves(shared, lambda o: setattr(o, "subject", "ของเขา"))
    mine.subject = "ของฉัน"
    with pytest.raises(SaveCancelled):
        save_shared(mine, shared, base, resolve=lambda conflicts: None)
    assert shared.read_bytes() == theirs_bytes
    assert sorted(p.name for p in shared.parent.iterdir()) == [shared.name]


def test_the_file_changing_again_while_the_clerk_chooses_is_merged_too(shared):
    mine, _warnings, base = open_draft(shared)
    other_pc_saves(shared, lambda o: setattr(o, "subject", "ของเขา"))
    mine.subject = "ของฉัน"
    calls = []

    def resolve(conflicts):
        calls.append([c.path for c in conflicts])
        if len(calls) == 1:  # a third PC saves while the dialog is open
            other_pc_saves(shared, lambda o: setattr(o, "closing", "จึงเรียนมาเพื่อทราบ"))
        return {c.path: "both" for c in conflicts}

    save_shared(mine, shared, base, resolve=resolve)
    assert calls == [["subject"]]  # the same conflict again: the choice is reused, not asked
    saved = load_draft(shared)
    assert saved.subject == f"ของฉัน{BOTH_SEPARATOR}ของเขา"
    assert saved.closing == "จึงเรียนมาเพื่อทราบ"


def test_keeping_both_when_that_is_too_long_is_refused_naming_the_field(shared):
    long_text = "ก" * 15_000
    mine, _warnings, base = open_draft(shared)
    theirs_bytes = other_pc_saves(shared, lambda o: setattr(o, "subject", long_text))
    mine.subject = "ข" * 15_000
    with pytest.raises(DraftError) as err:
        save_shared(mine, shared, base, resolve=lambda cs: {c.path: "both" for c in cs})
    assert [p.field for p in err.value.errors] == ["subject"]
    assert shared.read_bytes() == theirs_bytes


def test_a_file_another_program_broke_is_not_written_over(shared):
    mine, _warnings, base = open_draft(shared)
    shared.write_text('{"format": "dla-drafter/letter@1", "subject": ', encoding="utf-8")
    broken = shared.read_bytes()
    mine.subject = "ของฉัน"
    with pytest.raises(DraftConflictError) as err:
        save_shared(mine, shared, base, resolve=lambda cs: {})
    assert shared.read_bytes() == broken
    assert load_draft(err.value.copy_path).subject == "ของฉัน"
    assert "เปิดเป็นร่างหนังสือไม่ได้" in err.value.describe("th")


def test_a_file_removed_meanwhile_is_written_again(shared):
    mine, _warnings, base = open_draft(shared)
    shared.unlink()
    mine.subject = "ของฉัน"
    assert not save_shared(mine, shared, base).merged
    assert load_draft(shared).subject == "ของฉัน"


def test_an_invalid_letter_is_refused_before_the_file_is_touched(shared):
    mine, _warnings, base = open_draft(shared)
    theirs_bytes = other_pc_saves(shared, lambda o: setattr(o, "subject", "ของเขา"))
    mine.date.month = 13
    with pytest.raises(DraftError) as err:
        save_shared(mine, shared, base)
    assert err.value.errors[0].field == "date.month"
    assert shared.read_bytes() == theirs_bytes


def test_save_as_elsewhere_ignores_the_base(shared, tmp_path):
    mine, _warnings, base = open_draft(shared)
    other = tmp_path / "other.dladraft.json"
    save_draft(letter(subject="อื่น"), other)
    mine.subject = "ของฉัน"
    assert not save_shared(mine, other, base).merged
    assert load_draft(other).subject == "ของฉัน"


def test_a_hand_reindented_file_is_not_a_change(shared):
    mine, _warnings, base = open_draft(shared)
    data = json.loads(shared.read_text(encoding="utf-8"))
    shared.write_text(json.dumps(data, ensure_ascii=False, indent=4), encoding="utf-8")
    mine.subject = "ของฉัน"
    result = save_shared(mine, shared, base)
    assert not result.merged and load_draft(shared).subject == "ของฉัน"


def test_the_window_base_without_a_hash_still_merges(shared):
    """A base made from a letter just read (``DraftBase.of`` without the bytes)."""
    from dla_drafter.model.concurrent import DraftBase

    mine = load_draft(shared)
    base = DraftBase.of(copy.deepcopy(mine), shared)
    other_pc_saves(shared, lambda o: setattr(o, "closing", "ของเขา"))
    mine.subject = "ของฉัน"
    assert save_shared(mine, shared, base).merged
    saved = load_draft(shared)
    assert (saved.subject, saved.closing) == ("ของฉัน", "ของเขา")


# --------------------------------------------------------------------------- lists, any edits


def _edited(base: list[str], ops: list[tuple[int, int]], tag: str) -> list[str]:
    """Apply (kind, where) edits: 0 keep, 1 delete, 2 replace, 3 insert before."""
    out: list[str] = []
    fresh = iter(f"<{tag}{i}>" for i in range(1000))
    kinds = dict(ops)
    for i, item in enumerate(base):
        kind = kinds.get(i, 0)
        if kind == 3:
            out.extend([next(fresh), item])
        elif kind == 2:
            out.append(next(fresh))
        elif kind == 0:
            out.append(item)
    if kinds.get(len(base)) == 3:
        out.append(next(fresh))
    return out


def _subsequence(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(x in it for x in part)


_OPS = st.lists(st.tuples(st.integers(0, 8), st.integers(0, 3)), max_size=6)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 8), _OPS, _OPS)
def test_list_merges_lose_nothing_and_keep_each_sides_order(size, mine_ops, theirs_ops):
    base = [f"<b{i}>" for i in range(size)]
    mine = _edited(base, [(i, k) for i, k in mine_ops if i <= size], "m")
    theirs = _edited(base, [(i, k) for i, k in theirs_ops if i <= size], "t")
    merged, conflicts = merge_values(base, mine, theirs, ("body",))
    new = {x for x in mine + theirs if x not in base}
    if conflicts:
        # mine where they conflict, until the clerk chooses; keeping both loses nothing
        for conflict in conflicts:
            assert conflict.steps[:1] == ("body",)
            assert conflict.mine == (mine if len(conflict.steps) == 1
                                     else merged[conflict.steps[1]])
        kept = apply_choices({"body": merged}, conflicts,
                             {c.path: "both" for c in conflicts})["body"]
        assert all(any(x in text for text in kept) for x in new)
        return
    assert new <= set(merged), "an item one side added is missing"
    for item in base:  # removed on one side, kept as it was on the other: removed
        if (item not in mine) != (item not in theirs):
            assert item not in merged
        if item in mine and item in theirs:
            assert item in merged
    assert _subsequence([x for x in mine if x in merged], merged)
    assert _subsequence([x for x in theirs if x in merged], merged)
