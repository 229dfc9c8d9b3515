"""``dla-drafter review …``: the review loop for scripts (the same verbs as the program).

    review send DRAFT                                   ส่งตรวจ: freeze a version, state in_review
    review comment DRAFT --field F --quote Q --text T [--author NAME]
    review approve DRAFT --role ROLE [--name NAME]      signs with the user's key
    review return DRAFT --text REASON                   ส่งกลับแก้ไข
    review status DRAFT [--json]
    review import-docx DRAFT FILE.docx                  a supervisor's Word comments into
                                                        the draft (twice adds nothing)
    review whoami [--json]                              the user's identity and public key
                                                        (to give the office for its profile)

Names default to the user's identity (Settings), else the login name. The key and identity
come from the user's folders (``XDG_CONFIG_HOME``/``XDG_DATA_HOME`` on Linux), so each
reviewer of a test or a script can have their own. A refused action writes nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ._common import (
    EXIT_ERRORS,
    EXIT_OK,
    add_lang,
    keyring,
    load_to_change,
    save_changed,
    say,
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help="การตรวจร่าง / review a draft")
    verbs = parser.add_subparsers(dest="review_command", required=True)

    send = verbs.add_parser("send", help="ส่งตรวจ / send for review")
    send.add_argument("draft")
    add_lang(send)

    comment = verbs.add_parser("comment", help="แสดงความเห็น / comment on a field")
    comment.add_argument("draft")
    comment.add_argument("--field", required=True, help="ช่อง เช่น subject, body[2]")
    comment.add_argument("--quote", required=True, help="ข้อความในช่องที่ความเห็นอ้างถึง")
    comment.add_argument("--text", required=True, help="ข้อความความเห็น")
    comment.add_argument("--author", help="ชื่อผู้แสดงความเห็น")
    add_lang(comment)

    approve = verbs.add_parser("approve", help="อนุมัติ/ลงชื่อย่อ / approve (signed)")
    approve.add_argument("draft")
    approve.add_argument("--role", required=True, help="ตำแหน่งหรือชื่อย่อ เช่น ผอ.กศ.")
    approve.add_argument("--name", help="ชื่อผู้อนุมัติ")
    add_lang(approve)

    back = verbs.add_parser("return", help="ส่งกลับแก้ไข / return for changes")
    back.add_argument("draft")
    back.add_argument("--text", required=True, help="เหตุผลที่ส่งกลับ")
    add_lang(back)

    status = verbs.add_parser("status", help="สถานะการตรวจ / review status")
    status.add_argument("draft")
    status.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON")
    add_lang(status)

    back_from_word = verbs.add_parser(
        "import-docx", help="นำเข้าความเห็นจากไฟล์ Word / import a DOCX's Word comments")
    back_from_word.add_argument("draft")
    back_from_word.add_argument("docx", help="ไฟล์ .docx ที่มีความเห็นของผู้ตรวจ")
    add_lang(back_from_word)

    whoami = verbs.add_parser("whoami", help="ผู้ใช้และกุญแจสาธารณะ / identity and public key")
    whoami.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON")
    add_lang(whoami)

    parser.set_defaults(run=run)


def _whoami(as_json: bool, lang: str) -> int:
    from ..review.identity import IdentityError, load_identity, signing_key
    from ..review.integrity import key_fingerprint, public_key_text

    me = load_identity()
    try:
        public = public_key_text(signing_key().public_key())
    except IdentityError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    data = {"name": me.display_name(), "position": me.position,
            "abbreviation": me.abbreviation, "public_key": public}
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    th = lang == "th"
    print(f"{'ชื่อ' if th else 'name'}: {data['name']}")
    print(f"{'ตำแหน่ง' if th else 'position'}: {me.position}")
    print(f"{'ชื่อย่อ' if th else 'abbreviation'}: {me.abbreviation}")
    print(f"{'กุญแจสาธารณะ' if th else 'public key'}: {public} ({key_fingerprint(public)})")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from ..review import actions
    from ..review.identity import IdentityError, load_identity, signing_key

    lang = args.lang
    if args.review_command == "whoami":
        return _whoami(args.json, lang)
    path = Path(args.draft)
    letter, warnings, base = load_to_change(path, lang)
    if letter is None:
        return EXIT_ERRORS
    for problem in warnings:
        say(lang, problem.severity, problem.message(lang))
    if args.review_command == "status":
        return _status(letter, keyring(), args.json, lang)
    if args.review_command == "import-docx":
        return _import_docx(letter, path, Path(args.docx), lang, base)
    identity = load_identity()
    try:
        if args.review_command == "send":
            actions.send_for_review(letter, by=identity.display_name())
        elif args.review_command == "comment":
            actions.add_comment(letter, args.field, args.quote, args.text,
                                author=args.author or identity.display_name())
        elif args.review_command == "approve":
            actions.approve(letter, args.role, args.name or identity.display_name(),
                            signing_key())
        else:
            actions.return_for_changes(letter, args.text, by=identity.display_name())
    except actions.ReviewError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    except IdentityError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    return save_changed(letter, path, base, lang)


def _import_docx(letter, path: Path, docx: Path, lang: str, base) -> int:
    """Import, print the summary, save only when something was added."""
    from ..review.docx_import import DocxImportError, import_docx_comments

    try:
        summary = import_docx_comments(letter, docx)
    except DocxImportError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    for line in summary.lines(lang):
        print(line)
    return save_changed(letter, path, base, lang) if summary.imported else EXIT_OK


def _status(letter, keyring, as_json: bool, lang: str) -> int:
    from ..review.actions import review_problems, status_json
    from ..review.record import STATE_NAMES

    data = status_json(letter, keyring)
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    th = lang == "th"
    state_th, state_en = STATE_NAMES[data["state"]]
    print(f"{'สถานะ' if th else 'state'}: {state_th if th else state_en}")
    status_names = {
        "valid": ("ใช้ได้", "valid"),
        "stale": ("หนังสือถูกแก้ไขหลังอนุมัติ", "stale"),
        "unknown_key": ("ไม่รู้จักกุญแจ", "unknown key"),
        "invalid": ("ไม่ถูกต้อง", "invalid"),
    }
    for approval in data["approvals"]:
        word = status_names[approval["status"]][0 if th else 1]
        print(f"{'อนุมัติ' if th else 'approval'}: {approval['role']} {approval['name']} "
              f"{approval['at']} — {word}")
    for comment in data["comments"]:
        mark = ("แก้แล้ว" if th else "resolved") if comment["resolved"] else ""
        line = (f"{'ความเห็น' if th else 'comment'} [{comment['field']}] "
                f"\u201c{comment['quote']}\u201d {comment['author']}: {comment['text']} {mark}")
        print(line.rstrip())
    for problem in review_problems(letter, keyring):
        say(lang, problem.severity, problem.message(lang))
    return EXIT_OK
