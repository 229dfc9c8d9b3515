"""The review PDF, for supervisors who review on paper: each letter page, then its comments.

Every page of the letter is followed by a page (or as many as needed) listing the open
comments whose quoted text prints on it, numbered in reading order; the same number stands in
a small circle (a :class:`~dla_drafter.typeset.pages.Marker`) in the margin at the start of
the line the quote begins on, so the reader finds the place at a glance. Comments on fields
that do not print (the QR link when no QR code is drawn, the coordinator, …) go on a last
page "ความเห็นอื่น". Resolved comments are not listed: on paper only what is still open.

Which page a field prints on comes from the Pages lines' ``source``, the same mapping the
preview uses for click-to-field, so nothing here re-measures the letter. The lists are
typeset with our own Thai line breaking in the bundled font, like the letter. No Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from dla_drafter.fields import field_label
from dla_drafter.model.letter import Letter
from dla_drafter.text.digits import apply_digits, to_arabic_digits
from dla_drafter.text.thaidate import BE_OFFSET, format_thai_date
from dla_drafter.typeset.fonts import PT_PER_CM, FontSet
from dla_drafter.typeset.lines import break_lines
from dla_drafter.typeset.pages import Marker, Page, Pages, Source, TextLine
from dla_drafter.typeset.profile import DEFAULT_PROFILE, TH_SARABUN_PSK_LINE_EM, LayoutProfile

from .actions import locate_comment, record_of
from .diff import field_texts
from .integrity import letter_snapshot
from .record import Comment

ENTRY_SIZE_PT = 15.0  # the comments: a size smaller than the letter's 16 pt, still easy
HEADING_SIZE_PT = 16.0
MARKER_DIAMETER = 0.5  # cm
MARKER_SIZE_PT = 10.0
MARKER_GAP = 0.15  # cm between a marker and its line, and between markers side by side
NUMBER_COLUMN = 1.0  # cm: the list's text starts after the marker
REPLY_INDENT = 1.0  # cm
ENTRY_GAP_PT = 8.0
GREY = "#555555"
BANGKOK = timezone(timedelta(hours=7))
OTHER_HEADING = "ความเห็นอื่น"

# Fields printed together on one line whose source is one of them: the date's day, month
# and year (source ``date.month``, or ``date.day`` in a memo) and the number's parts.
_SHARED_LINES = ("date", "number")


@dataclass(frozen=True)
class Placed:
    """An open comment and where it prints: ``page`` is the letter page's index and ``line``
    the line its quote starts on (both None when its field does not print)."""

    comment: Comment
    number: int
    page: int | None
    line: TextLine | None


def _source_path(source: Source) -> str:
    part, index = source
    return part if index is None else f"{part}[{index}]"


def _field_lines(pages: Pages, field: str) -> list[tuple[int, TextLine]]:
    """The lines (with their page index) that print ``field``, in reading order."""
    def found(match) -> list[tuple[int, TextLine]]:
        return [(n, item) for n, page in enumerate(pages.pages) for item in page.items
                if isinstance(item, TextLine) and item.source and item.text.strip()
                and match(_source_path(item.source))]

    exact = found(lambda path: field == path or field.startswith((path + ".", path + "[")))
    if exact:
        return exact
    head = field.split(".")[0].split("[")[0]
    if head in _SHARED_LINES:
        return found(lambda path: path.split(".")[0] == head)
    return []


def _start_line(letter: Letter, comment: Comment, lines: list[tuple[int, TextLine]]
                ) -> tuple[int, TextLine]:
    """The line the quote starts on: each line is found in the field's text in turn (digits
    compared as Arabic, runs of spaces as one, as they print), and the last line that starts
    at or before the quote is it. A label printed with the same source is skipped."""
    located = locate_comment(letter, comment)
    text = field_texts(letter_snapshot(letter)).get(comment.field, "")
    if located is None or not text:
        return lines[0]
    start = len(" ".join(text[: located[0]].split()))
    plain = to_arabic_digits(" ".join(text.split()))
    chosen = lines[0]
    pos = 0
    for entry in lines:
        at = plain.find(to_arabic_digits(entry[1].text.strip()), pos)
        if at < 0:
            continue
        if at > start:
            break
        chosen, pos = entry, at + 1
    return chosen


def place_comments(letter: Letter, pages: Pages) -> list[Placed]:
    """The open comments, numbered in the order a reader meets them (page, line, then the
    order they were made); those whose field does not print come last."""
    found = []
    for comment in record_of(letter).comments:
        if comment.resolved:
            continue
        lines = _field_lines(pages, comment.field)
        if lines:
            page, line = _start_line(letter, comment, lines)
            found.append(((page, line.y, line.x, comment.index), comment, page, line))
        else:
            found.append(((math.inf, 0.0, 0.0, comment.index), comment, None, None))
    found.sort(key=lambda entry: entry[0])
    return [Placed(comment, n, page, line)
            for n, (_key, comment, page, line) in enumerate(found, 1)]


def when_text(at: str, digits: str = "thai") -> str:
    """A stored time (ISO 8601, UTC) as a clerk reads it, in Thailand's time:
    ``๒ ธันวาคม ๒๕๖๙ เวลา ๐๙.๑๕ น.``; the stored text itself when it is not a time."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        local = moment.astimezone(BANGKOK)
    except OverflowError:  # 9999-12-31T23:59:59-14:00: no such day in Thailand's calendar
        return at
    date = format_thai_date(local.day, local.month, local.year + BE_OFFSET, digits)
    return f"{date} เวลา {apply_digits(f'{local.hour:02d}.{local.minute:02d}', digits)} น."



