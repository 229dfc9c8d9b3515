"""Check the signatures of a PDF: intact, valid, by whom, when, and changed since or not.

pyHanko's validator does the work. Trust is checked only against the CA certificates the
caller gives (the office's, or the Thai national root): no system trust store and no
network (no OCSP/CRL fetching), so the answer is the same on every machine and offline.
Without trust roots the report says the chain of trust was not checked, and a signature that
is intact and cryptographically valid counts as good.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO

from cryptography import x509

from .errors import SigningError
from .keys import asn1_certificate

# pyHanko logs expected outcomes (no path to a trust root when none was given) as warnings
# with tracebacks; the reports say it in words, so keep them off a bare terminal. An app that
# configures logging still receives them.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class SignatureReport:
    """One signature. ``trusted`` is None when no trust roots were given (not checked);
    ``modified_after`` is True when the file was changed after this signature in a way that
    is not just adding later signatures; ``pades`` is True for the ETSI.CAdES.detached
    sub-filter; ``readable`` is False when the signature data itself is damaged (then nothing
    else about it could be checked); ``trust_problem`` is pyHanko's AdES sub-indication name
    when trust failed (``EXPIRED``, ``REVOKED``, ``NO_CERTIFICATE_CHAIN_FOUND`` …)."""

    field_name: str
    signer_name: str
    signing_time: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool | None
    modified_after: bool
    pades: bool
    readable: bool = True
    trust_problem: str | None = None

    @property
    def ok(self) -> bool:
        return (self.intact and self.valid and self.trusted is not False
                and not self.modified_after)

    def problems(self, lang: str = "th") -> list[str]:
        """What is wrong, in ``lang`` ("th" or "en"), in the order a reader should fix it."""
        th = lang == "th"
        out = []
        if not self.readable:
            return ["ข้อมูลลายมือชื่อเสียหาย อ่านไม่ได้" if th else
                    "the signature data is damaged and cannot be read"]
        if not self.intact:
            out.append("เนื้อหาถูกแก้ไขหลังลงนาม (ลายมือชื่อไม่ตรงกับเนื้อหา)" if th else
                       "the content was changed after signing (the digest does not match)")
        elif not self.valid:
            out.append("ลายมือชื่อไม่ถูกต้องตามหลักการเข้ารหัส" if th else
                       "the signature is cryptographically invalid")
        if self.modified_after:
            out.append("มีการแก้ไขไฟล์หลังลงนาม" if th else
                       "the file was modified after signing")
        if self.trusted is False:
            out.append(_trust_message(self.trust_problem, th))
        return out


_EXPIRED = {"EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED", "NOT_YET_VALID"}
_REVOKED = {"REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE"}


def _trust_message(problem: str | None, th: bool) -> str:
    """Why the chain of trust failed, in the words a clerk can act on."""
    if problem in _EXPIRED:
        return ("ใบรับรองของผู้ลงนามหมดอายุหรือยังไม่เริ่มใช้ ณ เวลาที่ตรวจ" if th else
                "the signer's certificate is expired or not yet valid at validation time")
    if problem in _REVOKED:
        return ("ใบรับรองของผู้ลงนามถูกเพิกถอนแล้ว" if th else
                "the signer's certificate has been revoked")
    return ("ใบรับรองของผู้ลงนามไม่ได้ออกโดยผู้ออกใบรับรองที่เชื่อถือ" if th else
            "the signer's certificate does not chain to a trusted CA")


@dataclass(frozen=True)
class Report:
    """All signatures of a file, in signing order; ``trust_checked`` is whether trust roots
    were given."""

    signatures: list[SignatureReport] = field(default_factory=list)
    trust_checked: bool = False

    @property
    def ok(self) -> bool:
        """Signed, and every signature intact, valid, trusted (when checked), unchanged."""
        return bool(self.signatures) and all(s.ok for s in self.signatures)


def _signer_name(cert) -> str:
    """Common name of an asn1crypto certificate, else its whole subject."""
    subject = cert.subject.native
    return subject.get("common_name") or cert.subject.human_friendly


def _modified_after(status) -> bool:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return False
    level = status.modification_level
    # later signatures fill their own fields: FORM_FILLING; anything beyond is a change
    return level is None or level > ModificationLevel.FORM_FILLING or not status.docmdp_ok


def load_trust_roots(paths: Sequence[str]) -> list[x509.Certificate]:
    """CA certificates from PEM or DER files (a PEM file may hold several)."""
    roots: list[x509.Certificate] = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            why = exc.strerror or exc.__class__.__name__
            raise SigningError(f"อ่านไฟล์ใบรับรอง {path} ไม่ได้ ({why})",
                               f"cannot read the certificate file {path} ({why})") from exc
        try:
            if b"-----BEGIN" in data:
                roots.extend(x509.load_pem_x509_certificates(data))
            else:
                roots.append(x509.load_der_x509_certificate(data))
        except ValueError as exc:
            raise SigningError(
                f"ไฟล์ {path} ไม่ใช่ใบรับรอง (PEM หรือ DER)",
                f"{path} is not a certificate file (PEM or DER)",
            ) from exc
    return roots


def verify_pdf(data: bytes, trust_roots: Sequence[x509.Certificate] | None = None) -> Report:
    """The signatures in ``data``; an unsigned PDF gives a report with none (``ok`` False).

    Raises :class:`SigningError` when ``data`` is not a readable PDF.
    """
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    if not data.lstrip()[:5] == b"%PDF-":
        raise SigningError("ไฟล์นี้ไม่ใช่ PDF", "this file is not a PDF")
    roots = [asn1_certificate(c) for c in trust_roots or ()]
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        filled = list(enumerate_sig_fields(reader, filled_status=True))
    except (PdfError, KeyError, ValueError, TypeError) as exc:
        raise SigningError(f"อ่านไฟล์ PDF ไม่ได้ ไฟล์อาจเสียหาย ({exc})",
                           f"cannot read the PDF; it may be damaged ({exc})") from exc
    checked: list[tuple[int, SignatureReport]] = []
    broken: list[SignatureReport] = []
    for name, _value, sig_field in filled:
        validated = _validate(reader, sig_field, name, roots)
        if validated is not None:
            checked.append(_report(*validated, name, roots, data))
        else:
            broken.append(SignatureReport(
                field_name=name, signer_name="", signing_time=None, intact=False,
                valid=False, trusted=False if roots else None, modified_after=False,
                pades=False, readable=False))
    ordered = [report for _rev, report in sorted(checked, key=lambda pair: pair[0])]
    return Report(ordered + broken, trust_checked=bool(roots))


def _tampered_outside_digest(sig, data: bytes) -> bool:
    """Bytes pyHanko's digest check does not see, changed or added after signing.

    The hex /Contents is reserved larger than the signature and padded with zeros, and the
    digest skips it; pyHanko also accepts junk after the last signed byte when no later
    revision follows. Neither is ever written by a signer, so either means the file was
    edited after signing.
    """
    from asn1crypto import parser

    contents = bytes(sig.sig_object["/Contents"])
    _class, _method, _tag, header, body, trailer = parser.parse(contents, strict=False)
    if contents[len(header) + len(body) + len(trailer):].strip(b"\x00"):
        return True
    if sig.signed_revision == sig.reader.xrefs.total_revisions - 1:  # nothing signed after
        byte_range = [int(n) for n in sig.sig_object["/ByteRange"]]
        return bool(data[byte_range[2] + byte_range[3]:].strip(b"\r\n\t\x0c \x00"))
    return False


def _validate(reader, sig_field, name: str, roots: list):
    """(embedded signature, pyHanko's status), or None when the signature cannot be parsed."""
    from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        sig = EmbeddedPdfSignature(reader, sig_field, name)
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        return sig, validate_pdf_signature(sig, context)
    except Exception:  # noqa: BLE001 - only pyHanko runs here
        # pyHanko raises many kinds (asn1crypto's ValueError, PdfError, validation errors)
        # for a mangled /Contents; all mean the same to a reader: this signature is broken
        return None


def _report(sig, status, name: str, roots: list, data: bytes) -> tuple[int, SignatureReport]:
    """(signed revision, report) for one validated signature."""
    from pyhanko.sign.fields import SigSeedSubFilter

    return sig.signed_revision, SignatureReport(
        field_name=name,
        signer_name=_signer_name(status.signing_cert),
        signing_time=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted if roots else None,
        trust_problem=(status.trust_problem_indic.name
                       if roots and not status.trusted and status.trust_problem_indic
                       else None),
        modified_after=(_modified_after(status)
                        or _tampered_outside_digest(sig, data)),
        pades=sig.sig_object.get("/SubFilter") == SigSeedSubFilter.PADES.value,
    )
