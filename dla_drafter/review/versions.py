"""The versions of a draft under review: listing them, comparing any two, "since I last looked",
and the latest return with what is left to fix.

The review record (:mod:`.record`) keeps a frozen copy of the letter each time something
happens to it (sent for review, returned, and — as the record grows — approved or commented);
this module is what the window's version picker and ``dla-drafter diff DRAFT --from N`` use.

**Numbers.** Versions are numbered ``n`` = 1, 2, 3 … in the order of the record's list (the
first version is ฉบับที่ ๑), the same numbers ``review status`` shows; :func:`versions_of`
lists them with who, when, the action and its note.

**Since I last looked** (:func:`baseline_for`). The person looking is a :class:`Viewer`: the
name of their identity and, when they have one, their public key (the caller reads both —
``identity.load_identity().display_name()``, ``identity.own_public_key()`` — nothing here
reads settings). Their *acts* on this draft are:

* each version whose ``by`` is their name (sent, returned, approved, commented): that version
  is what they last saw;
* each approval that is theirs — by key when both the approval and the viewer have one, else
  by name — and each comment whose ``author`` is their name: these are placed at the latest
  version whose time is at or before the act's time (what was in front of them).

Names match with spaces collapsed and case ignored. The *baseline* is the version of their
latest act (by time; a version wins a tie with a comment or approval made in the same
second). Replies and resolved marks are not acts: replying is how the clerk answers, and
resolving has no time. So a reviewer who commented and returned the letter compares against
the version they returned, and a clerk against the version they last sent — unless they did
something later. Acts whose time cannot be read, and comments or approvals older than every
version, are left out. None when the viewer did nothing on this draft.

**The latest return** (:func:`latest_return`): who returned the letter, when and why, and the
open comments in letter order (the order of the draft's fields, which is the order they
print; then by place in the field) with where each quote is now
(:func:`.actions.locate_comment`; None when its text is gone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.letter import Letter
from dla_drafter.problems import DrafterError
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.text.thaidate import BE_OFFSET, THAI_MONTHS_ABBR

from .diff import LetterDiff, diff_snapshots, field_texts
from .integrity import letter_snapshot
from .record import Comment, ReviewRecord

#: What happened at a version, by the record's ``event``: (Thai, English).
ACTIONS: dict[str, tuple[str, str]] = {
    "sent": ("ส่งตรวจ", "sent for review"),
    "returned": ("ส่งกลับแก้ไข", "returned for changes"),
    "approved": ("อนุมัติ", "approved"),
    "commented": ("แสดงความเห็น", "commented"),
}

VERSIONS_FIELD = f"{REVIEW_KEY}.versions"


class VersionError(DrafterError):
    """A version that cannot be compared: none at all, a number out of range, or one whose
    copy of the letter cannot be rebuilt (a damaged record)."""


def _number(n: int, lang: str) -> str:
    return to_thai_digits(n) if lang == "th" else str(n)


def parse_time(text: str) -> datetime | None:
    """An event's time as stored (ISO 8601); one without an offset is taken as UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def format_time(text: str, lang: str = "th") -> str:
    """A stored time as the user reads it, in this computer's time zone:
    ``๒๐ พ.ย. ๒๕๖๙ ๑๐:๓๐`` / ``20 Nov 2026 10:30``; unreadable times as stored."""
    moment = parse_time(text)
    if moment is None:
        return text
    local = moment.astimezone()
    if lang == "th":
        month = THAI_MONTHS_ABBR[local.month - 1]
        return to_thai_digits(
            f"{local.day} {month} {local.year + BE_OFFSET} {local.hour:02d}:{local.minute:02d}"
        )
    return local.strftime("%d %b %Y %H:%M").lstrip("0")


