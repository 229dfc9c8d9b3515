"""The review status as the user is shown it — one answer for every place that shows it.

The record's own ``state`` says what happened last (sent, returned, approved); it cannot say
whether an approval *counts on this PC*. The window's header, the review panel, the problems
list and ``dla-drafter review status --json`` all show :func:`review_status`, which combines
the record with the print state (:func:`~.printing.print_state`: every approval checked with
this PC's keyring), so none of them says อนุมัติแล้ว unless the letter prints as approved:

=====================  ==========================================  ===========================
state                  Thai                                        when
=====================  ==========================================  ===========================
``draft``              ร่าง                                        no record, or never sent
``in_review``          รอตรวจ                                      sent for review
``returned``           ส่งกลับแก้ไข                                 returned with a reason
``approved``           อนุมัติแล้ว                                   approved, every approval
                                                                   valid here
``approved_untrusted`` อนุมัติแล้ว แต่เครื่องนี้ยังไม่เชื่อถือผู้อนุมัติ      approved; a key this PC
                                                                   does not trust (yet)
``changed``            แก้ไขหลังอนุมัติ ต้องส่งตรวจใหม่                  approved, then the content
                                                                   changed
``approval_invalid``   การอนุมัติใช้ไม่ได้                               approved, but an approval
                                                                   is invalid (or missing)
=====================  ==========================================  ===========================

When approvals disagree the worst wins: invalid, then changed, then untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.letter import Letter
from dla_drafter.problems import Problem

from .integrity import Keyring
from .record import SUGGESTIONS_KEY, Comment, ReviewRecord, State, Version, raw_record

if TYPE_CHECKING:
    from .actions import ApprovalCheck
    from .printing import PrintState
    from .suggestions import Suggestion


def _has_suggestions(raw: Any) -> bool:
    """A record without suggestions needs nothing of ``review.suggestions``, whose import a
    cold ``register issue`` would pay for."""
    return isinstance(raw, dict) and SUGGESTIONS_KEY in raw


def _suggestions_json(suggestions: tuple[Suggestion, ...]) -> list[dict[str, Any]]:
    if not suggestions:
        return []
    from .suggestions import as_json

    return as_json(suggestions)


# state -> (Thai, English, colour hint for a header or badge)
DISPLAY_STATES: dict[str, tuple[str, str, str]] = {
    "draft": ("ร่าง", "draft", "#6b7280"),
    "in_review": ("รอตรวจ", "in review", "#b45309"),
    "returned": ("ส่งกลับแก้ไข", "returned for changes", "#b91c1c"),
    "approved": ("อนุมัติแล้ว", "approved", "#15803d"),
    "approved_untrusted": ("อนุมัติแล้ว แต่เครื่องนี้ยังไม่เชื่อถือผู้อนุมัติ",
                           "approved, key not trusted here", "#b45309"),
    "changed": ("แก้ไขหลังอนุมัติ ต้องส่งตรวจใหม่", "changed after approval", "#c2410c"),
    "approval_invalid": ("การอนุมัติใช้ไม่ได้", "approval not valid", "#b91c1c"),
}


@dataclass(frozen=True)
class Returned:
    """The latest ส่งกลับแก้ไข: who, when, and the reason they gave (``versions[index]``)."""

    by: str
    at: str
    note: str
    index: int


@dataclass(frozen=True)
class ReviewStatus:
    """What to show about a letter's review, worked out once (:func:`review_status`).

    ``state`` is the displayed state (the module's table), ``record_state`` the record's
    own; ``approved`` is true exactly when ``state`` is ``approved`` (and the print state
    drops the ร่าง mark); ``approvals`` each carry status, reason and the trusted reviewer;
    ``suggestions`` are the record's suggested edits (:class:`~.suggestions.Suggestion`,
    every state, in the order made)."""

    state: str
    record_state: State
    approved: bool
    returned: Returned | None
    versions: tuple[Version, ...]
    comments: tuple[Comment, ...]
    approvals: tuple[ApprovalCheck, ...]
    suggestions: tuple[Suggestion, ...]
    record: ReviewRecord

    def label(self, lang: str = "th") -> str:
        th, en, _ = DISPLAY_STATES[self.state]
        return th if lang == "th" else en

    @property
    def colour(self) -> str:
        """A colour for the state's text (hex), the same in the header and the panel."""
        return DISPLAY_STATES[self.state][2]

    @property
    def open_comments(self) -> tuple[Comment, ...]:
        return tuple(c for c in self.comments if not c.resolved)

    def as_json(self) -> dict[str, Any]:
        """``dla-drafter review status --json`` (``docs/draft-format.md`` shows the shape)."""
        from .cards import fingerprint

        def key_print(key: str) -> str | None:
            try:
                return fingerprint(key, thai=False)
            except ValueError:
                return None

        return {
            "state": self.state,
            "label": {"th": self.label("th"), "en": self.label("en")},
            "record_state": self.record_state,
            "approved": self.approved,
            "returned": None if self.returned is None else {
                "by": self.returned.by, "at": self.returned.at, "note": self.returned.note},
            "versions": [
                {"n": n, "by": v.by, "at": v.at, "action": v.event, "note": v.note}
                for n, v in enumerate(self.versions, 1)
            ],
            "comments": [
                {"id": c.id, "field": c.field, "quote": c.quote, "text": c.text,
                 "author": c.author, "at": c.at, "resolved": c.resolved,
                 "replies": [{"author": r.author, "at": r.at, "text": r.text}
                             for r in c.replies]}
                for c in self.comments
            ],
            "approvals": [
                {"role": c.approval.role, "name": c.approval.name, "at": c.approval.at,
                 "status": c.status, "reason": c.reason,
                 "fingerprint": key_print(c.approval.public_key),
                 "reviewer": None if c.reviewer is None else {
                     "name": c.reviewer.name, "position": c.reviewer.position,
                     "abbreviation": c.reviewer.abbreviation}}
                for c in self.approvals
            ],
            "suggestions": _suggestions_json(self.suggestions),
        }


