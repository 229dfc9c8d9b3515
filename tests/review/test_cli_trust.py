"""``review whoami``/``card``/``trust``/``reviewers``/``untrust``/``resolve`` and ``approve``'s
refusals, as a person runs them: each refusal is one clear line and writes nothing."""

from __future__ import annotations

import json


def test_trust_refuses_a_tampered_card_and_untrust_removes_a_good_one(reviewers, tmp_path):
    clerk, head = reviewers["clerk"], reviewers["head"]
    assert head.run("review", "whoami", "--name", "นางสาวศรีสุดา ใจดี",
                    "--abbreviation", "หน.ฝ.กศ.").returncode == 0
    card = tmp_path / "head.dlacard"
    assert head.run("review", "card", "-o", str(card)).returncode == 0
    config = clerk.home / "config" / "dla-drafter"

    forged = tmp_path / "forged.dlacard"
    data = json.loads(card.read_text(encoding="utf-8"))
    data["abbreviation"] = "ผอ.กศ."
    forged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = clerk.run("review", "trust", str(forged))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "ลายมือชื่อดิจิทัลของบัตรผู้ตรวจ" in result.stderr
    assert not (config / "profiles").exists()  # nothing saved

    result = clerk.run("review", "trust", str(card), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "compare this fingerprint" in result.stderr  # no --fingerprint given: says so
    [listed] = json.loads(clerk.run("review", "reviewers", "--json").stdout)
    assert (listed["name"], listed["abbreviation"], listed["source"]) == (
        "นางสาวศรีสุดา ใจดี", "หน.ฝ.กศ.", "signed")
    result = clerk.run("review", "untrust", "00000 00000 00000 00000")
    assert result.returncode == 1 and "00000" in result.stderr
    result = clerk.run("review", "untrust", listed["fingerprint"])
    assert result.returncode == 0, result.stderr
    assert json.loads(clerk.run("review", "reviewers", "--json").stdout) == []


def test_whoami_sets_the_identity_and_refuses_hidden_characters(reviewers):
    head = reviewers["head"]
    result = head.run("review", "whoami", "--name", "นางสาว\u200bศรีสุดา", "--abbreviation", "x")
    assert result.returncode == 1 and "ZERO WIDTH SPACE" in result.stderr
    assert not (head.home / "config" / "dla-drafter" / "identity.json").exists()
    result = head.run("review", "whoami", "--name", "นางสาวศรีสุดา ใจดี")
    assert result.returncode == 0 and "ชื่อย่อ" in result.stderr  # warned: no abbreviation
    result = head.run("review", "whoami", "--abbreviation", "หน.ฝ.กศ.", "--json")
    me = json.loads(result.stdout)
    assert (me["name"], me["abbreviation"]) == ("นางสาวศรีสุดา ใจดี", "หน.ฝ.กศ.")
    assert len(me["fingerprint"].split()) == 4


def test_approve_only_as_oneself_and_only_after_sending(reviewers, memo_draft):
    head = reviewers["head"]
    before = memo_draft.read_bytes()
    result = head.run("review", "approve", str(memo_draft))
    assert result.returncode == 1 and "whoami" in result.stderr  # no identity yet
    head.run("review", "whoami", "--name", "นางสาวศรีสุดา ใจดี", "--abbreviation", "หน.ฝ.กศ.")
    result = head.run("review", "approve", str(memo_draft))
    assert result.returncode == 1 and "ส่งตรวจ" in result.stderr  # never sent
    assert memo_draft.read_bytes() == before
    assert head.run("review", "send", str(memo_draft)).returncode == 0
    sent = memo_draft.read_bytes()
    result = head.run("review", "approve", str(memo_draft), "--role", "ผอ.กศ.", "--lang", "en")
    assert result.returncode == 1 and "not yours" in result.stderr
    result = head.run("review", "approve", str(memo_draft), "--name", "คนอื่น")
    assert result.returncode == 2  # there is no --name any more
    assert memo_draft.read_bytes() == sent
    assert head.run("review", "approve", str(memo_draft), "--role", "หน.ฝ.กศ.").returncode == 0


def test_resolve_and_reply_by_id(reviewers, memo_draft):
    head, clerk = reviewers["head"], reviewers["clerk"]
    assert head.run("review", "comment", str(memo_draft), "--field", "subject", "--quote",
                    "ขออนุมัติ", "--text", "สั้นลง").returncode == 0
    [comment] = clerk.status(memo_draft)["comments"]
    result = clerk.run("review", "resolve", str(memo_draft), "c00000000")
    assert result.returncode == 1 and "c00000000" in result.stderr
    assert clerk.run("review", "reply", str(memo_draft), comment["id"], "--text",
                     "ย่อแล้ว").returncode == 0
    assert clerk.run("review", "resolve", str(memo_draft), comment["id"]).returncode == 0
    [comment] = clerk.status(memo_draft)["comments"]
    assert comment["resolved"] and comment["replies"][0]["text"] == "ย่อแล้ว"
    assert clerk.run("review", "resolve", str(memo_draft), comment["id"],
                     "--reopen").returncode == 0
    assert not clerk.status(memo_draft)["comments"][0]["resolved"]


def test_every_review_verb_has_thai_and_english_help(reviewers):
    clerk = reviewers["clerk"]
    verbs = ("send", "comment", "reply", "resolve", "approve", "return", "status",
             "import-docx", "whoami", "card", "trust", "reviewers", "untrust")
    listing = clerk.run("review", "--help").stdout
    for verb in verbs:
        assert verb in listing
        text = clerk.run("review", verb, "--help").stdout
        assert " / " in text and any("\u0e00" <= c <= "\u0e7f" for c in text), verb
