"""The review loop, offline: comments, versions, signed approvals and the word diff (no Qt).

The draft file travels between the clerk and the reviewers (shared folder, e-mail, USB, an
e-saraban attachment) and carries the whole review inside it, in the optional top-level key
``review`` (``docs/draft-format.md``). The model layer does not know this package: it keeps
the record as an unknown key (``letter.extra["review"]``), so every release opens such files.

Modules, bottom up:

* :mod:`.integrity` — the letter's canonical *content* and its SHA-256 (what an approval
  covers: not ``number.serial``, ``date``, ``initials``, ``file_copy`` or the record), Ed25519
  signing, the :class:`~.integrity.Keyring` (trusted key → :class:`~.integrity.Reviewer`,
  the card's name, position and abbreviation) and an approval's status and reason, decided
  in the order invalid → (no history) → stale → unknown key → (not the card's name).
* :mod:`.cards` — reviewer cards (``*.dlacard``): made, read as hostile input, and the
  key fingerprint people read aloud (Thai digits).
* :mod:`.identity` — the user's :class:`~.identity.Identity` (config folder) and private key
  (data folder, 0600, created on first use, never in a draft). Which keys count on this PC
  (the active agency profile's ``reviewers`` and the user's own) is ``AppConfig.keyring()``,
  worked out by the CLI and the window and handed in: nothing here reads the settings file.
* :mod:`.record` — :func:`~.record.read_record` turns the raw record into a read-only
  :class:`~.record.ReviewRecord` (state, versions with rebuilt snapshots, comments, approvals)
  plus warnings naming paths like ``review.comments[3].field``; it never raises.
* :mod:`.actions` — the verbs, for the CLI and the desktop program alike:
  :func:`~.actions.send_for_review` (ส่งตรวจ), :func:`~.actions.add_comment`,
  :func:`~.actions.reply_to_comment`, :func:`~.actions.set_resolved`,
  :func:`~.actions.approve_as` (as the user's identity; :func:`~.actions.approve` below it),
  :func:`~.actions.return_for_changes`; and the readers
  :func:`~.status.review_status`, :func:`~.actions.approval_statuses`,
  :func:`~.status.review_problems` (for the problems panel and ``check``) and
  :func:`~.actions.changes_since_sent`. Verbs change the letter in place and raise
  :class:`~.actions.ReviewError` before changing anything; the caller saves.
* :mod:`.diff` — :func:`~.diff.diff_letters`: field-by-field, word-level changes (words from
  the typesetter's Thai word breaker), with pieces to draw and hunks to step through;
  paragraphs split, merged or moved show as such (:mod:`.align` finds them).
* :mod:`.versions` — the versions numbered from 1 (:func:`~.versions.versions_of`), any two
  compared (:func:`~.versions.compare_versions`), "since I last looked"
  (:func:`~.versions.baseline_for`) and the latest return with the open comments
  (:func:`~.versions.latest_return`).
* :mod:`.status` — :func:`~.status.review_status`: the state to *show* (never approved
  unless every approval counts on this PC), the latest return, versions, comments, approvals;
  ``review status --json`` and :func:`~.status.review_problems` come from it.
* :mod:`.guards` — problems before approving (open comments), numbering (not approved),
  signing (a certificate not the signer's), and names typed into the initials grid.
* :mod:`.printing` — :func:`~.printing.print_state`: the letter as it prints (valid approvals
  in the initials grid) and whether it is approved, worked out once per letter version with
  the caller's keyring; ``pipeline`` calls it, so compose and the writers need nothing new.
* :mod:`.docx_fields` — :func:`~.docx_fields.field_spans`: which characters of a DOCX's
  paragraphs print which field, with offsets between typed and printed text; the one mapping
  the two modules below share.
* :mod:`.docx_export` — :func:`~.docx_export.word_comments`: the open comments (and their
  replies) as Word comments on their quote; ``pipeline.make_outputs`` uses it.
* :mod:`.docx_import` — :func:`~.docx_import.import_docx_comments`: a returned DOCX's Word
  comments, replies and resolved marks into the record (twice adds nothing).

A thin UI typically does: ``record_of(letter)`` to list comments and versions,
``review_status(letter, keyring)`` for the header and badges, a verb from :mod:`.actions`
on a button, then saves the draft as after any edit.
"""
