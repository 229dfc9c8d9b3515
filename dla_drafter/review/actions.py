"""The review loop's verbs: what the CLI calls now and the desktop program will call later.

Every function changes ``letter`` in place (its ``extra["review"]`` record) and leaves saving
to the caller, exactly like an edit typed in the form. A verb that cannot be done raises
:class:`ReviewError` *before* changing anything, naming the field in Thai and English — so a
caller that saves only on success never writes a half-done change.

Verbs append to the raw record rather than rewriting it from the parsed view, so entries this
version could not read (a newer release's, or a damaged one) are kept as they are.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.model.letter import Letter
from dla_drafter.problems import DrafterError, Problem
from dla_drafter.text.invisible import XML_ILLEGAL

from .diff import LetterDiff, diff_snapshots, field_texts
from .integrity import (
    REVIEW_KEY,
    Check,
    Keyring,
    Reviewer,
    Status,
    check_approval,
    content_hash,
    content_hash_of,
    letter_snapshot,
    same_text,
    sign_approval,
)
from .record import (
    EVENT_STATES,
    Approval,
    Comment,
    ReviewRecord,
    make_delta,
    raw_record,
    read_record,
)


class ReviewError(DrafterError):
    """A review action refused; ``field`` is the path it concerns ("" for the whole record).
    A :class:`DrafterError` of one problem, so every reader shows it the same way."""

    def __init__(self, field: str, message_th: str, message_en: str) -> None:
        super().__init__(Problem(field, "review-refused", "error", message_th, message_en))

    @property
    def problem(self) -> Problem:
        return self.problems[0]


def _quote_at(text: str, quote: str, offset: int | None) -> bool:
    """Whether ``quote`` is in ``text`` at ``offset`` — inside the text: an offset past the
    end (the field was shortened since, or the file says so) matches nothing, even ""."""
    if offset is None or isinstance(offset, bool) or not 0 <= offset <= len(text) - len(quote):
        return False
    return text[offset : offset + len(quote)] == quote


def _refuse_control(field: str, value: str, what_th: str, what_en: str) -> None:
    """Refuse what neither a page nor a Word comment can hold (NUL, BEL, VT …): a comment's
    text keeps its line breaks and TABs, which both can."""
    found = XML_ILLEGAL.findall(value)
    if found:
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
        raise ReviewError(
            field,
            f"{what_th}มีอักขระควบคุม ({codes}) ซึ่งพิมพ์และส่งออกเป็น Word ไม่ได้ ลบออกก่อน",
            f"{what_en} contains control characters ({codes}) that cannot be printed or "
            "written to Word; remove them",
        )


def now_text() -> str:
    """The time of an event as stored: ISO 8601, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def record_of(letter: Letter) -> ReviewRecord:
    return read_record(raw_record(letter))


def _writable(letter: Letter, *lists: str) -> dict[str, Any]:
    """The raw record, created when missing; refuses to overwrite one it cannot read."""
    raw = letter.extra.get(REVIEW_KEY)
    if raw is None:
        raw = {"state": "draft", "versions": [], "comments": [], "approvals": []}
    if not isinstance(raw, dict):
        raise ReviewError(
            REVIEW_KEY,
            "บันทึกการตรวจในไฟล์นี้เสียหาย (ไม่ใช่ออบเจกต์) จึงเพิ่มข้อมูลไม่ได้ แก้ไฟล์ก่อน",
            "the review record in this file is damaged (not an object); fix it first",
        )
    for key in lists:
        if key not in raw:
            continue
        if not isinstance(raw[key], list):
            raise ReviewError(
                f"{REVIEW_KEY}.{key}",
                "ไม่ใช่รายการ บันทึกการตรวจนี้จึงเพิ่มข้อมูลไม่ได้ แก้ไฟล์ก่อน",
                "is not a list, so nothing can be added to it; fix the file first",
            )
    return raw


def _commit(letter: Letter, raw: dict[str, Any]) -> None:
    letter.extra[REVIEW_KEY] = raw


