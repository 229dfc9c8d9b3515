"""Atomic file writes: a file is either the old one or the complete new one, never half.

Every writer of the program (drafts, PDF, DOCX, settings) goes through here, because a clerk's
draft must survive a power cut, a full disk or Word holding the file open. The recipe: write a
temporary file in the *same* folder (so the final rename never crosses file systems), flush and
fsync it, then ``os.replace`` it over the target, which is atomic on POSIX and on Windows. On any
failure the temporary file is removed and :class:`AtomicWriteError` says, in Thai and English,
which path failed and why.

Three more rules keep files from being lost: a file set read-only is never replaced (the
clerk or the office set it so on purpose; ``os.replace`` would ignore it on POSIX); the
temporary files an earlier, killed save left beside the target (``.<stem>.<8 hex>.tmp<suffix>``,
and ``.<name>.<8 hex>.tmp.bak`` of its backup, exactly the names made here) are removed on the
next successful write of that target; and :func:`atomic_write_all` writes several files all
or none (``dla-drafter render -o a.pdf -o a.docx``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from .problems import DrafterError, problem

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation on os.write
_WINDOWS_SHARING_VIOLATIONS = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WINDOWS_ACCESS_DENIED = 5  # also what replacing a file another program holds open gives
_WINDOWS_BUSY = {_WINDOWS_ACCESS_DENIED, *_WINDOWS_SHARING_VIOLATIONS}
REPLACE_ATTEMPTS = 10
REPLACE_PAUSE_S = 0.05


class AtomicWriteError(DrafterError, OSError):
    """Writing ``path`` failed; nothing was changed there and no temporary file is left.

    The problem names the path and the likely cause in words a clerk can act on (folder
    missing, no permission, disk full, file open in another program). Also an ``OSError``
    (``errno`` is the cause's), so ``except OSError`` keeps catching it. ``in_use`` is True
    when another program holds the file open (Word, a PDF viewer): closing it and trying
    again will work, so the window offers "ลองใหม่" (retry).
    """

    def __init__(self, path: Path, cause: BaseException, message_th: str, message_en: str,
                 *, in_use: bool = False):
        DrafterError.__init__(self, [problem("write-failed", message_th, message_en)], path)
        self.in_use = in_use
        self.errno = cause.errno if isinstance(cause, OSError) else None
        self.strerror = message_en
        self.filename = str(path)
        self.cause = cause

    def __reduce__(self):
        return (_rebuild_write_error, (self.path, self.cause, self.message_th, self.message_en,
                                       self.in_use))


def _rebuild_write_error(path, cause, message_th, message_en, in_use):
    return AtomicWriteError(path, cause, message_th, message_en, in_use=in_use)


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where ``backup=True`` keeps the previous version: ``<name>.bak`` beside the file."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def _probe(check: Callable[[], bool]) -> bool:
    """``Path.is_dir()`` and friends raise PermissionError in a locked folder: that is a no."""
    try:
        return check()
    except OSError:
        return False


def _error(path: Path, cause: BaseException) -> AtomicWriteError:
    """Turn a low-level failure into a message that says what the clerk can do about it."""
    folder = path.parent
    code = cause.errno if isinstance(cause, OSError) else None
    winerror = getattr(cause, "winerror", None)
    detail = str(cause)
    in_use = False
    if isinstance(cause, ReadOnlyTargetError):
        th = (
            "ไฟล์นี้ถูกตั้งเป็นอ่านอย่างเดียว (read-only) จึงไม่บันทึกทับ "
            "บันทึกเป็นไฟล์ชื่ออื่น หรือยกเลิกการตั้งค่าอ่านอย่างเดียวของไฟล์ก่อน"
        )
        en = (
            "the file is set read-only, so it is not replaced; save under another name, "
            "or clear the file's read-only setting first"
        )
    elif winerror in _WINDOWS_SHARING_VIOLATIONS or (
            winerror == _WINDOWS_ACCESS_DENIED and _probe(path.is_file)
            and _probe(lambda: os.access(path, os.W_OK))):
        # Windows: a writable file that cannot be replaced is held open (Word keeps a .docx
        # it shows locked against deletion, so os.replace gets "access denied").
        th = "ไฟล์ถูกโปรแกรมอื่นเปิดใช้อยู่ (เช่น Word หรือโปรแกรมอ่าน PDF) ปิดไฟล์นั้นแล้วลองใหม่"
        en = "the file is open in another program (e.g. Word or a PDF viewer); close it and retry"
        in_use = True
    elif code in (errno.ENOENT, errno.ENOTDIR) and (blocker := _file_in_the_way(folder)):
        # POSIX says ENOTDIR; Windows says "path not found" (ENOENT) when a part of the
        # folder's path is a file, which must not read as "the folder does not exist".
        th = f"{blocker} เป็นไฟล์ ไม่ใช่โฟลเดอร์"
        en = f"{blocker} is not a folder"
    elif code == errno.ENOENT and not _probe(folder.is_dir):
        th = f"ไม่พบโฟลเดอร์ {folder}"
        en = f"the folder {folder} does not exist"
    elif code == errno.ENOTDIR:
        th = f"{folder} ไม่ใช่โฟลเดอร์"
        en = f"{folder} is not a folder"
    elif code == errno.EISDIR or _probe(path.is_dir):
        th = "มีโฟลเดอร์ชื่อเดียวกันอยู่แล้ว ใช้ชื่อไฟล์อื่น"
        en = "a folder with that name already exists; choose another file name"
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        th = "พื้นที่ดิสก์เต็ม ลบไฟล์ที่ไม่ใช้หรือบันทึกไว้ที่อื่น"
        en = "the disk is full; free some space or save elsewhere"
    elif code == errno.EROFS:
        th = "ดิสก์นี้บันทึกไม่ได้ (อ่านได้อย่างเดียว) บันทึกไว้ที่อื่น"
        en = "the disk is read-only; save elsewhere"
    elif code in (errno.EACCES, errno.EPERM):
        th = (
            "ไม่มีสิทธิ์เขียนไฟล์นี้ หรือไฟล์ถูกตั้งเป็นอ่านอย่างเดียว "
            "หรือถูกโปรแกรมอื่นเปิดใช้อยู่ ลองปิดโปรแกรมนั้นหรือบันทึกไว้ที่อื่น"
        )
        en = (
            "no permission to write here, or the file is read-only or open in another "
            "program; close that program or save elsewhere"
        )
    elif code == errno.ENAMETOOLONG:
        th = "ชื่อไฟล์หรือที่อยู่ยาวเกินไป"
        en = "the file name or path is too long"
    else:
        th = f"เกิดข้อผิดพลาด: {detail}"
        en = f"error: {detail}"
    return AtomicWriteError(
        path,
        cause,
        f"บันทึกไฟล์ {path} ไม่สำเร็จ: {th}",
        f"Could not save {path}: {en}",
        in_use=in_use,
    )


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest part of ``folder``'s path that exists as a file, if any."""
    for part in (folder, *folder.parents):
        if _probe(part.is_file):
            return part
        if _probe(part.is_dir):
            return None
    return None


def write_error(path: str | os.PathLike[str], cause: BaseException) -> AtomicWriteError:
    """The :class:`AtomicWriteError` for a failure while preparing to write ``path`` (e.g.
    the lock file a save makes beside it), in the same words as a failed write."""
    return _error(Path(path), cause)


class ReadOnlyTargetError(PermissionError):
    """The target exists and is read-only; raised (wrapped in AtomicWriteError) before any
    temporary file is made."""


def _refuse_read_only(target: Path) -> None:
    """Refuse to replace a read-only file. ``os.replace`` only needs the *folder* to be
    writable, so without this a draft marked read-only is silently replaced. Root passes
    ``os.access``, hence the write bits are looked at too (Windows' read-only attribute
    clears them all)."""
    try:
        info = os.stat(target)
    except OSError:
        return  # absent (a new file), or the write itself will say what is wrong
    if not stat.S_ISREG(info.st_mode):
        return
    if not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnlyTargetError(errno.EACCES, "read-only file", str(target))


def _temp_pattern(path: Path) -> re.Pattern[str]:
    """The exact names :func:`_create_temp` gives temporaries of ``path``."""
    return re.compile(
        re.escape(f".{path.stem}.") + "[0-9a-f]{8}" + re.escape(f".tmp{path.suffix}")
    )


def remove_stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries an interrupted write of ``path`` (or of its .bak) left behind.

    Only names this module makes for this very target match (``.<stem>.<8 hex>.tmp<suffix>``
    and ``.<name>.<8 hex>.tmp.bak``), and only regular files: a clerk's own ``.tmp`` files and
    other drafts' temporaries are never touched. Returns what was removed.

    A save of the same file running at that very moment in another window would lose its
    temporary and report that it failed; the target itself is never touched, so at worst a
    save is retried, while without this every killed save leaves a hidden file for good.
    """
    target = Path(path)
    patterns = (_temp_pattern(target), _temp_pattern(backup_path(target)))
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        if not any(p.fullmatch(entry.name) for p in patterns):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _resolve(path: str | os.PathLike[str]) -> Path:
    """Write through a symlink to the real file instead of replacing the link with a file."""
    target = Path(path)
    return target.resolve() if _probe(target.is_symlink) else target


def _create_temp(path: Path) -> tuple[Path, int]:
    """A new, empty, exclusive file beside ``path`` with the same suffix.

    ``os.open`` with mode 0o666 lets the umask decide the permissions of a new file, as for any
    other program (``mkstemp`` would make it private). The same suffix matters to writers that
    look at the extension.
    """
    for _ in range(100):
        name = f".{path.stem}.{secrets.token_hex(4)}.tmp{path.suffix}"
        temp = path.with_name(name)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
        except FileExistsError:
            continue
        return temp, fd
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _keep_mode(temp: Path, target: Path) -> None:
    """An existing file keeps its permissions when replaced (a shared folder's group bits)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


def _make_backup(target: Path) -> None:
    """Keep the current ``target`` as ``<name>.bak`` without ever leaving ``target`` missing.

    A hard link gives the .bak the old contents instantly; where links are not possible (FAT
    drives, some network shares) a copy is made. Either goes to a temporary name first and is
    renamed, so a half-written .bak never replaces a good one.
    """
    if not _probe(target.is_file):
        return
    bak = backup_path(target)
    if _probe(lambda: bak.exists() and os.path.samefile(target, bak)):
        # An earlier save linked the .bak and then failed to replace the target: the .bak
        # already is this version. Linking again would make a temp that ``os.replace`` onto
        # the same file leaves in place (POSIX: renaming a link onto itself does nothing).
        return
    temp = _second_name(target, beside=bak)
    try:
        _replace(temp, bak)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)  # gone after a normal replace; left by a no-op or a failure


def _replace(source: Path, target: Path, *, windows: bool | None = None,
             replace: Callable[[Path, Path], None] | None = None) -> None:
    """``os.replace``, tried again for half a second on Windows when the target is busy.

    Virus scanners, the search indexer and OneDrive open a just-written file for a moment,
    and Windows refuses to replace a file while it is open (access denied or a sharing
    violation). Waiting briefly rides that out; a file that stays open (Word) still fails,
    and :func:`_error` then says to close it. POSIX never refuses, so no retry there.
    """
    windows = os.name == "nt" if windows is None else windows
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            (replace or os.replace)(source, target)
            return
        except OSError as exc:
            busy = getattr(exc, "winerror", None) in _WINDOWS_BUSY
            if not (windows and busy) or attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_PAUSE_S)


