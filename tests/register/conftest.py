"""Register fixtures: a SQLite file per test, and ``register_url`` to run a test on both
backends (the PostgreSQL server and its databases, ``pg_server``/``pg_url``, are in
``tests/conftest.py``, shared with the window's tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "circular-2565-eef.dladraft.json"


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
