"""``dla-drafter render DRAFT -o OUT.pdf [-o OUT.docx]``: the letter as PDF and/or DOCX.

``--watermark`` prints "ร่าง" across the pages of a letter not yet approved; ``--plain-pdf``
makes a plain PDF instead of PDF/A-3b (still tagged, with the draft inside); ``--review``
makes each PDF the review PDF (every page followed by its open comments,
``pipeline.make_outputs(review=True)``) for a supervisor who reviews on paper; a DOCX carries the
comments as Word comments either way.

All or none: the draft and the settings are checked first (a problem names its field and
stops before anything is written), every output is then made in memory, and only when all
are made are they written together (``pipeline.write_outputs``); if any fails, no existing
file is replaced and no temporary file stays.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..settings import RenderSettings
from ._common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    add_lang,
    keyring,
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
    parser.add_argument("--watermark", action="store_true",
                        help="พิมพ์คำว่า \"ร่าง\" จาง ๆ ทแยงกลางทุกหน้า ถ้าหนังสือยังไม่ได้อนุมัติ")
    parser.add_argument("--plain-pdf", action="store_true",
                        help="PDF ธรรมดา ไม่ใช่ PDF/A-3b (สำหรับระบบที่ไม่รับ PDF/A)")
    parser.add_argument("--review", action="store_true",
                        help="PDF สำหรับตรวจบนกระดาษ: ทุกหน้าตามด้วยความเห็นที่ยังเปิดอยู่ของหน้านั้น")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .. import pipeline
    from ..problems import DrafterError, problems_of

    lang = args.lang
    outputs = [Path(o) for o in args.output]
    try:
        pipeline.check_targets(outputs)
    except DrafterError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_USAGE
    letter, warnings = load(Path(args.draft), lang)
    if letter is None:
        return EXIT_ERRORS
    settings = RenderSettings(
        docx_font=args.docx_font or RenderSettings().docx_font,
        emblem_path=Path(args.emblem) if args.emblem else None,
        use_system_th_sarabun=not args.bundled_font,
        draft_watermark=args.watermark,
        pdf_a=not args.plain_pdf,
    )
    keys = keyring()
    problems = list(warnings) + pipeline.export_problems(letter, settings, keys, outputs)
    for problem in problems:
        say(lang, problem.severity, problem.message(lang))
    if any(p.severity == "error" for p in problems):
        say(lang, "error", text(lang, "blocked"))
        return EXIT_ERRORS
    try:
        made = pipeline.make_outputs(letter, outputs, settings, keys, review=args.review)
    except (DrafterError, OSError, ValueError) as exc:  # an emblem file; a rule validation missed
        for problem in problems_of(exc):
            say(lang, "error", problem.message(lang))
        say(lang, "error", text(lang, "none_written"))
        return EXIT_ERRORS
    for problem in made.problems:
        say(lang, problem.severity, problem.message(lang))
    try:
        pipeline.write_outputs(made.files)
    except OSError as exc:
        failed = (exc.path if isinstance(exc, DrafterError) else None) or exc.filename or "?"
        say(lang, "error", text(lang, "failed").format(name=failed, why=reason(exc, lang)))
        say(lang, "error", text(lang, "none_written"))
        return EXIT_ERRORS
    for out in outputs:
        if pipeline.output_format(out) == "pdf" and made.pages is not None:
            print(f"{text(lang, 'written')}: {out} ({len(made.pages)} {text(lang, 'pages')})")
        else:
            print(f"{text(lang, 'written')}: {out}")
    return EXIT_OK