def _commit(temp: Path, target: Path, backup: bool) -> None:
    _keep_mode(temp, target)
    if backup:
        _make_backup(target)
    _replace(temp, target)
    _fsync_folder(target.parent)
    remove_stale_temps(target)


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically; with ``backup`` the old file becomes .bak.

    Raises :class:`AtomicWriteError` (an ``OSError``) when anything fails; then ``path`` is
    untouched and no temporary file remains.
    """
    target = _resolve(path)
    temp: Path | None = None
    try:
        _refuse_read_only(target)
        temp = _write_temp(target, data)
        _commit(temp, target, backup)
    except OSError as exc:
        if temp is not None:
            _remove(temp)
        raise _error(target, exc) from exc
    except BaseException:
        if temp is not None:
            _remove(temp)
        raise


def atomic_write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    backup: bool = False,
) -> None:
    """:func:`atomic_write_bytes` for text; newlines are written as given (``\\n``)."""
    atomic_write_bytes(path, text.encode(encoding), backup=backup)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], *, backup: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` for a writer that wants a file name.

    For writers such as python-docx ``Document.save(name)`` or ``QPdfWriter(name)``: they write
    the temporary file; when the ``with`` block ends normally it is fsynced and renamed over
    ``path``; when the block raises, the temporary file is removed and the exception passes
    through unchanged. Failures of the commit itself raise :class:`AtomicWriteError`.

    The temporary file exists (empty) when the block starts and has ``path``'s suffix. The
    writer must have closed it when the block ends (delete a ``QPdfWriter``/end its painter
    first): Windows cannot rename a file that is still open.
    """
    target = _resolve(path)
    try:
        _refuse_read_only(target)
        temp, fd = _create_temp(target)
        os.close(fd)
    except OSError as exc:
        raise _error(target, exc) from exc
    try:
        yield temp
    except BaseException:
        _remove(temp)
        raise
    try:
        fd = os.open(temp, os.O_RDWR | _BINARY)  # RDWR: Windows cannot fsync a read handle
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        _commit(temp, target, backup)
    except OSError as exc:
        _remove(temp)
        raise _error(target, exc) from exc
    except BaseException:
        _remove(temp)
        raise


