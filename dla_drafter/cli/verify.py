"""``dla-drafter verify FILE.pdf [--trust CA.pem …]``: is the document as signed, and who
signed it?

A valid signature is not a known signer: anyone can make a certificate in another person's
name. So the answer has three outcomes, each its own exit code:

* **0** — every signature is intact, the document unchanged since, and each signer's
  certificate chains to a trusted CA (the office's, from the agency profile's
  ``trusted_ca_certificates``, and each ``--trust`` file) and is valid now;
* **3** — the document is unchanged, but a signer is not verified (no trusted CA given, a
  self-signed certificate, another CA, expired, not yet valid, revoked): the message says
  whose certificate it *claims* to be and why it is not verified;
* **1** — the document was changed after signing (including an update of only its /Info or
  XMP metadata), a signature is damaged, the file is not signed, or cannot be read.

(2 is a usage error, as for every command.) Offline: no OCSP/CRL look-ups.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, add_lang, say

EXIT_NOT_VERIFIED = 3

EPILOG = """\
ผลการตรวจ / exit codes:
  0  เนื้อหาไม่ถูกแก้ไขหลังลงนาม และใบรับรองของผู้ลงนามออกโดยผู้ออกใบรับรองที่เชื่อถือ
     (ในโปรไฟล์ส่วนราชการ หรือ --trust) และยังใช้ได้
     / unchanged since signing, and every signer's certificate chains to a trusted CA
  3  เนื้อหาไม่ถูกแก้ไข แต่ยืนยันตัวผู้ลงนามไม่ได้ (บอกว่าใบรับรองอ้างว่าเป็นของใครและเพราะอะไร)
     / unchanged, but a signer is not verified (says whose certificate it claims to be, why)
  1  เนื้อหาหรือไฟล์ถูกแก้ไขหลังลงนาม ลายมือชื่อเสียหาย ไม่มีลายมือชื่อ หรืออ่านไฟล์ไม่ได้
     / changed after signing, a damaged signature, not signed, or unreadable
  2  ใช้คำสั่งผิด / usage error
"""

_T = {
    "th": {
        "read": "อ่านไฟล์ {name} ไม่ได้: {why}",
        "unsigned": "{name} ไม่มีลายมือชื่ออิเล็กทรอนิกส์",
        "signature": "ลายมือชื่อ {n} ({field}): {name}",
        "unknown": "ไม่ทราบผู้ลงนาม",
        "when": "  ลงนามเมื่อ: {when}",
        "unchanged": "  เนื้อหา: ลายมือชื่อถูกต้อง เนื้อหาไม่ถูกแก้ไขหลังลงนาม",
        "verified": "  ผู้ลงนาม: ยืนยันแล้ว ใบรับรองออกโดย {issuer} ซึ่งเชื่อถือ และยังใช้ได้",
        "bad": "ลายมือชื่อ {n} ({field}): {why}",
        "ok": "ตรวจแล้ว: {name} ลายมือชื่อถูกต้องและยืนยันตัวผู้ลงนามแล้วทั้งหมด",
        "unverified": "ตรวจแล้ว: {name} เนื้อหาไม่ถูกแก้ไขหลังลงนาม แต่ยืนยันตัวผู้ลงนามไม่ได้",
        "changed": "ตรวจแล้ว: {name} ถูกแก้ไขหลังลงนาม",
        "profile": "โปรไฟล์ส่วนราชการ {name}",
    },
    "en": {
        "read": "cannot read {name}: {why}",
        "unsigned": "{name} has no electronic signature",
        "signature": "signature {n} ({field}): {name}",
        "unknown": "unknown signer",
        "when": "  signed at: {when}",
        "unchanged": "  document: the signature is valid and the content unchanged since "
                     "signing",
        "verified": "  signer: verified; the certificate was issued by {issuer}, which is "
                    "trusted, and is valid",
        "bad": "signature {n} ({field}): {why}",
        "ok": "checked: {name}: every signature is valid and every signer verified",
        "unverified": "checked: {name}: unchanged since signing, but a signer is not verified",
        "changed": "checked: {name}: changed after signing",
        "profile": "the agency profile {name}",
    },
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "verify", help="ตรวจลายมือชื่อใน PDF / verify a signed PDF",
        description="ตรวจว่าเนื้อหาไม่ถูกแก้ไขหลังลงนาม และผู้ลงนามเป็นผู้ที่ใบรับรองอ้างจริง "
                    "/ check that the PDF is unchanged since signing and who signed it",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf")
    parser.add_argument("--trust", action="append", default=[], metavar="CA.pem",
                        help="ใบรับรอง CA ที่เชื่อถือ นอกจากที่อยู่ในโปรไฟล์ส่วนราชการ "
                             "(PEM/DER ใส่ได้หลายครั้ง) / a trusted CA besides the profile's")
    add_lang(parser)
    parser.set_defaults(run=run)


def _when(moment, lang: str) -> str:
    if moment is None:
        return "-"
    local = moment.astimezone()
    if lang == "en":
        return f"{local:%Y-%m-%d %H:%M:%S %z}"
    from ..text.thaidate import ce_to_be, format_thai_date

    date = format_thai_date(local.day, local.month, ce_to_be(local.year), digits="arabic")
    return f"{date} เวลา {local:%H:%M:%S} น."


def _office_roots(lang: str) -> list:
    """The trusted CAs of the active agency profile (the settings are read here, once)."""
    from .. import signing
    from ..app_settings import AppConfig

    profile = AppConfig.load().profile()
    if not profile.trusted_ca_certificates:
        return []
    source = _T[lang]["profile"].format(name=profile.profile_name)
    return signing.certificates_from_pem(profile.trusted_ca_certificates, source)


def run(args: argparse.Namespace) -> int:
    from .. import signing

    lang, path = args.lang, Path(args.pdf)
    t = _T[lang]
    try:
        data = path.read_bytes()
    except OSError as exc:
        say(lang, "error", t["read"].format(name=path, why=exc.strerror or exc))
        return EXIT_ERRORS
    try:
        roots = _office_roots(lang) + signing.load_trust_roots(args.trust)
        report = signing.verify_pdf(data, roots)
    except signing.SigningError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    if not report.signatures:
        say(lang, "error", t["unsigned"].format(name=path))
        return EXIT_ERRORS
    for n, sig in enumerate(report.signatures, 1):
        print(t["signature"].format(n=n, field=sig.field_name,
                                    name=sig.signer_name or t["unknown"]))
        print(t["when"].format(when=_when(sig.signing_time, lang)))
        if sig.unchanged:
            print(t["unchanged"])
        if sig.ok:
            print(t["verified"].format(issuer=sig.issuer_name or "-"))
        for why in sig.document_problems(lang):
            say(lang, "error", t["bad"].format(n=n, field=sig.field_name, why=why))
        for why in sig.signer_problems(lang):
            say(lang, "warning", t["bad"].format(n=n, field=sig.field_name, why=why))
    verdict = report.verdict
    if verdict == "changed":
        say(lang, "error", t["changed"].format(name=path))
        return EXIT_ERRORS
    if verdict == "unverified":
        say(lang, "warning", t["unverified"].format(name=path))
        return EXIT_NOT_VERIFIED
    print(t["ok"].format(name=path))
    return EXIT_OK
