"""``dla-drafter diff``: what changed, field by field, word by word.

    diff OLD NEW                       two draft files
    diff DRAFT --from N [--to M]       two versions inside one draft (1 is the first version;
                                       without --to: the draft's text as it is now)
    diff DRAFT --since-mine [--to M]   since the version you last sent, returned, approved or
                                       commented on (you: the identity of this computer's user)

A paragraph split or merged shows as one change, text moved between paragraphs as moved
(``review.diff``). Exit 0 when the letters say the same, 1 when they differ, 2 when a file
cannot be read or the versions asked for cannot be compared.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_lang, load, say

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def version_number(text: str) -> int:
    """A version number as typed: ``2`` or ``๒``."""
    try:
        n = int(text.strip().translate(_THAI_DIGITS))
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(
            f"ต้องเป็นเลขฉบับ ๑, ๒, ๓ … / must be a version number 1, 2, 3 … (got {text!r})")
    return n


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "diff", help="เปรียบเทียบร่างสองฉบับ / compare two drafts or two versions",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", metavar="DRAFT", help="ไฟล์ร่าง (ฉบับเดิม) / the (old) draft")
    parser.add_argument("new", nargs="?", metavar="NEW",
                        help="ไฟล์ร่างฉบับใหม่ / the new draft (not with --from/--since-mine)")
    parser.add_argument("--from", dest="from_n", type=version_number, metavar="N",
                        help="ฉบับที่ N ในร่าง / version N inside the draft")
    parser.add_argument("--to", dest="to_n", type=version_number, metavar="M",
                        help="ถึงฉบับที่ M (ไม่ระบุ: ข้อความปัจจุบัน) / to version M "
                             "(default: the text now)")
    parser.add_argument("--since-mine", action="store_true",
                        help="ตั้งแต่ฉบับที่ตนส่ง ส่งกลับ อนุมัติ หรือแสดงความเห็นล่าสุด / since the "
                             "version you last sent, returned, approved or commented on")
    add_lang(parser)
    parser.set_defaults(run=run)


_USAGE = {
    "two": ("ต้องระบุไฟล์ร่างสองไฟล์ (เดิม ใหม่) หรือใช้ --from N หรือ --since-mine กับไฟล์ร่างไฟล์เดียว",
            "give two drafts (old, new), or one draft with --from N or --since-mine"),
    "one": ("--from, --to และ --since-mine ใช้กับไฟล์ร่างไฟล์เดียว (ฉบับต่าง ๆ อยู่ในไฟล์นั้น)",
            "--from, --to and --since-mine take one draft (the versions are inside it)"),
    "both": ("ใช้ --from หรือ --since-mine อย่างใดอย่างหนึ่ง",
             "use either --from or --since-mine, not both"),
    "to": ("--to ต้องใช้คู่กับ --from หรือ --since-mine",
           "--to needs --from or --since-mine"),
}


def _usage(key: str, lang: str) -> int:
    th, en = _USAGE[key]
    say(lang, "error", th if lang == "th" else en)
    return EXIT_USAGE


def _print_changes(changes, lang: str) -> int:
    from ..review.diff import format_change

    for change in changes.fields:
        print(format_change(change, lang))
    if not changes:
        print("ไม่มีความแตกต่าง" if lang == "th" else "no differences")
        return EXIT_OK
    return EXIT_ERRORS


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    if args.from_n is None and args.to_n is None and not args.since_mine:
        return _two_files(args, lang)
    if args.new is not None:
        return _usage("one", lang)
    if args.since_mine and args.from_n is not None:
        return _usage("both", lang)
    if args.from_n is None and not args.since_mine:
        return _usage("to", lang)
    return _versions(args, lang)


def _two_files(args: argparse.Namespace, lang: str) -> int:
    from ..review.diff import diff_letters

    if args.new is None:
        return _usage("two", lang)
    old, _ = load(Path(args.old), lang)
    if old is None:
        return EXIT_USAGE
    new, _ = load(Path(args.new), lang)
    if new is None:
        return EXIT_USAGE
    return _print_changes(diff_letters(old, new), lang)


def _viewer(lang: str):
    """The user of this computer: their identity's name, and their key when they have one
    (a damaged key file is said, and names alone are matched)."""
    from ..review.identity import IdentityError, load_identity, own_public_key
    from ..review.versions import Viewer

    try:
        key = own_public_key()
    except IdentityError as exc:
        say(lang, "warning", exc.message(lang))
        key = None
    return Viewer(load_identity().display_name(), key)


def _versions(args: argparse.Namespace, lang: str) -> int:
    from ..review.record import raw_record, read_record
    from ..review.versions import VersionError, baseline_for, compare_versions, version

    th = lang == "th"
    letter, _ = load(Path(args.old), lang)
    if letter is None:
        return EXIT_USAGE
    record = read_record(raw_record(letter))
    from_n = args.from_n
    if args.since_mine:
        viewer = _viewer(lang)
        baseline = baseline_for(record, viewer)
        if baseline is None:
            say(lang, "error",
                f"ผู้ใช้ \u201c{viewer.name}\u201d ยังไม่เคยส่งตรวจ ส่งกลับแก้ไข อนุมัติ หรือแสดงความเห็นในร่างนี้ "
                "จึงไม่มีฉบับที่ดูล่าสุด ใช้ --from N เพื่อเลือกฉบับ" if th else
                f"\u201c{viewer.name}\u201d has not sent, returned, approved or commented on this "
                "draft, so there is no version you last looked at; pick one with --from N")
            return EXIT_USAGE
        from_n = baseline.version.n
        print(("ตั้งแต่ที่คุณดูล่าสุด: " if th else "since you last looked: ")
              + baseline.describe(lang))
    try:
        changes = compare_versions(record, letter, from_n, args.to_n)
        print(("จาก: " if th else "from: ") + version(record, from_n).label(lang))
        to = ("ข้อความปัจจุบันในไฟล์" if th else "the draft's text now") if args.to_n is None \
            else version(record, args.to_n).label(lang)
        print(("ถึง: " if th else "to: ") + to)
    except VersionError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_USAGE
    return _print_changes(changes, lang)
