"""Numbers never given twice: kill ``register issue`` with SIGKILL at hundreds of random
moments, on SQLite and on a PostgreSQL server started for the run, through the library call
(killed a random time into the issue) and through the command line (under strace, killed on
entering a system call of the issuing picked at random), then open every draft and count:

* orphans — drafts holding a number the register does not have;
* duplicates — numbers held by two or more drafts;
* unwritten — register entries whose draft does not hold their number.

    uv run python benchmarks/register_kills.py [--cases 300] [--cli-cases 100] [--seed 1]

All three must be 0 (``dla_drafter/register/killtest.py`` explains the harness).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from dla_drafter.register.killtest import kill_campaign
from dla_drafter.register.testserver import PostgresServer

TEMPLATE = Path(__file__).resolve().parent.parent / "examples" / "circular-2565-eef.dladraft.json"


def campaigns(name: str, make_url, args, folder: Path) -> list:
    found = []
    plans = [("library", args.cases), ("cli", args.cli_cases)]
    for mode, cases in plans:
        if not cases:
            continue
        figures = kill_campaign(make_url(f"{name}_{mode}"), folder / f"{name}-{mode}",
                                TEMPLATE, cases=cases, mode=mode, seed=args.seed,
                                use_strace=not args.no_strace)
        print(figures.line(), flush=True)
        found.append(figures)
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300, help="library-call kills per backend")
    parser.add_argument("--cli-cases", type=int, default=100, help="CLI kills per backend")
    parser.add_argument("--no-strace", action="store_true",
                        help="kill the CLI after a random delay instead of at a system call")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("both", "sqlite", "postgresql"), default="both")
    args = parser.parse_args()
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.backend in ("both", "sqlite"):
            found += campaigns("sqlite", lambda n: "sqlite:///" + (folder / f"{n}.sqlite3")
                               .as_posix(), args, folder)
        if args.backend in ("both", "postgresql"):
            try:
                server = PostgresServer(fsync=True)
            except FileNotFoundError as exc:
                print(f"PostgreSQL: skipped ({exc})")
            else:
                try:
                    server.start()
                    found += campaigns("postgresql", server.create_database, args, folder)
                finally:
                    server.cleanup()
    bad = sum(f.orphans + f.duplicates + f.unwritten for f in found)
    total = sum(f.cases for f in found)
    print(f"total: {total} cases, {sum(f.killed for f in found)} killed, "
          f"{sum(f.orphans for f in found)} orphans, {sum(f.duplicates for f in found)} "
          f"duplicates, {sum(f.unwritten for f in found)} unwritten")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
