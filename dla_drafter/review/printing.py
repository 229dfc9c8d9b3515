"""The print state: the letter as it prints, and whether it is approved — worked out once.

Everything that makes or shows a letter asks the same two questions — what goes into the
initials grid, and may the page drop its ร่าง mark — and the answers depend on the review record
and on *which keys this PC trusts*. :func:`print_state` answers both from one pass over the
approvals (one content hash, one signature check each), with the keyring handed in by the
caller: the CLI loads it once per run, the window holds it and refreshes it when the profile
changes. Nothing here reads a settings file.

Only *valid* approvals print (see :mod:`.integrity`): the grid row whose role is the
trusted reviewer's abbreviation gets the reviewer's name (both from the card, which a valid
approval's signed role and name equal); a role the grid has no row for gets a row of its
own, after the others. When the file copy would print the standard four rows (``initials``
empty), they are kept and the approvals' rows join them. Names the clerk typed into the grid
stay as typed; an approval that is not valid adds nothing, and :func:`~.actions.
review_problems` says why.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.letter import STANDARD_INITIAL_ROLES, Initial, Letter

from .actions import ApprovalCheck, approval_checks, record_of
from .integrity import Keyring, Status
from .record import Approval, ReviewRecord

NO_KEYS = Keyring()


@dataclass(frozen=True)
class PrintState:
    """``letter`` as it prints (valid approvals in its grid), ``approved`` when the record
    says approved and *every* approval is valid, and each approval with its status.

    *Every*, not *any*: an approval that is stale (the letter changed after it was given),
    invalid or from an unknown key means what prints is not what was approved, so the page
    must still say ร่าง. A letter without a review record has not been approved.
    ``checks`` hold each approval's status, reason and trusted reviewer; ``record`` the
    record they were read from (:func:`~.status.review_status` builds on both)."""

    letter: Letter
    approved: bool
    approvals: tuple[tuple[Approval, Status], ...] = ()
    checks: tuple[ApprovalCheck, ...] = ()
    record: ReviewRecord = field(default_factory=ReviewRecord)


def print_state(letter: Letter, keyring: Keyring | None = None) -> PrintState:
    """The print state of ``letter`` with the approvals of ``keyring`` trusted (None: none)."""
    if letter.extra.get(REVIEW_KEY) is None:
        return PrintState(letter, False)
    record = record_of(letter)
    checks = tuple(approval_checks(letter, keyring or NO_KEYS, record))
    statuses = tuple((c.approval, c.status) for c in checks)
    if not checks:
        return PrintState(letter, False, record=record)
    valid = [c for c in checks if c.status == "valid"]
    approved = record.state == "approved" and len(valid) == len(checks)
    printed = _with_grid(letter, valid) if valid else letter
    return PrintState(printed, approved, statuses, checks, record)


def _with_grid(letter: Letter, valid: list[ApprovalCheck]) -> Letter:
    """A copy of ``letter`` whose grid has each valid approval's reviewer — the name and
    row of the trusted card, never the approval's own words — in the row of their
    abbreviation."""
    printed = copy.copy(letter)
    rows = [copy.copy(i) for i in letter.initials]
    if not rows and letter.file_copy:
        rows = [Initial(role=role) for role in STANDARD_INITIAL_ROLES]
    for check in valid:
        reviewer = check.reviewer
        assert reviewer is not None  # a valid approval's key is trusted
        row = next((r for r in rows if " ".join(r.role.split()) == reviewer.row), None)
        if row is None:
            rows.append(Initial(role=reviewer.row, name=reviewer.name))
        else:
            row.name = reviewer.name
    printed.initials = rows
    return printed


def letter_for_print(letter: Letter, keyring: Keyring | None = None) -> Letter:
    """``letter`` itself when nothing valid prints, else a copy with the grid filled in."""
    return print_state(letter, keyring).letter
