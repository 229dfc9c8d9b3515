"""Which rows of a merge table would fail, found before anything is made (issue 13 item 13).

The merge dialog marks the bad rows of the table as soon as it is loaded, so a clerk fixes
the spreadsheet before pressing "สร้างหนังสือ" instead of reading a list of failures after.
The verdict must be the merge's own: each row goes through the same steps as
:func:`.run.make_row` up to, not including, the typesetting — a blank column the draft uses,
a value the field syntax refuses, a value ``check`` refuses (with the same culprit columns)
and, as warnings, characters the font cannot draw (the letter is still made, with a box
where each is). Nothing is typeset or written, so a whole table is checked in a moment.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.letter import Letter
from ..settings import RenderSettings
from .fields import FieldError
from .run import (
    DEFAULT_NAME_PATTERN,
    MergeError,
    RowProblem,
    _columns_of,
    _culprits,
    _Engine,
    _from_field_error,
    _from_problem,
    file_stems,
    prepare,
)
from .table import Row, Table

if TYPE_CHECKING:
    from ..review.integrity import Keyring


def check_rows(letter: Letter, table: Table, *, name_pattern: str | None = None,
               settings: RenderSettings | None = None, keyring: Keyring | None = None,
               ) -> dict[int, list[RowProblem]]:
    """The problems of every row that has any, by position in ``table.rows`` (rows without
    problems are absent). ``name_pattern`` as in :func:`.run.merge` (None: the default);
    pass "" when no PDF/DOCX files are made (only a combined PDF), so names do not matter.

    Raises :class:`.run.MergeError` when the merge cannot work for any row (what
    :func:`.run.prepare` finds: a column the table lacks, a malformed field, …).
    """
    refs = prepare(letter, table, keyring)
    settings = settings or RenderSettings()
    engine = _Engine(letter, refs, settings, (), Path("."), False, keyring)
    stems: list[str | None] = [""] * len(table.rows)
    if name_pattern != "":
        # a pattern the merge refuses is told by the merge itself, for every row
        with contextlib.suppress(MergeError):
            stems = file_stems(name_pattern or DEFAULT_NAME_PATTERN, table)
    found: dict[int, list[RowProblem]] = {}
    for index, row in enumerate(table.rows):
        problems = row_problems(engine, row, stems[index] is not None)
        if problems:
            found[index] = problems
    return found


def row_problems(engine: _Engine, row: Row, named: bool = True) -> list[RowProblem]:
    """One row's problems, errors first; ``named`` False when its file name is blank."""
    from ..pipeline import export_problems
    from .fields import merge_letter

    blank = list(dict.fromkeys(ref.name for ref in engine.refs
                               if not row.values[ref.name].strip()))
    if blank:
        paths = {ref.name: ref.path for ref in reversed(engine.refs)}
        return [RowProblem(row.number, name, paths[name], "error",
                           "ไม่มีข้อมูลในคอลัมน์นี้", "no value in this column")
                for name in blank]
    problems: list[RowProblem] = []
    if not named:
        problems.append(RowProblem(
            row.number, None, None, "error", "ตั้งชื่อไฟล์ไม่ได้ เพราะค่าที่ใช้ตั้งชื่อว่าง",
            "no file name: the values the name is made from are blank"))
    try:
        letter = merge_letter(engine.letter, row.values)
    except FieldError as exc:
        return [*problems, _from_field_error(exc, row.number)]
    checked = [p for p in export_problems(letter, engine.settings, engine.keyring)
               if _columns_of(engine.refs, p.field)]
    problems += [_from_problem(p, row.number, engine.refs, _culprits(engine, row, p))
                 for p in checked]
    problems += _glyph_problems(engine, row)
    return sorted(problems, key=lambda p: p.severity != "error")


def _glyph_problems(engine: _Engine, row: Row) -> list[RowProblem]:
    """Characters of the row's values that neither the regular nor the bold face can draw."""
    from ..pipeline import missing_glyph_problem
    from ..typeset.fonts import fonts_for

    fonts = fonts_for(engine.settings)
    faces = (fonts.face(False), fonts.face(True))
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for ref in engine.refs:
        if ref.name in seen:  # a column used in two fields is one cell to fix
            continue
        seen.add(ref.name)
        value = row.values[ref.name]
        absent = set().union(*(face.missing_chars(value) for face in faces))
        absent = {c for c in absent if not c.isspace()}
        if absent:
            problem = missing_glyph_problem(ref.path, absent)
            problems.append(_from_problem(problem, row.number, engine.refs, [ref.name]))
    return problems
