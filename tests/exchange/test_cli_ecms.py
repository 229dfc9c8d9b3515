"""``dla-drafter ecms`` as a clerk runs it: export with the office's profile, read an incoming
letter into a reply draft, and every mistake a one-line message with nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ecms_helpers import RAM, assert_valid, letter_dict, ram

from dla_drafter.app_settings import EcmsIdentity, read_profile_file, write_profile_file
from dla_drafter.cli import main
from dla_drafter.paths import resource


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A config folder whose active profile is the DLA profile with e-CMS codes."""
    config = tmp_path / "config"
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(config))
    profile = read_profile_file(resource("profiles", "dla.json"))
    profile.profile_name = "สำนักงานทดสอบ"
    profile.ecms = EcmsIdentity(ministry_code="15", department_code="15008")
    write_profile_file(profile, config / "profiles" / "office.json")
    (config / "config.json").write_text(
        json.dumps({"active_profile": profile.profile_name}, ensure_ascii=False),
        encoding="utf-8")
    return config


@pytest.fixture
def files(tmp_path, letter_pdf):
    draft = tmp_path / "letter.dladraft.json"
    draft.write_text(json.dumps(letter_dict(), ensure_ascii=False), encoding="utf-8")
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(letter_pdf)
    return draft, pdf


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["ecms", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_uses_the_profiles_codes(capsys, office, files, tmp_path):
    draft, pdf = files
    scan = tmp_path / "แผนที่.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "letter.xml"
    code, stdout, stderr = run(capsys, str(draft), "--pdf", str(pdf), "-o", str(out),
                               "--attach", str(scan), "--receiver-department-code", "50001")
    assert code == 0, stderr
    assert "มท 0816.3/ว 1234" in stdout and "ไฟล์แนบ 1 ไฟล์" in stdout
    assert "คำเตือน: ไฟล์ PDF ของหนังสือยังไม่ได้ลงนามอิเล็กทรอนิกส์" in stderr
    body = assert_valid(out.read_bytes())
    assert ram(body, "//ram:SenderParty/ram:DepartmentOrganization/ram:ID")[0].text == "15008"
    assert ram(body, "//ram:ReceiverParty/ram:DepartmentOrganization/ram:ID")[0].text == "50001"
    assert ram(body, "//ram:AttachmentBinaryObject")[0].get("mimeCode") == "image/png"


def test_missing_codes_name_the_setting_and_the_flags(capsys, tmp_path, monkeypatch, files):
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(tmp_path / "empty-config"))
    draft, pdf = files
    out = tmp_path / "letter.xml"
    code, _, stderr = run(capsys, str(draft), "--pdf", str(pdf), "-o", str(out))
    assert code == 1 and not out.exists()
    lines = stderr.splitlines()
    assert any("--ministry-code" in line and "(e-CMS)" in line for line in lines)
    assert any("--ministry-code" in line for line in lines)
    assert lines[-1] == "ข้อผิดพลาด: ไม่ได้เขียนไฟล์ใดเลย"
    code, _, stderr = run(capsys, str(draft), "--pdf", str(pdf), "-o", str(out),
                          "--ministry-code", "15", "--department-code", "15008", "--lang", "en")
    assert code == 0, stderr
    assert out.exists()


def test_an_unnumbered_draft_names_its_fields(capsys, office, files, tmp_path):
    draft, pdf = files
    data = letter_dict()
    data["number"]["serial"] = None
    data["date"]["day"] = None
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "letter.xml"
    code, _, stderr = run(capsys, str(draft), "--pdf", str(pdf), "-o", str(out), "--lang", "en")
    assert code == 1 and not out.exists()
    assert "register number: is empty" in stderr
    assert "day: is empty" in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("args, message", [
    ([], "--read"),
    (["DRAFT", "--read", "x.xml"], "--read"),
    (["DRAFT"], "--pdf"),
    (["DRAFT", "--pdf", "PDF", "-o", "letter.pdf"], ".xml"),
    (["--read", "x.xml", "-o", "reply.docx"], ".json"),
    (["--read", "x.xml", "--pdf", "PDF"], "--pdf"),
    (["DRAFT", "--pdf", "PDF", "--force"], "--force"),
    (["DRAFT", "--pdf", "PDF", "-o", "PDF.xml"], "ไฟล์เดียวกับ"),
])
def test_usage_mistakes(capsys, files, tmp_path, args, message):
    draft, pdf = files
    pdf_as_xml = tmp_path / "PDF.xml"
    names = {"DRAFT": str(draft), "PDF": str(pdf_as_xml if "PDF.xml" in args else pdf),
             "PDF.xml": str(pdf_as_xml)}
    if "PDF.xml" in args:
        pdf_as_xml.write_bytes(pdf.read_bytes())
    args = [names.get(a, a) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / ("out.json" if "--read" in args else "out.xml"))]
    code, _, stderr = run(capsys, *args)
    assert code == 2
    assert message in stderr
    assert not (tmp_path / "out.xml").exists() and not (tmp_path / "out.json").exists()


