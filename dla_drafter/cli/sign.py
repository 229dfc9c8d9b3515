"""``dla-drafter sign IN.pdf -o OUT.pdf --p12 FILE.p12``: sign an exported letter (PAdES).

With ``--draft`` the signature is visible in the gap above the signer's name, found by
typesetting that draft again (give the same ``--bundled-font``/``--emblem`` as for ``render``
so the pages come out the same); without it the signature is invisible. The passphrase comes
from ``--passphrase-file`` (its first line), else a hidden prompt on a terminal, else it is
empty. The signed file is written atomically and never over the input or another signed PDF.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, add_lang, is_console, keyring, load, reason, say
from .review import warn_signer

_T = {
    "th": {
        "prompt": "รหัสผ่านไฟล์ใบรับรอง {p12}: ",
        "read": "อ่านไฟล์ {name} ไม่ได้: {why}",
        "visible": "ลายมือชื่อแบบมองเห็นได้ หน้า {page}",
        "invisible": "ลายมือชื่อแบบมองไม่เห็น",
        "no_draft": "ไม่ได้ระบุ --draft จึงลงนามแบบมองไม่เห็น",
        "no_gap": "หนังสือนี้ไม่มีช่องลงนามเหนือชื่อผู้ลงนาม จึงลงนามแบบมองไม่เห็น",
        "signed": "ลงนามแล้ว: {out} (ผู้ลงนาม {name}, {how})",
    },
    "en": {
        "prompt": "Passphrase of {p12}: ",
        "read": "cannot read {name}: {why}",
        "visible": "visible signature on page {page}",
        "invisible": "invisible signature",
        "no_draft": "no --draft given, so the signature is invisible",
        "no_gap": "this letter has no signature gap above the signer's name, so the "
                  "signature is invisible",
        "signed": "signed: {out} (signer {name}, {how})",
    },
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sign", help="ลงนาม PDF ด้วยใบรับรองอิเล็กทรอนิกส์ / sign a PDF")
    parser.add_argument("pdf", help="PDF ที่ส่งออกแล้ว")
    parser.add_argument("-o", "--output", required=True, help="ไฟล์ PDF ที่ลงนามแล้ว")
    parser.add_argument("--p12", required=True, help="ไฟล์ใบรับรอง PKCS#12 (.p12/.pfx)")
    parser.add_argument("--passphrase-file", help="ไฟล์ที่บรรทัดแรกเป็นรหัสผ่าน")
    parser.add_argument("--draft", help="ไฟล์ร่างของ PDF นี้ เพื่อวางลายมือชื่อเหนือชื่อผู้ลงนาม")
    parser.add_argument("--invisible", action="store_true", help="ลงนามแบบมองไม่เห็น")
    parser.add_argument("--reason", help="เหตุผลการลงนาม (แสดงในโปรแกรมอ่าน PDF)")
    parser.add_argument("--location", help="สถานที่ลงนาม")
    parser.add_argument("--emblem", help="ภาพตราครุฑที่ใช้ตอนส่งออก (เหมือน render)")
    parser.add_argument("--bundled-font", action="store_true",
                        help="ส่งออกด้วยแบบอักษร Sarabun ที่มากับโปรแกรม (เหมือน render)")
    add_lang(parser)
    parser.set_defaults(run=run)


def _passphrase(args: argparse.Namespace) -> str | None:
    """From the file's first line; else asked on a terminal; else none. None: cannot read."""
    lang = args.lang
    if args.passphrase_file:
        try:
            with open(args.passphrase_file, encoding="utf-8-sig") as handle:
                return handle.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else \
                type(exc).__name__
            say(lang, "error", _T[lang]["read"].format(name=args.passphrase_file, why=why))
            return None
    if is_console(sys.stdin):
        return getpass.getpass(_T[lang]["prompt"].format(p12=args.p12))
    return ""


def _pages(args: argparse.Namespace):
    """(pages, note): the draft typeset again for the visible box, or None and why not.
    Returns None after saying why the draft could not be used."""
    from ..settings import RenderSettings

    lang = args.lang
    if args.invisible:
        return None, None
    if not args.draft:
        return None, _T[lang]["no_draft"]
    letter, _warnings = load(Path(args.draft), lang)
    if letter is None:
        return None
    settings = RenderSettings(emblem_path=Path(args.emblem) if args.emblem else None,
                              use_system_th_sarabun=not args.bundled_font)
    from .. import pipeline

    try:
        pages = pipeline.typeset_letter(letter, settings, keyring())
    except OSError as exc:  # the emblem or a font could not be read
        say(lang, "error", reason(exc, lang))
        return None
    return pages, None


def run(args: argparse.Namespace) -> int:
    from .. import signing

    lang = args.lang
    passphrase = _passphrase(args)
    if passphrase is None:
        return EXIT_ERRORS
    placed = _pages(args)
    if placed is None:
        return EXIT_ERRORS
    pages, note = placed
    try:
        key = signing.load_pkcs12_file(args.p12, passphrase)
        warn_signer(args.draft, key.name, lang)  # the certificate is not the signer's?
        box = signing.sign_file(args.pdf, args.output, key, pages,
                                reason=args.reason, location=args.location)
    except signing.SigningError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    except OSError as exc:
        say(lang, "error", reason(exc, lang))
        return EXIT_ERRORS
    if pages is not None and box is None:
        note = _T[lang]["no_gap"]
    if note:
        say(lang, "warning", note)
    how = (_T[lang]["visible"].format(page=box.page) if box else _T[lang]["invisible"])
    print(_T[lang]["signed"].format(out=args.output, name=key.name, how=how))
    return EXIT_OK
