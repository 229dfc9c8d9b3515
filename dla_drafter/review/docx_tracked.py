"""Suggestions ↔ Word tracked changes: the open suggestions into the DOCX export, and a
DOCX's tracked changes (or its plain edits) back into suggestions (no Qt).

Export (:func:`word_changes`): each open suggestion is placed on the characters that print
its old words (:func:`~.docx_fields.field_spans`, the mapping the Word comments use), its new
words printed as the letter prints text (digits, no invisible characters). The DOCX prints
the letter *without* the suggestions applied; the tracked change shows the suggested edit.
An outdated suggestion, one on a field that does not print, or one that changes words an
earlier one changes already (Word cannot show both) is not written (it is listed for the
caller).

Import (:func:`suggestions_from_docx`): Word's tracked changes — the supervisor edited with
Track Changes on — each become a suggestion on the field that printed the characters it
changes (author and date from Word); a DOCX edited *without* Track Changes is compared, field
by field, with the draft it carries (:func:`~.docx_edits.docx_field_edits`), and each changed
stretch of words is a suggestion by ``author``. Importing the same file again adds nothing:
a suggestion already in the record that makes the same edit at the same place, in any state,
is not added twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from dla_drafter.model.letter import Letter
from dla_drafter.render.docx_tracked import TrackedChange, TrackedParagraph
from dla_drafter.render.docx_writer import clean_text
from dla_drafter.text.digits import apply_digits

from .actions import _commit, now_text
from .docx_export import parse_time
from .docx_fields import FieldSpan, field_spans
from .suggestions import (
    Suggestion,
    _entries,
    _entry,
    field_text,
    locate,
    open_suggestions,
    read_suggestions,
    suggestions_of,
    text_problem,
    word_edits,
)


def _printed(text: str, digits: str) -> str:
    cleaned = clean_text(text)
    try:
        return apply_digits(cleaned, digits)
    except ValueError:
        return cleaned


def word_changes(letter: Letter, paragraphs: Sequence[str]
                 ) -> tuple[list[TrackedChange], list[Suggestion]]:
    """The open suggestions placed in a document whose logical body paragraphs read
    ``paragraphs``, as tracked changes, and the open ones that could not be placed
    (outdated, or on a field that does not print)."""
    suggestions = open_suggestions(letter)
    if not suggestions:
        return [], []
    spans = field_spans(letter, paragraphs)
    placed: list[TrackedChange] = []
    unplaced: list[Suggestion] = []
    for suggestion in suggestions:
        span = spans.get(suggestion.field)
        where = locate(span.field.raw, suggestion) if span is not None else None
        if span is None or where is None:
            unplaced.append(suggestion)
            continue
        to_printed = span.field.to_printed
        start = span.start + to_printed[where[0]]
        end = span.start + to_printed[where[1]]
        new = _printed(suggestion.new, letter.digits)
        if start == end and not new:
            unplaced.append(suggestion)  # only invisible characters change: nothing shows
            continue
        if any(_overlap((start, end), (c.start, c.end)) for c in placed
               if c.paragraph == span.paragraph):
            unplaced.append(suggestion)  # Word cannot show two changes of the same words
            continue
        placed.append(TrackedChange(span.paragraph, start, end, new, suggestion.author,
                                    parse_time(suggestion.at)))
    return placed, unplaced


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two changes touch the same characters (an insertion: a point strictly
    inside the other's deleted characters)."""
    if a[0] == a[1] or b[0] == b[1]:
        point, other = (a, b) if a[0] == a[1] else (b, a)
        return other[0] < point[0] < other[1]
    return max(a[0], b[0]) < min(a[1], b[1])


@dataclass(frozen=True)
class Unplaced:
    """An edit found in the DOCX that did not become a suggestion, and why."""

    author: str
    old: str
    new: str
    why_th: str
    why_en: str


