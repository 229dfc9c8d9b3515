"""A signature is not a signer (issue 13 item 5): ``dla-drafter verify`` exits 0 only when
the document is unchanged AND the signer's certificate chains to a trusted CA (the agency
profile's, plus ``--trust``) and is valid now; 3 when the document is unchanged but the
signer is not verified (saying whose certificate it claims to be and why); 1 when the
document was changed after signing — an update of only its /Info or XMP metadata included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from signing_ca import PASSPHRASE, SIGNER_NAME, make_pki, make_self_signed

from dla_drafter import signing
from dla_drafter.signing.keys import SignerKey


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dla_drafter", "verify", *args],
                          capture_output=True, stdin=subprocess.DEVNULL, text=True,
                          env=dict(env or os.environ, QT_QPA_PLATFORM="offscreen"),
                          timeout=180, encoding="utf-8")


def signed_by(exported, pki, tmp_path: Path, name: str) -> Path:
    """The exported letter signed with ``pki``'s signer key (built around load_pkcs12's
    checks, which refuse an expired or not-yet-valid key: a forger's tool would not)."""
    key = SignerKey(pki.signer_key, pki.signer, (pki.root,) if pki.root != pki.signer else ())
    path = tmp_path / name
    path.write_bytes(signing.sign_pdf(exported.data, key, None))
    return path


@pytest.fixture
def genuine(exported, pki, tmp_path) -> Path:
    return signed_by(exported, pki, tmp_path, "genuine.pdf")


def test_a_certificate_that_chains_to_the_trusted_root_exits_0(genuine, root_pem):
    result = run_cli(str(genuine), "--trust", str(root_pem))
    assert result.returncode == 0, result.stderr
    assert "ยืนยันแล้ว" in result.stdout and SIGNER_NAME in result.stdout
    assert "ยืนยันตัวผู้ลงนามแล้วทั้งหมด" in result.stdout and result.stderr == ""


def test_the_agency_profile_carries_the_office_s_trusted_cas(genuine, pki, tmp_path):
    """No --trust: the office's CAs come from the active agency profile."""
    config = tmp_path / "config"
    (config / "profiles").mkdir(parents=True)
    profile = {"format": "dla-drafter/profile@1", "profile_name": "สำนักงานทดสอบ",
               "name": "สำนักงานทดสอบ", "trusted_ca_certificates": [pki.root_pem().decode()]}
    (config / "profiles" / "office.json").write_text(json.dumps(profile, ensure_ascii=False),
                                                      encoding="utf-8")
    env = dict(os.environ, DLA_DRAFTER_CONFIG_DIR=str(config))
    result = run_cli(str(genuine), env=env)
    assert result.returncode == 0, result.stderr
    profile["trusted_ca_certificates"] = ["-----BEGIN CERTIFICATE-----\nnot base64\n"]
    (config / "profiles" / "office.json").write_text(json.dumps(profile, ensure_ascii=False),
                                                      encoding="utf-8")
    broken = run_cli(str(genuine), env=env)
    assert broken.returncode == 1
    assert "ใบรับรอง CA ที่เชื่อถือรายการที่ 1 ในโปรไฟล์ส่วนราชการ สำนักงานทดสอบ" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_a_self_signed_certificate_in_the_signer_s_name_is_not_verified(
        exported, tmp_path, root_pem):
    """The attack of the issue: a certificate anyone can make, in the real signer's name —
    with or without the office's real CA trusted, never exit 0."""
    forged = signed_by(exported, make_self_signed(SIGNER_NAME), tmp_path, "forged.pdf")
    for extra in ([], ["--trust", str(root_pem)]):
        result = run_cli(str(forged), *extra)
        assert result.returncode == 3, result.stderr
        assert "ไม่ถูกแก้ไขหลังลงนาม" in result.stdout  # the document itself is intact
        assert (f"ยืนยันตัวผู้ลงนามไม่ได้: ใบรับรองอ้างว่าเป็นของ {SIGNER_NAME} แต่เป็นใบรับรอง"
                "ที่ออกให้ตัวเอง (self-signed)") in result.stderr
        assert "Traceback" not in result.stderr
    english = run_cli(str(forged), "--lang", "en")
    assert f"the certificate claims to be {SIGNER_NAME}, but it is self-signed" in english.stderr


