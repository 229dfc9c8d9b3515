"""Two PCs' review records, merged by what identifies each entry: nothing anyone wrote is lost.

When a draft is saved while another PC saved it too (``model.concurrent``), the review record
(``review``, ``docs/draft-format.md``) is merged here, three ways (the record as the draft was
opened, this PC's, the file's now), list by list, each entry by its identity:

=================  ===============================================================
list               an entry is the same entry when it has the same …
=================  ===============================================================
``comments``       ``id`` (else field, quote, text, author and time)
``…replies``       author, time and text
``versions``       event, by, time and content hash
``approvals``      signature (else the whole entry)
``suggestions``    ``id`` when present (else the whole entry)
=================  ===============================================================

An entry either side added is kept; one that one side removed and the other left alone is
removed; one removed on one side and changed on the other is kept (nothing lost). Entries on
both sides are merged key by key (a reply added on each side: both replies). The file's
entries keep their order and this PC's new ones follow. Unknown keys, in the record and in
its entries, are merged like any field and kept.

Rules that are not "the change wins":

* ``resolved`` — three ways like any field (so marking *and* re-opening are changes that
  win over a side that did not touch it); when both changed it differently (only possible
  without a common base, e.g. a comment that reached both sides by other merges) it is
  resolved: someone said it was dealt with.
* ``state`` — "the last thing that happened": the state of the side whose latest new
  version or approval (one the other side does not have) is later by ``at`` (this PC on a
  tie), even when that side's state reads as it did at the base (sent again while the other
  PC returned it: ``in_review``). Without new events, three ways like any field.
* ``versions`` are stored as deltas on the version before (``record.make_delta``): an entry
  whose predecessor in the merged list is not the one it was stored against is stored again
  against its new predecessor, from its rebuilt snapshot, so every version still rebuilds.

A damaged record (not an object, a list that is not a list) is merged as a plain value: when
both sides changed it, that is a conflict the clerk decides. The public entry point for
saving is :func:`save_merging`, the shared save with this merger for the ``review`` key.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from dla_drafter.model.concurrent import (
    ABSENT,
    Conflict,
    DraftBase,
    Merger,
    Resolver,
    SaveResult,
    Step,
    canonical,
    merge_values,
    same,
    save_shared,
)
from dla_drafter.model.letter import Letter

from .integrity import REVIEW_KEY
from .record import apply_delta, make_delta

DELTA_KEYS = ("content", "changes", "list_changes", "removed")
Key = tuple[str, int]  # identity, and which occurrence of it (hand-made duplicates)
EntryMerger = Callable[[Any, Any, Any, tuple[Step, ...]], tuple[Any, list[Conflict]]]


def _text(entry: Any, key: str) -> Any:
    return entry.get(key) if isinstance(entry, dict) else None


def comment_key(entry: Any) -> str:
    ident = _text(entry, "id")
    if isinstance(ident, str) and ident:
        return "id:" + ident
    if isinstance(entry, dict):
        return canonical([entry.get(k) for k in ("field", "quote", "text", "author", "at")])
    return canonical(entry)


def reply_key(entry: Any) -> str:
    if isinstance(entry, dict):
        return canonical([entry.get(k) for k in ("author", "at", "text")])
    return canonical(entry)


def version_key(entry: Any) -> str:
    if isinstance(entry, dict):
        return canonical([entry.get(k) for k in ("event", "by", "at", "content_sha256")])
    return canonical(entry)


def approval_key(entry: Any) -> str:
    signature = _text(entry, "signature")
    return "sig:" + signature if isinstance(signature, str) and signature else canonical(entry)


def suggestion_key(entry: Any) -> str:
    ident = _text(entry, "id")
    return "id:" + ident if isinstance(ident, str) and ident else canonical(entry)


def _keyed(items: list[Any], key_of: Callable[[Any], str]) -> dict[Key, Any]:
    counts: dict[str, int] = {}
    out: dict[Key, Any] = {}
    for item in items:
        key = key_of(item)
        n = counts.get(key, 0)
        counts[key] = n + 1
        out[(key, n)] = item
    return out


def _merge_entries(base: list[Any], mine: list[Any], theirs: list[Any],
                   steps: tuple[Step, ...], key_of: Callable[[Any], str],
                   merge_entry: EntryMerger) -> tuple[list[tuple[Key, Any]], list[Conflict]]:
    """Three-way merge of a list of entries by identity: theirs' order, then mine's new."""
    b, m, t = _keyed(base, key_of), _keyed(mine, key_of), _keyed(theirs, key_of)
    out: list[tuple[Key, Any]] = []
    conflicts: list[Conflict] = []
    for key in [*t, *(k for k in m if k not in t)]:
        if key in m and key in t:
            value, found = merge_entry(b.get(key, ABSENT), m[key], t[key], (*steps, len(out)))
            conflicts.extend(found)
        else:
            side = t if key in t else m
            if key in b and same(b[key], side[key]):
                continue  # the other side removed it and this side did not touch it
            value = side[key]  # added here, or changed here while removed there: kept
        out.append((key, value))
    return out, conflicts


def _plain(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...]
           ) -> tuple[Any, list[Conflict]]:
    return merge_values(base, mine, theirs, steps)


def _merge_fields(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...],
                  special: Mapping[str, Merger]) -> tuple[Any, list[Conflict]]:
    """An object merged key by key (theirs' key order, then mine's new keys); ``special``
    keys have their own rule."""
    if not isinstance(mine, dict) or not isinstance(theirs, dict):
        return merge_values(base, mine, theirs, steps)
    b = base if isinstance(base, dict) else {}
    out: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for key in [*theirs, *(k for k in mine if k not in theirs)]:
        rule = special.get(key, _plain)
        value, found = rule(b.get(key, ABSENT), mine.get(key, ABSENT), theirs.get(key, ABSENT),
                            (*steps, key))
        conflicts.extend(found)
        if value is not ABSENT:
            out[key] = value
    return out, conflicts


def _list_rule(key_of: Callable[[Any], str], merge_entry: EntryMerger) -> Merger:
    def rule(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...]
             ) -> tuple[Any, list[Conflict]]:
        if not (isinstance(mine, list) and isinstance(theirs, list)
                and (base is ABSENT or isinstance(base, list))):
            return merge_values(base, mine, theirs, steps)  # damaged: a plain value
        if same(mine, theirs):
            return mine, []
        merged, conflicts = _merge_entries(base or [], mine, theirs, steps, key_of, merge_entry)
        return [value for _key, value in merged], conflicts

    return rule


def _resolved(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...]
              ) -> tuple[Any, list[Conflict]]:
    if same(mine, theirs) or same(base, theirs):
        return mine, []
    if same(base, mine):
        return theirs, []
    return (True if True in (mine, theirs) else mine), []


def _merge_comment(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...]
                   ) -> tuple[Any, list[Conflict]]:
    return _merge_fields(base, mine, theirs, steps, _COMMENT_RULES)


_COMMENT_RULES: dict[str, Merger] = {
    "replies": _list_rule(reply_key, _plain),
    "resolved": _resolved,
}


def _without_delta(entry: Any) -> Any:
    if not isinstance(entry, dict):
        return entry
    return {k: v for k, v in entry.items() if k not in DELTA_KEYS}


def _merge_version(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...]
                   ) -> tuple[Any, list[Conflict]]:
    """The same version on both sides: its fields merged, its delta made again later (the
    two sides may have stored it against different predecessors)."""
    return merge_values(_without_delta(base), _without_delta(mine), _without_delta(theirs),
                        steps)


def _chains(*sides: list[Any]) -> tuple[dict[Key, dict[str, Any] | None],
                                         dict[Key, tuple[Key | None, dict[str, Any]]]]:
    """Each version's rebuilt snapshot, and the predecessor and delta it was stored with
    (the first side that has it wins: the file's, then this PC's, then the base's)."""
    snapshots: dict[Key, dict[str, Any] | None] = {}
    stored: dict[Key, tuple[Key | None, dict[str, Any]]] = {}
    for side in sides:
        previous: dict[str, Any] | None = None
        before: Key | None = None
        broken = False
        for key, entry in _keyed(side, version_key).items():
            if not isinstance(entry, dict):
                continue  # read_record skips it too: the chain goes on past it
            snapshot = None
            if not broken:
                snapshot, _why = apply_delta(previous, entry)
                broken = snapshot is None
            if snapshots.get(key) is None:
                snapshots[key] = snapshot
            stored.setdefault(key, (before, {k: entry[k] for k in DELTA_KEYS if k in entry}))
            previous, before = snapshot, key
    return snapshots, stored


def _merge_versions(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...]
                    ) -> tuple[Any, list[Conflict]]:
    if not (isinstance(mine, list) and isinstance(theirs, list)
            and (base is ABSENT or isinstance(base, list))):
        return merge_values(base, mine, theirs, steps)
    if same(mine, theirs):
        return mine, []
    merged, conflicts = _merge_entries(base or [], mine, theirs, steps, version_key,
                                       _merge_version)
    snapshots, stored = _chains(theirs, mine, base or [])
    out: list[Any] = []
    previous: dict[str, Any] | None = None
    before: Key | None = None
    for key, value in merged:
        if not isinstance(value, dict):
            out.append(value)
            continue
        snapshot = snapshots.get(key)
        was_before, delta = stored.get(key, (None, {}))
        if was_before != before and snapshot is not None:
            delta = make_delta(previous, snapshot)  # a new predecessor: stored against it
        out.append({**_without_delta(value), **delta})
        previous, before = snapshot, key
    return out, conflicts


