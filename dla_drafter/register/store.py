"""Open a register by URL; issue, reserve, cancel and find numbers.

Every operation is one database transaction. Issuing takes the series' counter with an upsert
``… ON CONFLICT DO UPDATE SET next_serial = next_serial + 1 RETURNING next_serial``: on
PostgreSQL the row lock makes concurrent issuers wait their turn; on SQLite the transaction is
``BEGIN IMMEDIATE`` (one writer at a time, others wait up to :data:`SQLITE_BUSY_SECONDS`). The
entry is inserted in the same transaction, so a number exists exactly when its entry does:
no gaps, no doubles, and a failure at any point leaves both untouched.

Nothing here writes a draft file, and nothing here reads the program's settings: the caller
passes the register's URL (the CLI reads the settings once, the window passes its own). An
entry issued for a draft (``draft_id``) is committed *pending* and completed by
:meth:`Store.complete_draft` once the number is in the draft (``register/drafts.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..text.digits import to_arabic_digits
from ..text.thaidate import BE_OFFSET
from .errors import RegisterError

SQLITE_BUSY_SECONDS = 60
_WRITE = "dla_drafter_write"  # connection info key: does this transaction write?
STATUSES = ("issued", "reserved", "cancelled")


def default_url() -> str:
    """The embedded register of this PC: ``sqlite:///<data folder>/register.sqlite3``."""
    from ..userdirs import data_dir

    return "sqlite:///" + (data_dir() / "register.sqlite3").as_posix()


def normalise_code(code: str) -> str:
    """The series key of a code: one space between words, Arabic digits."""
    return " ".join(to_arabic_digits(code).split())


def be_year(day: dt.date) -> int:
    return day.year + BE_OFFSET


def full_number(code: str, circular: bool, serial: int | str) -> str:
    """The number as the letter prints it after ``ที่`` (Arabic digits): ``มท 0816.3/ว 15``."""
    from ..model.letter import number_text

    return to_arabic_digits(number_text(code, circular, str(serial)))


_NUMBER = re.compile(r"^(?P<code>.+?)\s*/\s*(?P<circ>ว\s*)?(?P<serial>[0-9]+)$")


def parse_number(text: str) -> tuple[str, bool, int]:
    """``"มท 0816.3/ว 15"`` → (``"มท 0816.3"``, True, 15); Thai digits are accepted."""
    match = _NUMBER.match(" ".join(to_arabic_digits(text).split()))
    if match is None or not match.group("code").strip():
        raise RegisterError("bad_number", text)
    code = normalise_code(match.group("code"))
    return code, bool(match.group("circ")), int(match.group("serial"))


@dataclass(frozen=True)
class Entry:
    """One line of the register (ทะเบียนหนังสือส่ง)."""

    id: int
    code: str
    circular: bool
    year: int  # Buddhist Era
    serial: int
    status: str  # "issued" | "reserved" | "cancelled"
    date: dt.date
    subject: str = ""
    signer: str = ""
    from_unit: str = ""
    addressee: str = ""
    clerk: str = ""
    draft_path: str = ""
    pdf_sha256: str = ""
    notes: str = ""
    cancel_reason: str = ""
    draft_id: str = ""  # the draft's identity (its number.draft_id) when issued for a draft
    draft_pending: bool = False  # the number is committed but not yet known to be in the draft

    @property
    def number(self) -> str:
        return full_number(self.code, self.circular, self.serial)

    def as_json(self) -> dict[str, Any]:
        """The shape ``dla-drafter register list --json`` prints."""
        return {
            "number": self.number, "code": self.code, "circular": self.circular,
            "serial": self.serial, "year": self.year, "date": self.date.isoformat(),
            "subject": self.subject, "addressee": self.addressee, "status": self.status,
            "draft_pending": self.draft_pending,
        }


@dataclass
class Details:
    """What the clerk records with a number (all optional)."""

    subject: str = ""
    signer: str = ""
    from_unit: str = ""
    addressee: str = ""
    clerk: str = ""
    draft_path: str = ""
    pdf_sha256: str = ""
    notes: str = ""

    def values(self) -> dict[str, str]:
        return {k: str(v or "") for k, v in self.__dict__.items()}


