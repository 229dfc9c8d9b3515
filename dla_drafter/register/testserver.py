"""A throw-away PostgreSQL server for the register's tests and benchmark.

Starts Debian's ``initdb``/``pg_ctl`` in a fresh temporary folder, listening on 127.0.0.1 on a
free port (unix sockets in that folder, trust authentication). PostgreSQL refuses to run as
root, so under root (CI) the commands run as the ``postgres`` user with ``runuser`` and the
folder is handed to that user. Not used by the program itself.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb, else initdb on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """``start()``, ``create_database(name) -> url``, ``stop(mode)``; ``start()`` again
    restarts on the same data and port."""

    def __init__(self, *, fsync: bool = False) -> None:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.bin_dir = bin_dir
        self.fsync = fsync
        self.as_postgres = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="dla-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        if self.as_postgres:
            import pwd

            user = pwd.getpwnam("postgres")
            os.chown(self.base, user.pw_uid, user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8", "--locale=C")

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.base)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {result.stdout}\n{result.stderr}")
        return result

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
                   f"-c max_connections=100" + ("" if self.fsync else " -c fsync=off"))
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """``mode="immediate"`` kills the server as a power cut would."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "status"]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True).returncode == 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def cleanup(self) -> None:
        """Stop (if running) and remove the folder."""
        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)


def _issue_worker(url: str, code: str, circular: bool, count: int, start, results) -> None:
    """One clerk: open the register, wait for the others, issue ``count`` numbers."""
    import time

    from .store import Details, Store

    try:
        store = Store(url)
        start.wait(120)  # a barrier: every worker connected, then all issue at once
        began = time.perf_counter()
        serials = [store.issue(code, circular, details=Details(subject=f"ทดสอบ {i}")).serial
                   for i in range(count)]
        results.put(("ok", serials, time.perf_counter() - began))
        store.close()
    except BaseException as exc:  # reported to the parent, which fails the test
        start.abort()  # nobody waits for a clerk who will not come
        results.put(("error", repr(exc), 0.0))


def concurrent_issue(url: str, *, processes: int = 4, per_process: int = 250,
                     code: str = "มท 0816.3", circular: bool = False,
                     ) -> tuple[list[int], float]:
    """``processes`` real processes issue at the same moment; returns every serial they got
    and the wall time from the start signal to the last issue."""
    import multiprocessing
    import queue
    import time

    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(processes + 1), ctx.Queue()
    workers = [ctx.Process(target=_issue_worker,
                           args=(url, code, circular, per_process, start, results))
               for _ in range(processes)]
    for w in workers:
        w.start()
    with contextlib.suppress(threading.BrokenBarrierError):  # a worker failed: it reports
        start.wait(120)
    began = time.perf_counter()
    serials: list[int] = []
    errors: list[str] = []
    try:
        for _ in workers:
            status, value, _elapsed = results.get(timeout=600)
            if status == "ok":
                serials.extend(value)
            else:
                errors.append(value)
    except queue.Empty:
        errors.append("a worker did not finish within 600 s")
    wall = time.perf_counter() - began
    for w in workers:
        w.join(30)
        if w.is_alive():
            w.kill()
    if errors:
        raise RuntimeError("; ".join(errors))
    return serials, wall
