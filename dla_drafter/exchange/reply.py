"""A reply draft to an incoming e-CMS letter.

The reply starts from the agency profile's new letter (its heading, number code, signer and
contacts — ``AgencyProfile.new_letter()``, handed in by the caller: nothing here reads the
settings file) and answers the incoming letter:

* เรียน its sender — the sender's job title (a letter is addressed to an office), else the
  sender's name; the salutation and close come from the regulation's table;
* อ้างถึง its number, date (Buddhist year) and subject, one line in the form
  :func:`~.references.parse_reference` reads back, so the reply's own export carries it as a
  ReferenceCorrespondence;
* เรื่อง the same subject, as replies between offices keep it;
* the same speed and secrecy (a reply to a secret letter is not less secret);
* the body opened with ``ตามหนังสือที่อ้างถึง`` for the clerk to continue;
* the sender's e-CMS party in the draft's ``ecms.receiver`` key, so that exporting the reply
  sends it back to the right ministry and department.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.draftio import validate_letter
from ..model.letter import Letter
from ..model.salutation import suggest
from ..problems import Problem, problem
from .codes import SECRECY_OF_CODE, URGENCY_OF_CODE
from .model import Correspondence, EcmsError, Reference
from .outbound import ECMS_KEY
from .references import reference_text

if TYPE_CHECKING:
    from ..app_settings import AgencyProfile

REPLY_OPENING = "ตามหนังสือที่อ้างถึง"


def reply_draft(incoming: Correspondence, profile: AgencyProfile,
                today: tuple[int, int, int] | None = None) -> tuple[Letter, list[Problem]]:
    """(the reply, warnings). ``today`` is (day, month, Buddhist year) for the letter's date
    (the profile's rule: month and year, the day left for signing). Raises
    :class:`~.model.EcmsError` when the incoming letter's text cannot go into a draft."""
    letter = profile.new_letter(today)
    sender = incoming.sender
    warnings: list[Problem] = []
    addressee = sender.job_title or sender.full_name
    if not addressee:
        warnings.append(problem(
            "ecms-no-sender", "หนังสือที่รับมาไม่มีชื่อหรือตำแหน่งผู้ส่ง: ใส่ผู้รับเอง",
            "the incoming letter names no sender: fill in the addressee", "addressee",
            "warning"))
    letter.addressee = addressee
    suggestion = suggest(addressee)
    if suggestion is not None and not suggestion.royal:
        letter.salutation = suggestion.salutation
        letter.complimentary_close = suggestion.close
    letter.subject = incoming.subject
    letter.references = [reference_text(Reference(incoming.id, incoming.date, incoming.subject))]
    letter.body = [REPLY_OPENING]
    letter.urgency = URGENCY_OF_CODE.get(incoming.speed_code)
    letter.secrecy = SECRECY_OF_CODE.get(incoming.secret_code)
    letter.extra[ECMS_KEY] = {"receiver": {
        "given_name": sender.given_name,
        "family_name": sender.family_name,
        "job_title": addressee,
        "ministry_code": sender.ministry_code,
        "department_code": sender.department_code,
    }}
    problems = validate_letter(letter)
    if any(p.is_error for p in problems):
        raise EcmsError(problems)
    return letter, warnings + problems