@dataclass(frozen=True)
class VersionInfo:
    """One version as the picker lists it: ``n`` (1-based, what ``--from N`` takes),
    ``index`` (its place in the record's ``versions`` list), the ``action`` (the record's
    ``event``), who, when, the note, and the snapshot (None when it cannot be rebuilt)."""

    n: int
    index: int
    action: str
    by: str
    at: str
    note: str
    snapshot: dict[str, Any] | None

    def action_label(self, lang: str = "th") -> str:
        th, en = ACTIONS.get(self.action, (self.action, self.action))
        return th if lang == "th" else en

    def label(self, lang: str = "th") -> str:
        """One line: ``ฉบับที่ ๒ · ส่งกลับแก้ไข · นางสาวศรีสุดา ใจดี · ๒๐ พ.ย. ๒๕๖๙ ๑๐:๓๐ — note``."""
        head = f"ฉบับที่ {_number(self.n, lang)}" if lang == "th" else f"version {self.n}"
        parts = [head, self.action_label(lang)]
        if self.by:
            parts.append(self.by)
        if self.at:
            parts.append(format_time(self.at, lang))
        line = " · ".join(parts)
        return f"{line} — {self.note}" if self.note else line


def versions_of(record: ReviewRecord) -> tuple[VersionInfo, ...]:
    """Every version of the record, oldest first, numbered from 1."""
    return tuple(
        VersionInfo(n, v.index, v.event, v.by, v.at, v.note, v.snapshot)
        for n, v in enumerate(record.versions, 1)
    )


def version(record: ReviewRecord, n: int) -> VersionInfo:
    """Version ``n`` with a readable snapshot, or :class:`VersionError` saying why not."""
    versions = versions_of(record)
    if not versions:
        raise VersionError.of(
            "version-none",
            "ร่างนี้ยังไม่มีฉบับที่บันทึกไว้ (ยังไม่เคยส่งตรวจ) จึงเปรียบเทียบฉบับไม่ได้",
            "this draft has no saved versions (it was never sent for review), so there is "
            "no version to compare",
            VERSIONS_FIELD,
        )
    if not 1 <= n <= len(versions):
        last = len(versions)
        has_th = "มีฉบับเดียว คือฉบับที่ ๑" if last == 1 else f"มีฉบับที่ ๑–{to_thai_digits(last)}"
        has_en = "has only version 1" if last == 1 else f"has versions 1–{last}"
        raise VersionError.of(
            "version-range",
            f"ไม่มีฉบับที่ {to_thai_digits(n)} ร่างนี้{has_th}",
            f"there is no version {n}; this draft {has_en}",
            VERSIONS_FIELD,
        )
    found = versions[n - 1]
    if found.snapshot is None:
        raise VersionError.of(
            "version-unreadable",
            f"ฉบับที่ {to_thai_digits(n)} สร้างขึ้นใหม่จากบันทึกการตรวจไม่ได้ (บันทึกเสียหาย) "
            "จึงเปรียบเทียบไม่ได้",
            f"version {n} cannot be rebuilt from the review record (it is damaged), so it "
            "cannot be compared",
            f"{VERSIONS_FIELD}[{found.index}]",
        )
    return found


def compare_versions(record: ReviewRecord, letter: Letter, from_n: int,
                     to_n: int | None = None) -> LetterDiff:
    """What changed from version ``from_n`` to version ``to_n`` (None: the letter as it is
    now, unsaved edits included). Raises :class:`VersionError`."""
    old = version(record, from_n).snapshot
    new = letter_snapshot(letter) if to_n is None else version(record, to_n).snapshot
    assert old is not None and new is not None  # version() gives readable ones only
    return diff_snapshots(old, new)


# --------------------------------------------------------------------------- who looked


