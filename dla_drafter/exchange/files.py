"""Files attached to an e-CMS letter: their MIME type (e-CMS carries no file name, only the
type) and the size cap, read so that a huge or unreadable file is a clear message."""

from __future__ import annotations

import os
from pathlib import Path

from .model import MAX_BINARY_BYTES, BinaryObject, EcmsError

#: The types saraban systems exchange; anything else goes as application/octet-stream.
MIME_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".rtf": "application/rtf",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".csv": "text/csv",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".zip": "application/zip",
    ".xml": "application/xml",
}
OCTET_STREAM = "application/octet-stream"
_MB = 1024 * 1024


def mime_type(path: str | os.PathLike[str]) -> str:
    """The MIME type of a file from its extension."""
    return MIME_TYPES.get(Path(path).suffix.lower(), OCTET_STREAM)


def read_capped(path: str | os.PathLike[str], limit: int, what_th: str, what_en: str) -> bytes:
    """The bytes of ``path``, refusing a folder or anything over ``limit`` before reading it
    whole; :class:`EcmsError` (also for a missing or unreadable file) names the path."""
    path = Path(path)
    try:
        if path.is_dir():
            raise EcmsError.of("ecms-read", f"{what_th} {path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
                               f"{what_en} {path} is a folder, not a file", path=path)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except EcmsError:
        raise
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise EcmsError.of("ecms-read", f"อ่าน{what_th} {path} ไม่ได้: {why}",
                           f"cannot read {what_en} {path}: {why}", path=path) from exc
    if len(data) > limit:
        raise EcmsError.of(
            "ecms-file-too-large",
            f"{what_th} {path} ใหญ่เกิน {limit // _MB} MB", f"{what_en} {path} is over "
            f"{limit // _MB} MB", path=path)
    return data


def attachment(path: str | os.PathLike[str]) -> BinaryObject:
    """One ``--attach`` file as the message carries it."""
    data = read_capped(path, MAX_BINARY_BYTES, "ไฟล์แนบ", "the attached file")
    return BinaryObject(mime_type(path), data, Path(path).name)
