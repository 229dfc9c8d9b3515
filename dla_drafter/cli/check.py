"""``dla-drafter check DRAFT``: validation and regulation warnings; exit 1 on errors.

Each problem is one line naming its field as a clerk knows it (``ผู้รับ (ตำแหน่งที่มีหนังสือถึง):
ยังไม่ได้กรอก``); ``--verbose`` adds the field's path in the draft file (``(addressee)``) for
whoever edits the file by hand or scripts around it."""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, add_lang, keyring, load, say, text


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="ตรวจไฟล์ร่าง / check a draft")
    parser.add_argument("draft")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="บอกตำแหน่งของช่องในไฟล์ร่างด้วย เช่น (body[2]) / "
                             "also give each field's path in the draft file, e.g. (body[2])")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import export_problems

    letter, warnings = load(Path(args.draft), args.lang, verbose=args.verbose)
    if letter is None:
        return EXIT_ERRORS
    problems = list(warnings) + export_problems(letter, keyring=keyring())
    for problem in problems:
        say(args.lang, problem.severity, problem.message(args.lang, path=args.verbose))
    if any(p.severity == "error" for p in problems):
        return EXIT_ERRORS
    print(text(args.lang, "ok"))
    return EXIT_OK
