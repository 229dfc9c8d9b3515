"""``dla-drafter register …``: the outgoing-number register (ทะเบียนหนังสือส่ง).

    register issue DRAFT [--db URL] [--date YYYY-MM-DD]    next number into the draft; prints it
    register reserve CODE [--circular] [--db URL]          จองเลข; prints the reserved number
    register cancel NUMBER --reason TEXT [--db URL]        ยกเลิกเลข (kept, never reused)
    register attach NUMBER --pdf FILE [--db URL]           record the exported PDF's SHA-256
    register list [--db URL] [--year BE] [--json]          the entries (also --search TEXT,
                                                           --from/--to YYYY-MM-DD)
    register export -o FILE.xlsx|FILE.csv|FILE.pdf [--db URL] [--year BE] [--from/--to …]

Without ``--db`` the URL is the settings' ``register_url``, else this PC's SQLite file. A SQLite
file on a network share is not safe for several clerks (a warning says so when the file is
on one): an office shares PostgreSQL (``--db postgresql://user@server/register``). A date
may be given in ค.ศ. or พ.ศ. (``2026-12-02`` or ``2569-12-02``); the serial's year is the
พ.ศ. year of that date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_lang, load, reason, say
from .review import numbering_problems, tell, user_name

_T = {
    "th": {
        "issued": "ออกเลขแล้ว",
        "reserved": "จองเลขแล้ว",
        "cancelled": "ยกเลิกเลขแล้ว",
        "attached": "บันทึก SHA-256 ของ PDF แล้ว",
        "no_pdf": "อ่านไฟล์ PDF ไม่ได้: {name} ({why})",
        "written": "เขียนไฟล์แล้ว",
        "bad_ext": "ไม่รู้จักชนิดไฟล์ {name}: ใช้ .xlsx .csv หรือ .pdf",
        "failed": "เขียนไฟล์ {name} ไม่สำเร็จ: {why}",
        "empty": "ยังไม่มีรายการในทะเบียน",
        "year": "ปี พ.ศ. {year}",
        "pending": "(ยังไม่ยืนยันว่าเขียนลงร่างแล้ว: เปิดหรือออกเลขร่างนั้นอีกครั้ง)",
    },
    "en": {
        "issued": "issued",
        "reserved": "reserved",
        "cancelled": "cancelled",
        "attached": "recorded the PDF's SHA-256",
        "no_pdf": "cannot read the PDF {name} ({why})",
        "written": "written",
        "bad_ext": "unknown file type {name}: use .xlsx, .csv or .pdf",
        "failed": "could not write {name}: {why}",
        "empty": "the register has no entries yet",
        "year": "ปี พ.ศ. {year}",
        "pending": "(not yet seen in its draft: open or issue that draft again)",
    },
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("register", help="ทะเบียนหนังสือส่ง: ออกเลข จองเลข ยกเลิก "
                            "/ the outgoing-number register")
    commands = parser.add_subparsers(dest="register_command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", metavar="URL",
                       help="sqlite:///… หรือ postgresql://… (ไม่ระบุ: ตามการตั้งค่า) — "
                            "ไฟล์ SQLite บนโฟลเดอร์เครือข่ายไม่ปลอดภัยเมื่อหลายคนออกเลข "
                            "สำนักงานควรใช้ PostgreSQL")
        add_lang(p)

    issue = commands.add_parser("issue", help="ออกเลขให้ไฟล์ร่าง / issue the next number")
    issue.add_argument("draft")
    issue.add_argument("--date", help="วันที่ของหนังสือ YYYY-MM-DD (ไม่ระบุ: วันนี้)")
    issue.add_argument("--clerk", default="", help="ผู้ออกเลข (ไม่ระบุ: ชื่อผู้ใช้ review whoami)")
    issue.add_argument("--note", default="", help="หมายเหตุ เช่น วิธีส่ง")
    common(issue)
    issue.set_defaults(run=_issue)

    reserve = commands.add_parser("reserve", help="จองเลข / reserve a number")
    reserve.add_argument("code")
    reserve.add_argument("--circular", action="store_true", help="เลขหนังสือเวียน (ว)")
    reserve.add_argument("--date", help="วันที่ YYYY-MM-DD (ไม่ระบุ: วันนี้)")
    reserve.add_argument("--clerk", default="")
    reserve.add_argument("--note", default="")
    common(reserve)
    reserve.set_defaults(run=_reserve)

    cancel = commands.add_parser("cancel", help="ยกเลิกเลข / cancel a number")
    cancel.add_argument("number")
    cancel.add_argument("--reason", required=True, help="เหตุผลที่ยกเลิก")
    cancel.add_argument("--year", type=int, help="ปี พ.ศ. ของเลข (ไม่ระบุ: ปีล่าสุดที่มีเลขนี้)")
    common(cancel)
    cancel.set_defaults(run=_cancel)

    attach = commands.add_parser("attach", help="บันทึก SHA-256 ของ PDF ที่ส่งออก "
                                 "/ record the exported PDF")
    attach.add_argument("number")
    attach.add_argument("--pdf", required=True)
    attach.add_argument("--year", type=int, help="ปี พ.ศ. ของเลข")
    common(attach)
    attach.set_defaults(run=_attach)

    listing = commands.add_parser("list", help="รายการในทะเบียน / list entries")
    listing.add_argument("--year", type=int, help="ปี พ.ศ.")
    listing.add_argument("--search", default="", help="ค้นในเรื่อง ผู้รับ หรือเลขที่")
    _date_range(listing)
    listing.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON")
    common(listing)
    listing.set_defaults(run=_list)

    export = commands.add_parser("export", help="ส่งออกทะเบียน / export (xlsx, csv, pdf)")
    export.add_argument("-o", "--output", required=True)
    export.add_argument("--year", type=int, help="ปี พ.ศ.")
    _date_range(export)
    common(export)
    export.set_defaults(run=_export)


def _date_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", help="ตั้งแต่วันที่ YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", help="ถึงวันที่ YYYY-MM-DD")


def _selected(store, args: argparse.Namespace) -> list:
    return store.entries(year=args.year, text=getattr(args, "search", ""),
                         date_from=parse_date(args.date_from), date_to=parse_date(args.date_to))


def parse_date(text: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` in ค.ศ., or in พ.ศ. when the year is 2400 or later."""
    from ..register.errors import RegisterError
    from ..text.digits import to_arabic_digits

    if not text:
        return None
    try:
        year, month, day = (int(p) for p in to_arabic_digits(text.strip()).split("-"))
        if year >= 2400:
            year -= 543
        return dt.date(year, month, day)
    except ValueError:
        raise RegisterError("bad_date", text) from None


