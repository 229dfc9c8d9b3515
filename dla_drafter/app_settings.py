"""The desktop program's own settings: agency profiles, language, recent files, folders.

Kept as plain JSON in the user's config folder (platformdirs) rather than QSettings so that an
office can copy a profile file from one machine to another and read it, and so that this module
stays free of Qt (the CLI may use the profiles too). Tests point the folders elsewhere with the
``DLA_DRAFTER_CONFIG_DIR`` and ``DLA_DRAFTER_DATA_DIR`` environment variables so they never touch
the real user config.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dla_drafter.atomic import atomic_write_text
from dla_drafter.model.letter import (
    Agency,
    Contact,
    Letter,
    LetterDate,
    Number,
    Signer,
)
from dla_drafter.settings import DEFAULT_DOCX_FONT, RenderSettings
from dla_drafter.userdirs import config_dir, data_dir

if TYPE_CHECKING:
    from dla_drafter.review.cards import Card
    from dla_drafter.review.integrity import Keyring, Reviewer

PROFILE_FORMAT = "dla-drafter/profile@1"
MAX_RECENT = 10


def recovery_dir() -> Path:
    """Autosaved copies of open drafts live here until the draft is saved or closed."""
    path = data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class SignerPreset:
    """A signer the office uses often (the head, a deputy signing ปฏิบัติราชการแทน …)."""

    label: str = ""
    name: str = ""
    position: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SignerPreset:
        position = data.get("position") or []
        if isinstance(position, str):
            position = [position]
        label = str(data.get("label") or (position[0] if position else data.get("name", "")))
        return cls(label=label, name=str(data.get("name", "")), position=[str(p) for p in position])


@dataclass
class ReviewerKey:
    """A person whose approvals the office accepts: name, abbreviation (ผอ.กศ.), position and
    the public key their copy of the program made (``ed25519:…``, see ``dla_drafter.review``).

    Entries imported from a reviewer card (``dla-drafter review trust``, Settings) keep the
    card's ``signature``, so the card can be checked and handed on again; entries an office
    typed into the profile by hand (older profiles) have none and are trusted as typed — the
    profile itself is what the office trusts."""

    name: str = ""
    abbreviation: str = ""
    public_key: str = ""
    position: str = ""
    signature: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReviewerKey:
        def text(key: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) else ""

        return cls(name=text("name"), abbreviation=text("abbreviation"),
                   public_key=text("public_key"), position=text("position"),
                   signature=text("signature"))

    @classmethod
    def from_card(cls, card: Card) -> ReviewerKey:
        return cls(name=card.name, abbreviation=card.abbreviation, public_key=card.public_key,
                   position=card.position, signature=card.signature)

    def reviewer(self) -> Reviewer:
        """Who the key belongs to, as approvals are checked against and printed."""
        from dla_drafter.review.integrity import Reviewer

        return Reviewer(self.name, self.position, self.abbreviation)

    def card(self) -> Card | None:
        """The reviewer card this entry came from, when its signature still verifies."""
        from dla_drafter.review.cards import Card

        card = Card(self.name, self.position, self.abbreviation, self.public_key,
                    self.signature)
        return card if self.signature and card.verifies() else None


@dataclass
class EcmsIdentity:
    """This office in the e-CMS exchange (``dla-drafter ecms``): its ministry and department
    codes from the e-CMS organisation list, and the person named as sender (empty: the
    letter's signer)."""

    ministry_code: str = ""
    department_code: str = ""
    given_name: str = ""
    family_name: str = ""
    job_title: str = ""

    @classmethod
    def from_dict(cls, data: Any) -> EcmsIdentity:
        data = data if isinstance(data, dict) else {}
        values = {k: data.get(k) for k in cls.__dataclass_fields__}
        return cls(**{k: "" if v is None else str(v) for k, v in values.items()})


@dataclass
class AgencyProfile:
    """What an office fills in on every letter: its name, address, code, contacts, signer.

    ``profile_name`` is the label shown in the settings list; ``name`` is the printed agency.
    """

    profile_name: str = ""
    name: str = ""
    address: list[str] = field(default_factory=list)
    number_code: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    owner_unit: list[str] = field(default_factory=list)
    signer_name: str = ""
    signer_position: list[str] = field(default_factory=list)
    signer_presets: list[SignerPreset] = field(default_factory=list)
    docx_font: str = DEFAULT_DOCX_FONT
    emblem_path: str = ""
    digits: str = "thai"
    reviewers: list[ReviewerKey] = field(default_factory=list)
    continuation_word: bool = True  # "/ คำแรก…" at the foot of every page but the last
    draft_watermark: bool = False  # "ร่าง" across every page of a letter not yet approved
    ecms: EcmsIdentity = field(default_factory=EcmsIdentity)
    # CAs whose certificates the office trusts for signed PDFs (PEM text, each may hold
    # several): ``verify`` reports a signer as verified only under one of these (or --trust).
    trusted_ca_certificates: list[str] = field(default_factory=list)
    pdf_a: bool = True  # PDF/A-3b letters; off: a plain PDF for systems that refuse PDF/A
    # The office's policy: numbering (ออกเลข) a letter not approved is refused, not warned.
    number_only_after_approval: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgencyProfile:
        """Read a profile file; tolerant of missing keys so older or hand-written files load."""

        def lines(value: Any) -> list[str]:
            if value is None:
                return []
            if isinstance(value, str):
                return [value] if value else []
            return [str(v) for v in value]

        signer = data.get("signer") or {}
        return cls(
            profile_name=str(data.get("profile_name") or data.get("name") or ""),
            name=str(data.get("name", "")),
            address=lines(data.get("address")),
            number_code=str(data.get("number_code", "")),
            phone=str(data.get("phone", "")),
            fax=str(data.get("fax", "")),
            email=str(data.get("email", "")),
            owner_unit=lines(data.get("owner_unit")),
            signer_name=str(signer.get("name", "")),
            signer_position=lines(signer.get("position")),
            signer_presets=[
                SignerPreset.from_dict(p) for p in data.get("signer_presets") or []
                if isinstance(p, dict)
            ],
            docx_font=str(data.get("docx_font") or DEFAULT_DOCX_FONT),
            emblem_path=str(data.get("emblem_path") or ""),
            digits=str(data.get("digits") or "thai"),
            reviewers=[
                ReviewerKey.from_dict(r) for r in data.get("reviewers") or []
                if isinstance(r, dict)
            ],
            continuation_word=data.get("continuation_word", True) is not False,
            draft_watermark=data.get("draft_watermark", False) is True,
            ecms=EcmsIdentity.from_dict(data.get("ecms")),
            trusted_ca_certificates=[
                str(c) for c in data.get("trusted_ca_certificates") or [] if isinstance(c, str)
            ],
            pdf_a=data.get("pdf_a", True) is not False,
            number_only_after_approval=data.get("number_only_after_approval", False) is True,
        )

    def to_dict(self) -> dict[str, Any]:
        """The profile file's contents (same shape as ``resources/profiles/dla.json``)."""
        return {
            "format": PROFILE_FORMAT,
            "profile_name": self.profile_name,
            "name": self.name,
            "address": list(self.address),
            "number_code": self.number_code,
            "phone": self.phone,
            "fax": self.fax,
            "email": self.email,
            "owner_unit": list(self.owner_unit),
            "signer": {"name": self.signer_name, "position": list(self.signer_position)},
            "signer_presets": [asdict(p) for p in self.signer_presets],
            "docx_font": self.docx_font,
            "emblem_path": self.emblem_path,
            "digits": self.digits,
            "reviewers": [asdict(r) for r in self.reviewers],
            "continuation_word": self.continuation_word,
            "draft_watermark": self.draft_watermark,
            "ecms": asdict(self.ecms),
            "trusted_ca_certificates": list(self.trusted_ca_certificates),
            "pdf_a": self.pdf_a,
            "number_only_after_approval": self.number_only_after_approval,
        }

    def trust(self, card: Card) -> tuple[str, ReviewerKey | None]:
        """Add a verified reviewer card to this profile's reviewers. Returns what happened —
        ``"added"``, ``"updated"`` (the key was listed: its entry now says what the card
        says; the old entry is returned) or ``"same"`` — so the caller can tell the user."""
        entry = ReviewerKey.from_card(card)
        for index, old in enumerate(self.reviewers):
            if old.public_key == card.public_key:
                if old == entry:
                    return "same", old
                self.reviewers[index] = entry
                return "updated", old
        self.reviewers.append(entry)
        return "added", None

    def untrust(self, public_key: str) -> ReviewerKey | None:
        """Remove the reviewer with ``public_key``; the entry removed, or None."""
        for index, old in enumerate(self.reviewers):
            if old.public_key == public_key:
                return self.reviewers.pop(index)
        return None

    def render_settings(self) -> RenderSettings:
        """Rendering choices this office made (its Word font, its own emblem image)."""
        emblem = Path(self.emblem_path) if self.emblem_path else None
        if emblem is not None and not emblem.is_absolute():
            # A relative path in a shipped profile is relative to resources/.
            from dla_drafter.paths import resources_dir

            emblem = resources_dir() / emblem
        if emblem is not None and not emblem.is_file():
            emblem = None
        return RenderSettings(docx_font=self.docx_font or DEFAULT_DOCX_FONT, emblem_path=emblem,
                              continuation_word=self.continuation_word,
                              draft_watermark=self.draft_watermark, pdf_a=self.pdf_a)

    def new_letter(self, today: tuple[int, int, int] | None = None) -> Letter:
        """A fresh letter with this office's heading, signer and contacts filled in.

        ``today`` is (day, month, Buddhist year); the day is left blank by default because
        most letters are dated when signed.
        """
        if today is None:
            today = _today_be()
        _, month, year = today
        return Letter(
            number=Number(code=self.number_code),
            agency=Agency(name=self.name, address=list(self.address)),
            date=LetterDate(day=None, month=month, year=year),
            body=[""],
            signer=Signer(name=self.signer_name, position=list(self.signer_position)),
            owner_unit=list(self.owner_unit),
            contact=Contact(phone=self.phone, fax=self.fax, email=self.email),
            digits=self.digits if self.digits in ("thai", "arabic", "as-typed") else "thai",
        )


def _today_be() -> tuple[int, int, int]:
    """Today as (day, month, Buddhist year); uses the engine's helper when it is there."""
    try:
        from dla_drafter.text.thaidate import today_be

        value = today_be()
        if isinstance(value, tuple) and len(value) == 3:
            return value  # type: ignore[return-value]
        day, month, year = value.day, value.month, value.year  # type: ignore[union-attr]
        return int(day), int(month), int(year)
    except Exception:
        import datetime

        now = datetime.date.today()
        return now.day, now.month, now.year + 543


def bundled_profile_path() -> Path | None:
    """The DLA profile shipped in ``resources/profiles/dla.json`` (None when missing)."""
    try:
        from dla_drafter.paths import resource

        path = resource("profiles", "dla.json")
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def read_profile_file(path: Path) -> AgencyProfile:
    """Read a profile file handed out by an office; raises ValueError with a Thai message."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"อ่านแฟ้มโปรไฟล์ไม่ได้: {path} ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"แฟ้มโปรไฟล์ไม่ถูกต้อง: {path}")
    fmt = data.get("format")
    if fmt is not None and not str(fmt).startswith("dla-drafter/profile@"):
        raise ValueError(f"แฟ้มนี้ไม่ใช่โปรไฟล์ส่วนราชการ: {path}")
    profile = AgencyProfile.from_dict(data)
    if not profile.profile_name:
        profile.profile_name = profile.name or Path(path).stem
    return profile


def write_profile_file(profile: AgencyProfile, path: Path) -> None:
    """Write a profile so it can be handed to another machine (atomic when possible)."""
    text = json.dumps(profile.to_dict(), ensure_ascii=False, indent=2) + "\n"
    _write_text(Path(path), text)


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)


@dataclass
class AppConfig:
    """Everything the program remembers between runs."""

    language: str = "th"
    active_profile: str = ""
    recent_files: list[str] = field(default_factory=list)
    zoom: str = "fit-width"
    window_geometry: str = ""
    splitter_state: str = ""
    profiles: list[AgencyProfile] = field(default_factory=list)
    # The outgoing-number register: "" is this PC's SQLite file (register.store.default_url);
    # an office shares one PostgreSQL server (postgresql://…). A SQLite file on a network
    # share is not safe for several writers.
    register_url: str = ""

    # --- profiles -----------------------------------------------------------------------

    def profile(self) -> AgencyProfile:
        """The active profile (first run: the bundled DLA profile)."""
        for p in self.profiles:
            if p.profile_name == self.active_profile:
                return p
        if self.profiles:
            return self.profiles[0]
        return AgencyProfile(profile_name="ทั่วไป")

    def keyring(self) -> Keyring:
        """The keys whose approvals count on this PC, each with who it belongs to: the
        active profile's reviewers (their cards) and the user's own key (their identity).
        Worked out here, once, by the CLI and the window, and handed to the engine
        (``pipeline``), which never reads this file. A key the profile lists keeps the
        profile's card even when it is the user's own: that card is what every other PC
        of the office checks the user's approvals against. A damaged key file only means
        fewer known keys."""
        from dla_drafter.review.identity import IdentityError, load_identity, own_public_key
        from dla_drafter.review.integrity import Keyring, Reviewer

        keys: dict[str, Reviewer] = {}
        for reviewer in self.profile().reviewers:
            if reviewer.public_key:
                keys.setdefault(reviewer.public_key, reviewer.reviewer())
        with contextlib.suppress(IdentityError):
            own = own_public_key()
            if own is not None:
                me = load_identity()
                keys.setdefault(own, Reviewer(me.name, me.position, me.abbreviation))
        return Keyring(keys)

    def add_recent(self, path: Path | str) -> None:
        """Put ``path`` first in the recent files list (no duplicates, at most 10)."""
        text = str(Path(path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]

    # --- files ----------------------------------------------------------------------------

    @classmethod
    def load(cls) -> AppConfig:
        """Read the settings; on first run (or a damaged file) start from the bundled profile."""
        cfg = cls()
        path = config_dir() / "config.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                data = {}
        except (OSError, ValueError):
            data = {}
        cfg.language = "en" if data.get("language") == "en" else "th"
        cfg.active_profile = str(data.get("active_profile", ""))
        cfg.recent_files = [str(p) for p in data.get("recent_files", []) if isinstance(p, str)]
        cfg.zoom = str(data.get("zoom", "fit-width"))
        cfg.window_geometry = str(data.get("window_geometry", ""))
        cfg.splitter_state = str(data.get("splitter_state", ""))
        cfg.register_url = str(data.get("register_url") or "")
        cfg.profiles = _load_profiles()
        if not cfg.profiles:
            bundled = bundled_profile_path()
            if bundled is not None:
                try:
                    cfg.profiles = [read_profile_file(bundled)]
                except ValueError:
                    cfg.profiles = []
        if not cfg.profiles:
            cfg.profiles = [AgencyProfile(profile_name="ทั่วไป")]
        if cfg.active_profile not in {p.profile_name for p in cfg.profiles}:
            cfg.active_profile = cfg.profiles[0].profile_name
        return cfg

    def save(self) -> None:
        """Write settings and every profile (one JSON file per profile)."""
        data = {
            "language": self.language,
            "active_profile": self.active_profile,
            "recent_files": self.recent_files,
            "zoom": self.zoom,
            "window_geometry": self.window_geometry,
            "splitter_state": self.splitter_state,
            "register_url": self.register_url,
        }
        _write_text(config_dir() / "config.json", json.dumps(data, ensure_ascii=False, indent=2))
        folder = config_dir() / "profiles"
        folder.mkdir(parents=True, exist_ok=True)
        wanted = set()
        for profile in self.profiles:
            name = _profile_file_name(profile.profile_name)
            wanted.add(name)
            write_profile_file(profile, folder / name)
        for old in folder.glob("*.json"):
            if old.name not in wanted:
                with contextlib.suppress(OSError):
                    old.unlink()


def _profile_file_name(profile_name: str) -> str:
    """A file name for a profile that is safe on Windows too (Thai letters are fine)."""
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", profile_name).strip("._") or "profile"
    return safe[:80] + ".json"


def _load_profiles() -> list[AgencyProfile]:
    folder = config_dir() / "profiles"
    if not folder.is_dir():
        return []
    profiles = []
    for path in sorted(folder.glob("*.json")):
        try:
            profiles.append(read_profile_file(path))
        except ValueError:
            continue
    return profiles
