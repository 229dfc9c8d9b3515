"""A throw-away PKI made in the test: a root CA and a signer certificate, as a Thai CA issues
them (digitalSignature + nonRepudiation), packed into a PKCS#12 file with a passphrase."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSPHRASE = "รหัส-ผ่าน 1234"
SIGNER_NAME = "นายสมชาย ใจดี"


@dataclass(frozen=True)
class Pki:
    root: x509.Certificate
    root_key: rsa.RSAPrivateKey
    signer: x509.Certificate
    signer_key: rsa.RSAPrivateKey
    intermediates: tuple[x509.Certificate, ...] = ()

    def p12(self, passphrase: str = PASSPHRASE, *, with_key: bool = True) -> bytes:
        encryption = (serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
                      if passphrase else serialization.NoEncryption())
        return pkcs12.serialize_key_and_certificates(
            b"signer", self.signer_key if with_key else None,
            self.signer if with_key else None,
            [*self.intermediates, self.root] if with_key else [self.root, self.signer],
            encryption)

    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _usage(*, signer: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signer, content_commitment=signer, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=not signer,
        crl_sign=not signer, encipher_only=False, decipher_only=False)


def make_pki(*, root_name: str = "CA ทดสอบ Test Root",
             signer_name: str = SIGNER_NAME, expired: bool = False,
             not_yet_valid: bool = False, curve: bool = False,
             intermediate: bool = False) -> Pki:
    """Root CA valid for a year; the signer valid now, or ``expired`` yesterday, or
    ``not_yet_valid`` until tomorrow; ``curve`` makes the signer's key ECDSA P-256 instead of
    RSA; ``intermediate`` puts an issuing CA between root and signer, as Thai CAs do."""
    now = dt.datetime.now(dt.UTC)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = (
        x509.CertificateBuilder()
        .subject_name(_name(root_name)).issuer_name(_name(root_name))
        .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=30)).not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(signer=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()),
                       critical=False)
        .sign(root_key, hashes.SHA256())
    )
    issuer, issuer_key, chain = root, root_key, ()
    if intermediate:
        issuer_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        issuer = (
            x509.CertificateBuilder()
            .subject_name(_name("Issuing CA ทดสอบ")).issuer_name(root.subject)
            .public_key(issuer_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=30))
            .not_valid_after(now + dt.timedelta(days=300))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_usage(signer=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(issuer_key.public_key()),
                           critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
                critical=False)
            .sign(root_key, hashes.SHA256())
        )
        chain = (issuer,)
    key = (ec.generate_private_key(ec.SECP256R1()) if curve
           else rsa.generate_private_key(public_exponent=65537, key_size=2048))
    start = now + dt.timedelta(days=1) if not_yet_valid else now - dt.timedelta(days=20)
    end = now - dt.timedelta(days=1) if expired else now + dt.timedelta(days=90)
    signer = (
        x509.CertificateBuilder()
        .subject_name(_name(signer_name)).issuer_name(issuer.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(signer=True), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False)
        .sign(issuer_key, hashes.SHA256())
    )
    return Pki(root, root_key, signer, key, chain)


def make_self_signed(signer_name: str = SIGNER_NAME) -> Pki:
    """What anyone can make: an end-entity certificate in the signer's name, signed by its
    own key (no CA), usable for signatures. ``root`` is the certificate itself."""
    now = dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(signer_name)).issuer_name(_name(signer_name))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=90))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(signer=True), critical=True)
        .sign(key, hashes.SHA256())
    )
    return Pki(cert, key, cert, key)
