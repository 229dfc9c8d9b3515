"""The settings dialog: agency profiles edited, imported and exported, office choices, signers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from uihelpers import type_text

from dla_drafter.app_settings import AgencyProfile, AppConfig
from dla_drafter.ui.settings.dialog import SettingsDialog


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


LONG_PROFILE = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครศรีธรรมราช"


def _settings(qtbot: Any) -> Any:
    from dla_drafter.app_settings import AgencyProfile, AppConfig
    from dla_drafter.ui.settings.dialog import SettingsDialog

    config = AppConfig.load()
    config.profiles.append(AgencyProfile(profile_name=LONG_PROFILE))
    dialog = SettingsDialog(config)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_settings_profile_list_shows_whole_names(qtbot: Any) -> None:
    dialog = _settings(qtbot)
    profiles = dialog.list
    assert profiles.horizontalScrollBar().maximum() == 0  # nothing hidden to the side
    width = profiles.viewport().width()
    for row in range(profiles.count()):
        rect = profiles.visualItemRect(profiles.item(row))
        assert rect.right() <= width, profiles.item(row).text()
    # the long name wraps onto more lines instead of being cut
    long_row = [p.profile_name for p in dialog.config.profiles].index(LONG_PROFILE)
    line = profiles.fontMetrics().lineSpacing()
    assert profiles.visualItemRect(profiles.item(long_row)).height() > line * 1.5


def test_settings_rename_shows_in_the_list_at_once(qtbot: Any) -> None:
    dialog = _settings(qtbot)
    dialog.list.setCurrentRow(0)
    dialog.f_profile.selectAll()
    type_text(dialog.f_profile, "สถจ.ทดสอบ")
    assert dialog.list.item(0).text().startswith("สถจ.ทดสอบ")
    assert dialog.config.profiles[0].profile_name == "สถจ.ทดสอบ"
    assert dialog.config.active_profile == "สถจ.ทดสอบ"  # the tick follows the new name
    assert dialog.list.item(0).text().endswith("✓")


def test_settings_frequent_signers_can_be_edited(qtbot: Any, window: Any) -> None:
    dialog = _settings(qtbot)
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.preset_add, Qt.MouseButton.LeftButton)
    type_text(dialog.p_label, "รองอธิบดี")
    type_text(dialog.p_name, "นายทดสอบ ลงนาม")
    type_text(dialog.p_position, "รองอธิบดี")
    dialog.p_position.appendPlainText("ปฏิบัติราชการแทนอธิบดี")
    assert dialog.presets.currentItem().text() == "รองอธิบดี"
    qtbot.mouseClick(dialog.preset_add, Qt.MouseButton.LeftButton)
    type_text(dialog.p_name, "นายลบ ทิ้ง")
    qtbot.mouseClick(dialog.preset_remove, Qt.MouseButton.LeftButton)
    # another profile and back: the signers belong to their profile
    dialog.list.setCurrentRow(1)
    assert dialog.presets.count() == len(dialog.config.profiles[1].signer_presets)
    dialog.list.setCurrentRow(0)
    dialog.presets.setCurrentRow(dialog.presets.count() - 1)
    assert dialog.p_name.text() == "นายทดสอบ ลงนาม"
    dialog.accept()
    preset = dialog.config.profiles[0].signer_presets[-1]
    assert (preset.label, preset.name) == ("รองอธิบดี", "นายทดสอบ ลงนาม")
    assert preset.position == ["รองอธิบดี", "ปฏิบัติราชการแทนอธิบดี"]
    assert all(p.name != "นายลบ ทิ้ง" for p in dialog.config.profiles[0].signer_presets)
    # the window's signer drop-down offers it
    dialog.config.active_profile = dialog.config.profiles[0].profile_name
    window.apply_config(dialog.config)
    combo = window.form.preset_combo
    combo.setCurrentIndex(combo.count() - 1)
    window.form.apply_preset()
    assert window.doc.letter.signer.name == "นายทดสอบ ลงนาม"
    assert window.doc.letter.signer.position == ["รองอธิบดี", "ปฏิบัติราชการแทนอธิบดี"]
