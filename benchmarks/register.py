"""The register's speed: a cold ``dla-drafter register issue`` (issue 15 item 6: ≤ 0.3 s),
and, with ``--throughput``, issues per second with 4 clerks issuing at once (4 processes) on
this PC's SQLite file and on a local PostgreSQL server started for the run (fsync on, as in
an office).

    uv run python benchmarks/register.py [--runs 7]
    uv run python benchmarks/register.py --throughput [--per-process 250] [--processes 4]

Cold issue: a fresh process per run, as a clerk's script or the batch tool starts it, issues
the next number into a new copy of a one-page draft on a SQLite register that already exists
(the first run, which creates it and writes bytecode, is not counted). Prints wall and CPU
time against the target; asserts only that every serial came out once and gap-free.

Before/after: ``DLA_BENCH_CODE=/tmp/base uv run python benchmarks/register.py`` measures
the code of another checkout (``git worktree add /tmp/base COMMIT``) with this file.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# DLA_BENCH_CODE=PATH measures the code of another checkout (before/after: `git worktree add
# /tmp/base COMMIT`), with these benchmark files and this environment's packages
ROOT = Path(os.environ.get("DLA_BENCH_CODE") or HERE.parent).resolve()
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from targets import COLD_REGISTER_ISSUE_S, line, timed_process  # noqa: E402


def cold_issue(runs: int) -> None:
    base = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json")
                      .read_text(encoding="utf-8"))
    base["body"] = base["body"][:1]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)  # the code measured, also in the child processes
    with tempfile.TemporaryDirectory() as folder:
        env["DLA_DRAFTER_CONFIG_DIR"] = f"{folder}/config"
        env["DLA_DRAFTER_DATA_DIR"] = f"{folder}/data"
        url = "sqlite:///" + (Path(folder) / "register.sqlite3").as_posix()
        samples = []
        for n in range(runs + 1):
            draft = Path(folder) / f"letter-{n}.dladraft.json"
            draft.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
            cmd = [sys.executable, "-m", "dla_drafter", "register", "issue", str(draft),
                   "--db", url, "--clerk", "bench"]
            wall, cpu = timed_process(cmd, env=env, cwd=folder)
            if n:  # the first run creates the register and writes bytecode
                samples.append((wall, cpu))
            serial = str(json.loads(draft.read_text(encoding="utf-8"))["number"]["serial"])
            arabic = serial.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
            assert arabic == str(n + 1), f"run {n}: serial {serial}, not gap-free"
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print(f"cold register issue (SQLite, existing register), median of {runs}:")
    print(line("cold register issue, wall", wall, COLD_REGISTER_ISSUE_S, "s"))
    print(line("cold register issue, CPU", cpu, COLD_REGISTER_ISSUE_S, "s"))


def measure(name: str, url: str, processes: int, per_process: int) -> None:
    from dla_drafter.register.testserver import concurrent_issue

    serials, wall = concurrent_issue(url, processes=processes, per_process=per_process)
    total = processes * per_process
    assert sorted(serials) == list(range(1, total + 1)), f"{name}: serials not gap-free"
    print(f"{name:<11} {processes} writers x {per_process}: {total} issues in {wall:6.2f} s"
          f" = {total / wall:7.1f} issues/s")


def throughput(processes: int, per_process: int) -> int:
    from dla_drafter.register.testserver import PostgresServer

    with tempfile.TemporaryDirectory() as folder:
        url = "sqlite:///" + (Path(folder) / "register.sqlite3").as_posix()
        measure("SQLite", url, processes, per_process)
    try:
        server = PostgresServer(fsync=True)
    except FileNotFoundError as exc:
        print(f"PostgreSQL: skipped ({exc})")
        return 0
    try:
        server.start()
        measure("PostgreSQL", server.create_database("bench"), processes, per_process)
    finally:
        server.cleanup()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="cold issues measured")
    parser.add_argument("--throughput", action="store_true",
                        help="also issues per second with several writers at once")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--per-process", type=int, default=250)
    args = parser.parse_args()
    print(f"code measured: {ROOT}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} (wall times under load are noise: read the CPU times)")
    cold_issue(args.runs)
    return throughput(args.processes, args.per_process) if args.throughput else 0


if __name__ == "__main__":
    sys.exit(main())
