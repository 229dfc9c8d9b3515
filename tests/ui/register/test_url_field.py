"""The register's place in the settings: the URL box, its warning about shared SQLite files."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_settings_register_url_warns_about_a_shared_sqlite_file(
        qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    from dla_drafter.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(window.config, window)
    qtbot.addWidget(dialog)
    field = dialog.register_url
    assert "PostgreSQL" in field.hint.text() and "โฟลเดอร์เครือข่าย" in field.hint.text()
    assert field.warning.isHidden()
    field.edit.setText("sqlite:///\\\\fileserver\\สารบรรณ\\register.sqlite3")  # a share
    assert not field.warning.isHidden()
    assert "โฟลเดอร์เครือข่าย" in field.warning.text() and "PostgreSQL" in field.warning.text()
    field.edit.setText("mysql://x")
    dialogs.replies["warning"] = 0
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "sqlite:///" in dialogs.calls[-1][1][2]
    local = "sqlite:///" + (tmp_path / "ทะเบียน.sqlite3").as_posix()
    field.edit.setText(local)
    assert field.warning.isHidden()
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    window.apply_config(dialog.config)
    assert window.config.register_url == local
    from dla_drafter.app_settings import AppConfig

    assert AppConfig.load().register_url == local
