"""Typeset a Composition into Pages: place every block, break lines, paginate.

Page one's head is placed first (the external letter's ที่ / agency / date, or a memo's head);
the flow below it is a list of rows (one line box each, or a taller box for the QR code).
Pagination moves rows to a new page, honouring *keep* links between rows: a paragraph keeps
at least two lines together at a page end and a page start, a labelled part stays whole, and
the คำลงท้าย with the signature never stands alone — the last two body lines go with it.
The other kinds reuse all of this: a memo's signature, a stamped letter's seal and an order's
``สั่ง ณ วันที่`` keep the last body lines with them in the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..compose.blocks import (
    Addressed,
    ComplimentaryClose,
    Composition,
    ContactBlock,
    CopiesTo,
    DateLine,
    Emblem,
    Heading,
    InitialsGrid,
    IssuedOn,
    Labelled,
    LabelledItem,
    MemoHead,
    MemoRow,
    Paragraph,
    QRBlock,
    RecipientsList,
    Signature,
    StampArea,
    TitleBlock,
    TopMarks,
)
from ..text.digits import apply_digits
from ..text.graphemes import gap_count
from ..text.wordbreak import WordBreaker, default_breaker
from .anchors import signature_centre
from .fonts import PT_PER_CM, FontSet
from .lines import break_lines, justify_spacing
from .pages import ImageBox, Item, Page, Pages, QRBox, Rule, Source, TextLine, item_bounds
from .profile import DEFAULT_PROFILE, LayoutProfile
from .qr import qr_modules

# Where the baseline sits in a line box, as a fraction of the pitch. TH SarabunPSK's ascent is
# about 70 % of its Windows line height, which is where Word puts the baseline.
BASELINE_RATIO = 0.70
# Gap between the label "สิ่งที่ส่งมาด้วย  …" text and a flush-right amount on the same line.
AMOUNT_GAP_CM = 0.6
# Horizontal clearance kept between the contact block and the QR column.
QR_CLEARANCE_CM = 0.5
# Sources of the lines that the QR column stands beside.
CONTACT_PARTS = ("owner_unit", "contact", "copies_to")


@dataclass
class Row:
    """A line box (or taller box) in the flow. Items have y relative to the row's top."""

    height: float
    items: list[Item]
    space_before: float = 0.0
    keep_with_next: bool = False
    new_page: bool = False


@dataclass
class _Ctx:
    fonts: FontSet
    profile: LayoutProfile
    breaker: WordBreaker
    emblem_aspect: float
    rows: list[Row] = field(default_factory=list)

    @property
    def size(self) -> float:
        return self.profile.font_size_pt

    @property
    def pitch(self) -> float:
        return self.profile.line_pitch

    def baseline(self, size_pt: float | None = None) -> float:
        scale = (size_pt or self.size) / self.size
        return self.pitch * BASELINE_RATIO * scale

    def width(self, text: str, bold: bool = False, size: float | None = None) -> float:
        return self.fonts.face(bold).width_cm(text, size or self.size)

    def text(self, x: float, text: str, source: Source | None, *, bold: bool = False,
             size: float | None = None, color: str = "#000000", spacing: float = 0.0,
             y: float | None = None, role: str | None = None,
             joins_next: bool = False) -> TextLine:
        size = size or self.size
        natural = self.width(text, bold, size)
        return TextLine(x, self.baseline(size) if y is None else y, text, size, bold, color,
                        spacing, natural + spacing * gap_count(text), source, role, joins_next)

    def centred(self, text: str, source: Source | None, centre: float | None = None,
                **kw) -> TextLine:
        """A line centred on ``centre`` (default: the middle of the text area)."""
        centre = self.profile.text_centre if centre is None else centre
        w = self.width(text, kw.get("bold", False), kw.get("size"))
        return self.text(centre - w / 2, text, source, **kw)


def _shift(item: Item, dy: float) -> Item:
    if isinstance(item, Rule):
        return replace(item, y1=item.y1 + dy, y2=item.y2 + dy)
    return replace(item, y=item.y + dy)


