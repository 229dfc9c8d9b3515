"""Issuing the number of a draft file so that, whatever moment the program dies at, a number
in a draft is always in the register and no number ever reaches two drafts.

The order is what gives the guarantee (a database commit and a file rename cannot be one
atomic step, so one of them must come first, and it must be the register):

1. The draft gets its identity, ``number.draft_id`` (a random 128-bit id, written atomically
   the first time the draft is issued and kept ever after).
2. The register commits the entry: the number taken, the draft's id and path recorded, and
   the entry marked *pending* (``draft_pending``).
3. The serial and date are written into the draft (atomically: a rename).
4. The entry's pending mark is removed.

Killed before 2: the draft holds no number; the register gave none. Killed between 2 and 3:
the register holds a pending number the draft does not have yet — the next time that draft
is issued (:func:`issue_draft`) or opened (:func:`complete_pending`) the pending entry is
found by the draft's id *and path* and its number (never a new one) written into the draft.
Killed between 3 and 4: the draft holds the number, the register has it; the mark is cleared
on the next issue or open. The previous order (the draft written inside the register's
transaction, before its commit) lost the number from the register on a kill between the two
and handed it to the next letter.

Why id *and* path: a clerk copies a draft file to start a similar letter, so two files may
carry the same id. A pending number belongs to the file it was issued for; only the draft at
that path can complete it, and a copy elsewhere gets its own number. (A pending draft moved
to another folder before it was completed gets a new number when issued; the pending entry
stays in the register marked as such, and ``register list`` shows it.)
"""

from __future__ import annotations

import datetime as dt
import getpass
import re
import uuid
from pathlib import Path

from ..problems import DrafterError, problems_of
from .errors import RegisterError
from .store import Details, Entry, Store, normalise_code, parse_number

DRAFT_ID_KEY = "draft_id"  # under "number" in the draft file: number.draft_id
_DRAFT_ID = re.compile(r"^[0-9a-f]{32}$")


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


def draft_id_of(letter) -> str:
    """The draft's identity for the register ("" when it has none, or a value that is not
    one this program wrote: such a value is replaced, never trusted)."""
    value = letter.number.extra.get(DRAFT_ID_KEY)
    return value if isinstance(value, str) and _DRAFT_ID.match(value) else ""


def awaiting_number(letter) -> bool:
    """True when the register may hold a number this draft does not have yet (it was being
    issued when the program stopped): the window then asks :func:`complete_pending`. A cheap
    check, no database: the draft has an identity and no serial."""
    return bool(draft_id_of(letter)) and not (letter.number.serial or "").strip()


def issue_draft(store: Store, path: str | Path, *, date: dt.date | None = None,
                clerk: str = "", notes: str = "") -> Entry:
    """Issue the next number for the draft at ``path`` (or, when the draft already carries a
    reserved number of its series, issue that one) and write serial and date into it.

    A number the register already issued for this very draft (a run that stopped after the
    register's commit) is written into it instead: the same number, never a second one.

    Raises :class:`~dla_drafter.problems.DraftError` for a draft that does not load and
    :class:`RegisterError` for everything else. After a refusal the draft is as it was; after
    a lost connection (when the register may or may not have committed) the draft keeps its
    new ``number.draft_id`` and no number, so that issuing it again finds what the register
    did; after ``draft_write_pending`` the register holds the number for the draft.
    """
    from ..model.concurrent import DraftBase
    from ..model.draftio import read_draft_file
    from ..model.letter import number_text

    path = Path(path)
    letter, _warnings, original = read_draft_file(path)  # one read: the base is these bytes
    base = DraftBase.of(letter, path, original)
    code = normalise_code(letter.number.code)
    if not code:
        raise RegisterError("no_code", field="number.code")
    serial = (letter.number.serial or "").strip()
    reserved = None
    if serial:
        reserved = number_text(letter.number.code, letter.number.circular, serial)
        try:
            parse_number(reserved)
        except RegisterError:
            raise RegisterError("serial_in_draft", serial, field="number.serial") from None
    where = str(path.resolve())

    draft_id = draft_id_of(letter)
    if draft_id:
        found = _pending_that_fits(store, letter, draft_id, where)
        if found is not None:
            return _write_and_complete(store, path, letter, found, base)
    written = None
    if not draft_id:  # 1. the identity first, so that a committed number can be found again
        draft_id = uuid.uuid4().hex
        letter.number.extra[DRAFT_ID_KEY] = draft_id
        base = written = _save(path, letter, base, "draft_write", str(path))

    date = date or dt.date.today()
    details = details_of(letter, path, clerk, notes)
    try:  # 2. the number, committed pending
        if reserved is not None:
            try:
                entry = store.issue_reserved(reserved, date=date, details=details,
                                             draft_id=draft_id)
            except RegisterError as exc:
                if exc.code == "unknown_number":
                    raise RegisterError("serial_in_draft", serial,
                                        field="number.serial") from None
                raise
        else:
            entry = store.issue(code, letter.number.circular, date=date, details=details,
                                draft_id=draft_id)
    except RegisterError as exc:
        # Refused, so nothing was committed: the draft goes back to its own bytes. A lost
        # connection may have lost it after the commit: then the id stays, to be found.
        if written is not None and exc.code != "connection_lost":
            _put_back(path, written, original)
        raise
    return _write_and_complete(store, path, letter, entry, base)  # 3. and 4.


