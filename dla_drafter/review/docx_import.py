"""A DOCX that came back from a supervisor who works in Word: its comments into the draft.

Each Word comment's anchored characters are mapped back to a field and a quote by the same
mapping the export uses (:func:`~.docx_fields.field_spans`): the paragraph the comment starts
in, the field printed there that its characters overlap most, and the overlapped characters
taken back to the text as typed (the printout's Thai digits become the draft's digits
again). The comment is added as :func:`~.actions.add_comment` adds one — author from Word,
time from the comment's date — and :data:`~.docx_export.OUTDATED_NOTE` is dropped. Word's
threaded replies (``commentsExtended.xml``) become replies of the comment they answer.

A comment already in the record is skipped: one the export wrote (it comes back on exactly
the characters and with the text the export gave it — on its quote, or on the whole field
when its quote is "" or was edited away), or one with the same field, quote and text. So is a
reply the comment already has (same author and text): importing the same file twice adds
nothing, while a supervisor's reply in Word to an exported comment is added to that comment,
and one the supervisor marked resolved in Word (``w15:done``) is marked resolved in the draft
too. A comment that cannot be placed on a field (on a label, the date, the ครุฑ, in a header)
is not dropped silently: it is listed in the summary by its author and text. Changes the
letter in place, all or nothing; the caller saves, as after any verb. No Qt.

**The file is a stranger's.** It is read as a zip archive and a few XML parts, never as a
whole package: the archive's sizes are checked from its central directory before anything
is decompressed (the number of parts, each part's size and compression ratio, the total), so
a 1 MB file that expands to 1 GiB is refused at once; only the main document, its comments
and their threads are read, each through a parser that resolves no entity and loads nothing
from the network, and a part that declares a DTD is refused (Word never writes one; an
entity such as ``&xxe;`` would otherwise drop text silently); comments in another file
(an external relationship) are refused, not followed; a ``w:id`` that is not a number is a
damaged file. Every refusal is a :class:`DocxImportError` naming the file, the part and the
numbers, in Thai and English. The work is linear in the file: ranges are indexed by id once,
and the comments are matched against indexes of the record built once.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any

from dla_drafter.model.draftio import MAX_LIST_ITEMS
from dla_drafter.model.letter import Letter
from dla_drafter.problems import DrafterError
from dla_drafter.render.docx_comments import (
    AnchoredComment,
    CommentIdError,
    paragraph_text,
    paragraphs_of,
    read_comments,
    xml_text,
)

from .actions import (
    ReviewError,
    add_reply_entry,
    comment_entry,
    comment_list,
    now_text,
    record_of,
    reply_entry,
)
from .diff import field_texts
from .docx_export import OUTDATED_NOTE, placed_comments
from .docx_fields import FieldSpan, field_spans
from .integrity import REVIEW_KEY, letter_snapshot
from .record import Comment

#: What a returned letter can be, generously; past these the file is refused before reading.
MAX_FILE_BYTES = 64 * 1024 * 1024  # the .docx itself
MAX_PARTS = 5_000  # members of the zip archive
MAX_PART_BYTES = 64 * 1024 * 1024  # any one member, uncompressed (a picture may be large)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all members, uncompressed
MAX_XML_BYTES = 16 * 1024 * 1024  # a part that is parsed (its tree takes ~6× in memory)
MAX_RATIO = 100  # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024  # small parts compress as they like (a run of spaces…)
MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024  # bytes of the zip's table of contents

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MIB = 1024 * 1024


class DocxImportError(DrafterError):
    """The Word file is refused: not a DOCX, damaged, or larger or stranger than a letter
    (one problem naming the file and the part, in Thai and English)."""


def _refuse(code: str, th: str, en: str, path: Path) -> DocxImportError:
    return DocxImportError.of(code, th, en, path=path)


def _mb(size: int) -> str:
    return f"{size / _MIB:,.1f}"


@dataclass(frozen=True)
class Unmatched:
    """A Word comment that could not be placed on a field of the draft."""

    author: str
    text: str
    anchored: str


@dataclass
class ImportSummary:
    imported: list[str] = field(default_factory=list)  # ids of the comments added
    replies: int = 0  # replies added (to new or to existing comments)
    duplicates: int = 0  # comments and replies already in the draft
    resolved: int = 0  # comments already in the draft that Word marked resolved
    unmatched: list[Unmatched] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the letter changed (and needs saving)."""
        return bool(self.imported or self.replies or self.resolved)

    def lines(self, lang: str = "th") -> list[str]:
        """The summary for a terminal, one line each."""
        th = lang == "th"
        out = [f"นำเข้าความเห็น {len(self.imported)} รายการ" if th
               else f"imported {len(self.imported)} comment(s)"]
        if self.replies:
            out.append(f"นำเข้าคำตอบ {self.replies} รายการ" if th
                       else f"imported {self.replies} reply(ies)")
        if self.resolved:
            out.append(f"ทำเครื่องหมายแก้แล้ว {self.resolved} รายการ (ตามที่ทำใน Word)" if th
                       else f"marked {self.resolved} resolved (as done in Word)")
        if self.duplicates:
            out.append(f"ข้าม {self.duplicates} รายการที่มีอยู่แล้ว" if th
                       else f"skipped {self.duplicates} already in the draft")
        for item in self.unmatched:
            where = f" \u201c{item.anchored}\u201d" if item.anchored else ""
            out.append(
                f"ไม่พบช่องของความเห็นของ {item.author or '?'}{where}: {item.text} (ไม่ได้นำเข้า)"
                if th else
                f"no field found for the comment by {item.author or '?'}{where}: {item.text} "
                "(not imported)"
            )  # fmt: skip
        return out


