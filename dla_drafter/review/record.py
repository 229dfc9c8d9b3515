"""The review record inside a draft file: reading it tolerantly, and the version deltas.

The record is the draft's optional top-level key ``review`` (``docs/draft-format.md``). The
model keeps it as an unknown key (``letter.extra["review"]``), exactly as a release without
this package does, so a file with a review record opens — and keeps the record — everywhere.

Reading never fails: :func:`read_record` returns a view of whatever is well formed and a list
of *warnings* naming the path of each thing that is not (``review.comments[3].field``), so a
damaged record never keeps the letter from opening. The view is read-only; changes go through
:mod:`dla_drafter.review.actions`, which append to the raw JSON and so never drop an entry
this version could not read.

Versions are stored compactly: the first holds the whole snapshot (``content``); each later
one holds only what changed against the one before — ``changes`` (top-level keys with their
new value), ``list_changes`` (for list fields: each item either the index of an unchanged item
of the previous version's list, or ``{"new": value}``) and ``removed`` (keys that went away).
A version with none of these has the same snapshot as the one before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from dla_drafter.model.letter import Letter
from dla_drafter.problems import Problem
from dla_drafter.text.invisible import XML_ILLEGAL

from .integrity import REVIEW_KEY

State = Literal["draft", "in_review", "returned", "approved"]
STATES: tuple[State, ...] = ("draft", "in_review", "returned", "approved")
STATE_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("ร่าง", "draft"),
    "in_review": ("รอตรวจ", "in review"),
    "returned": ("ส่งกลับแก้ไข", "returned for changes"),
    "approved": ("อนุมัติแล้ว", "approved"),
}
EVENTS = ("sent", "returned", "approved")
# The record's key for suggested edits (``review/suggestions.py`` reads and writes them).
SUGGESTIONS_KEY = "suggestions"
#: Each event's state: what the record says after it.
EVENT_STATES: dict[str, State] = {"sent": "in_review", "returned": "returned",
                                  "approved": "approved"}


@dataclass(frozen=True)
class Reply:
    author: str
    at: str
    text: str


@dataclass(frozen=True)
class Comment:
    """A reviewer's note on ``quote`` inside ``field`` (a path such as ``body[2]``)."""

    index: int
    id: str
    field: str
    quote: str
    text: str
    author: str
    at: str
    resolved: bool
    offset: int | None = None
    replies: tuple[Reply, ...] = ()


@dataclass(frozen=True)
class Approval:
    """One approval as written; its status comes from :mod:`.integrity` (``raw`` is what is
    verified, so a hand edit anywhere in the entry shows)."""

    index: int
    role: str
    name: str
    at: str
    content_sha256: str
    public_key: str
    raw: Any


@dataclass(frozen=True)
class Version:
    """A frozen copy of the letter: ``snapshot`` is None when it could not be rebuilt."""

    index: int
    event: str
    by: str
    at: str
    note: str
    snapshot: dict[str, Any] | None


@dataclass(frozen=True)
class ReviewRecord:
    state: State = "draft"
    versions: tuple[Version, ...] = ()
    comments: tuple[Comment, ...] = ()
    approvals: tuple[Approval, ...] = ()
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def comment(self, comment_id: str) -> Comment | None:
        return next((c for c in self.comments if c.id == comment_id), None)

    def last_version(self, event: str | None = None) -> Version | None:
        for version in reversed(self.versions):
            if event is None or version.event == event:
                return version
        return None


def raw_record(letter: Letter) -> Any:
    """The record as stored (None when the draft has none)."""
    return letter.extra.get(REVIEW_KEY)


def _warning(path: str, code: str, th: str, en: str) -> Problem:
    return Problem(path, code, "warning", th, en)


def _kind(value: object) -> str:
    return {dict: "object", list: "list", str: "text", bool: "bool"}.get(type(value), "value")


