"""Suggestions (track changes): a reviewer's edits kept apart from the letter until decided.

A reviewer who *suggests* does not change the letter: each edit is an entry of the review
record's ``suggestions`` list (``docs/draft-format.md``) — the field, where (``offset``), the
text it replaces (``old``, "" for a pure insertion), the text suggested (``new``, "" for a
deletion), who and when — and the clerk accepts or rejects each, or all. Accepting is a
normal edit of the letter: the field's text with ``old`` replaced by ``new``.

Where a suggestion applies is found again every time, because the clerk keeps typing: at
``offset`` when ``old`` is still there with the same words around it (``before``/``after``,
a few characters of context stored with it); else at the occurrence of ``old`` with the
most of that context (the nearest to ``offset`` among equals) — so another equal word that
moved onto the old offset does not take it; else at ``offset`` when ``old`` is there. An
insertion (no ``old``) is found by its context. A suggestion that cannot be found is
*outdated*: it cannot be accepted (a clear message), only rejected. Accepting one moves the
offsets of the others in the same field.

Every verb is a pure function of the :class:`~dla_drafter.model.letter.Letter`: it changes the
letter in place (the field, and ``extra["review"]``) and raises
:class:`~.actions.ReviewError` *before* changing anything, so the window wraps each call in
one undo step and the CLI saves only on success. Entries are changed in the raw record, so
keys a newer release wrote are kept.

For the window: :func:`suggestions_from_edit` turns what a reviewer typed in suggesting
mode into suggestions, at word granularity (the typesetter's word breaker: a Thai word
changed is one word, not character soup), reusing the reviewer's own open suggestion at the
same place so typing on extends it; :func:`own_text` is what that reviewer's box holds;
:func:`shown_text` is a field with every open suggestion shown (deleted and inserted spans
with their suggestion, for the form and the preview), :func:`author_colour` a colour per
author. No Qt.
"""

from __future__ import annotations

import bisect
import copy
import difflib
import hashlib
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from dla_drafter.fields import (
    REVIEW_KEY,
    PathError,
    field_label,
    format_path,
    get_path,
    parse_path,
    set_path,
)
from dla_drafter.model.letter import Letter
from dla_drafter.problems import Problem

from .actions import ReviewError, _commit, _writable, now_text
from .record import SUGGESTIONS_KEY

SuggestionState = Literal["open", "accepted", "rejected"]
STATES: tuple[SuggestionState, ...] = ("open", "accepted", "rejected")
STATE_NAMES: dict[str, tuple[str, str]] = {
    "open": ("รอพิจารณา", "open"),
    "accepted": ("ยอมรับแล้ว", "accepted"),
    "rejected": ("ไม่ยอมรับ", "rejected"),
}
KEY = SUGGESTIONS_KEY
#: Characters of context stored on each side of a suggestion, to find it again.
CONTEXT_CHARS = 24
#: Occurrences of a quote weighed when a suggestion is found again (a hostile field of one
#: repeated character must not cost a quadratic search).
MAX_OCCURRENCES = 2_000
#: Fields whose value is one of a few words (or the register's): not free text to edit.
NOT_SUGGESTIBLE = frozenset({"kind", "urgency", "secrecy", "digits", "number.serial",
                             "number.draft_id", "format"})
#: Colours for authors (dark enough for text on white), picked by a hash of the name.
AUTHOR_COLOURS = ("#1a56c4", "#b42318", "#027a48", "#7a2e9e", "#b54708", "#0e7490",
                  "#c11574", "#4d5761")


@dataclass(frozen=True)
class Suggestion:
    """One suggested edit as the record holds it (``index``: its place in the list)."""

    index: int
    id: str
    field: str
    offset: int | None
    old: str
    new: str
    author: str
    at: str
    state: SuggestionState
    decided_by: str = ""
    decided_at: str = ""
    before: str = ""
    after: str = ""
    superseded_by: str = ""

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    @property
    def kind(self) -> Literal["insert", "delete", "replace"]:
        return "insert" if not self.old else "delete" if not self.new else "replace"

    def describe(self, lang: str = "th") -> str:
        """One line: ``[body[0]] “old” → “new” (author, state)``."""
        state = STATE_NAMES[self.state][0 if lang == "th" else 1]
        return (f"{self.id} [{self.field}] \u201c{self.old}\u201d → \u201c{self.new}\u201d "
                f"({self.author or '?'}, {state})")


