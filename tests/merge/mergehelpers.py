"""Helpers of the merge tests: the 76 provinces, a two-page circular to every governor
with its own amount, and the same table written as CSV (UTF-8, UTF-8 with BOM, cp874) and
XLSX, as clerks' spreadsheets produce them."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

from docx import Document

from dla_drafter.text.digits import to_thai_digits

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
PROVINCES = (DATA / "provinces.txt").read_text(encoding="utf-8").split()
COLUMNS = ["ลำดับ", "จังหวัด", "งบประมาณ"]


def amount(i: int) -> str:
    """A different amount per row, with a thousands separator as Excel shows it."""
    return f"{(i + 1) * 12_500:,}"


def province_rows() -> list[list[str]]:
    return [[str(i + 1), name, amount(i)] for i, name in enumerate(PROVINCES)]


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", bom: bool = False,
              header: list[str] | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # as Excel writes it
    writer.writerow(header or COLUMNS)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def write_xlsx(path: Path, rows: list[list], header: list[str] | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header or COLUMNS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def template_dict() -> dict:
    """The EEF circular (two pages) addressed to «จังหวัด»'s governor with «งบประมาณ»."""
    example = ROOT / "examples" / "circular-2565-eef.dladraft.json"
    data = copy.deepcopy(json.loads(example.read_text(encoding="utf-8")))
    data["recipients"] = {}
    data["addressee"] = "ผู้ว่าราชการจังหวัด«จังหวัด»"
    data["body"][1] += " จังหวัด«จังหวัด»ได้รับการจัดสรรงบประมาณ «งบประมาณ» บาท"
    return data


def expected_texts(province: str, value: str) -> list[str]:
    """What a reader must find in that row's letter (digits print as Thai digits)."""
    return [f"ผู้ว่าราชการจังหวัด{province}",
            f"จังหวัด{province}ได้รับการจัดสรรงบประมาณ{to_thai_digits(value)}บาท"]


def squeeze(text: str) -> str:
    return "".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    """The text a reader copies from each page (PDFium, as Chrome reads it; ten times faster
    than pypdf on these files, which matters over 76 letters)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def pdf_text(path: Path) -> str:
    return squeeze("".join(pdf_pages(path)))


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return squeeze("".join(parts))
