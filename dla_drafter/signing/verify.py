"""Check the signatures of a PDF: is the document as signed, and is the signer verified?

Two questions, answered separately because a valid signature is not a known signer: anyone
can make a certificate that says "นายสมชาย ใจดี" and sign with it.

* **The document** — intact (the digest matches), cryptographically valid, and not changed
  after signing: pyHanko's diff analysis, plus what it lets through (padding bytes of
  ``/Contents``, bytes after the signed range, and an incremental update that only changes the
  document information ``/Info`` or the XMP ``/Metadata`` — pyHanko files those under
  long-term-validation updates; nobody signed them).
* **The signer** — the certificate chains to a trusted root (the office's CAs, which the agency
  profile carries, and those the caller adds) and is valid now: not expired, not before its
  start, not revoked. Without any trust root the signer cannot be verified, and the report
  says so and whose certificate it *claims* to be.

pyHanko's validator does the work offline: no system trust store, no OCSP/CRL fetching, so
the answer is the same on every machine.
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
    """One signature.

    The document: ``intact`` (digest), ``valid`` (the signature itself), ``modified_after``
    (changed after this signature other than by later signatures), ``metadata_changed`` (the
    change found is the /Info or XMP metadata in an update nobody signed, and nothing else),
    ``readable`` (False: the signature data is damaged and nothing else could be checked).

    The signer: ``signer_name`` is the name the certificate *claims*; ``trusted`` is None when
    no trust roots were given (not checked), else whether it chains to one; ``trust_problem``
    is pyHanko's AdES sub-indication when trust failed (``EXPIRED``, ``REVOKED`` …);
    ``issuer_name``, ``self_signed``, ``not_before``/``not_after`` describe the certificate;
    ``validity`` is "expired", "not_yet_valid" or None at the time of checking.
    """

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
    metadata_changed: bool = False
    issuer_name: str = ""
    self_signed: bool = False
    not_before: dt.datetime | None = None
    not_after: dt.datetime | None = None
    validity: str | None = None

    @property
    def unchanged(self) -> bool:
        """The document is as it was signed: intact, valid, nothing changed since."""
        return self.readable and self.intact and self.valid and not self.modified_after

    @property
    def signer_verified(self) -> bool:
        """The certificate chains to a trusted root and is valid now."""
        return self.trusted is True and self.validity is None

    @property
    def ok(self) -> bool:
        """Both: the document unchanged and the signer verified."""
        return self.unchanged and self.signer_verified

    def document_problems(self, lang: str = "th") -> list[str]:
        """What is wrong with the document since signing ([] when unchanged)."""
        th = lang == "th"
        if not self.readable:
            return ["ข้อมูลลายมือชื่อเสียหาย อ่านไม่ได้" if th else
                    "the signature data is damaged and cannot be read"]
        out = []
        if not self.intact:
            out.append("เนื้อหาถูกแก้ไขหลังลงนาม (ลายมือชื่อไม่ตรงกับเนื้อหา)" if th else
                       "the content was changed after signing (the digest does not match)")
        elif not self.valid:
            out.append("ลายมือชื่อไม่ถูกต้องตามหลักการเข้ารหัส" if th else
                       "the signature is cryptographically invalid")
        if self.metadata_changed:
            out.append("มีการแก้ไขไฟล์หลังลงนาม: ข้อมูลเอกสาร (ชื่อเรื่อง ผู้สร้าง … ใน /Info "
                       "หรือ XMP) ถูกเปลี่ยนโดยไม่มีผู้ลงนาม" if th else
                       "the file was changed after signing: its document information "
                       "(title, author … in /Info or XMP) was changed and nobody signed that")
        elif self.modified_after:
            out.append("มีการแก้ไขไฟล์หลังลงนาม" if th else
                       "the file was changed after signing")
        return out

    def signer_problems(self, lang: str = "th") -> list[str]:
        """Why the signer is not verified ([] when verified), naming whose certificate it
        claims to be."""
        if not self.readable or self.signer_verified:
            return []
        th = lang == "th"
        name = self.signer_name or ("ไม่ทราบชื่อ" if th else "an unknown name")
        reasons = []
        if self.validity == "expired":
            when = _day(self.not_after, lang)
            reasons.append(f"ใบรับรองหมดอายุแล้ว (ใช้ได้ถึง {when})" if th else
                           f"the certificate has expired (valid until {when})")
        elif self.validity == "not_yet_valid":
            when = _day(self.not_before, lang)
            reasons.append(f"ใบรับรองยังไม่เริ่มใช้ (เริ่มใช้ {when})" if th else
                           f"the certificate is not valid yet (valid from {when})")
        if self.trust_problem in _REVOKED:
            reasons.append("ใบรับรองถูกเพิกถอนแล้ว" if th else "the certificate has been revoked")
        if self.self_signed:
            reasons.append("เป็นใบรับรองที่ออกให้ตัวเอง (self-signed) ใครก็สร้างชื่อนี้ได้" if th
                           else "it is self-signed: anyone can make one with this name")
        if self.trusted is None:
            reasons.append("ไม่มีรายการผู้ออกใบรับรองที่เชื่อถือให้ตรวจ (ตั้งในโปรไฟล์ส่วนราชการ "
                           "หรือระบุ --trust)" if th else
                           "no trusted CA was given to check it against (set the office's CAs "
                           "in the agency profile, or give --trust)")
        elif (self.trusted is False and not self.self_signed
              and self.trust_problem not in _EXPIRED | _REVOKED):
            issuer = self.issuer_name or "-"
            reasons.append(f"ไม่ได้ออกโดยผู้ออกใบรับรองที่เชื่อถือ (ผู้ออก: {issuer})" if th else
                           f"it does not chain to a trusted CA (issuer: {issuer})")
        if not reasons:  # e.g. expired at pyHanko's check of an issuing CA
            reasons.append("ตรวจสายใบรับรองไม่ผ่าน" if th else "the certificate chain failed")
        joined = "; ".join(reasons)
        return [f"ยืนยันตัวผู้ลงนามไม่ได้: ใบรับรองอ้างว่าเป็นของ {name} แต่{joined}" if th else
                f"the signer is not verified: the certificate claims to be {name}, but "
                f"{joined}"]

    def problems(self, lang: str = "th") -> list[str]:
        """Everything wrong, document first (the order a reader should act on)."""
        return self.document_problems(lang) + self.signer_problems(lang)


_EXPIRED = {"EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED", "NOT_YET_VALID"}
_REVOKED = {"REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE"}


def _day(moment: dt.datetime | None, lang: str) -> str:
    if moment is None:
        return "-"
    if lang == "en":
        return moment.date().isoformat()
    from ..text.thaidate import ce_to_be, format_thai_date

    return format_thai_date(moment.day, moment.month, ce_to_be(moment.year), digits="arabic")


@dataclass(frozen=True)
class Report:
    """All signatures of a file, in signing order; ``trust_checked`` is whether trust roots
    were given."""

    signatures: list[SignatureReport] = field(default_factory=list)
    trust_checked: bool = False

    @property
    def unchanged(self) -> bool:
        """Signed, and the document is as every signer signed it."""
        return bool(self.signatures) and all(s.unchanged for s in self.signatures)

    @property
    def ok(self) -> bool:
        """Signed, every signature unchanged and its signer verified."""
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    @property
    def verdict(self) -> str:
        """``"verified"`` (ok), ``"unverified"`` (unchanged, a signer not verified),
        ``"changed"`` (changed or damaged after signing) or ``"unsigned"``."""
        if not self.signatures:
            return "unsigned"
        if not self.unchanged:
            return "changed"
        return "verified" if self.ok else "unverified"


def _signer_name(cert) -> str:
    """Common name of an asn1crypto certificate, else its whole subject."""
    return _name_of(cert.subject)


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


def certificates_from_pem(texts: Sequence[str], source: str) -> list[x509.Certificate]:
    """CA certificates from PEM text (each text may hold several), as an agency profile
    carries them; ``source`` names where they came from in the error a bad one raises."""
    roots: list[x509.Certificate] = []
    for number, text in enumerate(texts, start=1):
        try:
            found = x509.load_pem_x509_certificates(text.encode("utf-8"))
        except (ValueError, UnicodeEncodeError) as exc:
            raise SigningError(
                f"ใบรับรอง CA ที่เชื่อถือรายการที่ {number} ใน{source} อ่านไม่ได้ (ต้องเป็น PEM "
                "-----BEGIN CERTIFICATE-----)",
                f"trusted CA certificate {number} in {source} cannot be read (it must be PEM, "
                "-----BEGIN CERTIFICATE-----)", code="bad-trusted-ca") from exc
        roots.extend(found)
    return roots


def verify_pdf(data: bytes, trust_roots: Sequence[x509.Certificate] | None = None,
               *, now: dt.datetime | None = None) -> Report:
    """The signatures in ``data``; an unsigned PDF gives a report with none (``ok`` False).

    ``trust_roots``: the CAs a signer's certificate must chain to (the office's and the
    caller's); none: no signer can be verified. ``now``: when the certificates must be valid
    (default: now). Raises :class:`SigningError` when ``data`` is not a readable PDF.
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
    moment = now or dt.datetime.now(dt.UTC)
    validated_all = [(name, _validate(reader, sig_field, name, roots, moment))
                     for name, _value, sig_field in filled]
    signed_revisions = [v[0].signed_revision for _n, v in validated_all if v is not None]
    metadata_changed = bool(signed_revisions) and _metadata_changed_since(
        reader, max(signed_revisions))
    checked: list[tuple[int, SignatureReport]] = []
    broken: list[SignatureReport] = []
    for name, validated in validated_all:
        if validated is not None:
            checked.append(_report(*validated, name, roots, data, moment, metadata_changed))
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