# --------------------------------------------------------------------------- reading


def _warning(path: str, th: str, en: str) -> Problem:
    return Problem(path, "review-suggestion", "warning", th, en)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
        else None


def read_suggestions(raw: Any) -> tuple[tuple[Suggestion, ...], tuple[Problem, ...]]:
    """The suggestions of a raw review record, and a warning for each entry that cannot be
    read (it stays in the file as it was, and is not shown or decided)."""
    if not isinstance(raw, dict) or KEY not in raw:
        return (), ()
    base = f"{REVIEW_KEY}.{KEY}"
    entries = raw[KEY]
    if not isinstance(entries, list):
        return (), (_warning(base, "ไม่ใช่รายการ ข้อเสนอแก้ไขจึงใช้ไม่ได้",
                             "is not a list; the suggestions are ignored"),)
    found: list[Suggestion] = []
    problems: list[Problem] = []
    for index, item in enumerate(entries):
        path = f"{base}[{index}]"
        if not isinstance(item, dict):
            problems.append(_warning(path, "ไม่ใช่ออบเจกต์ ข้อเสนอแก้ไขนี้จึงใช้ไม่ได้",
                                     "is not an object; this suggestion is ignored"))
            continue
        texts = {k: item.get(k) for k in ("field", "old", "new")}
        bad = [k for k, v in texts.items() if not isinstance(v, str)]
        if bad or not texts["field"]:
            keys = ", ".join(bad or ["field"])
            problems.append(_warning(
                path, f"ไม่มี {keys} หรือไม่ใช่ข้อความ ข้อเสนอแก้ไขนี้จึงใช้ไม่ได้",
                f"{keys} missing or not text; this suggestion is ignored"))
            continue
        state = item.get("state", "open")
        if state not in STATES:
            names = ", ".join(STATES)
            problems.append(_warning(
                f"{path}.state", f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {names} ข้อเสนอแก้ไขนี้จึงใช้ไม่ได้",
                f"must be one of {names}; this suggestion is ignored"))
            continue

        def text(key: str, item: dict[str, Any] = item) -> str:
            value = item.get(key, "")
            return value if isinstance(value, str) else ""

        found.append(Suggestion(
            index=index, id=text("id") or f"#{index}", field=texts["field"],
            offset=_int(item.get("offset")), old=texts["old"], new=texts["new"],
            author=text("author"), at=text("at"), state=state,
            decided_by=text("decided_by"), decided_at=text("decided_at"),
            before=text("before"), after=text("after"), superseded_by=text("superseded_by"),
        ))  # fmt: skip
    return tuple(found), tuple(problems)


def suggestions_of(letter: Letter) -> tuple[Suggestion, ...]:
    """Every readable suggestion of the letter's record, in the order made."""
    return read_suggestions(letter.extra.get(REVIEW_KEY))[0]


def open_suggestions(letter: Letter, field: str | None = None) -> list[Suggestion]:
    return [s for s in suggestions_of(letter)
            if s.is_open and (field is None or s.field == field)]


def find_suggestion(letter: Letter, suggestion_id: str) -> Suggestion:
    found = next((s for s in suggestions_of(letter) if s.id == suggestion_id), None)
    if found is None:
        raise ReviewError(f"{REVIEW_KEY}.{KEY}", f"ไม่พบข้อเสนอแก้ไขรหัส {suggestion_id}",
                          f"there is no suggestion with id {suggestion_id}")
    return found


# --------------------------------------------------------------------------- fields


def field_text(letter: Letter, path: str) -> str | None:
    """The text of a field that can take suggestions, or None (no such field, not text)."""
    try:
        value = get_path(letter, path)
    except (PathError, IndexError, TypeError, ValueError):
        return None
    if not isinstance(value, str):
        return None
    return None if _plain(path) in NOT_SUGGESTIBLE else value


def _plain(path: str) -> str:
    from dla_drafter.fields import plain_path

    return plain_path(path)


