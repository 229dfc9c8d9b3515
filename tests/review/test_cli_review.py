"""The scripting interface end to end: real processes, one set of folders per person."""

from __future__ import annotations

import json
from pathlib import Path

HEAD_ROLE, DIRECTOR_ROLE = "หน.ฝ.กศ.", "ผอ.กศ."


def edit(draft: Path, change) -> None:
    data = json.loads(draft.read_text(encoding="utf-8"))
    change(data)
    draft.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def set_identity(reviewer, name: str, abbreviation: str) -> None:
    folder = reviewer.home / "config" / "dla-drafter"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "identity.json").write_text(json.dumps(
        {"name": name, "position": "", "abbreviation": abbreviation}, ensure_ascii=False,
    ), encoding="utf-8")  # fmt: skip


def test_the_review_loop_from_the_command_line(reviewers, memo_draft, tmp_path):
    clerk, head, director = reviewers["clerk"], reviewers["head"], reviewers["director"]
    set_identity(head, "นางสาวศรีสุดา ใจดี", HEAD_ROLE)
    draft = memo_draft
    body = json.loads(draft.read_text(encoding="utf-8"))["body"]

    assert clerk.run("review", "send", str(draft)).returncode == 0
    status = clerk.status(draft)
    assert (status["state"], status["comments"], status["approvals"]) == ("in_review", [], [])
    assert [v["action"] for v in status["versions"]] == ["sent"]
    sent = tmp_path / "sent.dladraft.json"
    sent.write_bytes(draft.read_bytes())

    quote = body[1][12:30]
    result = head.run("review", "comment", str(draft), "--field", "body[1]", "--quote", quote,
                      "--text", "ควรระบุจำนวนผู้เข้าอบรม")
    assert result.returncode == 0, result.stderr
    result = director.run("review", "comment", str(draft), "--field", "subject", "--quote",
                          "ขออนุมัติ", "--text", "ชื่อเรื่องยาวไป", "--author", "ผอ.กศ. สมปอง")
    assert result.returncode == 0, result.stderr
    assert head.run("review", "return", str(draft), "--text", "แก้ตามความเห็น").returncode == 0

    status = clerk.status(draft)
    comments = [{k: c[k] for k in ("field", "quote", "text", "author", "resolved")}
                for c in status["comments"]]
    assert comments == [
        {"field": "body[1]", "quote": quote, "text": "ควรระบุจำนวนผู้เข้าอบรม",
         "author": "นางสาวศรีสุดา ใจดี", "resolved": False},
        {"field": "subject", "quote": "ขออนุมัติ", "text": "ชื่อเรื่องยาวไป",
         "author": "ผอ.กศ. สมปอง", "resolved": False},
    ]  # fmt: skip
    assert all(c["id"].startswith("c") and c["replies"] == [] for c in status["comments"])
    assert status["state"] == "returned" and status["approvals"] == []
    assert status["returned"]["note"] == "แก้ตามความเห็น"
    assert status["returned"]["by"] == "นางสาวศรีสุดา ใจดี"
    assert list(status) == ["state", "label", "record_state", "approved", "returned",
                            "versions", "comments", "approvals", "suggestions"]

    # The clerk edits one word and sends again; diff shows that word.
    edit(draft, lambda d: d["body"].__setitem__(1, d["body"][1] + " จำนวน ๕๐ คน"))
    assert clerk.run("review", "send", str(draft)).returncode == 0
    result = clerk.run("diff", str(sent), str(draft))
    assert result.returncode == 1, result.stderr
    assert "body[1]" in result.stdout and "{+ จำนวน ๕๐ คน+}" in result.stdout
    assert "subject" not in result.stdout

    # The head approves; the director's PC does not know the head's key until the profile does.
    result = head.run("review", "approve", str(draft), "--role", HEAD_ROLE, "--force")
    assert result.returncode == 0, result.stderr
    [approval] = head.status(draft)["approvals"]
    assert set(approval) == {"role", "name", "at", "status", "reason", "fingerprint",
                             "reviewer"}
    assert (approval["role"], approval["name"], approval["status"]) == (
        HEAD_ROLE, "นางสาวศรีสุดา ใจดี", "valid",
    )  # fmt: skip
    assert head.status(draft)["state"] == "approved"
    assert director.status(draft)["approvals"][0]["status"] == "unknown_key"
    assert director.status(draft)["state"] == "approved_untrusted"
    director.trust("นางสาวศรีสุดา ใจดี", HEAD_ROLE, head.public_key())
    assert director.status(draft)["approvals"][0]["status"] == "valid"
    assert director.status(draft)["state"] == "approved"
    assert clerk.run("check", str(draft)).returncode == 0

    # The director approves too; then a body word changes: both stale, check says why.
    director.trust("นางสาวศรีสุดา ใจดี", HEAD_ROLE, head.public_key())
    set_identity(director, "นายสมปอง มั่นคง", DIRECTOR_ROLE)
    result = director.run("review", "approve", str(draft), "--force")
    assert result.returncode == 0, result.stderr
    assert [a["status"] for a in director.status(draft)["approvals"]] == ["valid", "valid"]
    edit(draft, lambda d: d["body"].__setitem__(0, d["body"][0].replace("งบประมาณ", "เงิน", 1)))
    assert [a["status"] for a in director.status(draft)["approvals"]] == ["stale", "stale"]
    assert director.status(draft)["state"] == "changed"
    result = director.run("check", str(draft))
    assert result.returncode == 0
    assert result.stderr.count("การอนุมัติ รายการที่ ") == 2 and "ช่องลงชื่อย่อ" in result.stderr
    assert "review.approvals[" not in result.stderr  # a clerk reads names, not paths
    result = director.run("check", str(draft), "--verbose")
    assert result.stderr.count("(review.approvals[") == 2

    # Hand-editing the record: invalid, before stale.
    edit(draft, lambda d: d["review"]["approvals"][1].__setitem__("role", HEAD_ROLE))
    assert [a["status"] for a in director.status(draft)["approvals"]] == ["stale", "invalid"]