def typeset(
    composition: Composition,
    fonts: FontSet,
    profile: LayoutProfile = DEFAULT_PROFILE,
    breaker: WordBreaker | None = None,
    emblem_aspect: float = 0.92,
    continuation_word: bool = True,
) -> Pages:
    """Pages of ``composition``. ``continuation_word`` prints the first word of the next
    page at the foot of every letter page but the last (``RenderSettings``)."""
    ctx = _Ctx(fonts, profile, breaker or default_breaker(), emblem_aspect)
    first: list[Item] = []
    cursor = profile.emblem_top + profile.emblem_height  # first line under the ครุฑ
    signature_x = profile.text_left + signature_centre(composition.blocks, ctx.width, profile)
    tail_kept = False  # the last body lines already go with what ends the letter
    memo = any(isinstance(b, MemoHead) for b in composition.blocks)
    for block in composition.blocks:
        if isinstance(block, Emblem):
            w = profile.emblem_height * emblem_aspect
            first.append(ImageBox("emblem", profile.text_centre - w / 2, profile.emblem_top, w,
                                  profile.emblem_height, ("emblem", None)))
        elif isinstance(block, TopMarks):
            first.extend(_memo_top_marks(ctx, block) if memo else _top_marks(ctx, block))
        elif isinstance(block, MemoHead):
            items, cursor = _memo_head(ctx, block)
            first.extend(items)
        elif isinstance(block, Heading):
            items, cursor = _heading(ctx, block, cursor)
            first.extend(items)
        elif isinstance(block, DateLine):
            x = profile.date_x
            if block.day is None:
                x += profile.blank_day_width
            first.append(ctx.text(x, block.text if block.day else block.month_year,
                                  ("date.month", None), y=cursor + ctx.baseline()))
            cursor += ctx.pitch
        elif isinstance(block, Labelled):
            _labelled(ctx, block)
        elif isinstance(block, Addressed):  # ถึง: a labelled part whose value is the addressee
            _labelled(ctx, Labelled("addressee", block.label, (LabelledItem(block.text),)))
        elif isinstance(block, TitleBlock):
            _title(ctx, block)
        elif isinstance(block, Paragraph):
            _paragraph(ctx, block)
        elif isinstance(block, ComplimentaryClose):
            _mark_keep_tail(ctx.rows, profile.keep_lines_with_close)
            tail_kept = True
            ctx.rows.append(Row(ctx.pitch, [ctx.text(profile.date_x, block.text,
                                                     ("complimentary_close", None))],
                                profile.space_before, keep_with_next=True))
        elif isinstance(block, IssuedOn | Signature | StampArea):
            if not tail_kept:  # a memo signs, a stamped letter seals, right after the body
                _mark_keep_tail(ctx.rows, profile.keep_lines_with_close)
                tail_kept = True
            if isinstance(block, IssuedOn):
                _issued_on(ctx, block)
            elif isinstance(block, Signature):
                _signature(ctx, block, signature_x)
            else:
                _stamp_area(ctx, block, signature_x)
        elif isinstance(block, ContactBlock):
            _contacts(ctx, block, composition)
        elif isinstance(block, CopiesTo):
            _copies_to(ctx, block)
        elif isinstance(block, QRBlock | InitialsGrid | RecipientsList):
            pass  # placed after the flow: they depend on where the letter ends
    qr = next((b for b in composition.blocks if isinstance(b, QRBlock)), None)
    initials = next((b for b in composition.blocks if isinstance(b, InitialsGrid)), None)
    recipients = next((b for b in composition.blocks if isinstance(b, RecipientsList)), None)

    reserve = profile.continuation_lines * ctx.pitch if continuation_word else 0.0
    pages = _paginate(ctx, first, cursor, reserve)
    flow_bottom = _content_bottom(pages[-1])
    if qr is not None:
        _place_qr(ctx, pages, qr)
    if initials is not None:
        grid = _measure_initials(ctx, initials)
        if _initials_top(ctx, pages[-1], grid) is None and ctx.rows:
            # Alone on a page of its own the grid would be a page without a line of the
            # letter: keep room for it after the last row, which takes the letter's last
            # lines (the keep chain that ends it) onto that page with it.
            room = _initials_room(pages[-1], grid, flow_bottom)
            ctx.rows[-1].keep_with_next = True
            ctx.rows.append(Row(room, []))
            pages = _paginate(ctx, first, cursor, reserve)
            ctx.rows.pop()
            if qr is not None:
                _place_qr(ctx, pages, qr)
        _place_initials(ctx, pages, grid)
    if continuation_word:
        _continuation_words(ctx, pages)
    if recipients is not None:
        pages.extend(_recipients_pages(ctx, recipients, len(pages)))
    for page in pages:
        _page_marks(ctx, page, composition)
    return Pages(pages, fonts.family)


# --- page one's head -----------------------------------------------------------------

