"""Problems, and the one error type that carries them.

A :class:`Problem` is one thing wrong, naming its field (a path such as ``date.month``,
``body[2]`` or ``enclosures[0].amount``; see :mod:`dla_drafter.fields`) with a Thai and an
English message. Three kinds of reader take problems: the loader (a file that cannot be
opened), ``check`` (a letter that breaks a rule of the regulation) and everything that shows
them — the CLI (one line each on stderr), the window's problems panel (which uses ``field``
to jump to the input box) and merge (one row's problems).

:class:`DrafterError` is the base of every error the program raises on purpose: it carries
problems, so the CLI, the window and merge read any of them the same way —
``error.problems``, ``error.message(lang)`` — instead of guessing at attributes. Errors that
are also ``OSError``\\ s (a file that cannot be written) inherit from both, so ``except
OSError`` keeps catching them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .fields import field_label

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a draft, a setting, a file or a table row.

    ``message_th``/``message_en`` say what is wrong with the value; :meth:`message` puts the
    field's name in front, so each message stands alone on one line (a list in the GUI, a line
    of ``dla-drafter check`` output). ``code`` is stable, for tests and for filtering.
    ``field`` "" is the draft file as a whole ("ไฟล์ร่าง: …"); None is a problem that belongs
    to no draft (a file on disk, the register's server, a certificate): its message stands
    without a field's name.
    """

    field: str | None
    code: str
    severity: Severity
    message_th: str
    message_en: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def label(self, lang: str = "th") -> str:
        """The field's display name in ``lang`` (``"th"`` or ``"en"``)."""
        return "" if self.field is None else field_label(self.field, lang)

    def text(self, lang: str = "th") -> str:
        """The message alone, without the field's name."""
        return self.message_en if lang != "th" else self.message_th

    def message(self, lang: str = "th", *, path: bool = False) -> str:
        """One line naming the field by the name a clerk knows, e.g. ``เดือน: ต้องเป็นเลข
        ๑–๑๒ แต่ได้ 13``, in either language (``month: must be a number 1–12, got 13``).

        The path (``date.month``, ``review.approvals[0]``) is the program's name for the
        field, not the clerk's: it is left out unless ``path`` is true (``check --verbose``,
        the problems panel's tooltip), where it follows the name in parentheses. A key no
        table names (written by a newer version) has no better name than its path."""
        text = self.text(lang)
        if self.field is None:
            return _one_line(text)
        label = self.label(lang)
        plain = not path or not self.field or label == self.field
        head = label if plain else f"{label} ({self.field})"
        return _one_line(f"{head}: {text}")

    def __str__(self) -> str:
        return self.message("th")


def _one_line(text: str) -> str:
    """Messages quote what the clerk typed; a quoted newline must not break the line."""
    return " ".join(text.splitlines())


def problem(code: str, message_th: str, message_en: str, field: str | None = None,
            severity: Severity = "error") -> Problem:
    """A problem in the order errors are usually written: what, Thai, English."""
    return Problem(field, code, severity, message_th, message_en)


class DrafterError(Exception):
    """The one error type: every problem found, not just the first.

    ``problems`` holds the errors (and, when relevant, warnings found on the way); ``path`` is
    the file involved, when there is one. ``message(lang)`` is one line for a status bar or a
    terminal; ``describe(lang)`` a report for a dialog. ``str()`` gives Thai, then English.
    Subclasses say which part of the program refused (loading a draft, the register, signing,
    writing a file …); readers need not know them.
    """

    def __init__(self, problems: Iterable[Problem] | Problem,
                 path: str | Path | None = None) -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.path: Path | None = Path(path) if path is not None else None
        super().__init__(self.describe())

    @classmethod
    def of(cls, code: str, message_th: str, message_en: str, field: str | None = None,
           path: str | Path | None = None, **extra):
        """An error of one problem; ``extra`` become attributes (a register error's code…)."""
        error = cls([problem(code, message_th, message_en, field)], path)
        for key, value in extra.items():
            setattr(error, key, value)
        return error

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def code(self) -> str:
        """The first problem's code (stable, for tests and for callers that branch)."""
        shown = self.errors or self.problems
        return shown[0].code if shown else ""

    @property
    def message_th(self) -> str:
        return self.message("th")

    @property
    def message_en(self) -> str:
        return self.message("en")

    def message(self, lang: str = "th", *, path: bool = False) -> str:
        """One line: the first error's message (the others are in :meth:`describe`);
        ``path`` as in :meth:`Problem.message`."""
        shown = self.errors or self.problems
        return shown[0].message(lang, path=path) if shown else ""

    def __reduce__(self):
        # ``args`` holds the report text, not the problems: pickle (worker processes) by hand.
        return (_rebuild, (type(self), self.problems, self.path, self._extra_state()))

    def _extra_state(self) -> dict:
        skip = {"problems", "path"}
        return {k: v for k, v in self.__dict__.items() if k not in skip}

    def describe(self, lang: str | None = None) -> str:
        """A report for a dialog or a terminal; ``lang`` None gives Thai and then English.
        One problem is one line; several get a heading and a line each."""
        if lang is None:
            return f"{self.describe('th')}\n{self.describe('en')}"
        shown = self.errors or self.problems
        if len(shown) == 1:
            return shown[0].message(lang)
        count = len(shown)
        where = f" {self.path}" if self.path is not None else ""
        if lang == "th":
            head = f"ไฟล์{where} มีปัญหา {count} รายการ"
        else:
            head = f"The file{where} has {count} problem{'s' if count != 1 else ''}"
        return "\n".join([head, *(f"- {p.message(lang)}" for p in shown)])

    def __str__(self) -> str:
        return self.describe()


def _rebuild(cls, problems, path, state):
    error = cls.__new__(cls)
    DrafterError.__init__(error, problems, path)
    error.__dict__.update(state)
    return error


class DraftError(DrafterError):
    """A draft that cannot be read (or written)."""

    def describe(self, lang: str | None = None) -> str:
        if lang is None:
            return f"{self.describe('th')}\n{self.describe('en')}"
        count = len(self.errors) or len(self.problems)
        where = f" {self.path}" if self.path is not None else ""
        if lang == "th":
            head = f"ไฟล์ร่าง{where} มีปัญหา {count} รายการ"
        else:
            head = f"The draft{where} has {count} problem{'s' if count != 1 else ''}"
        shown = self.errors or self.problems
        return "\n".join([head, *(f"- {p.message(lang)}" for p in shown)])


def problems_of(error: BaseException, lang: str = "th") -> list[Problem]:
    """The problems an exception carries: a :class:`DrafterError`'s own, else one problem
    with the system's words (an ``OSError`` from the disk, a bug's message) so a reader never
    shows a traceback to a clerk."""
    if isinstance(error, DrafterError):
        return error.problems or [problem("error", str(error), str(error))]
    if isinstance(error, OSError):
        where = f" {error.filename}" if getattr(error, "filename", None) else ""
        why = error.strerror or str(error) or type(error).__name__
        return [problem("os-error", f"ทำงานกับไฟล์{where} ไม่สำเร็จ: {why}",
                        f"file operation failed{where}: {why}")]
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return [problem("internal", f"เกิดข้อผิดพลาดภายในโปรแกรม: {text}",
                    f"internal error: {text}")]
