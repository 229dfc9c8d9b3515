"""``dla-drafter merge DRAFT --data FILE.csv|FILE.xlsx -o DIR``: one letter per data row.

    dla-drafter merge DRAFT --data FILE -o DIR [--format pdf,docx] [--name PATTERN]
                            [--combined FILE.pdf] [--encoding utf-8|cp874] [--workers N]

The draft's ``«column»`` fields are filled from each row (``docs/merge-fields.md``). Each
failed row is one line on stderr (``ข้อผิดพลาด: แถวที่ ๕ คอลัมน์ "ชื่อ": …``), the other rows
are still made, and the last line on stdout is the summary (``สร้างหนังสือแล้ว ๗๕ ฉบับ จาก
๗๖ แถว``). Exit 0 when every row was made, 1 when any row failed or nothing could start, 2 for
a usage error. Without ``-o`` only the ``--combined`` PDF is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..settings import RenderSettings
from ._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_lang, keyring, load, say
from .review import user_name

_T = {
    "th": {
        "no_output": "ต้องใส่ -o โฟลเดอร์ผลลัพธ์ หรือ --combined ไฟล์ PDF รวมเล่ม",
        "bad_format": "ไม่รู้จักชนิดไฟล์ {name} ใน --format (ใช้ pdf, docx หรือ pdf,docx)",
        "combined_ext": "ไฟล์ --combined ต้องลงท้ายด้วย .pdf",
        "combined": "PDF รวมเล่ม",
        "folder": "ไฟล์แต่ละฉบับอยู่ในโฟลเดอร์",
        "interrupted": "หยุดตามคำสั่ง",
        "numbers": "เลขทะเบียนหนังสือส่ง",
        "number_cancelled": "ยกเลิกเลข {number} ในทะเบียน เพราะไม่ได้สร้างหนังสือฉบับนั้น",
    },
    "en": {
        "no_output": "give -o an output folder or --combined a PDF file",
        "bad_format": "unknown type {name} in --format (use pdf, docx or pdf,docx)",
        "combined_ext": "the --combined file must end in .pdf",
        "combined": "combined PDF",
        "folder": "letters written to",
        "interrupted": "stopped on request",
        "numbers": "register numbers",
        "number_cancelled": "number {number} cancelled in the register: its letter was not made",
    },
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "merge", help="หนังสือหลายฉบับจากตารางข้อมูล / batch letters from a table",
        description="สร้างหนังสือหนึ่งฉบับต่อหนึ่งแถวของตาราง CSV/XLSX "
                    "โดยแทนช่อง «ชื่อคอลัมน์» ในไฟล์ร่าง")
    parser.add_argument("draft", metavar="DRAFT")
    parser.add_argument("--data", required=True, metavar="FILE.csv|FILE.xlsx",
                        help="ตารางข้อมูล .csv หรือ .xlsx (แถวแรกเป็นชื่อคอลัมน์)")
    parser.add_argument("-o", "--output", metavar="DIR", help="โฟลเดอร์สำหรับไฟล์ของแต่ละฉบับ")
    parser.add_argument("--format", default="pdf", metavar="pdf,docx",
                        help="ชนิดไฟล์ของแต่ละฉบับ: pdf, docx หรือ pdf,docx (ค่าเริ่มต้น pdf)")
    parser.add_argument("--name", metavar="PATTERN",
                        help="รูปแบบชื่อไฟล์ เช่น «จังหวัด» หรือ หนังสือ-{n} (ค่าเริ่มต้น หนังสือ-{n})")
    parser.add_argument("--combined", metavar="FILE.pdf", help="PDF ไฟล์เดียวรวมทุกฉบับ สำหรับสั่งพิมพ์")
    parser.add_argument("--encoding", metavar="utf-8|cp874",
                        help="รหัสอักษรของไฟล์ CSV: utf-8 หรือ cp874 (ค่าเริ่มต้น ตรวจให้เอง)")
    parser.add_argument("--workers", type=int, metavar="N", help="จำนวนโพรเซสที่ใช้ (ค่าเริ่มต้น ทุกแกน)")
    parser.add_argument("--register", action="store_true",
                        help="ออกเลขทะเบียนหนังสือส่งให้ทุกฉบับ / one register number per letter")
    parser.add_argument("--db", metavar="URL",
                        help="ทะเบียน (sqlite:///… หรือ postgresql://…) ค่าเริ่มต้นตามการตั้งค่า")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="วันที่ออกเลข (ค่าเริ่มต้น วันนี้)")
    parser.add_argument("--bundled-font", action="store_true",
                        help="ใช้แบบอักษร Sarabun ที่มากับโปรแกรมแม้มี TH Sarabun ในเครื่อง")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    t = _T[lang]
    formats = tuple(f.strip().lower().lstrip(".") for f in args.format.split(",") if f.strip())
    for name in formats:
        if name not in ("pdf", "docx"):
            say(lang, "error", t["bad_format"].format(name=name))
            return EXIT_USAGE
    if args.output is None and args.combined is None:
        say(lang, "error", t["no_output"])
        return EXIT_USAGE
    if args.combined is not None and Path(args.combined).suffix.lower() != ".pdf":
        say(lang, "error", t["combined_ext"])
        return EXIT_USAGE
    if args.output is None:
        formats = ()

    from ..merge import TableError, merge, read_table
    from ..problems import DrafterError

    letter, warnings = load(Path(args.draft), lang)
    if letter is None:
        return EXIT_ERRORS
    for problem in warnings:
        say(lang, problem.severity, problem.message(lang))
    try:
        table = read_table(args.data, args.encoding)
    except TableError as exc:
        say(lang, "error", exc.message(lang))
        return EXIT_ERRORS
    settings = RenderSettings(use_system_th_sarabun=not args.bundled_font)
    store, day = None, None
    try:
        if args.register or args.db:
            from ..register import open_store
            from .register import parse_date, register_url

            day = parse_date(args.date)
            store = open_store(register_url(args.db))
        summary = merge(letter, table, args.output, formats, args.name, args.combined,
                        settings=settings, workers=args.workers, register=store,
                        register_date=day if store is not None else None,
                        draft_path=args.draft, keyring=keyring(), clerk=user_name())
    except DrafterError as exc:  # the merge cannot start, the register refused …
        for problem in exc.errors or exc.problems:
            say(lang, problem.severity, problem.message(lang))
        return EXIT_ERRORS
    except KeyboardInterrupt:
        say(lang, "error", t["interrupted"])
        return EXIT_ERRORS
    finally:
        if store is not None:
            store.close()
    for problem in summary.problems:
        say(lang, problem.severity, problem.message(lang))
    if summary.files:
        print(f"{t['folder']} {args.output}")
    if summary.combined is not None:
        print(f"{t['combined']}: {summary.combined}")
    if summary.numbers:
        print(f"{t['numbers']}: {summary.numbers[0]} – {summary.numbers[-1]}"
              f" ({len(summary.numbers)})")
    for number in summary.cancelled_numbers:
        say(lang, "warning", t["number_cancelled"].format(number=number))
    print(summary.message(lang))
    return EXIT_OK if summary.ok else EXIT_ERRORS