# --------------------------------------------------------------------------- the file


@dataclass(frozen=True)
class WordParts:
    """The three parts the import reads: the body of the main document, the comments and
    their threads (each None when the document has none)."""

    body: Any
    comments: Any | None
    extended: Any | None


def _central_directory(path: Path) -> None:
    """Refuse an archive whose table of contents alone is too large to read: the end record
    (and its ZIP64 form) gives the number of members and the table's size before ``zipfile``
    builds an object for each."""
    with open(path, "rb") as stream:
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - 65_557))
        tail = stream.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            return  # not a zip: zipfile says so in its own words
        entries, directory = struct.unpack("<HI", tail[at + 10: at + 16])
        locator = tail.rfind(b"PK\x06\x07", 0, at)
        if (entries == 0xFFFF or directory == 0xFFFFFFFF) and locator >= 0:
            (offset,) = struct.unpack("<Q", tail[locator + 8: locator + 16])
            stream.seek(offset)
            record = stream.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                entries, directory = struct.unpack("<QQ", record[32:48])
    if entries > MAX_PARTS or directory > MAX_CENTRAL_DIRECTORY:
        raise _refuse(
            "docx-too-many-parts",
            f"ไฟล์ Word {path} มี {entries:,} ส่วน เกินที่ไฟล์หนังสือมี (ไม่เกิน {MAX_PARTS:,} ส่วน) "
            "จึงไม่อ่าน",
            f"the Word file {path} has {entries:,} parts, more than a letter has (at most "
            f"{MAX_PARTS:,}); it was not read",
            path,
        )  # fmt: skip