def canonical_path(path: str) -> str:
    """``path`` as the program writes paths (``body[00]`` → ``body[0]``), so a suggestion
    made from the command line is on the same field as the window's and the DOCX's; a
    path that cannot be read is returned as given (it is refused as no such field)."""
    try:
        return format_path(parse_path(path))
    except (PathError, ValueError, TypeError):
        return path


def _require_text(letter: Letter, path: str) -> str:
    text = field_text(letter, path)
    if text is None:
        raise ReviewError(
            path if path else f"{REVIEW_KEY}.{KEY}",
            "ไม่มีช่องข้อความนี้ในหนังสือ จึงเสนอแก้ไขที่ช่องนี้ไม่ได้",
            "there is no such text field in the letter to suggest an edit in",
        )
    return text


def text_problem(path: str, value: str) -> Problem | None:
    """Why ``value`` cannot be a field's text (the draft loader's rules: length, control
    characters), or None."""
    from dla_drafter.model.draftio import _BAD_CHAR, MAX_STRING_CHARS  # the loader's rules

    if len(value) > MAX_STRING_CHARS:
        return Problem(path, "review-refused", "error",
                       f"ข้อความจะยาว {len(value):,} ตัวอักษร เกินที่กำหนด {MAX_STRING_CHARS:,} ตัวอักษร",
                       f"the text would be {len(value):,} characters long, more than the "
                       f"limit of {MAX_STRING_CHARS:,}")
    bad = _BAD_CHAR.search(value)
    if bad is not None:
        code = f"U+{ord(bad.group()):04X}"
        return Problem(path, "review-refused", "error",
                       f"มีอักขระควบคุม ({code}) ซึ่งใช้ในข้อความของหนังสือไม่ได้ "
                       "(แต่ละย่อหน้าหรือบรรทัดให้แยกเป็นรายการใหม่)",
                       f"contains a control character ({code}), which a letter's text cannot "
                       "hold (put each paragraph or line in its own list item)")
    return None


def _refuse(problem: Problem) -> ReviewError:
    return ReviewError(problem.field or f"{REVIEW_KEY}.{KEY}", problem.message_th,
                       problem.message_en)


# --------------------------------------------------------------------------- finding


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def locate(text: str | None, suggestion: Suggestion) -> tuple[int, int] | None:
    """Where ``suggestion`` applies in ``text`` (its field's text now), as (start, end) of
    the text it replaces; None when it is outdated (see the module doc)."""
    if text is None or suggestion.superseded_by:
        return None
    old, offset = suggestion.old, suggestion.offset
    before, after = suggestion.before, suggestion.after

    def fits(at: int) -> int:
        """How much of the stored context surrounds ``at`` (0–2)."""
        return (int(text[max(0, at - len(before)):at] == before)
                + int(text[at + len(old):at + len(old) + len(after)] == after))

    if old:
        at_offset = offset is not None and text[offset:offset + len(old)] == old
        if at_offset and fits(offset) == 2:  # where it was made, among the same words
            return offset, offset + len(old)
        places = _occurrences(text, old)
        if not places:
            return None
        near = offset if offset is not None else 0
        best = max(places, key=lambda at: (fits(at), -abs(at - near)))
        if fits(best) == 0:  # no context anywhere: where it was made, if the words are there
            return (offset, offset + len(old)) if at_offset else None
        return best, best + len(old)
    # an insertion: only its context says where it goes
    if offset is not None and offset <= len(text) and fits(offset) == 2:
        return offset, offset
    if before or after:
        places = _occurrences(text, before + after)
        if places:
            near = offset if offset is not None else 0
            best = min(places, key=lambda at: abs(at + len(before) - near)) + len(before)
            return best, best
        for needle, shift in ((before, len(before)), (after, 0)):
            if needle and len(needle) == CONTEXT_CHARS:  # one side alone, when it is long
                places = _occurrences(text, needle)
                if places:
                    near = offset if offset is not None else 0
                    best = min(places, key=lambda at: abs(at + shift - near)) + shift
                    return best, best
        return None
    return (offset, offset) if offset is not None and offset <= len(text) else None


def where(letter: Letter, suggestion: Suggestion) -> tuple[int, int] | None:
    """:func:`locate` in the letter's field (None also when the field is gone)."""
    return locate(field_text(letter, suggestion.field), suggestion)


