"""Running a merge: one letter per data row, as PDF and/or DOCX files and/or one combined PDF.

Each row is filled into a copy of the draft (:func:`fields.merge_letter`), checked with the
same :func:`check_letter` as ``dla-drafter check``, typeset and written. A row that fails (a
blank value, a value the check refuses) is reported with its row number, column and field and
the other rows still come out. Every file is written atomically, and a row's PDF and DOCX come
out together or not at all, so an interrupted or failed merge never leaves a half file.

Rows are shared between the calling process and worker processes (``spawn`` on every
platform, one engine import per worker) when the batch is large enough to repay the
start-up; results come back as they are done, in any order, and ``progress`` is called for
each in the caller's thread (a GUI calls :func:`merge` from a worker thread). ``cancel`` is
polled between results: no new row is started after it returns True, rows already running
finish (their files are complete), the combined PDF is not written, and no temporary file is
left behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..fields import field_label
from ..model.letter import Letter
from ..problems import DrafterError, Problem, problems_of
from ..settings import RenderSettings
from ..text.digits import to_thai_digits
from . import numbering
from .fields import FieldError, FieldRef, letter_fields, parse, unknown_column
from .numbering import Numbered
from .table import Row, Table

if TYPE_CHECKING:
    from ..register.store import Store
    from ..review.integrity import Keyring

FORMATS = ("pdf", "docx")
DEFAULT_NAME_PATTERN = "หนังสือ-{n}"
SERIAL_THRESHOLD = 8  # below this many rows, starting worker processes costs more than it saves
MAX_NAME_CHARS = 120
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)

Progress = Callable[[int, int, "RowResult"], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True, init=False)
class RowProblem(Problem):
    """Something wrong with one row (``row`` is the file's row number, header = 1), or with the
    merge as a whole (``row`` None). ``column`` and ``field`` name where, when known. A
    :class:`~dla_drafter.problems.Problem` like any other, which also names the row and
    column, so merge's errors are read as every other error is."""

    row: int | None = None
    column: str | None = None

    def __init__(self, row: int | None, column: str | None, field: str | None,
                 severity: str, message_th: str, message_en: str,
                 code: str = "merge-row") -> None:
        for name, value in (("field", field), ("code", code), ("severity", severity),
                            ("message_th", message_th), ("message_en", message_en),
                            ("row", row), ("column", column)):
            object.__setattr__(self, name, value)

    def message(self, lang: str = "th", *, path: bool = False) -> str:
        """``แถวที่ ๕ คอลัมน์ "ชื่อ": เรื่อง: …`` — one line, the field by the name a clerk
        knows; ``path`` adds its path in the draft (``เรื่อง (subject)``), as
        :meth:`~dla_drafter.problems.Problem.message` does."""
        th = lang == "th"
        where = []
        if self.row is not None:
            where.append(f"แถวที่ {to_thai_digits(self.row)}" if th else f"row {self.row}")
        if self.column is not None:
            where.append(f'{"คอลัมน์" if th else "column"} "{self.column}"')
        text = self.message_th if th else self.message_en
        if self.field:
            label = field_label(self.field, lang)
            head = label if label == self.field or not path else f"{label} ({self.field})"
            text = f"{head}: {text}"
        line = f"{' '.join(where)}: {text}" if where else text
        return " ".join(line.splitlines())


@dataclass(frozen=True)
class RowResult:
    """What became of one row: the files written, or why none were."""

    index: int  # position in ``table.rows``
    row: int
    files: tuple[Path, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    pages: object | None = None  # typeset Pages, only when a combined PDF is wanted

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


@dataclass
class Summary:
    """The outcome of :func:`merge`: ``made`` letters out of ``rows`` rows."""

    rows: int
    made: int = 0
    files: list[Path] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    combined: Path | None = None
    cancelled: bool = False
    seconds: float = 0.0
    workers: int = 1
    numbers: list[str] = field(default_factory=list)  # register numbers of the letters made
    cancelled_numbers: list[str] = field(default_factory=list)  # issued, letter not made

    @property
    def failures(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def failed_rows(self) -> list[int]:
        return sorted({p.row for p in self.failures if p.row is not None})

    @property
    def ok(self) -> bool:
        return not self.failures and not self.cancelled

    def message(self, lang: str = "th") -> str:
        if lang == "th":
            text = (f"สร้างหนังสือแล้ว {to_thai_digits(self.made)} ฉบับ "
                    f"จาก {to_thai_digits(self.rows)} แถว")
            return text + (" (ยกเลิกก่อนเสร็จ)" if self.cancelled else "")
        text = f"made {self.made} letter{'s' if self.made != 1 else ''} from {self.rows} rows"
        return text + (" (cancelled before the end)" if self.cancelled else "")


class MergeError(DrafterError, ValueError):
    """The merge cannot start: every row would fail the same way (a column the table lacks,
    a malformed field, an error in the draft itself, no output asked for). Its problems are
    :class:`RowProblem` s."""

    def __init__(self, problems: Iterable[RowProblem]) -> None:
        super().__init__(list(problems))


# --------------------------------------------------------------------------- file names

def safe_name(name: str) -> str:
    """A file name Windows accepts: no ``\\/:*?"<>|`` or control characters, no trailing dot
    or space, not a device name (CON, NUL …), at most MAX_NAME_CHARS. Thai is kept."""
    name = _FORBIDDEN.sub("", name)
    name = " ".join(name.split()).strip(" .")
    name = name[:MAX_NAME_CHARS].rstrip(" .")
    if _RESERVED.match(name):
        name = f"_{name}"
    return name


def file_stems(pattern: str, table: Table) -> list[str | None]:
    """The base name of each row's files from ``pattern``: ``«column»`` takes the row's value
    and ``{n}`` the row's position in the data (1, 2, …), both as plain text. Names are made
    safe and unique (``ชื่อ-2`` for the second row that gives ``ชื่อ``, case ignored as Windows
    does). None where the pattern gives an empty name (a blank value)."""
    try:
        pieces = parse(pattern)
    except FieldError as exc:
        raise MergeError([RowProblem(None, None, None, "error",
                                     f"รูปแบบชื่อไฟล์ {pattern}: {exc.text('th')}",
                                     f"file name pattern {pattern}: {exc.text('en')}")]) from None
    for piece in pieces:
        if isinstance(piece, FieldRef) and piece.name not in table.columns:
            raise MergeError([RowProblem(
                None, piece.name, None, "error",
                f'รูปแบบชื่อไฟล์ {pattern}: ไม่มีคอลัมน์ "{piece.name}" ในตารางข้อมูล',
                f'file name pattern {pattern}: the data table has no column "{piece.name}"')])
    stems: list[str | None] = []
    seen: set[str] = set()
    for n, row in enumerate(table.rows, start=1):
        raw = "".join(row.values[p.name] if isinstance(p, FieldRef) else p.replace("{n}", str(n))
                      for p in pieces)
        stem = safe_name(raw)
        if not stem:
            stems.append(None)
            continue
        unique, k = stem, 1
        while unique.casefold() in seen:
            k += 1
            unique = f"{stem}-{k}"
        seen.add(unique.casefold())
        stems.append(unique)
    return stems


# --------------------------------------------------------------------------- one row

@dataclass(frozen=True)
class _Job:
    index: int
    row: Row
    stem: str | None
    numbered: Numbered | None = None  # the row's register number, when the batch numbers


@dataclass
class _Engine:
    """What every row shares; built once per process (``_init_worker``)."""

    letter: Letter
    refs: list[FieldRef]
    settings: RenderSettings
    formats: tuple[str, ...]
    out_dir: Path
    want_pages: bool
    keyring: Keyring | None = None  # whose approvals print (the caller's; None: nobody's)


_ENGINE: _Engine | None = None


def _init_worker(engine: _Engine) -> None:
    global _ENGINE
    _ENGINE = engine
    from .. import pipeline  # noqa: F401  import the engine once, before the first row


def _work(job: _Job) -> RowResult:
    assert _ENGINE is not None
    return make_row(_ENGINE, job)


def _columns_of(refs: Sequence[FieldRef], path: str) -> list[str]:
    """Columns feeding the field ``path`` or anything inside it (``body`` covers ``body[2]``)."""
    names: list[str] = []
    for ref in refs:
        inside = ref.path == path or ref.path.startswith((path + "[", path + "."))
        if inside and ref.name not in names:
            names.append(ref.name)
    return names


def _from_problem(problem: Problem, row: int | None, refs: Sequence[FieldRef],
                  columns: Sequence[str] | None = None) -> RowProblem:
    columns = _columns_of(refs, problem.field) if columns is None else columns
    return RowProblem(row, ", ".join(columns) if columns else None, problem.field,
                      problem.severity, problem.message_th, problem.message_en)


_CODE_POINT = re.compile(r"U\+([0-9A-F]{4,6})")


def _culprits(engine: _Engine, row: Row, problem: Problem) -> list[str]:
    """The columns whose value in ``row`` causes ``problem``, when its field joins several
    (``จังหวัด«จังหวัด»ได้ «งบประมาณ» บาท``): a clerk should be sent to the right cell.

    A missing glyph is in the values holding that character; for the check's own problems,
    a column is to blame when putting a plain word in its place makes the problem go away.
    """
    from ..model.checks import check_letter
    from .fields import merge_letter

    columns = _columns_of(engine.refs, problem.field)
    if len(columns) < 2:
        return columns
    if problem.code == "missing-glyph":
        chars = {chr(int(code, 16)) for code in _CODE_POINT.findall(problem.message_en)}
        found = [c for c in columns if chars & set(row.values[c])]
        return found or columns
    found = []
    for column in columns:
        trial = merge_letter(engine.letter, {**row.values, column: "ก"})
        if not any((p.field, p.code) == (problem.field, problem.code)
                   for p in check_letter(trial)):
            found.append(column)
    return found or columns


def _from_field_error(error: FieldError, row: int | None) -> RowProblem:
    return RowProblem(row, error.column, error.field or None, "error",
                      error.text("th"), error.text("en"), error.code)


def make_row(engine: _Engine, job: _Job) -> RowResult:
    """Fill, check, typeset and write one row's letter; never raises for a bad row."""
    from ..pipeline import export_problems
    from .fields import merge_letter

    row = job.row
    blank = [ref for ref in engine.refs if not row.values[ref.name].strip()]
    if blank:
        seen: set[str] = set()
        problems = []
        for ref in blank:
            if ref.name not in seen:
                seen.add(ref.name)
                problems.append(RowProblem(row.number, ref.name, ref.path, "error",
                                           "ไม่มีข้อมูลในคอลัมน์นี้", "no value in this column"))
        return RowResult(job.index, row.number, problems=tuple(problems))
    if job.stem is None and engine.formats:
        return RowResult(job.index, row.number, problems=(RowProblem(
            row.number, None, None, "error", "ตั้งชื่อไฟล์ไม่ได้ เพราะค่าที่ใช้ตั้งชื่อว่าง",
            "no file name: the values the name is made from are blank"),))
    try:
        letter = numbering.apply(merge_letter(engine.letter, row.values), job.numbered)
    except FieldError as exc:
        return RowResult(job.index, row.number, problems=(_from_field_error(exc, row.number),))
    checked = [p for p in export_problems(letter, engine.settings, engine.keyring)
               if _columns_of(engine.refs, p.field)]
    errors = [p for p in checked if p.is_error]
    if errors:
        return RowResult(job.index, row.number, problems=tuple(
            _from_problem(p, row.number, engine.refs, _culprits(engine, row, p))
            for p in errors))
    problems = [_from_problem(p, row.number, engine.refs, _culprits(engine, row, p))
                for p in checked]
    try:
        pages, outputs, glyphs = _render(engine, letter, job.stem)
        problems += [_from_problem(p, row.number, engine.refs, _culprits(engine, row, p))
                     for p in glyphs if _columns_of(engine.refs, p.field)]
        files = _write_all(outputs)
    except Exception as exc:  # noqa: BLE001  one bad row must not stop the others
        for found in problems_of(exc):
            problems.append(RowProblem(row.number, None, found.field, "error",
                                       found.message_th, found.message_en))
        return RowResult(job.index, row.number, problems=tuple(problems))
    return RowResult(job.index, row.number, files=files, problems=tuple(problems),
                     pages=pages if engine.want_pages else None)


def _render(engine: _Engine, letter: Letter, stem: str | None):
    """The row's outputs, in memory (``pipeline.make_outputs``, exactly as ``render`` makes
    them: the printable letter, the same DOCX), with the letter's pages and their warnings."""
    from .. import pipeline

    targets = [engine.out_dir / f"{stem}.{ext}" for ext in engine.formats]
    made = pipeline.make_outputs(letter, targets, engine.settings, engine.keyring)
    pages = made.pages
    if pages is None and engine.want_pages:  # only DOCX files, but a combined PDF wanted
        pages = pipeline.typeset_letter(letter, engine.settings, engine.keyring)
    return pages, made.files, made.problems


def _write_all(files: dict[Path, bytes]) -> tuple[Path, ...]:
    """Write the row's files through the one writer (``pipeline.write_outputs``): all or
    none, and never over a signed PDF."""
    from .. import pipeline

    pipeline.write_outputs(files)
    return tuple(files)


# --------------------------------------------------------------------------- the batch

def prepare(letter: Letter, table: Table, keyring: Keyring | None = None) -> list[FieldRef]:
    """The fields of ``letter``, after checking once what would fail every row: a malformed
    field, a column the table lacks (naming the field and the column), an error in a part of
    the draft that no field fills. Raises :class:`MergeError`."""
    from ..pipeline import export_problems

    try:
        refs = letter_fields(letter)
    except FieldError as exc:
        raise MergeError([_from_field_error(exc, None)]) from None
    problems = [_from_field_error(unknown_column(ref.path, ref.name), None)
                for ref in refs if ref.name not in table.columns]
    problems += [RowProblem(None, None, p.field, "error", p.message_th, p.message_en)
                 for p in export_problems(letter, keyring=keyring)
                 if p.is_error and not _columns_of(refs, p.field)]
    if problems:
        raise MergeError(problems)
    return refs


def merge(
    letter: Letter,
    table: Table,
    out_dir: str | os.PathLike[str] | None,
    formats: Sequence[str] = ("pdf",),
    name_pattern: str | None = None,
    combined: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    settings: RenderSettings | None = None,
    workers: int | None = None,
    register: Store | None = None,
    register_date: dt.date | None = None,
    draft_path: str | os.PathLike[str] = "",
    keyring: Keyring | None = None,
    clerk: str = "",
) -> Summary:
    """Make one letter per row of ``table``; see the module docstring.

    ``formats``: any of ``"pdf"``, ``"docx"`` (files ``out_dir/<name>.pdf`` …), may be empty
    when only ``combined`` is wanted. ``name_pattern``: see :func:`file_stems` (default
    ``หนังสือ-{n}``). ``combined``: path of one PDF with every letter, each numbering its own
    pages. ``progress(done, total, result)`` after each row; ``cancel()`` polled between rows.
    ``workers``: processes to use, this one included (default: the CPU count; 1 for small
    batches).
    ``register``: an open register store: each letter that can be made gets the next number
    of the draft's series, in row order, dated ``register_date`` (default today) and printed
    in the letter; numbers of rows not made in the end are cancelled with the reason
    (:mod:`.numbering`). ``draft_path`` and ``clerk`` (ผู้ออกเลข: the user's name; default
    the login name) are recorded with each entry. ``keyring``: the keys
    whose review approvals print in the initials grid (as ``render``; None: none).

    Raises :class:`MergeError` before writing anything when the merge cannot work for any row.
    """
    started = time.perf_counter()
    formats = tuple(dict.fromkeys(f.lower().lstrip(".") for f in formats))
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise MergeError([RowProblem(None, None, None, "error",
                                     f"ไม่รู้จักชนิดไฟล์ {bad[0]} (ใช้ pdf หรือ docx)",
                                     f"unknown format {bad[0]} (use pdf or docx)")])
    if not formats and combined is None:
        raise MergeError([RowProblem(None, None, None, "error",
                                     "ไม่ได้เลือกผลลัพธ์ (ไฟล์ PDF/DOCX หรือ PDF รวมเล่ม)",
                                     "no output chosen (PDF/DOCX files or a combined PDF)")])
    if not table.rows:
        raise MergeError([RowProblem(None, None, None, "error",
                                     "ตารางข้อมูลมีแต่หัวตาราง ไม่มีแถวข้อมูล",
                                     "the data table has a header but no rows")])
    refs = prepare(letter, table, keyring)
    stems = file_stems(name_pattern or DEFAULT_NAME_PATTERN, table)
    directory = Path(out_dir) if out_dir is not None else Path(".")
    if formats:
        _make_dir(directory)
    if combined is not None:  # before any row is made: a folder that cannot be, said at once
        _make_dir(Path(combined).parent)
    settings = settings or RenderSettings()
    engine = _Engine(letter, refs, settings, formats, directory, combined is not None, keyring)
    issued = ({} if register is None else
              numbering.issue_numbers(register, letter, refs, table.rows, date=register_date,
                                      draft_path=draft_path, clerk=clerk))
    jobs = [_Job(i, row, stems[i], issued.get(i)) for i, row in enumerate(table.rows)]
    count = workers or os.cpu_count() or 1
    if len(jobs) < SERIAL_THRESHOLD:
        count = 1
    count = max(1, min(count, len(jobs)))
    summary = Summary(rows=len(jobs), workers=count)
    pages_by_index: dict[int, object] = {}
    made_files: dict[int, tuple[Path, ...]] = {}
    stream = _serial(engine, jobs, cancel) if count == 1 else _parallel(engine, jobs, count,
                                                                        cancel)
    done = 0
    try:
        for result in stream:
            done += 1
            summary.problems += result.problems
            if result.ok:
                summary.made += 1
                summary.files += result.files
                made_files[result.index] = result.files
                if result.pages is not None:
                    pages_by_index[result.index] = result.pages
            if progress is not None:
                progress(done, len(jobs), _without_pages(result))
    finally:
        stream.close()
        if done < len(jobs):  # cancelled (or interrupted): some rows were never made
            summary.cancelled = True
            _remove_temp_files(directory, [j.stem for j in jobs if j.stem], formats)
    if register is not None:
        summary.numbers = [issued[i].number for i in sorted(issued) if i in made_files]
        summary.cancelled_numbers = numbering.settle(register, issued, made_files,
                                                     summary.cancelled)
    summary.problems.sort(key=lambda p: (p.row or 0))
    summary.files.sort(key=lambda p: p.name)
    if combined is not None and not summary.cancelled and pages_by_index:
        problem = _write_combined(Path(combined), [pages_by_index[i]
                                                   for i in sorted(pages_by_index)], settings)
        if problem is None:
            summary.combined = Path(combined)
        else:
            summary.problems.append(problem)
    summary.seconds = time.perf_counter() - started
    return summary


def _without_pages(result: RowResult) -> RowResult:
    if result.pages is None:
        return result
    return RowResult(result.index, result.row, result.files, result.problems)


def _make_dir(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MergeError([RowProblem(
            None, None, None, "error", f"สร้างโฟลเดอร์ {directory} ไม่ได้ ({exc.strerror or exc})",
            f"cannot create the folder {directory} ({exc.strerror or exc})")]) from None


def _serial(engine: _Engine, jobs: list[_Job], cancel: Cancel | None) -> Iterator[RowResult]:
    for job in jobs:
        if cancel is not None and cancel():
            return
        yield make_row(engine, job)


def _warm_up() -> bool:
    """Run in each worker before it takes rows: make the draft itself once (fonts, word list,
    emblem, DOCX template all loaded), so that no row waits for a booting worker."""
    assert _ENGINE is not None
    with contextlib.suppress(Exception):  # a draft that cannot be made fails in its rows
        _render(_ENGINE, _ENGINE.letter)
    return True


def _parallel(engine: _Engine, jobs: list[_Job], count: int,
              cancel: Cancel | None) -> Iterator[RowResult]:
    """Results as they are made, by this process and ``count - 1`` worker processes.

    This process makes rows from the start while the workers boot (a spawned interpreter
    needs a second or two to import and warm up the engine, as long as some batches take
    in all); a worker gets rows only once it is warm, two at a time, so at the end nobody
    waits long for a straggler. On cancel no new row is given out and the running ones
    finish. If the pool breaks (a worker killed, or a frozen program that cannot start
    workers), its rows are made here instead.
    """
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    helpers = count - 1
    pool = ProcessPoolExecutor(helpers, mp_context=context, initializer=_init_worker,
                               initargs=(engine,))
    warm: list[Future] = [pool.submit(_warm_up) for _ in range(helpers)]
    ready = 0
    pending: dict[Future, _Job] = {}
    queue = deque(jobs)
    broken = stopping = False
    try:
        while True:
            stopping = cancel is not None and cancel()
            if not broken:
                for future in [f for f in warm if f.done()]:
                    warm.remove(future)
                    try:
                        future.result()
                        ready += 1
                    except BrokenProcessPool:
                        broken = True
            while not broken and not stopping and queue and len(pending) < ready * 2:
                job = queue.popleft()
                pending[pool.submit(_work, job)] = job
            for future in [f for f in pending if f.done()]:
                job = pending.pop(future)
                if future.cancelled():
                    continue
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    queue.appendleft(job)
                    continue
                yield result
            if broken and pending:
                queue.extendleft(pending.pop(f) for f in list(pending))
            if queue and not stopping:
                yield make_row(engine, queue.pop())  # this process works from the far end
            elif pending:
                wait(pending, return_when=FIRST_COMPLETED)
            else:
                return
    finally:
        for future in [*pending, *warm]:
            future.cancel()
        # After a complete run nothing is left to wait for: the idle workers exit on their
        # own (a second under load) instead of delaying the summary. Otherwise wait, so the
        # rows still running have finished writing before temporary files are swept.
        pool.shutdown(wait=bool(pending) or stopping or broken, cancel_futures=True)


def _remove_temp_files(directory: Path, stems: list[str], formats: Sequence[str]) -> None:
    """Temporary files (``atomic.py``'s ``.<name>.<hex>.tmp.<ext>``) a stopped worker left."""
    wanted = {f".{stem}." for stem in stems}
    suffixes = tuple(f".tmp.{ext}" for ext in formats)
    if not suffixes or not directory.is_dir():
        return
    for path in directory.iterdir():
        name = path.name
        if name.startswith(".") and name.endswith(suffixes):
            head = name.rsplit(".", 3)[0] + "."
            if head in wanted:
                with contextlib.suppress(OSError):
                    path.unlink()


def _write_combined(path: Path, letters: list, settings: RenderSettings) -> RowProblem | None:
    """All letters in one PDF for printing; each letter keeps its own ``- ๒ -`` page marks,
    which the typesetter placed per letter."""
    from .. import pipeline
    from ..render.pdf import render_pdf
    from ..typeset.fonts import fonts_for
    from ..typeset.pages import Pages

    everything = Pages([page for pages in letters for page in pages.pages],
                       font_family=letters[0].font_family)
    try:
        pipeline.write_outputs({path: render_pdf(everything, fonts_for(settings), settings)})
    except OSError as exc:
        found = problems_of(exc)[0]
        return RowProblem(None, None, None, "error", found.message_th, found.message_en)
    return None
