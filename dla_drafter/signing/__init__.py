"""PAdES signatures on exported letters: sign with a PKCS#12 key, verify, guard signed files.

No Qt here: the command line (``dla-drafter sign`` / ``verify``) and the app's "ลงนาม" button
call the same few functions. A thin UI does, in a worker thread::

    from dla_drafter import signing

    key = signing.load_pkcs12_file(p12_path, passphrase)   # SigningError says what is wrong
    box = signing.sign_file(pdf_path, out_path, key, pages, reason=None, location=None)
    # pages: the Pages pipeline.make_outputs made for that PDF (or typeset_letter of the same letter
    # and settings): visible above the signer's name; None: invisible. Written atomically,
    # never over the input or another signed PDF. Returns the box used (None: invisible).

    roots = signing.certificates_from_pem(profile.trusted_ca_certificates, "…")  # the office's
    report = signing.verify_pdf(data, roots)      # Report: .verdict, .unchanged, .ok
    for sig in report.signatures:
        sig.signer_name          # whose certificate it CLAIMS to be
        sig.unchanged            # the document is as signed
        sig.signer_verified      # chains to one of ``roots`` and is valid now
        sig.document_problems("th"), sig.signer_problems("th")

A valid signature is not a known signer: ``report.verdict`` is "verified" only when the
signer is verified too; "unverified" (unchanged, signer not verified), "changed", "unsigned".
This package never reads the settings: the caller passes the profile's CAs.

``sign_pdf(data, key, box)`` is the bytes-to-bytes step underneath. Every failure is a
:class:`SigningError`, a ``DrafterError`` (``message_th``/``message_en``, ``problems``); none
is a traceback.
Numbering comes before signing: a signed PDF is never changed afterwards, so
``pipeline.write_outputs`` refuses to write over one (:class:`SignedPdfError`, an ``OSError``
with the same two messages), using the cheap :func:`is_signed_pdf` byte scan.

Modules: ``keys`` (PKCS#12 loading and its errors), ``placement`` (the box in the signature
gap above the signer's name, from the typeset pages), ``sign`` (pyHanko PAdES B-B with a Thai
appearance in Sarabun), ``verify`` (pyHanko's validator, offline), ``detect`` (the guard).
pyHanko and cryptography are imported only when signing or verifying, so the export guard
costs nothing at start-up. pyHanko runs its own ``asyncio.run`` inside ``sign_pdf`` and
``verify_pdf``: call them from a plain worker thread (a QThread/QThreadPool task is fine), not
from inside a running asyncio loop. Signing takes about a quarter of a second once pyHanko is
loaded (``benchmarks/signing.py``); its first import takes one to two seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .detect import SignedPdfError, is_signed_pdf, refuse_signed
from .errors import SigningError
from .placement import SignatureBox, signature_box

if TYPE_CHECKING:
    from .keys import SignerKey, load_pkcs12_data, load_pkcs12_file
    from .sign import sign_file, sign_pdf
    from .verify import (
        Report,
        SignatureReport,
        certificates_from_pem,
        load_trust_roots,
        verify_pdf,
    )

_LAZY = {
    "SignerKey": "keys", "load_pkcs12_data": "keys", "load_pkcs12_file": "keys",
    "sign_pdf": "sign", "sign_file": "sign",
    "Report": "verify", "SignatureReport": "verify", "load_trust_roots": "verify",
    "verify_pdf": "verify", "certificates_from_pem": "verify",
}

__all__ = [
    "Report", "SignatureBox", "SignatureReport", "SignedPdfError", "SignerKey",
    "SigningError", "certificates_from_pem", "is_signed_pdf", "load_pkcs12_data",
    "load_pkcs12_file", "load_trust_roots", "refuse_signed", "sign_file", "sign_pdf",
    "signature_box", "verify_pdf",
]


def __getattr__(name: str):
    """Import the heavy modules (cryptography, pyHanko) on first use."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