def is_outdated(letter: Letter, suggestion: Suggestion) -> bool:
    return suggestion.is_open and where(letter, suggestion) is None


# --------------------------------------------------------------------------- verbs


def _entries(letter: Letter) -> tuple[dict[str, Any], list[Any]]:
    raw = _writable(letter, KEY)
    return raw, raw.setdefault(KEY, [])


def _entry(text: str, path: str, start: int, end: int, new: str, author: str, at: str,
           suggestion_id: str | None = None) -> dict[str, Any]:
    before, after = _context(text, start, end)
    return {"id": suggestion_id or "s" + secrets.token_hex(4), "field": path, "offset": start,
            "old": text[start:end], "new": new, "before": before, "after": after,
            "author": author, "at": at, "state": "open"}


def add_suggestion(
    letter: Letter, path: str, old: str, new: str, author: str, at: str | None = None,
    offset: int | None = None,
) -> str:
    """Suggest replacing ``old`` in the field ``path`` by ``new``; returns the new id.

    ``offset`` says which occurrence of ``old`` is meant (where it starts); without it, or
    when ``old`` is not there, the first occurrence. A pure insertion (``old`` "") needs
    ``offset``. Refused, naming the field, when the field does not exist, ``old`` is not in
    it, nothing would change, or the result could not be saved (control characters, too
    long)."""
    path = canonical_path(path)
    text = _require_text(letter, path)
    label_th, label_en = field_label(path), field_label(path, "en")
    if old == new:
        raise ReviewError(path, "ข้อความที่เสนอเหมือนข้อความเดิม ไม่มีอะไรเปลี่ยน",
                          "the suggested text is the same as the old one: nothing changes")
    if (problem := text_problem(path, new)) is not None:
        raise _refuse(problem)
    if offset is not None and not 0 <= offset <= len(text):
        raise ReviewError(path, f"ตำแหน่ง {offset} อยู่นอกช่อง{label_th} (0 ถึง {len(text)})",
                          f"the place {offset} is outside the field {label_en} "
                          f"(0 to {len(text)})")
    if old:
        if offset is None or text[offset:offset + len(old)] != old:
            offset = text.find(old)
        if offset < 0:
            raise ReviewError(path, f"ไม่พบข้อความ \u201c{old}\u201d ในช่อง{label_th}",
                              f"the text \u201c{old}\u201d is not in the field {label_en}")
    elif offset is None or not 0 <= offset <= len(text):
        raise ReviewError(
            path, f"การเสนอเพิ่มข้อความต้องระบุตำแหน่ง (0 ถึง {len(text)}) ในช่อง{label_th}",
            f"an insertion needs its place (0 to {len(text)}) in the field {label_en}")
    result = text[:offset] + new + text[offset + len(old):]
    if (problem := text_problem(path, result)) is not None:
        raise _refuse(problem)
    raw, entries = _entries(letter)
    entry = _entry(text, path, offset, offset + len(old), new, author, at or now_text())
    entries.append(entry)
    _commit(letter, raw)
    return entry["id"]


def _open_entry(letter: Letter, suggestion_id: str) -> tuple[Suggestion, dict[str, Any]]:
    suggestion = find_suggestion(letter, suggestion_id)
    if not suggestion.is_open:
        state_th, state_en = STATE_NAMES[suggestion.state]
        raise ReviewError(f"{REVIEW_KEY}.{KEY}",
                          f"ข้อเสนอแก้ไข {suggestion.id} {state_th}ไปแล้ว",
                          f"the suggestion {suggestion.id} is already {state_en}")
    _raw, entries = _entries(letter)
    return suggestion, entries[suggestion.index]


def _outdated_error(suggestion: Suggestion) -> ReviewError:
    what = (f"\u201c{suggestion.old}\u201d" if suggestion.old else
            "ตำแหน่งที่เสนอให้เพิ่มข้อความ")
    what_en = (f"\u201c{suggestion.old}\u201d" if suggestion.old else
               "the place of the suggested insertion")
    return ReviewError(
        suggestion.field,
        f"ข้อเสนอแก้ไข {suggestion.id} ล้าสมัย: ไม่พบ{what}ในช่องนี้แล้ว (ข้อความถูกแก้ไขหลังเสนอ) "
        "จึงยอมรับไม่ได้ ปฏิเสธข้อเสนอนี้หรือแก้เอง",
        f"the suggestion {suggestion.id} is outdated: {what_en} is no longer in the field "
        "(it was edited after the suggestion was made), so it cannot be accepted; reject it "
        "or make the edit yourself",
    )


