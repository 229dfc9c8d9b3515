"""Reviewer cards: how a reviewer's key travels to another PC with the name it belongs to.

An approval is signed with the reviewer's Ed25519 key (:mod:`.integrity`); another PC counts
it only when it trusts that key, and prints the name its *card* gives. A card is a small JSON
file (``*.dlacard``, ``docs/draft-format.md``) the reviewer exports from their own PC —
name, position, abbreviation, public key — signed with that same key, so it proves the key's
holder wrote it (not *who* the holder is: that is what comparing the fingerprint over the
phone is for). Anyone imports it into the agency profile, and the profile, already shared
as a file, carries the office's reviewers to every PC.

The card is input from outside: :func:`read_card` caps its size, refuses wrong types,
control and invisible characters (a zero-width space would make two names that look the
same), and a signature that does not verify — each with a Thai and English message naming
the card's field, never a traceback.

:func:`fingerprint` is what people compare: 20 decimal digits (SHA-256 of the 32 key bytes
as a big-endian integer, modulo 10^20) in four groups of five, in Thai digits — easy to read
aloud and to type.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.problems import DrafterError, Problem, problem
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.text.invisible import INVISIBLE, INVISIBLE_CHARS

from .integrity import Reviewer, canonical_json, parse_public_key, public_key_text

CARD_FORMAT = "dla-drafter/reviewer-card@1"
CARD_PURPOSE = CARD_FORMAT
CARD_SUFFIX = ".dlacard"
MAX_CARD_BYTES = 16 * 1024  # a card is about 400 bytes; anything much larger is not one
MAX_TEXT = 200  # characters in a name, position or abbreviation
FINGERPRINT_DIGITS = 20
_CONTROL = {chr(c) for c in range(0x20)} | {"\x7f"}

# The card's fields, as people know them: key -> (Thai, English).
PERSON_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("ชื่อ", "name"),
    "position": ("ตำแหน่ง", "position"),
    "abbreviation": ("ชื่อย่อ", "abbreviation"),
}


class CardError(DrafterError, OSError):
    """A reviewer card that cannot be made, read or trusted; the problems say why. Also an
    ``OSError``: a card is a file, and ``except OSError`` keeps catching it."""


def _error(code: str, th: str, en: str, path: str | Path | None = None) -> CardError:
    return CardError([problem(code, th, en)], path)


@dataclass(frozen=True)
class Card:
    """One reviewer card. ``signature`` is base64 of the Ed25519 signature over
    :func:`card_message`; a card made by :func:`make_card` or read by :func:`read_card`
    always verifies."""

    name: str
    position: str
    abbreviation: str
    public_key: str
    signature: str

    @property
    def reviewer(self) -> Reviewer:
        return Reviewer(self.name, self.position, self.abbreviation)

    def fingerprint(self, thai: bool = True) -> str:
        return fingerprint(self.public_key, thai)

    def verifies(self) -> bool:
        return card_signature_verifies(self.name, self.position, self.abbreviation,
                                       self.public_key, self.signature)

    def to_dict(self) -> dict[str, str]:
        return {
            "format": CARD_FORMAT,
            "name": self.name,
            "position": self.position,
            "abbreviation": self.abbreviation,
            "public_key": self.public_key,
            "signature": self.signature,
        }

    def to_bytes(self) -> bytes:
        """The card file's bytes (indented JSON, Thai as is, one newline at the end)."""
        return (json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def card_message(name: str, position: str, abbreviation: str, public_key: str) -> bytes:
    """The exact bytes a card's signature covers (canonical JSON, as for approvals)."""
    return canonical_json({
        "purpose": CARD_PURPOSE,
        "name": name,
        "position": position,
        "abbreviation": abbreviation,
        "public_key": public_key,
    })


def card_signature_verifies(name: str, position: str, abbreviation: str, public_key: str,
                            signature: str) -> bool:
    key = parse_public_key(public_key)
    if key is None or not isinstance(signature, str):
        return False
    try:
        key.verify(base64.b64decode(signature, validate=True),
                   card_message(name, position, abbreviation, public_key))
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True


# --------------------------------------------------------------------------- fingerprints


def fingerprint(public_key: str, thai: bool = True) -> str:
    """The key's fingerprint to read aloud: ``๑๒๓๔๕ ๖๗๘๙๐ ๑๒๓๔๕ ๖๗๘๙๐`` (``thai=False``:
    the same digits in Arabic). Raises ValueError for text that is not a public key."""
    key = parse_public_key(public_key)
    if key is None:
        raise ValueError(f"not an Ed25519 public key: {public_key[:40]!r}")
    digest = hashlib.sha256(key.public_bytes_raw()).digest()
    digits = str(int.from_bytes(digest, "big") % 10**FINGERPRINT_DIGITS)
    digits = digits.zfill(FINGERPRINT_DIGITS)
    grouped = " ".join(digits[i : i + 5] for i in range(0, FINGERPRINT_DIGITS, 5))
    return to_thai_digits(grouped) if thai else grouped


def same_fingerprint(typed: str, public_key: str) -> bool:
    """Whether ``typed`` (Thai or Arabic digits, any spaces or dashes) is the key's
    fingerprint: what a person checks against what they were read over the phone."""
    from dla_drafter.text.digits import to_arabic_digits

    wanted = "".join(c for c in to_arabic_digits(typed) if c.isdigit())
    return wanted == fingerprint(public_key, thai=False).replace(" ", "")


# --------------------------------------------------------------------------- people's text


def person_problems(name: object, position: object, abbreviation: object,
                    where_th: str = "บัตรผู้ตรวจ", where_en: str = "the reviewer card"
                    ) -> list[Problem]:
    """What is wrong with a name, position and abbreviation that will print in an initials
    grid (a card's, or the user's identity): not text, too long, a control or invisible
    character, or no name or no abbreviation/position to print in the grid."""
    problems: list[Problem] = []
    values = {"name": name, "position": position, "abbreviation": abbreviation}
    for key, value in values.items():
        th, en = PERSON_FIELDS[key]
        if not isinstance(value, str):
            problems.append(problem(
                "card-type", f"{where_th}: {th} ({key}) ต้องเป็นข้อความ",
                f"{where_en}: {en} ({key}) must be text"))
            continue
        if len(value) > MAX_TEXT:
            problems.append(problem(
                "card-long", f"{where_th}: {th} ({key}) ยาวเกิน {to_thai_digits(MAX_TEXT)} ตัวอักษร",
                f"{where_en}: {en} ({key}) is longer than {MAX_TEXT} characters"))
        bad = sorted({c for c in value if c in _CONTROL or "\ud800" <= c <= "\udfff"})
        hidden = sorted(set(INVISIBLE.findall(value)))
        if bad or hidden:
            names = ", ".join([f"U+{ord(c):04X}" for c in bad]
                              + [INVISIBLE_CHARS[c] for c in hidden])
            problems.append(problem(
                "card-character",
                f"{where_th}: {th} ({key}) มีอักขระที่มองไม่เห็นหรืออักขระควบคุม ({names})",
                f"{where_en}: {en} ({key}) holds an invisible or control character ({names})"))
    if isinstance(name, str) and not name.strip():
        problems.append(problem("card-no-name", f"{where_th}: ต้องมีชื่อ (name)",
                                f"{where_en}: the name is missing"))
    if (isinstance(abbreviation, str) and isinstance(position, str)
            and not (abbreviation.strip() or position.strip())):
        problems.append(problem(
            "card-no-row",
            f"{where_th}: ต้องมีชื่อย่อ (abbreviation) เช่น ผอ.กศ. ที่ใช้ในช่องลงชื่อย่อ",
            f"{where_en}: the abbreviation used in the initials grid (e.g. ผอ.กศ.) is missing"))
    return problems


# --------------------------------------------------------------------------- make and read


def make_card(reviewer: Reviewer, key: Ed25519PrivateKey) -> Card:
    """The card of ``reviewer`` (the user's identity) signed with their key. Raises
    :class:`CardError` when the identity has no name or abbreviation, or text that could
    not be read back."""
    problems = person_problems(reviewer.name, reviewer.position, reviewer.abbreviation,
                               "ข้อมูลผู้ใช้", "your identity")
    if problems:
        raise CardError(problems)
    name, position, abbreviation = (" ".join(t.split()) for t in
                                    (reviewer.name, reviewer.position, reviewer.abbreviation))
    public = public_key_text(key.public_key())
    signature = key.sign(card_message(name, position, abbreviation, public))
    return Card(name, position, abbreviation, public,
                base64.b64encode(signature).decode("ascii"))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def read_card(data: bytes, source: str | Path | None = None) -> Card:
    """The card in ``data`` (a ``.dlacard`` file's bytes), checked: size, JSON, format,
    every field's type and characters, and the signature. Raises :class:`CardError`."""
    where = f" {source}" if source is not None else ""
    if len(data) > MAX_CARD_BYTES:
        limit = MAX_CARD_BYTES // 1024
        raise _error("card-size",
                     f"ไฟล์{where} ใหญ่เกิน {to_thai_digits(limit)} KiB จึงไม่ใช่บัตรผู้ตรวจ",
                     f"the file{where} is larger than {limit} KiB, too large to be a "
                     "reviewer card", source)
    try:
        raw = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        why = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise _error("card-json", f"ไฟล์{where} ไม่ใช่บัตรผู้ตรวจ (อ่าน JSON ไม่ได้: {why})",
                     f"the file{where} is not a reviewer card (not JSON: {why})",
                     source) from None
    if not isinstance(raw, dict):
        raise _error("card-format", f"ไฟล์{where} ไม่ใช่บัตรผู้ตรวจ",
                     f"the file{where} is not a reviewer card", source)
    fmt = raw.get("format")
    if fmt != CARD_FORMAT:
        if isinstance(fmt, str) and fmt.startswith("dla-drafter/reviewer-card@"):
            raise _error("card-version",
                         f"บัตรผู้ตรวจ{where} ทำจากโปรแกรมรุ่นใหม่กว่า ({fmt}) ปรับรุ่นโปรแกรมก่อน",
                         f"the reviewer card{where} was made by a newer version ({fmt}); "
                         "update the program first", source)
        raise _error("card-format",
                     f"ไฟล์{where} ไม่ใช่บัตรผู้ตรวจ (format ต้องเป็น {CARD_FORMAT})",
                     f"the file{where} is not a reviewer card (format must be {CARD_FORMAT})",
                     source)
    name, position, abbreviation = (raw.get(k, "") for k in ("name", "position",
                                                               "abbreviation"))
    problems = person_problems(name, position, abbreviation)
    public_key, signature = raw.get("public_key"), raw.get("signature")
    if parse_public_key(public_key) is None:
        problems.append(problem(
            "card-key", "บัตรผู้ตรวจ: กุญแจสาธารณะ (public_key) ไม่ใช่กุญแจ Ed25519 (ed25519:…)",
            "the reviewer card: public_key is not an Ed25519 key (ed25519:…)"))
    if not isinstance(signature, str):
        problems.append(problem("card-type", "บัตรผู้ตรวจ: ลายมือชื่อ (signature) ต้องเป็นข้อความ",
                                "the reviewer card: signature must be text"))
    if problems:
        raise CardError(problems, source)
    if not card_signature_verifies(name, position, abbreviation, public_key, signature):
        raise _error("card-signature",
                     f"ลายมือชื่อดิจิทัลของบัตรผู้ตรวจ{where} ไม่ถูกต้อง (บัตรถูกแก้ไขหลังจากทำ) "
                     "จึงไม่เชื่อถือบัตรนี้ ขอบัตรใหม่จากผู้ตรวจ",
                     f"the signature of the reviewer card{where} does not verify (the card "
                     "was changed after it was made); it is not trusted — ask the reviewer "
                     "for a new card", source)
    return Card(name, position, abbreviation, public_key, signature)


def read_card_file(path: str | Path) -> Card:
    """:func:`read_card` of a file, reading no more than the size cap allows."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise _error("card-read", f"อ่านไฟล์บัตรผู้ตรวจ {path} ไม่ได้: {why}",
                     f"cannot read the reviewer card {path}: {why}", path) from exc
    return read_card(data, path)
