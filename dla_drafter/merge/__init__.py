"""Batch letters (mail merge): one letter per row of a table, from a draft with ``«column»``
fields. No Qt here; the command line (``cli/merge.py``) and the desktop dialog are thin
callers of this API.

The syntax of fields is in ``docs/merge-fields.md`` and :mod:`.fields`; nothing is ever
evaluated, a value is inserted as it is.

Use from a program (e.g. a dialog running this in a worker thread)::

    from dla_drafter.merge import MergeError, TableError, columns_used, merge, read_table

    table = read_table("จังหวัด.xlsx")           # or .csv; encoding="cp874" to force
    table.columns                                # header names, for "แทรกช่องข้อมูล"
    field_for("จังหวัด")                          # "«จังหวัด»", the text to insert
    escape("«ตัวอย่าง»")                          # literal guillemets in a merged draft
    columns_used(letter)                         # the columns the draft needs
    summary = merge(
        letter, table, "ออก/",                    # one file per row in this folder
        formats=("pdf", "docx"),
        name_pattern="«จังหวัด»",                 # or "หนังสือ-{n}" (the default)
        combined="รวมเล่ม.pdf",                   # optional: every letter in one PDF
        progress=lambda done, total, result: ..., # after each row, in the caller's thread
        cancel=stop_event.is_set,                 # polled between rows
    )
    summary.made, summary.rows                   # "สร้างหนังสือแล้ว ๗๕ ฉบับ จาก ๗๖ แถว"
    for problem in summary.failures:             # row, column, field, Thai and English
        print(problem.message("th"))

``read_table`` raises :class:`TableError` and ``merge`` raises :class:`MergeError` (a column
the table lacks, a malformed field, an error in the draft that no row can fix) before
anything is written; a failing *row* never raises: it is in ``summary.problems`` and the
other rows are made. ``progress`` receives a :class:`RowResult` (files written, problems of
that row). After ``cancel`` returns True no new row starts; rows already running finish,
their files are complete, the combined PDF is not written and ``summary.cancelled`` is set.

With ``register=store`` (an open :mod:`dla_drafter.register` store) every letter that can be
made gets the next number of the draft's series, in row order, printed with its date; the
numbers of rows that are not made in the end are cancelled with the reason, so the register
has no gap and no number without a letter (:mod:`.numbering`; ``summary.numbers``,
``summary.cancelled_numbers``). ``dla-drafter merge … --register`` (or ``--db URL``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .fields import (
    FieldError,
    FieldRef,
    columns_used,
    escape,
    field_for,
    letter_fields,
    merge_letter,
    substitute,
)

# .run (process pools, the register) and .table (CSV, XLSX) load on first use: the window
# imports this package for the field syntax at start-up, and they were ~0.1 s of its launch
_LAZY = {
    **dict.fromkeys(("DEFAULT_NAME_PATTERN", "FORMATS", "MergeError", "RowProblem",
                     "RowResult", "Summary", "file_stems", "merge", "safe_name"), "run"),
    **dict.fromkeys(("Row", "Table", "TableError", "read_csv", "read_table", "read_xlsx"),
                    "table"),
}

if TYPE_CHECKING:
    from .run import (
        DEFAULT_NAME_PATTERN,
        FORMATS,
        MergeError,
        RowProblem,
        RowResult,
        Summary,
        file_stems,
        merge,
        safe_name,
    )
    from .table import Row, Table, TableError, read_csv, read_table, read_xlsx


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_NAME_PATTERN",
    "FORMATS",
    "FieldError",
    "FieldRef",
    "MergeError",
    "Row",
    "RowProblem",
    "RowResult",
    "Summary",
    "Table",
    "TableError",
    "columns_used",
    "escape",
    "field_for",
    "file_stems",
    "letter_fields",
    "merge",
    "merge_letter",
    "read_csv",
    "read_table",
    "read_xlsx",
    "safe_name",
    "substitute",
]
