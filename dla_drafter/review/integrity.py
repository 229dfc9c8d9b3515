"""What an approval vouches for, who it says gave it, and whether it still does.

The *content* of a letter is what it says: every field of the draft file except the ones
filled in after approval by other people or kept for the office's own use —

* ``number.serial``, ``number.draft_id`` and ``date`` (the registry writes them when it gives
  the letter its number, ออกเลขหนังสือ, after the signer approved it),
* ``initials`` and ``file_copy`` (the initials grid is where approvals print),
* ``review`` (the review record itself).

Everything else — a body word, the subject, the signer's position, an unknown key a newer
version wrote — is content, and changing it makes every earlier approval *stale*. The content
is serialised canonically (the draft as ``letter_to_dict`` writes it, keys sorted, no spaces,
UTF-8) and hashed with SHA-256; working from the model rather than the file's bytes means a
file re-indented by hand or missing an optional key that takes its default hashes the same.

An approval is signed with Ed25519 over a canonical object of its own fields (role, name,
time, content hash and the signer's public key). A signature proves only that the key's
holder wrote those words: *who the key belongs to* is what this PC trusts — the
:class:`Keyring` maps each trusted key to a :class:`Reviewer` (the name, position and
abbreviation of the reviewer card the office imported, or the user's own identity), and an
approval counts only when the name and role it signed are that reviewer's. So a trusted
reviewer cannot sign as another, and the forger's own PC, which trusts the forger's key,
still knows the forger's name. Its status is decided in a fixed order:

1. ``invalid`` — a field is missing or malformed, or the signature does not verify (the record
   was edited by hand, or copied from another approval); also (checked by the caller, who
   has the record) when the record's history does not lead to the approved content;
2. ``stale`` — it verifies, but the letter is no longer the content that was approved;
3. ``unknown_key`` — it verifies and matches, but the key is not one this PC trusts;
4. ``invalid`` — the key is trusted, but the name or role signed are not its reviewer's;
5. ``valid`` — otherwise. Only these print into the initials grid, with the reviewer's
   name in the row of the reviewer's abbreviation.

:class:`Check` carries the status with the *reason* (``signature``, ``history``, ``stale``,
``unknown_key``, ``card``, ``valid``), so every reader can say why.
"""

from __future__ import annotations

import base64
import binascii
import copy
import functools
import hashlib
import json
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.draftio import letter_to_dict
from dla_drafter.model.letter import Letter

Status = Literal["valid", "stale", "unknown_key", "invalid"]
STATUS_ORDER: tuple[Status, ...] = ("invalid", "stale", "unknown_key", "valid")
#: Why an approval has its status: ``signature`` (malformed or not verifying), ``history``
#: (the record's versions do not lead to it), ``stale``, ``unknown_key``, ``card`` (the name
#: or role signed are not the trusted reviewer's), ``valid``.
Reason = Literal["signature", "history", "stale", "unknown_key", "card", "valid"]

KEY_PREFIX = "ed25519:"
SIGNATURE_PURPOSE = "dla-drafter/approval@1"
# Top-level keys that are not content (see the module docstring); ``number.serial`` and
# ``format`` are dropped separately.
NOT_CONTENT = ("format", "date", "initials", "file_copy", REVIEW_KEY)


def canonical_json(value: Any) -> bytes:
    """One byte string per JSON value: sorted keys, no spaces, Thai as UTF-8, no NaN."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def letter_snapshot(letter: Letter) -> dict[str, Any]:
    """The whole letter as the draft file holds it, without the review record.

    Versions store this (so a returned draft can show every change, the date included).
    """
    data = letter_to_dict(_without_record(letter))
    data.pop(REVIEW_KEY, None)
    data.pop("format", None)
    return data


def _without_record(letter: Letter) -> Letter:
    """``letter`` without its review record, not copied: ``letter_to_dict`` copies every
    unknown key, and a record of 2,000 comments copied for each comment read or added made
    the Word import's time grow with the square of the count."""
    if REVIEW_KEY not in letter.extra:
        return letter
    light = copy.copy(letter)
    light.extra = {k: v for k, v in letter.extra.items() if k != REVIEW_KEY}
    return light


def content_of(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """What an approval covers, from a snapshot or a ``letter_to_dict`` result."""
    content = {k: v for k, v in snapshot.items() if k not in NOT_CONTENT}
    number = content.get("number")
    if isinstance(number, dict):
        # serial: the registry's; draft_id: the register's identity of the file
        # (register/drafts.py), written when the number is issued, after approval
        content["number"] = {k: v for k, v in number.items() if k not in ("serial", "draft_id")}
    return content


def content_hash_of(snapshot: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content_of(snapshot))).hexdigest()


def content_hash(letter: Letter) -> str:
    """SHA-256 (hex) of the letter's content: what an approval of it signs."""
    return content_hash_of(letter_to_dict(_without_record(letter)))


# --------------------------------------------------------------------------- keys