def _top_marks(ctx: _Ctx, block: TopMarks) -> list[Item]:
    p = ctx.profile
    items: list[Item] = []
    if block.urgency:
        size = p.urgency_size_pt
        # bottom of the mark level with the bottom of the ครุฑ, at the left margin [P]
        items.append(ctx.text(p.text_left, block.urgency, ("urgency", None), bold=True,
                              size=size, color=p.mark_color,
                              y=p.emblem_top + p.emblem_height - 0.25))
    if block.file_copy_note:
        w = ctx.width(block.file_copy_note)
        items.append(ctx.text(p.text_right - w, block.file_copy_note, ("file_copy", None),
                              y=p.emblem_top + ctx.baseline()))
    return items


def _heading(ctx: _Ctx, block: Heading, top: float) -> tuple[list[Item], float]:
    p = ctx.profile
    items: list[Item] = []
    # a blank serial needs room after ที่ …/ว for the registry to write the number
    number_width = p.agency_x - p.text_left - 0.3 - (
        p.blank_serial_width if block.serial_blank else 0.0)
    y = top
    for line in break_lines(block.number, ctx.fonts.regular, ctx.size, number_width,
                            number_width, ctx.breaker):
        items.append(ctx.text(p.text_left, line.text, ("number.code", None),
                              y=y + ctx.baseline()))
        y += ctx.pitch
    number_bottom = y
    y = top
    agency_width = p.text_right - p.agency_x
    for index, line_text in enumerate(block.agency_lines):
        part = "agency.name" if index == 0 else "agency.address"
        for line in break_lines(line_text, ctx.fonts.regular, ctx.size, agency_width,
                                agency_width, ctx.breaker):
            items.append(ctx.text(p.agency_x, line.text, (part, index - 1 if index else None),
                                  y=y + ctx.baseline()))
            y += ctx.pitch
    return items, max(y, number_bottom)


def _memo_top_marks(ctx: _Ctx, block: TopMarks) -> list[Item]:
    """A memo's ครุฑ stands at the top left, so its marks go to the right: the urgency level
    with the ครุฑ's foot, the file-copy note level with its head — or above it, in the top
    margin, when the urgency takes that corner."""
    p = ctx.profile
    items: list[Item] = []
    bottom = p.memo_emblem_top + p.memo_emblem_height
    if block.urgency:
        size = p.urgency_size_pt
        w = ctx.width(block.urgency, bold=True, size=size)
        items.append(ctx.text(p.text_right - w, block.urgency, ("urgency", None), bold=True,
                              size=size, color=p.mark_color, y=bottom - 0.25))
    if block.file_copy_note:
        w = ctx.width(block.file_copy_note)
        y = p.memo_emblem_top + (-p.memo_note_raise if block.urgency else ctx.baseline())
        items.append(ctx.text(p.text_right - w, block.file_copy_note, ("file_copy", None),
                              y=y))
    return items


def _memo_head(ctx: _Ctx, block: MemoHead) -> tuple[list[Item], float]:
    """The ครุฑ (1.5 cm) at the top left, the title centred on its line, then the rows
    ส่วนราชการ / ที่ + วันที่ / เรื่อง on dotted leaders. Returns the items and the y below."""
    p = ctx.profile
    items: list[Item] = []
    w = p.memo_emblem_height * ctx.emblem_aspect
    items.append(ImageBox("emblem", p.text_left, p.memo_emblem_top, w, p.memo_emblem_height,
                          ("emblem", None)))
    bottom = p.memo_emblem_top + p.memo_emblem_height
    # the title's line box (exactly 35 pt) stands on the ครุฑ's foot
    size = p.memo_title_size_pt
    title_top = bottom - p.memo_title_pitch
    items.append(ctx.centred(block.title, ("kind", None), bold=True, size=size,
                             y=title_top + p.memo_title_pitch * BASELINE_RATIO))
    y = _memo_row(ctx, items, block.agency, bottom, p.text_left, p.text_right)
    date_x = p.memo_date_label_x
    y = max(_memo_row(ctx, items, block.number, y, p.text_left, date_x - p.memo_leader_gap),
            _memo_row(ctx, items, block.date, y, date_x, p.text_right))
    y = _memo_row(ctx, items, block.subject, y, p.text_left, p.text_right)
    return items, y


