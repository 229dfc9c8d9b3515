"""What the window says about a problem or an error: the field's Thai name, never its path.

The engine's messages name fields as the form does; ``check --verbose`` adds the dotted path
(``ผู้รับ (addressee): …``) for support staff who grep for it. A clerk reading the window
does not know ``enclosures[0].amount`` or ``review.approvals[0]``: every list, dialog and
status line of the window builds its text here, from the field's name in the interface
language (``fields.field_label``) and the message alone. The path may still be shown in a
tooltip (:func:`support_tip`), where support staff find it and a clerk is not bothered.

Problems are read by their attributes (``field``, ``message_th``/``message_en``, and a
merge row's ``row`` and ``column``), and every error the program raises is a
``DrafterError`` carrying such problems, so the loader, ``check``, the register, a merged
row and a merge field all read the same.
"""

from __future__ import annotations

from typing import Any

from dla_drafter.text.digits import to_thai_digits
from dla_drafter.ui.i18n import language


def _lang() -> str:
    return "en" if language() == "en" else "th"


def field_name(path: str, lang: str | None = None) -> str:
    """The field's name as a clerk knows it (``body[2]`` → ``ข้อความ ย่อหน้าที่ ๓``). A key no
    table knows (written by a newer version) has no better name than its path."""
    from dla_drafter.fields import field_label

    lang = lang or _lang()
    if field_label(path, "th") == path:  # unknown: the Thai name always differs from the path
        return path
    label = field_label(path, lang)
    return label[:1].upper() + label[1:] if lang == "en" else label


def _field_of(problem: Any) -> str:
    """The field path of a problem ("" when it belongs to no field)."""
    field = getattr(problem, "field", None)
    return field if isinstance(field, str) else ""


def _message(problem: Any, lang: str) -> str | None:
    text = getattr(problem, "message_en" if lang == "en" else "message_th", None)
    return None if text is None else str(text)


def _one_line(text: str) -> str:
    """Messages quote what the clerk typed; a quoted newline must not break the line."""
    return " ".join(text.splitlines())


def problem_text(problem: Any) -> str:
    """One line for the clerk: the field's display name, then what is wrong with it
    (``เรื่อง: ต้องกรอก``); a problem of no field (a file, the register) is its message."""
    lang = _lang()
    text = _message(problem, lang)
    if text is None:
        return str(problem)
    field = _field_of(problem)
    if not field:
        return _one_line(text)
    return _one_line(f"{field_name(field, lang)}: {text}")


def _where(problem: Any, lang: str) -> str:
    """``แถวที่ ๕ คอลัมน์ "จังหวัด"`` of a merged row's problem ("" when it has neither)."""
    where = []
    row = getattr(problem, "row", None)
    if isinstance(row, int):
        where.append(f"แถวที่ {to_thai_digits(row)}" if lang == "th" else f"row {row}")
    column = getattr(problem, "column", None)
    if column:
        where.append(f'{"คอลัมน์" if lang == "th" else "column"} "{column}"')
    return " ".join(where)


def row_problem_text(problem: Any) -> str:
    """A merged row's problem: where in the table, then the field's name and the message
    (``แถวที่ ๖ คอลัมน์ "งบประมาณ": ข้อความ ย่อหน้าที่ ๒: ไม่มีข้อมูลในคอลัมน์นี้``)."""
    where = _where(problem, _lang())
    text = problem_text(problem)
    return f"{where}: {text}" if where else text


def error_lines(error: BaseException) -> list[str]:
    """Every problem an error carries, one line each, for a dialog: a ``DrafterError``'s
    problems (a merge's row problems name their row and column; an error of one problem
    gives its own line, so a table's error names its file, row and column), the system's
    words for a disk error, the error's own text for anything else."""
    from dla_drafter.problems import DrafterError, problems_of

    if isinstance(error, DrafterError):
        shown = error.errors or error.problems
        if len(shown) == 1:
            return [_one_line(error.message(_lang()))]
        if shown:
            return [row_problem_text(p) for p in shown]
    return [problem_text(p) for p in problems_of(error, _lang())]


def error_text(error: BaseException, limit: int = 12) -> str:
    """:func:`error_lines` joined, the first ``limit`` of them (a dialog stays readable)."""
    lines = error_lines(error)
    shown = lines[:limit]
    if len(lines) > limit:
        more = len(lines) - limit
        shown.append(f"… อีก {to_thai_digits(more)} รายการ" if _lang() == "th"
                     else f"… {more} more")
    return "\n".join(shown)


def support_tip(tip: str, field: str | None) -> str:
    """A tooltip that ends with the field's path in brackets, for support staff."""
    return f"{tip} [{field}]" if field else tip