def displayed_state(record_state: str, approvals: tuple[ApprovalCheck, ...]) -> str:
    """The displayed state from the record's state and the approvals' statuses."""
    if record_state != "approved":
        return record_state
    statuses = {c.status for c in approvals}
    if not approvals or "invalid" in statuses:
        return "approval_invalid"
    if "stale" in statuses:
        return "changed"
    if "unknown_key" in statuses:
        return "approved_untrusted"
    return "approved"


def review_status(letter: Letter, keyring: Keyring | None = None,
                  state: PrintState | None = None) -> ReviewStatus:
    """The review status of ``letter`` on this PC (``keyring``: the keys it trusts; None:
    none). ``state`` is the letter's print state when the caller has it already."""
    from .printing import print_state

    state = state or print_state(letter, keyring)
    record = state.record
    returned = next((Returned(v.by, v.at, v.note, v.index) for v in reversed(record.versions)
                     if v.event == "returned"), None)
    raw = raw_record(letter)
    suggestions: tuple[Suggestion, ...] = ()
    if _has_suggestions(raw):
        from .suggestions import read_suggestions

        suggestions = read_suggestions(raw)[0]
    shown = displayed_state(record.state, state.checks)
    return ReviewStatus(
        state=shown,
        record_state=record.state,
        approved=shown == "approved",
        returned=returned,
        versions=record.versions,
        comments=record.comments,
        approvals=state.checks,
        suggestions=suggestions,
        record=record,
    )


# --------------------------------------------------------------------------- problems

