"""The draft inside the letter: the PDF carries the clerk's draft as an embedded associated
file (PDF/A-3: ``/AF`` on the catalogue, ``/AFRelationship /Source``, MIME
``application/json``, named ``letter.dladraft.json``), and ``extract_draft_from_pdf`` gets
it back.

A letter that comes back as a PDF (from the e-saraban, from an e-mail) can so be opened
and edited again, without retyping. What goes in is the letter as the clerk drafted it:
``pipeline.make_outputs`` hands over the draft without its review record (comments,
approvals, keys stay in the office), and without the initials approvals print.

Reading is for files from anywhere, so it refuses, with a message in Thai and English: what
is not a PDF, an encrypted PDF, a PDF with no draft inside, a draft stream over the draft
format's size limit (checked while it inflates, so a small file cannot unpack into
gigabytes), and a draft that does not pass the draft format's validation (its own
problems, naming the fields).
"""

from __future__ import annotations

import hashlib
import zlib
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from ..problems import DrafterError, DraftError
from .pdf_archive import pdf_date

if TYPE_CHECKING:
    from ..model.letter import Letter

EMBED_NAME = "letter.dladraft.json"
EMBED_MIME = "application/json"
EMBED_DESCRIPTION = "ร่างหนังสือ (DLA Drafter) / the letter's draft"


@lru_cache(maxsize=8)
def _packed(data: bytes) -> tuple[bytes, str]:
    """The draft compressed, and its MD5, once per draft (a re-export carries the same)."""
    return zlib.compress(data, 9), hashlib.md5(data, usedforsecurity=False).hexdigest()


def embedded_file(objs, data: bytes, when: datetime) -> int:
    """Write the embedded file stream and its file specification into ``objs`` (the PDF
    writer's object list); the file specification's object number."""
    packed, md5 = _packed(data)
    stream = objs.add(
        b"<< /Type /EmbeddedFile /Subtype /application#2Fjson /Params << /Size %d"
        b" /ModDate (%s) /CheckSum <%s> >> /Filter /FlateDecode /Length %d >>\nstream\n" % (
            len(data), pdf_date(when).encode(), md5.encode(), len(packed)) + packed
        + b"\nendstream")
    name = _text(EMBED_NAME)
    return objs.add(
        b"<< /Type /Filespec /F %s /UF %s /Desc %s /AFRelationship /Source"
        b" /EF << /F %d 0 R /UF %d 0 R >> >>" % (name, name, _text(EMBED_DESCRIPTION),
                                                 stream, stream))


def _text(value: str) -> bytes:
    return b"<feff" + value.encode("utf-16-be").hex().encode() + b">"


class EmbeddedDraftError(DrafterError):
    """No draft can be read from this PDF (``problems`` say why, Thai and English)."""


def _refuse(code: str, th: str, en: str) -> EmbeddedDraftError:
    return EmbeddedDraftError.of(code, th, en)


def _decode_text(value: object) -> str:
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", "replace")
        return value.decode("latin-1")
    return str(value) if value is not None else ""


def _filespecs(doc) -> list[dict]:
    """Every file specification the PDF lists: ``/AF`` of the catalogue first, then the
    ``/EmbeddedFiles`` name tree (its leaves and kids, a bounded walk)."""
    root = doc.root
    specs: list[dict] = []
    for ref in doc.get(root.get("AF")) or []:
        spec = doc.get(ref)
        if isinstance(spec, dict):
            specs.append(spec)
    names = doc.get(root.get("Names"))
    tree = doc.get(names.get("EmbeddedFiles")) if isinstance(names, dict) else None
    queue = [tree] if isinstance(tree, dict) else []
    visited = 0
    while queue and visited < 1000:
        node = queue.pop(0)
        visited += 1
        leaves = doc.get(node.get("Names")) or []
        for ref in leaves[1::2] if isinstance(leaves, list) else []:
            spec = doc.get(ref)
            if isinstance(spec, dict) and spec not in specs:
                specs.append(spec)
        for kid in doc.get(node.get("Kids")) or []:
            kid = doc.get(kid)
            if isinstance(kid, dict):
                queue.append(kid)
    return specs


def _draft_stream(doc):
    """The embedded file stream of our draft: the file named ``letter.dladraft.json``,
    else the only JSON source file."""
    from .pdf_read import Stream

    candidates = []
    for spec in _filespecs(doc):
        embedded = doc.get(spec.get("EF"))
        if not isinstance(embedded, dict):
            continue
        stream = doc.get(embedded.get("UF") or embedded.get("F"))
        if not isinstance(stream, Stream):
            continue
        name = _decode_text(spec.get("UF") or spec.get("F"))
        if name == EMBED_NAME:
            return stream
        if stream.dict.get("Subtype") == EMBED_MIME or name.endswith(".dladraft.json"):
            candidates.append(stream)
    return candidates[0] if len(candidates) == 1 else None


def extract_draft_from_pdf(data: bytes) -> Letter:
    """The draft a PDF letter carries, validated as a draft file is; ``EmbeddedDraftError``
    (a ``DrafterError``) when there is none to read, with the draft's own problems when it
    fails validation. No Qt, no file written."""
    from ..model.draftio import MAX_FILE_BYTES, loads_draft
    from .pdf_read import PdfDocument, PdfReadError, decode

    if not bytes(data[:1024]).lstrip().startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise _refuse("pdf-not-pdf", "ไฟล์นี้ไม่ใช่ PDF", "this file is not a PDF")
    try:
        doc = PdfDocument(bytes(data))
        if doc.encrypted:
            raise _refuse("pdf-encrypted",
                          "PDF นี้เข้ารหัสไว้ จึงอ่านร่างหนังสือข้างในไม่ได้",
                          "this PDF is encrypted; the draft inside cannot be read")
        stream = _draft_stream(doc)
    except (PdfReadError, RecursionError) as exc:
        raise _refuse("pdf-unreadable", f"อ่านโครงสร้าง PDF นี้ไม่ได้ ({exc})",
                      f"cannot read this PDF's structure ({exc})") from exc
    if stream is None:
        raise _refuse("pdf-no-draft",
                      "PDF นี้ไม่มีร่างหนังสือแนบอยู่ข้างใน (สร้างด้วยโปรแกรมอื่น หรือรุ่นก่อน)",
                      "this PDF carries no draft (made by another program, or an older "
                      "version)")
    try:
        text = decode(stream, MAX_FILE_BYTES)
    except PdfReadError as exc:
        limit_mb = MAX_FILE_BYTES // (1024 * 1024)
        raise _refuse("pdf-draft-unreadable",
                      f"อ่านร่างหนังสือที่แนบใน PDF ไม่ได้ (เสียหาย หรือใหญ่เกิน {limit_mb} MB)",
                      f"cannot read the draft inside the PDF (damaged, or over {limit_mb} MB)"
                      ) from exc
    try:
        return loads_draft(text)
    except DraftError as exc:  # its own problems, each naming its field
        raise EmbeddedDraftError(exc.problems) from exc