def public_key_text(key: Ed25519PublicKey) -> str:
    """``ed25519:`` and the 32 raw bytes in base64: how keys appear in drafts and profiles."""
    from cryptography.hazmat.primitives import serialization

    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def parse_public_key(text: object) -> Ed25519PublicKey | None:
    """The key written by :func:`public_key_text`, or None when ``text`` is not one."""
    if not isinstance(text, str) or not text.startswith(KEY_PREFIX):
        return None
    try:
        raw = base64.b64decode(text[len(KEY_PREFIX) :], validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        return None


def key_fingerprint(text: str) -> str:
    """A short, stable name for a key in logs (first 16 hex digits of its SHA-256). People
    compare keys by :func:`dla_drafter.review.cards.fingerprint` (Thai digits) instead."""
    return hashlib.sha256(text.encode("ascii", "replace")).hexdigest()[:16]


def same_text(a: str, b: str) -> bool:
    """Equal once runs of white space are one space and the ends are trimmed: how a signed
    name or role is compared with a reviewer's card."""
    return " ".join(a.split()) == " ".join(b.split())


@dataclass(frozen=True)
class Reviewer:
    """Who a trusted key belongs to: the reviewer card's name, position and abbreviation
    (or, for the user's own key, their identity). What prints for an approval comes from
    here, never from the approval's own text."""

    name: str
    position: str = ""
    abbreviation: str = ""

    @property
    def row(self) -> str:
        """The initials-grid row this reviewer signs in: the abbreviation (ผอ.กศ.), else the
        position when the card has no abbreviation."""
        return " ".join((self.abbreviation.strip() or self.position.strip()).split())

    def signed_as(self, role: str, name: str) -> bool:
        """Whether an approval's signed ``role`` and ``name`` are this reviewer's."""
        return bool(self.name.strip()) and bool(self.row) and same_text(role, self.row) \
            and same_text(name, self.name)


@dataclass(frozen=True)
class Keyring:
    """The public keys whose approvals count on this PC: key text -> its :class:`Reviewer`."""

    keys: Mapping[str, Reviewer] = field(default_factory=dict)

    def knows(self, key: str) -> bool:
        return key in self.keys

    def reviewer(self, key: str) -> Reviewer | None:
        return self.keys.get(key)

    def with_keys(self, keys: Iterable[tuple[str, Reviewer]]) -> Keyring:
        """This keyring and ``keys``; a key already here keeps its reviewer."""
        merged = dict(self.keys)
        for key, reviewer in keys:
            merged.setdefault(key, reviewer)
        return Keyring(merged)


# --------------------------------------------------------------------------- signing


def signed_message(role: str, name: str, at: str, content_sha256: str, public_key: str) -> bytes:
    """The exact bytes an approval's signature covers."""
    return canonical_json(
        {
            "purpose": SIGNATURE_PURPOSE,
            "role": role,
            "name": name,
            "at": at,
            "content_sha256": content_sha256,
            "public_key": public_key,
        }
    )


def sign_approval(
    private_key: Ed25519PrivateKey, role: str, name: str, at: str, content_sha256: str
) -> dict[str, str]:
    """A complete approval entry for the review record, signed with ``private_key``."""
    public = public_key_text(private_key.public_key())
    signature = private_key.sign(signed_message(role, name, at, content_sha256, public))
    return {
        "role": role,
        "name": name,
        "at": at,
        "content_sha256": content_sha256,
        "public_key": public,
        "signature": base64.b64encode(signature).decode("ascii"),
    }


def signature_verifies(entry: Mapping[str, Any]) -> bool:
    """Whether a raw approval entry is well formed and its signature holds."""
    fields = ("role", "name", "at", "content_sha256", "public_key", "signature")
    values = tuple(entry.get(f) for f in fields)
    if not all(isinstance(v, str) for v in values):
        return False
    return _verifies(*values)


@functools.lru_cache(maxsize=256)
def _verifies(role: str, name: str, at: str, content_sha256: str, public_key: str,
              signature_text: str) -> bool:
    """The signature check proper, remembered by its exact inputs (a pure function of them):
    the print state asks it for every approval at every keystroke of a letter under review,
    and one Ed25519 verification is ~0.1 ms."""
    key = parse_public_key(public_key)
    if key is None:
        return False
    try:
        signature = base64.b64decode(signature_text, validate=True)
        key.verify(signature, signed_message(role, name, at, content_sha256, public_key))
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True


@dataclass(frozen=True)
class Check:
    """An approval's status, why, and (when its key is trusted) the reviewer it belongs to."""

    status: Status
    reason: Reason
    reviewer: Reviewer | None = None


def check_approval(
    entry: object, current_hash: str, keyring: Keyring,
    history: Container[str] | None = None,
) -> Check:
    """The status of one raw approval entry, in the order of the module docstring.

    ``history`` holds the content hashes the record's versions lead to (see
    :class:`dla_drafter.review.actions.History`); None skips that check."""
    if not isinstance(entry, Mapping) or not signature_verifies(entry):
        return Check("invalid", "signature")
    if history is not None and entry["content_sha256"] not in history:
        return Check("invalid", "history")
    reviewer = keyring.reviewer(entry["public_key"])
    if entry["content_sha256"] != current_hash:
        return Check("stale", "stale", reviewer)
    if reviewer is None:
        return Check("unknown_key", "unknown_key")
    if not reviewer.signed_as(entry["role"], entry["name"]):
        return Check("invalid", "card", reviewer)
    return Check("valid", "valid", reviewer)


def approval_status(entry: object, current_hash: str, keyring: Keyring) -> Status:
    """The status of one raw approval entry, without the history check."""
    return check_approval(entry, current_hash, keyring).status
