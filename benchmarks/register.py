"""Issues per second of the register with 4 clerks issuing at once (4 processes), on this
PC's SQLite file and on a local PostgreSQL server started for the run (fsync on, as in an
office). Prints numbers; asserts only that every serial came out once and gap-free.

    uv run python benchmarks/register.py [--per-process 250] [--processes 4]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from dla_drafter.register.testserver import PostgresServer, concurrent_issue


def measure(name: str, url: str, processes: int, per_process: int) -> None:
    serials, wall = concurrent_issue(url, processes=processes, per_process=per_process)
    total = processes * per_process
    assert sorted(serials) == list(range(1, total + 1)), f"{name}: serials not gap-free"
    print(f"{name:<11} {processes} writers x {per_process}: {total} issues in {wall:6.2f} s"
          f" = {total / wall:7.1f} issues/s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--per-process", type=int, default=250)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = "sqlite:///" + (Path(folder) / "register.sqlite3").as_posix()
        measure("SQLite", url, args.processes, args.per_process)
    try:
        server = PostgresServer(fsync=True)
    except FileNotFoundError as exc:
        print(f"PostgreSQL: skipped ({exc})")
        return 0
    try:
        server.start()
        measure("PostgreSQL", server.create_database("bench"), args.processes, args.per_process)
    finally:
        server.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
