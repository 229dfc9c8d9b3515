"""``dla-drafter extract LETTER.pdf -o DRAFT.dladraft.json``: the draft a letter carries.

Every PDF this program writes carries the clerk's draft inside (``render.pdf_embed``), so a
letter that comes back as a PDF can be edited again without retyping. The input's kind is
read from its first bytes, not its name, and each kind has its reader in ``READERS``: a
DOCX reader (the draft as a custom XML part) is one more entry there.

The output is written as a draft file is saved (validated, atomically); an existing file
is kept unless ``--force``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_lang, reason, say, text

_T = {
    "th": {
        "unknown": "ไม่รู้จักชนิดไฟล์ {name}: ใช้ไฟล์ PDF ที่โปรแกรมนี้สร้าง",
        "exists": "มีไฟล์ {name} อยู่แล้ว ใช้ --force ถ้าต้องการเขียนทับ",
        "unreadable": "อ่านไฟล์ {name} ไม่ได้: {why}",
    },
    "en": {
        "unknown": "unknown file type {name}: use a PDF this program made",
        "exists": "{name} exists already; use --force to replace it",
        "unreadable": "cannot read {name}: {why}",
    },
}


def _pdf(data: bytes):
    from ..render.pdf_embed import extract_draft_from_pdf

    return extract_draft_from_pdf(data)


#: The first bytes of each kind of input → the function that reads the draft from it.
READERS: dict[bytes, Callable[[bytes], object]] = {b"%PDF-": _pdf}


def reader_for(data: bytes) -> Callable[[bytes], object] | None:
    """The reader of ``data``'s kind (a PDF may have a few bytes before ``%PDF-``)."""
    head = data[:1024]
    for magic, read in READERS.items():
        if head.startswith(magic) or (magic == b"%PDF-" and magic in head):
            return read
    return None


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("extract",
                            help="ดึงไฟล์ร่างออกจาก PDF ของหนังสือ / the draft inside a letter")
    parser.add_argument("letter", help="ไฟล์ PDF ของหนังสือ")
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
    read = reader_for(data)
    if read is None:
        say(lang, "error", _T[lang]["unknown"].format(name=source))
        return EXIT_USAGE
    if target.exists() and not args.force:
        say(lang, "error", _T[lang]["exists"].format(name=target))
        return EXIT_USAGE
    try:
        letter = read(data)
        save_draft(letter, target)
    except (DrafterError, OSError) as exc:
        for problem in problems_of(exc):
            say(lang, "error", problem.message(lang))
        return EXIT_ERRORS
    print(f"{text(lang, 'written')}: {target}")
    return EXIT_OK