def _engine_for(url: str):
    import sqlalchemy as sa
    from sqlalchemy import event
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy.exc.ArgumentError and friends
        raise RegisterError("bad_url", url) from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        # psycopg 3, whatever driver the URL named (postgresql:// means psycopg2 to SQLAlchemy)
        parsed = parsed.set(drivername="postgresql+psycopg")
        # A dead server or cable is noticed within seconds rather than TCP's minutes.
        return sa.create_engine(parsed, pool_pre_ping=True, connect_args={
            "connect_timeout": 10, "keepalives": 1, "keepalives_idle": 10,
            "keepalives_interval": 5, "keepalives_count": 3, "tcp_user_timeout": 30_000})
    if backend != "sqlite" or not parsed.database or parsed.database == ":memory:":
        raise RegisterError("bad_url", url)
    Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not the driver, opens transactions

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # Writers take the write lock before reading counters; readers do not queue behind.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get(_WRITE, True) else "BEGIN")

    return engine


def open_store(url: str | None = None) -> Store:
    """The register at ``url`` (None or "": this PC's, :func:`default_url`), created or
    migrated as needed. The settings are the caller's to read."""
    return Store(url or default_url())


class Store:
    """A register database. Thread-safe for separate calls; cheap to keep open."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        from .schema import migrate

        self.url = url
        self._engine = _engine_for(url)
        try:
            self.display_url = make_url(url).render_as_string(hide_password=True)
        except Exception:
            self.display_url = url
        # Test-only hook: called inside the issuing transaction after the number is taken and
        # its entry written, before commit (tests stop the server or fail here).
        self._before_commit_hook: Callable[[], None] | None = None
        try:
            with self._transaction() as conn:
                migrate(conn)
        except BaseException:
            self._engine.dispose()
            raise

    @property
    def backend(self) -> str:
        return self._engine.dialect.name

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions --------------------------------------------------------------------

    @contextmanager
    def _transaction(self, write: bool = True) -> Iterator[Any]:
        import sqlalchemy.exc as sa_exc

        try:
            conn = self._engine.connect()
        except sa_exc.DBAPIError as exc:
            raise RegisterError("unreachable", self.display_url, detail=str(exc.orig)) from exc
        conn.info[_WRITE] = write
        try:
            with conn, conn.begin():
                yield conn
        except RegisterError:
            raise
        except sa_exc.IntegrityError as exc:
            raise RegisterError("database", str(exc.orig).splitlines()[0],
                                detail=str(exc.orig)) from exc
        except sa_exc.DBAPIError as exc:
            if self.backend == "sqlite" and "locked" in str(exc.orig):
                raise RegisterError("busy", self.display_url, detail=str(exc.orig)) from exc
            if exc.connection_invalidated or (
                    self.backend == "postgresql" and isinstance(exc, sa_exc.OperationalError)):
                raise RegisterError("connection_lost", self.display_url,
                                    detail=str(exc.orig)) from exc
            raise RegisterError("database", str(exc.orig).splitlines()[0],
                                detail=str(exc.orig)) from exc

    def _take(self, conn: Any, code: str, circular: bool, year: int) -> int:
        """The next serial of the series, counted as taken (row-locked until commit)."""
        from .schema import counters

        if self.backend == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = insert(counters).values(code=code, circular=circular, year=year, next_serial=2)
        stmt = stmt.on_conflict_do_update(
            index_elements=[counters.c.code, counters.c.circular, counters.c.year],
            set_={"next_serial": counters.c.next_serial + 1},
        ).returning(counters.c.next_serial)
        return int(conn.execute(stmt).scalar_one()) - 1

    def _row(self, conn: Any, code: str, circular: bool, serial: int,
             year: int | None) -> Entry:
        import sqlalchemy as sa

        from .schema import entries

        query = sa.select(entries).where(entries.c.code == code,
                                         entries.c.circular == circular,
                                         entries.c.serial == serial)
        if year is not None:
            query = query.where(entries.c.year == year)
        row = conn.execute(query.order_by(entries.c.year.desc()).limit(1)).mappings().first()
        if row is None:
            raise RegisterError("unknown_number", full_number(code, circular, serial))
        return _entry(row)

    # --- operations ----------------------------------------------------------------------

    def _new_entry(self, code: str, circular: bool, status: str, date: dt.date | None,
                   details: Details | None, draft_id: str = "") -> Entry:
        from .schema import entries

        code = normalise_code(code)
        if not code:
            raise RegisterError("no_code", field="number.code")
        date = date or dt.date.today()
        year = be_year(date)
        now = dt.datetime.now(dt.UTC)
        values = (details or Details()).values()
        pending = bool(draft_id)
        with self._transaction() as conn:
            serial = self._take(conn, code, bool(circular), year)
            new_id = conn.execute(entries.insert().values(
                code=code, circular=bool(circular), year=year, serial=serial, status=status,
                date=date, created_at=now, updated_at=now, cancel_reason="",
                draft_id=draft_id, draft_pending=pending, **values,
            ).returning(entries.c.id)).scalar_one()
            entry = Entry(id=int(new_id), code=code, circular=bool(circular), year=year,
                          serial=serial, status=status, date=date, draft_id=draft_id,
                          draft_pending=pending, **values)
            if self._before_commit_hook is not None:
                self._before_commit_hook()
        return entry

    def issue(self, code: str, circular: bool = False, *, date: dt.date | None = None,
              details: Details | None = None, draft_id: str = "") -> Entry:
        """Issue the next number of the series (code, circular, BE year of ``date``).

        With ``draft_id`` (the draft's identity, see ``register/drafts.py``) the entry is
        committed *pending*: the caller writes the number into that draft next and then calls
        :meth:`complete_draft`. Nothing of a draft is written inside the transaction, so a
        program killed at any moment never leaves a draft holding a number the register
        rolled back.
        """
        return self._new_entry(code, circular, "issued", date, details, draft_id)

    def reserve(self, code: str, circular: bool = False, *, date: dt.date | None = None,
                details: Details | None = None) -> Entry:
        """Take the next number now (จองเลข) and fill in the letter later."""
        return self._new_entry(code, circular, "reserved", date, details)

    def issue_reserved(self, number: str, *, date: dt.date | None = None,
                       details: Details | None = None, year: int | None = None,
                       draft_id: str = "") -> Entry:
        """Turn a reserved number into an issued one, with its letter's details and date
        (which must fall in the year it was reserved in); ``draft_id`` as in :meth:`issue`."""
        from .schema import entries

        code, circular, serial = parse_number(number)
        date = date or dt.date.today()
        values = (details or Details()).values()
        pending = bool(draft_id)
        with self._transaction() as conn:
            old = self._row(conn, code, circular, serial, year)
            if old.status != "reserved":
                raise RegisterError("already_cancelled" if old.status == "cancelled"
                                    else "already_issued", old.number)
            if be_year(date) != old.year:
                raise RegisterError("wrong_year", old.number)
            conn.execute(entries.update().where(
                entries.c.id == old.id, entries.c.status == "reserved",
            ).values(status="issued", date=date, updated_at=dt.datetime.now(dt.UTC),
                     draft_id=draft_id, draft_pending=pending, **values))
            entry = Entry(**{**old.__dict__, **values, "status": "issued", "date": date,
                             "draft_id": draft_id, "draft_pending": pending})
            if self._before_commit_hook is not None:
                self._before_commit_hook()
        return entry

    def pending_for(self, draft_id: str, draft_path: str) -> list[Entry]:
        """Entries issued for the draft ``draft_id`` at ``draft_path`` whose number is not
        yet known to be in that draft, newest first (normally none, or one after a crash)."""
        import sqlalchemy as sa

        from .schema import entries

        if not draft_id:
            return []
        query = sa.select(entries).where(
            entries.c.draft_id == draft_id, entries.c.draft_path == draft_path,
            entries.c.draft_pending.is_(True), entries.c.status == "issued",
        ).order_by(entries.c.id.desc())
        with self._transaction(write=False) as conn:
            return [_entry(row) for row in conn.execute(query).mappings()]

    def complete_draft(self, entry: Entry) -> Entry:
        """Record that ``entry``'s number is now in its draft (the pending mark goes)."""
        from .schema import entries

        with self._transaction() as conn:
            conn.execute(entries.update().where(entries.c.id == entry.id).values(
                draft_pending=False, updated_at=dt.datetime.now(dt.UTC)))
        return Entry(**{**entry.__dict__, "draft_pending": False})

    def cancel(self, number: str, reason: str, *, year: int | None = None) -> Entry:
        """Cancel a reserved or issued number (ยกเลิก). It stays in the register with its
        reason and is never issued again. Without ``year``, the latest year holding it."""
        from .schema import entries

        reason = " ".join(reason.split())
        if not reason:
            raise RegisterError("no_reason")
        code, circular, serial = parse_number(number)
        with self._transaction() as conn:
            old = self._row(conn, code, circular, serial, year)
            if old.status == "cancelled":
                raise RegisterError("already_cancelled", old.number)
            conn.execute(entries.update().where(entries.c.id == old.id).values(
                status="cancelled", cancel_reason=reason, updated_at=dt.datetime.now(dt.UTC)))
        return Entry(**{**old.__dict__, "status": "cancelled", "cancel_reason": reason})

    def record_pdf(self, number: str, sha256: str, *, year: int | None = None) -> Entry:
        """Remember the SHA-256 of the PDF exported for an issued number."""
        from .schema import entries

        code, circular, serial = parse_number(number)
        with self._transaction() as conn:
            old = self._row(conn, code, circular, serial, year)
            conn.execute(entries.update().where(entries.c.id == old.id).values(
                pdf_sha256=sha256, updated_at=dt.datetime.now(dt.UTC)))
        return Entry(**{**old.__dict__, "pdf_sha256": sha256})

    def get(self, number: str, *, year: int | None = None) -> Entry:
        """The entry of ``number`` (latest year holding it unless ``year`` is given)."""
        code, circular, serial = parse_number(number)
        with self._transaction(write=False) as conn:
            return self._row(conn, code, circular, serial, year)

    def entries(self, *, year: int | None = None, text: str = "", addressee: str = "",
                subject: str = "", number: str = "", date_from: dt.date | None = None,
                date_to: dt.date | None = None, status: str | None = None) -> list[Entry]:
        """Entries in register order (year, code, ว series, serial), filtered: ``text``
        matches subject, addressee or the number; the others match their own column."""
        import sqlalchemy as sa

        from .schema import entries

        query = sa.select(entries)
        if year is not None:
            query = query.where(entries.c.year == year)
        if status is not None:
            query = query.where(entries.c.status == status)
        if date_from is not None:
            query = query.where(entries.c.date >= date_from)
        if date_to is not None:
            query = query.where(entries.c.date <= date_to)
        if subject:
            query = query.where(entries.c.subject.contains(subject, autoescape=True))
        if addressee:
            query = query.where(entries.c.addressee.contains(addressee, autoescape=True))
        query = query.order_by(entries.c.year, entries.c.code, entries.c.circular,
                               entries.c.serial)
        with self._transaction(write=False) as conn:
            found = [_entry(row) for row in conn.execute(query).mappings()]
        if number:
            wanted = " ".join(to_arabic_digits(number).split())
            found = [e for e in found if wanted in e.number]
        if text:
            needle = " ".join(to_arabic_digits(text).split())
            found = [e for e in found if text in e.subject or text in e.addressee
                     or needle in e.number]
        return found

    def counter(self, code: str, circular: bool, year: int) -> int | None:
        """The serial the series would issue next (None: the series has not started)."""
        import sqlalchemy as sa

        from .schema import counters

        with self._transaction(write=False) as conn:
            value = conn.execute(sa.select(counters.c.next_serial).where(
                counters.c.code == normalise_code(code), counters.c.circular == bool(circular),
                counters.c.year == year)).scalar()
        return None if value is None else int(value)


def _entry(row: Any) -> Entry:
    date = row["date"]
    if isinstance(date, dt.datetime):
        date = date.date()
    return Entry(
        id=int(row["id"]), code=row["code"], circular=bool(row["circular"]),
        year=int(row["year"]), serial=int(row["serial"]), status=row["status"], date=date,
        subject=row["subject"], signer=row["signer"], from_unit=row["from_unit"],
        addressee=row["addressee"], clerk=row["clerk"], draft_path=row["draft_path"],
        pdf_sha256=row["pdf_sha256"], notes=row["notes"], cancel_reason=row["cancel_reason"],
        draft_id=row["draft_id"], draft_pending=bool(row["draft_pending"]),
    )
