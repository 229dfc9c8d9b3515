"""Merge fields in a letter's text: ``«column»``, written as Word writes merge fields.

The syntax is deliberately tiny and is read by a plain left-to-right scan, never by a template
engine, so nothing a clerk types or a data file contains is ever *evaluated*: ``{{ 7*7 }}``,
``{% if %}`` or ``${x}`` are ordinary text, and a value from the data is inserted as it is
(a value that itself looks like ``«x»`` is not substituted again).

* ``«name»`` is replaced by the value of the column ``name`` (spaces around the name are
  ignored, so ``« จังหวัด »`` is the column ``จังหวัด``);
* ``««`` is a literal ``«`` and ``»»`` a literal ``»``; a ``»`` on its own is also literal;
* a ``«`` that is not closed on the same text, or ``«»`` with no name, is an error naming the
  field.

Only a merge interprets fields; rendering a draft prints ``«name»`` as typed. Field paths are
the ones of ``model/problems.py`` (``subject``, ``body[2]``, ``enclosures[0].amount``), so a
problem can be shown with the field's display name.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from ..model.letter import Letter
from ..problems import DrafterError, Problem

OPEN, CLOSE = "«", "»"


@dataclass(frozen=True)
class FieldRef:
    """``«name»`` in the text of the field at ``path``."""

    path: str
    name: str


class FieldError(DrafterError, ValueError):
    """A merge field that cannot be read or filled: one problem on the draft field it is in
    (``field``, None for a file name pattern), the column when known (``column``)."""

    def __init__(self, field: str, column: str | None, code: str, message_th: str,
                 message_en: str) -> None:
        super().__init__(Problem(field or None, code, "error", message_th, message_en))
        self.field = field
        self.column = column

    def text(self, lang: str = "th") -> str:
        """The reason alone, without the field's name (a row problem names it itself)."""
        return self.problems[0].text(lang)


# A parsed text: literal strings and field names (FieldRef-less, the path is known outside).
Piece = str | FieldRef


def parse(text: str, path: str = "") -> list[Piece]:
    """Split ``text`` into literal runs and fields; raises :class:`FieldError` on a ``«`` that
    is never closed or a field with no name."""
    pieces: list[Piece] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == OPEN and text.startswith(OPEN * 2, i):
            literal.append(OPEN)
            i += 2
        elif ch == CLOSE and text.startswith(CLOSE * 2, i):
            literal.append(CLOSE)
            i += 2
        elif ch == OPEN:
            end = text.find(CLOSE, i + 1)
            inner = text[i + 1:end] if end >= 0 else ""
            if end < 0 or OPEN in inner:
                shown = text[i:i + 20]
                raise FieldError(
                    path, None, "field-unclosed",
                    f'ช่องข้อมูลไม่มีเครื่องหมายปิด » ที่ "{shown}" '
                    f'(ถ้าต้องการพิมพ์ « ให้พิมพ์ ««)',
                    f'merge field not closed with » at "{shown}" (type «« for a literal «)',
                )
            name = inner.strip()
            if not name:
                raise FieldError(path, None, "field-empty",
                                 "ช่องข้อมูล «» ไม่มีชื่อคอลัมน์",
                                 "merge field «» has no column name")
            if literal:
                pieces.append("".join(literal))
                literal = []
            pieces.append(FieldRef(path, name))
            i = end + 1
        else:
            literal.append(ch)
            i += 1
    if literal:
        pieces.append("".join(literal))
    return pieces


def escape(text: str) -> str:
    """``text`` written so that a merge prints it exactly: ``«`` and ``»`` doubled (for a
    form that pastes literal guillemets into a draft that has fields)."""
    return text.replace(OPEN, OPEN * 2).replace(CLOSE, CLOSE * 2)


