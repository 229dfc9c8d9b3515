"""Saving a draft that another PC may have saved since it was opened: nothing is lost.

On a shared folder two clerks (or a clerk and a supervisor, or two ``dla-drafter review``
commands) open the same draft, change it and save. A plain save lets the last writer win
silently. Here a save remembers what the draft was when it was opened — its *base*
(:class:`DraftBase`: the bytes' SHA-256 and the letter as read) — and, holding the draft's
lock (``model.draftlock``), re-reads the file: if it is still the base, the letter is written
as before; if another PC saved in between, the three versions are merged —

* **base / mine / theirs, field by field** (the draft's JSON, paths as in ``fields.py``): a
  field only one side changed takes that side's value; both changed it the same way, fine;
  both changed it differently, that is a :class:`Conflict` on that field;
* **lists** (``body``, ``references``, ``enclosures`` …) are merged like ``diff3`` merges
  lines: a paragraph inserted or removed on one side and another paragraph edited on the
  other both survive, even side by side. Where both sides changed the same items
  differently, the stretch is merged item by item when it has the same length on every side
  (so two edits of one paragraph are a conflict on ``body[2]`` only), else the whole list is
  one conflict — simple and safe;
* **unknown keys** are merged the same way and kept;
* a top-level key can have a merger of its own (``mergers``): the review record's lists are
  merged by id in ``review.merge_records``, which knows what they hold.

Conflicts are decided by the caller's ``resolve`` (the window asks the clerk, showing both
texts: keep mine, keep theirs, or keep both). The lock is released while the clerk decides
and the file read again afterwards, so other PCs are not held up; a decision is reused only
for the very same conflict. Without ``resolve`` (the command line, the register) a conflict
refuses the save: the file stays as the other PC wrote it and this version is written beside
it as ``<name>.conflict-<time>.dladraft.json`` (:class:`DraftConflictError` says where).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from dla_drafter.atomic import atomic_write_text
from dla_drafter.fields import field_label, format_path
from dla_drafter.model.draftio import (
    MAX_FILE_BYTES,
    dumps_draft,
    letter_from_dict,
    letter_from_dict_with_warnings,
    letter_to_dict,
    loads_draft,
    read_draft_file,
)
from dla_drafter.model.draftlock import draft_lock
from dla_drafter.model.letter import Letter
from dla_drafter.problems import DrafterError, DraftError, Problem

Step = str | int
Choice = Literal["mine", "theirs", "both"]
CHOICES: tuple[Choice, ...] = ("mine", "theirs", "both")
#: What "keep both" puts between the two texts of a text field (mine first).
BOTH_SEPARATOR = " / "
DRAFT_SUFFIX = ".dladraft.json"


class _Absent:
    """A key that is not there (deleted on one side, or never made)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT: Any = _Absent()


# --------------------------------------------------------------------------- the base


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _same_file(a: Path, b: Path) -> bool:
    def norm(p: Path) -> str:
        return os.path.normcase(os.path.abspath(p))

    try:
        return norm(a.resolve()) == norm(b.resolve())
    except OSError:
        return norm(a) == norm(b)


@dataclass(frozen=True)
class DraftBase:
    """What the draft on disk was when it was opened (or last saved): the ancestor of a merge.

    ``data`` is the letter as the program writes it (``letter_to_dict``), so a file indented
    by hand or missing optional keys compares equal to its clean self; ``sha256`` (of the
    file's bytes, None when unknown) makes "nobody changed it" a hash comparison.
    """

    path: Path
    sha256: str | None
    data: Mapping[str, Any] = field(repr=False)

    @classmethod
    def of(cls, letter: Letter, path: str | os.PathLike[str], raw: bytes | None = None
           ) -> DraftBase:
        """The base for ``letter`` just read from (or written to) ``path`` as ``raw``."""
        return cls(Path(path).absolute(), _sha256(raw) if raw is not None else None,
                   letter_to_dict(letter))


def open_draft(path: str | os.PathLike[str]) -> tuple[Letter, list[Problem], DraftBase]:
    """Open a draft to change and save it later: the letter, its load warnings and its base
    (from the same single read, so the base is exactly what the letter came from)."""
    letter, warnings, raw = read_draft_file(path)
    return letter, warnings, DraftBase.of(letter, path, raw)


