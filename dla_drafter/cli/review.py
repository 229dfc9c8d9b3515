"""``dla-drafter review …``: the review loop for scripts (the same verbs as the program).

    review send DRAFT                                   ส่งตรวจ: freeze a version, state in_review
    review comment DRAFT --field F --quote Q --text T [--author NAME]
    review reply DRAFT ID --text T [--author NAME]      answer a comment
    review resolve DRAFT ID [--reopen]                  mark a comment dealt with (or not)
    review approve DRAFT [--role ROLE] [--force]        signs as the user (name and
                                                        abbreviation from ``whoami``); refused
                                                        while comments are open, unless --force
    review return DRAFT --text REASON                   ส่งกลับแก้ไข
    review suggest DRAFT --field F --quote OLD --replace NEW [--offset N] [--author NAME]
                                                        เสนอแก้ไข: a tracked change, the letter
                                                        itself unchanged (--quote "" and
                                                        --offset N: an insertion)
    review accept DRAFT (ID | --all)                    ยอมรับ: the edit goes into the letter
    review reject DRAFT (ID | --all)                    ไม่ยอมรับ: the letter stays as it is
    review status DRAFT [--json]                        as this PC sees it (``review.status``)
    review import-docx DRAFT FILE.docx [--author NAME]  a supervisor's Word comments and
                                                        edits (tracked or not) into the
                                                        draft, edits as suggestions (twice
                                                        adds nothing)
    review whoami [--name N] [--position P] [--abbreviation A] [--json]
                                                        the user's identity (set it here),
                                                        public key and fingerprint
    review card [-o FILE.dlacard]                       the user's reviewer card, to hand out
    review trust CARD [--fingerprint DIGITS]            import a card into the active profile
    review reviewers [--json]                           the active profile's reviewers
    review untrust FINGERPRINT                          remove one

Names come from the user's identity (``whoami``), never from the command line: an approval
counts only under the name and abbreviation of the card others trust for its key. The key and
identity come from the user's folders (``DLA_DRAFTER_CONFIG_DIR``/``DLA_DRAFTER_DATA_DIR``,
else the platform's), so each reviewer of a test or a script can have their own. A refused
action writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ._common import (
    EXIT_ERRORS,
    EXIT_OK,
    add_lang,
    keyring,
    load,
    load_to_change,
    reason,
    save_changed,
    say,
)

_T = {
    "th": {
        "open_comments": "ยังมีความเห็นที่ยังไม่ได้แก้ {n} รายการ จึงยังไม่อนุมัติ: แก้แล้วทำเครื่องหมาย "
                         "(dla-drafter review resolve ไฟล์ร่าง รหัส) หรือใช้ --force เพื่ออนุมัติเลย",
        "forced": "อนุมัติทั้งที่ยังมีความเห็นที่ยังไม่ได้แก้ {n} รายการ",
        "not_counted": "การอนุมัตินี้ไม่นับบนเครื่องนี้: {why}",
        "no_identity": "ยังไม่ได้ตั้ง{what}ของผู้ใช้: อนุมัติและทำบัตรผู้ตรวจไม่ได้จนกว่าจะตั้ง "
                       "(dla-drafter review whoami --name … --abbreviation …)",
        "name": "ชื่อ", "position": "ตำแหน่ง", "abbreviation": "ชื่อย่อ",
        "public_key": "กุญแจสาธารณะ", "fingerprint": "ลายนิ้วมือกุญแจ",
        "state": "สถานะ", "returned": "ส่งกลับแก้ไขล่าสุด", "versions": "ประวัติ",
        "approval": "อนุมัติ", "comment": "ความเห็น", "resolved": "แก้แล้ว",
        "suggestion": "ข้อเสนอแก้ไข",
        "written": "เขียนไฟล์แล้ว",
        "card": "บัตรผู้ตรวจ",
        "compare": "เทียบลายนิ้วมือนี้กับผู้ตรวจเอง (เช่น ทางโทรศัพท์) ถ้าไม่ตรงให้ลบออก "
                   "(dla-drafter review untrust ลายนิ้วมือ)",
        "added": "เพิ่มในรายชื่อผู้ตรวจของโปรไฟล์ {profile} แล้ว",
        "updated": "ปรับข้อมูลผู้ตรวจในโปรไฟล์ {profile} ตามบัตรแล้ว (เดิม: {old})",
        "same": "มีบัตรนี้ในโปรไฟล์ {profile} อยู่แล้ว",
        "wrong_print": "ลายนิ้วมือของบัตร ({actual}) ไม่ตรงกับที่ระบุ ({given}) จึงไม่นำเข้า: "
                       "บัตรนี้อาจไม่ใช่ของผู้ตรวจคนนั้น",
        "same_row": "ผู้ตรวจอีกคนในโปรไฟล์ใช้ชื่อย่อ {row} เหมือนกัน ({name})",
        "no_reviewers": "โปรไฟล์ {profile} ยังไม่มีรายชื่อผู้ตรวจ",
        "typed": "พิมพ์ในโปรไฟล์เอง", "signed": "จากบัตร", "edited": "บัตรถูกแก้ไข",
        "bad_key": "กุญแจไม่ถูกต้อง",
        "not_found": "ไม่พบผู้ตรวจที่มีลายนิ้วมือ {given} ในโปรไฟล์ {profile}",
        "removed": "ลบ {who} ออกจากรายชื่อผู้ตรวจของโปรไฟล์ {profile} แล้ว",
        "saved_identity": "บันทึกข้อมูลผู้ใช้แล้ว",
    },
    "en": {
        "open_comments": "{n} comment(s) are not resolved, so the letter is not approved: mark "
                         "them resolved (dla-drafter review resolve DRAFT ID) or use --force",
        "forced": "approved with {n} comment(s) not resolved",
        "not_counted": "this approval does not count on this PC: {why}",
        "no_identity": "your {what} is not set: you cannot approve or make a reviewer card "
                       "until it is (dla-drafter review whoami --name … --abbreviation …)",
        "name": "name", "position": "position", "abbreviation": "abbreviation",
        "public_key": "public key", "fingerprint": "key fingerprint",
        "state": "state", "returned": "last returned", "versions": "history",
        "approval": "approval", "comment": "comment", "resolved": "resolved",
        "suggestion": "suggestion",
        "written": "written",
        "card": "reviewer card",
        "compare": "compare this fingerprint with the reviewer in person (e.g. by phone); if "
                   "it differs, remove the card (dla-drafter review untrust FINGERPRINT)",
        "added": "added to the reviewers of the profile {profile}",
        "updated": "the profile {profile}'s entry now says what the card says (was: {old})",
        "same": "the profile {profile} already has this card",
        "wrong_print": "the card's fingerprint ({actual}) is not the one given ({given}), so "
                       "it is not imported: the card may not be that reviewer's",
        "same_row": "another reviewer of the profile uses the same abbreviation {row} ({name})",
        "no_reviewers": "the profile {profile} lists no reviewers yet",
        "typed": "typed into the profile", "signed": "from a card", "edited": "card edited",
        "bad_key": "not a valid key",
        "not_found": "no reviewer with the fingerprint {given} in the profile {profile}",
        "removed": "removed {who} from the reviewers of the profile {profile}",
        "saved_identity": "identity saved",
    },
}

STATUS_NAMES = {
    "valid": ("ใช้ได้", "valid"),
    "stale": ("หนังสือถูกแก้ไขหลังอนุมัติ", "stale"),
    "unknown_key": ("เครื่องนี้ยังไม่เชื่อถือกุญแจ", "key not trusted here"),
    "invalid": ("ไม่ถูกต้อง", "invalid"),
}
ACTION_NAMES = {
    "sent": ("ส่งตรวจ", "sent"),
    "returned": ("ส่งกลับแก้ไข", "returned"),
    "approved": ("อนุมัติ", "approved"),
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help="การตรวจร่าง / review a draft")
    verbs = parser.add_subparsers(dest="review_command", required=True)

    send = verbs.add_parser("send", help="ส่งตรวจ / send for review")
    send.add_argument("draft", help="ไฟล์ร่าง / the draft")
    add_lang(send)

    comment = verbs.add_parser("comment", help="แสดงความเห็น / comment on a field")
    comment.add_argument("draft", help="ไฟล์ร่าง / the draft")
    comment.add_argument("--field", required=True,
                         help="ช่อง เช่น subject, body[2] / the field, e.g. body[2]")
    comment.add_argument("--quote", required=True,
                         help="ข้อความในช่องที่ความเห็นอ้างถึง / the text commented on")
    comment.add_argument("--text", required=True, help="ข้อความความเห็น / the comment")
    comment.add_argument("--author", help="ชื่อผู้แสดงความเห็น (ไม่ระบุ: ชื่อผู้ใช้) "
                         "/ the author (default: your name)")
    add_lang(comment)

    reply = verbs.add_parser("reply", help="ตอบความเห็น / reply to a comment")
    reply.add_argument("draft", help="ไฟล์ร่าง / the draft")
    reply.add_argument("id", help="รหัสความเห็น (จาก review status) / the comment's id")
    reply.add_argument("--text", required=True, help="ข้อความตอบ / the reply")
    reply.add_argument("--author", help="ชื่อผู้ตอบ / the author (default: your name)")
    add_lang(reply)

    resolve = verbs.add_parser("resolve", help="ทำเครื่องหมายว่าแก้ตามความเห็นแล้ว "
                               "/ mark a comment resolved")
    resolve.add_argument("draft", help="ไฟล์ร่าง / the draft")
    resolve.add_argument("id", help="รหัสความเห็น (จาก review status) / the comment's id")
    resolve.add_argument("--reopen", action="store_true",
                         help="เปิดความเห็นอีกครั้ง / mark it not resolved again")
    add_lang(resolve)

    approve = verbs.add_parser(
        "approve", help="อนุมัติ/ลงชื่อย่อ ในชื่อของผู้ใช้ / approve, signed, as yourself")
    approve.add_argument("draft", help="ไฟล์ร่าง / the draft")
    approve.add_argument("--role", help="ชื่อย่อ ต้องตรงกับข้อมูลผู้ใช้ (whoami) "
                         "/ your abbreviation; must be the one in whoami")
    approve.add_argument("--force", action="store_true",
                         help="อนุมัติแม้ยังมีความเห็นที่ยังไม่ได้แก้ "
                              "/ approve even with comments not resolved")
    add_lang(approve)

    back = verbs.add_parser("return", help="ส่งกลับแก้ไข / return for changes")
    back.add_argument("draft", help="ไฟล์ร่าง / the draft")
    back.add_argument("--text", required=True, help="เหตุผลที่ส่งกลับ / the reason")
    add_lang(back)

    suggest = verbs.add_parser("suggest", help="เสนอแก้ไขข้อความ (ไม่แก้หนังสือจนกว่าจะยอมรับ) "
                               "/ suggest an edit (a tracked change)")
    suggest.add_argument("draft", help="ไฟล์ร่าง / the draft")
    suggest.add_argument("--field", required=True,
                         help="ช่อง เช่น subject, body[2] / the field, e.g. body[2]")
    suggest.add_argument("--quote", required=True,
                         help="ข้อความเดิมที่จะแทน (\"\" = เพิ่มข้อความ ต้องระบุ --offset) "
                              "/ the text replaced (\"\" for an insertion, with --offset)")
    suggest.add_argument("--replace", required=True,
                         help="ข้อความใหม่ (\"\" = ลบ) / the new text (\"\" to delete)")
    suggest.add_argument("--offset", type=int,
                         help="ตำแหน่งในช่อง (ตัวอักษรที่เท่าไร นับจาก 0) "
                              "/ where in the field (a character offset from 0)")
    suggest.add_argument("--author", help="ชื่อผู้เสนอ (ไม่ระบุ: ชื่อผู้ใช้) "
                         "/ the author (default: your name)")
    add_lang(suggest)

    for verb, th, en in (("accept", "ยอมรับข้อเสนอแก้ไข", "accept a suggestion"),
                         ("reject", "ไม่ยอมรับข้อเสนอแก้ไข", "reject a suggestion")):
        decide = verbs.add_parser(verb, help=f"{th} / {en}")
        decide.add_argument("draft", help="ไฟล์ร่าง / the draft")
        which = decide.add_mutually_exclusive_group(required=True)
        which.add_argument("id", nargs="?",
                           help="รหัสข้อเสนอ (จาก review status) / the suggestion's id")
        which.add_argument("--all", action="store_true",
                           help="ทุกข้อที่รอพิจารณา / every open suggestion")
        add_lang(decide)

    status = verbs.add_parser("status", help="สถานะการตรวจบนเครื่องนี้ / review status here")
    status.add_argument("draft", help="ไฟล์ร่าง / the draft")
    status.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON / print JSON")
    add_lang(status)

    back_from_word = verbs.add_parser(
        "import-docx", help="นำเข้าความเห็นจากไฟล์ Word / import a DOCX's Word comments")
    back_from_word.add_argument("draft", help="ไฟล์ร่าง / the draft")
    back_from_word.add_argument("docx", help="ไฟล์ .docx ที่มีความเห็นของผู้ตรวจ "
                                "/ the DOCX with the reviewer's comments")
    back_from_word.add_argument(
        "--author", help="ผู้เสนอการแก้ไขที่ทำโดยไม่เปิดติดตามการเปลี่ยนแปลง (ไม่ระบุ: ผู้แก้ไขล่าสุดตามไฟล์ "
                         "หรือชื่อผู้ใช้) / the author of edits made without Track Changes "
                         "(default: the file's last editor, else your name)")
    add_lang(back_from_word)

    whoami = verbs.add_parser(
        "whoami", help="ข้อมูลผู้ใช้ กุญแจสาธารณะ และลายนิ้วมือ (ตั้งค่าได้) "
                       "/ your identity, public key and fingerprint (set them here)")
    whoami.add_argument("--name", help="ชื่อเต็ม เช่น นางสาวศรีสุดา ใจดี / your full name")
    whoami.add_argument("--position", help="ตำแหน่ง / your position")
    whoami.add_argument("--abbreviation",
                        help="ชื่อย่อในช่องลงชื่อย่อ เช่น ผอ.กศ. / your initials-grid abbreviation")
    whoami.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON / print JSON")
    add_lang(whoami)

    card = verbs.add_parser("card", help="ทำบัตรผู้ตรวจของผู้ใช้ (.dlacard) เพื่อให้ผู้อื่นนำเข้า "
                            "/ export your reviewer card")
    card.add_argument("-o", "--output", help="ไฟล์บัตร (ไม่ระบุ: พิมพ์ออกหน้าจอ) "
                      "/ the card file (default: standard output)")
    add_lang(card)

    trust = verbs.add_parser("trust", help="นำเข้าบัตรผู้ตรวจในโปรไฟล์ที่ใช้อยู่ "
                             "/ trust a reviewer card (active profile)")
    trust.add_argument("card", help="ไฟล์บัตรผู้ตรวจ .dlacard / the card file")
    trust.add_argument("--fingerprint", help="ลายนิ้วมือที่ได้จากผู้ตรวจ: ไม่ตรงก็ไม่นำเข้า "
                       "/ the fingerprint the reviewer read you; refuses a card that differs")
    add_lang(trust)

    listing = verbs.add_parser("reviewers", help="รายชื่อผู้ตรวจในโปรไฟล์ที่ใช้อยู่ "
                               "/ the active profile's reviewers")
    listing.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON / print JSON")
    add_lang(listing)

    untrust = verbs.add_parser("untrust", help="ลบผู้ตรวจออกจากโปรไฟล์ที่ใช้อยู่ "
                               "/ remove a reviewer from the active profile")
    untrust.add_argument("fingerprint", help="ลายนิ้วมือ (หรือกุญแจสาธารณะ) ของผู้ตรวจ "
                         "/ the reviewer's fingerprint (or public key)")
    add_lang(untrust)

    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..review import actions
    from ..review.identity import IdentityError, load_identity

    lang = args.lang
    command = args.review_command
    standalone = {"whoami": _whoami, "card": _card, "trust": _trust, "reviewers": _reviewers,
                  "untrust": _untrust}
    if command in standalone:
        return standalone[command](args, lang)
    path = Path(args.draft)
    letter, warnings, base = load_to_change(path, lang)
    if letter is None:
        return EXIT_ERRORS
    for problem in warnings:
        say(lang, problem.severity, problem.message(lang))
    if command == "status":
        return _status(letter, keyring(), args.json, lang)
    if command == "import-docx":
        return _import_docx(letter, path, Path(args.docx), lang, base, args.author)
    identity = load_identity()
    try:
        if command == "send":
            actions.send_for_review(letter, by=identity.display_name())
        elif command == "comment":
            actions.add_comment(letter, args.field, args.quote, args.text,
                                author=args.author or identity.display_name())
        elif command == "reply":
            actions.reply_to_comment(letter, args.id, args.text,
                                     author=args.author or identity.display_name())
        elif command == "resolve":
            actions.set_resolved(letter, args.id, not args.reopen)
        elif command == "approve":
            if _approve(letter, identity, args, lang) != EXIT_OK:
                return EXIT_ERRORS
        elif command == "suggest":
            from ..review.suggestions import add_suggestion

            print(add_suggestion(letter, args.field, args.quote, args.replace,
                                 author=args.author or identity.display_name(),
                                 offset=args.offset))
        elif command in ("accept", "reject"):
            _decide(letter, command, args, identity.display_name(), lang)
        else:
            actions.return_for_changes(letter, args.text, by=identity.display_name())
    except (actions.ReviewError, IdentityError) as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    return save_changed(letter, path, base, lang)


def _approve(letter, identity, args: argparse.Namespace, lang: str) -> int:
    """Approve as the user; refused (nothing changed) while comments are open, unless
    ``--force``. Says so when the new approval would not count on this very PC (the office's
    card for the user's key says another name)."""
    from ..review import actions
    from ..review.guards import approve_guard
    from ..review.identity import signing_key
    from ..review.status import review_problems, review_status

    me = identity.reviewer()
    actions.check_approver(me, args.role)
    open_comments = approve_guard(letter)
    t = _T[lang]
    if open_comments and not args.force:
        for problem in open_comments:
            say(lang, "error", problem.message(lang))
        say(lang, "error", t["open_comments"].format(n=len(open_comments)))
        return EXIT_ERRORS
    if open_comments:
        say(lang, "warning", t["forced"].format(n=len(open_comments)))
    actions.approve_as(letter, me, signing_key(), role=args.role)
    status = review_status(letter, keyring())
    mine = status.approvals[-1]
    if mine.status != "valid":
        field = f"review.approvals[{mine.approval.index}]"
        why = [p.text(lang) for p in review_problems(letter, status=status) if p.field == field]
        say(lang, "warning", t["not_counted"].format(why=" ".join(why)))
    return EXIT_OK


def _decide(letter, command: str, args: argparse.Namespace, by: str, lang: str) -> None:
    """Accept or reject one suggestion or all; with --all, say which could not be accepted
    (outdated) and stay open. Raises ``ReviewError`` (nothing changed) when refused."""
    from ..review import suggestions

    if not args.all:
        verb = (suggestions.accept_suggestion if command == "accept"
                else suggestions.reject_suggestion)
        verb(letter, args.id, by)
        return
    verb_all = suggestions.accept_all if command == "accept" else suggestions.reject_all
    done = verb_all(letter, by)
    print("\n".join(done.ids))
    for suggestion, problem in done.skipped:
        say(lang, "warning", f"{suggestion.id}: {problem.message(lang)}")


def _import_docx(letter, path: Path, docx: Path, lang: str, base,
                 author: str | None = None) -> int:
    """Import the Word comments, then the edits (tracked changes, and edits made without
    Track Changes) as suggestions; print both summaries; save only when something was
    added, and nothing when either part is refused."""
    from ..problems import DrafterError
    from ..review.docx_import import DocxImportError, import_docx_comments
    from ..review.docx_tracked import suggestions_from_docx

    try:
        summary = import_docx_comments(letter, docx)
        data = docx.read_bytes()
        edits = suggestions_from_docx(letter, data, author or _docx_author(data))
    except DocxImportError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    except DrafterError as exc:
        for problem in exc.problems:
            say(lang, "error", problem.message(lang))
        return EXIT_ERRORS
    except OSError as exc:
        say(lang, "error", reason(exc, lang))
        return EXIT_ERRORS
    for line in summary.lines(lang) + edits.lines(lang):
        print(line)
    changed = summary.imported or summary.replies or summary.resolved or edits.added
    return save_changed(letter, path, base, lang) if changed else EXIT_OK


def _docx_author(data: bytes) -> str:
    """Who last saved the DOCX (unless this program), else the user's own name."""
    from ..review.docx_tracked import docx_author
    from ..review.identity import load_identity

    return docx_author(data) or load_identity().display_name()


def _status(letter, keyring, as_json: bool, lang: str) -> int:
    from ..fields import field_label
    from ..review.paper import when_text
    from ..review.status import review_problems, review_status

    status = review_status(letter, keyring)
    if as_json:
        print(json.dumps(status.as_json(), ensure_ascii=False))
        return EXIT_OK
    th = lang == "th"
    t = _T[lang]

    def when(at: str) -> str:
        return when_text(at) if th else at

    print(f"{t['state']}: {status.label(lang)}")
    if status.returned is not None:
        back = status.returned
        print(f"{t['returned']}: {back.by} {when(back.at)}: \u201c{back.note}\u201d")
    if status.versions:
        print(f"{t['versions']}:")
    for n, version in enumerate(status.versions, 1):
        action = ACTION_NAMES.get(version.event, (version.event, version.event))[0 if th else 1]
        note = f": \u201c{version.note}\u201d" if version.note else ""
        print(f"  {n}. {action} — {version.by} {when(version.at)}{note}")
    for check in status.approvals:
        approval = check.approval
        word = STATUS_NAMES[check.status][0 if th else 1]
        who = " ".join(p for p in (approval.role, approval.name, when(approval.at)) if p)
        print(f"{t['approval']}: {who or '?'} — {word}")
    for comment in status.comments:
        mark = f" ({t['resolved']})" if comment.resolved else ""
        where = field_label(comment.field, lang)
        print(f"{t['comment']} {comment.id} [{where}] \u201c{comment.quote}\u201d "
              f"{comment.author}: {comment.text}{mark}")
        for reply in comment.replies:
            print(f"  ↳ {reply.author}: {reply.text}")
    for suggestion in status.suggestions:
        print(f"{t['suggestion']} {suggestion.describe(lang)}")
    for problem in review_problems(letter, status=status):
        say(lang, problem.severity, problem.message(lang))
    return EXIT_OK


# --------------------------------------------------------------------------- identity, cards


def _whoami(args: argparse.Namespace, lang: str) -> int:
    """Show the identity; with --name/--position/--abbreviation, set those first."""
    from ..review.cards import fingerprint, person_problems
    from ..review.identity import IdentityError, load_identity, save_identity, signing_key
    from ..review.integrity import public_key_text

    t = _T[lang]
    me = load_identity()
    given = {k: getattr(args, k) for k in ("name", "position", "abbreviation")
             if getattr(args, k) is not None}
    if given:
        for key, value in given.items():
            setattr(me, key, " ".join(value.split()))
        problems = [p for p in person_problems(me.name, me.position, me.abbreviation,
                                               "ข้อมูลผู้ใช้", "your identity")
                    if p.code not in ("card-no-name", "card-no-row")]
        if problems:
            for problem in problems:
                say(lang, "error", problem.message(lang))
            return EXIT_ERRORS
        try:
            save_identity(me)
        except OSError as exc:  # AtomicWriteError, or a folder that cannot be made
            say(lang, "error", reason(exc, lang))
            return EXIT_ERRORS
        print(t["saved_identity"], file=sys.stderr)
    try:
        public = public_key_text(signing_key().public_key())
    except IdentityError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    missing = [t[k] for k, v in (("name", me.name), ("abbreviation", me.reviewer().row))
               if not v.strip()]
    if missing:
        say(lang, "warning", t["no_identity"].format(what=" ".join(missing)))
    if args.json:
        print(json.dumps({"name": me.name, "position": me.position,
                          "abbreviation": me.abbreviation, "public_key": public,
                          "fingerprint": fingerprint(public, thai=False)}, ensure_ascii=False))
        return EXIT_OK
    print(f"{t['name']}: {me.name}")
    print(f"{t['position']}: {me.position}")
    print(f"{t['abbreviation']}: {me.abbreviation}")
    print(f"{t['public_key']}: {public}")
    print(f"{t['fingerprint']}: {fingerprint(public, thai=lang == 'th')}")
    return EXIT_OK


def _card(args: argparse.Namespace, lang: str) -> int:
    """The user's reviewer card, to a file or standard output."""
    from ..atomic import atomic_write_bytes
    from ..review.cards import CardError, make_card
    from ..review.identity import IdentityError, load_identity, signing_key

    try:
        card = make_card(load_identity().reviewer(), signing_key())
    except (CardError, IdentityError) as exc:
        for problem in exc.problems:
            say(lang, "error", problem.message(lang))
        return EXIT_ERRORS
    if not args.output:
        sys.stdout.write(card.to_bytes().decode("utf-8"))
        return EXIT_OK
    try:
        atomic_write_bytes(Path(args.output), card.to_bytes())
    except OSError as exc:  # AtomicWriteError, or a folder that cannot be made
        say(lang, "error", reason(exc, lang))
        return EXIT_ERRORS
    t = _T[lang]
    print(f"{t['written']}: {args.output}")
    print(f"{t['fingerprint']}: {card.fingerprint(thai=lang == 'th')}")
    return EXIT_OK


def _describe(name: str, position: str, abbreviation: str) -> str:
    return " · ".join(p for p in (abbreviation, name, position) if p)


def _trust(args: argparse.Namespace, lang: str) -> int:
    """Read and verify a card, print it with its fingerprint, add it to the active profile."""
    from ..app_settings import AppConfig
    from ..review.cards import CardError, read_card_file, same_fingerprint

    t = _T[lang]
    try:
        card = read_card_file(args.card)
    except CardError as exc:
        for problem in exc.problems:
            say(lang, "error", problem.message(lang))
        return EXIT_ERRORS
    shown = card.fingerprint(thai=lang == "th")
    print(f"{t['card']}: {_describe(card.name, card.position, card.abbreviation)}")
    print(f"{t['fingerprint']}: {shown}")
    if args.fingerprint and not same_fingerprint(args.fingerprint, card.public_key):
        say(lang, "error", t["wrong_print"].format(actual=shown, given=args.fingerprint))
        return EXIT_ERRORS
    config = AppConfig.load()
    profile = config.profile()
    outcome, old = profile.trust(card)
    try:
        config.save()
    except OSError as exc:  # AtomicWriteError, or a folder that cannot be made
        say(lang, "error", reason(exc, lang))
        return EXIT_ERRORS
    old_text = _describe(old.name, old.position, old.abbreviation) if old else ""
    print(t[outcome].format(profile=profile.profile_name, old=old_text))
    for other in profile.reviewers:
        if other.public_key != card.public_key and other.reviewer().row == card.reviewer.row:
            say(lang, "warning", t["same_row"].format(row=card.reviewer.row, name=other.name))
    if not args.fingerprint:
        say(lang, "warning", t["compare"])
    return EXIT_OK


def _reviewers(args: argparse.Namespace, lang: str) -> int:
    """The active profile's reviewers, each with its fingerprint and where it came from."""
    from ..app_settings import AppConfig
    from ..review.cards import fingerprint

    t = _T[lang]
    profile = AppConfig.load().profile()
    rows = []
    for entry in profile.reviewers:
        try:
            shown = fingerprint(entry.public_key, thai=lang == "th" and not args.json)
        except ValueError:
            shown = None
        source = ("signed" if entry.card() is not None else
                  "edited" if entry.signature else "typed")
        rows.append((entry, shown, source))
    if args.json:
        print(json.dumps([
            {"name": e.name, "position": e.position, "abbreviation": e.abbreviation,
             "public_key": e.public_key, "fingerprint": shown, "source": source}
            for e, shown, source in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(t["no_reviewers"].format(profile=profile.profile_name))
    for entry, shown, source in rows:
        print(f"{_describe(entry.name, entry.position, entry.abbreviation)}\t"
              f"{shown or t['bad_key']}\t{t[source]}")
    return EXIT_OK


def _untrust(args: argparse.Namespace, lang: str) -> int:
    from ..app_settings import AppConfig
    from ..review.cards import same_fingerprint

    t = _T[lang]
    config = AppConfig.load()
    profile = config.profile()

    def matches(key: str) -> bool:
        try:
            return key == args.fingerprint.strip() or same_fingerprint(args.fingerprint, key)
        except ValueError:
            return False

    entry = next((e for e in profile.reviewers if matches(e.public_key)), None)
    if entry is None:
        say(lang, "error", t["not_found"].format(given=args.fingerprint,
                                                 profile=profile.profile_name))
        return EXIT_ERRORS
    profile.untrust(entry.public_key)
    try:
        config.save()
    except OSError as exc:  # AtomicWriteError, or a folder that cannot be made
        say(lang, "error", reason(exc, lang))
        return EXIT_ERRORS
    who = _describe(entry.name, entry.position, entry.abbreviation)
    print(t["removed"].format(who=who, profile=profile.profile_name))
    return EXIT_OK


# --------------------------------------------------------------------------- other commands


def numbering_problems(letter) -> list:
    """``register issue``'s guard (``review.guards.numbering_guard``) with this PC's keyring
    and the office's policy ``number_only_after_approval``: an error (refuse) or a warning
    (number it, and say so) for a letter not approved here; nothing once approved."""
    from ..app_settings import AppConfig
    from ..review.guards import numbering_guard

    config = AppConfig.load()
    return numbering_guard(letter, config.keyring(),
                           config.profile().number_only_after_approval)


def tell(problems, lang: str, errors: bool = False) -> bool:
    """Say the errors (``errors``) or the warnings of ``problems``; whether there were any."""
    shown = [p for p in problems if p.is_error == errors]
    for problem in shown:
        say(lang, problem.severity, problem.message(lang))
    return bool(shown)


def user_name() -> str:
    """ผู้ออกเลข in the register: the user's name from their identity (else the login)."""
    from ..review.identity import load_identity

    return load_identity().display_name()


def warn_signer(draft: str | None, certificate_name: str, lang: str) -> None:
    """``sign``'s guard (``review.guards.signer_guard``): a warning with both names when the
    certificate is not the draft's signer's. Without a draft there is no signer to compare."""
    from ..review.guards import signer_guard

    letter = load(Path(draft), lang)[0] if draft else None
    for problem in signer_guard(letter, certificate_name) if letter is not None else []:
        say(lang, problem.severity, problem.message(lang))
