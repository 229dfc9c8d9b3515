"""``dla-drafter diff OLD NEW``: what changed between two drafts, field by field, word by word.

Exit 0 when the letters say the same, 1 when they differ, 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_lang, load


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("diff", help="เปรียบเทียบไฟล์ร่างสองฉบับ / compare two drafts")
    parser.add_argument("old")
    parser.add_argument("new")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..review.diff import diff_letters, format_change

    old, _ = load(Path(args.old), args.lang)
    if old is None:
        return EXIT_USAGE
    new, _ = load(Path(args.new), args.lang)
    if new is None:
        return EXIT_USAGE
    changes = diff_letters(old, new)
    for change in changes.fields:
        print(format_change(change, args.lang))
    if not changes:
        print("ไม่มีความแตกต่าง" if args.lang == "th" else "no differences")
        return EXIT_OK
    return EXIT_ERRORS
