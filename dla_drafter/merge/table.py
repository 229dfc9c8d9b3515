"""The data of a merge: a table whose header row names the columns, from CSV or XLSX.

CSV files come from everywhere: UTF-8 with or without the BOM Excel adds ("CSV UTF-8"), and
TIS-620 / Windows-874 from older Thai Excel ("CSV (Comma delimited)"). Without an explicit
``encoding`` the file is read as UTF-8 and, when that fails, as cp874 (a superset of TIS-620):
Thai text in cp874 is never valid UTF-8, so the guess cannot silently produce wrong letters.
XLSX files are read with openpyxl in read-only mode, first sheet only.

Row numbers are the file's own, counting the header as row 1, so ``แถวที่ ๕`` is row 5 in
Excel. Rows whose cells are all blank are skipped. Cell values are stripped of surrounding
spaces; numbers from XLSX are written as Excel shows them in the common cases (``1500``,
``1,500.50`` with a ``#,##0`` format), dates as ``d/m/yyyy`` with the year as stored.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import DrafterError, Problem
from ..text.digits import to_thai_digits

ENCODINGS = ("utf-8", "utf-8-sig", "cp874", "tis-620")
MAX_ROWS = 100_000
_BOM = b"\xef\xbb\xbf"


class TableError(DrafterError, ValueError):
    """The data file cannot be used: one problem, with the file, row and column at fault
    named in front of it when known (``path``, ``row``, ``column``)."""

    def __init__(self, message_th: str, message_en: str, row: int | None = None,
                 column: str | None = None, path: Path | None = None) -> None:
        self.row = row
        self.column = column
        super().__init__(Problem(None, "merge-table", "error", message_th, message_en), path)

    def message(self, lang: str = "th", *, path: bool = False) -> str:
        th = lang == "th"
        where = []
        if self.path is not None:
            where.append(f"{'ไฟล์' if th else 'file'} {self.path}")
        if self.row is not None:
            where.append(f"แถวที่ {to_thai_digits(self.row)}" if th else f"row {self.row}")
        if self.column is not None:
            where.append(f'{"คอลัมน์" if th else "column"} "{self.column}"')
        text = self.problems[0].text(lang)
        return f"{' '.join(where)}: {text}" if where else text

    def describe(self, lang: str | None = None) -> str:
        if lang is None:
            return f"{self.describe('th')}\n{self.describe('en')}"
        return self.message(lang)


@dataclass(frozen=True)
class Row:
    """One data row: its row number in the file and its values by column name."""

    number: int
    values: dict[str, str]


@dataclass
class Table:
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    encoding: str | None = None  # what a CSV was read as (None for XLSX)

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: str | os.PathLike[str], encoding: str | None = None) -> Table:
    """The table in ``path`` (``.csv`` or ``.xlsx``); raises :class:`TableError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path, encoding)
    if suffix == ".xls":
        raise TableError("ไฟล์ .xls รุ่นเก่าใช้ไม่ได้ ให้บันทึกเป็น .xlsx หรือ .csv ใน Excel ก่อน",
                         "old .xls files cannot be read; save as .xlsx or .csv in Excel first",
                         path=path)
    raise TableError("ไม่รู้จักชนิดไฟล์ข้อมูล ใช้ .csv หรือ .xlsx",
                     "unknown data file type; use .csv or .xlsx", path=path)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TableError("ไม่พบไฟล์", "file not found", path=path) from None
    except IsADirectoryError:
        raise TableError("เป็นโฟลเดอร์ ไม่ใช่ไฟล์", "is a folder, not a file", path=path) from None
    except OSError as exc:
        raise TableError(f"เปิดไฟล์ไม่ได้ ({exc.strerror or exc})",
                         f"cannot open the file ({exc.strerror or exc})", path=path) from None


def decode_csv(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). ``encoding`` None: UTF-8 (BOM or not), else cp874."""
    if encoding is not None:
        name = encoding.lower().replace("_", "-")
        if name in ("tis620", "tis-620", "windows-874", "cp874"):
            name = "cp874"
        elif name in ("utf8", "utf-8", "utf-8-sig"):
            name = "utf-8-sig"
        try:
            return data.decode(name), name
        except LookupError:
            raise TableError(f"ไม่รู้จักรหัสอักษร {encoding} (ใช้ utf-8 หรือ cp874)",
                             f"unknown encoding {encoding} (use utf-8 or cp874)") from None
        except UnicodeDecodeError as exc:
            raise _decode_error(data, exc, name) from None
    if data.startswith(_BOM):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _decode_error(data, exc, "utf-8") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874"), "cp874"
    except UnicodeDecodeError as exc:
        raise _decode_error(data, exc, "utf-8 / cp874") from None


def _decode_error(data: bytes, exc: UnicodeDecodeError, name: str) -> TableError:
    line = data.count(b"\n", 0, exc.start) + 1
    return TableError(
        f"อ่านตัวอักษรไม่ได้ที่บรรทัด {to_thai_digits(line)} ไฟล์ไม่ใช่รหัส {name} "
        "ให้บันทึกจาก Excel เป็น CSV UTF-8",
        f"undecodable byte on line {line}: the file is not {name}; save it from Excel as "
        "CSV UTF-8",
    )


def _delimiter(text: str) -> str:
    """Comma, semicolon (European Excel) or TAB, whichever the header line has most of."""
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count) if first else ","


def read_csv(path: str | os.PathLike[str], encoding: str | None = None) -> Table:
    path = Path(path)
    try:
        text, used = decode_csv(_read_bytes(path), encoding)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        try:
            records = list(_numbered(reader))
        except csv.Error as exc:
            raise TableError(f"รูปแบบ CSV ผิด ({exc})", f"malformed CSV ({exc})",
                             row=reader.line_num) from None
        table = _build(records)
    except TableError as exc:
        exc.path = Path(path)
        raise
    table.encoding = used
    return table


def _numbered(reader) -> Iterator[tuple[int, list[str]]]:
    """Records numbered as Excel numbers rows (a quoted cell with line breaks is one row)."""
    for count, row in enumerate(reader, start=1):
        if count > MAX_ROWS + 1:
            raise TableError(f"มีข้อมูลเกิน {MAX_ROWS:,} แถว", f"more than {MAX_ROWS:,} rows")
        yield count, row


def read_xlsx(path: str | os.PathLike[str]) -> Table:
    path = Path(path)
    import zipfile

    from openpyxl import load_workbook

    data = _read_bytes(path)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError(f"ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ ({exc})",
                         f"not a readable Excel (.xlsx) file ({exc})", path=path) from None
    try:
        sheet = book.worksheets[0]
        records = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            if number > MAX_ROWS + 1:
                raise TableError(f"มีข้อมูลเกิน {MAX_ROWS:,} แถว", f"more than {MAX_ROWS:,} rows")
            records.append((number, [_cell_text(c) for c in cells]))
        return _build(records)
    except TableError as exc:
        exc.path = Path(path)
        raise
    finally:
        book.close()


def _cell_text(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value.day}/{value.month}/{value.year}"
    if isinstance(value, int | float):
        fmt = getattr(cell, "number_format", "") or ""
        percent = "%" if "%" in fmt else ""
        if percent:
            value = value * 100
        group = "," if "#,##" in fmt else ""
        if "." in fmt:
            places = fmt.split(".", 1)[1].count("0")
            return f"{value:{group}.{places}f}{percent}"
        if float(value).is_integer() or fmt.rstrip("%").endswith("0"):
            return f"{round(value):{group}}{percent}"
        return f"{float(value):{group}.10g}{percent}"  # General: no binary noise (0.1+0.2)
    return str(value)


def _build(records: list[tuple[int, list[str]]]) -> Table:
    """Header from the first non-blank record, then the data rows (blank ones skipped)."""
    records = [(n, [c.strip() for c in cells]) for n, cells in records]
    rows_iter = iter([(n, cells) for n, cells in records if any(cells)])
    try:
        header_number, header = next(rows_iter)
    except StopIteration:
        raise TableError("ไม่มีข้อมูล (ต้องมีแถวหัวตารางที่บอกชื่อคอลัมน์)",
                         "no data (the first row must name the columns)") from None
    while header and not header[-1]:
        header.pop()
    columns: list[str] = []
    for i, name in enumerate(header):
        letter = _column_letter(i)
        if not name:
            raise TableError(f"หัวตารางคอลัมน์ {letter} ว่าง ต้องมีชื่อคอลัมน์",
                             f"the header of column {letter} is empty", row=header_number)
        if name in columns:
            raise TableError("ชื่อคอลัมน์ซ้ำกัน", "the column name appears twice",
                             row=header_number, column=name)
        columns.append(name)
    rows: list[Row] = []
    for number, cells in rows_iter:
        extra = [c for c in cells[len(columns):] if c]
        if extra:
            raise TableError(
                f"มีข้อมูลเกินจำนวนคอลัมน์ของหัวตาราง ({len(columns)} คอลัมน์): \"{extra[0]}\"",
                f"has more cells than the header's {len(columns)} columns: \"{extra[0]}\"",
                row=number)
        padded = cells[:len(columns)] + [""] * (len(columns) - len(cells))
        rows.append(Row(number, dict(zip(columns, padded, strict=True))))
    return Table(columns, rows)


def _column_letter(index: int) -> str:
    """Excel's column letters: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