def _check_sizes(archive: zipfile.ZipFile, path: Path) -> None:
    """Every member's size, ratio and the total, from the central directory, before anything
    is decompressed: a bomb is refused with its numbers."""
    members = archive.infolist()
    if len(members) > MAX_PARTS:
        raise _refuse(
            "docx-too-many-parts",
            f"ไฟล์ Word {path} มี {len(members):,} ส่วน เกินที่ไฟล์หนังสือมี (ไม่เกิน {MAX_PARTS:,} ส่วน) "
            "จึงไม่อ่าน",
            f"the Word file {path} has {len(members):,} parts, more than a letter has (at "
            f"most {MAX_PARTS:,}); it was not read",
            path,
        )  # fmt: skip
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES:
            raise _refuse(
                "docx-too-large",
                f"ส่วน {info.filename} ของไฟล์ Word {path} ขยายแล้วมีขนาด {_mb(info.file_size)} MB "
                f"เกินที่อ่านได้ ({_mb(MAX_PART_BYTES)} MB) จึงไม่อ่าน",
                f"the part {info.filename} of the Word file {path} expands to "
                f"{_mb(info.file_size)} MB, more than can be read ({_mb(MAX_PART_BYTES)} MB); "
                "it was not read",
                path,
            )  # fmt: skip
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise _refuse(
                "docx-bomb",
                f"ส่วน {info.filename} ของไฟล์ Word {path} บีบอัดไว้ {ratio:,.0f} เท่า "
                f"({_mb(info.compress_size)} MB ขยายเป็น {_mb(info.file_size)} MB) ไฟล์ Word "
                f"ปกติไม่เกิน {MAX_RATIO} เท่า อาจเป็นไฟล์อันตราย จึงไม่อ่าน",
                f"the part {info.filename} of the Word file {path} is compressed {ratio:,.0f} "
                f"times ({_mb(info.compress_size)} MB expanding to {_mb(info.file_size)} MB); "
                f"Word files stay under {MAX_RATIO} times: it may be a zip bomb and was not read",
                path,
            )  # fmt: skip
    if total > MAX_TOTAL_BYTES:
        raise _refuse(
            "docx-too-large",
            f"ไฟล์ Word {path} ขยายแล้วมีขนาดรวม {_mb(total)} MB เกินที่อ่านได้ "
            f"({_mb(MAX_TOTAL_BYTES)} MB) จึงไม่อ่าน",
            f"the Word file {path} expands to {_mb(total)} MB in all, more than can be read "
            f"({_mb(MAX_TOTAL_BYTES)} MB); it was not read",
            path,
        )  # fmt: skip


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def _xml(archive: zipfile.ZipFile, name: str, path: Path) -> Any:
    """Part ``name`` parsed by the hardened parser; a DTD or damage is refused, naming it."""
    from lxml import etree

    info = archive.getinfo(name)
    if info.file_size > MAX_XML_BYTES:
        raise _refuse(
            "docx-too-large",
            f"ส่วน {name} ของไฟล์ Word {path} มีขนาด {_mb(info.file_size)} MB เกินที่อ่านได้ "
            f"({_mb(MAX_XML_BYTES)} MB) จึงไม่อ่าน",
            f"the part {name} of the Word file {path} is {_mb(info.file_size)} MB, more than "
            f"can be read ({_mb(MAX_XML_BYTES)} MB); it was not read",
            path,
        )  # fmt: skip
    with archive.open(info) as stream:
        data = stream.read(MAX_XML_BYTES + 1)  # zipfile stops at the declared size
    dtd = _refuse(
        "docx-dtd",
        f"ส่วน {name} ของไฟล์ Word {path} ประกาศ DTD (<!DOCTYPE …>) ซึ่งไฟล์ Word ไม่มี "
        "อาจเป็นไฟล์อันตรายหรือไฟล์ที่โปรแกรมอื่นแก้ไข จึงไม่อ่าน (ข้อความในความเห็นอาจหายไปได้)",
        f"the part {name} of the Word file {path} declares a DTD (<!DOCTYPE …>), which Word "
        "files never do: it may be hostile or rewritten by another program, and its text "
        "could be lost, so it was not read",
        path,
    )
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise dtd
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _refuse(
            "docx-damaged",
            f"ไฟล์ Word {path} เสียหาย: ส่วน {name} ไม่ใช่ XML ที่ถูกต้อง ({exc})",
            f"the Word file {path} is damaged: the part {name} is not valid XML ({exc})",
            path,
        ) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise dtd
    return root