def test_an_expired_certificate_is_not_verified_and_says_expired(exported, tmp_path):
    old = make_pki(expired=True)
    path = signed_by(exported, old, tmp_path, "expired.pdf")
    trust = tmp_path / "old-root.pem"
    trust.write_bytes(old.root_pem())
    result = run_cli(str(path), "--trust", str(trust))
    assert result.returncode == 3, result.stderr
    assert "ใบรับรองหมดอายุแล้ว (ใช้ได้ถึง" in result.stderr
    assert f"อ้างว่าเป็นของ {SIGNER_NAME}" in result.stderr
    report = signing.verify_pdf(path.read_bytes(), [old.root])
    (sig,) = report.signatures
    assert sig.validity == "expired" and sig.unchanged and report.verdict == "unverified"
    without = run_cli(str(path))  # no CA at all: still says expired, not just "no CA"
    assert without.returncode == 3 and "หมดอายุแล้ว" in without.stderr


def test_a_certificate_not_yet_valid_is_not_verified_and_says_so(exported, tmp_path):
    early = make_pki(not_yet_valid=True)
    path = signed_by(exported, early, tmp_path, "early.pdf")
    trust = tmp_path / "early-root.pem"
    trust.write_bytes(early.root_pem())
    result = run_cli(str(path), "--trust", str(trust), "--lang", "en")
    assert result.returncode == 3, result.stderr
    assert "the certificate is not valid yet (valid from" in result.stderr
    assert "expired" not in result.stderr
    assert signing.verify_pdf(path.read_bytes(), [early.root]).signatures[0].validity == (
        "not_yet_valid")


def test_a_changed_document_exits_1(genuine, root_pem, tmp_path):
    data = bytearray(genuine.read_bytes())
    data[data.index(b"BT") + 3] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    result = run_cli(str(tampered), "--trust", str(root_pem))
    assert result.returncode == 1
    assert "แก้ไขหลังลงนาม" in result.stderr


def _info_update(data: bytes) -> bytes:
    """An incremental update that changes only the document information (/Info)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(data))
    writer.set_info(generic.DictionaryObject({
        generic.NameObject("/Title"): generic.TextStringObject("เรื่องที่ถูกเปลี่ยน"),
        generic.NameObject("/Author"): generic.TextStringObject("Mallory")}))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _xmp_update(data: bytes) -> bytes:
    """An incremental update that changes only the XMP metadata of the catalog."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(data))
    stream = generic.StreamObject(
        {generic.NameObject("/Type"): generic.NameObject("/Metadata"),
         generic.NameObject("/Subtype"): generic.NameObject("/XML")},
        stream_data=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">changed</x:xmpmeta>')
    writer.root["/Metadata"] = writer.add_object(stream)
    writer.update_root()
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("update", [_info_update, _xmp_update], ids=["info", "xmp"])
def test_an_update_of_only_the_metadata_after_signing_is_a_change(
        genuine, root_pem, pki, tmp_path, update):
    """pyHanko files such an update among long-term-validation updates and accepts it."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from dla_drafter.signing.keys import asn1_certificate

    changed = update(genuine.read_bytes())
    (embedded,) = PdfFileReader(BytesIO(changed)).embedded_signatures
    status = validate_pdf_signature(embedded, ValidationContext(
        trust_roots=[asn1_certificate(pki.root)], allow_fetching=False))
    assert status.bottom_line  # what pyHanko alone says: fine
    path = tmp_path / "changed.pdf"
    path.write_bytes(changed)
    result = run_cli(str(path), "--trust", str(root_pem))
    assert result.returncode == 1, result.stdout
    assert "มีการแก้ไขไฟล์หลังลงนาม: ข้อมูลเอกสาร" in result.stderr
    english = run_cli(str(path), "--trust", str(root_pem), "--lang", "en")
    assert "changed after signing" in english.stderr
    (sig,) = signing.verify_pdf(changed, [pki.root]).signatures
    assert sig.metadata_changed and sig.modified_after and not sig.unchanged


def test_a_second_signature_s_own_metadata_update_is_no_change(genuine, pki, root_pem):
    """Signing again updates /Info (producer, date) inside the signed revision: signed."""
    other = make_pki(signer_name="นางสาวศิริพร ใจดีงาม")
    second = signing.sign_pdf(genuine.read_bytes(),
                              signing.load_pkcs12_data(other.p12(), PASSPHRASE), None)
    report = signing.verify_pdf(second, [pki.root, other.root])
    assert report.verdict == "verified"
    assert [s.metadata_changed for s in report.signatures] == [False, False]


def test_help_documents_the_exit_codes():
    result = subprocess.run([sys.executable, "-m", "dla_drafter", "verify", "--help"],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0
    for line in ("  0  ", "  3  ", "  1  ", "  2  "):
        assert line in result.stdout
    assert "--trust" in result.stdout and "โปรไฟล์ส่วนราชการ" in result.stdout