# --------------------------------------------------------------------------- merging


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values: ``1``, ``1.0`` and ``true`` differ, key order does not count."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a is b or a == b


def canonical(value: Any) -> str:
    """One text per JSON value (keys sorted): to match list items, and as identity keys."""
    if value is ABSENT:
        return "\0absent"
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Conflict:
    """One field both sides changed differently: its path and the three values (``ABSENT``
    where the key was not there, e.g. deleted on one side)."""

    steps: tuple[Step, ...]
    base: Any
    mine: Any
    theirs: Any

    @property
    def path(self) -> str:
        return format_path(self.steps)

    def label(self, lang: str = "th") -> str:
        """The field's name as a clerk knows it (``ข้อความ ย่อหน้าที่ ๓``)."""
        return field_label(self.path, lang) if self.steps else field_label("", lang)

    @property
    def can_keep_both(self) -> bool:
        return keep_both(self.mine, self.theirs) is not ABSENT

    def value(self, choice: Choice) -> Any:
        """The field's value after ``choice``."""
        if choice == "mine":
            return self.mine
        if choice == "theirs":
            return self.theirs
        both = keep_both(self.mine, self.theirs)
        if both is ABSENT:
            raise ValueError(f"{self.path}: both values cannot be kept in one field")
        return both

    def key(self) -> tuple[str, str, str]:
        """The same conflict met again (after the file changed once more) has the same key."""
        return (self.path, canonical(self.mine), canonical(self.theirs))


Merger = Callable[[Any, Any, Any, tuple[Step, ...]], tuple[Any, list[Conflict]]]


def keep_both(mine: Any, theirs: Any) -> Any:
    """One value holding both: texts joined by :data:`BOTH_SEPARATOR` (mine first); lists
    with every item of both, in order, each shared item once. ``ABSENT`` when a field of
    this kind cannot hold two values (a number, a yes/no, a deleted key)."""
    if isinstance(mine, str) and isinstance(theirs, str):
        return f"{mine}{BOTH_SEPARATOR}{theirs}" if mine and theirs else mine or theirs
    if isinstance(mine, list) and isinstance(theirs, list):
        mine_keys = [canonical(v) for v in mine]
        theirs_keys = [canonical(v) for v in theirs]
        matcher = difflib.SequenceMatcher(None, mine_keys, theirs_keys, autojunk=False)
        out: list[Any] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            out.extend(mine[i1:i2])
            if tag != "equal":
                out.extend(theirs[j1:j2])
        return out
    return ABSENT


def merge_values(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...] = (),
                 mergers: Mapping[str, Merger] | None = None) -> tuple[Any, list[Conflict]]:
    """Three-way merge of one JSON value; the result holds mine where there is a conflict.

    ``mergers`` (top-level key → merger) take over the keys they name.
    """
    if same(mine, theirs):
        return mine, []
    if same(base, mine):
        return theirs, []
    if same(base, theirs):
        return mine, []
    if mergers and len(steps) == 1 and steps[0] in mergers:
        return mergers[steps[0]](base, mine, theirs, steps)  # type: ignore[index]
    if isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_dicts(base if isinstance(base, dict) else {}, mine, theirs, steps, mergers)
    if isinstance(mine, list) and isinstance(theirs, list) and isinstance(base, list):
        return _merge_lists(base, mine, theirs, steps)
    return mine, [Conflict(steps, base, mine, theirs)]


def _merge_dicts(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any],
                 steps: tuple[Step, ...], mergers: Mapping[str, Merger] | None
                 ) -> tuple[dict[str, Any], list[Conflict]]:
    """Key by key; mine's keys in mine's order, then the keys only theirs has."""
    out: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for key in [*mine, *(k for k in theirs if k not in mine)]:
        value, found = merge_values(base.get(key, ABSENT), mine.get(key, ABSENT),
                                    theirs.get(key, ABSENT), (*steps, key), mergers)
        conflicts.extend(found)
        if value is not ABSENT:
            out[key] = value
    return out, conflicts


def _matches(base_keys: list[str], other_keys: list[str]) -> dict[int, int]:
    """Base index → index in the other list, for items the other side left as they were."""
    matcher = difflib.SequenceMatcher(None, base_keys, other_keys, autojunk=False)
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            pairs[block.a + offset] = block.b + offset
    return pairs