def _memo_row(ctx: _Ctx, items: list[Item], row: MemoRow, top: float, start: float,
              end: float) -> float:
    """One head row from ``start`` to ``end``: the label, then the value on a dotted leader
    from the value's x to ``end``; continuation lines hang under the value, each on its own
    leader. The value is drawn as one run per field piece so each can be clicked. Returns
    the y below the row."""
    p = ctx.profile
    label_size = p.memo_label_size_pt
    first_pitch = p.memo_label_pitch
    items.append(ctx.text(start, row.label, (row.field, None), bold=True, size=label_size,
                          y=top + first_pitch * BASELINE_RATIO))
    value_x = start + ctx.width(row.label, bold=True, size=label_size) + ctx.width(p.label_gap)
    first_x = value_x + (p.blank_day_width if row.leave_room else 0.0)
    pieces = [(" ".join(piece.text.split()), (piece.field, piece.index))
              for piece in row.value]
    pieces = [(text, source) for text, source in pieces if text]
    joined = " ".join(text for text, _ in pieces)
    bounds: list[tuple[int, int, Source]] = []
    pos = 0
    for text, source in pieces:
        bounds.append((pos, pos + len(text), source))
        pos += len(text) + 1
    lines = break_lines(joined, ctx.fonts.regular, ctx.size, end - first_x, end - value_x,
                        ctx.breaker)
    found = 0
    y = top
    for n, line in enumerate(lines):
        baseline = y + (first_pitch * BASELINE_RATIO if n == 0 else ctx.baseline())
        x = first_x if n == 0 else value_x
        if line.text:
            start_at = joined.index(line.text, found)
            stop_at = start_at + len(line.text)
            found = stop_at
            for lo, hi, source in bounds:
                a, b = max(lo, start_at), min(hi, stop_at)
                if b < stop_at and joined[b] == " ":  # the space between two fields goes
                    b += 1  # with the first, so the text layer keeps it
                if a < b:
                    items.append(ctx.text(x + ctx.width(joined[start_at:a]), joined[a:b],
                                          source, y=baseline))
        items.append(Rule(value_x, baseline + p.memo_leader_drop, end,
                          baseline + p.memo_leader_drop, width_pt=p.memo_leader_width_pt,
                          dotted=True))
        y += first_pitch if n == 0 else ctx.pitch
    return y


# --- the flow ------------------------------------------------------------------------

def _title(ctx: _Ctx, block: TitleBlock) -> None:
    """An order's or announcement's title: each line centred on the text area (a long
    subject wraps into centred lines), then the short line under it; kept with the body."""
    p = ctx.profile
    centre = p.text_centre
    for line in block.lines:
        face = ctx.fonts.face(line.bold)
        source: Source = (line.field, None)
        if line.room_at is not None:  # room for the registry's number: ``ที่ ␣␣␣␣/๒๕๖๙``
            left, right = line.text[:line.room_at], line.text[line.room_at:]
            left_w = ctx.width(left, line.bold)
            total = left_w + p.blank_serial_width + ctx.width(right, line.bold)
            x = centre - total / 2
            ctx.rows.append(Row(ctx.pitch, [
                ctx.text(x, left.strip(), source, bold=line.bold),
                ctx.text(x + left_w + p.blank_serial_width, right, source, bold=line.bold),
            ], keep_with_next=True))
            continue
        for broken in break_lines(line.text, face, ctx.size, p.text_width, p.text_width,
                                  ctx.breaker):
            ctx.rows.append(Row(ctx.pitch, [ctx.centred(broken.text, source, bold=line.bold)],
                                keep_with_next=True))
    ctx.rows.append(Row(ctx.pitch, [ctx.centred(block.rule, ("subject", None))],
                        keep_with_next=True))


def _labelled(ctx: _Ctx, block: Labelled) -> None:
    p = ctx.profile
    label = block.label + p.label_gap
    value_x = p.text_left + ctx.width(label)
    start = len(ctx.rows)
    for index, item in enumerate(block.items):
        # the value's field: เรียน's value is the addressee
        value_part = "addressee" if block.part == "salutation" else block.part
        source: Source = (value_part, index if block.part in ("references", "enclosures")
                          else None)
        text_x = value_x
        number_items: list[Item] = []
        if item.number:
            number_items.append(ctx.text(value_x, item.number, source, role="Lbl"))
            text_x = value_x + ctx.width(item.number + " ")
        width = p.text_right - text_x
        lines = break_lines(item.text, ctx.fonts.regular, ctx.size, width, width, ctx.breaker)
        for line_no, line in enumerate(lines):
            row_items: list[Item] = []
            if index == 0 and line_no == 0:
                row_items.append(ctx.text(p.text_left, block.label, (block.part, None)))
            if line_no == 0:
                row_items.extend(number_items)
            row_items.append(ctx.text(text_x, line.text, source, joins_next=line.joins_next))
            ctx.rows.append(Row(ctx.pitch, row_items, keep_with_next=True))
        if item.amount:
            amount_w = ctx.width(item.amount)
            last = ctx.rows[-1]
            end_x = text_x + lines[-1].width
            row = last if end_x + AMOUNT_GAP_CM + amount_w <= p.text_right else None
            if row is None:
                row = Row(ctx.pitch, [], keep_with_next=True)
                ctx.rows.append(row)
            row.items.append(ctx.text(p.text_right - amount_w, item.amount, source))
    ctx.rows[start].space_before = p.space_before
    ctx.rows[-1].keep_with_next = False