def _plain_name(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Viewer:
    """The person looking: their identity's name and their public key (None before they
    ever made one)."""

    name: str
    public_key: str | None = None

    def named(self, name: str) -> bool:
        mine = _plain_name(self.name)
        return bool(mine) and mine == _plain_name(name)


@dataclass(frozen=True)
class Baseline:
    """The version the viewer last looked at: ``version``, because of ``act`` (``sent``,
    ``returned``, ``approved`` or ``commented``) done at ``at``."""

    version: VersionInfo
    act: str
    at: str

    def describe(self, lang: str = "th") -> str:
        """``ฉบับที่ ๒ (ส่งกลับแก้ไข ๒๐ พ.ย. ๒๕๖๙ ๑๐:๓๐)``: what "since I last looked" means."""
        act = ACTIONS.get(self.act, (self.act, self.act))[0 if lang == "th" else 1]
        when = format_time(self.at, lang)
        if lang == "th":
            return f"ฉบับที่ {_number(self.version.n, lang)} (ที่คุณ{act}เมื่อ {when})"
        return f"version {self.version.n} (you {act} it on {when})"


def _version_at(versions: tuple[VersionInfo, ...], moment: datetime) -> VersionInfo | None:
    """The latest version whose time is at or before ``moment``."""
    found = None
    for item in versions:
        at = parse_time(item.at)
        if at is not None and at <= moment:
            found = item
    return found


def _mine(approval_key: str, approval_name: str, viewer: Viewer) -> bool:
    if approval_key and viewer.public_key:
        return approval_key == viewer.public_key
    return viewer.named(approval_name)


def baseline_for(record: ReviewRecord, viewer: Viewer) -> Baseline | None:
    """The version ``viewer`` last sent, returned, approved or commented on (see the module's
    text for the exact rule); None when they did none of these on this draft."""
    versions = versions_of(record)
    acts: list[tuple[datetime, int, int, Baseline]] = []  # (when, tie rank, order, baseline)
    for item in versions:
        when = parse_time(item.at)
        if when is not None and viewer.named(item.by):
            acts.append((when, 1, item.n, Baseline(item, item.action, item.at)))
    others = [(a.at, "approved", _mine(a.public_key, a.name, viewer)) for a in record.approvals]
    others += [(c.at, "commented", viewer.named(c.author)) for c in record.comments]
    for order, (at, act, mine) in enumerate(others):
        when = parse_time(at)
        if not mine or when is None:
            continue
        seen = _version_at(versions, when)
        if seen is not None:
            acts.append((when, 0, order, Baseline(seen, act, at)))
    if not acts:
        return None
    return max(acts, key=lambda act: act[:3])[3]


def changes_since_mine(record: ReviewRecord, letter: Letter,
                       viewer: Viewer) -> tuple[Baseline, LetterDiff] | None:
    """"What changed since I last looked": the viewer's baseline and the diff from it to the
    letter as it is now; None when they never looked. Raises :class:`VersionError` when that
    version cannot be rebuilt."""
    baseline = baseline_for(record, viewer)
    if baseline is None:
        return None
    return baseline, compare_versions(record, letter, baseline.version.n)


# --------------------------------------------------------------------------- the return


@dataclass(frozen=True)
class OpenComment:
    """A comment still to be dealt with, and where its quote is in the letter now
    (``(start, end)`` in ``comment.field``; None when the text it quoted is gone)."""

    comment: Comment
    where: tuple[int, int] | None

    @property
    def outdated(self) -> bool:
        return self.where is None


@dataclass(frozen=True)
class ReturnNote:
    """The latest ส่งกลับแก้ไข: the version it made (who, when, the note), whether it is still
    ``pending`` (nothing was sent after it), and the open comments in letter order."""

    version: VersionInfo
    pending: bool
    comments: tuple[OpenComment, ...]

    @property
    def by(self) -> str:
        return self.version.by

    @property
    def at(self) -> str:
        return self.version.at

    @property
    def note(self) -> str:
        return self.version.note


def open_comments(record: ReviewRecord, letter: Letter) -> tuple[OpenComment, ...]:
    """The unresolved comments in letter order, each with where its quote is now."""
    from .actions import locate_comment

    order = {path: rank for rank, path in enumerate(field_texts(letter_snapshot(letter)))}
    found = [(c, locate_comment(letter, c)) for c in record.comments if not c.resolved]

    def key(item: tuple[Comment, tuple[int, int] | None]) -> tuple[int, int, int]:
        comment, where = item
        place = where[0] if where is not None else (comment.offset or 0)
        return order.get(comment.field, len(order)), place, comment.index

    return tuple(OpenComment(c, where) for c, where in sorted(found, key=key))


def latest_return(record: ReviewRecord, letter: Letter) -> ReturnNote | None:
    """Who last returned the letter, when and why, with the open comments (the checklist the
    clerk works through); None when it was never returned."""
    versions = versions_of(record)
    returned = next((v for v in reversed(versions) if v.action == "returned"), None)
    if returned is None:
        return None
    pending = not any(v.action == "sent" for v in versions[returned.n:])
    return ReturnNote(returned, pending, open_comments(record, letter))

