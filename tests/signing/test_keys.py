"""Loading the signer's PKCS#12 file: each usual mistake gets its own clear message."""

from __future__ import annotations

import pytest
from signing_ca import PASSPHRASE, SIGNER_NAME, make_pki

from dla_drafter.signing import SigningError, load_pkcs12_data, load_pkcs12_file


def test_loads_key_certificate_and_chain(pki):
    key = load_pkcs12_data(pki.p12(), PASSPHRASE)
    assert key.name == SIGNER_NAME
    assert key.certificate == pki.signer
    assert key.chain == (pki.root,)


def test_a_file_without_passphrase_loads(pki):
    assert load_pkcs12_data(pki.p12(""), "").name == SIGNER_NAME


def message(call) -> SigningError:
    with pytest.raises(SigningError) as caught:
        call()
    return caught.value


def test_wrong_passphrase(pki):
    error = message(lambda: load_pkcs12_data(pki.p12(), "ผิด", source="signer.p12"))
    assert "รหัสผ่านไม่ถูกต้อง" in error.message_th and "signer.p12" in error.message_th
    assert "wrong passphrase" in error.message_en


def test_missing_passphrase_says_one_is_needed(pki):
    error = message(lambda: load_pkcs12_data(pki.p12(), ""))
    assert "ต้องใส่รหัสผ่าน" in error.message_th


def test_not_a_pkcs12_file(pki):
    error = message(lambda: load_pkcs12_data(pki.root_pem(), PASSPHRASE, source="root.pem"))
    assert "ไม่ใช่ไฟล์ใบรับรองแบบ PKCS#12" in error.message_th
    assert "root.pem" in error.message_en


def test_no_private_key(pki):
    error = message(lambda: load_pkcs12_data(pki.p12(with_key=False), PASSPHRASE))
    assert "ไม่มีกุญแจส่วนตัว" in error.message_th and "private key" in error.message_en


def test_expired_certificate():
    old = make_pki(expired=True)
    error = message(lambda: load_pkcs12_data(old.p12(), PASSPHRASE))
    assert "หมดอายุ" in error.message_th and SIGNER_NAME in error.message_th
    assert "expired" in error.message_en


def test_unreadable_file(tmp_path):
    error = message(lambda: load_pkcs12_file(tmp_path / "none.p12", PASSPHRASE))
    assert "none.p12" in error.message_th
