"""The register on paper and in spreadsheets.

* :func:`write_pdf` — the ทะเบียนหนังสือส่ง table of the ระเบียบงานสารบรรณ (columns
  เลขทะเบียนส่ง, ที่, ลงวันที่, จาก, ถึง, เรื่อง, หมายเหตุ) on landscape A4, Thai digits, laid out
  with the project's own shaping and line breaking and written by its own PDF writer (font
  embedded, text copies and searches as Thai). The header row repeats on every page.
* :func:`write_csv` — UTF-8 with a byte-order mark, which is what makes Excel read Thai.
* :func:`write_xlsx` — via openpyxl, with a real date column.

Both write every text cell through :mod:`dla_drafter.tables`: a subject that begins like a
formula (``=HYPERLINK(…)``) stays text in Excel and LibreOffice.

Files are written atomically: a failure leaves no half-written file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write_bytes
from ..tables import csv_row, xlsx_row
from ..text.digits import apply_digits
from ..text.thaidate import THAI_MONTHS, THAI_MONTHS_ABBR
from .store import Entry

TITLE = "ทะเบียนหนังสือส่ง"
# The regulation's columns, in its order.
COLUMNS = ("เลขทะเบียนส่ง", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "หมายเหตุ")
# What a spreadsheet gets besides them (so nothing the register holds is lost).
EXTRA_COLUMNS = ("สถานะ", "ปี พ.ศ.", "หนังสือเวียน", "วันที่ (ค.ศ.)", "ผู้ลงนาม", "ผู้ออกเลข",
                 "ไฟล์ร่าง", "SHA-256 ของ PDF", "เหตุผลที่ยกเลิก")
STATUS_NAMES = {"issued": "ออกเลขแล้ว", "reserved": "จองเลข", "cancelled": "ยกเลิก"}


def remark(entry: Entry) -> str:
    """หมายเหตุ: how it was sent, and a reserved or cancelled number said plainly."""
    parts = []
    if entry.status == "cancelled":
        parts.append(f"ยกเลิก: {entry.cancel_reason}" if entry.cancel_reason else "ยกเลิก")
    elif entry.status == "reserved":
        parts.append("จองเลข")
    if entry.notes:
        parts.append(entry.notes)
    return " ".join(parts)


def thai_date(entry: Entry, *, short: bool = False) -> str:
    months = THAI_MONTHS_ABBR if short else THAI_MONTHS
    return f"{entry.date.day} {months[entry.date.month - 1]} {entry.year}"


def row(entry: Entry, *, short_date: bool = False) -> list[str]:
    """The regulation's seven cells of an entry (digits as stored: Arabic)."""
    sender = " ".join(p for p in (entry.from_unit,) if p)
    return [str(entry.serial), entry.number, thai_date(entry, short=short_date), sender,
            entry.addressee, entry.subject, remark(entry)]


def _extra(entry: Entry) -> list[str]:
    return [STATUS_NAMES[entry.status], str(entry.year), "ว" if entry.circular else "",
            entry.date.isoformat(), entry.signer, entry.clerk, entry.draft_path,
            entry.pdf_sha256, entry.cancel_reason]


