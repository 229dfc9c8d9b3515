"""Is this file a signed PDF? A cheap byte scan, no pyHanko, for the export guard.

A signed PDF is never changed afterwards (the signature would break), so the exporter must
refuse to write over one. This runs before every PDF export, so it reads the file in chunks
and looks for a signature dictionary: ``/ByteRange`` together with ``/Type /Sig`` (or the
PAdES/PKCS#7 sub-filters that only signature dictionaries carry). Our own PDF writer never
writes these names, and an unsigned PDF from elsewhere that merely has an empty signature
field has no ``/ByteRange``.
"""

from __future__ import annotations

import os
import re

from ..problems import DrafterError, problem

_CHUNK = 1 << 20
_OVERLAP = 64  # longer than any marker, so one split across two chunks is still seen
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[")
_SIG_TYPE = re.compile(rb"/Type\s*/Sig\b|/SubFilter\s*/(?:ETSI\.CAdES\.detached|adbe\.pkcs7)")


def is_signed_pdf(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a PDF holding a signature; False for a missing or other file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
            if b"%PDF-" not in head:
                return False
            seen_range = seen_type = False
            tail = head
            while True:
                seen_range = seen_range or bool(_BYTE_RANGE.search(tail))
                seen_type = seen_type or bool(_SIG_TYPE.search(tail))
                if seen_range and seen_type:
                    return True
                chunk = handle.read(_CHUNK)
                if not chunk:
                    return False
                tail = tail[-_OVERLAP:] + chunk
    except OSError:  # missing, a folder, unreadable: not a signed PDF we could harm
        return False


class SignedPdfError(DrafterError, OSError):
    """Refused to write over a signed PDF: the signed file stays as it was, byte for byte.

    A :class:`~dla_drafter.problems.DrafterError` (``message_th``/``message_en``, one problem
    of code ``signed-pdf``) and an ``OSError`` (``filename``), so the CLI and the app show it
    the same way as any other failed write.
    """

    def __init__(self, path: str | os.PathLike[str]):
        DrafterError.__init__(self, [problem(
            "signed-pdf",
            f"ไม่เขียนทับ {path} เพราะเป็น PDF ที่ลงนามแล้ว (แก้ไขไม่ได้ ลายมือชื่อจะเสีย) "
            "ส่งออกเป็นไฟล์ชื่ออื่น แล้วลงนามใหม่",
            f"not writing over {path}: it is a signed PDF (changing it would break the "
            "signature); export to another file name and sign that",
        )])
        self.path = path
        self.filename = str(path)

    def describe(self, lang: str | None = None) -> str:
        """One line per language: the file is named in the message itself."""
        if lang is None:
            return f"{self.message('th')}\n{self.message('en')}"
        return self.message(lang)

    def __reduce__(self):
        return (type(self), (self.path,))


def refuse_signed(path: str | os.PathLike[str]) -> None:
    """Raise :class:`SignedPdfError` when ``path`` is a signed PDF (the export guard)."""
    if is_signed_pdf(path):
        raise SignedPdfError(path)