def _relations(archive: zipfile.ZipFile, part: str, path: Path) -> dict[str, tuple[str, bool]]:
    """The relationships of ``part``: type's last segment → (target part name, external)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_name not in _names(archive):
        return {}
    found: dict[str, tuple[str, bool]] = {}
    for rel in _xml(archive, _names(archive)[rels_name], path).iter(f"{{{_REL_NS}}}Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        external = (rel.get("TargetMode") or "").lower() == "external"
        if not external:
            target = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        found.setdefault(kind, (target, external))
    return found


def _names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part names, looked up without regard to case (OPC part names are case-insensitive)."""
    cached = getattr(archive, "_dla_names", None)
    if cached is None:
        cached = {}
        for info in archive.infolist():
            cached.setdefault(info.filename, info.filename)
            cached.setdefault(info.filename.lower(), info.filename)
        archive._dla_names = cached  # type: ignore[attr-defined]
    return cached


def _part(archive: zipfile.ZipFile, relations: dict[str, tuple[str, bool]], kind: str,
          what: tuple[str, str], path: Path, required: bool = False) -> Any | None:
    """The part a relationship of ``kind`` points to, parsed; an external one is refused."""
    if kind not in relations:
        if required:
            raise _not_word(path)
        return None
    target, external = relations[kind]
    if external:
        shown = target if len(target) <= 80 else target[:79] + "…"
        raise _refuse(
            "docx-external",
            f"ไฟล์ Word {path} อ้าง{what[0]}จากนอกไฟล์ ({shown}) โปรแกรมไม่เปิดอ่านสิ่งที่อยู่นอกไฟล์ "
            "จึงไม่นำเข้า ให้ผู้ตรวจบันทึกไฟล์จาก Word ใหม่",
            f"the Word file {path} takes its {what[1]} from outside the file ({shown}); the "
            "program does not follow such links, so nothing was imported: ask the reviewer "
            "to save the file from Word again",
            path,
        )  # fmt: skip
    name = _names(archive).get(target) or _names(archive).get(target.lower())
    if name is None:
        if required:
            raise _not_word(path)
        raise _refuse(
            "docx-damaged",
            f"ไฟล์ Word {path} เสียหาย: ไม่มีส่วน {target} ที่ไฟล์อ้างถึง ({what[0]})",
            f"the Word file {path} is damaged: the part {target} it names ({what[1]}) is "
            "missing",
            path,
        )  # fmt: skip
    return _xml(archive, name, path)


def _not_word(path: Path, detail: str = "") -> DocxImportError:
    return _refuse(
        "docx-not-word",
        f"อ่านไฟล์ {path} ไม่ได้: ไม่ใช่ไฟล์ Word (.docx) หรือไฟล์เสียหาย",
        f"cannot read {path}: not a Word (.docx) file, or it is damaged"
        + (f" ({detail})" if detail else ""),
        path,
    )


def read_word_parts(path: Path | str) -> WordParts:
    """The body, comments and threads of the DOCX at ``path``, after every check above."""
    path = Path(path)
    if not path.is_file():
        raise _refuse(
            "docx-missing",
            f"ไม่พบไฟล์ Word {path}" if not path.exists() else f"{path} ไม่ใช่ไฟล์",
            f"the Word file {path} does not exist" if not path.exists()
            else f"{path} is not a file",
            path,
        )  # fmt: skip
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(
                "docx-too-large",
                f"ไฟล์ Word {path} มีขนาด {_mb(size)} MB เกินที่อ่านได้ ({_mb(MAX_FILE_BYTES)} MB) "
                "จึงไม่อ่าน",
                f"the Word file {path} is {_mb(size)} MB, more than can be read "
                f"({_mb(MAX_FILE_BYTES)} MB); it was not read",
                path,
            )  # fmt: skip
        _central_directory(path)
        with zipfile.ZipFile(path) as archive:
            _check_sizes(archive, path)
            package = _relations(archive, "", path)
            if "officeDocument" not in package:
                raise _not_word(path)
            main = package["officeDocument"][0]
            root = _part(archive, package, "officeDocument", ("เอกสาร", "document"), path,
                         required=True)
            body = root.find(f"{{{W_NS}}}body")
            if body is None:
                raise _not_word(path, "no w:body")
            relations = _relations(archive, main, path)
            comments = _part(archive, relations, "comments", ("ความเห็น", "comments"), path)
            extended = _part(archive, relations, "commentsExtended",
                             ("ลำดับการตอบความเห็น", "comment threads"), path)
    except DocxImportError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, EOFError,
            NotImplementedError, struct.error, zlib.error, RuntimeError) as exc:
        # RuntimeError: zipfile's "is encrypted, password required"; zlib.error: a broken
        # deflate stream. Word never writes either.
        raise _not_word(path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                        ) from None
    except OSError as exc:
        raise _refuse(
            "docx-unreadable",
            f"อ่านไฟล์ Word {path} ไม่ได้: {exc.strerror or exc}",
            f"cannot read the Word file {path}: {exc.strerror or exc}",
            path,
        ) from None
    return WordParts(body, comments, extended)


