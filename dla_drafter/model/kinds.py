"""Which fields each kind of letter prints: one table for compose, checks and the form.

A draft keeps every field whatever its kind (a clerk may switch an external letter to an
order and back without losing what was typed), but each kind's layout (page-layout.md, the
ระเบียบงานสารบรรณ's sample forms) has places for only some of them. The composers leave the
others out, ``checks`` warns about each one that is filled, and the form greys its box with
a note saying why — all three read this table, so they cannot disagree.
"""

from __future__ import annotations

import re

from .letter import DEFAULT_CLOSE, DEFAULT_SALUTATION, Letter

# The Thai name of each kind, as the form's kind list and the messages say it.
KIND_NAMES: dict[str, str] = {
    "external": "หนังสือภายนอก",
    "memo": "บันทึกข้อความ",
    "stamped": "หนังสือประทับตรา",
    "order": "คำสั่ง",
    "announcement": "ประกาศ",
}

_CONTACTS = frozenset({"owner_unit", "contact.phone", "contact.fax", "contact.email",
                       "contact.coordinator"})
# Orders and announcements are addressed to no one and answered by no one [S]: no
# salutation, addressee, references, enclosures or คำลงท้าย; no agency address or letter code
# (the title names the agency; an order is numbered in its year, ``ที่ ๑๒/๒๕๖๙``).
_PROCLAMATION = frozenset({"salutation", "addressee", "complimentary_close", "references",
                           "enclosures", "agency.address", "number.code",
                           "number.circular"}) | _CONTACTS

# Field paths (as in ``fields.FIELD_NAMES``) each kind does NOT print.
NOT_PRINTED: dict[str, frozenset[str]] = {
    "external": frozenset(),
    # the memo's ส่วนราชการ row names the agency and unit; it ends without a คำลงท้าย [S]
    "memo": frozenset({"agency.address", "complimentary_close"}),
    # ถึง instead of เรียน, no เรื่อง, and the seal instead of a คำลงท้าย and a signature [S]
    "stamped": frozenset({"subject", "salutation", "complimentary_close", "signer.name",
                          "signer.position", "signer.e_saraban"}),
    "order": _PROCLAMATION,
    # an announcement has no number at all
    "announcement": _PROCLAMATION | {"number.serial"},
}

# A concluding sentence addressed to a reader (จึงเรียนมาเพื่อโปรดทราบ, จึงเรียนยืนยันมา…):
# a kind without an addressee has no place for it.
ADDRESSED_SENTENCE = re.compile(r"^\s*(?:จึง)?(?:เรียน|กราบเรียน|นมัสการ)")


def prints(kind: str, path: str) -> bool:
    """Does a letter of ``kind`` print the field ``path``? (An unknown kind prints as an
    external letter.)"""
    return path not in NOT_PRINTED.get(kind, NOT_PRINTED["external"])


def kinds_printing(path: str) -> frozenset[str]:
    """The kinds that print ``path``."""
    return frozenset(kind for kind in NOT_PRINTED if prints(kind, path))


def closing_printed(letter: Letter) -> bool:
    """Whether the concluding paragraph prints: a kind with no addressee prints its own
    ending (``ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป``) but never a ``จึงเรียนมา…`` sentence."""
    if not letter.closing.strip():
        return False
    return prints(letter.kind, "addressee") or not ADDRESSED_SENTENCE.match(letter.closing)


def filled_unprinted(letter: Letter) -> list[str]:
    """Paths of fields the clerk filled that ``letter``'s kind will not print, in form
    order. Defaults the program put there (เรียน, ขอแสดงความนับถือ) do not count."""
    hidden = NOT_PRINTED.get(letter.kind, NOT_PRINTED["external"])
    values: dict[str, bool] = {
        "subject": bool(letter.subject.strip()),
        "number.code": bool(letter.number.code.strip()),
        "number.circular": letter.number.circular,
        "number.serial": bool((letter.number.serial or "").strip()),
        "agency.address": any(a.strip() for a in letter.agency.address),
        "salutation": letter.salutation.strip() not in ("", DEFAULT_SALUTATION),
        "addressee": bool(letter.addressee.strip()),
        "references": any(r.strip() for r in letter.references),
        "enclosures": any(e.text.strip() or e.amount.strip() for e in letter.enclosures),
        "complimentary_close": letter.complimentary_close.strip() not in ("", DEFAULT_CLOSE),
        "signer.name": bool(letter.signer.name.strip()),
        "signer.position": any(p.strip() for p in letter.signer.position),
        "signer.e_saraban": letter.signer.e_saraban is True,
        "owner_unit": any(u.strip() for u in letter.owner_unit),
        "contact.phone": bool(letter.contact.phone.strip()),
        "contact.fax": bool(letter.contact.fax.strip()),
        "contact.email": bool(letter.contact.email.strip()),
        "contact.coordinator": bool(letter.contact.coordinator.strip()),
    }
    return [path for path, filled in values.items() if filled and path in hidden]
