"""Issue 12's acceptance: a clerk and a supervisor on two PCs, one draft file passed between
them, everything through the command line. Each person is a separate set of config and data
folders (``DLA_DRAFTER_CONFIG_DIR``/``DLA_DRAFTER_DATA_DIR``): their identity, their key,
their agency profile, their register."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from signing_ca import PASSPHRASE, make_pki

ROOT = Path(__file__).resolve().parents[2]
IPST = ROOT / "examples" / "circular-2565-ipst.dladraft.json"
CLERK = ("นางสาวสมศรี ใจดี", "นักวิชาการศึกษา", "จนท.")
SUPERVISOR = ("นางสาวศรีสุดา ใจดี", "ผู้อำนวยการกองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น", "ผอ.กศ.")
SIGNER = "นางสาวศิริพร ใจดีงาม"  # the letter's signer


@dataclass
class Pc:
    """One person's PC: their own folders, the real program in a subprocess."""

    home: Path

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DLA_DRAFTER_", "XDG_"))}
        env.update(QT_QPA_PLATFORM="offscreen",
                   DLA_DRAFTER_CONFIG_DIR=str(self.home / "config"),
                   DLA_DRAFTER_DATA_DIR=str(self.home / "data"),
                   XDG_CACHE_HOME=str(self.home / "cache"))
        return env

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dla_drafter", *args],
                              capture_output=True, text=True, env=self.env, timeout=180,
                              encoding="utf-8", cwd=ROOT, stdin=subprocess.DEVNULL)

    def ok(self, *args: str) -> subprocess.CompletedProcess:
        result = self.run(*args)
        assert result.returncode == 0, (args, result.stderr)
        return result

    def status(self, draft: Path) -> dict:
        return json.loads(self.ok("review", "status", str(draft), "--json").stdout)

    def pdf_text(self, draft: Path, out: Path) -> str:
        """The letter exported on this PC, as a reader's search sees it (spaces removed)."""
        self.ok("render", str(draft), "-o", str(out), "--bundled-font")
        pdf = pypdfium2.PdfDocument(out)
        try:
            return "".join("".join(p.get_textpage().get_text_range() for p in pdf).split())
        finally:
            pdf.close()

    def office_policy(self, number_only_after_approval: bool) -> None:
        """The office's profile file as shared to this PC, with its numbering policy."""
        profiles = self.home / "config" / "profiles"
        profiles.mkdir(parents=True, exist_ok=True)
        path = profiles / "ks.json"
        data = (json.loads(path.read_text(encoding="utf-8")) if path.exists() else
                {"format": "dla-drafter/profile@1", "profile_name": "กศ",
                 "name": "กรมส่งเสริมการปกครองท้องถิ่น"})
        data["number_only_after_approval"] = number_only_after_approval
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (self.home / "config" / "config.json").write_text(
            json.dumps({"active_profile": "กศ"}), encoding="utf-8")


def squash(text: str) -> str:
    return "".join(text.split())