# --------------------------------------------------------------------------- the comments


def _best_span(spans: list[FieldSpan], start: int, end: int) -> tuple[FieldSpan, int, int] | None:
    """The field printed in the paragraph that the characters overlap most, and the overlap
    (a comment on a point, or on the label before a value, takes the nearest whole field)."""
    best: tuple[int, FieldSpan, int, int] | None = None
    for span in spans:
        lo, hi = max(start, span.start), min(end, span.end)
        if hi > lo and (best is None or hi - lo > best[0]):
            best = (hi - lo, span, lo, hi)
    if best is not None:
        return best[1], best[2], best[3]
    if start == end:
        for span in spans:
            if span.start <= start <= span.end:
                return span, span.start, span.end
    return None


def _split_text(lines: tuple[str, ...]) -> tuple[str, bool]:
    """A Word comment's paragraphs as (text, marked outdated by the export)."""
    outdated = len(lines) > 1 and lines[-1] == OUTDATED_NOTE
    if outdated:
        lines = lines[:-1]
    return "\n".join(lines).strip(), outdated


def _time(comment: AnchoredComment) -> str:
    if comment.at is None:
        return now_text()
    at = comment.at if comment.at.tzinfo else comment.at.replace(tzinfo=UTC)
    try:
        return at.astimezone(UTC).isoformat(timespec="seconds")
    except (OverflowError, ValueError):  # 0001-01-01T00:00:00+05:00 has no UTC day
        return now_text()


def _key(text: str) -> str:
    """A comment's text as it comes back from Word (what XML cannot hold left out, the ends
    trimmed), for telling a comment the export wrote from a new one."""
    return xml_text(text).strip()


Target = tuple[str, int]  # ("old", index in the record's list) or ("new", index in the plan)


@dataclass
class _Plan:
    """What the import will do, decided before anything changes (so it is all or nothing)."""

    new: list[tuple[dict[str, Any], bool]] = field(default_factory=list)  # entry, resolved
    replies: list[tuple[Target, dict[str, Any]]] = field(default_factory=list)
    resolve: list[int] = field(default_factory=list)  # indices of existing comments

    @property
    def empty(self) -> bool:
        return not (self.new or self.replies or self.resolve)


class _Record:
    """Indexes of the draft's comments, built once: by (field, text), by where the export
    anchors each, and each comment's replies."""

    def __init__(self, letter: Letter, paragraphs: list[str]) -> None:
        self.comments = record_of(letter).comments
        self.by_text: dict[tuple[str, str], list[Comment]] = {}
        for comment in self.comments:
            self.by_text.setdefault((comment.field, _key(comment.text)), []).append(comment)
        placed, _ = placed_comments(letter, paragraphs, resolved=True)
        self.by_anchor: dict[tuple[int, int, int, str], Comment] = {}
        for comment, word in placed:
            self.by_anchor.setdefault((word.paragraph, word.start, word.end,
                                       _key(comment.text)), comment)
        self.replies: dict[Target, set[tuple[str, str]]] = {
            ("old", c.index): {(r.author, _key(r.text)) for r in c.replies}
            for c in self.comments}
        raw = letter.extra.get(REVIEW_KEY)
        listed = raw.get("comments") if isinstance(raw, dict) else None
        self.raw: list[Any] = listed if isinstance(listed, list) else []


