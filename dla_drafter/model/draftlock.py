"""One saver at a time: a lock file beside a draft while it is re-read, merged and written.

Two PCs saving the same draft on a shared folder must not interleave "read what is there →
merge → write": otherwise the second writer merges with a file the first is about to replace,
and the first one's change is lost. The lock is a file, ``.<name>.dlalock`` beside the draft,
created with ``O_CREAT | O_EXCL`` (exclusive creation is atomic on local disks, on SMB shares
from Windows and Linux, and on NFSv3+), holding who took it (host, pid, user, time, a random
token). It is held for the milliseconds of one save and removed after it.

Why a file and not ``fcntl``/``msvcrt`` byte-range locks: a lock file means the same thing on
every platform and every share, and any PC can see who holds it; byte-range locks differ
between POSIX and Windows, and Linux CIFS mounts may keep them local to the client.

A holder killed with ``kill -9`` (or a PC switched off) leaves its lock behind, so a lock is
*stale*, and taken over, when

* it was taken on this PC by a process that no longer exists (at once);
* its own time is more than :data:`ANCIENT_S` ago by this PC's clock (at once); or
* this PC has watched the very same lock, unchanged, for :data:`STALE_AFTER_S` seconds — a
  save takes milliseconds, so a lock that old belongs to a PC that died while saving. The
  waiting is measured on this PC's own clock, so two PCs whose clocks disagree do not take
  each other's fresh locks.

Taking over is itself guarded: only the process that creates ``.<name>.dlalock.break``
(``O_EXCL`` again) may remove a stale lock, and it removes it only if the lock still holds the
content judged stale. So two waiters that both find the same stale lock never remove a fresh
lock that a third has just made. A lock is released only by its owner (its token), and a
killed save never leaves the draft half-written (``atomic.py`` writes by rename).
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import random
import secrets
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from dla_drafter.atomic import write_error
from dla_drafter.problems import DrafterError

LOCK_SUFFIX = ".dlalock"
BREAK_SUFFIX = ".break"
STALE_AFTER_S = 30.0  # a save takes well under a second; 30 s covers 10 MB over a slow link
ANCIENT_S = 600.0
WAIT_S = 60.0
_BINARY = getattr(os, "O_BINARY", 0)
_POLL_FIRST_S = 0.002
_POLL_MAX_S = 0.05
_WINDOWS_PERMISSION_GRACE_S = 2.0  # a lock file being deleted refuses to be created (Windows)


class DraftLockError(DrafterError, OSError):
    """Another PC or program held the draft's lock for the whole wait; nothing was written."""


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of ``path``: ``.<name>.dlalock`` beside it (a hash for a very long name,
    so that the lock's name never hits the name limit the draft's own name fits under)."""
    target = Path(path)
    with contextlib.suppress(OSError):
        if target.is_symlink():  # the save writes through the link: lock the real file
            target = target.resolve()
    name = target.name
    if len(name.encode("utf-8")) > 200:
        name = hashlib.sha256(name.encode("utf-8")).hexdigest()[:24]
    return target.with_name(f".{name}{LOCK_SUFFIX}")


def this_host() -> str:
    """This PC, as written into locks: its name and its network card's address (two PCs
    cloned from one image may share a name)."""
    return f"{socket.gethostname()}/{uuid.getnode():012x}"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account)
        return ""


def _read(path: Path) -> bytes | None:
    """The lock's content, or None when there is no lock (any more)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(4096)
    except FileNotFoundError:
        return None
    except OSError:
        return b""  # being created or removed (Windows: delete pending): unknown holder