def _merge_lists(base: list[Any], mine: list[Any], theirs: list[Any], steps: tuple[Step, ...]
                 ) -> tuple[list[Any], list[Conflict]]:
    """``diff3`` over items: stable runs (unchanged on both sides) separate chunks; a chunk
    only one side changed takes that side; one both changed takes both sides' changes when
    they touch different items, else it is merged item by item when all three have its
    length (a conflict per item), else the whole list is one conflict."""
    base_keys = [canonical(v) for v in base]
    in_mine = _matches(base_keys, [canonical(v) for v in mine])
    in_theirs = _matches(base_keys, [canonical(v) for v in theirs])
    out: list[Any] = []
    conflicts: list[Conflict] = []
    b = m = t = 0
    while b < len(base) or m < len(mine) or t < len(theirs):
        if b < len(base) and in_mine.get(b) == m and in_theirs.get(b) == t:
            out.append(mine[m])  # unchanged on both sides
            b, m, t = b + 1, m + 1, t + 1
            continue
        stable = next((j for j in range(b, len(base)) if j in in_mine and j in in_theirs
                       and in_mine[j] >= m and in_theirs[j] >= t), None)
        if stable is None:
            b_end, m_end, t_end = len(base), len(mine), len(theirs)
        else:
            b_end, m_end, t_end = stable, in_mine[stable], in_theirs[stable]
        chunk_b, chunk_m, chunk_t = base[b:b_end], mine[m:m_end], theirs[t:t_end]
        if same(chunk_m, chunk_b) or same(chunk_m, chunk_t):
            out.extend(chunk_t)
        elif same(chunk_t, chunk_b):
            out.extend(chunk_m)
        elif (apart := _apart(chunk_b, chunk_m, chunk_t)) is not None:
            out.extend(apart)
        elif len(chunk_b) == len(chunk_m) == len(chunk_t):
            for bv, mv, tv in zip(chunk_b, chunk_m, chunk_t, strict=True):
                value, found = merge_values(bv, mv, tv, (*steps, len(out)))
                conflicts.extend(found)
                out.append(value)
        else:
            return mine, [Conflict(steps, base, mine, theirs)]
        b, m, t = b_end, m_end, t_end
    return out, conflicts