def _add_version(letter: Letter, event: str, by: str, at: str, note: str = "") -> None:
    raw = _writable(letter, "versions")
    record = read_record(raw)
    snapshot = letter_snapshot(letter)
    previous = record.versions[-1].snapshot if record.versions else None
    entry: dict[str, Any] = {"event": event, "by": by, "at": at}
    if note:
        entry["note"] = note
    entry["content_sha256"] = content_hash_of(snapshot)
    entry.update(make_delta(previous, snapshot))
    raw.setdefault("versions", []).append(entry)
    raw["state"] = EVENT_STATES[event]
    _commit(letter, raw)


def send_for_review(letter: Letter, by: str, at: str | None = None) -> None:
    """ส่งตรวจ: freeze this version of the letter and wait for review (state ``in_review``)."""
    _add_version(letter, "sent", by, at or now_text())


def return_for_changes(letter: Letter, reason: str, by: str, at: str | None = None) -> None:
    """ส่งกลับแก้ไข: freeze the letter as the reviewer leaves it, with the reason."""
    if not reason.strip():
        raise ReviewError(REVIEW_KEY, "ต้องระบุเหตุผลที่ส่งกลับแก้ไข", "give the reason for returning")
    _add_version(letter, "returned", by, at or now_text(), reason)


def add_comment(
    letter: Letter, field: str, quote: str, text: str, author: str, at: str | None = None,
    offset: int | None = None,
) -> str:
    """A comment on ``quote`` in ``field`` (``body[2]``, ``subject`` …); returns its id.

    ``offset`` says which occurrence of ``quote`` is meant (where it starts in the field);
    without it, or when the quote is not there, the first occurrence.
    Refused, naming the field, when the field does not exist or does not contain ``quote``.
    """
    entry = comment_entry(field_texts(letter_snapshot(letter)), field, quote, text, author,
                          at, offset)
    comment_list(letter).append(entry)
    return entry["id"]


def comment_entry(
    texts: Mapping[str, str], field: str, quote: str, text: str, author: str,
    at: str | None = None, offset: int | None = None,
) -> dict[str, Any]:
    """The record entry of a new comment, checked as :func:`add_comment` checks it against
    the letter's ``texts`` (``field_texts`` of its snapshot), without adding it: a caller that
    adds many (the Word import) takes the texts once and appends every entry to
    :func:`comment_list`, instead of re-reading the letter for each."""
    if field not in texts:
        raise ReviewError(
            field,
            "ไม่มีช่องนี้ในหนังสือ จึงแสดงความเห็นที่ช่องนี้ไม่ได้",
            "there is no such field in the letter to comment on",
        )
    if not _quote_at(texts[field], quote, offset):
        offset = texts[field].find(quote)
    if offset is None or offset < 0:
        raise ReviewError(
            field,
            f"ไม่พบข้อความ \u201c{quote}\u201d ในช่องนี้",
            f"the text \u201c{quote}\u201d is not in this field",
        )
    if not text.strip():
        raise ReviewError(field, "ต้องมีข้อความความเห็น", "the comment has no text")
    _refuse_control(field, text, "ความเห็น", "the comment")
    _refuse_control(field, author, "ชื่อผู้แสดงความเห็น", "the author's name")
    return {
        "id": "c" + secrets.token_hex(4),
        "field": field,
        "quote": quote,
        "offset": offset,
        "text": text,
        "author": author,
        "at": at or now_text(),
        "resolved": False,
        "replies": [],
    }


def comment_list(letter: Letter) -> list[Any]:
    """The record's list of comments, to append to (the record is created when missing);
    refused, changing nothing, when the record or the list cannot be read."""
    raw = _writable(letter, "comments")
    comments = raw.setdefault("comments", [])
    _commit(letter, raw)
    return comments


def reply_entry(text: str, author: str, at: str | None = None) -> dict[str, Any]:
    """A reply's record entry, checked as :func:`reply_to_comment` checks it."""
    if not text.strip():
        raise ReviewError(f"{REVIEW_KEY}.comments", "ต้องมีข้อความตอบ", "the reply has no text")
    _refuse_control(f"{REVIEW_KEY}.comments", text, "คำตอบ", "the reply")
    _refuse_control(f"{REVIEW_KEY}.comments", author, "ชื่อผู้ตอบ", "the author's name")
    return {"author": author, "at": at or now_text(), "text": text}