def _info(content: bytes | None) -> dict:
    try:
        info = json.loads(content or b"")
    except (ValueError, UnicodeDecodeError):
        return {}
    return info if isinstance(info, dict) else {}


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` of this PC still runs (True when it cannot be told)."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return True
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by another user
    try:  # Linux: a killed process its parent has not reaped yet is a zombie: dead
        with open(f"/proc/{pid}/stat", "rb") as stream:
            fields = stream.read().rsplit(b")", 1)[-1].split()
        return not fields or fields[0] != b"Z"
    except OSError:
        return True


def _windows_process_alive(pid: int) -> bool:
    """OpenProcess + GetExitCodeProcess: ``os.kill`` on Windows would *terminate* it."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == access_denied  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


class _Watch:
    """How long this process has seen a file hold the same content (its own clock)."""

    def __init__(self) -> None:
        self._seen: dict[Path, tuple[bytes | None, float]] = {}

    def age(self, path: Path, content: bytes | None) -> float:
        now = time.monotonic()
        last = self._seen.get(path)
        if last is None or last[0] != content:
            self._seen[path] = (content, now)
            return 0.0
        return now - last[1]


def is_stale(content: bytes | None, watched_s: float, *, host: str | None = None,
             now: float | None = None) -> bool:
    """The stale rule (module docstring) for a lock holding ``content``, seen unchanged
    for ``watched_s`` seconds by this process."""
    if watched_s >= STALE_AFTER_S:
        return True
    info = _info(content)
    at = info.get("at")
    now = time.time() if now is None else now
    if isinstance(at, int | float) and not isinstance(at, bool) and at < now - ANCIENT_S:
        return True
    pid = info.get("pid")
    same_host = info.get("host") == (host or this_host())
    return same_host and isinstance(pid, int) and not process_alive(pid)


def _create(path: Path, content: bytes) -> bool:
    """Create ``path`` holding ``content`` if it does not exist; False when it does."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    except FileExistsError:
        return False
    try:
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    except BaseException:  # a full disk: never leave an empty lock that others must wait out
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    return True


def _unlink(path: Path) -> None:
    """Remove ``path``; Windows refuses while another process reads it, so try a few times."""
    for attempt in range(40):
        try:
            os.unlink(path)
            return
        except FileNotFoundError:
            return
        except PermissionError:
            if os.name != "nt" or attempt == 39:
                raise
            time.sleep(0.025)


def _break(lock: Path, judged: bytes | None, watch: _Watch) -> None:
    """Remove the stale ``lock`` if it still holds ``judged``, as the only breaker."""
    breaker = lock.with_name(lock.name + BREAK_SUFFIX)
    mark = json.dumps({"host": this_host(), "pid": os.getpid(), "at": time.time()}).encode()
    try:
        created = _create(breaker, mark)
    except PermissionError:
        return  # Windows: the breaker is being removed; try again on the next round
    if not created:
        # another process is breaking the lock; its breaker can go stale like a lock
        content = _read(breaker)
        if content is not None and is_stale(content, watch.age(breaker, content)):
            with contextlib.suppress(OSError):
                if _read(breaker) == content:
                    _unlink(breaker)
        return
    try:
        if _read(lock) == judged:
            with contextlib.suppress(FileNotFoundError):
                _unlink(lock)
    finally:
        with contextlib.suppress(OSError):
            _unlink(breaker)


def _held_error(path: Path, content: bytes | None, wait_s: float) -> DraftLockError:
    info = _info(content)
    who = " ".join(str(info.get(k)) for k in ("user", "host") if info.get(k))
    who = who.split("/")[0] if who else "?"
    return DraftLockError.of(
        "draft-locked",
        f"ไฟล์ {path} กำลังถูกบันทึกจากเครื่องอื่น ({who}) นานเกิน {wait_s:.0f} วินาที "
        "จึงยังไม่ได้บันทึก ลองบันทึกใหม่อีกครั้ง",
        f"{path} has been being saved from another PC ({who}) for over {wait_s:.0f} s, "
        "so nothing was saved; try saving again",
        field="", path=path,
    )


@contextlib.contextmanager
def draft_lock(path: str | os.PathLike[str], *, wait_s: float = WAIT_S) -> Iterator[Path]:
    """Hold the lock of the draft ``path`` for the ``with`` block; yields the lock's path.

    Waits while another saver holds it (taking over a stale lock, see the module docstring);
    raises :class:`DraftLockError` after ``wait_s`` seconds, and an
    :class:`~dla_drafter.atomic.AtomicWriteError` naming the draft when the folder cannot
    hold the lock file (missing, read-only, full …): the draft could not be written there
    either, and the message says why in the same words.
    """
    lock = lock_path(path)
    token = secrets.token_hex(8)
    content = json.dumps(
        {"host": this_host(), "pid": os.getpid(), "user": _user(), "at": time.time(),
         "token": token}, ensure_ascii=False,
    ).encode("utf-8")  # fmt: skip
    watch = _Watch()
    start = time.monotonic()
    pause = _POLL_FIRST_S
    seen: bytes | None = None
    while True:
        try:
            if _create(lock, content):
                break
        except PermissionError as exc:
            # Windows refuses to create a file whose deletion is pending (the previous
            # holder's lock, read by a waiter at that moment): a moment later it is gone.
            if os.name != "nt" or time.monotonic() - start > _WINDOWS_PERMISSION_GRACE_S:
                raise write_error(path, exc) from exc
        except OSError as exc:
            raise write_error(path, exc) from exc
        seen = _read(lock)
        if seen is None:
            continue  # released between our attempt and the look: try again at once
        if is_stale(seen, watch.age(lock, seen)):
            _break(lock, seen, watch)
            continue
        if time.monotonic() - start > wait_s:
            raise _held_error(Path(path), seen, wait_s)
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, _POLL_MAX_S)
    try:
        yield lock
    finally:
        with contextlib.suppress(OSError):
            if _read(lock) == content:
                _unlink(lock)
