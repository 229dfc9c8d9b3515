"""The register's rules on SQLite and on a real PostgreSQL server: serials per series and
year from 1, reserved and cancelled numbers, search, the schema version."""

from __future__ import annotations

import datetime as dt

import pytest

from dla_drafter.register.errors import RegisterError
from dla_drafter.register.store import Details, Store, parse_number

D2569 = dt.date(2026, 6, 16)  # พ.ศ. 2569
D2570 = dt.date(2027, 1, 4)   # พ.ศ. 2570


@pytest.fixture
def store(register_url):
    with Store(register_url) as s:
        yield s


def test_each_series_counts_from_one_and_again_each_year(store):
    got = [store.issue("มท 0816.3", date=D2569).number,
           store.issue("มท 0816.3", date=D2569).number,
           store.issue("มท 0816.3", True, date=D2569).number,  # the ว series is its own
           store.issue("มท ๐๘๑๖.๓", date=D2569).number,        # Thai digits: the same code
           store.issue("มท 0816.4", date=D2569).number,
           store.issue("มท 0816.3", date=D2570).number]        # a new year starts at 1
    assert got == ["มท 0816.3/1", "มท 0816.3/2", "มท 0816.3/ว 1", "มท 0816.3/3",
                   "มท 0816.4/1", "มท 0816.3/1"]
    years = [(e.number, e.year) for e in store.entries()]
    assert ("มท 0816.3/1", 2570) in years and ("มท 0816.3/1", 2569) in years
    assert store.counter("มท 0816.3", False, 2569) == 4


def test_entry_records_what_the_register_keeps(store):
    details = Details(subject="ขอเชิญประชุม", signer="นายสมชาย ใจดี อธิบดี",
                      from_unit="กรมส่งเสริมการปกครองท้องถิ่น", addressee="ผู้ว่าราชการจังหวัด",
                      clerk="สมศรี", draft_path="/ร่าง/หนังสือ.dladraft.json",
                      pdf_sha256="ab" * 32, notes="ส่งทางไปรษณีย์")
    issued = store.issue("มท 0816.3", True, date=D2569, details=details)
    again = store.get("มท 0816.3/ว 1")
    assert again == issued
    assert (again.subject, again.signer, again.from_unit, again.addressee, again.clerk,
            again.draft_path, again.pdf_sha256, again.notes, again.date, again.status) == (
        "ขอเชิญประชุม", "นายสมชาย ใจดี อธิบดี", "กรมส่งเสริมการปกครองท้องถิ่น",
        "ผู้ว่าราชการจังหวัด", "สมศรี", "/ร่าง/หนังสือ.dladraft.json", "ab" * 32,
        "ส่งทางไปรษณีย์", D2569, "issued")
    assert store.record_pdf("มท 0816.3/ว 1", "cd" * 32).pdf_sha256 == "cd" * 32
    assert store.get("มท 0816.3/ว 1").pdf_sha256 == "cd" * 32


def test_reserved_number_is_taken_then_issued_with_its_letter(store):
    reserved = store.reserve("มท 0816.3", date=D2569)
    assert (reserved.number, reserved.status) == ("มท 0816.3/1", "reserved")
    assert store.issue("มท 0816.3", date=D2569).serial == 2  # the reserved one is not reissued
    issued = store.issue_reserved("มท 0816.3/1", date=D2569 + dt.timedelta(days=3),
                                  details=Details(subject="เรื่องที่จองไว้"))
    assert (issued.status, issued.subject, issued.date.day) == ("issued", "เรื่องที่จองไว้", 19)
    assert store.get("มท 0816.3/1").status == "issued"
    with pytest.raises(RegisterError) as err:
        store.issue_reserved("มท 0816.3/1", date=D2569)
    assert err.value.code == "already_issued"
    store.reserve("มท 0816.3", date=D2569)
    with pytest.raises(RegisterError) as err:  # a reserved serial belongs to its year
        store.issue_reserved("มท 0816.3/3", date=D2570)
    assert err.value.code == "wrong_year"


