"""Guards: things that go through without a word today and should not — each a function
returning :class:`~dla_drafter.problems.Problem`\\ s, so the command line, the window and
``check`` say the same thing and the caller decides what refuses.

* :func:`approve_guard` — approving while comments are still open (the window asks first;
  ``review approve`` refuses unless ``--force``);
* :func:`numbering_guard` — numbering (ออกเลข) a letter not approved on this PC: a warning,
  or an error when the office's profile says "number only after approval";
* :func:`signer_guard` — signing with a certificate whose name is not the letter's signer;
* :func:`typed_initials` — a name typed by hand into the initials grid, which prints with
  no approval behind it (``pipeline.export_problems`` lists these with the other problems).
"""

from __future__ import annotations

import re

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.letter import Letter
from dla_drafter.problems import Problem

from .integrity import Keyring


def approve_guard(letter: Letter) -> list[Problem]:
    """One warning per comment not yet resolved, naming its id, author and text; field: the
    field it is on (so a click in the problems panel goes there)."""
    from .actions import record_of

    problems = []
    for comment in record_of(letter).comments:
        if comment.resolved:
            continue
        who = comment.author or "?"
        problems.append(Problem(
            comment.field, "approve-open-comment", "warning",
            f"ความเห็น {comment.id} ของ {who} ยังไม่ได้แก้: \u201c{comment.text}\u201d",
            f"comment {comment.id} by {who} is not resolved: \u201c{comment.text}\u201d"))
    return problems


def numbering_guard(letter: Letter, keyring: Keyring | None,
                    only_after_approval: bool = False) -> list[Problem]:
    """Nothing when the letter is approved on this PC; else one problem naming the status —
    a warning, or an error (refuse) when the office numbers only approved letters."""
    from .status import review_status

    status = review_status(letter, keyring)
    if status.approved:
        return []
    severity = "error" if only_after_approval else "warning"
    th, en = status.label("th"), status.label("en")
    if only_after_approval:
        return [Problem(
            REVIEW_KEY, "number-not-approved", severity,
            f"ยังออกเลขไม่ได้: สำนักงานกำหนดให้ออกเลขเฉพาะหนังสือที่อนุมัติแล้ว แต่หนังสือนี้สถานะ{th}",
            f"not numbered: the office numbers only approved letters, and this one is {en}")]
    return [Problem(
        REVIEW_KEY, "number-not-approved", severity,
        f"ออกเลขหนังสือที่ยังไม่ได้อนุมัติ (สถานะ{th})",
        f"numbering a letter that is not approved (status: {en})")]


# Titles in front of a name that a certificate may leave out. Thai titles are written
# joined to the name (นายสมชาย); English ones are words of their own (Mr. Somchai).
_THAI_TITLES = ("ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "นางสาว", "น.ส.", "นาง", "นาย", "ดร.")
_ENGLISH_TITLE = re.compile(r"^(?:mrs|mr|ms|miss|dr)\.?\s+")


def _bare_name(name: str) -> str:
    """A person's name without brackets, titles, spaces or case, to compare two spellings."""
    text = re.sub(r"[()\[\]]", " ", name).casefold()
    text = " ".join(text.split())
    changed = True
    while changed:
        changed = False
        english = _ENGLISH_TITLE.match(text)
        if english and len(text) > english.end():
            text, changed = text[english.end():], True
        for title in _THAI_TITLES:
            if text.startswith(title) and len(text) > len(title):
                text, changed = text[len(title):].lstrip(), True
    return "".join(text.split())


def signer_guard(letter: Letter, certificate_name: str) -> list[Problem]:
    """A warning when the certificate's subject does not name the letter's signer (both
    names in it), or when the letter names no signer to compare with."""
    signer = letter.signer.name.strip()
    certificate = certificate_name.strip()
    if not signer:
        return [Problem(
            "signer.name", "signer-missing", "warning",
            f"หนังสือไม่มีชื่อผู้ลงนาม จึงเทียบกับชื่อในใบรับรอง ({certificate}) ไม่ได้",
            f"the letter names no signer to compare with the certificate's ({certificate})")]
    if _bare_name(signer) and _bare_name(signer) == _bare_name(certificate):
        return []
    return [Problem(
        "signer.name", "signer-mismatch", "warning",
        f"ใบรับรองเป็นของ {certificate} แต่ผู้ลงนามในหนังสือคือ {signer}",
        f"the certificate is {certificate}'s, but the letter's signer is {signer}")]


def typed_initials(letter: Letter, keyring: Keyring | None = None) -> list[Problem]:
    """A warning for each initials-grid row whose name was typed by hand and prints (a file
    copy), with no approval behind it; a row a valid approval fills prints the reviewer's
    name instead and is not warned about."""
    if not letter.file_copy:
        return []
    from .printing import print_state

    filled = {c.reviewer.row for c in print_state(letter, keyring).checks
              if c.status == "valid" and c.reviewer is not None}
    problems = []
    for index, row in enumerate(letter.initials):
        name = row.name.strip()
        if not name or " ".join(row.role.split()) in filled:
            continue
        problems.append(Problem(
            f"initials[{index}].name", "initials-typed", "warning",
            f"พิมพ์ชื่อ {name} ในช่องลงชื่อย่อเอง ไม่ได้มาจากการอนุมัติในโปรแกรม",
            f"the name {name} was typed into the initials grid by hand; it is not an "
            "approval made in the program"))
    return problems