def _paragraph(ctx: _Ctx, block: Paragraph) -> None:
    p = ctx.profile
    source: Source = (block.part, block.index)
    lines = break_lines(block.text, ctx.fonts.regular, ctx.size,
                        p.text_width - p.first_line_indent, p.text_width, ctx.breaker,
                        p.max_justify_gap)
    count = len(lines)
    for n, line in enumerate(lines):
        x = p.text_left + (p.first_line_indent if n == 0 else 0.0)
        measure = p.text_right - x
        spacing = justify_spacing(line, measure, p.max_justify_gap)
        # keep two lines together at the end and at the start of a page (orphans/widows)
        keep = n == 0 or n == count - 2
        ctx.rows.append(Row(ctx.pitch, [ctx.text(x, line.text, source, spacing=spacing,
                                                 joins_next=line.joins_next)],
                            p.space_before if n == 0 else 0.0, keep_with_next=keep))
    ctx.rows[-1].keep_with_next = False


def _mark_keep_tail(rows: list[Row], lines: int) -> None:
    """The signature must not stand alone: tie the last ``lines`` rows to what follows."""
    for row in rows[-lines:]:
        row.keep_with_next = True


def _signature(ctx: _Ctx, block: Signature, centre: float) -> None:
    p = ctx.profile
    gap = p.signature_gap_lines(block.e_saraban)
    if gap:
        ctx.rows.append(Row(ctx.pitch * gap, [], keep_with_next=True))
    lines = [(block.name_line, ("signer.name", None))] + [
        (pos, ("signer.position", i)) for i, pos in enumerate(block.positions)]
    for n, (text, source) in enumerate(lines):
        w = ctx.width(text)
        x = min(max(centre - w / 2, p.text_left), p.text_right - w)
        ctx.rows.append(Row(ctx.pitch, [ctx.text(x, text, source)],
                            keep_with_next=n < len(lines) - 1))


def _issued_on(ctx: _Ctx, block: IssuedOn) -> None:
    """``สั่ง ณ วันที่ …`` at the date's x after a blank line, kept with the last body lines
    and the signature as a คำลงท้าย is."""
    p = ctx.profile
    source: Source = ("date.month", None)
    if block.day is None:  # room for the day: ``สั่ง ณ วันที่ ␣␣␣ มกราคม พ.ศ. ๒๕๖๙``
        month_x = p.date_x + ctx.width(block.prefix + " ") + p.blank_day_width
        items = [ctx.text(p.date_x, block.prefix, source),
                 ctx.text(month_x, block.month_year, source)]
    else:
        items = [ctx.text(p.date_x, block.text, source)]
    ctx.rows.append(Row(ctx.pitch, items, p.issued_space_before, keep_with_next=True))


def _stamp_area(ctx: _Ctx, block: StampArea, centre: float) -> None:
    """The seal of a stamped letter: the agency's name centred where a signature would be,
    the room for the red ตราชื่อส่วนราชการ (its diameter from the name's line down, the note
    in red in the middle of it), then the date centred under it; kept with the last body
    lines."""
    p = ctx.profile

    def centred(text: str, source: Source, **kw) -> TextLine:
        return ctx.centred(text, source, centre, **kw)

    if p.stamp_lines_before:
        ctx.rows.append(Row(ctx.pitch * p.stamp_lines_before, [], keep_with_next=True))
    ctx.rows.append(Row(ctx.pitch, [centred(block.agency, ("agency.name", None))],
                        keep_with_next=True))
    room = max(p.stamp_diameter - ctx.pitch, ctx.pitch)
    note_top = p.stamp_diameter / 2 - ctx.pitch * 1.5  # the note's line box, mid-circle
    ctx.rows.append(Row(room, [centred(block.note, ("agency.name", None), color=p.mark_color,
                                       y=note_top + ctx.baseline())], keep_with_next=True))
    source: Source = ("date.month", None)
    date = block.date
    if date.day is None:  # room for the day before the month
        w = p.blank_day_width + ctx.width(date.month_year)
        line = ctx.text(centre - w / 2 + p.blank_day_width, date.month_year, source)
    else:
        line = centred(date.text, source)
    ctx.rows.append(Row(ctx.pitch, [line]))