def add_reply_entry(comment: dict[str, Any], entry: dict[str, Any]) -> None:
    """Append a reply entry to a comment's raw entry (its list made when missing or damaged:
    the record reader ignores a ``replies`` that is not a list)."""
    replies = comment.get("replies")
    if not isinstance(replies, list):
        replies = comment["replies"] = []
    replies.append(entry)


def _comment_entry(letter: Letter, comment_id: str) -> dict[str, Any]:
    raw = _writable(letter, "comments")
    comment = read_record(raw).comment(comment_id)
    if comment is None:
        raise ReviewError(
            f"{REVIEW_KEY}.comments",
            f"ไม่พบความเห็นรหัส {comment_id}",
            f"there is no comment with id {comment_id}",
        )
    return raw["comments"][comment.index]


def reply_to_comment(
    letter: Letter, comment_id: str, text: str, author: str, at: str | None = None
) -> None:
    entry = _comment_entry(letter, comment_id)
    add_reply_entry(entry, reply_entry(text, author, at))


def set_resolved(letter: Letter, comment_id: str, resolved: bool = True) -> None:
    _comment_entry(letter, comment_id)["resolved"] = resolved


def approve(
    letter: Letter, role: str, name: str, key: Ed25519PrivateKey, at: str | None = None
) -> None:
    """อนุมัติ/ลงชื่อย่อ: sign the letter's current content as ``role`` (e.g. ``ผอ.กศ.``).

    The approval is recorded in the history too (a version with event ``approved``, which
    stores what the approver changed, if anything), so the approved content is always one
    the history leads to (:class:`History`). Refused when the letter was never sent
    for review: an approval with no history does not count.

    ``role`` and ``name`` are signed as given; they count on a PC only when they are the
    name and abbreviation of the card it trusts for ``key`` — :func:`approve_as` takes them
    from the user's identity, as the program and the command line do."""
    if not role.strip():
        raise ReviewError(f"{REVIEW_KEY}.approvals", "ต้องระบุตำแหน่งหรือชื่อย่อของผู้อนุมัติ",
                          "give the approver's role or abbreviation")
    if not name.strip():
        raise ReviewError(f"{REVIEW_KEY}.approvals", "ต้องระบุชื่อผู้อนุมัติ",
                          "give the approver's name")
    raw = _writable(letter, "versions", "approvals")
    if read_record(raw).last_version("sent") is None:
        raise ReviewError(
            f"{REVIEW_KEY}.versions",
            "หนังสือนี้ยังไม่เคยส่งตรวจ จึงยังอนุมัติไม่ได้ ส่งตรวจก่อน",
            "this letter was never sent for review, so it cannot be approved yet; send it "
            "for review first",
        )
    at = at or now_text()
    _add_version(letter, "approved", name.strip(), at)
    raw = _writable(letter, "approvals")
    entry = sign_approval(key, " ".join(role.split()), " ".join(name.split()), at,
                          content_hash(letter))
    raw.setdefault("approvals", []).append(entry)
    raw["state"] = "approved"
    _commit(letter, raw)


def check_approver(me: Reviewer, role: str | None = None) -> None:
    """Raise :class:`ReviewError` unless ``me`` (the user's identity) can approve: a name
    and an abbreviation (or position) to sign with, and ``role``, when given, theirs."""
    if not me.name.strip() or not me.row:
        raise ReviewError(
            f"{REVIEW_KEY}.approvals",
            "ยังไม่ได้ตั้งชื่อและชื่อย่อของผู้ใช้ ตั้งก่อนด้วย dla-drafter review whoami "
            "--name ชื่อ --abbreviation ชื่อย่อ (หรือในโปรแกรม: ตรวจทาน → ข้อมูลผู้ใช้)",
            "your name and abbreviation are not set; set them first with dla-drafter "
            "review whoami --name NAME --abbreviation ABBR (in the program: Review → "
            "identity)",
        )
    if role is not None and not same_text(role, me.row):
        raise ReviewError(
            f"{REVIEW_KEY}.approvals",
            f"ชื่อย่อ {role} ไม่ใช่ของผู้ใช้นี้ ({me.row}): อนุมัติได้เฉพาะในชื่อและชื่อย่อของตนเอง",
            f"the role {role} is not yours ({me.row}): you can approve only under your own "
            "name and abbreviation",
        )


