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
  constraint on (code, circular, year, serial) is the final guard. Since version 3 an entry
  issued for a draft file carries the draft's identity (``draft_id``, the id written into
  the draft's ``number.draft_id``, with ``draft_path``) and ``draft_pending``: true from the
  commit that took the number until the number is in the draft (``register/drafts.py``).

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
    sa.Column("draft_id", sa.String(64), nullable=False, default=""),  # version 3
    sa.Column("draft_pending", sa.Boolean, nullable=False, default=False),  # version 3
    sa.UniqueConstraint("code", "circular", "year", "serial", name="uq_entries_number"),
    sa.CheckConstraint("status IN ('issued', 'reserved', 'cancelled')", name="ck_entries_status"),
    sa.CheckConstraint("serial >= 1", name="ck_entries_serial"),
)


def _v1_tables() -> tuple[sa.Table, sa.Table]:
    """Version 1's tables exactly as they were, frozen: the module's ``entries`` has grown
    columns since, and a fresh database must go through every migration the same way an old
    one did."""
    frozen = sa.MetaData()
    v1_counters = sa.Table(
        "counters", frozen,
        sa.Column("code", sa.String(200), primary_key=True),
        sa.Column("circular", sa.Boolean, primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("next_serial", sa.Integer, nullable=False),
    )
    v1_entries = sa.Table(
        "entries", frozen,
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
        sa.CheckConstraint("status IN ('issued', 'reserved', 'cancelled')",
                           name="ck_entries_status"),
        sa.CheckConstraint("serial >= 1", name="ck_entries_serial"),
    )
    return v1_counters, v1_entries


def _v1(conn: Connection) -> None:
    """The first register: counters and entries."""
    for table in _v1_tables():
        table.create(conn)


def _v2(conn: Connection) -> None:
    """Searching by date and by subject is what the register window does most."""
    # Plain DDL, not sa.Index objects: those would attach to ``entries`` and come back
    # with version 1's CREATE TABLE on the next fresh database.
    conn.execute(sa.text("CREATE INDEX ix_entries_date ON entries (date)"))
    conn.execute(sa.text("CREATE INDEX ix_entries_year ON entries (year)"))


def _v3(conn: Connection) -> None:
    """Numbers never given twice, even when the issuing program is killed: the entry is
    committed first, marked pending with the draft's identity, and completed once the number
    is in the draft; a pending entry is found again by that identity."""
    false = "false" if conn.dialect.name == "postgresql" else "0"
    conn.execute(sa.text(
        "ALTER TABLE entries ADD COLUMN draft_id VARCHAR(64) NOT NULL DEFAULT ''"))
    conn.execute(sa.text(
        f"ALTER TABLE entries ADD COLUMN draft_pending BOOLEAN NOT NULL DEFAULT {false}"))
    conn.execute(sa.text("CREATE INDEX ix_entries_draft ON entries (draft_id)"))


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3]
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