def test_cancelled_number_stays_and_is_never_reused(store):
    store.issue("มท 0816.3", True, date=D2569)
    store.reserve("มท 0816.3", True, date=D2569)
    cancelled = store.cancel("มท ๐๘๑๖.๓/ว ๒", "พิมพ์เรื่องผิด")
    assert (cancelled.number, cancelled.status, cancelled.cancel_reason) == (
        "มท 0816.3/ว 2", "cancelled", "พิมพ์เรื่องผิด")
    assert store.issue("มท 0816.3", True, date=D2569).serial == 3
    statuses = [(e.serial, e.status, e.cancel_reason) for e in store.entries()]
    assert statuses == [(1, "issued", ""), (2, "cancelled", "พิมพ์เรื่องผิด"), (3, "issued", "")]
    for call, code in [(lambda: store.cancel("มท 0816.3/ว 2", "อีกครั้ง"), "already_cancelled"),
                       (lambda: store.issue_reserved("มท 0816.3/ว 2"), "already_cancelled"),
                       (lambda: store.cancel("มท 0816.3/ว 9", "ไม่มี"), "unknown_number"),
                       (lambda: store.cancel("มท 0816.3/ว 1", "  "), "no_reason"),
                       (lambda: store.cancel("ไม่ใช่เลข", "x"), "bad_number")]:
        with pytest.raises(RegisterError) as err:
            call()
        assert err.value.code == code
        assert err.value.message("th") and err.value.message("en")


def test_search_by_subject_addressee_number_and_dates(store):
    store.issue("มท 0816.3", date=dt.date(2026, 1, 5),
                details=Details(subject="ขอเชิญประชุม", addressee="ผู้ว่าราชการจังหวัดเชียงใหม่"))
    store.issue("มท 0816.3", True, date=dt.date(2026, 3, 1),
                details=Details(subject="แจ้งเวียนระเบียบ", addressee="ผู้ว่าราชการจังหวัด"))
    store.issue("มท 0816.4", date=dt.date(2026, 5, 9),
                details=Details(subject="ขอเชิญอบรม", addressee="นายกเทศมนตรีนครเชียงใหม่"))
    numbers = lambda found: [e.number for e in found]  # noqa: E731
    assert numbers(store.entries(subject="ขอเชิญ")) == ["มท 0816.3/1", "มท 0816.4/1"]
    assert numbers(store.entries(addressee="เชียงใหม่")) == ["มท 0816.3/1", "มท 0816.4/1"]
    assert numbers(store.entries(number="/ว")) == ["มท 0816.3/ว 1"]
    assert numbers(store.entries(text="ระเบียบ")) == ["มท 0816.3/ว 1"]
    assert numbers(store.entries(text="0816.4")) == ["มท 0816.4/1"]
    assert numbers(store.entries(date_from=dt.date(2026, 2, 1),
                                 date_to=dt.date(2026, 3, 31))) == ["มท 0816.3/ว 1"]
    assert numbers(store.entries(subject="50%")) == []  # LIKE wildcards are literal
    assert numbers(store.entries(year=2570)) == []


def test_schema_is_versioned_and_a_newer_one_is_refused(register_url):
    import sqlalchemy as sa

    from dla_drafter.register.schema import SCHEMA_VERSION

    Store(register_url).close()
    Store(register_url).close()  # opening again migrates nothing
    url = register_url.replace("postgresql://", "postgresql+psycopg://")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        assert conn.execute(sa.text("SELECT version FROM schema_version")).scalars().all() == [
            SCHEMA_VERSION]
        conn.execute(sa.text("UPDATE schema_version SET version = :v"),
                     {"v": SCHEMA_VERSION + 1})
    engine.dispose()
    with pytest.raises(RegisterError) as err:
        Store(register_url)
    assert err.value.code == "too_new"
    assert "รุ่นใหม่กว่า" in err.value.message("th")


def test_migration_from_version_one_adds_what_is_missing(sqlite_url):
    """A register made by the first version is brought up to date on open, entries kept."""
    import sqlalchemy as sa

    from dla_drafter.register import schema

    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:
        schema.schema_version.create(conn)
        conn.execute(schema.schema_version.insert().values(version=1))
        schema.MIGRATIONS[0](conn)
    engine.dispose()
    with Store(sqlite_url) as store:
        store.issue("มท 0816.3", date=D2569)
    engine = sa.create_engine(sqlite_url)
    indexes = {ix["name"] for ix in sa.inspect(engine).get_indexes("entries")}
    engine.dispose()
    assert {"ix_entries_date", "ix_entries_year"} <= indexes


def test_parse_number_reads_what_the_letter_prints():
    assert parse_number("มท 0816.3/ว 15") == ("มท 0816.3", True, 15)
    assert parse_number("มท ๐๘๑๖.๓/๑๕") == ("มท 0816.3", False, 15)
    assert parse_number("  มท  0816.3 / ว15 ") == ("มท 0816.3", True, 15)
