"""Issuing the number of a draft file: the serial and date go into the draft and the entry
into the register together, or neither does.

The draft is rewritten inside the register's transaction (after the number is taken, before
commit). If anything fails afterwards — the commit itself, a lost connection — the draft's
original bytes are put back, so the clerk never holds a numbered draft the register does not
know, nor a register entry whose draft still has a blank serial.
"""

from __future__ import annotations

import copy
import datetime as dt
import getpass
from pathlib import Path

from ..problems import DrafterError
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
    from ..model.concurrent import DraftBase
    from ..model.draftio import read_draft_file
    from ..model.letter import LetterDate
    from ..review.merge_records import save_merging

    path = Path(path)
    letter, _warnings, raw = read_draft_file(path)
    base = DraftBase.of(letter, path, raw)
    original = copy.deepcopy(letter)
    written = []  # the base of what was written, to take the number out again on failure
    code = normalise_code(letter.number.code)
    if not code:
        raise RegisterError("no_code", field="number.code")
    date = date or dt.date.today()
    details = details_of(letter, path, clerk, notes)

    def write(entry: Entry) -> None:
        letter.number.serial = str(entry.serial)
        letter.date = LetterDate(day=date.day, month=date.month, year=entry.year,
                                 extra=letter.date.extra)
        try:  # merged with what another PC saved since it was read (a comment …)
            written.append(save_merging(letter, path, base, conflict_copy=False).base)
        except (OSError, DrafterError) as exc:
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
        if written:
            _take_number_out(original, raw, path, written[0])
        raise


def _take_number_out(original, raw: bytes, path: Path, written) -> None:
    """Put the draft back as it was before the number was written: its very bytes when the
    file is still what was written, else the draft as read merged with the file now, so
    what another PC saved after the number went in is kept."""
    import hashlib

    from ..atomic import atomic_write_bytes
    from ..model.draftlock import draft_lock
    from ..review.merge_records import save_merging

    with draft_lock(path):
        if hashlib.sha256(path.read_bytes()).hexdigest() == written.sha256:
            atomic_write_bytes(path, raw)
            return
    save_merging(original, path, written, conflict_copy=False)
