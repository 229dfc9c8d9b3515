"""The signer's key and certificate, loaded from a PKCS#12 file (.p12/.pfx).

Thai CAs (e.g. TDID, INET, the Comptroller General's Department) issue the signer's key as a
PKCS#12 file protected by a passphrase, with the issuing CA's certificates inside. Loading it
here, with :mod:`cryptography` rather than through pyHanko's loader, lets every failure say
which of the usual mistakes it is: not a PKCS#12 file at all, the wrong passphrase, a file
holding only certificates, or a certificate that has expired or is not valid yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from .errors import SigningError

# OID 1.2.840.113549.1.7.1 (PKCS#7 data) DER-encoded: the ContentInfo every PFX starts with.
_PKCS7_DATA_OID = bytes.fromhex("06092a864886f70d010701")


@dataclass(frozen=True)
class SignerKey:
    """A private key with its certificate and the CA certificates that came with it."""

    private_key: pkcs12.PKCS12PrivateKeyTypes
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def name(self) -> str:
        """The signer's name as the certificate states it (its common name)."""
        return certificate_name(self.certificate)

    def pyhanko_signer(self):
        """pyHanko's signer for this key, with the chain registered so it is embedded."""
        from asn1crypto import keys as asn1_keys
        from cryptography.hazmat.primitives import serialization
        from pyhanko.sign.signers import SimpleSigner
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        key_der = self.private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        store = SimpleCertificateStore()
        store.register_multiple(asn1_certificate(c) for c in self.chain)
        return SimpleSigner(
            signing_cert=asn1_certificate(self.certificate),
            signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
            cert_registry=store,
        )


def asn1_certificate(cert: x509.Certificate):
    """The same certificate as asn1crypto's object, the form pyHanko works with."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def certificate_name(cert: x509.Certificate) -> str:
    """Common name, else the whole subject: what a reader recognises the signer by."""
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if names:
        value = names[0].value
        return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    return cert.subject.rfc4514_string()


def _looks_like_pkcs12(data: bytes) -> bool:
    """A PFX is a DER SEQUENCE holding version 3 and a PKCS#7 data ContentInfo near the start;
    telling this apart from garbage separates "wrong passphrase" from "wrong file"."""
    if len(data) < 32 or data[0] != 0x30:
        return False
    return b"\x02\x01\x03" in data[:8] and _PKCS7_DATA_OID in data[:40]


def _thai_date(moment: dt.datetime) -> str:
    from ..text.thaidate import ce_to_be, format_thai_date

    return format_thai_date(moment.day, moment.month, ce_to_be(moment.year))


def load_pkcs12_data(
    data: bytes,
    passphrase: str | bytes | None,
    *,
    source: str = "PKCS#12",
    now: dt.datetime | None = None,
) -> SignerKey:
    """The signer in ``data``; :class:`SigningError` says what is wrong with it.

    ``source`` names the file in messages. An empty passphrase is tried as "none" too, since
    files exported without one differ between programs. ``now`` is for tests.
    """
    if isinstance(passphrase, str):
        passphrase = passphrase.encode("utf-8")
    if not _looks_like_pkcs12(data):
        raise SigningError(
            f"{source} ไม่ใช่ไฟล์ใบรับรองแบบ PKCS#12 (.p12 หรือ .pfx) "
            "ใช้ไฟล์ที่ได้รับจากผู้ให้บริการออกใบรับรอง",
            f"{source} is not a PKCS#12 file (.p12 or .pfx); use the file your CA issued",
        )
    tries = [passphrase] if passphrase else [b"", None]
    loaded = None
    for attempt in tries:
        try:
            loaded = pkcs12.load_pkcs12(data, attempt)
            break
        except (ValueError, TypeError):
            continue
    if loaded is None and not passphrase:
        raise SigningError(
            f"ไฟล์ใบรับรอง {source} มีรหัสผ่าน ต้องใส่รหัสผ่านก่อนลงนาม",
            f"the certificate file {source} is protected; a passphrase is needed",
        )
    if loaded is None:
        raise SigningError(
            f"เปิดไฟล์ใบรับรอง {source} ไม่ได้: รหัสผ่านไม่ถูกต้อง",
            f"cannot open the certificate file {source}: wrong passphrase",
        )
    if loaded.key is None:
        raise SigningError(
            f"ไฟล์ {source} ไม่มีกุญแจส่วนตัว (private key) ใช้ลงนามไม่ได้ "
            "ใช้ไฟล์ที่ส่งออกพร้อมกุญแจส่วนตัว",
            f"{source} holds no private key, so it cannot sign; "
            "export the certificate together with its private key",
        )
    if loaded.cert is None:
        raise SigningError(
            f"ไฟล์ {source} ไม่มีใบรับรองของผู้ลงนาม",
            f"{source} holds no signer certificate",
        )
    cert = loaded.cert.certificate
    now = now or dt.datetime.now(dt.UTC)
    if cert.not_valid_after_utc < now:
        raise SigningError(
            f"ใบรับรองของ {certificate_name(cert)} ในไฟล์ {source} หมดอายุแล้วเมื่อ "
            f"{_thai_date(cert.not_valid_after_utc)} ขอใบรับรองใหม่จากผู้ให้บริการ",
            f"the certificate of {certificate_name(cert)} in {source} expired on "
            f"{cert.not_valid_after_utc:%Y-%m-%d}; ask your CA for a new one",
        )
    if cert.not_valid_before_utc > now:
        raise SigningError(
            f"ใบรับรองของ {certificate_name(cert)} ในไฟล์ {source} ยังไม่เริ่มใช้ "
            f"(เริ่ม {_thai_date(cert.not_valid_before_utc)}) ตรวจวันที่ของเครื่อง",
            f"the certificate of {certificate_name(cert)} in {source} is not valid before "
            f"{cert.not_valid_before_utc:%Y-%m-%d}; check the computer's date",
        )
    chain = tuple(c.certificate for c in loaded.additional_certs)
    return SignerKey(loaded.key, cert, chain)


def load_pkcs12_file(
    path: str | Path, passphrase: str | bytes | None, *, now: dt.datetime | None = None
) -> SignerKey:
    """:func:`load_pkcs12_data` for a file; an unreadable file is a :class:`SigningError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        why = exc.strerror or exc.__class__.__name__
        raise SigningError(
            f"อ่านไฟล์ใบรับรอง {path} ไม่ได้ ({why})",
            f"cannot read the certificate file {path} ({why})",
        ) from exc
    return load_pkcs12_data(data, passphrase, source=str(path), now=now)
