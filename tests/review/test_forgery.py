"""Issue 12, item 7: the four ways to make the initials grid print a name nobody approved.

Each test is a forger's attempt, run as the people involved would run it — real processes,
each person with their own folders — and each checks what a reader of the exported PDF sees.
"""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2
import pytest

ROOT = Path(__file__).resolve().parents[2]
IPST = ROOT / "examples" / "circular-2565-ipst.dladraft.json"
DIRECTOR, DIRECTOR_ROLE = "นายผู้อำนวยการ ตัวจริง", "ผอ.กศ."
HEAD, HEAD_ROLE = "นางสาวศรีสุดา ใจดี", "หน.ฝ.กศ."
FORGER, FORGER_ROLE = "นายปลอม ลงชื่อแทน", "จนท."


def set_identity(person, name: str, abbreviation: str) -> None:
    folder = person.home / "config" / "dla-drafter"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "identity.json").write_text(json.dumps(
        {"name": name, "position": "", "abbreviation": abbreviation}, ensure_ascii=False,
    ), encoding="utf-8")  # fmt: skip


def trust_all(person, *people: tuple[str, str, str]) -> None:
    """An agency profile listing (name, abbreviation, public key) for each of ``people``."""
    folder = person.home / "config" / "dla-drafter"
    (folder / "profiles").mkdir(parents=True, exist_ok=True)
    profile = {
        "format": "dla-drafter/profile@1",
        "profile_name": "กศ",
        "name": "กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น",
        "reviewers": [{"name": n, "abbreviation": a, "public_key": k} for n, a, k in people],
    }
    (folder / "profiles" / "ks.json").write_text(json.dumps(profile, ensure_ascii=False),
                                                 encoding="utf-8")
    (folder / "config.json").write_text(json.dumps({"active_profile": "กศ"}), encoding="utf-8")


def private_key(person):
    """The person's own signing key, read from their data folder (the forger has theirs)."""
    from cryptography.hazmat.primitives import serialization

    pem = (person.home / "data" / "dla-drafter" / "signing-key.pem").read_bytes()
    return serialization.load_pem_private_key(pem, password=None)


