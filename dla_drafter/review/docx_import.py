"""A DOCX that came back from a supervisor who works in Word: its comments into the draft.

Each Word comment's anchored characters are mapped back to a field and a quote by the same
mapping the export uses (:func:`~.docx_fields.field_spans`): the paragraph the comment starts
in, the field printed there that its characters overlap most, and the overlapped characters
taken back to the text as typed (the printout's Thai digits become the draft's digits
again). The comment is added with :func:`~.actions.add_comment` — author from Word, time
from the comment's date — and the ``↳ ชื่อ: ข้อความ`` lines the export writes come back as
replies, :data:`~.docx_export.OUTDATED_NOTE` is dropped.

A comment already in the record (same field, quote and text; for one the export marked
outdated, same field and text) is skipped, so importing the same file twice adds nothing. A
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

from .actions import ReviewError, add_comment, now_text, record_of, reply_to_comment
from .docx_export import OUTDATED_NOTE, REPLY_MARK
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
    duplicates: int = 0
    unmatched: list[Unmatched] = field(default_factory=list)

    def lines(self, lang: str = "th") -> list[str]:
        """The summary for a terminal, one line each."""
        th = lang == "th"
        out = [f"นำเข้าความเห็น {len(self.imported)} รายการ" if th
               else f"imported {len(self.imported)} comment(s)"]
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


def _split_text(lines: tuple[str, ...]) -> tuple[str, list[tuple[str, str]], bool]:
    """A Word comment's paragraphs as (text, replies, marked outdated by the export)."""
    body: list[str] = []
    replies: list[tuple[str, str]] = []
    outdated = False
    for line in lines:
        if line.startswith(REPLY_MARK) and ": " in line and body:
            author, _, text = line[len(REPLY_MARK):].partition(": ")
            replies.append((author, text))
        elif line == OUTDATED_NOTE and body and not replies:
            outdated = True
        elif not replies:
            body.append(line)
        else:  # a reply's text that went on over several paragraphs
            author, text = replies[-1]
            replies[-1] = (author, f"{text}\n{line}")
    return "\n".join(body).strip(), replies, outdated


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
    texts = [paragraph_text(p) for p in body_paragraphs(document)]
    spans = field_spans(letter, texts)
    by_paragraph: dict[int, list[FieldSpan]] = {}
    for span in spans.values():
        by_paragraph.setdefault(span.paragraph, []).append(span)
    summary = ImportSummary()
    for comment in read_comments(document):
        text, replies, outdated = _split_text(comment.paragraphs)
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
        existing = record_of(letter).comments
        if any(c.field == span.field.field and c.text == text
               and (outdated or c.quote == quote) for c in existing):
            summary.duplicates += 1
            continue
        try:
            comment_id = add_comment(letter, span.field.field, quote, text, comment.author,
                                     _time(comment), offset=raw_start)
            for author, reply in replies:
                if reply.strip():
                    reply_to_comment(letter, comment_id, reply, author,
                                     _time(comment))
        except ReviewError:
            summary.unmatched.append(Unmatched(comment.author, text, comment.anchored))
            continue
        summary.imported.append(comment_id)
    return summary


__all__ = ["DocxImportError", "ImportSummary", "Unmatched", "import_docx_comments"]
