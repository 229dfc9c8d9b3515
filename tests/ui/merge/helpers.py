"""A clerk's table of provinces and amounts, as Excel writes a CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
PROVINCES = (DATA / "provinces.txt").read_text(encoding="utf-8").split()
COLUMNS = ["ลำดับ", "จังหวัด", "งบประมาณ"]
BLANK = 4  # the fifth province has no amount: its row (file row 6) must fail


def amount(i: int) -> str:
    return f"{(i + 1) * 12_500:,}"


def write_csv(path: Path, blank: int | None = None) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # as Excel writes it
    writer.writerow(COLUMNS)
    for i, name in enumerate(PROVINCES):
        writer.writerow([str(i + 1), name, "" if i == blank else amount(i)])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path