def import_docx_comments(letter: Letter, path: Path | str) -> ImportSummary:
    """Add the Word comments of the DOCX at ``path`` to ``letter``'s review record.

    Refused with :class:`DocxImportError` (nothing changed) for a file that is not a Word
    document, is damaged or hostile, or whose comments would take the record past what a
    draft holds (:data:`MAX_LIST_ITEMS` comments, or replies to one comment)."""
    path = Path(path)
    parts = read_word_parts(path)
    from dla_drafter.render.docx_tracked import reject_all  # suggestions: review.docx_tracked

    reject_all(parts.body)  # comments are placed on the text the letter printed
    try:
        word = read_comments(parts.body, parts.comments, parts.extended)
    except CommentIdError as exc:
        shown = exc.value if exc.value is None or len(exc.value) <= 40 else exc.value[:39] + "…"
        if exc.duplicate:
            th = f"รหัสความเห็น (w:id) {shown} ซ้ำกันใน {exc.part}"
            en = f"the comment id (w:id) {shown} appears twice in {exc.part}"
        else:
            th = f"รหัสความเห็น (w:id) \u201c{shown}\u201d ใน {exc.part} ไม่ใช่ตัวเลข"
            en = f"the comment id (w:id) \u201c{shown}\u201d in {exc.part} is not a number"
        raise _refuse("docx-bad-id", f"ไฟล์ Word {path} เสียหาย: {th}",
                      f"the Word file {path} is damaged: {en}", path) from None
    texts = [paragraph_text(p) for p in paragraphs_of(parts.body)]
    spans = field_spans(letter, texts)
    by_paragraph: dict[int, list[FieldSpan]] = {}
    for span in spans.values():
        by_paragraph.setdefault(span.paragraph, []).append(span)
    record = _Record(letter, texts)
    fields = field_texts(letter_snapshot(letter))
    summary = ImportSummary()
    plan = _Plan()
    placed: dict[int, Target] = {}  # Word comment id → the draft comment it is or joins
    planned: dict[tuple[str, str, str], int] = {}  # (field, text, quote) of each new one
    for comment in word:
        text, outdated = _split_text(comment.paragraphs)
        if comment.parent is not None:
            _plan_reply(comment, text, placed, record, plan, summary)
            continue
        hit = None
        if comment.paragraph is not None:
            hit = _best_span(by_paragraph.get(comment.paragraph, []), comment.start,
                             comment.end)
        if hit is None or not text:
            summary.unmatched.append(Unmatched(comment.author, text, comment.anchored))
            continue
        span, lo, hi = hit
        to_raw = span.field.to_raw
        raw_start = to_raw[lo - span.start]
        raw_end = to_raw[hi - 1 - span.start] + 1 if hi > lo else raw_start
        quote = span.field.raw[raw_start:raw_end]
        same = record.by_anchor.get((comment.paragraph, comment.start, comment.end, text))
        if same is None or same.field != span.field.field:
            same = next((c for c in record.by_text.get((span.field.field, text), ())
                         if outdated or c.quote == quote), None)  # fmt: skip
        if same is not None:
            summary.duplicates += 1
            placed[comment.comment_id] = ("old", same.index)
            if comment.done and not same.resolved and same.index not in plan.resolve:
                plan.resolve.append(same.index)
            continue
        again = planned.get((span.field.field, text, quote))
        if again is not None:  # the same comment twice in the file: added once
            summary.duplicates += 1
            placed[comment.comment_id] = ("new", again)
            continue
        try:
            entry = comment_entry(fields, span.field.field, quote, text, comment.author,
                                  _time(comment), offset=raw_start)
        except ReviewError:
            summary.unmatched.append(Unmatched(comment.author, text, comment.anchored))
            continue
        placed[comment.comment_id] = ("new", len(plan.new))
        planned[(span.field.field, text, quote)] = len(plan.new)
        plan.new.append((entry, comment.done))
        summary.imported.append(entry["id"])
    _check_room(record, plan, path)
    _apply(letter, plan)
    summary.replies = len(plan.replies)
    summary.resolved = len(plan.resolve)
    return summary


