"""The outgoing-number register (ทะเบียนหนังสือส่ง): number, date and record of every letter.

One SQLite file in the user's data folder by default, so a clerk on one PC needs nothing set
up; an office shares a PostgreSQL server chosen by URL (``AppConfig.register_url`` or
``--db``). **A SQLite file on a network share is not safe for several writers** (file locking
over SMB/NFS is unreliable): an office with several clerks uses PostgreSQL.

Serials run per series — number code, the ว series of circulars kept separate — per Buddhist
year, from 1, issued in one database transaction each: never twice, never a gap, however
many clerks issue at once. A reserved (จอง) number is taken the same way; a cancelled
(ยกเลิก) number keeps its line and reason and is never issued again.

API for the program's window (Qt-free; SQLAlchemy and psycopg load only when a store opens)::

    from dla_drafter.register import open_store, issue_draft, RegisterError
    store = open_store(url)               # the URL the caller read from its settings;
                                          # None: this PC's SQLite file (never the settings)
    entry = issue_draft(store, path)      # serial + date into the draft, entry recorded
    entry.number                          # "มท 0816.3/ว 15"
    complete_pending(store, path)         # on opening a draft: a number the register issued
                                          # for it before the program stopped, written in
    store.reserve(code, circular)         # จองเลข -> Entry(status="reserved")
    store.issue_reserved(number, details=Details(...))
    store.cancel(number, reason)          # ยกเลิก
    store.entries(year=2569, text="…", date_from=…, date_to=…)   # list and search
    store.record_pdf(number, sha256)
    export.write(entries, "ทะเบียน.xlsx" | ".csv" | ".pdf")   # by extension
    shares.share_warning(url, lang)       # Thai warning for a SQLite file on a network share
    store.default_url()                                       # this PC's register

Every failure is a :class:`RegisterError` (a ``DrafterError``: ``.code``, ``.problems``,
``.message("th"|"en")``) after which nothing was recorded (``draft_write_pending`` says the
number is the draft's and issuing again writes it); a lost connection is
``code == "connection_lost"``. Killed at any moment, ``issue_draft`` never leaves a number
in a draft that the register lacks, nor one number on two drafts (``drafts.py`` says how).
Call the store from a worker thread in the window: a PostgreSQL server that does not answer
takes up to 10 s to be reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import RegisterError

if TYPE_CHECKING:
    from .drafts import complete_pending, issue_draft
    from .store import Details, Entry, Store, open_store

__all__ = ["Details", "Entry", "RegisterError", "Store", "complete_pending", "issue_draft",
           "open_store"]


def __getattr__(name: str) -> Any:
    """Load the store (and SQLAlchemy) only when it is asked for."""
    if name in ("issue_draft", "complete_pending"):
        from . import drafts

        return getattr(drafts, name)
    if name in ("Details", "Entry", "Store", "open_store"):
        from . import store

        return getattr(store, name)
    raise AttributeError(name)
