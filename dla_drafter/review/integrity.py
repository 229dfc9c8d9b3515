"""What an approval vouches for, and whether it still does.

The *content* of a letter is what it says: every field of the draft file except the ones
filled in after approval by other people or kept for the office's own use —

* ``number.serial`` and ``date`` (the registry writes them when it gives the letter its
  number, ออกเลขหนังสือ, after the signer approved it),
* ``initials`` and ``file_copy`` (the initials grid is where approvals print),
* ``review`` (the review record itself).

Everything else — a body word, the subject, the signer's position, an unknown key a newer
version wrote — is content, and changing it makes every earlier approval *stale*. The content
is serialised canonically (the draft as ``letter_to_dict`` writes it, keys sorted, no spaces,
UTF-8) and hashed with SHA-256; working from the model rather than the file's bytes means a
file re-indented by hand or missing an optional key that takes its default hashes the same.

An approval is signed with Ed25519 over a canonical object of its own fields (role, name,
time, content hash and the signer's public key). Its status is decided in a fixed order:

1. ``invalid`` — a field is missing or malformed, or the signature does not verify (the record
   was edited by hand, or copied from another approval);
2. ``stale`` — it verifies, but the letter is no longer the content that was approved;
3. ``unknown_key`` — it verifies and matches, but the key is not one the agency profile lists
   (nor the user's own);
4. ``valid`` — all three hold. Only these print into the initials grid.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.draftio import letter_to_dict
from dla_drafter.model.letter import Letter

Status = Literal["valid", "stale", "unknown_key", "invalid"]
STATUS_ORDER: tuple[Status, ...] = ("invalid", "stale", "unknown_key", "valid")

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
        content["number"] = {k: v for k, v in number.items() if k != "serial"}
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
    """A short, stable name for a key to show a person (first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(text.encode("ascii", "replace")).hexdigest()[:16]


@dataclass(frozen=True)
class Keyring:
    """The public keys whose approvals count: key text -> the reviewer's name (may be "")."""

    keys: Mapping[str, str] = field(default_factory=dict)

    def knows(self, key: str) -> bool:
        return key in self.keys

    def with_keys(self, keys: Iterable[tuple[str, str]]) -> Keyring:
        merged = dict(self.keys)
        for key, name in keys:
            merged.setdefault(key, name)
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
    if not all(isinstance(entry.get(f), str) for f in fields):
        return False
    key = parse_public_key(entry["public_key"])
    if key is None:
        return False
    try:
        signature = base64.b64decode(entry["signature"], validate=True)
        key.verify(
            signature,
            signed_message(
                entry["role"], entry["name"], entry["at"], entry["content_sha256"],
                entry["public_key"],
            ),
        )  # fmt: skip
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True


def approval_status(entry: object, current_hash: str, keyring: Keyring) -> Status:
    """The status of one raw approval entry, in the order invalid → stale → unknown key."""
    if not isinstance(entry, Mapping) or not signature_verifies(entry):
        return "invalid"
    if entry["content_sha256"] != current_hash:
        return "stale"
    if not keyring.knows(entry["public_key"]):
        return "unknown_key"
    return "valid"