def _write_temp(target: Path, data: bytes) -> Path:
    temp, fd = _create_temp(target)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _remove(temp)
        raise
    return temp


def _rollback_copy(target: Path) -> Path | None:
    """A temporary second name for the current ``target`` (hard link, else a copy), so that
    a later failure can put it back; None when there is no file yet."""
    if not _probe(target.is_file):
        return None
    return _second_name(target, beside=target)


def _on_windows() -> bool:
    return os.name == "nt"


def _copy(source: Path, temp: Path) -> None:
    try:
        shutil.copy2(source, temp)
    except PermissionError as exc:
        if _on_windows() and getattr(exc, "winerror", None) is None:
            # Windows' C runtime (open(), so shutil's copy) reports the sharing violation of
            # a file another program holds open as a bare EACCES: say what it is.
            exc.winerror = _WINDOWS_ACCESS_DENIED
        raise


def _second_name(source: Path, *, beside: Path) -> Path:
    """A temporary file next to ``beside`` holding ``source``'s current contents: a hard link
    where the file system allows one (instant, no second copy of a large file), else a copy.
    Used for the ``.bak`` and for the old contents an all-or-none write may put back.

    Always a copy on Windows: a hard link is the same file to Windows' sharing rules, so
    while Word holds the original open (without delete sharing) a link to it can be neither
    renamed to ``.bak`` nor removed, and a refused write would leave it as a stray file."""
    temp, fd = _create_temp(beside)
    os.close(fd)
    try:
        if _on_windows():
            _copy(source, temp)
            return temp
        try:
            os.unlink(temp)
            os.link(source, temp)
        except OSError:
            _copy(source, temp)
    except BaseException:
        _remove(temp)
        raise
    return temp


