"""What every command shares: exit codes, the message table, one-line errors, loading a draft."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def is_console(stream: object, *, windows: bool | None = None,
               console_mode: object = None) -> bool:
    """True when ``stream`` is a terminal a person types into (a prompt can be answered).

    On Windows ``isatty()`` is also true for the NUL device (``< NUL``, or a scheduled task's
    stdin), and getpass then waits on the console for ever; only a handle that has a console
    mode is a console. ``console_mode(fd) -> bool`` replaces that question in tests.
    """
    if stream is None or not hasattr(stream, "isatty") or not stream.isatty():
        return False
    if not (sys.platform == "win32" if windows is None else windows):
        return True
    if console_mode is None:
        def console_mode(fd: int) -> bool:
            import ctypes
            import msvcrt

            mode = ctypes.c_ulong()
            handle = msvcrt.get_osfhandle(fd)
            return bool(ctypes.windll.kernel32.GetConsoleMode(handle, ctypes.byref(mode)))
    try:
        return bool(console_mode(stream.fileno()))  # type: ignore[attr-defined, operator]
    except (OSError, ValueError, AttributeError):
        return False

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
        "none_written": "ไม่ได้เขียนไฟล์ใดเลย ไฟล์เดิมยังอยู่ครบ",
        "same_output": "ระบุไฟล์ผลลัพธ์ {name} ซ้ำ",
        "render_failed": "สร้าง {name} ไม่สำเร็จ: {why}",
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
        "none_written": "no file was written; existing files are unchanged",
        "same_output": "the output {name} is given twice",
        "render_failed": "could not make {name}: {why}",
    },
}


def text(lang: str, key: str) -> str:
    return _T[lang][key]


def say(lang: str, severity: str, message: str) -> None:
    """One line on stderr: ``ข้อผิดพลาด: …`` / ``คำเตือน: …``."""
    print(f"{_T[lang][severity]}: {message}", file=sys.stderr)


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("th", "en"), default="th",
                        help="ภาษาของข้อความ / language of messages")


def load(path: Path, lang: str, *, verbose: bool = False):
    """The draft at ``path`` and its load warnings, or ``(None, [])`` after saying why not
    (each field by its name; with ``verbose`` its path in the file too)."""
    from ..model.draftio import load_draft_with_warnings
    from ..problems import DraftError

    try:
        letter, warnings = load_draft_with_warnings(path)
    except DraftError as exc:
        for problem in exc.problems:
            say(lang, problem.severity, problem.message(lang, path=verbose))
        return None, []
    return letter, warnings


def load_to_change(path: Path, lang: str):
    """:func:`load` for a command that changes the draft and saves it: also the draft's base
    (what it was when read), so the save merges what another PC saved meanwhile
    (:func:`save_changed`). ``(None, [], None)`` after saying why it did not open."""
    from ..model.concurrent import open_draft
    from ..problems import DraftError

    try:
        return open_draft(path)
    except DraftError as exc:
        for problem in exc.problems:
            say(lang, problem.severity, problem.message(lang))
        return None, [], None


def save_changed(letter, path: Path, base, lang: str) -> int:
    """Save a draft read with :func:`load_to_change`, merging what others saved since (the
    review record by id); a field both changed refuses the save, naming it, leaves the file
    as the other PC wrote it and says where this version was written. The exit code."""
    from ..problems import DrafterError
    from ..review.merge_records import save_merging

    try:
        save_merging(letter, path, base)
    except DrafterError as exc:  # invalid letter, a conflict, the lock, the disk
        for problem in exc.problems:
            say(lang, problem.severity, problem.message(lang))
        return EXIT_ERRORS
    except OSError as exc:
        say(lang, "error", reason(exc, lang))
        return EXIT_ERRORS
    return EXIT_OK


def reason(exc: BaseException, lang: str) -> str:
    """The cause in the clerk's language: a ``DrafterError``'s first problem, else the
    system's own words (``problems.problems_of``)."""
    from ..problems import problems_of

    return problems_of(exc)[0].message(lang)


def keyring():
    """The keys whose approvals count on this PC (the active profile's reviewers and the
    user's own), read once per command and handed to the engine."""
    from ..app_settings import AppConfig

    return AppConfig.load().keyring()
