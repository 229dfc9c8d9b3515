"""Reading and writing draft files (``*.dladraft``, earlier ``*.dladraft.json``; ``letter@1``).

The contract is ``shared/spec/draft-format.md``: every valid v1 file opens, forever; missing
optional keys take the spec's defaults; keys this version does not know are kept, at the level
they came from, and written back on save. Everything else is refused with a :class:`DraftError`
that lists *all* problems at once, each naming its field in Thai and English, because a clerk
who fixes one thing at a time by trial and error gives up.

Limits (file size, string length, list length) exist so that a damaged or hostile file costs
milliseconds and a clear message, not a frozen window or a traceback.

Unknown keys are kept only when they can be written back: a value or a key *name* holding a
lone surrogate (``"\\ud800"`` escaped in the JSON), NaN, or nesting deeper than
``MAX_DEPTH`` is refused on load, naming the key, because a draft that opens but can never
be saved again loses the clerk's work at the first save. A file that is not a draft at all
(a PDF, a Word or Excel file, a ZIP, binary data) is named for what it is.
"""

from __future__ import annotations

import calendar
import codecs
import io
import json
import math
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from dla_drafter.atomic import atomic_write_text
from dla_drafter.model.draftlock import draft_lock
from dla_drafter.model.letter import (
    DEFAULT_CLOSE,
    DEFAULT_QR_CAPTION,
    DEFAULT_RECIPIENTS_TITLE,
    DEFAULT_SALUTATION,
    DIGIT_MODES,
    FORMAT_V1,
    KINDS,
    SECRECIES,
    URGENCIES,
    Agency,
    Contact,
    Enclosure,
    Initial,
    Letter,
    LetterDate,
    Number,
    QRCode,
    Recipients,
    Signer,
)
from dla_drafter.problems import DraftError, Problem
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.text.invisible import INVISIBLE as _INVISIBLE
from dla_drafter.text.invisible import INVISIBLE_CHARS
from dla_drafter.text.thaidate import BE_OFFSET, THAI_MONTHS

__all__ = [
    "BE_OFFSET",
    "INVISIBLE_CHARS",
    "MAX_FILE_BYTES",
    "MAX_LIST_ITEMS",
    "MAX_STRING_CHARS",
    "THAI_MONTHS",
    "YEAR_MAX",
    "YEAR_MIN",
    "date_problems",
    "days_in_month",
    "dumps_draft",
    "letter_from_dict",
    "letter_from_dict_with_warnings",
    "letter_to_dict",
    "load_draft",
    "load_draft_with_warnings",
    "loads_draft",
    "read_draft_file",
    "save_draft",
    "validate_letter",
]

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_STRING_CHARS = 20_000
MAX_LIST_ITEMS = 2_000
MAX_DEPTH = 200  # nesting inside unknown keys; deeper values could not be written back safely
YEAR_MIN = 2400
YEAR_MAX = 2700
_ENGLISH_MONTHS = tuple(calendar.month_name[1:])

# C0 and C1 controls (TAB, CR, LF and NUL included: paragraphs are separate list items), the
# Unicode line/paragraph separators, lone surrogates (cannot be written as UTF-8) and the
# noncharacters U+FFFE/U+FFFF (not allowed in XML: Word files cannot hold them).
_BAD_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_BAD_CHAR_NAMES = {
    "\x00": ("ค่าว่าง", "NUL"),
    "\t": ("แท็บ", "TAB"),
    "\n": ("ขึ้นบรรทัดใหม่", "LINE FEED"),
    "\r": ("ขึ้นบรรทัดใหม่", "CARRIAGE RETURN"),
    "\u2028": ("ขึ้นบรรทัดใหม่", "LINE SEPARATOR"),
    "\u2029": ("ขึ้นย่อหน้าใหม่", "PARAGRAPH SEPARATOR"),
}
_FORMAT_PATTERN = re.compile(r"dla-drafter/letter@(\d+)")

# Keys of each object, in the order they are written (the spec's order).
_LETTER_KEYS = (
    "format", "kind", "urgency", "secrecy", "file_copy", "number", "agency", "date", "subject",
    "salutation", "addressee", "references", "enclosures", "body", "closing",
    "complimentary_close", "signer", "owner_unit", "contact", "qr", "copies_to", "recipients",
    "initials", "digits",
)  # fmt: skip
_NUMBER_KEYS = ("code", "circular", "serial")
_AGENCY_KEYS = ("name", "address")
_DATE_KEYS = ("day", "month", "year")
_ENCLOSURE_KEYS = ("text", "amount")
_SIGNER_KEYS = ("name", "position", "e_saraban")
_CONTACT_KEYS = ("phone", "fax", "email", "coordinator")
_QR_KEYS = ("url", "caption")
_RECIPIENTS_KEYS = ("title", "names")
_INITIAL_KEYS = ("role", "name")

T = TypeVar("T")
_MISSING: Any = object()


# --------------------------------------------------------------------------- dates


def days_in_month(month: int, year_be: int) -> int:
    """Days in ``month`` of Buddhist Era ``year_be``; leap years follow the Gregorian rule."""
    return calendar.monthrange(year_be - BE_OFFSET, month)[1]


def date_problems(day: object, month: object, year: object, field: str = "date") -> list[Problem]:
    """Range checks of a date whose parts already have the right types (ints, day maybe None).

    Shared by the loader and by ``checks``, so a date typed in the GUI gets the same words as
    one read from a file. Parts that are not ints are skipped (the type error says enough).
    """
    problems: list[Problem] = []
    month_ok = _is_int(month) and 1 <= month <= 12  # type: ignore[operator]
    year_ok = _is_int(year) and YEAR_MIN <= year <= YEAR_MAX  # type: ignore[operator]
    if _is_int(month) and not month_ok:
        problems.append(
            Problem(
                f"{field}.month", "month-range", "error",
                f"ต้องเป็นเลข ๑–๑๒ แต่ได้ {month}",
                f"must be a number 1–12, got {month}",
            )
        )  # fmt: skip
    if _is_int(year) and not year_ok:
        problems.append(_year_problem(year, f"{field}.year"))  # type: ignore[arg-type]
    if _is_int(day):
        assert isinstance(day, int)
        if month_ok and year_ok:
            assert isinstance(month, int) and isinstance(year, int)
            limit = days_in_month(month, year)
        elif month_ok:
            assert isinstance(month, int)
            limit = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        else:
            limit = 31
        if day < 1 or day > limit:
            problems.append(_day_problem(day, month if month_ok else None, year, limit, field))
    return problems


