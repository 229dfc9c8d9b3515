"""A batch takes one register number per letter, in row order, and the register never keeps a
number for a letter that was not made (issue 9, item 3)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading

import pytest
from mergehelpers import PROVINCES, ROOT, amount, csv_bytes, pdf_pages, squeeze, template_dict

from dla_drafter.merge import merge
from dla_drafter.merge.table import Row, Table
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.register import open_store

DAY = dt.date(2026, 12, 2)  # พ.ศ. ๒๕๖๙


def table(count: int, blank: int | None = None) -> Table:
    rows = []
    for i in range(count):
        values = {"จังหวัด": PROVINCES[i], "งบประมาณ": "" if i == blank else amount(i)}
        rows.append(Row(i + 2, values))
    return Table(["จังหวัด", "งบประมาณ"], rows)


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'register.sqlite3'}") as opened:
        yield opened


def test_each_letter_gets_the_next_number_and_prints_it(tmp_path, store, render_settings):
    template = letter_from_dict(template_dict())
    summary = merge(template, table(5, blank=2), tmp_path / "out", ("pdf",), "«จังหวัด»",
                    settings=render_settings, register=store, register_date=DAY,
                    draft_path=tmp_path / "template.dladraft.json")
    assert summary.made == 4 and summary.failed_rows == [4]
    assert summary.numbers == [f"มท 0816.3/ว {n}" for n in (1, 2, 3, 4)]
    assert summary.cancelled_numbers == []
    entries = sorted(store.entries(year=2569), key=lambda e: e.serial)
    assert [(e.serial, e.status) for e in entries] == [(n, "issued") for n in (1, 2, 3, 4)]
    # in row order: the blank row 4 (index 2) took no number, so Chanthaburi's is ๓ …
    assert [e.addressee for e in entries] == [
        f"ผู้ว่าราชการจังหวัด{PROVINCES[i]}" for i in (0, 1, 3, 4)]
    for entry, i in zip(entries, (0, 1, 3, 4), strict=True):
        text = squeeze(pdf_pages(tmp_path / "out" / f"{PROVINCES[i]}.pdf")[0])
        thai = "๐๑๒๓๔๕๖๗๘๙"[entry.serial]
        assert f"ที่มท๐๘๑๖.๓/ว{thai}" in text
        assert "๒ธันวาคม๒๕๖๙" in text
        assert len(entry.pdf_sha256) == 64


def test_numbers_of_letters_not_made_are_cancelled(tmp_path, store, render_settings):
    template = letter_from_dict(template_dict())
    stop = threading.Event()
    summary = merge(template, table(12), tmp_path / "out", ("pdf",), "«จังหวัด»",
                    progress=lambda done, total, result: done == 2 and stop.set(),
                    cancel=stop.is_set, settings=render_settings, workers=1, register=store,
                    register_date=DAY)
    assert summary.cancelled
    entries = store.entries(year=2569)
    assert len(entries) == 12  # every number issued stays in the register
    issued = [e for e in entries if e.status == "issued"]
    cancelled = [e for e in entries if e.status == "cancelled"]
    assert len(issued) == summary.made and len(cancelled) == 12 - summary.made
    assert sorted(e.number for e in cancelled) == sorted(summary.cancelled_numbers)
    made = {p.stem for p in (tmp_path / "out").iterdir()}
    assert {e.addressee.removeprefix("ผู้ว่าราชการจังหวัด") for e in issued} == made


def test_the_merge_command_numbers_with_a_register(tmp_path):
    draft = tmp_path / "template.dladraft.json"
    draft.write_text(json.dumps(template_dict(), ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_bytes(csv_bytes([[str(i + 1), PROVINCES[i], amount(i)] for i in range(3)]))
    db = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "dla_drafter", "merge", str(draft), "--data", str(data),
         "-o", str(tmp_path / "out"), "--bundled-font", "--db", db, "--date", "2569-12-02"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert "มท 0816.3/ว 1 – มท 0816.3/ว 3 (3)" in result.stdout
    listing = subprocess.run(
        [sys.executable, "-m", "dla_drafter", "register", "list", "--db", db, "--json"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, encoding="utf-8")
    entries = json.loads(listing.stdout)
    assert sorted((e["serial"], e["status"], e["date"]) for e in entries) == [
        (n, "issued", "2026-12-02") for n in (1, 2, 3)]