def field_for(name: str) -> str:
    """The field for column ``name`` as it is written in the draft (``«จังหวัด»``), for the
    form's "แทรกช่องข้อมูล"; a name holding a guillemet cannot be a field."""
    if OPEN in name or CLOSE in name or not name.strip():
        raise ValueError(f"not a usable column name for a merge field: {name!r}")
    return f"{OPEN}{name.strip()}{CLOSE}"


def fields_in(text: str, path: str = "") -> list[str]:
    """The column names ``text`` uses, in order of first use."""
    names: list[str] = []
    for piece in parse(text, path):
        if isinstance(piece, FieldRef) and piece.name not in names:
            names.append(piece.name)
    return names


def has_fields(text: str) -> bool:
    """Whether ``text`` needs a merge at all (fast path: no guillemet, nothing to do)."""
    return OPEN in text or CLOSE in text


def fill(pieces: list[Piece], values: Mapping[str, str]) -> str:
    """The text with every field replaced by its value, taken as it is."""
    return "".join(values[p.name] if isinstance(p, FieldRef) else p for p in pieces)


def substitute(text: str, values: Mapping[str, str], path: str = "") -> str:
    """``text`` with fields filled from ``values``; an unknown name raises FieldError."""
    pieces = parse(text, path)
    for piece in pieces:
        if isinstance(piece, FieldRef) and piece.name not in values:
            raise unknown_column(path, piece.name)
    return fill(pieces, values)


def unknown_column(path: str, name: str) -> FieldError:
    return FieldError(path, name, "unknown-column",
                      f'ไม่มีคอลัมน์ "{name}" ในตารางข้อมูล',
                      f'the data table has no column "{name}"')


# --------------------------------------------------------------------------- letters

Setter = Callable[[str], None]


def text_slots(letter: Letter) -> Iterator[tuple[str, str, Setter]]:
    """Every text of ``letter`` as (field path, text, setter), in the model's field order.

    Walks the dataclasses generically (strings, lists of strings, nested objects, lists of
    objects), so a field added to the model is mergeable without a change here. ``extra``
    (keys of a newer version) is never interpreted.
    """
    yield from _walk(letter, "")


def _walk(obj: object, prefix: str) -> Iterator[tuple[str, str, Setter]]:
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        if f.name == "extra":
            continue
        path = f"{prefix}{f.name}"
        value = getattr(obj, f.name)
        if isinstance(value, str):
            yield path, value, _attr_setter(obj, f.name)
        elif dataclasses.is_dataclass(value):
            yield from _walk(value, path + ".")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield f"{path}[{i}]", item, _item_setter(value, i)
                elif dataclasses.is_dataclass(item):
                    yield from _walk(item, f"{path}[{i}].")


def _attr_setter(obj: object, name: str) -> Setter:
    return lambda text: setattr(obj, name, text)


def _item_setter(items: list, index: int) -> Setter:
    def set_item(text: str) -> None:
        items[index] = text
    return set_item


def letter_fields(letter: Letter) -> list[FieldRef]:
    """Every field the letter uses, with its path (``body[2]``), in the model's field order;
    raises FieldError on a malformed field."""
    found: list[FieldRef] = []
    for path, text, _ in text_slots(letter):
        if has_fields(text):
            found += [p for p in parse(text, path) if isinstance(p, FieldRef)]
    return found


def columns_used(letter: Letter) -> list[str]:
    """The distinct column names the letter needs, in order of first use."""
    names: list[str] = []
    for ref in letter_fields(letter):
        if ref.name not in names:
            names.append(ref.name)
    return names


def merge_letter(letter: Letter, values: Mapping[str, str]) -> Letter:
    """A copy of ``letter`` with every field filled from ``values``; ``letter`` is unchanged.

    Raises FieldError for a malformed field or a name that ``values`` lacks (the first one
    found).
    """
    result = copy.deepcopy(letter)
    for path, text, set_text in list(text_slots(result)):
        if has_fields(text):
            set_text(substitute(text, values, path))
    return result
