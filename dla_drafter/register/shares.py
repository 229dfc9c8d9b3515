"""Is a SQLite register file on a network share? Then say it is unsafe.

SQLite relies on the file system's locks, which SMB and NFS do not provide reliably: two
clerks issuing at once through a shared folder can get the same number or corrupt the file.
The program still opens such a file (a clerk alone may use it), but warns wherever the path
is chosen or used, and points to the office's PostgreSQL server.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# File system types of network mounts in /proc/mounts.
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.rclone", "davfs", "fuse.davfs2", "virtiofs",
})

WARNING = {
    "th": "ไฟล์ทะเบียน {path} อยู่บนโฟลเดอร์เครือข่าย: SQLite ไม่ปลอดภัยเมื่อหลายเครื่องออกเลข"
          "พร้อมกัน (อาจได้เลขซ้ำหรือไฟล์เสีย) สำนักงานที่มีหลายคนควรใช้ PostgreSQL "
          "(postgresql://…)",
    "en": "the register file {path} is on a network share: SQLite is not safe when several "
          "PCs issue at once (duplicate numbers or a damaged file); an office with several "
          "clerks should use PostgreSQL (postgresql://…)",
}


def _mount_types(mounts_text: str) -> list[tuple[str, str]]:
    out = []
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = fields[1].replace("\\040", " ")
            out.append((point, fields[2]))
    return out


def on_network_share(path: str | Path, *, mounts_text: str | None = None,
                     windows: bool | None = None) -> bool:
    """True when ``path`` is a UNC path, a Windows network drive, or under a network mount
    (``mounts_text``: the contents of /proc/mounts, read when not given)."""
    text = str(path)
    windows = sys.platform == "win32" if windows is None else windows
    if text.startswith(("\\\\", "//")):
        return True
    if windows:
        if mounts_text is not None:
            return False
        try:
            import ctypes

            root = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
            return ctypes.windll.kernel32.GetDriveTypeW(root) == 4  # DRIVE_REMOTE
        except Exception:  # no ctypes/kernel32: cannot tell, do not warn
            return False
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    target = os.path.abspath(text)
    best, kind = "", ""
    for point, fstype in _mount_types(mounts_text):
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind in NETWORK_FS or kind.startswith("nfs")


def share_warning(url: str, lang: str = "th") -> str | None:
    """The warning for a ``sqlite:///`` URL whose file is on a network share, else None."""
    if not url.startswith("sqlite:"):
        return None
    try:
        from sqlalchemy.engine import make_url

        database = make_url(url).database
    except Exception:
        return None
    if database and on_network_share(database):
        return WARNING["en" if lang == "en" else "th"].format(path=database)
    return None
