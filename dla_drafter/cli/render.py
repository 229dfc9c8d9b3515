"""``dla-drafter render DRAFT -o OUT.pdf [-o OUT.docx]``: the letter as PDF and/or DOCX."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..settings import RenderSettings
from ._common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    add_lang,
    load,
    reason,
    say,
    text,
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("render", help="สร้าง PDF/DOCX จากไฟล์ร่าง / render a draft")
    parser.add_argument("draft")
    parser.add_argument("-o", "--output", action="append", required=True,
                        help="ไฟล์ผลลัพธ์ .pdf หรือ .docx (ใส่ได้หลายครั้ง)")
    parser.add_argument("--docx-font", help="ชื่อแบบอักษรใน DOCX (ค่าเริ่มต้น TH SarabunPSK)")
    parser.add_argument("--emblem", help="ไฟล์ภาพตราครุฑของหน่วยงาน (SVG/PNG)")
    parser.add_argument("--bundled-font", action="store_true",
                        help="ใช้แบบอักษร Sarabun ที่มากับโปรแกรมแม้มี TH Sarabun ในเครื่อง")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.checks import check_letter

    lang = args.lang
    outputs = [Path(o) for o in args.output]
    for out in outputs:
        if out.suffix.lower() not in (".pdf", ".docx"):
            say(lang, "error", text(lang, "bad_ext").format(name=out))
            return EXIT_USAGE
    letter, warnings = load(Path(args.draft), lang)
    if letter is None:
        return EXIT_ERRORS
    problems = list(warnings) + check_letter(letter)
    for problem in problems:
        say(lang, problem.severity, problem.message(lang))
    if any(p.severity == "error" for p in problems):
        say(lang, "error", text(lang, "blocked"))
        return EXIT_ERRORS
    settings = RenderSettings(
        docx_font=args.docx_font or RenderSettings().docx_font,
        emblem_path=Path(args.emblem) if args.emblem else None,
        use_system_th_sarabun=not args.bundled_font,
    )
    from .. import pipeline

    status = EXIT_OK
    for out in outputs:
        try:
            if out.suffix.lower() == ".pdf":
                pages = pipeline.export_pdf(letter, out, settings)
                for problem in pipeline.glyph_problems(pages, settings):
                    say(lang, problem.severity, problem.message(lang))
                print(f"{text(lang, 'written')}: {out} ({len(pages)} {text(lang, 'pages')})")
            else:
                pipeline.export_docx(letter, out, settings)
                print(f"{text(lang, 'written')}: {out}")
        except OSError as exc:
            say(lang, "error", text(lang, "failed").format(name=out, why=reason(exc, lang)))
            status = EXIT_ERRORS
    return status