def _apply(letter: Letter, entries: list[Any], suggestion: Suggestion, span: tuple[int, int],
           by: str, at: str) -> None:
    """Accept ``suggestion`` at ``span`` (checked already): the field changes, and the other
    open suggestions in it keep their places (offsets moved, context taken afresh); one that
    overlaps the change is left to be found again by its words, or to be outdated."""
    text = field_text(letter, suggestion.field)
    assert text is not None
    start, end = span
    result = text[:start] + suggestion.new + text[end:]
    set_path(letter, suggestion.field, result)
    shift = len(suggestion.new) - (end - start)
    for other in suggestions_of(letter):
        if other.index == suggestion.index or not other.is_open \
                or other.field != suggestion.field:
            continue
        found = locate(text, other)
        if found is None:
            continue
        if found[0] >= end:  # after the change (an insertion at its place goes after it)
            moved = (found[0] + shift, found[1] + shift)
        elif found[1] <= start:  # before it
            moved = found
        else:  # overlapping: the words it would change are changed already
            entries[other.index]["superseded_by"] = suggestion.id
            continue
        before, after = _context(result, *moved)
        entries[other.index].update(offset=moved[0], before=before, after=after)
    entries[suggestion.index].update(state="accepted", decided_by=by, decided_at=at)


def _checked(letter: Letter, suggestion: Suggestion) -> tuple[int, int]:
    span = where(letter, suggestion)
    if span is None:
        raise _outdated_error(suggestion)
    text = field_text(letter, suggestion.field) or ""
    result = text[:span[0]] + suggestion.new + text[span[1]:]
    if (problem := text_problem(suggestion.field, result)) is not None:
        raise _refuse(problem)
    return span


def accept_suggestion(letter: Letter, suggestion_id: str, by: str,
                      at: str | None = None) -> None:
    """Accept one open suggestion: the field's text gets the edit (a normal edit of the
    letter) and the suggestion is marked accepted by ``by``. Refused when it is not open or
    is outdated."""
    suggestion, _entry_ = _open_entry(letter, suggestion_id)
    span = _checked(letter, suggestion)
    raw, entries = _entries(letter)
    _apply(letter, entries, suggestion, span, by, at or now_text())
    _commit(letter, raw)


def reject_suggestion(letter: Letter, suggestion_id: str, by: str,
                      at: str | None = None) -> None:
    """Reject one open suggestion: the letter stays as it is."""
    _suggestion, entry = _open_entry(letter, suggestion_id)
    raw, _entries_ = _entries(letter)
    entry.update(state="rejected", decided_by=by, decided_at=at or now_text())
    _commit(letter, raw)


@dataclass(frozen=True)
class Decided:
    """What an accept-all or reject-all did: the ids decided, and those left open with why
    (outdated, or made outdated by an accepted one that changed the same words)."""

    ids: tuple[str, ...]
    skipped: tuple[tuple[Suggestion, Problem], ...] = ()


def _none_open() -> ReviewError:
    return ReviewError(f"{REVIEW_KEY}.{KEY}", "ไม่มีข้อเสนอแก้ไขที่รอพิจารณา",
                       "there are no open suggestions")


def accept_all(letter: Letter, by: str, at: str | None = None,
               field: str | None = None) -> Decided:
    """Accept every open suggestion (of ``field`` only, when given), oldest first, each
    found again after the ones before it; those that cannot be accepted stay open and are
    listed. Refused (nothing changed) when none is open or none can be accepted: that is
    found on a copy first, then the same steps change the caller's letter in place (the
    window holds it and the objects inside it)."""
    pending = open_suggestions(letter, field)
    if not pending:
        raise _none_open()
    at = at or now_text()
    _raw, accepted, skipped = _accept_each(copy.deepcopy(letter), pending, by, at)
    if not accepted:
        first = skipped[0][1]
        raise ReviewError(first.field or f"{REVIEW_KEY}.{KEY}", first.message_th,
                          first.message_en)
    raw, accepted, skipped = _accept_each(letter, pending, by, at)
    _commit(letter, raw)
    return Decided(tuple(accepted), tuple(skipped))


