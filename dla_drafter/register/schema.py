"""The register's tables (SQLAlchemy Core) and their versioned migrations.

``schema_version`` holds one row: the number of the last migration applied. Migrations are
ordered functions; :func:`migrate` applies the missing ones in one transaction, under a lock
(``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL) so that several clerks opening
a fresh register at the same moment create it once. A database newer than this program is
refused rather than written to.

Tables:

* ``counters`` — one row per series (code, circular, Buddhist year): ``next_serial`` is the
  serial the next issue takes. Incremented with ``UPDATE … RETURNING`` inside the issuing
  transaction, it is what makes serials gap-free and never doubled.
* ``entries`` — one row per number ever taken (issued, reserved or cancelled); the UNIQUE
  constraint on (code, circular, year, serial) is the final guard.

Codes are stored normalised (one space between words, Arabic digits), so ``มท ๐๘๑๖.๓`` and
``มท 0816.3`` are the same series.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, nullable=False),
)

counters = sa.Table(
    "counters", metadata,
    sa.Column("code", sa.String(200), primary_key=True),
    sa.Column("circular", sa.Boolean, primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("next_serial", sa.Integer, nullable=False),
)

entries = sa.Table(
    "entries", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(200), nullable=False),
    sa.Column("circular", sa.Boolean, nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("serial", sa.Integer, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("subject", sa.Text, nullable=False, default=""),
    sa.Column("signer", sa.Text, nullable=False, default=""),
    sa.Column("from_unit", sa.Text, nullable=False, default=""),
    sa.Column("addressee", sa.Text, nullable=False, default=""),
    sa.Column("clerk", sa.Text, nullable=False, default=""),
    sa.Column("draft_path", sa.Text, nullable=False, default=""),
    sa.Column("pdf_sha256", sa.String(64), nullable=False, default=""),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("cancel_reason", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("code", "circular", "year", "serial", name="uq_entries_number"),
    sa.CheckConstraint("status IN ('issued', 'reserved', 'cancelled')", name="ck_entries_status"),
    sa.CheckConstraint("serial >= 1", name="ck_entries_serial"),
)


def _v1(conn: Connection) -> None:
    """The first register: counters and entries. (The tables above are still exactly
    version 1's; a migration that alters one must give ``_v1`` its own frozen copy.)"""
    counters.create(conn)
    entries.create(conn)


def _v2(conn: Connection) -> None:
    """Searching by date and by subject is what the register window does most."""
    # Plain DDL, not sa.Index objects: those would attach to ``entries`` and come back
    # with version 1's CREATE TABLE on the next fresh database.
    conn.execute(sa.text("CREATE INDEX ix_entries_date ON entries (date)"))
    conn.execute(sa.text("CREATE INDEX ix_entries_year ON entries (year)"))


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)

# An arbitrary key for pg_advisory_xact_lock: "DLA" "REG" in ASCII.
_PG_LOCK_KEY = 0x444C41524547


def current_version(conn: Connection) -> int:
    """The applied version; 0 for an empty database."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    value = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return int(value or 0)


def migrate(conn: Connection) -> int:
    """Bring the database (inside the caller's transaction) to :data:`SCHEMA_VERSION`.

    Returns the version found before. Raises ``RegisterError("too_new")`` for a newer one.
    """
    from .errors import RegisterError

    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    found = current_version(conn)
    if found > SCHEMA_VERSION:
        raise RegisterError("too_new", str(found))
    if found == SCHEMA_VERSION:
        return found
    if found == 0:
        schema_version.create(conn)
        conn.execute(schema_version.insert().values(version=0))
    for number in range(found + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[number - 1](conn)
    conn.execute(schema_version.update().values(version=SCHEMA_VERSION))
    return found
