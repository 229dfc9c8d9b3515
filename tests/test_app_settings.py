"""The program's own settings: the first run from the bundled DLA profile, and a round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dla_drafter.app_settings import AgencyProfile, AppConfig, bundled_profile_path, config_dir


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first run: config and data folders of this test alone."""
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(tmp_path / "data"))


def test_first_run_uses_the_bundled_profile() -> None:
    if bundled_profile_path() is None:
        pytest.skip("resources/profiles/dla.json not there yet")
    config = AppConfig.load()
    profile = config.profile()
    data = json.loads(bundled_profile_path().read_text(encoding="utf-8"))
    assert profile.name == data["name"]
    assert profile.number_code == data.get("number_code", "")
    letter = profile.new_letter((1, 6, 2569))
    assert letter.agency.name == data["name"]
    assert letter.date.month == 6 and letter.date.year == 2569 and letter.date.day is None


def test_config_round_trip(tmp_path: Path) -> None:
    config = AppConfig.load()
    config.profiles.append(AgencyProfile(profile_name="สำนักงาน/จังหวัด: ทดสอบ", name="สนง."))
    config.active_profile = "สำนักงาน/จังหวัด: ทดสอบ"
    config.language = "en"
    config.add_recent(tmp_path / "a.dladraft.json")
    config.add_recent(tmp_path / "b.dladraft.json")
    config.add_recent(tmp_path / "a.dladraft.json")
    config.save()
    again = AppConfig.load()
    assert again.language == "en"
    assert again.profile().name == "สนง."
    assert [Path(p).name for p in again.recent_files] == ["a.dladraft.json", "b.dladraft.json"]
    assert (config_dir() / "profiles").is_dir()