def public_key(person) -> str:
    """The person's public key, made on first use by ``review whoami``."""
    result = person.run("review", "whoami", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["public_key"]


def squashed(text: str) -> str:
    return "".join(text.split())


def pdf_text(person, draft: Path, out: Path) -> str:
    """The draft exported on ``person``'s PC, as a reader's search sees the PDF."""
    result = person.run("render", str(draft), "-o", str(out), "--bundled-font")
    assert result.returncode == 0, result.stderr
    pdf = pypdfium2.PdfDocument(out)
    try:
        return squashed("\n".join(page.get_textpage().get_text_range() for page in pdf))
    finally:
        pdf.close()


def add_signed_approval(draft: Path, key, role: str, name: str) -> None:
    """What a forger with a text editor and their own key can always do."""
    from dla_drafter.model.draftio import load_draft
    from dla_drafter.review.integrity import content_hash, sign_approval

    entry = sign_approval(key, role, name, "2026-12-02T09:00:00+00:00",
                          content_hash(load_draft(draft)))
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["review"]["approvals"].append(entry)
    data["review"]["state"] = "approved"
    draft.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture
def ipst_draft(tmp_path) -> Path:
    """The IPST circular: a file copy whose initials grid has a ผอ.กศ. row."""
    path = tmp_path / "ipst.dladraft.json"
    path.write_bytes(IPST.read_bytes())
    return path


def test_a_forged_name_never_prints_on_the_forgers_own_pc(reviewers, ipst_draft, tmp_path):
    """(a) On their own PC the forger's key is trusted; the name must still be their own."""
    forger = reviewers["clerk"]
    set_identity(forger, FORGER, FORGER_ROLE)
    assert forger.run("review", "send", str(ipst_draft)).returncode == 0

    # Asking the command line for someone else's name and role is refused, writing nothing.
    before = ipst_draft.read_bytes()
    forger.run("review", "approve", str(ipst_draft), "--role", DIRECTOR_ROLE,
               "--name", DIRECTOR)
    assert squashed(DIRECTOR) not in pdf_text(forger, ipst_draft, tmp_path / "a.pdf")
    assert ipst_draft.read_bytes() == before

    # Writing the approval by hand, signed with the forger's own key, prints nothing either.
    assert forger.run("review", "whoami").returncode == 0  # makes the forger's key
    add_signed_approval(ipst_draft, private_key(forger), DIRECTOR_ROLE, DIRECTOR)
    assert squashed(DIRECTOR) not in pdf_text(forger, ipst_draft, tmp_path / "b.pdf")
    [approval] = forger.status(ipst_draft)["approvals"]
    assert approval["status"] == "invalid"
    assert forger.status(ipst_draft)["state"] != "approved"


def test_a_listed_reviewer_cannot_sign_as_another(reviewers, ipst_draft, tmp_path):
    """(b) Both reviewers are in the office's profile; the head signs as the director."""
    clerk, head, director = reviewers["clerk"], reviewers["head"], reviewers["director"]
    set_identity(head, HEAD, HEAD_ROLE)
    set_identity(director, DIRECTOR, DIRECTOR_ROLE)
    trust_all(clerk, (HEAD, HEAD_ROLE, public_key(head)),
              (DIRECTOR, DIRECTOR_ROLE, public_key(director)))
    assert clerk.run("review", "send", str(ipst_draft)).returncode == 0
    add_signed_approval(ipst_draft, private_key(head), DIRECTOR_ROLE, DIRECTOR)

    text = pdf_text(clerk, ipst_draft, tmp_path / "forged.pdf")
    assert squashed(DIRECTOR) not in text and squashed(HEAD) not in text
    status = clerk.status(ipst_draft)
    assert [a["status"] for a in status["approvals"]] == ["invalid"]
    assert status["state"] != "approved"
    result = clerk.run("check", str(ipst_draft), "--verbose")
    assert "review.approvals[0]" in result.stderr


def test_an_approval_without_its_history_does_not_count(reviewers, ipst_draft, tmp_path):
    """(c) A real approval, then the record's versions deleted (or replaced)."""
    clerk, director = reviewers["clerk"], reviewers["director"]
    set_identity(director, DIRECTOR, DIRECTOR_ROLE)
    trust_all(clerk, (DIRECTOR, DIRECTOR_ROLE, public_key(director)))
    assert clerk.run("review", "send", str(ipst_draft)).returncode == 0
    result = director.run("review", "approve", str(ipst_draft), "--role", DIRECTOR_ROLE,
                          "--force")
    assert result.returncode == 0, result.stderr
    assert clerk.status(ipst_draft)["approvals"][0]["status"] == "valid"
    assert squashed(DIRECTOR) in pdf_text(clerk, ipst_draft, tmp_path / "real.pdf")

    data = json.loads(ipst_draft.read_text(encoding="utf-8"))
    del data["review"]["versions"]
    ipst_draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status = clerk.status(ipst_draft)
    assert [a["status"] for a in status["approvals"]] == ["invalid"]
    assert status["state"] != "approved"
    assert squashed(DIRECTOR) not in pdf_text(clerk, ipst_draft, tmp_path / "gone.pdf")
    result = clerk.run("check", str(ipst_draft), "--lang", "en", "--verbose")
    assert "review.approvals[0]" in result.stderr and "histor" in result.stderr


def test_typed_initials_are_a_warning(reviewers, ipst_draft):
    """(d) A name typed into the grid prints with no review at all: check says so."""
    clerk = reviewers["clerk"]
    data = json.loads(ipst_draft.read_text(encoding="utf-8"))
    data["initials"][1]["name"] = DIRECTOR
    ipst_draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = clerk.run("check", str(ipst_draft), "--verbose")
    assert result.returncode == 0
    assert "initials[1].name" in result.stderr
    assert "initials[0]" not in result.stderr  # rows without a name are not warned about