def _year_problem(year: int, field: str) -> Problem:
    if YEAR_MIN - BE_OFFSET <= year <= YEAR_MAX - BE_OFFSET:
        be = year + BE_OFFSET
        return Problem(
            field, "year-ce", "error",
            f"ดูเหมือนเป็นปี ค.ศ. ให้ใช้ปี พ.ศ. ({year} + 543 = {be})",
            f"looks like a C.E. year; use the Buddhist Era year ({year} + 543 = {be})",
        )  # fmt: skip
    return Problem(
        field, "year-range", "error",
        f"ต้องเป็นปี พ.ศ. ระหว่าง {to_thai_digits(YEAR_MIN)}–{to_thai_digits(YEAR_MAX)} แต่ได้ {year}",
        f"must be a Buddhist Era year {YEAR_MIN}–{YEAR_MAX}, got {year}",
    )  # fmt: skip


def _day_problem(day: int, month: int | None, year: object, limit: int, field: str) -> Problem:
    if day < 1 or month is None:
        return Problem(
            f"{field}.day", "day-range", "error",
            f"ต้องเป็นเลข ๑–{to_thai_digits(limit)} หรือเว้นว่าง (null) แต่ได้ {day}",
            f"must be a number 1–{limit} or blank (null), got {day}",
        )  # fmt: skip
    th_month, en_month = THAI_MONTHS[month - 1], _ENGLISH_MONTHS[month - 1]
    if _is_int(year) and YEAR_MIN <= year <= YEAR_MAX:  # type: ignore[operator]
        th_when, en_when = f"{th_month} {to_thai_digits(year)}", f"{en_month} {year} B.E."
    else:
        th_when, en_when = th_month, en_month
    th_note = en_note = ""
    if month == 2 and limit == 28:
        th_note, en_note = " (ปีนี้ไม่ใช่ปีอธิกสุรทิน)", " (not a leap year)"
    return Problem(
        f"{field}.day", "day-range", "error",
        f"เดือน{th_when} มีเพียง {to_thai_digits(limit)} วัน{th_note} แต่ได้ {day}",
        f"{en_when} has only {limit} days{en_note}, got {day}",
    )  # fmt: skip


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --------------------------------------------------------------------------- reading


def _show(value: object) -> tuple[str, str]:
    """What a wrong value was, briefly, in Thai and English (for "got …")."""
    if value is None:
        return "null (ค่าว่าง)", "null"
    if isinstance(value, bool):
        word = "true" if value else "false"
        return f"ค่าจริง/เท็จ {word}", f"boolean {word}"
    if isinstance(value, int | float):
        text = repr(value)
        text = text if len(text) <= 30 else text[:27] + "…"
        return f"ตัวเลข {text}", f"number {text}"
    if isinstance(value, str):
        text = value if len(value) <= 30 else value[:29] + "…"
        quoted = json.dumps(text, ensure_ascii=False)
        return f"ข้อความ {quoted}", f"text {quoted}"
    if isinstance(value, list):
        return f"รายการ [...] {len(value):,} รายการ", f"a list of {len(value):,} items"
    if isinstance(value, dict):
        return "ออบเจกต์ {…}", "an object {…}"
    kind = type(value).__name__
    return f"ค่าชนิด {kind}", f"a value of type {kind}"


_EXPECTED = {
    "text": ("ข้อความ", "text"),
    "text-or-null": ("ข้อความหรือ null", "text or null"),
    "int": ("ตัวเลขจำนวนเต็ม", "a whole number"),
    "int-or-null": ("ตัวเลขจำนวนเต็มหรือ null", "a whole number or null"),
    "bool": ("true หรือ false", "true or false"),
    "list": ("รายการ [...]", "a list [...]"),
    "object": ("ออบเจกต์ {…}", "an object {…}"),
}