def _edits(base: list[Any], other: list[Any]) -> list[tuple[int, int, list[Any]]]:
    """What one side did to a stretch of the base: (start, end, new items) per change."""
    matcher = difflib.SequenceMatcher(None, [canonical(v) for v in base],
                                      [canonical(v) for v in other], autojunk=False)
    return [(i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"]


def _touch(a: tuple[int, int, list[Any]], b: tuple[int, int, list[Any]]) -> bool:
    """Whether two changes of the base overlap (two insertions at one place do)."""
    (a1, a2, _), (b1, b2, _) = a, b
    if a1 == a2 and b1 == b2:
        return a1 == b1
    if a1 == a2:
        return b1 < a1 < b2
    if b1 == b2:
        return a1 < b1 < a2
    return a1 < b2 and b1 < a2


def _apart(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any] | None:
    """Both sides changed this stretch, but different items of it (one paragraph removed
    here, the next one edited there): both changes applied; None when they touch."""
    mine_edits, theirs_edits = _edits(base, mine), _edits(base, theirs)
    edits = list(mine_edits)
    for edit in theirs_edits:
        if any(e[:2] == edit[:2] and same(e[2], edit[2]) for e in mine_edits):
            continue  # the same change on both sides
        if any(_touch(edit, e) for e in mine_edits):
            return None
        edits.append(edit)
    out: list[Any] = []
    at = 0
    for start, end, items in sorted(edits, key=lambda e: (e[0], e[1])):
        out.extend(base[at:start])
        out.extend(items)
        at = end
    out.extend(base[at:])
    return out


def merge_drafts(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any],
                 mergers: Mapping[str, Merger] | None = None
                 ) -> tuple[dict[str, Any], list[Conflict]]:
    """Merge three drafts' JSON; conflicting fields hold mine until :func:`apply_choices`."""
    merged, conflicts = merge_values(dict(base), dict(mine), dict(theirs), (), mergers)
    return merged, conflicts


def apply_choices(data: dict[str, Any], conflicts: Sequence[Conflict],
                  choices: Mapping[str, Choice]) -> dict[str, Any]:
    """``data`` with each conflict's field set as chosen (by path; mine when not given)."""
    for conflict in conflicts:
        value = conflict.value(choices.get(conflict.path, "mine"))
        _set(data, conflict.steps, value)
    return data


def _set(data: Any, steps: tuple[Step, ...], value: Any) -> None:
    *parents, last = steps
    for step in parents:
        data = data[step]
    if value is ABSENT:
        del data[last]
    else:
        data[last] = value


def display_text(value: Any, lang: str = "th") -> str:
    """A field's value as a clerk reads it in the conflict dialog: list items one a line."""
    if value is ABSENT:
        return "(ลบออกแล้ว)" if lang == "th" else "(removed)"
    if value is None:
        return "(ว่าง)" if lang == "th" else "(empty)"
    if isinstance(value, bool):
        if lang == "th":
            return "ใช่" if value else "ไม่ใช่"
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(display_text(item, lang) for item in value)
    if isinstance(value, dict):
        return " · ".join(display_text(v, lang) for v in value.values() if v not in ("", None))
    return str(value)


# --------------------------------------------------------------------------- saving


@dataclass(frozen=True)
class SaveResult:
    """What a shared save did. ``letter`` is what the file now holds (the merged letter when
    ``merged``), ``base`` the new base for the next save, ``conflicts`` the fields decided
    by ``resolve`` and ``choices`` what was chosen for each (by path)."""

    letter: Letter
    base: DraftBase
    merged: bool = False
    conflicts: tuple[Conflict, ...] = ()
    choices: Mapping[str, Choice] = field(default_factory=dict)


class DraftConflictError(DrafterError):
    """Both sides changed a field and nobody was there to choose: nothing was written over
    the file; this version was written to ``copy_path`` (None when not asked to)."""

    conflicts: tuple[Conflict, ...]
    copy_path: Path | None


class SaveCancelled(DrafterError):
    """The clerk closed the conflict dialog without choosing: nothing was written."""


Resolver = Callable[[list[Conflict]], Mapping[str, Choice] | None]


def conflict_copy_path(path: str | os.PathLike[str], when: float | None = None) -> Path:
    """``DRAFT.conflict-<YYYYmmdd-HHMMSS>.dladraft.json`` beside ``path`` (a free name)."""
    target = Path(path)
    name = target.name
    stem, suffix = ((name[: -len(DRAFT_SUFFIX)], DRAFT_SUFFIX) if name.endswith(DRAFT_SUFFIX)
                    else (target.stem, target.suffix))
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(when))
    for n in range(1, 1000):
        extra = "" if n == 1 else f"-{n}"
        candidate = target.with_name(f"{stem}.conflict-{stamp}{extra}{suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(f"no free conflict name beside {target}")


def _conflict_error(conflicts: Sequence[Conflict], copy: Path | None, path: Path,
                    why: tuple[str, str] | None = None) -> DraftConflictError:
    problems = []
    for c in conflicts:
        mine, theirs = _short(c.mine), _short(c.theirs)
        problems.append(Problem(
            c.path, "save-conflict", "error",
            f"อีกเครื่องหนึ่งแก้ช่องนี้เป็น “{theirs}” หลังจากที่เปิดไฟล์ ส่วนฉบับนี้แก้เป็น “{mine}” "
            "ต้องให้ผู้ใช้เลือก จึงไม่บันทึกทับ",
            f"another PC changed this field to “{theirs}” after the file was opened, while "
            f"this version changed it to “{mine}”; a person must choose, so nothing was "
            "saved over the file",
        ))  # fmt: skip
    if why is not None:
        problems.append(Problem("", "save-unreadable", "error", *why))
    if copy is not None:
        problems.append(Problem(
            None, "conflict-copy", "error",
            f"ไฟล์ {path} ยังเป็นฉบับที่อีกเครื่องบันทึกไว้ ฉบับนี้บันทึกไว้ที่ {copy}",
            f"{path} is left as the other PC saved it; this version was saved as {copy}",
        ))  # fmt: skip
    error = DraftConflictError(problems, path)
    error.conflicts = tuple(conflicts)
    error.copy_path = copy
    return error


def _short(value: Any, limit: int = 60) -> str:
    text = " ¶ ".join(display_text(value).splitlines())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_current(path: Path) -> bytes | None:
    """The draft's bytes now (None: it is gone); refuses more than the loader takes."""
    try:
        with open(path, "rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None


def _write(path: Path, text: str, backup: bool) -> bytes:
    atomic_write_text(path, text, backup=backup)
    return text.encode("utf-8")


def save_shared(letter: Letter, path: str | os.PathLike[str], base: DraftBase | None, *,
                mergers: Mapping[str, Merger] | None = None, resolve: Resolver | None = None,
                backup: bool = False, conflict_copy: bool = True) -> SaveResult:
    """Save ``letter`` to ``path``, merging what others saved there since ``base``.

    ``base`` None (a new file, Save As over another file, or a draft whose origin is not
    known) writes ``letter`` as it is, as :func:`~dla_drafter.model.draftio.save_draft`
    does. Otherwise see the module docstring. ``resolve`` gets the open conflicts and
    returns a choice per path (None: cancel, :class:`SaveCancelled`); without it a conflict
    raises :class:`DraftConflictError` after writing this version beside the file (unless
    ``conflict_copy`` is False). Raises :class:`DraftError` when the letter (or the merged
    letter: two texts kept together may be too long) is invalid, and the write's
    ``AtomicWriteError``/``DraftLockError``; in every case the file is left as it was.
    """
    target = Path(path)
    clean, _ = letter_from_dict_with_warnings(letter_to_dict(letter))  # DraftError: invalid
    mine_text = dumps_draft(clean)
    mine = letter_to_dict(clean)
    if base is not None and not _same_file(base.path, target):
        base = None
    decided: dict[tuple[str, str, str], Choice] = {}
    while True:
        with draft_lock(target):
            raw = _read_current(target)
            if (base is None or raw is None
                    or (base.sha256 is not None and _sha256(raw) == base.sha256)):
                written = _write(target, mine_text, backup)
                return SaveResult(clean, DraftBase.of(clean, target, written))
            try:
                theirs_letter = loads_draft(raw)
            except DraftError as exc:
                copy = _copy(target, mine_text) if conflict_copy else None
                first = exc.problems[0] if exc.problems else None
                why = (f"ไฟล์นี้ถูกแก้จากที่อื่นหลังจากที่เปิด และเปิดเป็นร่างหนังสือไม่ได้แล้ว "
                       f"({first.message('th') if first else ''}) จึงไม่บันทึกทับ",
                       "the file was changed elsewhere after it was opened and no longer "
                       f"opens as a draft ({first.message('en') if first else ''}), so it "
                       "was not saved over")
                raise _conflict_error([], copy, target, why) from None
            theirs = letter_to_dict(theirs_letter)
            if same(theirs, base.data):
                written = _write(target, mine_text, backup)
                return SaveResult(clean, DraftBase.of(clean, target, written))
            data, conflicts = merge_drafts(base.data, mine, theirs, mergers)
            open_ = [c for c in conflicts if c.key() not in decided]
            if not open_:
                choices = {c.path: decided[c.key()] for c in conflicts}
                merged = letter_from_dict(apply_choices(data, conflicts, choices))
                written = _write(target, dumps_draft(merged), backup)
                return SaveResult(merged, DraftBase.of(merged, target, written), True,
                                  tuple(conflicts), choices)
            if resolve is None:
                copy = _copy(target, mine_text) if conflict_copy else None
                raise _conflict_error(open_, copy, target)
        # The lock is released while the clerk decides; the file is read again afterwards.
        answer = resolve(open_)
        if answer is None:
            raise SaveCancelled.of(
                "save-cancelled", "ยกเลิกการบันทึก ไฟล์ยังเป็นฉบับที่อีกเครื่องบันทึกไว้",
                "saving was cancelled; the file is as the other PC saved it", path=target)
        for conflict in open_:
            choice = answer.get(conflict.path, "mine")
            if choice not in CHOICES:
                raise ValueError(f"unknown choice {choice!r} for {conflict.path}")
            decided[conflict.key()] = choice


def _copy(target: Path, text: str) -> Path:
    copy = conflict_copy_path(target)
    atomic_write_text(copy, text)
    return copy
