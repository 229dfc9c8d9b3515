"""``dla-drafter extract LETTER.pdf|LETTER.docx -o DRAFT.dladraft.json``: the draft a letter
carries.

Every PDF and DOCX this program writes carries the clerk's draft inside (an associated file
in the PDF, a custom XML part in the DOCX), so a letter that comes back as a file can be
edited again without retyping. ``pipeline.draft_from_letter`` reads it (by the input's first
bytes, not its name), as File → Open does.

The output is written as a draft file is saved (validated, atomically); an existing file
is kept unless ``--force``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_lang, reason, say, text

_T = {
    "th": {
        "exists": "มีไฟล์ {name} อยู่แล้ว ใช้ --force ถ้าต้องการเขียนทับ",
        "unreadable": "อ่านไฟล์ {name} ไม่ได้: {why}",
    },
    "en": {
        "exists": "{name} exists already; use --force to replace it",
        "unreadable": "cannot read {name}: {why}",
    },
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("extract",
                            help="ดึงไฟล์ร่างออกจาก PDF ของหนังสือ / the draft inside a letter")
    parser.add_argument("letter", help="ไฟล์ PDF หรือ DOCX ของหนังสือ")
    parser.add_argument("-o", "--output", required=True, help="ไฟล์ร่างที่จะเขียน (.dladraft.json)")
    parser.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่แล้ว")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.draftio import save_draft
    from ..problems import DrafterError, problems_of

    lang = args.lang
    source, target = Path(args.letter), Path(args.output)
    try:
        data = source.read_bytes()
    except OSError as exc:
        say(lang, "error", _T[lang]["unreadable"].format(name=source, why=reason(exc, lang)))
        return EXIT_ERRORS
    if target.exists() and not args.force:
        say(lang, "error", _T[lang]["exists"].format(name=target))
        return EXIT_USAGE
    from ..pipeline import OutputError, draft_from_letter

    try:
        letter = draft_from_letter(data, str(source))
    except OutputError as exc:  # neither a PDF nor a DOCX
        say(lang, "error", exc.message(lang))
        return EXIT_USAGE
    except DrafterError as exc:
        for problem in problems_of(exc):
            say(lang, "error", problem.message(lang))
        return EXIT_ERRORS
    try:
        save_draft(letter, target)
    except (DrafterError, OSError) as exc:
        for problem in problems_of(exc):
            say(lang, "error", problem.message(lang))
        return EXIT_ERRORS
    print(f"{text(lang, 'written')}: {target}")
    return EXIT_OK
