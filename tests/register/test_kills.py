"""Numbers never given twice under kill -9 (issue 13 item 1): ``register issue`` killed with
SIGKILL at random moments — a library call killed a random time into the issue, the command
line killed on entering a random system call of the issuing (strace) — on SQLite and on a
real PostgreSQL server; then every draft is opened again and drafts and register compared.

The register's old order (the draft written inside the transaction, before the commit) gave,
in 543 kills on both backends, 65 orphan drafts and 64 numbers on two drafts (SQLite: 21 and
21 in 300 library kills, 35 and 34 in 100 command-line kills); ``benchmarks/register_kills.py``
runs hundreds and prints the figures.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dla_drafter.register.killtest import kill_campaign

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "circular-2565-eef.dladraft.json"


def _assert_sound(figures) -> None:
    print(figures.line())
    assert figures.orphans == 0, figures.line()  # a number in a draft is always in the register
    assert figures.duplicates == 0, figures.line()  # and on one draft only
    assert figures.unwritten == 0, figures.line()  # every pending number completed on open


@pytest.mark.skipif(not hasattr(os, "fork"),
                    reason="the kill harness forks from a warm server (POSIX; on Windows the "
                    "same order is what tests/register/test_pending.py checks step by step)")
def test_library_issue_killed_at_sixty_random_moments(register_url, tmp_path):
    figures = kill_campaign(register_url, tmp_path / "drafts", EXAMPLE, cases=60,
                            mode="library", seed=13)
    _assert_sound(figures)
    assert figures.killed >= 30  # the kills landed inside the issuing, not after it
    # some landed between the register's commit and the draft's update, and opening the
    # draft wrote the same number into it: the window the old order lost numbers in
    assert figures.completed_on_open >= 1
    assert figures.issued >= 10


def test_command_line_killed_at_system_calls_of_the_issuing(sqlite_url, tmp_path):
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed: the kills could not be placed")
    figures = kill_campaign(sqlite_url, tmp_path / "drafts", EXAMPLE, cases=8, mode="cli",
                            seed=13, calibration=2)
    _assert_sound(figures)
    assert figures.killed >= 6
