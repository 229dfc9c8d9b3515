"""Kill ``register issue`` with SIGKILL at random moments and count what went wrong.

A register must never give one number to two letters, and a number written into a draft must
always be in the register, whatever moment the issuing process dies at (a clerk pulls the
plug, the PC freezes, the task manager ends the program). This harness checks that with real
processes and real kills, on SQLite and on PostgreSQL, for the tests
(``tests/register/test_kills.py``) and for ``benchmarks/register_kills.py``. Not used by the
program itself.

Each *case* issues one draft in a child process and kills it with SIGKILL after a random
delay:

* ``mode="library"``: a child forked from a warm fork server (a process of its own with the
  register already imported) opens the store, says it is ready, and on "go" calls
  :func:`dla_drafter.register.drafts.issue_draft`; the kill lands a random time after "go",
  spread over the measured length of one issue, so nearly every kill falls inside it.
* ``mode="cli"``: ``python -m dla_drafter register issue DRAFT --db URL`` under strace,
  which delivers SIGKILL on entering one system call of the issuing picked at random (a page
  write or fsync of the database, the rename that replaces the draft, the unlink that commits
  a SQLite transaction, a message to the PostgreSQL server): every kill lands inside the
  issuing, none in Python's start-up. Without strace, a random delay after start.

Most cases take a new copy of the template draft; some (``reissue``) issue again a draft a
killed case left without a number, as a clerk would. At the end every draft is *opened*
(:func:`dla_drafter.register.drafts.complete_pending`, when this version has it) and the
drafts and the register are compared:

* ``orphans`` — drafts holding a number the register does not have as theirs (no issued
  entry of that number, or one recorded for another draft);
* ``duplicates`` — numbers held by two or more drafts (each extra draft counts once);
* ``unwritten`` — issued register entries whose draft does not hold their number.

The first two must be 0. The third is a number the register gave and no draft got: not a
double, but an entry a clerk must account for; after the drafts are opened it must be 0 too.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass
class KillFigures:
    """What one campaign found."""

    backend: str
    mode: str
    cases: int = 0
    killed: int = 0  # cases whose child was still running when the kill came
    issued: int = 0  # numbers held by drafts at the end
    orphans: int = 0
    duplicates: int = 0
    unwritten: int = 0
    completed_on_open: int = 0  # pending entries written into their drafts when opened
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.backend:<10} {self.mode:<7} cases {self.cases:4d}  killed "
                f"{self.killed:4d}  drafts numbered {self.issued:4d}  orphans "
                f"{self.orphans:3d}  duplicates {self.duplicates:3d}  unwritten "
                f"{self.unwritten:3d}  completed on open {self.completed_on_open:3d}  "
                f"({self.seconds:.0f} s)")


# --- the library child ---------------------------------------------------------------------

def _serve(url: str) -> None:
    """The fork server (``python -m dla_drafter.register.killtest URL``): imports the register
    once, then for each line ``PATH<TAB>DELAY`` on stdin forks a child that opens the store,
    says it is ready and, on go, issues the draft; the server kills it ``DELAY`` seconds after
    go ("-": lets it finish) and answers ``KILLED<TAB>SECONDS`` ("-": unknown).

    A server of its own, single-threaded, so ``os.fork`` is safe (the test process runs Qt
    threads) and no child imports more than the issue needs."""
    import importlib

    from .drafts import issue_draft
    from .store import Store

    # What an issue imports on first use, imported here once so that no child pays for it.
    for name in ("sqlalchemy", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql",
                 "sqlalchemy.engine", "psycopg", "dla_drafter.register.schema",
                 "dla_drafter.model.draftio", "dla_drafter.model.letter", "dla_drafter.atomic",
                 "dla_drafter.text.digits", "dla_drafter.problems"):
        importlib.import_module(name)
    for line in sys.stdin:
        path, delay_text = line.rstrip("\n").split("\t")
        delay = None if delay_text == "-" else float(delay_text)
        ready_r, ready_w = os.pipe()
        go_r, go_w = os.pipe()
        out_r, out_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: issue, report, and leave without running anything else
            try:
                for fd in (ready_r, go_w, out_r):
                    os.close(fd)
                store = Store(url)
                os.write(ready_w, b"r")
                os.read(go_r, 1)
                began = time.perf_counter()
                try:
                    issue_draft(store, path)
                    os.write(out_w, f"{time.perf_counter() - began}".encode())
                except Exception:  # a refusal (a number typed by hand …): no time to give
                    os.write(out_w, b"-")
            finally:
                os._exit(0)
        for fd in (ready_w, go_r, out_w):
            os.close(fd)
        os.read(ready_r, 1)  # ready (or the child died opening the store)
        os.write(go_w, b"g")
        if delay is not None:
            _sleep(delay)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _pid, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        elapsed = "-" if killed else (os.read(out_r, 64).decode() or "-")
        for fd in (ready_r, go_w, out_r):
            os.close(fd)
        print(f"{int(killed)}\t{elapsed}", flush=True)


class _Library:
    """Issues through :func:`_serve` in a process of its own."""

    def __init__(self, url: str) -> None:
        self.server = subprocess.Popen(
            [sys.executable, "-m", "dla_drafter.register.killtest", url],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_child_env())

    def run(self, path: Path, delay: float | None) -> tuple[bool, float | None]:
        """Issue ``path`` in a child; kill it ``delay`` s after go (None: let it finish).
        Returns (killed, seconds the issue took when it finished)."""
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(f"{path}\t{'-' if delay is None else repr(delay)}\n")
        self.server.stdin.flush()
        answer = self.server.stdout.readline()
        if not answer:
            raise RuntimeError("the register fork server stopped")
        killed, elapsed = answer.rstrip("\n").split("\t")
        return killed == "1", None if elapsed == "-" else float(elapsed)

    def close(self) -> None:
        if self.server.stdin is not None:
            self.server.stdin.close()
        self.server.wait(60)


# --- the command-line child ----------------------------------------------------------------

class _Cli:
    """``dla-drafter register issue`` as a process of its own.

    Under strace (the default when it is installed) each kill is exact: SIGKILL is delivered
    on entering one chosen system call of the issuing — a page write of the database, an
    fsync, the rename that replaces the draft, the unlink that commits a SQLite transaction,
    a message to the PostgreSQL server — picked at random among those an unkilled run makes
    (counted once, in :meth:`calibrate`). Without strace the kill comes after a random delay.
    """

    SYSCALLS = ("fsync,fdatasync,rename,renameat,renameat2,unlink,unlinkat,pwrite64,write,"
                "sendto,recvfrom")

    def __init__(self, url: str, use_strace: bool = True) -> None:
        self.url = url
        self.strace = shutil.which("strace") if use_strace else None
        self.points: list[tuple[str, int]] = []  # (syscall, its invocation number)

    def _command(self, path: Path) -> list[str]:
        return [sys.executable, "-m", "dla_drafter", "register", "issue", str(path),
                "--db", self.url]

    def calibrate(self, path: Path, folder: Path) -> float:
        """Issue ``path`` unkilled (under strace, listing the kill points); the seconds."""
        began = time.perf_counter()
        if self.strace is None:
            subprocess.run(self._command(path), capture_output=True, timeout=300,
                           env=_child_env())
            return time.perf_counter() - began
        trace = folder / "calibration.strace"
        subprocess.run([self.strace, "-f", "-qq", "-o", str(trace), "-e",
                        f"trace={self.SYSCALLS}", *self._command(path)],
                       capture_output=True, timeout=300, env=_child_env())
        seen: Counter = Counter()
        main_pid = None
        for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
            pid, _, rest = line.partition(" ")
            name = rest.split("(", 1)[0].strip()
            if not name or name.startswith(("<", "+++", "---")):
                continue
            main_pid = main_pid or pid
            if pid != main_pid:  # the counters are per thread: keep to the issuing one
                continue
            seen[name] += 1
            self.points.append((name, seen[name]))
        return time.perf_counter() - began

    def run(self, path: Path, delay: float | None,
            point: tuple[str, int] | None = None) -> tuple[bool, float | None]:
        command = self._command(path)
        if point is not None and self.strace is not None:
            name, nth = point
            # (strace tampers only with calls it traces: trace that one, to nowhere)
            command = [self.strace, "-f", "-qq", "-o", os.devnull, "-e", f"trace={name}",
                       "-e", f"inject={name}:signal=SIGKILL:when={nth}", *command]
            delay = None
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                   env=_child_env(), start_new_session=True)
        if delay is None:
            process.wait(300)
            # strace exits as its tracee did: killed by the signal it injected
            killed = process.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL)
            return killed, None if killed else time.perf_counter() - began
        try:
            process.wait(delay)
            return False, time.perf_counter() - began
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
            return True, None


def _child_env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _sleep(seconds: float) -> None:
    """Sleep precisely: the interesting windows are a few milliseconds long."""
    end = time.perf_counter() + seconds
    if seconds > 0.002:
        time.sleep(seconds - 0.002)
    while time.perf_counter() < end:
        pass


# --- the campaign ---------------------------------------------------------------------------

def _draft_number(path: Path) -> tuple[str, bool, int, int] | None:
    """(code, circular, BE year, serial) of the number a draft holds, or None."""
    from ..text.digits import to_arabic_digits
    from .store import normalise_code

    data = json.loads(path.read_text(encoding="utf-8"))
    serial = (data["number"].get("serial") or "").strip()
    if not serial:
        return None
    return (normalise_code(data["number"]["code"]), bool(data["number"].get("circular")),
            int(data["date"]["year"]), int(to_arabic_digits(serial)))


def kill_campaign(url: str, folder: Path, template: Path, *, cases: int, mode: str = "library",
                  seed: int = 0, reissue: float = 0.3, use_strace: bool = True,
                  calibration: int = 3) -> KillFigures:
    """Run ``cases`` issues of drafts made from ``template`` in ``folder``, each child killed
    at a random moment, then open every draft and count orphans, duplicates and unwritten
    numbers (see the module docstring)."""
    from . import drafts as drafts_module
    from .store import Store

    started = time.perf_counter()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    backend = "postgresql" if url.startswith("postgresql") else "sqlite"
    figures = KillFigures(backend, mode)
    made: list[Path] = []

    def new_draft() -> Path:
        path = folder / f"d{len(made):04d}.dladraft.json"
        path.write_bytes(template.read_bytes())
        made.append(path)
        return path

    cli = _Cli(url, use_strace) if mode == "cli" else None
    library = _Library(url) if mode == "library" else None
    try:
        # Calibration, unkilled: how long one issue takes here and now (library: the kills
        # spread over it) or which system calls it makes (command line: the kill points).
        durations = []
        for n in range(calibration):
            if cli is not None and n == calibration - 1:
                durations.append(cli.calibrate(new_draft(), folder))
            else:
                _killed, elapsed = (cli or library).run(new_draft(), None)
                durations.append(elapsed or 0.05)
            figures.cases += 1
        span = 1.25 * statistics.median(durations)

        unnumbered: list[Path] = []
        for _ in range(cases):
            if unnumbered and rng.random() < reissue:
                path = unnumbered.pop(rng.randrange(len(unnumbered)))
            else:
                path = new_draft()
            if cli is not None:
                point = rng.choice(cli.points) if cli.points else None
                killed, _elapsed = cli.run(path, rng.uniform(0, span), point)
            else:
                killed, _elapsed = library.run(path, rng.uniform(0, span))
            figures.cases += 1
            figures.killed += killed
            if _draft_number(path) is None:
                unnumbered.append(path)
    finally:
        if library is not None:
            library.close()

    complete = getattr(drafts_module, "complete_pending", None)
    with Store(url) as store:
        if complete is not None:  # the drafts are opened again, as the clerk would
            for path in made:
                if complete(store, path) is not None:
                    figures.completed_on_open += 1
        entries = [e for e in store.entries() if e.status == "issued"]
    registered = {(e.code, e.circular, e.year, e.serial): e.draft_path for e in entries}
    held = {path: _draft_number(path) for path in made}
    numbers = [n for n in held.values() if n is not None]
    figures.issued = len(numbers)
    figures.orphans = sum(1 for path, n in held.items()
                          if n is not None and registered.get(n) != str(path.resolve()))
    figures.duplicates = sum(count - 1 for count in Counter(numbers).values() if count > 1)
    by_path = {str(p.resolve()): n for p, n in held.items()}
    figures.unwritten = sum(
        1 for e in entries
        if by_path.get(e.draft_path, "missing") != (e.code, e.circular, e.year, e.serial))
    figures.seconds = time.perf_counter() - started
    return figures


if __name__ == "__main__":
    _serve(sys.argv[1])
