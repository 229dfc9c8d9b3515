"""Suggestions from the command line as two people, each with their own folders: the
supervisor suggests, the clerk accepts one and rejects the other."""

from __future__ import annotations

import json
from pathlib import Path


def set_identity(reviewer, name: str, abbreviation: str) -> None:
    folder = reviewer.home / "config" / "dla-drafter"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "identity.json").write_text(json.dumps(
        {"name": name, "position": "", "abbreviation": abbreviation}, ensure_ascii=False,
    ), encoding="utf-8")  # fmt: skip

HEAD = "นางสาวศรีสุดา ใจดี"
CLERK = "นางสาวสมศรี ใจดี"


def body(draft: Path) -> list[str]:
    return json.loads(draft.read_text(encoding="utf-8"))["body"]


def letter_without_record(draft: Path) -> dict:
    """The letter as the program reads it (saving writes every field out), no record."""
    from dla_drafter.model.draftio import letter_to_dict, load_draft

    data = letter_to_dict(load_draft(draft))
    data.pop("review", None)
    return data


def test_suggest_accept_reject_as_two_people(reviewers, memo_draft):
    clerk, head = reviewers["clerk"], reviewers["head"]
    set_identity(head, HEAD, "หน.ฝ.กศ.")
    set_identity(clerk, CLERK, "จนท.")
    draft = memo_draft
    original = letter_without_record(draft)
    old_body = body(draft)

    first = head.run("review", "suggest", str(draft), "--field", "body[1]", "--quote",
                     "กรุงเทพมหานคร", "--replace", "จังหวัดเชียงใหม่")
    assert first.returncode == 0, first.stderr
    second = head.run("review", "suggest", str(draft), "--field", "subject", "--quote",
                      "ขออนุมัติ", "--replace", "ขอความเห็นชอบ")
    assert second.returncode == 0, second.stderr
    accepted, rejected = first.stdout.strip(), second.stdout.strip()
    assert letter_without_record(draft) == original  # suggesting changes nothing yet

    status = clerk.status(draft)
    assert status["suggestions"] == [
        {"id": accepted, "field": "body[1]", "author": HEAD, "old": "กรุงเทพมหานคร",
         "new": "จังหวัดเชียงใหม่", "state": "open"},
        {"id": rejected, "field": "subject", "author": HEAD, "old": "ขออนุมัติ",
         "new": "ขอความเห็นชอบ", "state": "open"},
    ]
    text = clerk.run("review", "status", str(draft), "--lang", "en")
    assert accepted in text.stdout and "จังหวัดเชียงใหม่" in text.stdout

    result = clerk.run("review", "accept", str(draft), accepted)
    assert result.returncode == 0, result.stderr
    result = clerk.run("review", "reject", str(draft), rejected)
    assert result.returncode == 0, result.stderr

    expected = dict(original)
    expected["body"] = list(old_body)
    expected["body"][1] = old_body[1].replace("กรุงเทพมหานคร", "จังหวัดเชียงใหม่", 1)
    assert letter_without_record(draft) == expected  # exactly the accepted edit
    states = {s["id"]: s["state"] for s in clerk.status(draft)["suggestions"]}
    assert states == {accepted: "accepted", rejected: "rejected"}
    record = json.loads(draft.read_text(encoding="utf-8"))["review"]["suggestions"]
    assert {s["decided_by"] for s in record} == {CLERK}

    # deciding again is refused, and writes nothing
    before = draft.read_bytes()
    again = clerk.run("review", "accept", str(draft), rejected, "--lang", "en")
    assert again.returncode != 0 and "already rejected" in again.stderr
    assert "Traceback" not in again.stderr
    assert draft.read_bytes() == before


def test_accept_all_and_reject_all(reviewers, memo_draft):
    clerk, head = reviewers["clerk"], reviewers["head"]
    set_identity(head, HEAD, "หน.ฝ.กศ.")
    draft = memo_draft
    text = body(draft)[0]
    at = text.index("เรื่องเดิม")
    for args in (("--field", "body[0]", "--quote", "เรื่องเดิม", "--replace", "ความเป็นมา"),
                 ("--field", "body[0]", "--quote", "", "--replace", "(ด่วน) ",
                  "--offset", "0"),
                 ("--field", "subject", "--quote", "ขออนุมัติ", "--replace", "")):
        result = head.run("review", "suggest", str(draft), *args)
        assert result.returncode == 0, result.stderr
    result = clerk.run("review", "accept", str(draft), "--all")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.split()) == 3
    new = body(draft)[0]
    assert new == "(ด่วน) " + text[:at] + "ความเป็นมา" + text[at + len("เรื่องเดิม"):]
    assert not json.loads(draft.read_text(encoding="utf-8"))["subject"].startswith("ขออนุมัติ")
    refused = clerk.run("review", "reject", str(draft), "--all", "--lang", "en")
    assert refused.returncode != 0 and "no open suggestions" in refused.stderr


def test_a_suggestion_that_cannot_be_made_writes_nothing(reviewers, memo_draft):
    head = reviewers["head"]
    before = memo_draft.read_bytes()
    for args, words in (
        (("--field", "body[0]", "--quote", "ไม่มีคำนี้", "--replace", "x"), "is not in the field"),
        (("--field", "body[99]", "--quote", "x", "--replace", "y"), "no such text field"),
        (("--field", "body[0]", "--quote", "", "--replace", "y"), "needs its place"),
    ):
        result = head.run("review", "suggest", str(memo_draft), *args, "--lang", "en")
        assert result.returncode != 0 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert memo_draft.read_bytes() == before
    missing = head.run("review", "accept", str(memo_draft), "nope", "--lang", "en")
    assert missing.returncode != 0 and "no suggestion with id nope" in missing.stderr
    neither = head.run("review", "accept", str(memo_draft))
    assert neither.returncode != 0