class _Reader:
    """Walks one parsed draft, building the model and collecting every problem on the way.

    Each accessor returns a usable value (the default when the input is wrong), so reading goes
    on after the first problem and the clerk sees the whole list at once.
    """

    def __init__(self, *, owned: bool = False) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.owned = owned  # the input is ours (fresh from json.loads): unknown data not copied

    def error(self, field: str, code: str, th: str, en: str) -> None:
        self.errors.append(Problem(field, code, "error", th, en))

    def wrong_type(self, field: str, expected: str, value: object) -> None:
        want_th, want_en = _EXPECTED[expected]
        got_th, got_en = _show(value)
        self.error(
            field, "type", f"ต้องเป็น{want_th} แต่ได้{got_th}", f"must be {want_en}, got {got_en}"
        )

    def missing(self, field: str) -> None:
        self.error(field, "required", "ไม่มีในไฟล์ (ต้องมี)", "is missing (required)")

    def get(self, obj: dict[str, Any], key: str, path: str, required: bool) -> Any:
        if key in obj:
            return obj[key]
        if required:
            self.missing(path)
        return _MISSING

    # ---- scalars

    def string(self, value: object, path: str) -> str | None:
        """A checked string with invisible characters removed; None when it is unusable."""
        if not isinstance(value, str):
            return None
        if len(value) > MAX_STRING_CHARS:
            self.error(
                path, "too-long",
                f"ยาว {len(value):,} ตัวอักษร เกินที่กำหนด {MAX_STRING_CHARS:,} ตัวอักษร",
                f"is {len(value):,} characters long, more than the limit of {MAX_STRING_CHARS:,}",
            )  # fmt: skip
            return None
        bad = _BAD_CHAR.search(value)
        if bad is not None:
            self._bad_char(path, value, bad.start())
            return None
        if _INVISIBLE.search(value):
            value = self._strip_invisible(path, value)
        return value

    def _bad_char(self, path: str, value: str, index: int) -> None:
        char = value[index]
        code = f"U+{ord(char):04X}"
        count = len(_BAD_CHAR.findall(value))
        th_name, en_name = _BAD_CHAR_NAMES.get(char, ("ควบคุม", "CONTROL CHARACTER"))
        where_th = f"ที่ตัวอักษรที่ {index + 1:,}"
        where_en = f"at character {index + 1:,}"
        more_th = f" (รวม {count:,} ตัว)" if count > 1 else ""
        more_en = f" ({count:,} in all)" if count > 1 else ""
        if "\ud800" <= char <= "\udfff" or char in "\ufffe\uffff":
            self.error(
                path, "invalid-char",
                f"มีอักขระที่ไม่ถูกต้อง ({code}) {where_th}{more_th}",
                f"contains an invalid character ({code}) {where_en}{more_en}",
            )  # fmt: skip
            return
        hint_th = hint_en = ""
        if char in "\n\r\u2028\u2029":
            hint_th = " — แต่ละย่อหน้าหรือบรรทัดให้แยกเป็นรายการใหม่"
            hint_en = " — put each paragraph or line in its own list item"
        self.error(
            path, "control-char",
            f"มีอักขระ{th_name} ({code} {en_name}) {where_th}{more_th} ซึ่งใช้ในช่องนี้ไม่ได้{hint_th}",
            f"contains {code} {en_name} {where_en}{more_en}, not allowed here{hint_en}",
        )  # fmt: skip

    def _bad_key(self, path: str, key: str) -> None:
        shown = f'"{_printable(key)}"'
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in _SURROGATE.findall(key)}))
        self.error(
            path, "invalid-key",
            f"มีคีย์ชื่อ {shown} ที่มีอักขระไม่ถูกต้อง ({codes}) ซึ่งบันทึกเป็น UTF-8 ไม่ได้ "
            "ไฟล์อาจเสียหาย ลบหรือแก้ชื่อคีย์นี้ในไฟล์",
            f"has a key named {shown} holding an invalid character ({codes}) that cannot be "
            "saved as UTF-8; the file may be damaged: remove or rename this key",
        )  # fmt: skip

    def _strip_invisible(self, path: str, value: str) -> str:
        counts: dict[str, int] = {}
        for char in _INVISIBLE.findall(value):
            counts[char] = counts.get(char, 0) + 1
        listed = ", ".join(
            f"U+{ord(c):04X} {INVISIBLE_CHARS[c]}" + (f" ×{n}" if n > 1 else "")
            for c, n in counts.items()
        )
        total = sum(counts.values())
        self.warnings.append(
            Problem(
                path, "invisible-char", "warning",
                f"ลบอักขระที่มองไม่เห็นออก {total:,} ตัว ({listed})",
                f"removed {total:,} invisible character{'s' if total != 1 else ''} ({listed})",
            )
        )  # fmt: skip
        return _INVISIBLE.sub("", value)

    def text(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        default: str = "",
        *,
        required: bool = False,
    ) -> str:
        value = self.get(obj, key, path, required)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.wrong_type(path, "text", value)
            return default
        checked = self.string(value, path)
        return default if checked is None else checked

    def optional_text(self, obj: dict[str, Any], key: str, path: str) -> str | None:
        value = self.get(obj, key, path, False)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, str):
            self.wrong_type(path, "text-or-null", value)
            return None
        return self.string(value, path)

    def boolean(self, obj: dict[str, Any], key: str, path: str) -> bool:
        value = self.get(obj, key, path, False)
        if value is _MISSING:
            return False
        if not isinstance(value, bool):
            self.wrong_type(path, "bool", value)
            return False
        return value

    def integer(self, obj: dict[str, Any], key: str, path: str, *, nullable: bool) -> Any:
        """An int, None (only when ``nullable``) or ``_MISSING`` when absent or wrong."""
        value = self.get(obj, key, path, not nullable)
        if value is _MISSING:
            return _MISSING
        if value is None and nullable:
            return None
        if not _is_int(value):
            self.wrong_type(path, "int-or-null" if nullable else "int", value)
            return _MISSING
        return value

    def choice(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        allowed: tuple[str, ...],
        default: str | None,
        *,
        nullable: bool = False,
    ) -> Any:
        value = self.get(obj, key, path, False)
        if value is _MISSING or (value is None and nullable):
            return default
        if not isinstance(value, str) or value not in allowed:
            names = ", ".join(json.dumps(a, ensure_ascii=False) for a in allowed)
            if nullable:
                names += ", null"
            got_th, got_en = _show(value)
            self.error(
                path, "enum",
                f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {names} แต่ได้{got_th}",
                f"must be one of {names}, got {got_en}",
            )  # fmt: skip
            return default
        return value

    # ---- containers

    def obj(self, parent: dict[str, Any], key: str, path: str, *, required: bool = False) -> Any:
        value = self.get(parent, key, path, required)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.wrong_type(path, "object", value)
            return None
        return value

    def items(self, obj: dict[str, Any], key: str, path: str, *, required: bool = False) -> list:
        value = self.get(obj, key, path, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.wrong_type(path, "list", value)
            return []
        if len(value) > MAX_LIST_ITEMS:
            self.error(
                path, "too-many-items",
                f"มี {len(value):,} รายการ เกินที่กำหนด {MAX_LIST_ITEMS:,} รายการ",
                f"has {len(value):,} items, more than the limit of {MAX_LIST_ITEMS:,}",
            )  # fmt: skip
            return []
        return value

    def text_list(
        self, obj: dict[str, Any], key: str, path: str, *, required: bool = False
    ) -> list[str]:
        result: list[str] = []
        for index, item in enumerate(self.items(obj, key, path, required=required)):
            item_path = f"{path}[{index}]"
            if not isinstance(item, str):
                self.wrong_type(item_path, "text", item)
                continue
            checked = self.string(item, item_path)
            if checked is not None:
                result.append(checked)
        return result

    def object_list(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        build: Callable[[dict[str, Any], str], T],
    ) -> list[T]:
        result: list[T] = []
        for index, item in enumerate(self.items(obj, key, path)):
            item_path = f"{path}[{index}]"
            if not isinstance(item, dict):
                self.wrong_type(item_path, "object", item)
                continue
            result.append(build(item, item_path))
        return result

    def extra(self, obj: dict[str, Any], known: tuple[str, ...], path: str) -> dict[str, Any]:
        """Keys this version does not know, kept as they are (checked only for JSON-ness).

        A key whose *name* holds a lone surrogate (``"\\ud800"`` in the file) is refused on
        load, naming it: such a name cannot be written as UTF-8, so keeping it would open a
        draft that no save could ever write (values with one are refused the same way).
        """
        kept: dict[str, Any] = {}
        for key, value in obj.items():
            if key in known:
                continue
            if _SURROGATE.search(key):
                self._bad_key(path, key)
                continue
            key_path = f"{path}.{key}" if path else key
            kept[key] = _copy_json(value, key_path, self.errors, copy=not self.owned)
        return kept


def _copy_json(
    value: Any, path: str | None = None, errors: list[Problem] | None = None, *, copy: bool = True
) -> Any:
    """A deep copy of a JSON value, without recursion (nesting may be deep).

    ``copy=False`` only checks and returns ``value`` itself: data fresh from ``json.loads``
    belongs to nobody else, and not copying halves the time on a huge file.

    With ``errors`` given, values that cannot be written back as UTF-8 JSON (lone surrogates,
    NaN, non-JSON types, nesting deeper than ``MAX_DEPTH``, lists over ``MAX_LIST_ITEMS``) are
    reported at their path. Paths are kept as parent links and spelled out only for a problem:
    a hostile file can hold millions of values, and this must stay fast.
    """
    check = errors is not None

    def bad(where: _Where, th: str, en: str) -> None:
        if errors is not None:
            errors.append(Problem(_spell(where), "extra-value", "error", th, en))

    if not isinstance(value, _CONTAINERS):
        if check and (problem := _scalar_problem(value)):
            bad(path or "", *problem)
        return value
    root: Any = value if not copy else {} if isinstance(value, dict) else []
    stack: list[tuple[Any, Any, _Where, int]] = [(value, root, path or "", 1)]
    too_deep = False
    while stack:
        source, target, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            # Reported once, at the unknown key itself: a path of 200 "[0]" helps nobody.
            if check and not too_deep:
                th, en = f"ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น", f"is nested deeper than {MAX_DEPTH}"
                bad(path or "", th, en)
            too_deep = True
            continue
        if isinstance(source, dict):
            for key, item in source.items():
                if check and (not isinstance(key, str) or _SURROGATE.search(key)):
                    bad(where, "ชื่อคีย์ไม่ถูกต้อง", "contains an invalid key")
                if type(item) in _PLAIN:
                    pass
                elif isinstance(item, _CONTAINERS):
                    copied: Any = item if not copy else {} if isinstance(item, dict) else []
                    stack.append((item, copied, (where, key, False), depth + 1))
                    item = copied
                elif check and (problem := _scalar_problem(item)):
                    bad((where, key, False), *problem)
                if copy:
                    target[key] = item
            continue
        if check and len(source) > MAX_LIST_ITEMS:
            bad(
                where,
                f"มี {len(source):,} รายการ เกินที่กำหนด {MAX_LIST_ITEMS:,} รายการ",
                f"has {len(source):,} items, more than the limit of {MAX_LIST_ITEMS:,}",
            )
            continue
        for index, item in enumerate(source):
            if type(item) in _PLAIN:
                pass
            elif isinstance(item, _CONTAINERS):
                copied = item if not copy else {} if isinstance(item, dict) else []
                stack.append((item, copied, (where, index, True), depth + 1))
                item = copied
            elif check and (problem := _scalar_problem(item)):
                bad((where, index, True), *problem)
            if copy:
                target.append(item)
    return root


# A path inside unknown data: a plain string, or (parent, key or index, is_index).
_Where = str | tuple[Any, Any, bool]


def _spell(where: _Where) -> str:
    parts: list[str] = []
    while isinstance(where, tuple):
        where, key, is_index = where
        parts.append(f"[{key}]" if is_index else f".{_printable(str(key))}")
    return where + "".join(reversed(parts))


def _printable(name: str) -> str:
    """A key name that can be printed and saved: lone surrogates spelled ``\\udXXX``
    (a field path holding one would crash the terminal or the log that shows it)."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", name)


_CONTAINERS = (dict, list)
_PLAIN = (int, bool, type(None))  # leaves that are always valid JSON: no check needed
_SURROGATE = re.compile("[\ud800-\udfff]")


def _scalar_problem(item: Any) -> tuple[str, str] | None:
    """Why a leaf value cannot be written back as UTF-8 JSON (Thai, English), or None."""
    if item is None or isinstance(item, bool | int):
        return None
    if isinstance(item, str):
        if _SURROGATE.search(item):
            return "มีอักขระที่ไม่ถูกต้อง", "contains an invalid character"
        return None
    if isinstance(item, float):
        if not math.isfinite(item):
            return f"ค่า {item} ไม่ใช่ตัวเลข JSON", f"{item} is not a JSON number"
        return None
    got_th, got_en = _show(item)
    return f"ไม่ใช่ค่า JSON ({got_th})", f"is not a JSON value ({got_en})"


def _read_letter(r: _Reader, data: dict[str, Any]) -> Letter:
    number = r.obj(data, "number", "number")
    agency = r.obj(data, "agency", "agency")
    signer = r.obj(data, "signer", "signer")
    contact = r.obj(data, "contact", "contact")
    qr = r.obj(data, "qr", "qr")
    recipients = r.obj(data, "recipients", "recipients")
    return Letter(
        kind=r.choice(data, "kind", "kind", KINDS, "external"),
        urgency=r.choice(data, "urgency", "urgency", URGENCIES, None, nullable=True),
        secrecy=r.choice(data, "secrecy", "secrecy", SECRECIES, None, nullable=True),
        file_copy=r.boolean(data, "file_copy", "file_copy"),
        number=Number() if number is None else _read_number(r, number),
        agency=Agency() if agency is None else _read_agency(r, agency),
        date=_read_date(r, r.obj(data, "date", "date", required=True)),
        subject=r.text(data, "subject", "subject", required=True),
        salutation=r.text(data, "salutation", "salutation", DEFAULT_SALUTATION),
        addressee=r.text(data, "addressee", "addressee", required=True),
        references=r.text_list(data, "references", "references"),
        enclosures=r.object_list(data, "enclosures", "enclosures", _reader_of_enclosure(r)),
        body=r.text_list(data, "body", "body", required=True),
        closing=r.text(data, "closing", "closing"),
        complimentary_close=r.text(
            data, "complimentary_close", "complimentary_close", DEFAULT_CLOSE
        ),
        signer=Signer() if signer is None else _read_signer(r, signer),
        owner_unit=r.text_list(data, "owner_unit", "owner_unit"),
        contact=Contact() if contact is None else _read_contact(r, contact),
        qr=QRCode() if qr is None else _read_qr(r, qr),
        copies_to=r.text_list(data, "copies_to", "copies_to"),
        recipients=Recipients() if recipients is None else _read_recipients(r, recipients),
        initials=r.object_list(data, "initials", "initials", _reader_of_initial(r)),
        digits=r.choice(data, "digits", "digits", DIGIT_MODES, "thai"),
        extra=r.extra(data, _LETTER_KEYS, ""),
    )


def _read_number(r: _Reader, d: dict[str, Any]) -> Number:
    return Number(
        code=r.text(d, "code", "number.code"),
        circular=r.boolean(d, "circular", "number.circular"),
        serial=r.optional_text(d, "serial", "number.serial"),
        extra=r.extra(d, _NUMBER_KEYS, "number"),
    )


def _read_agency(r: _Reader, d: dict[str, Any]) -> Agency:
    return Agency(
        name=r.text(d, "name", "agency.name"),
        address=r.text_list(d, "address", "agency.address"),
        extra=r.extra(d, _AGENCY_KEYS, "agency"),
    )


def _read_date(r: _Reader, d: dict[str, Any] | None) -> LetterDate:
    if d is None:
        return LetterDate()
    day = r.integer(d, "day", "date.day", nullable=True)
    month = r.integer(d, "month", "date.month", nullable=False)
    year = r.integer(d, "year", "date.year", nullable=False)
    r.errors.extend(date_problems(day, month, year))
    default = LetterDate()
    return LetterDate(
        month=default.month if month is _MISSING else month,
        year=default.year if year is _MISSING else year,
        day=None if day is _MISSING else day,
        extra=r.extra(d, _DATE_KEYS, "date"),
    )


def _reader_of_enclosure(r: _Reader) -> Callable[[dict[str, Any], str], Enclosure]:
    def build(d: dict[str, Any], path: str) -> Enclosure:
        return Enclosure(
            text=r.text(d, "text", f"{path}.text"),
            amount=r.text(d, "amount", f"{path}.amount"),
            extra=r.extra(d, _ENCLOSURE_KEYS, path),
        )

    return build


def _reader_of_initial(r: _Reader) -> Callable[[dict[str, Any], str], Initial]:
    def build(d: dict[str, Any], path: str) -> Initial:
        return Initial(
            role=r.text(d, "role", f"{path}.role"),
            name=r.text(d, "name", f"{path}.name"),
            extra=r.extra(d, _INITIAL_KEYS, path),
        )

    return build


def _read_signer(r: _Reader, d: dict[str, Any]) -> Signer:
    return Signer(
        name=r.text(d, "name", "signer.name"),
        position=r.text_list(d, "position", "signer.position"),
        e_saraban=r.boolean(d, "e_saraban", "signer.e_saraban"),
        extra=r.extra(d, _SIGNER_KEYS, "signer"),
    )


def _read_contact(r: _Reader, d: dict[str, Any]) -> Contact:
    return Contact(
        phone=r.text(d, "phone", "contact.phone"),
        fax=r.text(d, "fax", "contact.fax"),
        email=r.text(d, "email", "contact.email"),
        coordinator=r.text(d, "coordinator", "contact.coordinator"),
        extra=r.extra(d, _CONTACT_KEYS, "contact"),
    )


def _read_qr(r: _Reader, d: dict[str, Any]) -> QRCode:
    return QRCode(
        url=r.text(d, "url", "qr.url"),
        caption=r.text(d, "caption", "qr.caption", DEFAULT_QR_CAPTION),
        extra=r.extra(d, _QR_KEYS, "qr"),
    )


def _read_recipients(r: _Reader, d: dict[str, Any]) -> Recipients:
    return Recipients(
        title=r.text(d, "title", "recipients.title", DEFAULT_RECIPIENTS_TITLE),
        names=r.text_list(d, "names", "recipients.names"),
        extra=r.extra(d, _RECIPIENTS_KEYS, "recipients"),
    )


def _format_problem(data: dict[str, Any]) -> tuple[Problem | None, bool]:
    """The problem with ``format``, and whether reading should stop there.

    A file of another format or of a newer version is not read further: its other "problems"
    would only be differences between versions and would bury the one message that matters.
    """
    if "format" not in data:
        return (
            Problem(
                "format", "format-missing", "error",
                f"ไม่มีรหัสรูปแบบไฟล์ (ต้องเป็น \"{FORMAT_V1}\") ไฟล์นี้อาจไม่ใช่ไฟล์ร่างของ DLA Drafter",
                f"is missing (must be \"{FORMAT_V1}\"); this may not be a DLA Drafter draft",
            ),
            False,
        )  # fmt: skip
    value = data["format"]
    if value == FORMAT_V1:
        return None, False
    match = _FORMAT_PATTERN.fullmatch(value) if isinstance(value, str) else None
    if match is not None and _newer_version(match.group(1)):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return (
            Problem(
                "format", "format-newer", "error",
                f"ไฟล์นี้สร้างด้วย DLA Drafter รุ่นที่ใหม่กว่า ({shown}) "
                "โปรดปรับปรุงโปรแกรมเป็นรุ่นล่าสุดเพื่อเปิดไฟล์นี้",
                f"this file was made by a newer version of DLA Drafter ({shown}); "
                "update the program to open it",
            ),
            True,
        )  # fmt: skip
    got_th, got_en = _show(value)
    return (
        Problem(
            "format", "format-unknown", "error",
            f"ต้องเป็น \"{FORMAT_V1}\" แต่ได้{got_th} ไฟล์นี้ไม่ใช่ไฟล์ร่างของ DLA Drafter",
            f"must be \"{FORMAT_V1}\", got {got_en}; this is not a DLA Drafter draft",
        ),
        True,
    )  # fmt: skip


def _newer_version(digits: str) -> bool:
    """Whether a format version's digits mean a version above 1, without ``int()`` on a long
    string (Python refuses more than 4,300 digits with a ValueError, which was a traceback)."""
    significant = digits.lstrip("0")
    return len(significant) > 18 or (bool(significant) and int(significant) > 1)


def letter_from_dict_with_warnings(data: object) -> tuple[Letter, list[Problem]]:
    """Build a :class:`Letter` from parsed JSON; also return the warnings (removed characters).

    Raises :class:`DraftError` listing every error found (followed by any warnings). ``data``
    is not changed, and the letter shares nothing with it.
    """
    return _from_dict(data, owned=False)


def _from_dict(data: object, *, owned: bool) -> tuple[Letter, list[Problem]]:
    if not isinstance(data, dict):
        got_th, got_en = _show(data)
        raise DraftError(
            [
                Problem(
                    "", "top-level-type", "error",
                    f"ต้องเป็นออบเจกต์ JSON {{…}} แต่ได้{got_th}",
                    f"must be a JSON object {{…}}, got {got_en}",
                )
            ]
        )  # fmt: skip
    reader = _Reader(owned=owned)
    problem, stop = _format_problem(data)
    if problem is not None:
        if stop:
            raise DraftError([problem])
        reader.errors.append(problem)
    letter = _read_letter(reader, data)
    if reader.errors:
        raise DraftError(reader.errors + reader.warnings)
    return letter, reader.warnings


def letter_from_dict(data: object) -> Letter:
    """Build a :class:`Letter` from parsed JSON; raises :class:`DraftError` on any error."""
    return letter_from_dict_with_warnings(data)[0]


# --------------------------------------------------------------------------- writing


def _with_extra(known: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Known keys first (fixed order), then the unknown ones in the order they were read.

    An unknown key that shadows a known one is dropped: the typed field is the truth.
    """
    for key, value in extra.items():
        if key not in known:
            known[key] = _copy_json(value)
    return known


def _copy_list(value: Any) -> Any:
    """A copy of a list field; anything else is passed on for validation to name, not coerced
    (``list("abc")`` would silently turn a mistaken string into three paragraphs)."""
    return list(value) if isinstance(value, list) else value


def _signer_dict(s: Signer) -> dict[str, Any]:
    """``e_saraban`` is written only when on, so a v1 file without it saves byte for byte.

    Anything but False is written as it is, so that a wrong type set by code is named by the
    loader's check rather than silently dropped."""
    known: dict[str, Any] = {"name": s.name, "position": _copy_list(s.position)}
    if s.e_saraban is not False:
        known["e_saraban"] = s.e_saraban
    return known


def letter_to_dict(letter: Letter) -> dict[str, Any]:
    """The JSON object for ``letter``: ``format``, every known key, and the unknown keys back
    at the level they came from. Values are copied; changing the dict leaves the letter as is.
    """
    n, a, d, s = letter.number, letter.agency, letter.date, letter.signer
    c, q, rc = letter.contact, letter.qr, letter.recipients
    return _with_extra(
        {
            "format": FORMAT_V1,
            "kind": letter.kind,
            "urgency": letter.urgency,
            "secrecy": letter.secrecy,
            "file_copy": letter.file_copy,
            "number": _with_extra(
                {"code": n.code, "circular": n.circular, "serial": n.serial}, n.extra
            ),
            "agency": _with_extra({"name": a.name, "address": _copy_list(a.address)}, a.extra),
            "date": _with_extra({"day": d.day, "month": d.month, "year": d.year}, d.extra),
            "subject": letter.subject,
            "salutation": letter.salutation,
            "addressee": letter.addressee,
            "references": _copy_list(letter.references),
            "enclosures": [
                _with_extra({"text": e.text, "amount": e.amount}, e.extra)
                for e in letter.enclosures
            ],
            "body": _copy_list(letter.body),
            "closing": letter.closing,
            "complimentary_close": letter.complimentary_close,
            "signer": _with_extra(_signer_dict(s), s.extra),
            "owner_unit": _copy_list(letter.owner_unit),
            "contact": _with_extra(
                {"phone": c.phone, "fax": c.fax, "email": c.email, "coordinator": c.coordinator},
                c.extra,
            ),
            "qr": _with_extra({"url": q.url, "caption": q.caption}, q.extra),
            "copies_to": _copy_list(letter.copies_to),
            "recipients": _with_extra({"title": rc.title, "names": _copy_list(rc.names)}, rc.extra),
            "initials": [
                _with_extra({"role": i.role, "name": i.name}, i.extra) for i in letter.initials
            ],
            "digits": letter.digits,
        },
        letter.extra,
    )


def validate_letter(letter: Letter) -> list[Problem]:
    """Every problem saving ``letter`` would meet (errors, then warnings); [] when it is clean.

    The GUI and ``checks`` use this to flag, before a save, a month typed as 13 or a TAB pasted
    into a field, with the same messages a file would give.
    """
    try:
        _, warnings = _from_dict(letter_to_dict(letter), owned=True)
    except DraftError as exc:
        return exc.problems
    return warnings


def dumps_draft(letter: Letter, *, strict: bool = True) -> str:
    """The draft file's text: UTF-8-ready JSON, Thai as is, indent 2, keys in a fixed order.

    ``strict`` (the default, for files the clerk saves): the letter is validated first and the
    result must fit the loader's size limit, else :class:`DraftError`, so no file that could
    not be opened again is ever written; invisible characters are left out, as the spec stores
    text without them.

    ``strict=False`` is for crash-recovery copies, where keeping every character typed matters
    more than validity: the model is written as it is (a TAB or a month of 13 included; the
    loader will then name the field), and only what JSON cannot hold at all is replaced.
    """
    if not strict:
        return _dumps_best_effort(letter)
    clean, _ = _from_dict(letter_to_dict(letter), owned=True)  # to_dict made fresh copies
    try:
        text = json.dumps(letter_to_dict(clean), ensure_ascii=False, indent=2, allow_nan=False)
        text.encode("utf-8")  # a lone surrogate anywhere would only fail at the disk
    except (TypeError, ValueError, RecursionError) as exc:  # defensive: validated above
        raise DraftError(
            [Problem("", "write-failed", "error", f"แปลงเป็น JSON ไม่ได้: {exc}", str(exc))]
        ) from exc
    text += "\n"
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:  # the loader would refuse it: never write such a file
        limit_mb, size_mb = MAX_FILE_BYTES // (1024 * 1024), size / (1024 * 1024)
        raise DraftError(
            [
                _file_problem(
                    "file-too-large",
                    f"ร่างนี้มีขนาด {size_mb:.1f} MB เกิน {limit_mb} MB จึงบันทึกไม่ได้ "
                    "(ไฟล์ที่ใหญ่กว่านี้จะเปิดอีกไม่ได้) ลดข้อความหรือรายการลง",
                    f"the draft would be {size_mb:.1f} MB, over the {limit_mb} MB limit that "
                    "the program can open again; shorten it",
                )
            ]
        )
    return text


def _dumps_best_effort(letter: Letter) -> str:
    """JSON for any letter: values JSON cannot hold become their ``repr`` and lone surrogates
    are escaped so that the text always encodes; nothing is validated or dropped."""
    data = letter_to_dict(letter)
    text = json.dumps(data, ensure_ascii=False, indent=2, default=repr)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=2, default=repr)
    return text + "\n"


