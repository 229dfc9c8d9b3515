"""Agency profiles: first run from the bundled DLA profile, editing, import and export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dla_drafter.app_settings import AgencyProfile, AppConfig, bundled_profile_path, config_dir
from dla_drafter.ui.i18n import set_language, tr
from dla_drafter.ui.settings.dialog import SettingsDialog


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


def test_settings_dialog_edit_import_export(qtbot: Any, tmp_path: Path, dialogs: Any) -> None:
    config = AppConfig.load()
    dialog = SettingsDialog(config)
    qtbot.addWidget(dialog)
    dialog.f_name.setText("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทดสอบ")
    dialog.f_phone.setText("0 5555 5555")
    dialog.f_address.setPlainText("ศาลากลางจังหวัด\nถนนทดสอบ")
    out = tmp_path / "office.json"
    assert dialog.export_profile(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "dla-drafter/profile@1"
    assert data["address"] == ["ศาลากลางจังหวัด", "ถนนทดสอบ"]
    data["profile_name"] = "สถจ.ทดสอบ"
    data["signer_presets"] = [{"label": "ท้องถิ่นจังหวัด", "name": "นายหนึ่ง",
                               "position": ["ท้องถิ่นจังหวัดทดสอบ"]}]
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    imported = dialog.import_profile(out)
    assert imported is not None and imported.signer_presets[0].name == "นายหนึ่ง"
    dialog.language.setCurrentIndex(1)
    dialog.accept()
    assert dialog.config.active_profile == "สถจ.ทดสอบ"
    assert dialog.config.language == "en"
    assert config.language == "th"  # the caller's config is untouched until applied
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    dialogs.replies["warning"] = 0
    assert dialog.import_profile(bad) is None


def test_apply_settings_to_window(qtbot: Any, window: Any) -> None:
    config = AppConfig.load()
    config.profiles = [AgencyProfile(profile_name="A", docx_font="TH SarabunIT๙")]
    config.active_profile = "A"
    window.apply_config(config)
    assert window.render_settings.docx_font == "TH SarabunIT๙"
    assert AppConfig.load().active_profile == "A"


def test_english_interface_text() -> None:
    set_language("en")
    try:
        assert tr("หัวหนังสือ") == "Heading"
        assert tr("{n} หน้า", n=3) == "3 pages"
    finally:
        set_language("th")
    assert tr("{n} หน้า", n=3) == "3 หน้า"


def test_the_continuation_word_is_an_office_choice(qtbot: Any, window: Any) -> None:
    """Settings › คำต่อหน้า: the choice reaches the window's rendering and is saved with
    the profile (the typesetter's tests show what the setting prints)."""
    config = AppConfig.load()
    dialog = SettingsDialog(config)
    qtbot.addWidget(dialog)
    assert dialog.f_continuation.isChecked()  # as many offices print
    dialog.f_continuation.setChecked(False)
    dialog.accept()
    assert dialog.config.profile().continuation_word is False
    window.apply_config(dialog.config)
    assert window.render_settings.continuation_word is False
    assert AppConfig.load().profile().continuation_word is False  # saved with the profile
    again = AgencyProfile.from_dict(dialog.config.profile().to_dict())
    assert again.continuation_word is False
    assert AgencyProfile.from_dict({}).continuation_word is True


def test_the_draft_watermark_is_off_until_an_office_turns_it_on(qtbot: Any, window: Any) -> None:
    config = AppConfig.load()
    dialog = SettingsDialog(config)
    qtbot.addWidget(dialog)
    assert not dialog.f_watermark.isChecked()  # off by default: the final print is clean
    dialog.f_watermark.setChecked(True)
    dialog.accept()
    window.apply_config(dialog.config)
    assert window.render_settings.draft_watermark is True
    assert AppConfig.load().profile().draft_watermark is True
    assert AgencyProfile.from_dict({}).draft_watermark is False