_EXPECT = {
    "text": ("ข้อความ", "text"),
    "bool": ("true หรือ false", "true or false"),
    "list": ("รายการ [...]", "a list [...]"),
    "object": ("ออบเจกต์ {…}", "an object {…}"),
}


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def wrong(self, path: str, expected: str, value: object) -> None:
        th, en = _EXPECT[expected]
        self.problems.append(
            _warning(
                path, "review-type",
                f"ต้องเป็น{th} บันทึกการตรวจส่วนนี้จึงใช้ไม่ได้",
                f"must be {en} (got {_kind(value)}); this part of the review record is ignored",
            )
        )  # fmt: skip

    def text(self, obj: Mapping[str, Any], key: str, path: str, default: str = "") -> str:
        if key not in obj:
            return default
        value = obj[key]
        if not isinstance(value, str):
            self.wrong(f"{path}.{key}", "text", value)
            return default
        return value

    def required_text(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        if key not in obj:
            self.problems.append(
                _warning(f"{path}.{key}", "review-missing", "ไม่มีในบันทึกการตรวจ (ต้องมี)",
                         "is missing from the review record (required)")
            )
            return None
        value = obj[key]
        if not isinstance(value, str):
            self.wrong(f"{path}.{key}", "text", value)
            return None
        return value

    def printable(self, path: str, value: str) -> str:
        """``value``, after naming the control characters in it that no page or Word file can
        hold (NUL, BEL, VT …; a comment keeps its line breaks and TABs). The record was not
        written by this program, so this is a warning: the writers leave them out."""
        found = XML_ILLEGAL.findall(value)
        if found:
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
            self.problems.append(
                _warning(path, "review-control-char",
                         f"มีอักขระควบคุม ({codes}) ซึ่งพิมพ์และส่งออกเป็น Word ไม่ได้ "
                         "จึงตัดออกเมื่อพิมพ์หรือส่งออก",
                         f"contains control characters ({codes}) that cannot be printed or "
                         "written to Word; they are left out of the outputs")
            )  # fmt: skip
        return value

    def entries(self, obj: Mapping[str, Any], key: str, path: str) -> list[tuple[int, dict]]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            self.wrong(path, "list", value)
            return []
        result = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                result.append((index, item))
            else:
                self.wrong(f"{path}[{index}]", "object", item)
        return result


def read_record(raw: Any) -> ReviewRecord:
    """The record's view; problems (warnings) name each part that could not be read."""
    if raw is None:
        return ReviewRecord()
    r = _Reader()
    if not isinstance(raw, dict):
        r.wrong(REVIEW_KEY, "object", raw)
        return ReviewRecord(problems=tuple(r.problems))
    state = raw.get("state", "draft")
    if state not in STATES:
        names = ", ".join(STATES)
        r.problems.append(
            _warning(f"{REVIEW_KEY}.state", "review-state",
                     f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {names} จึงถือว่าเป็นร่าง",
                     f"must be one of {names}; read as draft")
        )
        state = "draft"
    return ReviewRecord(
        state=state,
        versions=tuple(_read_versions(r, raw)),
        comments=tuple(_read_comments(r, raw)),
        approvals=tuple(_read_approvals(r, raw)),
        problems=tuple(r.problems),
    )


def _read_comments(r: _Reader, raw: dict[str, Any]) -> list[Comment]:
    comments = []
    base = f"{REVIEW_KEY}.comments"
    for index, item in r.entries(raw, "comments", base):
        path = f"{base}[{index}]"
        field_path = r.required_text(item, "field", path)
        quote = r.required_text(item, "quote", path)
        text = r.required_text(item, "text", path)
        if field_path is None or quote is None or text is None:
            continue
        r.printable(f"{path}.quote", quote)
        r.printable(f"{path}.text", text)
        resolved = item.get("resolved", False)
        if not isinstance(resolved, bool):
            r.wrong(f"{path}.resolved", "bool", resolved)
            resolved = False
        offset = item.get("offset")
        if not (isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0):
            if offset is not None:  # absent or null: "where it was" is simply not known
                r.problems.append(
                    _warning(f"{path}.offset", "review-type",
                             "ต้องเป็นตัวเลขจำนวนเต็มไม่ติดลบ จึงไม่ใช้ (หาข้อความที่อ้างถึงจากต้นช่องแทน)",
                             f"must be a whole number of at least 0 (got {repr(offset)[:30]}); "
                             "not used: the quote is looked for from the field's start")
                )  # fmt: skip
            offset = None
        replies = []
        for reply_index, reply in r.entries(item, "replies", f"{path}.replies"):
            reply_path = f"{path}.replies[{reply_index}]"
            reply_text = r.required_text(reply, "text", reply_path)
            if reply_text is not None:
                r.printable(f"{reply_path}.text", reply_text)
                author = r.printable(f"{reply_path}.author", r.text(reply, "author", reply_path))
                replies.append(Reply(author, r.text(reply, "at", reply_path), reply_text))
        comments.append(
            Comment(
                index=index,
                id=r.text(item, "id", path) or f"#{index}",
                field=field_path,
                quote=quote,
                text=text,
                author=r.printable(f"{path}.author", r.text(item, "author", path)),
                at=r.text(item, "at", path),
                resolved=resolved,
                offset=offset,
                replies=tuple(replies),
            )
        )
    return comments


def _read_approvals(r: _Reader, raw: dict[str, Any]) -> list[Approval]:
    """Every object in the list becomes an Approval, however damaged: a damaged one must
    still show (as *invalid*), never silently disappear."""
    approvals = []
    for index, item in r.entries(raw, "approvals", f"{REVIEW_KEY}.approvals"):

        def get(key: str, item: dict[str, Any] = item) -> str:
            value = item.get(key)
            return value if isinstance(value, str) else ""

        approvals.append(
            Approval(index, get("role"), get("name"), get("at"), get("content_sha256"),
                     get("public_key"), item)
        )  # fmt: skip
    return approvals


def _read_versions(r: _Reader, raw: dict[str, Any]) -> list[Version]:
    versions = []
    previous: dict[str, Any] | None = None
    broken = False
    base = f"{REVIEW_KEY}.versions"
    for index, item in r.entries(raw, "versions", base):
        path = f"{base}[{index}]"
        snapshot: dict[str, Any] | None = None
        if not broken:
            snapshot, why = apply_delta(previous, item)
            if snapshot is None:
                broken = True  # later deltas build on this one: they cannot be rebuilt either
                r.problems.append(
                    _warning(path, "review-version",
                             f"สร้างฉบับนี้ขึ้นใหม่ไม่ได้ ({why[0]}) ฉบับนี้และฉบับต่อจากนี้จึงดูไม่ได้",
                             f"this version cannot be rebuilt ({why[1]}); it and the later "
                             "ones cannot be shown")
                )  # fmt: skip
        event = r.text(item, "event", path)
        if event not in EVENTS:
            names = ", ".join(EVENTS)
            r.problems.append(
                _warning(f"{path}.event", "review-event",
                         f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {names}",
                         f"must be one of {names}")
            )  # fmt: skip
        versions.append(
            Version(index, event, r.text(item, "by", path), r.text(item, "at", path),
                    r.text(item, "note", path), snapshot)
        )  # fmt: skip
        previous = snapshot
    return versions


# --------------------------------------------------------------------------- deltas


def make_delta(previous: dict[str, Any] | None, snapshot: dict[str, Any]) -> dict[str, Any]:
    """The keys of a version entry that store ``snapshot`` given the version before it."""
    if previous is None:
        return {"content": snapshot}
    from .integrity import canonical_json

    changes: dict[str, Any] = {}
    list_changes: dict[str, Any] = {}
    for key, value in snapshot.items():
        # Compared as JSON: in Python 1 == True, in a draft they are different values.
        if key in previous and canonical_json(previous[key]) == canonical_json(value):
            continue
        old = previous.get(key)
        if isinstance(value, list) and isinstance(old, list):
            list_changes[key] = _list_delta(old, value)
        else:
            changes[key] = value
    removed = [key for key in previous if key not in snapshot]
    delta: dict[str, Any] = {}
    if changes:
        delta["changes"] = changes
    if list_changes:
        delta["list_changes"] = list_changes
    if removed:
        delta["removed"] = removed
    return delta


def _list_delta(old: list[Any], new: list[Any]) -> list[Any]:
    """Each new item as the index of an equal old item (preferring the same place), or new."""
    positions: dict[str, list[int]] = {}
    from .integrity import canonical_json

    keys_old = [canonical_json(item) for item in old]
    for i, key in enumerate(keys_old):
        positions.setdefault(key, []).append(i)
    result: list[Any] = []
    for i, item in enumerate(new):
        key = canonical_json(item)
        if i < len(old) and keys_old[i] == key:
            result.append(i)
        elif key in positions:
            result.append(positions[key][0])
        else:
            result.append({"new": item})
    return result


def apply_delta(
    previous: dict[str, Any] | None, item: Mapping[str, Any]
) -> tuple[dict[str, Any] | None, tuple[str, str]]:
    """The snapshot a version entry stores, or None and why not (Thai, English)."""
    if "content" in item:
        content = item["content"]
        if not isinstance(content, dict):
            return None, ("content ไม่ใช่ออบเจกต์", "content is not an object")
        return dict(content), ("", "")
    if previous is None:
        return None, ("ฉบับแรกต้องมี content", "the first version needs content")
    snapshot = dict(previous)
    changes = item.get("changes", {})
    list_changes = item.get("list_changes", {})
    removed = item.get("removed", [])
    if not isinstance(changes, dict) or not isinstance(list_changes, dict):
        return None, ("changes/list_changes ไม่ใช่ออบเจกต์", "changes/list_changes is not an object")
    if not isinstance(removed, list):
        return None, ("removed ไม่ใช่รายการ", "removed is not a list")
    snapshot.update(changes)
    for key, entries in list_changes.items():
        old = previous.get(key)
        if not isinstance(old, list) or not isinstance(entries, list):
            return None, (f"list_changes.{key} ไม่ถูกต้อง", f"list_changes.{key} is malformed")
        rebuilt = []
        for entry in entries:
            if isinstance(entry, int) and not isinstance(entry, bool) and 0 <= entry < len(old):
                rebuilt.append(old[entry])
            elif isinstance(entry, dict) and "new" in entry:
                rebuilt.append(entry["new"])
            else:
                return None, (f"list_changes.{key} ไม่ถูกต้อง", f"list_changes.{key} is malformed")
        snapshot[key] = rebuilt
    for key in removed:
        if isinstance(key, str):
            snapshot.pop(key, None)
    return snapshot, ("", "")