def test_read_makes_a_reply_and_keeps_an_existing_draft(capsys, office, files, tmp_path):
    draft, pdf = files
    sent = tmp_path / "sent.xml"
    assert run(capsys, str(draft), "--pdf", str(pdf), "-o", str(sent))[0] == 0
    reply = tmp_path / "reply.dladraft.json"
    code, stdout, stderr = run(capsys, "--read", str(sent), "-o", str(reply))
    assert code == 0, stderr
    assert "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น" in stdout
    data = json.loads(reply.read_text(encoding="utf-8"))
    assert data["references"][0].startswith(
        "หนังสือที่ มท 0816.3/ว 1234 ลงวันที่ 15 มกราคม 2569 เรื่อง ")
    assert data["ecms"]["receiver"]["department_code"] == "15008"

    reply.write_text("the clerk's own work", encoding="utf-8")
    code, _, stderr = run(capsys, "--read", str(sent), "-o", str(reply))
    assert code == 1 and "--force" in stderr
    assert reply.read_text(encoding="utf-8") == "the clerk's own work"
    assert run(capsys, "--read", str(sent), "-o", str(reply), "--force")[0] == 0
    assert json.loads(reply.read_text(encoding="utf-8"))["format"] == "dla-drafter/letter@1"


@pytest.mark.parametrize("content", [
    b"",
    b"not xml at all",
    b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    '<?xml version="1.0"?><html>สวัสดี</html>'.encode(),
    b"<CorrespondenceLetterOutboundRequest/>",
])
def test_hostile_incoming_files_give_one_line_and_no_draft(capsys, office, tmp_path, content):
    incoming = tmp_path / "incoming.xml"
    incoming.write_bytes(content)
    reply = tmp_path / "reply.dladraft.json"
    code, _, stderr = run(capsys, "--read", str(incoming), "-o", str(reply))
    assert code == 1 and not reply.exists()
    assert "Traceback" not in stderr
    assert all(line.startswith(("ข้อผิดพลาด: ", "คำเตือน: ", "  → ")) for line in stderr.splitlines())


def test_missing_and_huge_input_files(capsys, office, files, tmp_path, monkeypatch):
    draft, pdf = files
    out = tmp_path / "letter.xml"
    code, _, stderr = run(capsys, str(draft), "--pdf", str(tmp_path / "none.pdf"), "-o", str(out))
    assert code == 1 and "none.pdf" in stderr and not out.exists()
    code, _, stderr = run(capsys, str(draft), "--pdf", str(tmp_path), "-o", str(out))
    assert code == 1 and "โฟลเดอร์" in stderr
    from dla_drafter import exchange

    monkeypatch.setattr(exchange, "MAX_XML_BYTES", 10)
    big = tmp_path / "big.xml"
    big.write_bytes(b"<a>" + b"x" * 100 + b"</a>")
    code, _, stderr = run(capsys, "--read", str(big), "-o", str(tmp_path / "r.json"))
    assert code == 1 and "big.xml" in stderr and "MB" in stderr


def test_the_installed_command_signs_sends_and_replies(tmp_path, office, files, p12_file):
    """The real entry point, with a signed PDF: render → sign → ecms → ecms --read."""
    from signing_ca import PASSPHRASE

    draft, _ = files
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DLA_DRAFTER_CONFIG_DIR=str(office))

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dla_drafter", *args], capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=300,
                              stdin=subprocess.DEVNULL)

    pdf, signed = tmp_path / "out.pdf", tmp_path / "signed.pdf"
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    for args in (["render", str(draft), "-o", str(pdf), "--bundled-font"],
                 ["sign", str(pdf), "-o", str(signed), "--p12", str(p12_file),
                  "--passphrase-file", str(secret)]):
        result = cli(*args)
        assert result.returncode == 0, result.stderr
    xml = tmp_path / "letter.xml"
    result = cli("ecms", str(draft), "--pdf", str(signed), "-o", str(xml))
    assert result.returncode == 0, result.stderr
    assert "ยังไม่ได้ลงนาม" not in result.stderr  # the signed PDF is recognised
    root = assert_valid(xml.read_bytes())
    main_letter = root.find(f".//{{{RAM}}}MainLetterBinaryObject")
    import base64

    assert base64.b64decode(main_letter.text) == signed.read_bytes()
    reply = tmp_path / "reply.dladraft.json"
    result = cli("ecms", "--read", str(xml), "-o", str(reply))
    assert result.returncode == 0, result.stderr
    checked = cli("check", str(reply))  # the reply is a valid letter draft: warnings only
    assert checked.returncode == 0, checked.stderr
    assert "ข้อผิดพลาด" not in checked.stderr
    data = json.loads(Path(reply).read_text(encoding="utf-8"))
    assert data["addressee"] == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"