@dataclass
class SuggestionImport:
    """What :func:`suggestions_from_docx` did: the ids added (``outdated``: those of them
    whose words the draft no longer holds where the DOCX had them), how many were in the
    record already, the edits that could not become suggestions, and notes (th, en)."""

    added: list[str] = field(default_factory=list)
    known: int = 0
    outdated: list[str] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    tracked: bool = False  # the DOCX had Word tracked changes
    _index: set[tuple[str, str, str, int]] | None = field(
        default=None, repr=False)  # (field, old, new, place) of the record's suggestions

    def lines(self, lang: str = "th") -> list[str]:
        """The summary for a terminal, one line each."""
        th = lang == "th"
        out = [f"นำเข้าข้อเสนอแก้ไข {len(self.added)} รายการ" if th
               else f"imported {len(self.added)} suggestion(s)"]
        if self.known:
            out.append(f"ข้ามข้อเสนอแก้ไข {self.known} รายการที่มีอยู่แล้ว" if th
                       else f"skipped {self.known} suggestion(s) already in the draft")
        if self.outdated:
            out.append(f"ข้อเสนอแก้ไขที่ล้าสมัยแล้ว (ร่างถูกแก้ตรงนั้นหลังส่งออก): "
                       f"{', '.join(self.outdated)}" if th else
                       "outdated (the draft was changed there after the export): "
                       + ", ".join(self.outdated))
        for item in self.unplaced:
            what = f"\u201c{item.old}\u201d → \u201c{item.new}\u201d"
            out.append(f"ไม่ได้นำเข้าการแก้ไขของ {item.author or '?'} {what}: {item.why_th}"
                       if th else
                       f"not imported: the edit by {item.author or '?'} {what}: {item.why_en}")
        out += [th_text if th else en_text for th_text, en_text in self.notes]
        return out


def _time(at: datetime | None) -> str:
    if at is None:
        return now_text()
    return at.astimezone(UTC).isoformat(timespec="seconds")


def _add(letter: Letter, summary: SuggestionImport, base: str, path: str, start: int,
         end: int, new: str, author: str, at: str) -> None:
    """Record ``base[start:end]`` → ``new`` in ``path`` (``base``: the field's text in the
    draft the DOCX printed) unless the same suggestion is there already."""
    old = base[start:end]
    current = field_text(letter, path)
    if current is None:
        summary.unplaced.append(Unplaced(
            author, old, new, "ร่างนี้ไม่มีช่องข้อความนี้แล้ว",
            f"the draft no longer has the text field {path}"))
        return
    problem = text_problem(path, new)
    if problem is not None:
        summary.unplaced.append(Unplaced(author, old, new, problem.message_th,
                                         problem.message_en))
        return
    entry = _entry(base, path, start, end, new, author, at)
    [suggestion], _ = read_suggestions({"suggestions": [entry]})
    span = locate(current, suggestion)
    places = {start} | ({span[0]} if span is not None else set())
    index = summary._index if summary._index is not None else _index(letter)
    summary._index = index
    shown = _printed(new, letter.digits)  # Word shows our Arabic digits as Thai ones
    if any((path, old, shown, place) in index for place in places):
        summary.known += 1
        return
    raw, entries = _entries(letter)
    entries.append(entry)
    _commit(letter, raw)
    index.update((path, old, shown, place) for place in places)
    summary.added.append(entry["id"])
    if span is None:
        summary.outdated.append(entry["id"])


def _index(letter: Letter) -> set[tuple[str, str, str, int]]:
    """Every suggestion of the record (any state) under each place it stands for: where it
    was made, and — open ones — where it is found in its field now; its new words as the
    letter prints them (a DOCX shows typed Arabic digits in Thai). An edit read from a
    file at one of those places with the same words is the same suggestion (what
    :func:`~.suggestions.same_suggestion` decides, built once: a file's many changes must
    not cost a search of the record each)."""
    index: set[tuple[str, str, str, int]] = set()
    texts: dict[str, str | None] = {}
    for known in suggestions_of(letter):
        new = _printed(known.new, letter.digits)  # compared as printed (see _add)
        if known.offset is not None:
            index.add((known.field, known.old, new, known.offset))
        if known.is_open:
            if known.field not in texts:
                texts[known.field] = field_text(letter, known.field)
            span = locate(texts[known.field], known)
            if span is not None:
                index.add((known.field, known.old, new, span[0]))
    return index


def _field_at(spans: list[FieldSpan], start: int, end: int
              ) -> tuple[FieldSpan, int, int] | None:
    """The field whose printed characters hold ``start:end`` (a point at either end of a
    field belongs to it), with the change's ends; a change that also covers fixed text
    (a list item's ``๒.``, a label) and overlaps exactly one field is clipped to it — a
    whole reference line deleted empties that reference."""
    ordered = sorted(spans, key=lambda s: s.start)
    inside = next((s for s in ordered if s.start <= start and end <= s.end), None)
    if inside is not None:
        return inside, start, end
    overlapping = [s for s in ordered if min(end, s.end) > max(start, s.start)]
    if len(overlapping) != 1:
        return None
    span = overlapping[0]
    return span, max(start, span.start), min(end, span.end)


