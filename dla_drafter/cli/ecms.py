"""``dla-drafter ecms``: letters through e-CMS (TH e-GIF GovernmentDocument 1.0).

    dla-drafter ecms DRAFT --pdf LETTER.pdf -o LETTER.xml [--ministry-code C]
                     [--department-code C] [--receiver-ministry-code C]
                     [--receiver-department-code C] [--attach FILE …]
    dla-drafter ecms --read FILE.xml -o REPLY.dladraft.json [--force]

The first writes the ``CorrespondenceLetterOutboundRequest`` for the letter, with the
exported (signed) PDF as its main file; the sender's codes and person come from the active
agency profile's ``ecms`` settings, the flags replace the codes. The second makes the draft of
a reply to an incoming e-CMS letter (เรียน its sender, อ้างถึง its number, date and subject)
from the active profile's new letter. Problems go to stderr, one line each, naming the draft
field, the profile setting or the XML element; nothing is written when there is an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_lang, load, reason, say

_T = {
    "th": {
        "usage_mode": "ระบุไฟล์ร่างพร้อม --pdf เพื่อส่งออก หรือ --read เพื่อทำร่างหนังสือตอบ อย่างใดอย่างหนึ่ง",
        "usage_pdf": "การส่งออก e-CMS ต้องระบุ --pdf ไฟล์ PDF ของหนังสือ (ที่ลงนามแล้ว)",
        "usage_read_only": "{flag} ใช้กับการส่งออกเท่านั้น ไม่ใช้กับ --read",
        "usage_force": "--force ใช้กับ --read เท่านั้น",
        "xml_ext": "ไฟล์ผลลัพธ์ {name} ต้องลงท้ายด้วย .xml",
        "json_ext": "ไฟล์ร่างหนังสือตอบ {name} ต้องลงท้ายด้วย .dladraft.json หรือ .json",
        "same": "ไฟล์ผลลัพธ์ {name} เป็นไฟล์เดียวกับไฟล์ที่อ่าน จึงไม่เขียนทับ",
        "exists": "มีไฟล์ {name} อยู่แล้ว จึงไม่เขียนทับร่างเดิม (ใช้ชื่ออื่น หรือ --force)",
        "hint_sender": "ตั้งรหัสในโปรไฟล์ส่วนราชการ หรือระบุ --ministry-code และ --department-code",
        "hint_receiver": "ระบุ --receiver-ministry-code และ --receiver-department-code "
                         "ถ้าทราบรหัสของผู้รับ",
        "written": "เขียนไฟล์ e-CMS แล้ว: {out} (ที่ {id}, ลงวันที่ {date}, ไฟล์แนบ {files} ไฟล์, "
                   "{size} KB)",
        "replied": "สร้างร่างหนังสือตอบแล้ว: {out} ({salutation} {to}; อ้างถึง ที่ {id})",
        "none_written": "ไม่ได้เขียนไฟล์ใดเลย",
    },
    "en": {
        "usage_mode": "give either a draft with --pdf to export, or --read to draft a reply",
        "usage_pdf": "an e-CMS export needs --pdf, the letter's (signed) PDF",
        "usage_read_only": "{flag} is for exporting, not for --read",
        "usage_force": "--force goes with --read only",
        "xml_ext": "the output {name} must end in .xml",
        "json_ext": "the reply draft {name} must end in .dladraft.json or .json",
        "same": "the output {name} is one of the input files; it is not overwritten",
        "exists": "{name} exists; an existing draft is not overwritten (use another name, or "
                  "--force)",
        "hint_sender": "set the codes in the agency profile, or give --ministry-code and "
                       "--department-code",
        "hint_receiver": "give --receiver-ministry-code and --receiver-department-code when the "
                         "receiver's codes are known",
        "written": "e-CMS file written: {out} (number {id}, dated {date}, {files} attached "
                   "files, {size} KB)",
        "replied": "reply draft written: {out} ({salutation} {to}; reference number {id})",
        "none_written": "no file was written",
    },
}

#: After these problems, a line saying which flag or setting fixes them.
_HINTS = {
    "ecms-ministry-code": "hint_sender",
    "ecms-department-code": "hint_sender",
    "ecms-receiver-codes": "hint_receiver",
}

_EXPORT_FLAGS = ("pdf", "ministry_code", "department_code", "receiver_ministry_code",
                 "receiver_department_code", "attach")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "ecms", help="ส่งออกหนังสือเป็น e-CMS (TH e-GIF) หรือทำร่างหนังสือตอบ / e-CMS exchange")
    parser.add_argument("draft", nargs="?", help="ไฟล์ร่างของหนังสือที่จะส่ง")
    parser.add_argument("--pdf", help="ไฟล์ PDF ของหนังสือ (ที่ลงนามแล้ว) ที่จะส่งไปด้วย")
    parser.add_argument("-o", "--output", required=True,
                        help="ไฟล์ e-CMS (.xml) หรือไฟล์ร่างหนังสือตอบ (.dladraft.json)")
    parser.add_argument("--ministry-code", help="รหัสกระทรวงของผู้ส่ง (แทนค่าในโปรไฟล์)")
    parser.add_argument("--department-code", help="รหัสกรมของผู้ส่ง (แทนค่าในโปรไฟล์)")
    parser.add_argument("--receiver-ministry-code", help="รหัสกระทรวงของผู้รับ")
    parser.add_argument("--receiver-department-code", help="รหัสกรมของผู้รับ")
    parser.add_argument("--attach", action="extend", nargs="+", metavar="FILE",
                        help="ไฟล์แนบที่ส่งไปกับหนังสือ (ใส่ได้หลายไฟล์)")
    parser.add_argument("--read", metavar="FILE.xml",
                        help="อ่านหนังสือ e-CMS ที่รับมา แล้วทำร่างหนังสือตอบ")
    parser.add_argument("--force", action="store_true",
                        help="เขียนทับไฟล์ร่างหนังสือตอบที่มีอยู่แล้ว")
    add_lang(parser)
    parser.set_defaults(run=run)


def _usage(args: argparse.Namespace) -> str | None:
    """Why the arguments do not make one of the two commands; None when they do."""
    t = _T[args.lang]
    if bool(args.draft) == bool(args.read):
        return t["usage_mode"]
    if args.read:
        for name in _EXPORT_FLAGS:
            if getattr(args, name):
                return t["usage_read_only"].format(flag="--" + name.replace("_", "-"))
        if not args.output.lower().endswith(".json"):
            return t["json_ext"].format(name=args.output)
        return None
    if args.force:
        return t["usage_force"]
    if not args.pdf:
        return t["usage_pdf"]
    if not args.output.lower().endswith(".xml"):
        return t["xml_ext"].format(name=args.output)
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _say_problems(lang: str, problems) -> None:
    """Every problem, errors first, each followed by the flag that fixes it (once)."""
    hinted: set[str] = set()
    for p in sorted(problems, key=lambda p: not p.is_error):
        say(lang, p.severity, p.message(lang))
        hint = _HINTS.get(p.code)
        if hint and hint not in hinted:
            hinted.add(hint)
            print(f"  → {_T[lang][hint]}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    why = _usage(args)
    if why:
        say(lang, "error", why)
        return EXIT_USAGE
    output = Path(args.output)
    inputs = [Path(p) for p in (args.draft, args.pdf, args.read, *(args.attach or [])) if p]
    if any(_same_file(output, p) for p in inputs):
        say(lang, "error", _T[lang]["same"].format(name=output))
        return EXIT_USAGE
    return _reply(args, output) if args.read else _export(args, output)


def _profile():
    from ..app_settings import AppConfig

    return AppConfig.load().profile()


def _export(args: argparse.Namespace, output: Path) -> int:
    from .. import exchange
    from ..atomic import atomic_write_bytes
    from ..text.thaidate import ce_to_be, format_thai_date

    lang = args.lang
    t = _T[lang]
    letter, warnings = load(Path(args.draft), lang)
    if letter is None:
        return EXIT_ERRORS
    for problem in warnings:
        say(lang, problem.severity, problem.message(lang))
    try:
        pdf = exchange.read_capped(args.pdf, exchange.MAX_BINARY_BYTES, "ไฟล์ PDF ของหนังสือ",
                                   "the letter's PDF")
        attachments = [exchange.attachment(path) for path in args.attach or []]
        sender = exchange.sender_party(_profile(), args.ministry_code, args.department_code)
        made = exchange.export_ecms(
            letter, pdf, sender, receiver_ministry_code=args.receiver_ministry_code,
            receiver_department_code=args.receiver_department_code, attachments=attachments)
    except exchange.EcmsError as exc:
        _say_problems(lang, exc.problems)
        say(lang, "error", t["none_written"])
        return EXIT_ERRORS
    _say_problems(lang, made.warnings)
    try:
        atomic_write_bytes(output, made.xml)
    except OSError as exc:
        say(lang, "error", reason(exc, lang))
        say(lang, "error", t["none_written"])
        return EXIT_ERRORS
    c = made.correspondence
    when = format_thai_date(c.date.day, c.date.month, ce_to_be(c.date.year), "arabic")
    print(t["written"].format(out=output, id=c.id, date=when, files=len(c.attachments),
                              size=max(1, round(len(made.xml) / 1024))))
    return EXIT_OK


def _reply(args: argparse.Namespace, output: Path) -> int:
    from .. import exchange
    from ..model.draftio import save_draft
    from ..problems import DrafterError

    lang = args.lang
    t = _T[lang]
    if output.exists() and not args.force:
        say(lang, "error", t["exists"].format(name=output))
        return EXIT_ERRORS
    try:
        data = exchange.read_capped(args.read, exchange.MAX_XML_BYTES, "แฟ้ม e-CMS",
                                    "the e-CMS file")
        incoming = exchange.read_ecms(data)
        reply, warnings = exchange.reply_draft(incoming.correspondence, _profile())
    except exchange.EcmsError as exc:
        _say_problems(lang, exc.problems)
        say(lang, "error", t["none_written"])
        return EXIT_ERRORS
    _say_problems(lang, incoming.warnings + warnings)
    try:
        save_draft(reply, output)
    except (DrafterError, OSError) as exc:
        say(lang, "error", reason(exc, lang))
        say(lang, "error", t["none_written"])
        return EXIT_ERRORS
    print(t["replied"].format(out=output, salutation=reply.salutation, to=reply.addressee,
                              id=incoming.correspondence.id))
    return EXIT_OK
