"""What changed between two versions of a letter, field by field and word by word.

Word's compare marks a whole Thai line as changed because Thai has no spaces; here the words
come from the same breaker the typesetter uses (:func:`dla_drafter.text.wordbreak.
default_breaker`), so a one-word edit in a long paragraph is one word. Fields are named with
the draft-file paths of the problems panel (``subject``, ``body[2]``, ``enclosures[0].amount``)
so the desktop program can jump to the input box, and list items are aligned first, so a
paragraph inserted at the top does not make every later paragraph look changed.

:func:`diff_letters` gives a :class:`LetterDiff`: its ``fields`` are the changed fields in
letter order, each with ``pieces`` (runs of equal / deleted / inserted text, for drawing) and
``hunks`` (one per change, with character offsets in the old and the new text, for
highlighting); ``LetterDiff.steps`` is every hunk in order, for "next change / previous
change".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from dla_drafter.fields import REVIEW_KEY, field_label
from dla_drafter.model.letter import Letter

from .integrity import canonical_json, letter_snapshot

Op = Literal["equal", "delete", "insert"]
ChangeKind = Literal["changed", "added", "removed"]


@dataclass(frozen=True)
class Hunk:
    """One change: ``old[old_start:old_end]`` became ``new[new_start:new_end]``."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str


@dataclass(frozen=True)
class FieldChange:
    """A field whose text differs. ``field`` is its path in the new letter (in the old one for
    a removed field); ``old_field`` its path in the old letter (they differ when paragraphs
    were inserted or removed before it)."""

    field: str
    old_field: str | None
    kind: ChangeKind
    old: str
    new: str
    pieces: tuple[tuple[Op, str], ...]
    hunks: tuple[Hunk, ...]

    def label(self, lang: str = "th") -> str:
        return field_label(self.field, lang)


@dataclass(frozen=True)
class LetterDiff:
    fields: tuple[FieldChange, ...]

    def __bool__(self) -> bool:
        return bool(self.fields)

    @property
    def steps(self) -> list[tuple[FieldChange, Hunk]]:
        """Every change in reading order: what "next change" steps through."""
        return [(change, hunk) for change in self.fields for hunk in change.hunks]


def _words(text: str) -> list[str]:
    from dla_drafter.text.wordbreak import default_breaker

    return default_breaker().segments(text) if text else []


def word_diff(old: str, new: str) -> tuple[tuple[tuple[Op, str], ...], tuple[Hunk, ...]]:
    """Pieces and hunks of the word-level difference between two texts."""
    a, b = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces: list[tuple[Op, str]] = []
    hunks: list[Hunk] = []
    old_pos = new_pos = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            pieces.append(("equal", old_text))
        else:
            if old_text:
                pieces.append(("delete", old_text))
            if new_text:
                pieces.append(("insert", new_text))
            hunks.append(
                Hunk(old_pos, old_pos + len(old_text), new_pos, new_pos + len(new_text),
                     old_text, new_text)
            )  # fmt: skip
        old_pos += len(old_text)
        new_pos += len(new_text)
    return tuple(pieces), tuple(hunks)