def _contacts(ctx: _Ctx, block: ContactBlock, composition: Composition) -> None:
    """ส่วนราชการเจ้าของเรื่อง and โทร. … at the left under the signature (or seal), tied to
    it: a page holding nothing but these lines tells the reader nothing."""
    p = ctx.profile
    if ctx.rows:
        ctx.rows[-1].keep_with_next = True
    ctx.rows.append(Row(ctx.pitch, [], keep_with_next=True))  # one blank line after the name
    for n, line in enumerate(block.lines):
        width = p.text_width
        source = block.fields[n] if n < len(block.fields) else ("contact", n)
        for broken in break_lines(line, ctx.fonts.regular, ctx.size, width, width, ctx.breaker):
            ctx.rows.append(Row(ctx.pitch, [ctx.text(p.text_left, broken.text, source,
                                                     joins_next=broken.joins_next)],
                                keep_with_next=True))
    ctx.rows[-1].keep_with_next = False


def _copies_to(ctx: _Ctx, block: CopiesTo) -> None:
    p = ctx.profile
    label = block.label + p.label_gap
    x = p.text_left + ctx.width(label)
    for n, line in enumerate(block.lines):
        width = p.text_right - x
        for k, broken in enumerate(break_lines(line, ctx.fonts.regular, ctx.size, width,
                                               width, ctx.breaker)):
            items: list[Item] = []
            if n == 0 and k == 0:
                items.append(ctx.text(p.text_left, block.label, ("copies_to", None)))
            items.append(ctx.text(x, broken.text, ("copies_to", n),
                                  joins_next=broken.joins_next))
            ctx.rows.append(Row(ctx.pitch, items, p.space_before if n == k == 0 else 0.0,
                                keep_with_next=True))
    ctx.rows[-1].keep_with_next = False


# --- pagination ----------------------------------------------------------------------

def _paginate(ctx: _Ctx, first_items: list[Item], cursor: float,
              reserve: float = 0.0) -> list[Page]:
    """Place the rows on pages. ``reserve`` (cm) is kept free at the foot of every page but
    the last, for the continuation word: a row may use it only when every row left fits on
    the page, which makes that page the last."""
    p = ctx.profile
    pages = [Page(1, list(first_items))]
    page_rows: list[tuple[Row, float]] = []  # rows placed on the current page, with their top
    y = cursor
    i = 0
    rows = ctx.rows
    while i < len(rows):
        row = rows[i]
        at_top = not page_rows and len(pages) > 1
        top = y + (0.0 if at_top else row.space_before)
        limit = p.bottom_limit - reserve
        if reserve and top + row.height > limit + 1e-9 and \
                _rest_fits(rows, i, y, p.bottom_limit, at_top):
            limit = p.bottom_limit
        if top + row.height <= limit + 1e-9 or at_top:
            page_rows.append((row, top))
            y = top + row.height
            i += 1
            continue
        # overflow: break before the first row of the keep chain that ends at row i
        back = len(page_rows)
        while back > 0 and page_rows[back - 1][0].keep_with_next:
            back -= 1
        if back == 0:  # the whole page is one chain: break here after all
            back = len(page_rows)
        moved = len(page_rows) - back
        _commit(pages[-1], page_rows[:back])
        pages.append(Page(len(pages) + 1))
        page_rows = []
        y = p.margin_top_continuation
        i -= moved
    _commit(pages[-1], page_rows)
    return pages


def _rest_fits(rows: list[Row], start: int, y: float, limit: float, at_top: bool) -> bool:
    """Do rows ``start`` … end all fit between ``y`` and ``limit``?"""
    for n, row in enumerate(rows[start:]):
        y += (0.0 if at_top and n == 0 else row.space_before) + row.height
        if y > limit + 1e-9:
            return False
    return True


def _commit(page: Page, placed: list[tuple[Row, float]]) -> None:
    for row, top in placed:
        page.items.extend(_shift(item, top) for item in row.items)


# --- after the flow --------------------------------------------------------------------

def _content_bottom(page: Page) -> float:
    return max((item_bounds(item)[3] for item in page.items), default=0.0)