def atomic_write_all(files: Mapping[str | os.PathLike[str], bytes]) -> None:
    """Write every file of ``files`` ({path: bytes}) or none of them.

    All contents go to temporary files beside their targets first (written and fsynced);
    only then are the targets replaced, one after another. If anything fails — a folder
    missing, a disk full, a target that is read-only or a folder — the targets replaced so
    far get their old contents back (or are removed when they did not exist), no temporary
    file remains, and :class:`AtomicWriteError` names the path that failed.
    """
    targets = [_resolve(p) for p in files]
    if len({os.path.normcase(os.path.abspath(t)) for t in targets}) != len(targets):
        raise ValueError("the same file is given twice")
    temps: dict[Path, Path] = {}
    current = targets[0] if targets else Path()
    try:
        for current, data in zip(targets, files.values(), strict=True):
            _refuse_read_only(current)
            temps[current] = _write_temp(current, data)
    except OSError as exc:
        for temp in temps.values():
            _remove(temp)
        raise _error(current, exc) from exc
    except BaseException:
        for temp in temps.values():
            _remove(temp)
        raise
    keeps: list[Path] = []  # second names of the old contents, until all are replaced
    done: list[tuple[Path, Path | None]] = []  # replaced targets and their old contents
    try:
        for current in targets:
            keep = _rollback_copy(current)
            if keep is not None:
                keeps.append(keep)
            _keep_mode(temps[current], current)
            _replace(temps[current], current)
            del temps[current]
            done.append((current, keep))
    except BaseException as exc:
        for target, keep in reversed(done):
            with contextlib.suppress(OSError):
                if keep is not None:
                    os.replace(keep, target)
                else:  # it did not exist before this call
                    os.unlink(target)
        for leftover in [*temps.values(), *keeps]:
            _remove(leftover)
        if isinstance(exc, OSError):
            raise _error(current, exc) from exc
        raise
    for keep in keeps:
        _remove(keep)
    for folder in {t.parent for t in targets}:
        _fsync_folder(folder)
    for target in targets:
        remove_stale_temps(target)
