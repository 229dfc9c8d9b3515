"""The letter as it prints: valid approvals written into the initials grid.

Called by :mod:`dla_drafter.pipeline` before composing, so ``compose`` knows nothing of
reviews. Only *valid* approvals print (see :mod:`.integrity`): the grid row whose role is the
approval's role gets the reviewer's name; a role the grid has no row for gets a row of its
own, after the others. When the file copy would print the standard four rows (``initials``
empty), they are kept and the approvals' rows join them. Names the clerk typed into the grid
stay as typed; an approval that is not valid adds nothing, and :func:`~.actions.
review_problems` says why.
"""

from __future__ import annotations

import copy

from dla_drafter.model.letter import STANDARD_INITIAL_ROLES, Initial, Letter

from .actions import approval_statuses
from .integrity import REVIEW_KEY, Keyring


def letter_for_print(letter: Letter, keyring: Keyring | None = None) -> Letter:
    """``letter`` itself when it has no review record, else a copy with the grid filled in.

    ``keyring`` None means this PC's keys (:func:`.identity.user_keyring`), read only when the
    letter has approvals.
    """
    if letter.extra.get(REVIEW_KEY) is None:
        return letter
    if keyring is None:
        from .identity import user_keyring

        statuses = approval_statuses(letter, Keyring())
        if not statuses:
            return letter
        keyring = user_keyring()
    valid = [a for a, status in approval_statuses(letter, keyring) if status == "valid"]
    if not valid:
        return letter
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