def _accept_each(letter: Letter, pending: list[Suggestion], by: str, at: str
                 ) -> tuple[dict[str, Any], list[str], list[tuple[Suggestion, Problem]]]:
    raw, entries = _entries(letter)
    accepted: list[str] = []
    skipped: list[tuple[Suggestion, Problem]] = []
    for item in pending:
        current = next(s for s in suggestions_of(letter) if s.index == item.index)
        try:
            span = _checked(letter, current)
        except ReviewError as exc:
            skipped.append((current, exc.problems[0]))
            continue
        _apply(letter, entries, current, span, by, at)
        accepted.append(current.id)
    return raw, accepted, skipped


def reject_all(letter: Letter, by: str, at: str | None = None,
               field: str | None = None) -> Decided:
    """Reject every open suggestion (of ``field`` only, when given)."""
    pending = open_suggestions(letter, field)
    if not pending:
        raise _none_open()
    at = at or now_text()
    raw, entries = _entries(letter)
    for item in pending:
        entries[item.index].update(state="rejected", decided_by=by, decided_at=at)
    _commit(letter, raw)
    return Decided(tuple(s.id for s in pending))


# --------------------------------------------------------------------------- typing


#: Two word changes this close, with no space between them, are one change.
JOIN_CHARS = 12
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Edit:
    """One word-level change of a field's text: ``old[start:end]`` becomes ``new_text``."""

    start: int
    end: int
    new_text: str


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix (binary search on slices: C speed, O(n log n))."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _segments(text: str) -> list[str]:
    from dla_drafter.text.wordbreak import default_breaker

    return default_breaker().segments(text) if text else []


def word_edits(old: str, new: str) -> list[Edit]:
    """The changes from ``old`` to ``new``, whole words at a time (the typesetter's word
    breaker), in order. Two changes with only a short stretch of one Thai phrase between
    them (no space: ``ที่|แก้ไข|เพิ่มเติม`` → ``ฉบับ|แก้ไข``) are one change, as a reader
    sees them. Only the stretch between the common start and end is broken into
    words and compared, so a keystroke in a long paragraph costs about its length once."""
    if old == new:
        return []
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    bounds = [0]
    for word in _segments(old):  # the breaker keeps the last texts: the old text is cached
        bounds.append(bounds[-1] + len(word))
    # widen to whole words of the old text (the text around them is the same in both)
    start = bounds[bisect.bisect_right(bounds, prefix) - 1]
    stop = bounds[bisect.bisect_left(bounds, len(old) - suffix)]
    tail = len(old) - stop
    old_words = _segments(old[start:stop])
    new_words = _segments(new[start:len(new) - tail])
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    edits: list[Edit] = []
    pos = start
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_len = sum(len(w) for w in old_words[i1:i2])
        new_text = "".join(new_words[j1:j2])
        if tag != "equal":
            last = edits[-1] if edits else None
            between = old[last.end:pos] if last is not None else ""
            if last is not None and len(between) <= JOIN_CHARS and not _SPACE.search(between):
                edits[-1] = Edit(last.start, pos + old_len, last.new_text + between + new_text)
            else:
                edits.append(Edit(pos, pos + old_len, new_text))
        pos += old_len
    return edits