def _latest_new(record: Any, base: Any) -> str:
    """The time of the latest version or approval ``record`` has and ``base`` has not."""
    if not isinstance(record, dict):
        return ""
    base = base if isinstance(base, dict) else {}
    latest = ""
    for name, key_of in (("versions", version_key), ("approvals", approval_key)):
        entries = record.get(name)
        if not isinstance(entries, list):
            continue
        old = base.get(name)
        known = set(_keyed(old, key_of)) if isinstance(old, list) else set()
        for key, entry in _keyed(entries, key_of).items():
            at = _text(entry, "at")
            if key not in known and isinstance(at, str) and at > latest:
                latest = at
    return latest


_RECORD_LISTS: dict[str, Merger] = {
    "comments": _list_rule(comment_key, _merge_comment),
    "versions": _merge_versions,
    "approvals": _list_rule(approval_key, _plain),
    "suggestions": _list_rule(suggestion_key, _plain),
}


def merge_review(base: Any, mine: Any, theirs: Any, steps: tuple[Step, ...] = (REVIEW_KEY,)
                 ) -> tuple[Any, list[Conflict]]:
    """Merge three review records (``ABSENT``/None where a side has none); see the module
    docstring. Returns the merged record and the conflicts left for a person (only on
    fields no rule decides, e.g. an unknown key both sides set differently)."""
    if not isinstance(mine, dict) or not isinstance(theirs, dict):
        return merge_values(base, mine, theirs, steps)

    def state(b: Any, m: Any, t: Any, _steps: tuple[Step, ...]) -> tuple[Any, list[Conflict]]:
        latest_mine, latest_theirs = _latest_new(mine, base), _latest_new(theirs, base)
        if latest_mine or latest_theirs:  # the side of the last thing that happened
            return (m if latest_mine >= latest_theirs else t), []
        if same(m, t) or same(b, t):
            return m, []
        return (t if same(b, m) else m), []

    return _merge_fields(base, mine, theirs, steps, {**_RECORD_LISTS, "state": state})


#: The mergers the shared save uses for a draft with a review record.
MERGERS: dict[str, Merger] = {REVIEW_KEY: merge_review}


def save_merging(letter: Letter, path: str | os.PathLike[str], base: DraftBase | None, *,
                 resolve: Resolver | None = None, backup: bool = False,
                 conflict_copy: bool = True) -> SaveResult:
    """Save a draft others may have saved since ``base`` was read: the letter's fields merged
    three ways and the review record by id (``model.concurrent.save_shared`` with
    :data:`MERGERS`). The one save the CLI's verbs, ``register issue`` and the window use."""
    return save_shared(letter, path, base, mergers=MERGERS, resolve=resolve, backup=backup,
                       conflict_copy=conflict_copy)
