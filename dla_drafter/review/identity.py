"""Who the user is when they review: name, position, abbreviation, and a signing key.

The identity (``identity.json`` in the config folder) is what the user types in Settings. The
Ed25519 private key (``signing-key.pem`` in the data folder, mode 0600) is created the first
time it is needed and never leaves that folder: drafts carry only public keys and signatures.
Both folders come from :mod:`dla_drafter.userdirs` (XDG on Linux, the platform folders
elsewhere, ``DLA_DRAFTER_CONFIG_DIR``/``DLA_DRAFTER_DATA_DIR`` to override), so two reviewers
on one machine — or two tests — each get their own by pointing those folders elsewhere.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.atomic import atomic_write_text
from dla_drafter.problems import DrafterError, problem
from dla_drafter.userdirs import config_dir, data_dir

from .integrity import Reviewer, public_key_text

IDENTITY_FILE = "identity.json"
KEY_FILE = "signing-key.pem"
IDENTITY_FORMAT = "dla-drafter/identity@1"


class IdentityError(DrafterError):
    """The key file exists but cannot be used; the problem says why."""

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__([problem("identity", message_th, message_en)])


@dataclass
class Identity:
    """Settings → ผู้ใช้: the user's name, position and the abbreviation used in initials."""

    name: str = ""
    position: str = ""
    abbreviation: str = ""

    def reviewer(self) -> Reviewer:
        """The user as a reviewer: what their approvals sign and their card carries."""
        return Reviewer(" ".join(self.name.split()), " ".join(self.position.split()),
                        " ".join(self.abbreviation.split()))

    def display_name(self) -> str:
        """The name to put on comments and approvals: the typed one, else the login name."""
        if self.name.strip():
            return self.name.strip()
        with contextlib.suppress(Exception):
            return getpass.getuser()
        return ""


def identity_path() -> Path:
    return config_dir() / IDENTITY_FILE


def key_path() -> Path:
    return data_dir() / KEY_FILE


def load_identity() -> Identity:
    """The saved identity; an empty one when none was saved or the file is damaged."""
    try:
        data = json.loads(identity_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Identity()
    if not isinstance(data, dict):
        return Identity()

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else ""

    return Identity(text("name"), text("position"), text("abbreviation"))


def save_identity(identity: Identity) -> None:
    data = {
        "format": IDENTITY_FORMAT,
        "name": identity.name,
        "position": identity.position,
        "abbreviation": identity.abbreviation,
    }
    atomic_write_text(identity_path(), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _read_key(path: Path) -> Ed25519PrivateKey:
    # imported here: every cold command and the window import this module, and
    # cryptography's serialization (~30 ms) is needed only when a key is read or made
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise IdentityError(
            f"อ่านกุญแจลงนามของผู้ใช้ {path} ไม่ได้ ({exc})",
            f"cannot read the user's signing key {path} ({exc})",
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise IdentityError(
            f"ไฟล์ {path} ไม่ใช่กุญแจลงนามแบบ Ed25519",
            f"{path} is not an Ed25519 signing key",
        )
    return key


def existing_signing_key() -> Ed25519PrivateKey | None:
    """The user's key when it exists (reading status must not create one)."""
    path = key_path()
    return _read_key(path) if path.is_file() else None


def signing_key() -> Ed25519PrivateKey:
    """The user's private key, created (0600, exclusively) on first use."""
    path = key_path()
    if path.is_file():
        return _read_key(path)
    from cryptography.hazmat.primitives import serialization

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:  # another process made it just now: use that one
        return _read_key(path)
    except OSError as exc:
        raise IdentityError(
            f"สร้างกุญแจลงนามที่ {path} ไม่ได้ ({exc})",
            f"cannot create the signing key at {path} ({exc})",
        ) from exc
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)  # the umask may have taken bits away, never added: be sure
    return key


def own_public_key() -> str | None:
    """The user's public key text, or None before the first approval made one."""
    key = existing_signing_key()
    return None if key is None else public_key_text(key.public_key())