def _metadata_changed_since(reader, revision: int) -> bool:
    """Whether the document information (/Info) or the XMP /Metadata differs between
    ``revision`` (the last one a signature covers) and the file as it is now. pyHanko
    counts such an update among long-term-validation updates and lets it pass; nobody signed
    it, and a reader sees a changed title or author."""
    last = reader.xrefs.total_revisions - 1
    if revision >= last:
        return False
    try:
        return _metadata(reader, revision) != _metadata(reader, last)
    except Exception:  # noqa: BLE001 - metadata too damaged to read: not as signed either
        return True


def _metadata(reader, revision: int) -> tuple:
    """(/Info as text pairs, XMP bytes) of one revision, through its own history."""
    from pyhanko.pdf_utils import generic

    history = reader.get_historical_resolver(revision)

    def resolve(value):
        while isinstance(value, generic.IndirectObject):
            value = history.get_object(value.reference)
        return value

    trailer = history.trailer_view
    info = resolve(trailer.raw_get("/Info")) if "/Info" in trailer else None
    pairs = (tuple(sorted((str(k), str(resolve(v))) for k, v in info.items()))
             if isinstance(info, generic.DictionaryObject) else ())
    root = history.root
    xmp = resolve(root.raw_get("/Metadata")) if "/Metadata" in root else None
    return pairs, (xmp.data if isinstance(xmp, generic.StreamObject) else None)