def register_url(url: str | None) -> str:
    """``--db`` when given, else the settings' ``register_url``, else this PC's SQLite file.

    The command line reads the desktop program's settings here, once; nothing below ``cli/``
    and ``ui/`` does (the register is handed its URL)."""
    if url:
        return url
    from ..app_settings import AppConfig
    from ..register.store import default_url

    return AppConfig.load().register_url.strip() or default_url()


def _store(args: argparse.Namespace):
    from ..register.shares import share_warning
    from ..register.store import open_store

    url = register_url(args.db)
    warning = share_warning(url, args.lang)
    if warning:
        say(args.lang, "warning", warning)
    return open_store(url)


def _run(args: argparse.Namespace, work) -> int:
    """Run ``work()`` and turn every register failure into one line on stderr."""
    from ..problems import DraftError
    from ..register.errors import RegisterError

    try:
        return work()
    except RegisterError as exc:
        say(args.lang, "error", exc.message(args.lang))
    except DraftError as exc:  # the draft changed on disk between reading and issuing
        for problem in exc.problems:
            say(args.lang, problem.severity, problem.message(args.lang))
    except OSError as exc:  # the draft cannot be read or written back
        say(args.lang, "error", reason(exc, args.lang))
    return EXIT_ERRORS


def _issue(args: argparse.Namespace) -> int:
    def work() -> int:
        from ..register.drafts import issue_draft

        date = parse_date(args.date)
        path = Path(args.draft)
        letter, _ = load(path, args.lang)  # reports a draft that does not load, field by field
        if letter is None:
            return EXIT_ERRORS
        guard = numbering_problems(letter)  # the office's guard: refuse now, or warn once issued
        if tell(guard, args.lang, errors=True):
            return EXIT_ERRORS
        with _store(args) as store:
            entry = issue_draft(store, path, date=date, clerk=args.clerk or user_name(),
                                notes=args.note)
        print(entry.number)
        tell(guard, args.lang)
        return EXIT_OK

    return _run(args, work)


def _reserve(args: argparse.Namespace) -> int:
    def work() -> int:
        from ..register.store import Details

        date = parse_date(args.date)
        with _store(args) as store:
            entry = store.reserve(args.code, args.circular, date=date,
                                  details=Details(clerk=args.clerk or user_name(),
                                                  notes=args.note))
        print(entry.number)
        return EXIT_OK

    return _run(args, work)


def _cancel(args: argparse.Namespace) -> int:
    def work() -> int:
        with _store(args) as store:
            entry = store.cancel(args.number, args.reason, year=args.year)
        print(f"{_T[args.lang]['cancelled']}: {entry.number}")
        return EXIT_OK

    return _run(args, work)


def _attach(args: argparse.Namespace) -> int:
    import hashlib

    pdf = Path(args.pdf)
    try:
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    except OSError as exc:
        say(args.lang, "error",
            _T[args.lang]["no_pdf"].format(name=pdf, why=reason(exc, args.lang)))
        return EXIT_ERRORS

    def work() -> int:
        with _store(args) as store:
            entry = store.record_pdf(args.number, digest, year=args.year)
        print(f"{_T[args.lang]['attached']}: {entry.number} {digest}")
        return EXIT_OK

    return _run(args, work)


def _list(args: argparse.Namespace) -> int:
    def work() -> int:
        from ..register.export import STATUS_NAMES, row
        from ..tables import listing_cell

        with _store(args) as store:
            entries = _selected(store, args)
        if args.json:
            print(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=1))
            return EXIT_OK
        if not entries:
            print(_T[args.lang]["empty"])
        for e in entries:
            cells = row(e)
            status = STATUS_NAMES[e.status] if args.lang == "th" else e.status
            if e.draft_pending:  # issued; the draft has not been seen to hold it yet
                status += " " + _T[args.lang]["pending"]
            # tab-separated, one entry a line: a table a script or a spreadsheet may read
            print("\t".join(listing_cell(c) for c in (cells[1], cells[2], status, e.subject,
                                                      e.addressee, cells[6])))
        return EXIT_OK

    return _run(args, work)


def _export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    kind = out.suffix.lower()
    if kind not in (".xlsx", ".csv", ".pdf"):
        say(args.lang, "error", _T[args.lang]["bad_ext"].format(name=out.name))
        return EXIT_USAGE

    def work() -> int:
        from ..register import export

        with _store(args) as store:
            entries = _selected(store, args)
        heading = _T[args.lang]["year"].format(year=args.year) if args.year else ""
        try:
            export.write(entries, out, heading=heading)
        except OSError as exc:
            say(args.lang, "error",
                _T[args.lang]["failed"].format(name=out, why=reason(exc, args.lang)))
            return EXIT_ERRORS
        print(f"{_T[args.lang]['written']}: {out}")
        return EXIT_OK

    return _run(args, work)
