"""The print state: the letter as it prints, and whether it is approved — worked out once.

Everything that makes or shows a letter asks the same two questions — what goes into the
initials grid, and may the page drop its ร่าง mark — and the answers depend on the review record
and on *which keys this PC trusts*. :func:`print_state` answers both from one pass over the
approvals (one content hash, one signature check each), with the keyring handed in by the
caller: the CLI loads it once per run, the window holds it and refreshes it when the profile
changes. Nothing here reads a settings file.

Only *valid* approvals print (see :mod:`.integrity`): the grid row whose role is the
approval's role gets the reviewer's name; a role the grid has no row for gets a row of its
own, after the others. When the file copy would print the standard four rows (``initials``
empty), they are kept and the approvals' rows join them. Names the clerk typed into the grid
stay as typed; an approval that is not valid adds nothing, and :func:`~.actions.
review_problems` says why.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.letter import STANDARD_INITIAL_ROLES, Initial, Letter

from .actions import approval_statuses, record_of
from .integrity import Keyring, Status
from .record import Approval

NO_KEYS = Keyring()


@dataclass(frozen=True)
class PrintState:
    """``letter`` as it prints (valid approvals in its grid), ``approved`` when the record
    says approved and *every* approval is valid, and each approval with its status.

    *Every*, not *any*: an approval that is stale (the letter changed after it was given),
    invalid or from an unknown key means what prints is not what was approved, so the page
    must still say ร่าง. A letter without a review record has not been approved."""

    letter: Letter
    approved: bool
    approvals: tuple[tuple[Approval, Status], ...] = ()


def print_state(letter: Letter, keyring: Keyring | None = None) -> PrintState:
    """The print state of ``letter`` with the approvals of ``keyring`` trusted (None: none)."""
    if letter.extra.get(REVIEW_KEY) is None:
        return PrintState(letter, False)
    statuses = tuple(approval_statuses(letter, keyring or NO_KEYS))
    if not statuses:
        return PrintState(letter, False)
    valid = [a for a, status in statuses if status == "valid"]
    approved = record_of(letter).state == "approved" and len(valid) == len(statuses)
    return PrintState(_with_grid(letter, valid) if valid else letter, approved, statuses)


def _with_grid(letter: Letter, valid: list[Approval]) -> Letter:
    printed = copy.copy(letter)
    rows = [copy.copy(i) for i in letter.initials]
    if not rows and letter.file_copy:
        rows = [Initial(role=role) for role in STANDARD_INITIAL_ROLES]
    for approval in valid:
        row = next((r for r in rows if r.role.strip() == approval.role), None)
        if row is None:
            rows.append(Initial(role=approval.role, name=approval.name))
        else:
            row.name = approval.name
    printed.initials = rows
    return printed


def letter_for_print(letter: Letter, keyring: Keyring | None = None) -> Letter:
    """``letter`` itself when nothing valid prints, else a copy with the grid filled in."""
    return print_state(letter, keyring).letter
