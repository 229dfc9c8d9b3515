"""``dla-drafter verify FILE.pdf [--trust CA.pem …]``: are the signatures intact and valid?

Exit 0 only when the file is signed and every signature is intact, cryptographically valid,
unchanged since, and (with ``--trust``) issued under one of the given CAs; the signer of each
is printed. Otherwise exit 1 with a line saying what is wrong. Offline: no OCSP/CRL look-ups.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, add_lang, say

_T = {
    "th": {
        "read": "อ่านไฟล์ {name} ไม่ได้: {why}",
        "unsigned": "{name} ไม่มีลายมือชื่ออิเล็กทรอนิกส์",
        "signature": "ลายมือชื่อ {n} ({field}): {name}",
        "unknown": "ไม่ทราบผู้ลงนาม",
        "when": "  ลงนามเมื่อ: {when}",
        "good": "  ผลตรวจ: ลายมือชื่อถูกต้อง เนื้อหาไม่ถูกแก้ไขหลังลงนาม",
        "trusted": "  ใบรับรองออกโดยผู้ออกใบรับรองที่เชื่อถือ",
        "untrusted_note": "  ยังไม่ได้ตรวจความน่าเชื่อถือของใบรับรอง (ระบุ --trust ไฟล์ใบรับรอง CA)",
        "bad": "ลายมือชื่อ {n} ({field}): {why}",
        "ok": "ตรวจแล้ว: {name} ลายมือชื่อถูกต้องทั้งหมด",
    },
    "en": {
        "read": "cannot read {name}: {why}",
        "unsigned": "{name} has no electronic signature",
        "signature": "signature {n} ({field}): {name}",
        "unknown": "unknown signer",
        "when": "  signed at: {when}",
        "good": "  result: the signature is valid and the content unchanged since signing",
        "trusted": "  the certificate was issued by a trusted CA",
        "untrusted_note": "  the certificate's trust was not checked (give --trust CA.pem)",
        "bad": "signature {n} ({field}): {why}",
        "ok": "checked: {name}: all signatures are valid",
    },
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify", help="ตรวจลายมือชื่อใน PDF / verify a signed PDF")
    parser.add_argument("pdf")
    parser.add_argument("--trust", action="append", default=[], metavar="CA.pem",
                        help="ใบรับรอง CA ที่เชื่อถือ (PEM/DER ใส่ได้หลายครั้ง)")
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
        roots = signing.load_trust_roots(args.trust)
        report = signing.verify_pdf(data, roots or None)
    except signing.SigningError as exc:
        say(lang, "error", getattr(exc, f"message_{lang}"))
        return EXIT_ERRORS
    if not report.signatures:
        say(lang, "error", t["unsigned"].format(name=path))
        return EXIT_ERRORS
    for n, sig in enumerate(report.signatures, 1):
        print(t["signature"].format(n=n, field=sig.field_name,
                                    name=sig.signer_name or t["unknown"]))
        print(t["when"].format(when=_when(sig.signing_time, lang)))
        if sig.ok:
            print(t["good"])
            print(t["trusted"] if sig.trusted else t["untrusted_note"])
        for why in sig.problems(lang):
            say(lang, "error", t["bad"].format(n=n, field=sig.field_name, why=why))
    if not report.ok:
        return EXIT_ERRORS
    print(t["ok"].format(name=path))
    return EXIT_OK
