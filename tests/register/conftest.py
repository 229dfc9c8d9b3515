"""Register fixtures: a real PostgreSQL server for the session (started with Debian's initdb
and pg_ctl, as the ``postgres`` user under root) and a fresh database per test; a SQLite file
per test. ``register_url`` runs a test on both backends."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "circular-2565-eef.dladraft.json"
_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    from dla_drafter.register.testserver import PostgresServer

    try:
        server = PostgresServer()
    except FileNotFoundError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must test the register on PostgreSQL: {exc}")
        pytest.skip(f"PostgreSQL server binaries are not installed: {exc}")
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A new, empty database on the session's server."""
    if not pg_server.running():  # a test that stopped the server must not break the next
        pg_server.start()
    return pg_server.create_database(f"register_{os.getpid()}_{next(_names)}")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return "sqlite:///" + (tmp_path / "register.sqlite3").as_posix()


@pytest.fixture(params=["sqlite", "postgresql"])
def register_url(request) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return request.getfixturevalue(name)


@pytest.fixture
def draft(tmp_path) -> Path:
    """The sample circular (มท 0816.3/ว, serial blank) as a draft file of the test's own."""
    path = tmp_path / "letter.dladraft.json"
    path.write_bytes(EXAMPLE.read_bytes())
    return path