def suggestions_from_edit(letter: Letter, path: str, new_text: str, author: str,
                          at: str | None = None) -> list[str]:
    """What a reviewer in suggesting mode typed, as suggestions; returns the ids of that
    reviewer's open suggestions in the field afterwards.

    ``new_text`` is the field as the reviewer now wants it — the field's text with *their
    own* open suggestions applied (:func:`own_text`), then edited. The field itself does not
    change: its text is compared with ``new_text`` word by word, and each change is one
    suggestion. A change at the place of one of the reviewer's own open suggestions updates
    that suggestion (same id: typing on extends it); one of theirs that no longer
    corresponds to any change (they typed the old words back) is withdrawn. Other people's
    suggestions are not touched. Called on every keystroke: the cost is about the length
    of the field once (:func:`word_edits`)."""
    path = canonical_path(path)
    text = _require_text(letter, path)
    if (problem := text_problem(path, new_text)) is not None:
        raise _refuse(problem)
    edits = word_edits(text, new_text)
    raw, entries = _entries(letter)
    mine = []
    for suggestion in open_suggestions(letter, path):
        if suggestion.author == author:
            span = locate(text, suggestion)
            if span is not None:  # an outdated one is kept: it is not in what they typed
                mine.append((span, suggestion))
    mine.sort(key=lambda pair: pair[0])
    used: set[int] = set()
    when = at or now_text()
    result: list[str] = []
    for edit in edits:
        reuse = next((s for (a, b), s in mine if s.index not in used
                      and a <= edit.end and b >= edit.start), None)
        if reuse is not None:
            used.add(reuse.index)
            entry = entries[reuse.index]
            keep_id = entry.get("id") if isinstance(entry.get("id"), str) else None
            entry.update(_entry(text, path, edit.start, edit.end, edit.new_text, author,
                                when, keep_id))
            result.append(entry["id"])
        else:
            entry = _entry(text, path, edit.start, edit.end, edit.new_text, author, when)
            entries.append(entry)
            result.append(entry["id"])
    withdrawn = {s.index for _span, s in mine if s.index not in used}
    if withdrawn:
        entries[:] = [e for i, e in enumerate(entries) if i not in withdrawn]
    _commit(letter, raw)
    return result


def own_text(letter: Letter, path: str, author: str) -> str:
    """The field as ``author`` suggests it: its text with their own open suggestions
    applied — what their box holds in suggesting mode."""
    text = _require_text(letter, path)
    placed: list[tuple[int, int, str]] = []
    for suggestion in open_suggestions(letter, path):
        if suggestion.author != author:
            continue
        span = locate(text, suggestion)
        if span is not None:
            placed.append((span[0], span[1], suggestion.new))
    out, pos = [], 0
    for start, end, new in sorted(placed):
        if start < pos:
            continue  # overlaps one applied already
        out += [text[pos:start], new]
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------- showing


@dataclass(frozen=True)
class ShownSpan:
    """Characters ``start:end`` of a shown text: ``deleted`` (the old words, kept and struck
    through) or ``inserted`` (the suggested words), of ``suggestion``."""

    start: int
    end: int
    kind: Literal["deleted", "inserted"]
    suggestion: Suggestion


@dataclass(frozen=True)
class Shown:
    """A field with its open suggestions shown: ``text`` holds the field's text with each
    suggestion's new words right after the old ones; ``spans`` mark both; ``outdated`` are
    the open suggestions that could not be placed (list them, do not mark them)."""

    text: str
    spans: tuple[ShownSpan, ...]
    outdated: tuple[Suggestion, ...] = ()
    points: tuple[int, ...] = field(default=(), repr=False)  # insertion points (field text)
    shifts: tuple[int, ...] = field(default=(), repr=False)  # inserted length up to each

    def shown_offset(self, offset: int) -> int:
        """Where character ``offset`` of the field's text is in the shown text."""
        index = bisect.bisect_right(self.points, offset)
        return offset + (self.shifts[index - 1] if index else 0)


def shown_text(letter: Letter, path: str) -> Shown:
    """The field ``path`` with every open suggestion shown (see :class:`Shown`); suggestions
    at the same place follow the order they were made."""
    text = field_text(letter, path)
    if text is None:
        return Shown("", (), tuple(open_suggestions(letter, path)))
    placed: list[tuple[int, int, Suggestion]] = []
    outdated: list[Suggestion] = []
    for suggestion in open_suggestions(letter, path):
        span = locate(text, suggestion)
        if span is None:
            outdated.append(suggestion)
        else:
            placed.append((span[0], span[1], suggestion))
    order = sorted(placed, key=lambda p: (p[1], p[2].index))
    points: list[int] = []
    shifts: list[int] = []
    out: list[str] = []
    spans: list[ShownSpan] = []
    pos = shift = 0
    for _start, end, suggestion in order:
        out.append(text[pos:end])
        if suggestion.new:
            spans.append(ShownSpan(end + shift, end + shift + len(suggestion.new), "inserted",
                                   suggestion))
            out.append(suggestion.new)
            shift += len(suggestion.new)
        pos = end
        points.append(end)
        shifts.append(shift)
    out.append(text[pos:])
    shown = Shown("".join(out), (), tuple(outdated), tuple(points), tuple(shifts))
    for start, end, suggestion in placed:
        if start == end:
            continue
        # the old words, cut where another suggestion's words were put in between them
        cuts = [start] + [p for p in points if start < p < end] + [end]
        for a, b in zip(cuts, cuts[1:], strict=False):
            first = shown.shown_offset(a)
            spans.append(ShownSpan(first, first + (b - a), "deleted", suggestion))
    spans.sort(key=lambda s: (s.start, s.kind != "deleted"))
    return Shown(shown.text, tuple(spans), tuple(outdated), tuple(points), tuple(shifts))