def _tracked(letter: Letter, base: Letter, paragraphs: Sequence[TrackedParagraph],
             summary: SuggestionImport) -> None:
    spans = field_spans(base, [p.text for p in paragraphs])
    by_paragraph: dict[int, list[FieldSpan]] = {}
    for span in spans.values():
        by_paragraph.setdefault(span.paragraph, []).append(span)
    for index, paragraph in enumerate(paragraphs):
        for change in paragraph.changes:
            old_printed = paragraph.text[change.start:change.end]
            found = _field_at(by_paragraph.get(index, []), change.start, change.end)
            if found is None:
                summary.unplaced.append(Unplaced(
                    change.author, old_printed, change.new,
                    "ไม่ได้อยู่ในช่องข้อความช่องเดียวของหนังสือ (เช่น คำนำหน้า หรือคร่อมสองช่อง)",
                    "not inside one text field of the letter (a label, or across two fields)"))
                continue
            span, start, end = found
            lo, hi = start - span.start, end - span.start
            to_raw = span.field.to_raw
            raw_start = to_raw[lo]
            raw_end = to_raw[hi - 1] + 1 if hi > lo else raw_start
            _add(letter, summary, span.field.raw, span.field.field, raw_start, raw_end,
                 change.new, change.author, _time(change.at))


def docx_author(data: bytes) -> str:
    """Who last saved the DOCX (its ``cp:lastModifiedBy``, read with the hardened readers),
    or "" when that is this program, nobody, or cannot be read: the author of edits made
    in Word without Track Changes, when nobody says otherwise."""
    from dla_drafter.problems import DrafterError
    from dla_drafter.render.docx_draft import open_zip, parse_part, read_entry

    core_props = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    try:
        archive = open_zip(data)
        with archive:
            core = read_entry(archive, archive.getinfo("docProps/core.xml"), 1024 * 1024)
        found = parse_part(core, "docProps/core.xml").find(f"{{{core_props}}}lastModifiedBy")
    except (KeyError, DrafterError):
        return ""
    name = " ".join((found.text or "").split()) if found is not None else ""
    return "" if name == "DLA Drafter" or len(name) > 200 else name


def suggestions_from_docx(letter: Letter, data: bytes, author: str,
                          at: str | None = None) -> SuggestionImport:
    """The edits of a DOCX that came back (bytes), added to ``letter``'s record as
    suggestions (see the module doc): Word's tracked changes with their own author and
    date; edits made without Track Changes by ``author`` at ``at`` (now). Changes the
    letter in place; the caller saves. Refusals (not a DOCX, hostile) are
    ``render.docx_draft.DocxDraftError``; a DOCX without a draft inside still gives its
    tracked changes, mapped on ``letter`` itself."""
    from dla_drafter.render.docx_draft import DocxDraftError, extract_draft_from_docx
    from dla_drafter.render.docx_tracked import (
        W_BODY,
        document_root,
        has_changes,
        read_tracked,
        without_changes,
    )

    from .docx_edits import docx_field_edits

    root = document_root(data)
    summary = SuggestionImport()
    try:
        embedded: Letter | None = extract_draft_from_docx(data)
    except DocxDraftError as exc:
        if not any(p.code in ("docx-no-draft", "docx-draft-invalid") for p in exc.problems):
            raise
        embedded = None
        summary.notes.append((
            "ไฟล์ Word นี้ไม่มีร่างหนังสืออยู่ภายใน จึงอ่านได้เฉพาะการแก้ไขที่ติดตามไว้ (Track Changes)",
            "this Word file carries no draft, so only its tracked changes can be read"))
    body = root.find(W_BODY)
    summary.tracked = body is not None and has_changes(body)
    if summary.tracked:
        _tracked(letter, embedded or letter, read_tracked(body), summary)
    if embedded is None:
        return summary
    plain = without_changes(data) if summary.tracked else data
    base, edits = docx_field_edits(plain)
    when = at or now_text()
    for path, new_text in edits.items():
        old_text = field_text(base, path)
        if old_text is None:
            summary.unplaced.append(Unplaced(
                author, "", new_text, "ช่องนี้รับข้อเสนอแก้ไขไม่ได้ (แก้ในร่างเอง)",
                f"the field {path} cannot take suggestions (edit the draft itself)"))
            continue
        for edit in word_edits(old_text, new_text):
            _add(letter, summary, old_text, path, edit.start, edit.end, edit.new_text,
                 author, when)
    return summary


__all__ = ["SuggestionImport", "TrackedParagraph", "Unplaced", "docx_author",
           "suggestions_from_docx", "word_changes"]