def complete_pending(store: Store, path: str | Path) -> Entry | None:
    """Opening a draft: when the register holds a pending number issued for it (a run that
    stopped between the register's commit and the draft's update), write that number and
    its date into the draft and return the entry; else None. Reads the draft; raises
    DraftError for one that does not load, RegisterError as :func:`issue_draft`."""
    from ..model.concurrent import open_draft

    path = Path(path)
    letter, _warnings, base = open_draft(path)
    draft_id = draft_id_of(letter)
    if not draft_id:
        return None
    found = _pending_that_fits(store, letter, draft_id, str(path.resolve()))
    return None if found is None else _write_and_complete(store, path, letter, found, base)


def _pending_that_fits(store: Store, letter, draft_id: str, where: str) -> Entry | None:
    """The newest pending entry of this draft whose number the draft can take: same series,
    and the draft's serial (if any) is that entry's. One the clerk has moved away from (the
    code changed since) stays pending in the register and is not forced into the draft."""
    from ..text.digits import to_arabic_digits

    serial = to_arabic_digits((letter.number.serial or "").strip())
    code = normalise_code(letter.number.code)
    for entry in store.pending_for(draft_id, where):
        if (entry.code, entry.circular) != (code, bool(letter.number.circular)):
            continue
        if serial and (serial != str(entry.serial) or letter.date.year != entry.year):
            continue
        return entry
    return None


def _write_and_complete(store: Store, path: Path, letter, entry: Entry, base) -> Entry:
    """Write ``entry``'s serial and date into the draft (unless it holds them already), then
    clear the entry's pending mark. The write merges what another PC saved since ``base``
    was read (a comment made while the number was issued stays). A register that cannot be
    reached for that last step leaves the mark (the draft and the register agree already);
    the next issue or open of the draft clears it."""
    from ..model.letter import LetterDate

    holds = ((letter.number.serial or "").strip() == str(entry.serial)
             and (letter.date.day, letter.date.month, letter.date.year)
             == (entry.date.day, entry.date.month, entry.year))
    if not holds:
        letter.number.serial = str(entry.serial)
        letter.date = LetterDate(day=entry.date.day, month=entry.date.month, year=entry.year,
                                 extra=letter.date.extra)
        _save(path, letter, base, "draft_write_pending", entry.number)
    try:
        return store.complete_draft(entry)
    except RegisterError:
        return entry


def _save(path: Path, letter, base, code: str, where: str):
    """Save the draft through the merging save (``review.merge_records.save_merging``):
    atomically, under the draft's lock, merged with what another PC saved since ``base``.
    Returns the new base; a disk that refuses, or a conflict nobody is there to decide, is
    RegisterError ``code`` (the file is left as it was)."""
    from ..review.merge_records import save_merging

    try:
        return save_merging(letter, path, base, conflict_copy=False).base
    except (OSError, DrafterError) as exc:
        th, en = (problems_of(exc)[0].message(lang).splitlines()[0] for lang in ("th", "en"))
        raise RegisterError(code, where, why=(th, en), detail=str(exc)) from exc


def _put_back(path: Path, written, original: bytes) -> None:
    """The draft's own bytes again, unless someone saved it since we wrote it (then their
    save stays, with our harmless ``draft_id``)."""
    import contextlib
    import hashlib

    from ..atomic import atomic_write_bytes
    from ..model.draftlock import draft_lock

    with contextlib.suppress(OSError, DrafterError), draft_lock(path):
        if hashlib.sha256(path.read_bytes()).hexdigest() == written.sha256:
            atomic_write_bytes(path, original)
