"""Atomic writes: the target is the old file or the whole new one, and no temp file remains."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from dla_drafter import atomic
from dla_drafter.atomic import (
    AtomicWriteError,
    atomic_output,
    atomic_write_bytes,
    atomic_write_text,
    backup_path,
)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def fail_with(code: int, message: str = "boom"):
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, message)

    return fail


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.dladraft.json"
    atomic_write_bytes(target, b"one")
    atomic_write_text(target, "สอง\n")
    assert target.read_text(encoding="utf-8") == "สอง\n"
    assert names(tmp_path) == ["a.dladraft.json"]


def test_backup_keeps_the_previous_version_and_is_replaced_each_save(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write_bytes(target, b"v1", backup=True)
    assert names(tmp_path) == ["a.json"]  # nothing to back up yet
    atomic_write_bytes(target, b"v2", backup=True)
    assert backup_path(target) == tmp_path / "a.json.bak"
    assert (tmp_path / "a.json.bak").read_bytes() == b"v1"
    atomic_write_bytes(target, b"v3", backup=True)
    assert (tmp_path / "a.json.bak").read_bytes() == b"v2"
    assert target.read_bytes() == b"v3"
    atomic_write_bytes(target, b"v4")  # without backup the .bak is left alone
    assert (tmp_path / "a.json.bak").read_bytes() == b"v2"
    assert names(tmp_path) == ["a.json", "a.json.bak"]


def test_backup_falls_back_to_a_copy_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "link", fail_with(errno.EPERM))
    atomic_write_bytes(target, b"new", backup=True)
    assert (tmp_path / "a.json.bak").read_bytes() == b"old"
    assert names(tmp_path) == ["a.json", "a.json.bak"]


def test_failed_replace_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace", fail_with(errno.EACCES, "Permission denied"))
    with pytest.raises(AtomicWriteError) as info:
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["a.json"]
    error = info.value
    assert isinstance(error, OSError) and error.errno == errno.EACCES
    assert str(target) in error.message_th and str(target) in error.message_en
    assert "สิทธิ์" in error.message_th and "permission" in error.message_en
    assert error.message_th in str(error) and error.message_en in str(error)


def test_disk_full_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    monkeypatch.setattr(atomic.os, "write", fail_with(errno.ENOSPC, "No space left on device"))
    with pytest.raises(AtomicWriteError) as info:
        atomic_write_bytes(target, b"data")
    assert names(tmp_path) == []
    assert "ดิสก์เต็ม" in info.value.message_th and "disk is full" in info.value.message_en


def test_fsync_failure_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic.os, "fsync", fail_with(errno.EIO, "I/O error"))
    with pytest.raises(AtomicWriteError):
        atomic_write_bytes(tmp_path / "a.json", b"data")
    assert names(tmp_path) == []


def test_interrupt_cleans_up_and_passes_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(tmp_path / "a.json", b"data")
    assert names(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "a.json"
    with pytest.raises(AtomicWriteError) as info:
        atomic_write_text(target, "x")
    assert "ไม่พบโฟลเดอร์" in info.value.message_th
    assert "does not exist" in info.value.message_en
    assert str(target) in str(info.value)
    assert names(tmp_path) == []


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(AtomicWriteError) as info:
        atomic_write_text(tmp_path / "file" / "a.json", "x")
    assert "not a folder" in info.value.message_en
    assert names(tmp_path) == ["file"]


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.json").mkdir()
    with pytest.raises(AtomicWriteError) as info:
        atomic_write_text(tmp_path / "a.json", "x")
    assert "folder" in info.value.message_en
    assert names(tmp_path) == ["a.json"] and (tmp_path / "a.json").is_dir()


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root chmod does not stop writes, so the refusal is simulated at ``os.open``."""
    monkeypatch.setattr(atomic.os, "open", fail_with(errno.EACCES, "Permission denied"))
    with pytest.raises(AtomicWriteError) as info:
        atomic_write_text(tmp_path / "a.json", "x")
    assert "ไม่มีสิทธิ์" in info.value.message_th
    assert names(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.json").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(AtomicWriteError):
            atomic_write_text(folder / "a.json", "new")
        assert names(folder) == ["a.json"]
        assert (folder / "a.json").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="POSIX symlinks")
