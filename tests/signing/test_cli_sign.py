"""``dla-drafter sign`` and ``dla-drafter verify`` end to end, as a clerk runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from signing_ca import PASSPHRASE, SIGNER_NAME

from dla_drafter import signing

MEMO = Path(__file__).resolve().parents[2] / "examples" / "memo-2569.dladraft.json"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "dla_drafter", *args], capture_output=True,
                          stdin=subprocess.DEVNULL, text=True, env=env, timeout=180,
                          encoding="utf-8")


@pytest.fixture
def work(exported, p12_file, tmp_path):
    """The exported letter and a passphrase file in a fresh folder."""
    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(exported.data)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return pdf, secret, p12_file


def test_sign_with_draft_then_verify(work, root_pem, pki, exported):
    pdf, secret, p12 = work
    out = pdf.with_name("memo-signed.pdf")
    result = run_cli("sign", str(pdf), "-o", str(out), "--p12", str(p12),
                     "--passphrase-file", str(secret), "--draft", str(MEMO), "--bundled-font",
                     "--reason", "อนุมัติ")
    assert result.returncode == 0, result.stderr
    assert SIGNER_NAME in result.stdout and "มองเห็นได้ หน้า 1" in result.stdout
    assert pdf.read_bytes() == exported.data  # the input is left alone

    report = signing.verify_pdf(out.read_bytes(), [pki.root])
    assert report.ok
    box = signing.signature_box(exported.pages)
    widget = next(a.get_object() for a in PdfReader(BytesIO(out.read_bytes())).pages[0]["/Annots"]
                  if a.get_object().get("/FT") == "/Sig")
    assert [float(v) for v in widget["/Rect"]] == pytest.approx(list(box.rect), abs=0.01)

    # without a trusted CA the document checks out but the signer is not verified: exit 3
    checked = run_cli("verify", str(out))
    assert checked.returncode == 3, checked.stderr
    assert SIGNER_NAME in checked.stdout and "ไม่ถูกแก้ไขหลังลงนาม" in checked.stdout
    assert f"ยืนยันตัวผู้ลงนามไม่ได้: ใบรับรองอ้างว่าเป็นของ {SIGNER_NAME}" in checked.stderr

    trusted = run_cli("verify", str(out), "--trust", str(root_pem))
    assert trusted.returncode == 0, trusted.stderr
    assert "ผู้ลงนาม: ยืนยันแล้ว ใบรับรองออกโดย CA ทดสอบ Test Root" in trusted.stdout
    assert trusted.stderr == ""


def test_verify_reports_a_changed_byte(work, signer_key, tmp_path):
    pdf, _secret, _p12 = work
    signed = bytearray(signing.sign_pdf(pdf.read_bytes(), signer_key, None))
    signed[signed.index(b"BT") + 3] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(signed))
    result = run_cli("verify", str(tampered))
    assert result.returncode == 1
    assert "ข้อผิดพลาด:" in result.stderr and "แก้ไขหลังลงนาม" in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_passphrase_is_a_clear_message_and_writes_nothing(work, tmp_path):
    pdf, secret, p12 = work
    secret.write_text("ผิด\n", encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = run_cli("sign", str(pdf), "-o", str(out), "--p12", str(p12),
                     "--passphrase-file", str(secret))
    assert result.returncode == 1
    assert result.stderr.strip() == f"ข้อผิดพลาด: เปิดไฟล์ใบรับรอง {p12} ไม่ได้: รหัสผ่านไม่ถูกต้อง"
    assert not out.exists()
    english = run_cli("sign", str(pdf), "-o", str(out), "--p12", str(p12),
                      "--passphrase-file", str(secret), "--lang", "en")
    assert "wrong passphrase" in english.stderr


def test_without_a_terminal_or_file_the_passphrase_is_empty(work, tmp_path):
    pdf, _secret, p12 = work
    result = run_cli("sign", str(pdf), "-o", str(tmp_path / "out.pdf"), "--p12", str(p12))
    assert result.returncode == 1
    assert "ต้องใส่รหัสผ่าน" in result.stderr


def test_without_draft_the_signature_is_invisible_and_says_so(work, pki):
    pdf, secret, p12 = work
    out = pdf.with_name("invisible.pdf")
    result = run_cli("sign", str(pdf), "-o", str(out), "--p12", str(p12),
                     "--passphrase-file", str(secret))
    assert result.returncode == 0, result.stderr
    assert "คำเตือน: ไม่ได้ระบุ --draft จึงลงนามแบบมองไม่เห็น" in result.stderr
    assert "มองไม่เห็น" in result.stdout
    assert signing.verify_pdf(out.read_bytes(), [pki.root]).ok


def test_sign_never_writes_over_its_input(work):
    pdf, secret, p12 = work
    before = pdf.read_bytes()
    result = run_cli("sign", str(pdf), "-o", str(pdf), "--p12", str(p12),
                     "--passphrase-file", str(secret))
    assert result.returncode == 1
    assert "ไฟล์ต้นฉบับ" in result.stderr
    assert pdf.read_bytes() == before


def test_verify_an_unsigned_pdf_fails(work):
    pdf, _secret, _p12 = work
    result = run_cli("verify", str(pdf))
    assert result.returncode == 1
    assert "ไม่มีลายมือชื่ออิเล็กทรอนิกส์" in result.stderr