def _validate(reader, sig_field, name: str, roots: list, moment: dt.datetime):
    """(embedded signature, pyHanko's status), or None when the signature cannot be parsed."""
    from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        sig = EmbeddedPdfSignature(reader, sig_field, name)
        context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=moment)
        return sig, validate_pdf_signature(sig, context)
    except Exception:  # noqa: BLE001 - only pyHanko runs here
        # pyHanko raises many kinds (asn1crypto's ValueError, PdfError, validation errors)
        # for a mangled /Contents; all mean the same to a reader: this signature is broken
        return None


def _report(sig, status, name: str, roots: list, data: bytes, moment: dt.datetime,
            metadata_changed: bool) -> tuple[int, SignatureReport]:
    """(signed revision, report) for one validated signature."""
    from pyhanko.sign.fields import SigSeedSubFilter

    cert = status.signing_cert
    validity = cert["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    state = ("expired" if moment > not_after else
             "not_yet_valid" if moment < not_before else None)
    other_change = _modified_after(status) or _tampered_outside_digest(sig, data)
    return sig.signed_revision, SignatureReport(
        field_name=name,
        signer_name=_signer_name(cert),
        signing_time=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted if roots else None,
        trust_problem=(status.trust_problem_indic.name
                       if roots and not status.trusted and status.trust_problem_indic
                       else None),
        modified_after=other_change or metadata_changed,
        metadata_changed=metadata_changed and not other_change,
        pades=sig.sig_object.get("/SubFilter") == SigSeedSubFilter.PADES.value,
        issuer_name=_name_of(cert.issuer),
        self_signed=cert.self_signed in ("yes", "maybe"),
        not_before=not_before,
        not_after=not_after,
        validity=state,
    )


def _name_of(name) -> str:
    """Common name of an asn1crypto Name, else the whole name."""
    return name.native.get("common_name") or name.human_friendly