def csv_bytes(entries: Sequence[Entry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_row([*COLUMNS, *EXTRA_COLUMNS]))
    for entry in entries:
        writer.writerow(csv_row([*row(entry), *_extra(entry)]))
    return out.getvalue().encode("utf-8-sig")


def write_csv(entries: Sequence[Entry], path: str | Path) -> None:
    atomic_write_bytes(Path(path), csv_bytes(entries))


def write_xlsx(entries: Sequence[Entry], path: str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = TITLE
    xlsx_row(sheet, [*COLUMNS, *EXTRA_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    date_col = len(COLUMNS) + EXTRA_COLUMNS.index("วันที่ (ค.ศ.)")
    for entry in entries:
        cells: list[object] = [*row(entry), *_extra(entry)]
        cells[0] = entry.serial
        cells[len(COLUMNS) + 1] = entry.year
        cells[date_col] = entry.date
        at = xlsx_row(sheet, cells)
        sheet.cell(at, date_col + 1).number_format = "yyyy-mm-dd"
    widths = (12, 20, 18, 28, 32, 48, 24, 12, 8, 4, 12, 28, 16, 40, 66, 30)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    atomic_write_bytes(Path(path), out.getvalue())


# --- the printed register -------------------------------------------------------------------

PAGE_W, PAGE_H = 29.7, 21.0  # landscape A4, cm
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 2.0, 1.5, 1.5, 1.5
# Column widths in cm, in COLUMNS order; they fill the 26.2 cm between the margins.
COLUMN_CM = (2.4, 3.6, 2.8, 4.2, 4.6, 6.0, 2.6)
SIZE_PT = 14.0
TITLE_PT = 20.0
PITCH_CM = 0.70  # TH Sarabun 14 pt with a little air: about Word's single spacing
BASELINE_CM = 0.50  # from the top of a line's slot to its baseline (room for upper marks)
PAD_CM = 0.12
RULE_PT = 0.5


@dataclass
class _Row:
    cells: list[list[str]]  # the lines of each cell
    bold: bool = False
    centred: bool = False

    @property
    def lines(self) -> int:
        return max(len(c) for c in self.cells)

    def split(self, count: int) -> tuple[_Row, _Row]:
        return (_Row([c[:count] for c in self.cells], self.bold, self.centred),
                _Row([c[count:] for c in self.cells], self.bold, self.centred))


def _wrap(text: str, face, width: float) -> list[str]:
    from ..typeset.lines import break_lines

    return [line.text for line in break_lines(text, face, SIZE_PT, width, width)] or [""]


def register_pages(entries: Sequence[Entry], fonts, *, heading: str = ""):
    """The table as :class:`~dla_drafter.typeset.pages.Pages` (cm, landscape A4)."""
    from ..typeset.pages import Page, Pages, Rule, TextLine

    inner = [w - 2 * PAD_CM for w in COLUMN_CM]
    head = _Row([_wrap(name, fonts.bold, w) for name, w in zip(COLUMNS, inner, strict=True)],
                bold=True, centred=True)
    body = [_Row([_wrap(apply_digits(text, "thai"), fonts.regular, w)
                  for text, w in zip(row(e, short_date=True), inner, strict=True)])
            for e in entries]
    title_base = MARGIN_TOP + 0.75
    table_top = title_base + 0.55
    bottom = PAGE_H - MARGIN_BOTTOM
    right = PAGE_W - MARGIN_RIGHT
    edges = [MARGIN_LEFT]
    for w in COLUMN_CM:
        edges.append(edges[-1] + w)

    def height(r: _Row) -> float:
        return r.lines * PITCH_CM + 2 * PAD_CM

    pages: list[Page] = []
    page_rows: list[list[_Row]] = []
    current: list[_Row] = [head]
    y = table_top + height(head)
    queue = list(body)
    while queue:
        r = queue.pop(0)
        if y + height(r) <= bottom + 1e-9:
            current.append(r)
            y += height(r)
            continue
        room = int((bottom - y - 2 * PAD_CM + 1e-9) // PITCH_CM)
        if len(current) == 1 and room < 1:  # a header alone cannot take a line: impossible page
            room = 1
        if len(current) == 1 or room >= 2 and r.lines - room >= 2:
            # A row taller than a page (or one that splits with two lines each side) continues.
            first, rest = r.split(room)
            current.append(first)
            queue.insert(0, rest)
        else:
            queue.insert(0, r)
        page_rows.append(current)
        current = [head]
        y = table_top + height(head)
    page_rows.append(current)

    total = len(page_rows)
    regular, bold = fonts.regular, fonts.bold
    for number, rows in enumerate(page_rows, start=1):
        items: list = []
        title_w = bold.width_cm(TITLE, TITLE_PT)
        items.append(TextLine((PAGE_W - title_w) / 2, title_base, TITLE, TITLE_PT, True,
                              width_cm=title_w))
        if heading:
            text = apply_digits(heading, "thai")
            items.append(TextLine(MARGIN_LEFT, title_base, text, SIZE_PT,
                                  width_cm=regular.width_cm(text, SIZE_PT)))
        page_text = apply_digits(f"หน้า {number}/{total}", "thai")
        page_w = regular.width_cm(page_text, SIZE_PT)
        items.append(TextLine(right - page_w, title_base, page_text, SIZE_PT, width_cm=page_w))
        top = table_top
        items.append(Rule(MARGIN_LEFT, top, right, top, RULE_PT))
        for r in rows:
            face = bold if r.bold else regular
            for col, lines in enumerate(r.cells):
                for i, text in enumerate(lines):
                    if not text:
                        continue
                    w = face.width_cm(text, SIZE_PT)
                    centred = r.centred or col == 0  # the serial sits in the middle
                    x = (edges[col] + (COLUMN_CM[col] - w) / 2 if centred
                         else edges[col] + PAD_CM)
                    base = top + PAD_CM + i * PITCH_CM + BASELINE_CM
                    items.append(TextLine(x, base, text, SIZE_PT, r.bold, width_cm=w))
            top += height(r)
            items.append(Rule(MARGIN_LEFT, top, right, top, RULE_PT))
        for x in edges:
            items.append(Rule(x, table_top, x, top, RULE_PT))
        pages.append(Page(number, items, PAGE_W, PAGE_H))
    return Pages(pages, fonts.family)


def register_pdf(entries: Sequence[Entry], *, heading: str = "", settings=None) -> bytes:
    """The printed register (ทะเบียนหนังสือส่ง) as PDF bytes."""
    from ..render.pdf import render_pdf
    from ..settings import RenderSettings
    from ..typeset.fonts import fonts_for

    settings = settings or RenderSettings()
    fonts = fonts_for(settings)
    return render_pdf(register_pages(entries, fonts, heading=heading), fonts, settings, TITLE)


def write_pdf(entries: Sequence[Entry], path: str | Path, *, heading: str = "",
              settings=None) -> None:
    atomic_write_bytes(Path(path), register_pdf(entries, heading=heading, settings=settings))


def write(entries: Sequence[Entry], path: str | Path, *, heading: str = "") -> str:
    """Write by the file's extension; returns the kind written (``"csv" "xlsx" "pdf"``) or
    raises ValueError for an unknown one."""
    kind = Path(path).suffix.lower().lstrip(".")
    if kind == "csv":
        write_csv(entries, path)
    elif kind == "xlsx":
        write_xlsx(entries, path)
    elif kind == "pdf":
        write_pdf(entries, path, heading=heading)
    else:
        raise ValueError(kind)
    return kind
