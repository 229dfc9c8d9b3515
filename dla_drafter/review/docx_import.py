"""A DOCX that came back from a supervisor who works in Word: its comments into the draft.

Each Word comment's anchored characters are mapped back to a field and a quote by the same
mapping the export uses (:func:`~.docx_fields.field_spans`): the paragraph the comment starts
in, the field printed there that its characters overlap most, and the overlapped characters
taken back to the text as typed (the printout's Thai digits become the draft's digits
again). The comment is added with :func:`~.actions.add_comment` — author from Word, time
from the comment's date — and :data:`~.docx_export.OUTDATED_NOTE` is dropped. Word's
threaded replies (``commentsExtended.xml``) become replies of the comment they answer.

A comment already in the record (same field, quote and text; for one the export marked
outdated, same field and text) is skipped, and so is a reply the comment already has (same
author and text): importing the same file twice adds nothing, while a supervisor's reply in
Word to an exported comment is added to that comment, and one the supervisor marked
resolved in Word (``w15:done``) is marked resolved in the draft too. A
comment that cannot be placed on a field (on a label, the date, the ครุฑ, in a header) is
not dropped silently: it is listed in the summary by its author and text. Changes the letter
in place; the caller saves, as after any verb. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from dla_drafter.model.letter import Letter
from dla_drafter.render.docx_comments import (
    AnchoredComment,
    body_paragraphs,
    paragraph_text,
    read_comments,
)

from .actions import (
    ReviewError,
    add_comment,
    now_text,
    record_of,
    reply_to_comment,
    set_resolved,
)
from .docx_export import OUTDATED_NOTE
from .docx_fields import FieldSpan, field_spans


class DocxImportError(Exception):
    """The file is not a Word document that can be read (message in Thai and English)."""

    def __init__(self, message_th: str, message_en: str) -> None:
        self.message_th, self.message_en = message_th, message_en
        super().__init__(message_th)

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en


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
    return at.astimezone(UTC).isoformat(timespec="seconds")


def _open(path: Path):
    """The document, or a clear error naming the file (never a traceback)."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    if not path.is_file():
        raise DocxImportError(
            f"ไม่พบไฟล์ Word {path}" if not path.exists() else f"{path} ไม่ใช่ไฟล์",
            f"the Word file {path} does not exist" if not path.exists()
            else f"{path} is not a file",
        )  # fmt: skip
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            etree.XMLSyntaxError) as exc:
        raise DocxImportError(
            f"อ่านไฟล์ {path} ไม่ได้: ไม่ใช่ไฟล์ Word (.docx) หรือไฟล์เสียหาย",
            f"cannot read {path}: not a Word (.docx) file, or it is damaged ({exc})",
        ) from exc


def import_docx_comments(letter: Letter, path: Path | str) -> ImportSummary:
    """Add the Word comments of the DOCX at ``path`` to ``letter``'s review record."""
    document = _open(Path(path))
    from dla_drafter.render.docx_tracked import reject_all  # suggestions: review.docx_tracked

    reject_all(document.element.body)  # comments are placed on the text the letter printed
    texts = [paragraph_text(p) for p in body_paragraphs(document)]
    spans = field_spans(letter, texts)
    by_paragraph: dict[int, list[FieldSpan]] = {}
    for span in spans.values():
        by_paragraph.setdefault(span.paragraph, []).append(span)
    summary = ImportSummary()
    placed: dict[int, str] = {}  # Word comment id → id of the draft comment it is or joins
    for comment in read_comments(document):
        text, outdated = _split_text(comment.paragraphs)
        if comment.parent is not None:
            _reply(letter, comment, text, placed, summary)
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
        same = next((c for c in record_of(letter).comments
                     if c.field == span.field.field and c.text == text
                     and (outdated or c.quote == quote)), None)  # fmt: skip
        if same is not None:
            summary.duplicates += 1
            placed[comment.comment_id] = same.id
            if comment.done and not same.resolved:
                set_resolved(letter, same.id)
                summary.resolved += 1
            continue
        try:
            comment_id = add_comment(letter, span.field.field, quote, text, comment.author,
                                     _time(comment), offset=raw_start)
        except ReviewError:
            summary.unmatched.append(Unmatched(comment.author, text, comment.anchored))
            continue
        placed[comment.comment_id] = comment_id
        summary.imported.append(comment_id)
        if comment.done:
            set_resolved(letter, comment_id)
    return summary


def _reply(letter: Letter, comment: AnchoredComment, text: str, placed: dict[int, str],
           summary: ImportSummary) -> None:
    """A Word reply: added to the draft comment its thread starts with, unless it is there."""
    target = placed.get(comment.parent) if comment.parent is not None else None
    if target is None or not text:
        summary.unmatched.append(Unmatched(comment.author, text, comment.anchored))
        return
    placed[comment.comment_id] = target
    existing = record_of(letter).comment(target)
    if existing is not None and any(r.author == comment.author and r.text == text
                                    for r in existing.replies):
        summary.duplicates += 1
        return
    reply_to_comment(letter, target, text, comment.author, _time(comment))
    summary.replies += 1


__all__ = ["DocxImportError", "ImportSummary", "Unmatched", "import_docx_comments"]