def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_atomic_output_commits_on_success(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"old")
    with atomic_output(target, backup=True) as temp:
        assert temp.parent == tmp_path and temp.suffix == ".docx" and temp != target
        assert temp.exists()
        temp.write_bytes(b"new docx")
        assert target.read_bytes() == b"old"  # not visible until the block ends
    assert target.read_bytes() == b"new docx"
    assert (tmp_path / "letter.docx.bak").read_bytes() == b"old"
    assert names(tmp_path) == ["letter.docx", "letter.docx.bak"]


def test_atomic_output_removes_temp_on_exception(tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")
    with pytest.raises(ValueError, match="writer failed"), atomic_output(target) as temp:
        temp.write_bytes(b"half a PDF")
        raise ValueError("writer failed")
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["letter.pdf"]


def test_atomic_output_commit_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "letter.pdf"
    with pytest.raises(AtomicWriteError), atomic_output(target) as temp:
        temp.write_bytes(b"pdf")
        monkeypatch.setattr(atomic.os, "replace", fail_with(errno.EBUSY, "busy"))
    assert names(tmp_path) == []


def test_atomic_output_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(AtomicWriteError), atomic_output(tmp_path / "nope" / "a.pdf"):
        pytest.fail("the block must not run")


def test_windows_sharing_violation_says_file_is_open(tmp_path: Path) -> None:
    cause = OSError(errno.EACCES, "The process cannot access the file")
    cause.winerror = 32  # type: ignore[attr-defined]
    error = atomic._error(tmp_path / "a.docx", cause)
    assert "เปิดใช้อยู่" in error.message_th and "open in another program" in error.message_en
    assert error.in_use  # the window offers to try again once the file is closed


def test_other_failures_are_not_in_use(tmp_path: Path) -> None:
    error = atomic._error(tmp_path / "a.docx", OSError(errno.ENOSPC, "No space left"))
    assert not error.in_use


def test_windows_parent_that_is_a_file_is_named(tmp_path: Path) -> None:
    """Windows answers "path not found" (ENOENT, winerror 3) where POSIX says ENOTDIR: the
    message must still say that the folder is a file, not that it does not exist."""
    (tmp_path / "งาน").write_bytes(b"")
    cause = FileNotFoundError(errno.ENOENT, "The system cannot find the path specified")
    cause.winerror = 3  # type: ignore[attr-defined]
    error = atomic._error(tmp_path / "งาน" / "ย่อย" / "a.dladraft", cause)
    assert "not a folder" in error.message_en and "does not exist" not in error.message_en
    assert str(tmp_path / "งาน") in error.message_th and "ไม่ใช่โฟลเดอร์" in error.message_th


# --- files that must never be lost (issue 6, item 17) -------------------------------------

def test_a_read_only_file_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "a.dladraft.json"
    target.write_bytes(b"kept")
    target.chmod(0o444)
    try:
        for write in (lambda: atomic_write_bytes(target, b"new", backup=True),
                      lambda: atomic_write_text(target, "new")):
            with pytest.raises(AtomicWriteError) as info:
                write()
            assert "อ่านอย่างเดียว" in info.value.message_th
            assert "read-only" in info.value.message_en
            assert info.value.path == target
        with pytest.raises(AtomicWriteError), atomic_output(target) as temp:
            temp.write_bytes(b"new")
        assert target.read_bytes() == b"kept"
        assert names(tmp_path) == ["a.dladraft.json"]  # no temp, no .bak
    finally:
        target.chmod(0o644)


def _case_sensitive(folder: Path) -> bool:
    """False on Windows' (and macOS') file systems, where A and a name the same file."""
    probe = folder / "case-probe"
    probe.write_bytes(b"")
    try:
        return not (folder / "CASE-PROBE").exists()
    finally:
        probe.unlink()


def test_stale_temps_of_a_killed_save_are_removed_on_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "a.dladraft.json"
    target.write_bytes(b"v1")
    ours = [".a.dladraft.0123abcd.tmp.json", ".a.dladraft.json.89abcdef.tmp.bak"]
    others = [
        ".a.dladraft.tmp.json",  # not our pattern (no 8 hex digits)
        ".b.dladraft.0123abcd.tmp.json",  # another draft's temporary
        ".a.dladraft.0123abcd.tmp.json.keep",  # a longer name
        "a.dladraft.0123abcd.tmp.json",  # not hidden: not ours
    ]
    if _case_sensitive(tmp_path):  # on Windows it is the same file as ours[0]
        others.append(".a.dladraft.0123ABCD.tmp.json")  # capitals: token_hex never makes them
    for name in ours + others:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".a.dladraft.fedcba98.tmp.json").mkdir()  # a folder is never removed
    atomic_write_bytes(target, b"v2", backup=True)
    assert names(tmp_path) == sorted(
        ["a.dladraft.json", "a.dladraft.json.bak", ".a.dladraft.fedcba98.tmp.json", *others])
    assert target.read_bytes() == b"v2"