def save_draft(letter: Letter, path: str | os.PathLike[str], *, backup: bool = False) -> None:
    """Write ``letter`` to ``path`` atomically; with ``backup`` the old file becomes ``.bak``.

    Raises :class:`DraftError` when the letter itself is invalid (nothing is written) and
    :class:`~dla_drafter.atomic.AtomicWriteError` when the disk refuses, or when ``path`` is
    a read-only file (it is never replaced). Temporary files an earlier, killed save of
    ``path`` left behind are removed once this save succeeds (``atomic.remove_stale_temps``).

    This replaces whatever is in the file: it is for a new file, or one the caller means to
    overwrite. A draft that others may save too (a shared folder) is saved with
    ``model.concurrent.save_shared`` (``review.merge_records.save_merging``), which merges
    what they saved since it was opened. Both hold the draft's lock (``model.draftlock``)
    while writing, so neither writes into the middle of the other's merge.
    """
    text = dumps_draft(letter)
    with draft_lock(path):
        atomic_write_text(path, text, backup=backup)


# --------------------------------------------------------------------------- files


def _file_problem(code: str, th: str, en: str) -> Problem:
    return Problem("", code, "error", th, en)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing folders and anything over ``MAX_FILE_BYTES`` before reading."""
    limit_mb = MAX_FILE_BYTES // (1024 * 1024)
    too_large = _file_problem(
        "file-too-large",
        f"ไฟล์ใหญ่เกิน {limit_mb} MB จึงไม่ใช่ไฟล์ร่างหนังสือ",
        f"the file is larger than {limit_mb} MB, so it is not a letter draft",
    )
    try:
        if path.is_dir():
            raise DraftError(
                [
                    _file_problem(
                        "file-is-directory",
                        f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ เลือกไฟล์ .dladraft",
                        f"{path} is a folder, not a file; choose a .dladraft file",
                    )
                ],
                path,
            )
        with open(path, "rb") as stream:
            if os.fstat(stream.fileno()).st_size > MAX_FILE_BYTES:
                raise DraftError([too_large], path)
            data = stream.read(MAX_FILE_BYTES + 1)  # a pipe or a growing file lies in fstat
    except FileNotFoundError:
        problem = _file_problem(
            "file-missing", f"ไม่พบไฟล์ {path}", f"the file {path} does not exist"
        )
        raise DraftError([problem], path) from None
    except IsADirectoryError:
        problem = _file_problem(
            "file-is-directory", f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"{path} is a folder"
        )
        raise DraftError([problem], path) from None
    except PermissionError:
        problem = _file_problem(
            "file-permission",
            f"ไม่มีสิทธิ์อ่านไฟล์ {path} หรือไฟล์ถูกโปรแกรมอื่นล็อกไว้",
            f"no permission to read {path}, or another program has locked it",
        )
        raise DraftError([problem], path) from None
    except OSError as exc:
        problem = _file_problem(
            "file-unreadable", f"อ่านไฟล์ {path} ไม่ได้: {exc}", f"{path} cannot be read: {exc}"
        )
        raise DraftError([problem], path) from None
    if len(data) > MAX_FILE_BYTES:
        raise DraftError([too_large], path)
    return data


# What a file that is not a draft most likely is, from its first bytes: (Thai, English).
# A clerk picks the letter's PDF or DOCX instead of its draft more often than a broken file.
_ZIP_KINDS = (
    ("word/", ("เอกสาร Word (.docx)", "a Word document (.docx)")),
    ("xl/", ("สมุดงาน Excel (.xlsx)", "an Excel workbook (.xlsx)")),
    ("ppt/", ("งานนำเสนอ PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)")),
    ("content.xml", ("เอกสาร OpenDocument (.odt/.ods)", "an OpenDocument file (.odt/.ods)")),
)
_MAGIC_KINDS = (
    (b"%PDF-", ("เอกสาร PDF (.pdf)", "a PDF document (.pdf)")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     ("เอกสาร Word หรือ Excel รุ่นเก่า (.doc/.xls)", "an old Word or Excel file (.doc/.xls)")),
    (b"{\\rtf", ("เอกสาร RTF (.rtf)", "an RTF document (.rtf)")),
    (b"\x89PNG", ("รูปภาพ PNG", "a PNG image")),
    (b"\xff\xd8\xff", ("รูปภาพ JPEG", "a JPEG image")),
)


def _file_kind(data: bytes) -> tuple[str, str] | None:
    """What ``data`` is when it is plainly not a draft (a PDF, a DOCX, a ZIP, binary), or None."""
    for magic, kind in _MAGIC_KINDS:
        if data.startswith(magic):
            return kind
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, ValueError, OSError):
            names = []
        for prefix, kind in _ZIP_KINDS:
            if any(name.startswith(prefix) for name in names):
                return kind
        return "ไฟล์บีบอัด ZIP", "a ZIP archive"
    head = data[:8192]
    if b"\x00" in head and not _looks_utf16(head):
        return "ข้อมูลไบนารี (ไม่ใช่ข้อความ)", "a binary file (not text)"
    return None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 text, with or without a BOM (a JSON object: ``{`` then no NUL characters)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    even = head[: len(head) - len(head) % 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = even.decode(encoding, errors="replace")
        if text.lstrip(" \t\r\n").startswith("{") and "\x00" not in text:
            return True
    return False


def _decode(data: bytes, path: Path | None) -> str:
    kind = _file_kind(data)
    if kind is not None:
        problem = _file_problem(
            "file-not-draft",
            f"ไฟล์นี้เป็น{kind[0]} ไม่ใช่ไฟล์ร่างหนังสือ เปิดได้เฉพาะไฟล์ .dladraft หรือ .dladraft.json "
            "(ไฟล์ร่างที่บันทึกจากโปรแกรมนี้)",
            f"this file is {kind[1]}, not a letter draft; only .dladraft or .dladraft.json files "
            "(drafts saved by this program) can be opened",
        )
        raise DraftError([problem], path)
    if _looks_utf16(data[:8192]):
        problem = _file_problem(
            "file-encoding",
            "ไฟล์ถูกบันทึกเป็น UTF-16 ต้องบันทึกเป็น UTF-8",
            "the file is saved as UTF-16; it must be UTF-8",
        )
        raise DraftError([problem], path)
    if data.startswith(codecs.BOM_UTF8):  # Windows Notepad adds one; harmless
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        problem = _file_problem(
            "file-encoding",
            f"ไม่ใช่ข้อความ UTF-8 ที่ถูกต้อง (ไบต์ 0x{byte:02X} ที่บรรทัด {line} คอลัมน์ {column}) "
            "ไฟล์อาจเสียหายหรือบันทึกด้วยรหัสอักขระอื่น (เช่น TIS-620)",
            f"not valid UTF-8 (byte 0x{byte:02X} at line {line}, column {column}); the file "
            "may be damaged or in another encoding (e.g. TIS-620)",
        )
        raise DraftError([problem], path) from None


class _NonFiniteNumber(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _NonFiniteNumber(name)


def _parse(text: str, path: Path | None) -> object:
    if not text.strip():
        problem = _file_problem("json-empty", "ไฟล์ว่างเปล่า", "the file is empty")
        raise DraftError([problem], path)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        problem = _file_problem(
            "json-syntax",
            f"ไฟล์เสียหายหรือไม่ใช่ JSON ที่ถูกต้อง ที่บรรทัด {exc.lineno} คอลัมน์ {exc.colno} ({exc.msg})",
            f"damaged or not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})",
        )
    except _NonFiniteNumber as exc:
        problem = _file_problem(
            "json-syntax",
            f"มีค่า {exc} ซึ่งไม่ใช่ตัวเลขใน JSON มาตรฐาน",
            f"contains {exc}, which is not a standard JSON number",
        )
    except RecursionError:
        problem = _file_problem(
            "json-too-deep", "ข้อมูลซ้อนกันลึกเกินไป", "the data is nested too deeply"
        )
    except ValueError as exc:  # e.g. an integer with thousands of digits
        problem = _file_problem(
            "json-syntax", f"มีค่าที่อ่านไม่ได้: {exc}", f"contains an unreadable value: {exc}"
        )
    raise DraftError([problem], path)


def loads_draft(text: str | bytes) -> Letter:
    """Parse a draft from its text (or raw bytes); the in-memory twin of :func:`load_draft`."""
    if len(text) > MAX_FILE_BYTES:
        limit_mb = MAX_FILE_BYTES // (1024 * 1024)
        problem = _file_problem(
            "file-too-large", f"ข้อมูลใหญ่เกิน {limit_mb} MB", f"larger than {limit_mb} MB"
        )
        raise DraftError([problem])
    data = text if isinstance(text, str) else _decode(text, None)
    return _from_dict(_parse(data, None), owned=True)[0]


def load_draft_with_warnings(path: str | os.PathLike[str]) -> tuple[Letter, list[Problem]]:
    """Open a draft file: the letter and the warnings (e.g. invisible characters removed).

    Raises :class:`DraftError` (with ``path`` set) for anything that keeps the file from
    opening: missing, a folder, unreadable, too large, not UTF-8, not JSON, not a v1 draft, or
    invalid values.
    """
    letter, warnings, _raw = read_draft_file(path)
    return letter, warnings


def read_draft_file(path: str | os.PathLike[str]) -> tuple[Letter, list[Problem], bytes]:
    """:func:`load_draft_with_warnings`, and the bytes the letter was read from (one read):
    what the draft was when it was opened, for the merging save (``model.concurrent``)."""
    file = Path(path)
    raw = _read_bytes(file)
    data = _parse(_decode(raw, file), file)
    try:
        letter, warnings = _from_dict(data, owned=True)
    except DraftError as exc:
        raise DraftError(exc.problems, file) from None
    return letter, warnings, raw


def load_draft(path: str | os.PathLike[str]) -> Letter:
    """Open a draft file; see :func:`load_draft_with_warnings`."""
    return load_draft_with_warnings(path)[0]