def scalar_text(value: Any) -> str:
    """How a field's value reads in a diff: text as is, numbers as digits, null as nothing."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return canonical_json(value).decode("utf-8")


def field_texts(snapshot: Mapping[str, Any]) -> dict[str, str]:
    """Every field of a snapshot by its path (``body[2]`` …) with its text."""
    out: dict[str, str] = {}
    for path, value in _leaves("", snapshot):
        out[path] = scalar_text(value)
    return out


def _leaves(path: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not path and key in ("format", REVIEW_KEY):
                continue
            yield from _leaves(f"{path}.{key}" if path else str(key), item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(f"{path}[{index}]", item)
    else:
        yield path, value


def _whole(kind: ChangeKind, path: str, value: Any, out: list[FieldChange]) -> None:
    for leaf, item in _leaves(path, value):
        text = scalar_text(item)
        if kind == "added":
            pieces: tuple[tuple[Op, str], ...] = (("insert", text),) if text else ()
            hunk = Hunk(0, 0, 0, len(text), "", text)
            out.append(FieldChange(leaf, None, kind, "", text, pieces, (hunk,)))
        else:
            pieces = (("delete", text),) if text else ()
            hunk = Hunk(0, len(text), 0, 0, text, "")
            out.append(FieldChange(leaf, leaf, kind, text, "", pieces, (hunk,)))


def _compare(old_path: str, new_path: str, old: Any, new: Any, out: list[FieldChange]) -> None:
    if old == new:
        return
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key, item in new.items():
            if not new_path and key in ("format", REVIEW_KEY):
                continue
            sub_new = f"{new_path}.{key}" if new_path else key
            sub_old = f"{old_path}.{key}" if old_path else key
            if key in old:
                _compare(sub_old, sub_new, old[key], item, out)
            else:
                _whole("added", sub_new, item, out)
        for key, item in old.items():
            if key not in new and not (not old_path and key in ("format", REVIEW_KEY)):
                _whole("removed", f"{old_path}.{key}" if old_path else key, item, out)
        return
    if isinstance(old, list) and isinstance(new, list):
        _compare_lists(old_path, new_path, old, new, out)
        return
    old_text, new_text = scalar_text(old), scalar_text(new)
    if old_text == new_text:
        return
    pieces, hunks = word_diff(old_text, new_text)
    out.append(FieldChange(new_path, old_path, "changed", old_text, new_text, pieces, hunks))


def _compare_lists(
    old_path: str, new_path: str, old: list[Any], new: list[Any], out: list[FieldChange]
) -> None:
    def key(item: Any) -> Any:
        return item if isinstance(item, str) else canonical_json(item)

    matcher = difflib.SequenceMatcher(None, [key(i) for i in old], [key(i) for i in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            _compare(f"{old_path}[{i1 + k}]", f"{new_path}[{j1 + k}]", old[i1 + k], new[j1 + k],
                     out)
        for i in range(i1 + paired, i2):
            _whole("removed", f"{old_path}[{i}]", old[i], out)
        for j in range(j1 + paired, j2):
            _whole("added", f"{new_path}[{j}]", new[j], out)


def diff_snapshots(old: Mapping[str, Any], new: Mapping[str, Any]) -> LetterDiff:
    """The changes from snapshot ``old`` to snapshot ``new`` (``letter_snapshot`` dicts)."""
    out: list[FieldChange] = []
    _compare("", "", old, new, out)
    return LetterDiff(tuple(out))


def diff_letters(old: Letter, new: Letter) -> LetterDiff:
    """The changes from letter ``old`` to letter ``new``, field by field, word by word."""
    return diff_snapshots(letter_snapshot(old), letter_snapshot(new))


def format_change(change: FieldChange, lang: str = "th", context: int = 40) -> str:
    """A change for a terminal: ``[-deleted-]{+inserted+}``, long equal runs shortened."""
    label = change.label(lang)
    head = label if label == change.field else f"{label} ({change.field})"
    if change.kind != "changed":
        word = {"added": ("เพิ่ม", "added"), "removed": ("ลบ", "removed")}[change.kind]
        head += f" [{word[0] if lang == 'th' else word[1]}]"
    parts: list[str] = []
    last = len(change.pieces) - 1
    for n, (op, text) in enumerate(change.pieces):
        if op == "delete":
            parts.append(f"[-{text}-]")
        elif op == "insert":
            parts.append(f"{{+{text}+}}")
        elif len(text) > 2 * context:
            start = text[:context] if n > 0 else ""
            end = text[-context:] if n < last else ""
            parts.append(f"{start}…{end}")
        else:
            parts.append(text)
    return f"{head}:\n  " + " ".join("".join(parts).splitlines())