class _Writer:
    """Fills list pages top to bottom with broken lines, starting a new page when full."""

    def __init__(self, fonts: FontSet, profile: LayoutProfile, heading: str) -> None:
        self.fonts = fonts
        self.profile = profile
        self.heading = heading
        self.pages: list[Page] = []
        self.y = 0.0
        self._new_page()

    @staticmethod
    def pitch(size_pt: float) -> float:
        return size_pt * TH_SARABUN_PSK_LINE_EM / PT_PER_CM

    def _new_page(self) -> None:
        p = self.profile
        self.pages.append(Page(number=0, width=p.page_width, height=p.page_height))
        self.y = p.margin_top_continuation + self.pitch(HEADING_SIZE_PT) * 0.75
        heading = self.heading + (" (ต่อ)" if len(self.pages) > 1 else "")
        face = self.fonts.face(True)
        self.pages[-1].items.append(TextLine(
            p.margin_left, self.y, heading, HEADING_SIZE_PT, bold=True,
            width_cm=face.width_cm(heading, HEADING_SIZE_PT)))
        self.y += self.pitch(HEADING_SIZE_PT) * 0.5

    def space(self, points: float) -> None:
        self.y += points / PT_PER_CM

    def paragraph(self, text: str, x: float, *, bold: bool = False, color: str = "#000000",
                  keep: float = 0.0) -> tuple[Page, TextLine] | None:
        """Write ``text`` from ``x`` to the right margin; returns its first line's place.
        ``keep`` (cm) asks for that much room below the first line, so an entry's heading is
        not left alone at the foot of a page."""
        p = self.profile
        face = self.fonts.face(bold)
        pitch = self.pitch(ENTRY_SIZE_PT)
        width = p.page_width - p.margin_right - x
        first = None
        for part in text.splitlines() or [""]:
            for broken in break_lines(part, face, ENTRY_SIZE_PT, width, width):
                bottom = p.page_height - p.margin_bottom
                if self.y + pitch + (keep if first is None else 0.0) > bottom:
                    self._new_page()
                self.y += pitch
                line = TextLine(x, self.y, broken.text, ENTRY_SIZE_PT, bold=bold, color=color,
                                width_cm=broken.width)
                if broken.text:
                    self.pages[-1].items.append(line)
                if first is None:
                    first = (self.pages[-1], line)
        return first


def _entry(writer: _Writer, letter: Letter, placed: Placed) -> None:
    """One comment: the number in its circle, the field, the quote, the comment, who and
    when, and the replies indented below."""
    p = writer.profile
    comment = placed.comment
    x = p.margin_left + NUMBER_COLUMN
    digits = letter.digits
    label = field_label(comment.field)
    if locate_comment(letter, comment) is None:
        label += " (ข้อความที่ยกมาไม่อยู่ในช่องนี้แล้ว)"
    first = writer.paragraph(f"ความเห็นที่ {apply_digits(str(placed.number), digits)} · {label}",
                             x, bold=True, keep=3 * writer.pitch(ENTRY_SIZE_PT))
    if first is not None:
        page, line = first
        page.markers.append(_marker(placed.number, p.margin_left + MARKER_DIAMETER / 2, line))
    if comment.quote:
        writer.paragraph(f"ข้อความที่ยกมา: \u201c{comment.quote}\u201d", x)
    writer.paragraph(comment.text, x)
    writer.paragraph(f"{comment.author or '?'} · {when_text(comment.at, digits)}", x,
                     color=GREY)
    for reply in comment.replies:
        writer.space(3)
        writer.paragraph(f"ตอบโดย {reply.author or '?'} · {when_text(reply.at, digits)}",
                         x + REPLY_INDENT, color=GREY)
        writer.paragraph(reply.text, x + REPLY_INDENT)
    writer.space(ENTRY_GAP_PT)


def _marker(number: int, x: float, line: TextLine) -> Marker:
    """A marker centred at ``x`` on the middle of ``line``'s letters."""
    size_cm = line.size_pt / PT_PER_CM
    return Marker(number, x, line.y - size_cm * 0.28, MARKER_DIAMETER, MARKER_SIZE_PT)


def review_pages(letter: Letter, pages: Pages, fonts: FontSet,
                 profile: LayoutProfile = DEFAULT_PROFILE) -> Pages:
    """The review document: ``pages`` (the letter as it prints; markers are added to them)
    each followed by the list of its comments, then "ความเห็นอื่น". Pages are renumbered
    in order; the letter's own page numbers, printed on it, stay as they are."""
    placed = place_comments(letter, pages)
    out: list[Page] = []
    on_line: dict[int, int] = {}
    for index, page in enumerate(pages.pages):
        out.append(page)
        here = [c for c in placed if c.page == index]
        for entry in here:
            line = entry.line
            assert line is not None
            k = on_line.get(id(line), 0)
            on_line[id(line)] = k + 1
            # before the row's first ink: a label on the same baseline (เรื่อง, ที่) is
            # part of the row, and the marker must not cover it
            start = min([line.x] + [it.x for it in page.items if isinstance(it, TextLine)
                                    and it.text.strip() and abs(it.y - line.y) < 0.01])
            x = start - MARKER_GAP - MARKER_DIAMETER / 2 - k * (MARKER_DIAMETER + MARKER_GAP)
            page.markers.append(_marker(entry.number, x, line))
        if here:
            shown = apply_digits(str(index + 1), letter.digits)
            writer = _Writer(fonts, profile, f"ความเห็นของผู้ตรวจ หน้า {shown}")
            for entry in here:
                _entry(writer, letter, entry)
            out.extend(writer.pages)
    others = [c for c in placed if c.page is None]
    if others:
        writer = _Writer(fonts, profile, OTHER_HEADING)
        for entry in others:
            _entry(writer, letter, entry)
        out.extend(writer.pages)
    for number, page in enumerate(out, 1):
        page.number = number
    return Pages(out, pages.font_family)
