"""What every command shares: exit codes, the message table, one-line errors, loading a draft."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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


def reason(exc: OSError, lang: str) -> str:
    """The cause in the clerk's language when the error carries one (file writers and the
    emblem loader do), else the system's own words."""
    message = (getattr(exc, f"message_{lang}", None) or str(exc)).strip()
    return message.splitlines()[0] if message else exc.__class__.__name__
