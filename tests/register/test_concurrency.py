"""Four real processes issue 250 numbers each at the same moment, on a fresh register (they
also race to create it): 1,000 distinct serials, 1 to 1,000, on both backends."""

from __future__ import annotations

from dla_drafter.register.store import Store, be_year
from dla_drafter.register.testserver import concurrent_issue


def test_four_processes_issue_a_thousand_gap_free_serials(register_url):
    import datetime as dt

    serials, _wall = concurrent_issue(register_url, processes=4, per_process=250,
                                      code="มท 0816.3", circular=True)
    assert len(serials) == 1000
    assert sorted(serials) == list(range(1, 1001))
    with Store(register_url) as store:
        entries = store.entries()
        year = be_year(dt.date.today())
        assert store.counter("มท 0816.3", True, year) == 1001
    assert sorted(e.serial for e in entries) == list(range(1, 1001))
    assert {e.status for e in entries} == {"issued"}
    assert len({e.subject for e in entries}) == 250  # each worker's own "ทดสอบ i", 4 times