def shown_fields(letter: Letter) -> dict[str, Shown]:
    """:func:`shown_text` of every field with an open suggestion."""
    paths = dict.fromkeys(s.field for s in open_suggestions(letter))
    return {path: shown_text(letter, path) for path in paths}


def shown_letter(letter: Letter) -> tuple[Letter, dict[str, Shown]]:
    """A copy of ``letter`` whose fields read as :func:`shown_text` shows them (old and new
    words both), for the preview to typeset in suggesting view, and each changed field's
    :class:`Shown` (its spans say which characters to strike out or underline, in the
    author's colour). The letter itself is not changed."""
    shown = {path: item for path, item in shown_fields(letter).items() if item.spans}
    copy_ = copy.deepcopy(letter)
    for path, item in shown.items():
        set_path(copy_, path, item.text)
    return copy_, shown


def author_colour(author: str) -> str:
    """A colour (hex) for an author's suggestions, the same on every PC for the same name."""
    digest = hashlib.sha256(" ".join(author.split()).encode("utf-8")).digest()
    return AUTHOR_COLOURS[digest[0] % len(AUTHOR_COLOURS)]


# --------------------------------------------------------------------------- problems


def suggestion_problems(letter: Letter) -> list[Problem]:
    """Warnings for the problems panel: entries that cannot be read, and each open
    suggestion that is outdated (on its field, so a click goes there)."""
    problems = list(read_suggestions(letter.extra.get(REVIEW_KEY))[1])
    for suggestion in open_suggestions(letter):
        if where(letter, suggestion) is None:
            error = _outdated_error(suggestion).problems[0]
            problems.append(Problem(suggestion.field, "suggestion-outdated", "warning",
                                    error.message_th, error.message_en))
    return problems


def as_json(suggestions: Iterable[Suggestion]) -> list[dict[str, Any]]:
    """``review status --json``'s ``suggestions``."""
    return [{"id": s.id, "field": s.field, "author": s.author, "old": s.old, "new": s.new,
             "state": s.state} for s in suggestions]


def same_suggestion(existing: Sequence[Suggestion], letter: Letter, path: str,
                    places: Iterable[int], old: str, new: str) -> Suggestion | None:
    """A suggestion already in the record that makes the same edit at one of ``places``
    (offsets in the field: where a file put it, and where that is in the field now), in any
    state — stored there, or found there now: importing a file twice adds nothing."""
    places = set(places)
    text = field_text(letter, path)
    for suggestion in existing:
        if suggestion.field != path or suggestion.old != old or suggestion.new != new:
            continue
        if suggestion.offset in places:
            return suggestion
        span = locate(text, suggestion) if suggestion.is_open else None
        if span is not None and span[0] in places:
            return suggestion
    return None


__all__ = [
    "AUTHOR_COLOURS", "Decided", "Edit", "STATES", "Shown", "ShownSpan", "Suggestion",
    "accept_all", "accept_suggestion", "add_suggestion", "author_colour", "canonical_path",
    "field_text", "find_suggestion", "is_outdated", "locate", "open_suggestions", "own_text",
    "read_suggestions", "reject_all", "reject_suggestion", "same_suggestion", "shown_fields",
    "shown_letter", "shown_text", "suggestion_problems", "suggestions_from_edit", "suggestions_of",
    "text_problem", "where", "word_edits",
]