def test_comment_on_a_quote_not_in_the_field_writes_nothing(reviewers, memo_draft):
    head = reviewers["head"]
    before = memo_draft.read_bytes()
    result = head.run("review", "comment", str(memo_draft), "--field", "subject", "--quote",
                      "ไม่มีในเรื่อง", "--text", "x")
    assert result.returncode == 1
    assert "เรื่อง: " in result.stderr and "(subject)" not in result.stderr
    assert "ไม่มีในเรื่อง" in result.stderr and "Traceback" not in result.stderr
    result = head.run("review", "comment", str(memo_draft), "--field", "body[7]", "--quote",
                      "ก", "--text", "x", "--lang", "en")
    assert result.returncode == 1 and "body paragraph 8: " in result.stderr
    assert memo_draft.read_bytes() == before


def test_diff_exit_codes(reviewers, memo_draft, tmp_path):
    clerk = reviewers["clerk"]
    same = tmp_path / "same.dladraft.json"
    same.write_bytes(memo_draft.read_bytes())
    result = clerk.run("diff", str(memo_draft), str(same))
    assert result.returncode == 0 and result.stdout.strip() == "ไม่มีความแตกต่าง"
    edit(same, lambda d: d.__setitem__("subject", d["subject"] + " เพิ่ม"))
    result = clerk.run("diff", str(memo_draft), str(same))
    assert result.returncode == 1 and "เรื่อง (subject):" in result.stdout
    result = clerk.run("diff", str(memo_draft), str(tmp_path / "missing.dladraft.json"))
    assert result.returncode == 2 and "missing.dladraft.json" in result.stderr


def test_whoami_gives_the_public_key_that_signs(reviewers, memo_draft):
    head = reviewers["head"]
    set_identity(head, "นางสาวศรีสุดา ใจดี", HEAD_ROLE)
    result = head.run("review", "whoami", "--json")
    assert result.returncode == 0, result.stderr
    me = json.loads(result.stdout)
    assert (me["name"], me["abbreviation"]) == ("นางสาวศรีสุดา ใจดี", HEAD_ROLE)
    assert me["public_key"].startswith("ed25519:")
    assert head.run("review", "send", str(memo_draft)).returncode == 0
    assert head.run("review", "approve", str(memo_draft), "--role", HEAD_ROLE).returncode == 0
    record = json.loads(memo_draft.read_text(encoding="utf-8"))["review"]
    assert record["approvals"][0]["public_key"] == me["public_key"]
