"""``dla-drafter render DRAFT -o OUT.pdf [-o OUT.docx]``: the letter as PDF and/or DOCX.

``--watermark`` prints "ร่าง" across the pages of a letter not yet approved; ``--review``
makes each PDF the review PDF (every page followed by its open comments,
``pipeline.review_pdf_bytes``) for a supervisor who reviews on paper; a DOCX carries the
comments as Word comments either way.

All or none: the draft and the settings are checked first (a problem names its field and
stops before anything is written), every output is then made in memory, and only when all
are made are they written together (``atomic.atomic_write_all``); if any fails, no existing
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
    parser.add_argument("--review", action="store_true",
                        help="PDF สำหรับตรวจบนกระดาษ: ทุกหน้าตามด้วยความเห็นที่ยังเปิดอยู่ของหน้านั้น")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.checks import check_letter
    from ..settings import docx_font_problem

    lang = args.lang
    outputs = [Path(o) for o in args.output]
    seen: set[Path] = set()
    for out in outputs:
        if out.suffix.lower() not in (".pdf", ".docx"):
            say(lang, "error", text(lang, "bad_ext").format(name=out))
            return EXIT_USAGE
        if out.resolve() in seen:
            say(lang, "error", text(lang, "same_output").format(name=out))
            return EXIT_USAGE
        seen.add(out.resolve())
    letter, warnings = load(Path(args.draft), lang)
    if letter is None:
        return EXIT_ERRORS
    settings = RenderSettings(
        docx_font=args.docx_font or RenderSettings().docx_font,
        emblem_path=Path(args.emblem) if args.emblem else None,
        use_system_th_sarabun=not args.bundled_font,
        draft_watermark=args.watermark,
    )
    problems = list(warnings) + check_letter(letter)
    if any(out.suffix.lower() == ".docx" for out in outputs):
        font_problem = docx_font_problem(settings.docx_font)
        problems += [font_problem] if font_problem is not None else []
    for problem in problems:
        say(lang, problem.severity, problem.message(lang))
    if any(p.severity == "error" for p in problems):
        say(lang, "error", text(lang, "blocked"))
        return EXIT_ERRORS
    from .. import pipeline

    made: dict[Path, bytes] = {}
    notes: list[str] = []
    for out in outputs:
        try:
            if out.suffix.lower() == ".pdf":
                make = pipeline.review_pdf_bytes if args.review else pipeline.pdf_bytes
                data, pages = make(letter, settings)
                for problem in pipeline.glyph_problems(pages, settings):
                    say(lang, problem.severity, problem.message(lang))
                notes.append(f"{text(lang, 'written')}: {out} ({len(pages)} {text(lang, 'pages')})")
            else:
                data = pipeline.docx_bytes(letter, settings)
                notes.append(f"{text(lang, 'written')}: {out}")
        except (OSError, ValueError) as exc:  # an emblem file; a rule validation missed
            say(lang, "error", text(lang, "render_failed").format(name=out, why=_why(exc, lang)))
            say(lang, "error", text(lang, "none_written"))
            return EXIT_ERRORS
        made[out] = data
    try:
        pipeline.write_outputs(made)
    except OSError as exc:
        failed = getattr(exc, "path", None) or "?"
        say(lang, "error", text(lang, "failed").format(name=failed, why=reason(exc, lang)))
        say(lang, "error", text(lang, "none_written"))
        return EXIT_ERRORS
    for note in notes:
        print(note)
    return EXIT_OK


def _why(exc: Exception, lang: str) -> str:
    """The first line in the clerk's language: file errors carry ``message_th``; the QR and
    font errors carry a ``problem``."""
    problem = getattr(exc, "problem", None)
    if problem is not None:
        return problem.message(lang)
    if isinstance(exc, OSError):
        return reason(exc, lang)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