def test_clerk_and_supervisor_on_two_pcs(tmp_path):
    clerk, supervisor = Pc(tmp_path / "clerk-pc"), Pc(tmp_path / "supervisor-pc")
    for pc, (name, position, abbreviation) in ((clerk, CLERK), (supervisor, SUPERVISOR)):
        pc.ok("review", "whoami", "--name", name, "--position", position,
              "--abbreviation", abbreviation)
    clerk.office_policy(number_only_after_approval=True)
    draft = tmp_path / "shared" / "circular.dladraft.json"  # the file that travels
    draft.parent.mkdir()
    data = json.loads(IPST.read_text(encoding="utf-8"))
    data["signer"]["name"] = SIGNER
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    # --- the clerk sends; the supervisor comments twice and returns it with a note
    clerk.ok("review", "send", str(draft))
    supervisor.ok("review", "comment", str(draft), "--field", "subject", "--quote", "โครงการ",
                  "--text", "ชื่อเรื่องยาวเกินไป")
    supervisor.ok("review", "comment", str(draft), "--field", "body[0]", "--quote",
                  data["body"][0][:20], "--text", "ระบุเลขที่หนังสือที่อ้างถึง")
    supervisor.ok("review", "return", str(draft), "--text", "แก้ตามความเห็นทั้งสองข้อ")

    # --- on the clerk's PC: returned, with the note, who, and the comments' ids
    status = clerk.status(draft)
    assert status["state"] == "returned" and status["label"]["th"] == "ส่งกลับแก้ไข"
    assert status["returned"]["note"] == "แก้ตามความเห็นทั้งสองข้อ"
    assert status["returned"]["by"] == SUPERVISOR[0]
    assert [(v["n"], v["action"], v["by"]) for v in status["versions"]] == [
        (1, "sent", CLERK[0]), (2, "returned", SUPERVISOR[0])]
    assert status["versions"][1]["note"] == "แก้ตามความเห็นทั้งสองข้อ"
    first, second = (c["id"] for c in status["comments"])
    assert [c["resolved"] for c in status["comments"]] == [False, False]
    assert status["suggestions"] == []
    shown = clerk.run("review", "status", str(draft))
    assert "แก้ตามความเห็นทั้งสองข้อ" in shown.stdout and first in shown.stdout

    # --- the clerk resolves one comment, answers the other, sends again
    clerk.ok("review", "resolve", str(draft), first)
    clerk.ok("review", "reply", str(draft), second, "--text", "เลขที่อยู่ในอ้างถึงแล้ว")
    edited = json.loads(draft.read_text(encoding="utf-8"))  # the clerk's fix in the form:
    paragraph = edited["body"][1]  # the second paragraph split in two
    cut = paragraph.find(" ", len(paragraph) // 2)
    edited["body"][1:2] = [paragraph[:cut], paragraph[cut + 1:]]
    draft.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    clerk.ok("review", "send", str(draft))

    # --- the supervisor's compare: since they returned it, exactly the split, as a split
    compared = supervisor.run("diff", str(draft), "--since-mine")
    assert compared.returncode == 1, compared.stderr
    assert "แยกเป็น ๒ ย่อหน้า" in compared.stdout
    assert compared.stdout.count("ย่อหน้าที่") == 1  # nothing else changed since

    # --- the supervisor suggests two edits; the clerk accepts one and rejects the other
    subject_before = edited["subject"]
    supervisor.ok("review", "suggest", str(draft), "--field", "subject", "--quote", "โครงการ",
                  "--replace", "โครงการฯ")
    supervisor.ok("review", "suggest", str(draft), "--field", "body[0]", "--quote",
                  edited["body"][0][:8], "--replace", "")
    offered = clerk.status(draft)["suggestions"]
    assert [(s["field"], s["author"], s["state"]) for s in offered] == [
        ("subject", SUPERVISOR[0], "open"), ("body[0]", SUPERVISOR[0], "open")]
    clerk.ok("review", "accept", str(draft), offered[0]["id"])
    clerk.ok("review", "reject", str(draft), offered[1]["id"])
    decided = json.loads(draft.read_text(encoding="utf-8"))
    assert decided["subject"] == subject_before.replace("โครงการ", "โครงการฯ", 1)
    assert decided["body"][0] == edited["body"][0]  # the rejected one changed nothing
    assert [s["state"] for s in clerk.status(draft)["suggestions"]] == ["accepted", "rejected"]
    clerk.ok("review", "send", str(draft))
    sent = draft.read_bytes()

    # --- the supervisor approves: refused while a comment is open, naming it; then --force
    refused = supervisor.run("review", "approve", str(draft))
    assert refused.returncode == 1
    assert second in refused.stderr and first not in refused.stderr
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert draft.read_bytes() == sent
    forced = supervisor.ok("review", "approve", str(draft), "--force")
    assert "ความเห็น" in forced.stderr  # still says it approved over an open comment
    assert supervisor.status(draft)["state"] == "approved"

    # --- the clerk's PC does not know the supervisor's key: no name, no "approved"
    status = clerk.status(draft)
    assert status["state"] == "approved_untrusted" and not status["approved"]
    assert [a["status"] for a in status["approvals"]] == ["unknown_key"]
    assert squash(SUPERVISOR[0]) not in clerk.pdf_text(draft, tmp_path / "before.pdf")

    # numbering it now is refused by the office's policy (the draft and register unchanged) …
    register = f"sqlite:///{tmp_path / 'clerk-register.sqlite'}"
    before = draft.read_bytes()
    refused = clerk.run("register", "issue", str(draft), "--db", register)
    assert refused.returncode == 1 and "ออกเลข" in refused.stderr
    assert draft.read_bytes() == before
    # … and, without the policy, goes through with a warning naming the status (on a copy)
    clerk.office_policy(number_only_after_approval=False)
    copy = tmp_path / "copy.dladraft.json"
    copy.write_bytes(draft.read_bytes())
    warned = clerk.run("register", "issue", str(copy), "--db", register, "--lang", "en")
    assert warned.returncode == 0, warned.stderr
    assert "not approved" in warned.stderr and "key not trusted here" in warned.stderr
    clerk.office_policy(number_only_after_approval=True)

    # --- the supervisor hands out their card; the clerk checks the fingerprint and trusts it
    card = tmp_path / "shared" / "supervisor.dlacard"
    made = supervisor.ok("review", "card", "-o", str(card))
    me = json.loads(supervisor.ok("review", "whoami", "--json").stdout)
    thai_print = made.stdout.strip().splitlines()[-1].split(": ")[-1]
    assert thai_print.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")) == me["fingerprint"]
    trusted = clerk.ok("review", "trust", str(card), "--fingerprint", me["fingerprint"])
    assert thai_print in trusted.stdout and SUPERVISOR[0] in trusted.stdout

    status = clerk.status(draft)
    assert status["state"] == "approved" and status["approved"]
    [approval] = status["approvals"]
    assert approval["status"] == "valid"
    keys = ("name", "position", "abbreviation")
    assert approval["reviewer"] == dict(zip(keys, SUPERVISOR, strict=True))
    text = clerk.pdf_text(draft, tmp_path / "after.pdf")
    assert squash(SUPERVISOR[2] + SUPERVISOR[0]) in text  # in the ผอ.กศ. row of the grid

    # --- numbered on the clerk's PC: no warning now, and ผู้ออกเลข is the clerk's name
    issued = clerk.ok("register", "issue", str(draft), "--db", register)
    assert "ออกเลข" not in issued.stderr
    assert clerk.status(draft)["state"] == "approved"  # the number is not content
    exported = tmp_path / "register.csv"
    clerk.ok("register", "export", "-o", str(exported), "--db", register)
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["ผู้ออกเลข"] for r in rows] == [CLERK[0], CLERK[0]]

    # --- signed: a certificate of someone else is a warning naming both; the signer's is not
    final = tmp_path / "final.pdf"
    clerk.ok("render", str(draft), "-o", str(final), "--bundled-font")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    for holder, signed in (("นายสมชาย ใจดี", "signed-other.pdf"), (SIGNER, "signed.pdf")):
        p12 = tmp_path / f"{signed}.p12"
        p12.write_bytes(make_pki(signer_name=holder).p12())
        result = clerk.ok("sign", str(final), "-o", str(tmp_path / signed), "--p12", str(p12),
                          "--passphrase-file", str(secret), "--draft", str(draft),
                          "--bundled-font")
        if holder == SIGNER:
            assert "ใบรับรอง" not in result.stderr
        else:
            assert "นายสมชาย ใจดี" in result.stderr and SIGNER in result.stderr
        assert (tmp_path / signed).is_file()