def _place_qr(ctx: _Ctx, pages: list[Page], block: QRBlock) -> None:
    """Caption, code and URL in a column at the right of the last page's lower part, beside
    the contact block when they clear each other, otherwise below everything."""
    p = ctx.profile
    small = p.font_size_pt - 2
    caption_w = ctx.width(block.caption, size=small)
    url_w = ctx.width(block.url, size=small)
    column_w = max(p.qr_size, caption_w, url_w)
    centre = p.text_right - column_w / 2
    left = centre - column_w / 2
    pitch_small = ctx.pitch * small / p.font_size_pt
    height = pitch_small + p.qr_size + 0.15 + pitch_small
    page = pages[-1]
    contact_lines = [it for it in page.items if isinstance(it, TextLine)
                     and it.source and it.source[0].startswith(CONTACT_PARTS)]
    if contact_lines and max(it.x + it.width_cm for it in contact_lines) + \
            QR_CLEARANCE_CM <= left:
        top = min(it.y - ctx.baseline() for it in contact_lines)
        others = [it for it in page.items if isinstance(it, TextLine)
                  and it not in contact_lines and it.y - ctx.baseline() + ctx.pitch > top]
        if any(it.x + it.width_cm > left for it in others):
            top = _content_bottom(page) + 0.2
    else:
        top = _content_bottom(page) + 0.2
    if top + height > p.bottom_limit:
        page = Page(len(pages) + 1)
        pages.append(page)
        top = p.margin_top_continuation
    src: Source = ("qr.url", None)
    page.items.append(ctx.centred(block.caption, ("qr.caption", None), centre, size=small,
                                  y=top + ctx.baseline(small)))
    code_top = top + pitch_small
    page.items.append(QRBox(centre - p.qr_size / 2, code_top, p.qr_size,
                            qr_modules(block.url), src))
    url_top = code_top + p.qr_size + 0.15
    page.items.append(ctx.centred(block.url, src, centre, size=small,
                                  y=url_top + ctx.baseline(small)))


@dataclass
class _Grid:
    """The initials grid measured: where its columns go and how tall it is."""

    block: InitialsGrid
    size: float
    pitch: float
    left: float
    line_x: float
    names: list[list]
    height: float


def _measure_initials(ctx: _Ctx, block: InitialsGrid) -> _Grid:
    """Each row a role and a dotted line (or the initials) ending at the right margin. The
    name column is as wide as the longest name, at least ``initials_line_width``, and never
    wider than the text area leaves it: a longer name wraps within it rather than run off."""
    p = ctx.profile
    size = p.font_size_pt - 2
    pitch = ctx.pitch * size / p.font_size_pt
    face = ctx.fonts.regular
    role_w = max(ctx.width(role, size=size) for role, _ in block.rows)
    room = max(p.text_width - role_w - p.initials_gap, p.initials_line_width)
    widest = max((ctx.width(name, size=size) for _, name in block.rows), default=0.0)
    name_w = min(max(p.initials_line_width, widest), room)
    left = p.text_right - role_w - p.initials_gap - name_w
    names = [break_lines(name, face, size, name_w, name_w, ctx.breaker) if name else []
             for _, name in block.rows]
    height = pitch * sum(max(len(lines), 1) for lines in names)
    return _Grid(block, size, pitch, left, left + role_w + p.initials_gap, names, height)


def _initials_top(ctx: _Ctx, page: Page, grid: _Grid) -> float | None:
    """Where the grid's top goes on ``page``: at the foot of the page when nothing is there
    on its right, else under what the page holds; None when it does not fit on the page."""
    p = ctx.profile
    top = p.bottom_limit - grid.height
    if not any(item_bounds(it)[3] > top and item_bounds(it)[2] > grid.left
               for it in page.items):
        return top
    top = _content_bottom(page) + 0.2
    return top if top + grid.height <= p.bottom_limit + 1e-9 else None


def _initials_room(last: Page, grid: _Grid, flow_bottom: float) -> float:
    """How much the flow must leave free at the end of the letter for the grid (and for
    what was placed under the flow before it, a QR code) to fit on the letter's last page."""
    below = max(_content_bottom(last) - flow_bottom, 0.0)
    return below + 0.2 + grid.height