_WHY: dict[str, tuple[str, str]] = {
    "signature": (
        "การอนุมัติของ {who} ไม่ถูกต้อง (บันทึกถูกแก้ไขหรือลายมือชื่อดิจิทัลไม่ตรง) จึงไม่พิมพ์ในช่องลงชื่อย่อ",
        "the approval by {who} is invalid (the record was edited or the signature does not "
        "verify), so it does not print in the initials grid",
    ),
    "history": (
        "การอนุมัติของ {who} ไม่มีประวัติการส่งตรวจที่นำไปสู่ฉบับที่อนุมัติ (ประวัติในบันทึกการตรวจ "
        "review.versions ถูกลบ ตัด หรือเสียหาย) จึงไม่นับ และไม่พิมพ์ในช่องลงชื่อย่อ",
        "the approval by {who} has no review history leading to the version approved "
        "(review.versions was deleted, cut or damaged), so it does not count and does not "
        "print in the initials grid",
    ),
    "stale": (
        "หนังสือถูกแก้ไขหลังจาก {who} อนุมัติ จึงไม่พิมพ์ในช่องลงชื่อย่อ ต้องส่งตรวจใหม่",
        "the letter changed after {who} approved it, so the approval does not print in the "
        "initials grid; send it for review again",
    ),
    "unknown_key": (
        "เครื่องนี้ยังไม่เชื่อถือกุญแจของ {who} (ลายนิ้วมือ {fingerprint}) จึงไม่พิมพ์ในช่องลงชื่อย่อ "
        "ขอบัตรผู้ตรวจ (.dlacard) จากผู้อนุมัติ เทียบลายนิ้วมือกับผู้อนุมัติทางโทรศัพท์ แล้วนำเข้า "
        "(dla-drafter review trust บัตร)",
        "this PC does not trust the key of {who} (fingerprint {fingerprint_en}), so the "
        "approval does not print in the initials grid; get the approver's reviewer card "
        "(.dlacard), compare the fingerprint with them by phone, and import it "
        "(dla-drafter review trust CARD)",
    ),
    "card": (
        "การอนุมัติลงชื่อว่า {who} แต่บัตรผู้ตรวจของกุญแจนี้เป็นของ {card} จึงไม่นับ "
        "และไม่พิมพ์ในช่องลงชื่อย่อ",
        "the approval is signed as {who}, but the reviewer card of its key is {card}'s, so "
        "it does not count and does not print in the initials grid",
    ),
}


def review_problems(letter: Letter, keyring: Keyring | None = None,
                    status: ReviewStatus | None = None) -> list[Problem]:
    """Warnings for the problems panel and ``check``, agreeing with the status: a damaged
    record (suggestions included), each open suggestion that is outdated, each approval
    that does not count and why (``review.approvals[i]``), a record that says approved with
    no approval, and the reason of a letter returned for changes."""
    from .cards import fingerprint

    status = status or review_status(letter, keyring)
    problems = list(status.record.problems)
    if _has_suggestions(raw_record(letter)):
        from .suggestions import suggestion_problems

        problems += suggestion_problems(letter)
    if status.record_state == "approved" and not status.approvals:
        problems.append(Problem(
            f"{REVIEW_KEY}.state", "review-no-approval", "warning",
            "บันทึกการตรวจว่าอนุมัติแล้ว แต่ไม่มีการอนุมัติใดเลย",
            "the review record says approved, but holds no approval"))
    for check in status.approvals:
        if check.status == "valid":
            continue
        approval = check.approval
        who = " ".join(p for p in (approval.role, approval.name) if p) or "?"
        card = check.reviewer
        try:
            print_th = fingerprint(approval.public_key)
            print_en = fingerprint(approval.public_key, thai=False)
        except ValueError:
            print_th = print_en = "?"
        words = {"who": who, "fingerprint": print_th, "fingerprint_en": print_en,
                 "card": " ".join(p for p in (card.row, card.name) if p) if card else "?"}
        th, en = _WHY[check.reason]
        problems.append(Problem(
            f"{REVIEW_KEY}.approvals[{approval.index}]", f"approval-{check.status}", "warning",
            th.format(**words), en.format(**words)))
    if status.state == "returned" and status.returned is not None:
        back = status.returned
        problems.append(Problem(
            f"{REVIEW_KEY}.versions[{back.index}].note", "review-returned", "warning",
            f"ส่งกลับแก้ไขโดย {back.by or '?'}: \u201c{back.note}\u201d",
            f"returned for changes by {back.by or '?'}: \u201c{back.note}\u201d"))
    return problems
