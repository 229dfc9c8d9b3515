"""Issuing the number of a draft file: the serial and date go into the draft and the entry
into the register together, or neither does.

The draft is rewritten inside the register's transaction (after the number is taken, before
commit). If anything fails afterwards — the commit itself, a lost connection — the draft's
original bytes are put back, so the clerk never holds a numbered draft the register does not
know, nor a register entry whose draft still has a blank serial.
"""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path

from .errors import RegisterError
from .store import Details, Entry, Store, normalise_code, parse_number


def details_of(letter, path: Path, clerk: str = "", notes: str = "") -> Details:
    """What the register records of a letter: subject, signer and unit, addressee …"""
    signer = " ".join(part for part in [letter.signer.name, *letter.signer.position] if part)
    unit = letter.agency.name.strip() or " ".join(letter.owner_unit).strip()
    return Details(subject=letter.subject, signer=signer, from_unit=unit,
                   addressee=letter.addressee, clerk=clerk or _user(),
                   draft_path=str(Path(path).resolve()), notes=notes)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account): leave it blank
        return ""


def issue_draft(store: Store, path: str | Path, *, date: dt.date | None = None,
                clerk: str = "", notes: str = "") -> Entry:
    """Issue the next number for the draft at ``path`` (or, when the draft already carries a
    reserved number of its series, issue that one) and write serial and date into it.

    Raises :class:`~dla_drafter.problems.DraftError` for a draft that does not load and
    :class:`RegisterError` for everything else; in both cases neither the draft nor the
    register changed.
    """
    from ..model.draftio import load_draft, save_draft
    from ..model.letter import LetterDate

    path = Path(path)
    original = path.read_bytes()
    letter = load_draft(path)
    code = normalise_code(letter.number.code)
    if not code:
        raise RegisterError("no_code", field="number.code")
    date = date or dt.date.today()
    details = details_of(letter, path, clerk, notes)

    def write(entry: Entry) -> None:
        letter.number.serial = str(entry.serial)
        letter.date = LetterDate(day=date.day, month=date.month, year=entry.year,
                                 extra=letter.date.extra)
        try:
            save_draft(letter, path)
        except OSError as exc:
            raise RegisterError("draft_write", str(path), detail=str(exc)) from exc

    serial = (letter.number.serial or "").strip()
    try:
        if serial:
            number = f"{letter.number.code}/{'ว ' if letter.number.circular else ''}{serial}"
            try:
                parse_number(number)
            except RegisterError:
                raise RegisterError("serial_in_draft", serial, field="number.serial") from None
            try:
                return store.issue_reserved(number, date=date, details=details,
                                            before_commit=write)
            except RegisterError as exc:
                if exc.code == "unknown_number":
                    raise RegisterError("serial_in_draft", serial,
                                        field="number.serial") from None
                raise
        return store.issue(code, letter.number.circular, date=date, details=details,
                           before_commit=write)
    except BaseException:
        if path.read_bytes() != original:
            from ..atomic import atomic_write_bytes

            atomic_write_bytes(path, original)
        raise