def _place_initials(ctx: _Ctx, pages: list[Page], grid: _Grid) -> None:
    """The file copy's initials grid at the bottom right of the last letter page (the caller
    made room for it there: a grid alone on a page of its own would leave the file copy's
    last page without a line of the letter)."""
    p = ctx.profile
    page = pages[-1]
    top = _initials_top(ctx, page, grid)
    if top is None:  # taller than a whole page: it goes where it can
        page = Page(len(pages) + 1)
        pages.append(page)
        top = p.margin_top_continuation
    y = top
    for n, ((role, _name), lines) in enumerate(zip(grid.block.rows, grid.names, strict=True)):
        baseline = y + ctx.baseline(grid.size)
        src: Source = ("initials", n)
        page.items.append(ctx.text(grid.left, role, src, size=grid.size, y=baseline))
        if lines:
            for k, line in enumerate(lines):
                page.items.append(ctx.text(grid.line_x, line.text, src, size=grid.size,
                                           y=baseline + k * grid.pitch))
        else:
            page.items.append(Rule(grid.line_x, baseline + 0.05, p.text_right,
                                   baseline + 0.05, width_pt=0.8, dotted=True))
        y += grid.pitch * max(len(lines), 1)


def _recipients_pages(ctx: _Ctx, block: RecipientsList, before: int) -> list[Page]:
    p = ctx.profile
    pages: list[Page] = []
    page = Page(before + 1)
    pages.append(page)
    y = p.margin_top_continuation
    page.items.append(ctx.centred(block.title, ("recipients.title", None), bold=True,
                                  y=y + ctx.baseline()))
    y += ctx.pitch + p.space_before
    for n, name in enumerate(block.names):
        lines = break_lines(name, ctx.fonts.regular, ctx.size, p.text_width, p.text_width,
                            ctx.breaker)
        if y + ctx.pitch * len(lines) > p.bottom_limit:
            page = Page(before + len(pages) + 1)
            pages.append(page)
            y = p.margin_top_continuation
        for line in lines:
            page.items.append(ctx.text(p.text_left + 1.0, line.text, ("recipients.names", n),
                                       y=y + ctx.baseline(), joins_next=line.joins_next))
            y += ctx.pitch
    return pages


def continuation_text(first_line: str, breaker: WordBreaker) -> str:
    """``/ word…`` for a page whose next page starts with ``first_line``: its first word,
    with a leading item number (``๒.``, ``(๓)``) kept with the word after it."""
    word = ""
    for segment in breaker.segments(first_line.strip()):
        word += segment
        if any(ch.isalpha() for ch in segment):
            break
    return f"/ {word.strip()}…"


# Parts the continuation word never names: a reader turns the page for the letter's next
# words, not for the file copy's initials grid or the QR code's caption.
_NOT_CONTINUED = frozenset({"initials", "qr.caption", "qr.url", "page_number", "secrecy"})


def _continuation_words(ctx: _Ctx, pages: list[Page]) -> None:
    """On the last line of the text area of every page but the last, flush right, the first
    word of the next page, as offices type it so a reader knows the letter goes on (and a
    lost page shows). Pagination kept that line free; when what is placed after the flow
    (a QR code, the initials grid) spilled onto a new page and took it, the word is left
    out rather than printed over them."""
    p = ctx.profile
    line_top = p.bottom_limit - p.continuation_lines * ctx.pitch
    for page, following in zip(pages, pages[1:], strict=False):
        lines = [it for it in following.items if isinstance(it, TextLine) and it.text.strip()
                 and (it.source or ("",))[0] not in _NOT_CONTINUED]
        if not lines:
            continue
        first = min(lines, key=lambda it: (round(it.y, 3), it.x))
        text = continuation_text(first.text, ctx.breaker)
        w = ctx.width(text)
        x = p.text_right - w
        if any(item_bounds(it)[3] > line_top + 1e-6 and item_bounds(it)[2] > x
               for it in page.items):
            continue
        page.items.append(ctx.text(x, text, ("continuation", None),
                                   y=line_top + ctx.baseline()))


def _page_marks(ctx: _Ctx, page: Page, composition: Composition) -> None:
    """Page numbers from page two (``- ๒ -``), and the secrecy mark top and bottom."""
    p = ctx.profile
    if page.number > 1:
        text = apply_digits(f"- {page.number} -", composition.digits)
        page.items.append(ctx.centred(text, ("page_number", None),
                                      y=p.page_number_top + 0.45))
    if composition.secrecy:
        for y in (1.05, p.page_height - 0.75):
            page.items.append(ctx.centred(composition.secrecy, ("secrecy", None),
                                          p.page_width / 2, bold=True,
                                          size=p.secrecy_size_pt, color=p.mark_color, y=y))


__all__ = ["typeset", "Row", "PT_PER_CM"]