def test_a_backup_already_linked_to_the_target_leaves_no_tmp_bak(tmp_path: Path) -> None:
    """What a save leaves when the final rename failed after the backup was linked: the .bak
    and the target are one file. Linking it again and renaming onto itself did nothing and
    left a ``.tmp.bak`` beside them (a second backup of the same version)."""
    target = tmp_path / "a.json"
    target.write_bytes(b"v1")
    os.link(target, backup_path(target))
    atomic_write_bytes(target, b"v2", backup=True)
    assert names(tmp_path) == ["a.json", "a.json.bak"]
    assert backup_path(target).read_bytes() == b"v1" and target.read_bytes() == b"v2"


def test_write_all_writes_every_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "a.docx"
    a.write_bytes(b"old")
    atomic.atomic_write_all({a: b"pdf", b: b"docx"})
    assert a.read_bytes() == b"pdf" and b.read_bytes() == b"docx"
    assert names(tmp_path) == ["a.docx", "a.pdf"]


def test_write_all_writes_none_when_one_folder_is_missing(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "no" / "a.docx"
    a.write_bytes(b"old")
    with pytest.raises(AtomicWriteError) as info:
        atomic.atomic_write_all({a: b"pdf", b: b"docx"})
    assert info.value.path == b
    assert a.read_bytes() == b"old"
    assert names(tmp_path) == ["a.pdf"]


def test_write_all_puts_back_what_it_replaced_when_a_later_rename_fails(tmp_path: Path) -> None:
    """The second target is a folder: its temp is written fine, the rename onto it fails
    after the first target was already replaced; the first gets its old bytes back and a
    file that did not exist before is taken away again."""
    a, new, folder = tmp_path / "a.pdf", tmp_path / "new.pdf", tmp_path / "a.docx"
    a.write_bytes(b"old")
    folder.mkdir()
    with pytest.raises(AtomicWriteError) as info:
        atomic.atomic_write_all({a: b"pdf", new: b"pdf2", folder: b"docx"})
    assert info.value.path == folder
    assert a.read_bytes() == b"old"
    assert names(tmp_path) == ["a.docx", "a.pdf"]
    assert list(folder.iterdir()) == []


def test_write_all_refuses_a_read_only_target_before_writing_anything(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "a.docx"
    b.write_bytes(b"old docx")
    b.chmod(0o444)
    try:
        with pytest.raises(AtomicWriteError):
            atomic.atomic_write_all({a: b"pdf", b: b"docx"})
    finally:
        b.chmod(0o644)
    assert names(tmp_path) == ["a.docx"] and b.read_bytes() == b"old docx"


# --- Windows: files held open by another program ------------------------------------------

def _busy(winerror: int) -> OSError:
    cause = OSError(errno.EACCES, "Access is denied")
    cause.winerror = winerror  # type: ignore[attr-defined]
    return cause


def test_windows_access_denied_on_a_writable_file_says_it_is_open(tmp_path: Path) -> None:
    """Word holds a .docx it shows open against deletion: replacing it gives "access denied"
    (winerror 5), which must read as "close it", not as a permission problem."""
    target = tmp_path / "หนังสือ.docx"
    target.write_bytes(b"old")
    error = atomic._error(target, _busy(5))
    assert "ถูกโปรแกรมอื่นเปิดใช้อยู่" in error.message_th and "ไม่มีสิทธิ์" not in error.message_th
    assert "open in another program" in error.message_en
    assert "no permission" not in error.message_en


def test_windows_replace_waits_out_a_brief_lock(tmp_path: Path) -> None:
    """A virus scanner opening the new file for a moment: the replace is tried again."""
    source, target = tmp_path / "new", tmp_path / "old"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    failures = [_busy(32), _busy(5)]

    def replace(src: Path, dst: Path) -> None:
        if failures:
            raise failures.pop(0)
        os.replace(src, dst)

    atomic._replace(source, target, windows=True, replace=replace)
    assert target.read_bytes() == b"new" and not source.exists()


def test_windows_replace_gives_up_on_a_file_that_stays_open(tmp_path: Path) -> None:
    calls: list[Path] = []

    def replace(src: Path, dst: Path) -> None:
        calls.append(dst)
        raise _busy(32)

    with pytest.raises(OSError):
        atomic._replace(tmp_path / "a", tmp_path / "b", windows=True, replace=replace)
    assert len(calls) == atomic.REPLACE_ATTEMPTS


def test_posix_replace_is_not_retried(tmp_path: Path) -> None:
    calls: list[Path] = []

    def replace(src: Path, dst: Path) -> None:
        calls.append(dst)
        raise _busy(32)

    with pytest.raises(OSError):
        atomic._replace(tmp_path / "a", tmp_path / "b", windows=False, replace=replace)
    assert len(calls) == 1


def test_windows_a_file_held_open_leaves_no_stray_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' sharing rules, simulated: while Word holds ``b.docx`` open, nothing that *is*
    that file (the file itself or a hard link to it) can be replaced, renamed or removed.
    A hard link made as the rollback copy could then never be removed; on Windows the
    rollback copy and the .bak are copies, so a refused write leaves nothing behind."""
    a, b = tmp_path / "a.pdf", tmp_path / "b.docx"
    a.write_bytes(b"old pdf")
    b.write_bytes(b"old docx")
    held = os.stat(b).st_ino
    real_replace, real_unlink = os.replace, os.unlink

    def is_held(path: object) -> bool:
        try:
            return os.stat(path).st_ino == held  # type: ignore[arg-type]
        except OSError:
            return False

    def replace(src: object, dst: object) -> None:
        if is_held(src) or is_held(dst):
            raise _busy(32)
        real_replace(src, dst)  # type: ignore[arg-type]

    def unlink(path: object, *args: object, **kwargs: object) -> None:
        if is_held(path):
            raise _busy(32)
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "_on_windows", lambda: True)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "unlink", unlink)
    with pytest.raises(AtomicWriteError) as info:
        atomic.atomic_write_all({a: b"new pdf", b: b"new docx"})
    assert info.value.in_use and info.value.path == b
    with pytest.raises(AtomicWriteError):
        atomic_write_bytes(b, b"new docx", backup=True)
    assert a.read_bytes() == b"old pdf" and b.read_bytes() == b"old docx"
    assert names(tmp_path) == ["a.pdf", "b.docx", "b.docx.bak"]  # the .bak: a good copy
    assert (tmp_path / "b.docx.bak").read_bytes() == b"old docx"
    assert os.stat(tmp_path / "b.docx.bak").st_ino != held


def test_windows_c_runtime_eacces_on_a_file_held_open_reads_as_in_use(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a file Word holds gives PermissionError(EACCES) *without* ``winerror`` on
    Windows (the C runtime's mapping of a sharing violation); the message must still say
    "close it and retry", not "no permission"."""
    import shutil

    target = tmp_path / "หนังสือ.docx"
    target.write_bytes(b"old")

    def copy2(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(src))

    monkeypatch.setattr(shutil, "copy2", copy2)
    monkeypatch.setattr(atomic, "_on_windows", lambda: True)
    with pytest.raises(AtomicWriteError) as info:
        atomic_write_bytes(target, b"new", backup=True)
    assert info.value.in_use and "เปิดใช้อยู่" in info.value.message_th
    assert target.read_bytes() == b"old" and names(tmp_path) == ["หนังสือ.docx"]