def _plan_reply(comment: AnchoredComment, text: str, placed: dict[int, Target],
                record: _Record, plan: _Plan, summary: ImportSummary) -> None:
    """A Word reply: joins the draft comment its thread starts with, unless it is there."""
    target = placed.get(comment.parent) if comment.parent is not None else None
    if target is None or not text:
        summary.unmatched.append(Unmatched(comment.author, text, comment.anchored))
        return
    placed[comment.comment_id] = target
    seen = record.replies.setdefault(target, set())
    if (comment.author, text) in seen:
        summary.duplicates += 1
        return
    try:
        entry = reply_entry(text, comment.author, _time(comment))
    except ReviewError:
        summary.unmatched.append(Unmatched(comment.author, text, comment.anchored))
        return
    seen.add((comment.author, text))
    plan.replies.append((target, entry))


def _check_room(record: _Record, plan: _Plan, path: Path) -> None:
    """Refuse, before changing anything, an import that would take the record past what a
    draft holds: the draft could then never be saved or opened again."""
    existing = len(record.raw)
    if existing + len(plan.new) > MAX_LIST_ITEMS:
        raise _refuse(
            "docx-too-many-comments",
            f"นำเข้าไม่ได้: ไฟล์ Word {path} มีความเห็นใหม่ {len(plan.new):,} รายการ รวมกับที่มีอยู่ "
            f"{existing:,} รายการ เกินที่ร่างหนึ่งเก็บได้ ({MAX_LIST_ITEMS:,} รายการ) "
            "จึงไม่ได้นำเข้าความเห็นใดเลย",
            f"not imported: the Word file {path} has {len(plan.new):,} new comments; with the "
            f"{existing:,} already in the draft that is more than a draft holds "
            f"({MAX_LIST_ITEMS:,}), so nothing was imported",
            path,
        )  # fmt: skip
    added: dict[Target, int] = {}
    for target, _ in plan.replies:
        added[target] = added.get(target, 0) + 1
    for target, count in added.items():
        have = 0
        if target[0] == "old":
            replies = record.raw[target[1]].get("replies")
            have = len(replies) if isinstance(replies, list) else 0
        if have + count > MAX_LIST_ITEMS:
            raise _refuse(
                "docx-too-many-comments",
                f"นำเข้าไม่ได้: ไฟล์ Word {path} มีคำตอบใหม่ {count:,} รายการต่อความเห็นเดียว "
                f"รวมกับที่มีอยู่ {have:,} รายการ เกินที่ร่างหนึ่งเก็บได้ ({MAX_LIST_ITEMS:,} รายการ) "
                "จึงไม่ได้นำเข้าความเห็นใดเลย",
                f"not imported: the Word file {path} has {count:,} new replies to one comment; "
                f"with the {have:,} it has that is more than a draft holds ({MAX_LIST_ITEMS:,}), "
                "so nothing was imported",
                path,
            )  # fmt: skip


def _apply(letter: Letter, plan: _Plan) -> None:
    """Carry out the plan: every change at once, after every check."""
    if plan.empty:
        return
    raw = comment_list(letter)  # refuses a record it cannot read, before any change
    for entry, done in plan.new:
        entry["resolved"] = bool(done)
    for target, reply in plan.replies:
        kind, index = target
        add_reply_entry(raw[index] if kind == "old" else plan.new[index][0], reply)
    for index in plan.resolve:
        raw[index]["resolved"] = True
    raw.extend(entry for entry, _ in plan.new)


__all__ = ["DocxImportError", "ImportSummary", "Unmatched", "WordParts",
           "import_docx_comments", "read_word_parts"]
