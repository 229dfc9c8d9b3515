"""``dla-drafter``: the desktop program, and the letter engine on the command line.

    dla-drafter                      open the desktop program with a new draft
    dla-drafter DRAFT                open DRAFT in the desktop program
    dla-drafter render DRAFT -o OUT.pdf [-o OUT.docx]
    dla-drafter check DRAFT          validation and regulation warnings; exit 1 on errors

Errors go to stderr, one readable line each, in Thai (``--lang en`` for English); no output
file is ever left half-written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .settings import RenderSettings

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

_T = {
    "th": {
        "error": "ข้อผิดพลาด",
        "warning": "คำเตือน",
        "ok": "ตรวจแล้ว: ไม่พบข้อผิดพลาด",
        "written": "เขียนไฟล์แล้ว",
        "bad_ext": "ไม่รู้จักชนิดไฟล์ผลลัพธ์ {name}: ใช้ .pdf หรือ .docx",
        "blocked": "ยังสร้างหนังสือไม่ได้ เพราะมีข้อผิดพลาดข้างต้น",
        "pages": "หน้า",
        "failed": "เขียนไฟล์ {name} ไม่สำเร็จ: {why}",
        "font": "โหลดแบบอักษรไม่ได้: {why}",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "ok": "checked: no errors",
        "written": "written",
        "bad_ext": "unknown output type {name}: use .pdf or .docx",
        "blocked": "cannot make the letter because of the errors above",
        "pages": "pages",
        "failed": "could not write {name}: {why}",
        "font": "cannot load the font: {why}",
    },
}


def _say(lang: str, severity: str, text: str) -> None:
    print(f"{_T[lang][severity]}: {text}", file=sys.stderr)


def _load(path: Path, lang: str):
    from .model.draftio import load_draft_with_warnings
    from .model.problems import DraftError

    try:
        letter, warnings = load_draft_with_warnings(path)
    except DraftError as exc:
        for problem in exc.problems:
            _say(lang, problem.severity, problem.message(lang))
        return None, []
    return letter, warnings


def _check(args: argparse.Namespace) -> int:
    from .model.checks import check_letter

    letter, warnings = _load(Path(args.draft), args.lang)
    if letter is None:
        return EXIT_ERRORS
    problems = list(warnings) + check_letter(letter)
    for problem in problems:
        _say(args.lang, problem.severity, problem.message(args.lang))
    if any(p.severity == "error" for p in problems):
        return EXIT_ERRORS
    print(_T[args.lang]["ok"])
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from .model.checks import check_letter

    lang = args.lang
    outputs = [Path(o) for o in args.output]
    for out in outputs:
        if out.suffix.lower() not in (".pdf", ".docx"):
            _say(lang, "error", _T[lang]["bad_ext"].format(name=out))
            return EXIT_USAGE
    letter, warnings = _load(Path(args.draft), lang)
    if letter is None:
        return EXIT_ERRORS
    problems = list(warnings) + check_letter(letter)
    for problem in problems:
        _say(lang, problem.severity, problem.message(lang))
    if any(p.severity == "error" for p in problems):
        _say(lang, "error", _T[lang]["blocked"])
        return EXIT_ERRORS
    settings = RenderSettings(
        docx_font=args.docx_font or RenderSettings().docx_font,
        emblem_path=Path(args.emblem) if args.emblem else None,
        use_system_th_sarabun=not args.bundled_font,
    )
    from . import pipeline

    status = EXIT_OK
    for out in outputs:
        try:
            if out.suffix.lower() == ".pdf":
                pages = pipeline.export_pdf(letter, out, settings)
                for problem in pipeline.glyph_problems(pages, settings):
                    _say(lang, problem.severity, problem.message(lang))
                print(f"{_T[lang]['written']}: {out} ({len(pages)} {_T[lang]['pages']})")
            else:
                pipeline.export_docx(letter, out, settings)
                print(f"{_T[lang]['written']}: {out}")
        except OSError as exc:
            _say(lang, "error", _T[lang]["failed"].format(name=out, why=_reason(exc, lang)))
            status = EXIT_ERRORS
    return status


def _reason(exc: OSError, lang: str) -> str:
    """The cause in the clerk's language when the error carries one (file writers and the
    emblem loader do), else the system's own words."""
    text = (getattr(exc, f"message_{lang}", None) or str(exc)).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dla-drafter",
        description="ร่างหนังสือราชการ / draft Thai official letters (PDF and DOCX)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    render = sub.add_parser("render", help="สร้าง PDF/DOCX จากไฟล์ร่าง / render a draft")
    render.add_argument("draft")
    render.add_argument("-o", "--output", action="append", required=True,
                        help="ไฟล์ผลลัพธ์ .pdf หรือ .docx (ใส่ได้หลายครั้ง)")
    render.add_argument("--docx-font", help="ชื่อแบบอักษรใน DOCX (ค่าเริ่มต้น TH SarabunPSK)")
    render.add_argument("--emblem", help="ไฟล์ภาพตราครุฑของหน่วยงาน (SVG/PNG)")
    render.add_argument("--bundled-font", action="store_true",
                        help="ใช้แบบอักษร Sarabun ที่มากับโปรแกรมแม้มี TH Sarabun ในเครื่อง")
    check = sub.add_parser("check", help="ตรวจไฟล์ร่าง / check a draft")
    check.add_argument("draft")
    for p in (render, check):
        p.add_argument("--lang", choices=("th", "en"), default="th")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in ("render", "check") and not argv[0].startswith("-")):
        return _gui(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
        sys.stderr.reconfigure(encoding="utf-8", errors="replace")
    args = _parser().parse_args(argv)
    try:
        return _render(args) if args.command == "render" else _check(args)
    except KeyboardInterrupt:
        return EXIT_ERRORS


def _gui(argv: list[str]) -> int:
    try:
        from .ui.app import main as gui_main
    except ImportError as exc:  # the desktop part is missing from this installation
        print(f"ข้อผิดพลาด: เปิดหน้าต่างโปรแกรมไม่ได้ ({exc})", file=sys.stderr)
        _parser().print_help()
        return EXIT_USAGE
    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
