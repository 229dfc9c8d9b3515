"""Shared pieces of the review tests: a letter, reviewers with folders of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEMO = ROOT / "examples" / "memo-2569.dladraft.json"


@pytest.fixture
def memo():
    from dla_drafter.model.draftio import load_draft

    return load_draft(MEMO)


@pytest.fixture
def own_folders(tmp_path, monkeypatch):
    """This process's user folders, private to the test (XDG, as on a clerk's Linux PC)."""
    monkeypatch.delenv("DLA_DRAFTER_CONFIG_DIR", raising=False)
    monkeypatch.delenv("DLA_DRAFTER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "me" / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "me" / "data"))
    # Windows: both are %LOCALAPPDATA%\dla-drafter (platformdirs ignores XDG_* there).
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", str(tmp_path / "me" / "localappdata"))
    return tmp_path / "me"


@dataclass
class Reviewer:
    """A person with their own config and data folders, running the real command line."""

    home: Path

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DLA_DRAFTER_")}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_DATA_HOME=str(self.home / "data"),
            WIN_PD_OVERRIDE_LOCAL_APPDATA=str(self.home / "localappdata"),  # Windows
            # the folders the tests write identities and profiles into, on every platform
            # (on Windows platformdirs puts both in %LOCALAPPDATA%, not under XDG_*)
            DLA_DRAFTER_CONFIG_DIR=str(self.home / "config" / "dla-drafter"),
            DLA_DRAFTER_DATA_DIR=str(self.home / "data" / "dla-drafter"),
        )
        return env

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "dla_drafter", *args], capture_output=True, text=True,
            env=self.env, timeout=120, encoding="utf-8", cwd=ROOT,
        )  # fmt: skip

    def status(self, draft: Path) -> dict:
        result = self.run("review", "status", str(draft), "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def public_key(self) -> str:
        result = subprocess.run(
            [sys.executable, "-c",
             "from dla_drafter.review.identity import own_public_key; print(own_public_key())"],
            capture_output=True, text=True, env=self.env, timeout=60, encoding="utf-8",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def trust(self, name: str, abbreviation: str, public_key: str) -> None:
        """Give this reviewer an agency profile that lists ``public_key`` as a reviewer."""
        folder = self.home / "config" / "dla-drafter"
        (folder / "profiles").mkdir(parents=True, exist_ok=True)
        profile = {
            "format": "dla-drafter/profile@1",
            "profile_name": "กศ",
            "name": "กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น",
            "reviewers": [
                {"name": name, "abbreviation": abbreviation, "public_key": public_key}
            ],
        }
        (folder / "profiles" / "ks.json").write_text(
            json.dumps(profile, ensure_ascii=False), encoding="utf-8"
        )
        (folder / "config.json").write_text(
            json.dumps({"active_profile": "กศ"}, ensure_ascii=False), encoding="utf-8"
        )


@pytest.fixture
def reviewers(tmp_path):
    """Three people: the clerk and two reviewers, each with their own folders."""
    return {name: Reviewer(tmp_path / name) for name in ("clerk", "head", "director")}


@pytest.fixture
def memo_draft(tmp_path) -> Path:
    """A copy of the memo example to work on."""
    path = tmp_path / "memo.dladraft.json"
    path.write_bytes(MEMO.read_bytes())
    return path


@pytest.fixture
def three_pages():
    """The memo example grown to about three pages of body text (for size)."""
    from dla_drafter.model.draftio import load_draft

    letter = load_draft(MEMO)
    paragraphs = list(letter.body)
    body: list[str] = []
    while sum(len(p) for p in body) < 6000:
        body.extend(paragraphs)
    letter.body = body
    return letter