def approve_as(
    letter: Letter, me: Reviewer, key: Ed25519PrivateKey, role: str | None = None,
    at: str | None = None,
) -> None:
    """Approve as the user ``me`` (their identity: name, position, abbreviation) with their
    key. The name and role signed are the identity's own — never typed for the occasion —
    so they match the card others import; ``role``, when given, must be that same row."""
    check_approver(me, role)
    approve(letter, me.row, me.name, key, at)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class ApprovalCheck:
    """One approval of the record with its :class:`~.integrity.Check`: ``status``,
    ``reason`` and the trusted ``reviewer`` of its key (None when the key is unknown)."""

    approval: Approval
    check: Check

    @property
    def status(self) -> Status:
        return self.check.status

    @property
    def reason(self) -> str:
        return self.check.reason

    @property
    def reviewer(self) -> Reviewer | None:
        return self.check.reviewer


class History:
    """The contents the record's history leads to: the content hash of every version from
    the first one sent for review on (whose snapshot could be rebuilt). An approval whose
    content is not among them has no history behind it (the versions were deleted, cut or
    damaged) and does not count.

    ``content in history`` hashes versions lazily, newest first, and remembers them: the
    approved content is nearly always the latest version's (``approve`` records it), so a
    long history costs one hash, not one per version."""

    def __init__(self, record: ReviewRecord) -> None:
        first_sent = next((i for i, v in enumerate(record.versions) if v.event == "sent"),
                          len(record.versions))
        self._pending = [v.snapshot for v in reversed(record.versions[first_sent:])
                         if v.snapshot is not None]
        self._known: set[str] = set()

    def __contains__(self, content_sha256: object) -> bool:
        if content_sha256 in self._known:
            return True
        while self._pending:
            found = content_hash_of(self._pending.pop(0))
            self._known.add(found)
            if found == content_sha256:
                return True
        return False


def approval_checks(letter: Letter, keyring: Keyring,
                    record: ReviewRecord | None = None) -> list[ApprovalCheck]:
    """Every approval of the record with its status and why (see :mod:`.integrity`)."""
    record = record or record_of(letter)
    if not record.approvals:
        return []
    current = content_hash(letter)
    history = History(record)
    return [ApprovalCheck(a, check_approval(a.raw, current, keyring, history))
            for a in record.approvals]


def approval_statuses(letter: Letter, keyring: Keyring) -> list[tuple[Approval, Status]]:
    """(approval, status) for each approval: the short form of :func:`approval_checks`."""
    return [(c.approval, c.status) for c in approval_checks(letter, keyring)]


def locate_comment(letter: Letter, comment: Comment,
                   texts: Mapping[str, str] | None = None) -> tuple[int, int] | None:
    """Where a comment's quote is in its field now, as (start, end) character offsets.

    The place it was made (``offset``) when the quote is still there, else its first
    occurrence in the field; None when the field no longer holds the quoted text (the clerk
    changed it: the comment is *outdated*, and the UI shows it without a highlight).
    ``texts`` (``field_texts`` of the letter's snapshot) saves reading the letter again when
    locating many comments.
    """
    if texts is None:
        texts = field_texts(letter_snapshot(letter))
    text = texts.get(comment.field)
    if text is None:
        return None
    if _quote_at(text, comment.quote, comment.offset):
        assert comment.offset is not None
        return comment.offset, comment.offset + len(comment.quote)
    start = text.find(comment.quote)
    return None if start < 0 else (start, start + len(comment.quote))


def changes_since_sent(letter: Letter) -> LetterDiff | None:
    """What changed since the last version sent for review (None when never sent)."""
    version = record_of(letter).last_version("sent")
    if version is None or version.snapshot is None:
        return None
    return diff_snapshots(version.snapshot, letter_snapshot(letter))
