"""Autosave copies in the recovery folder, and finding them again after a crash.

Each open window owns a session: ``<id>.dladraft`` (the draft as the clerk left it),
``<id>.meta.json`` (which file it belongs to, when) and ``<id>.lock``, a ``QLockFile`` held
for the life of the window. A crash or a kill cannot release the lock, and Qt recognises a
lock whose process is gone (on Windows too), so at the next start every draft whose lock can
be taken belongs to a program that died: those are offered for restoring. A draft that
belongs to another running window stays locked and is left alone.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile

from dla_drafter.app_settings import recovery_dir
from dla_drafter.filetypes import DRAFT_SUFFIX, DRAFT_SUFFIXES, draft_stem
from dla_drafter.model.letter import Letter


def _write(path: Path, text: str) -> None:
    from dla_drafter.atomic import atomic_write_text

    atomic_write_text(path, text)


def _dumps(letter: Letter) -> str:
    """The draft's text; a letter the validator refuses (an impossible date …) is still
    written as plain JSON, because the recovery copy must keep whatever was typed."""
    from dla_drafter.model.draftio import dumps_draft

    return dumps_draft(letter, strict=False)


class RecoverySession:
    """The recovery files of one window."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else recovery_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.id = time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:8]
        self.lock = QLockFile(str(self.folder / f"{self.id}.lock"))
        self.lock.setStaleLockTime(0)
        self.lock.tryLock(0)
        self.saved_revision: int | None = None

    @property
    def draft_path(self) -> Path:
        return self.folder / f"{self.id}{DRAFT_SUFFIX}"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.id}.meta.json"

    def save(self, letter: Letter, original: Path | None, revision: int | None = None,
             base: Any = None) -> None:
        """Write the autosave copy (atomic: a crash while writing keeps the previous copy).

        ``base`` (``model.concurrent.DraftBase``) is what ``original`` held when it was
        opened: kept in the meta so that a restored draft's save still merges what another
        PC saved meanwhile instead of writing over it."""
        _write(self.draft_path, _dumps(letter))
        meta: dict[str, Any] = {
            "original": str(original) if original else None,
            "saved_at": time.strftime("%Y-%m-%d %H:%M:%S"),
            "subject": letter.subject,
        }
        if base is not None and original is not None:
            meta["base"] = {"sha256": base.sha256, "data": dict(base.data)}
        _write(self.meta_path, json.dumps(meta, ensure_ascii=False, indent=1))
        self.saved_revision = revision

    def discard(self) -> None:
        """Forget the autosave copy (the draft was saved or deliberately closed)."""
        for path in (self.draft_path, self.meta_path):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass
        self.saved_revision = None

    def close(self) -> None:
        self.discard()
        self.lock.unlock()


@dataclass
class OrphanDraft:
    """A draft autosaved by a program that is no longer running."""

    draft_path: Path
    meta: dict[str, Any]
    lock: QLockFile

    @property
    def original(self) -> Path | None:
        value = self.meta.get("original")
        return Path(value) if value else None

    @property
    def label(self) -> str:
        subject = self.meta.get("subject") or ""
        when = self.meta.get("saved_at") or ""
        name = self.original.name if self.original else ""
        return " · ".join(x for x in (subject, name, when) if x)

    def load(self) -> Letter:
        from dla_drafter.model.draftio import load_draft

        return load_draft(self.draft_path)

    def base(self) -> Any:
        """What the original file held when the lost window opened it
        (``model.concurrent.DraftBase``), or None when not recorded or not readable: then
        the restored draft's first save writes as a plain save does."""
        from dla_drafter.model.concurrent import DraftBase
        from dla_drafter.model.draftio import letter_from_dict
        from dla_drafter.problems import DrafterError

        saved = self.meta.get("base")
        if self.original is None or not isinstance(saved, dict):
            return None
        sha, data = saved.get("sha256"), saved.get("data")
        if not isinstance(data, dict) or not (sha is None or isinstance(sha, str)):
            return None
        try:
            letter = letter_from_dict(data)
        except (DrafterError, TypeError, ValueError):
            return None
        base = DraftBase.of(letter, self.original)
        return DraftBase(base.path, sha, base.data)

    def remove(self, archive: bool = False) -> None:
        """Delete (or move to ``recovery/old`` when declined, so nothing is ever lost)."""
        meta_path = self.draft_path.with_name(f"{draft_stem(self.draft_path)}.meta.json")
        for path in (self.draft_path, meta_path):
            if not path.exists():
                continue
            try:
                if archive:
                    old = path.parent / "old"
                    old.mkdir(exist_ok=True)
                    path.replace(old / path.name)
                else:
                    path.unlink()
            except OSError:
                pass
        self.lock.unlock()


def find_orphans(folder: Path | None = None) -> list[OrphanDraft]:
    """Autosaved drafts whose program died; each comes with its lock now held by us."""
    folder = Path(folder) if folder else recovery_dir()
    orphans = []
    # Sessions of earlier versions are <id>.dladraft.json: found and offered all the same.
    drafts = [p for suffix in DRAFT_SUFFIXES for p in folder.glob(f"*{suffix}")]
    for draft in sorted(set(drafts)):
        session = draft_stem(draft)
        lock = QLockFile(str(folder / f"{session}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running window owns it
        meta_path = folder / f"{session}.meta.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        orphans.append(OrphanDraft(draft, meta if isinstance(meta, dict) else {}, lock))
    return orphans
