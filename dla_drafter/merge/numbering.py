"""One register number per letter of a batch (ทะเบียนหนังสือส่ง), issued in row order.

A batch to seventy-six governors is seventy-six letters, each with its own number in the
register. Numbers are issued before any letter is typeset, in the table's row order, so the
register reads like the pile of letters; only rows that can become a letter (every value
present, no error the checks find) get one. A row that still fails later (a disk error) or is
never made because the clerk cancelled gets its number cancelled with the reason: the register
keeps every number it gave, never a gap and never a number for a letter that does not exist.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.letter import Letter
from .fields import FieldError, FieldRef, merge_letter

if TYPE_CHECKING:
    from ..register.store import Store
    from .table import Row


@dataclass(frozen=True)
class Numbered:
    """What a row's letter prints from the register: the serial and the date it was issued."""

    number: str
    serial: str
    day: int
    month: int
    year_be: int


def _can_be_made(letter: Letter, refs: Sequence[FieldRef], row: Row) -> Letter | None:
    from ..model.checks import check_letter

    if any(not row.values[ref.name].strip() for ref in refs):
        return None
    try:
        merged = merge_letter(letter, row.values)
    except FieldError:
        return None
    if any(p.is_error for p in check_letter(merged)):
        return None
    return merged


def issue_numbers(store: Store, letter: Letter, refs: Sequence[FieldRef], rows: Sequence[Row],
                  *, date: dt.date | None = None, draft_path: str | Path = "",
                  clerk: str = "") -> dict[int, Numbered]:
    """Numbers for the rows (by index) that can become letters. If the register fails part
    way (a server that went away), the numbers already issued are cancelled where the
    register still answers, and the RegisterError is raised before any letter is made."""
    from ..register.drafts import details_of
    from ..register.errors import RegisterError
    from ..register.store import normalise_code

    code = normalise_code(letter.number.code)
    if not code:
        raise RegisterError("no_code", field="number.code")
    date = date or dt.date.today()
    issued: dict[int, Numbered] = {}
    try:
        for index, row in enumerate(rows):
            merged = _can_be_made(letter, refs, row)
            if merged is None:
                continue
            details = details_of(merged, Path(draft_path or "."), clerk,
                                 notes=f"หนังสือหลายฉบับ แถวที่ {row.number}")
            entry = store.issue(code, letter.number.circular, date=date, details=details)
            issued[index] = Numbered(entry.number, str(entry.serial), date.day, date.month,
                                     entry.year)
    except RegisterError:
        cancel_numbers(store, issued.values(), "ยกเลิก: ออกเลขหนังสือหลายฉบับไม่สำเร็จ")
        raise
    return issued


def cancel_numbers(store: Store, numbers, reason: str) -> list[str]:
    """Cancel each number (best effort: a register that no longer answers keeps them issued,
    and the clerk sees them in the register list). Returns the numbers cancelled."""
    from ..register.errors import RegisterError

    done = []
    for numbered in numbers:
        try:
            store.cancel(numbered.number, reason, year=numbered.year_be)
        except RegisterError:
            continue
        done.append(numbered.number)
    return done


def settle(store: Store, issued: dict[int, Numbered], made: dict[int, Sequence[Path]],
           cancelled: bool) -> list[str]:
    """After the batch: record each made letter's PDF hash; cancel the numbers of rows that
    were not made. Returns the cancelled numbers."""
    from ..register.errors import RegisterError

    unmade = []
    for index, numbered in issued.items():
        files = made.get(index)
        if files is None:
            unmade.append(numbered)
            continue
        pdf = next((f for f in files if f.suffix.lower() == ".pdf"), None)
        if pdf is not None:
            digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
            with contextlib.suppress(RegisterError):  # the number stands; only the hash
                store.record_pdf(numbered.number, digest, year=numbered.year_be)
    reason = ("ยกเลิก: ผู้ใช้ยกเลิกการสร้างหนังสือหลายฉบับ" if cancelled
              else "ยกเลิก: สร้างหนังสือจากแถวนี้ไม่สำเร็จ")
    return cancel_numbers(store, unmade, reason)


def apply(letter: Letter, numbered: Numbered | None) -> Letter:
    """The row's letter with its register serial and date (``letter`` is already a copy)."""
    if numbered is not None:
        from ..model.letter import LetterDate

        letter.number.serial = numbered.serial
        letter.date = LetterDate(day=numbered.day, month=numbered.month,
                                 year=numbered.year_be, extra=letter.date.extra)
    return letter
