"""The agency profile's e-CMS identity is set in Settings, not by editing a JSON file
(issue 16 item 4: "the agency profile holds the ministry and department codes")."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from dla_drafter.app_settings import AppConfig
from dla_drafter.exchange.outbound import sender_party


def _dialog(qtbot: Any):
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.settings.dialog import SettingsDialog

    make_app()
    dialog = SettingsDialog(AppConfig.load())
    qtbot.addWidget(dialog)
    return dialog


def test_ecms_codes_and_sender_are_saved_with_the_profile(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.f_ecms_ministry.setText("๑๕")  # Thai digits as a clerk types them
    dialog.f_ecms_department.setText(" 0816 ")
    dialog.f_ecms_job.setText("นักจัดการงานทั่วไป")
    dialog.accept()
    dialog.config.save()
    profile = AppConfig.load().profile()
    assert (profile.ecms.ministry_code, profile.ecms.department_code) == ("15", "0816")
    assert profile.ecms.job_title == "นักจัดการงานทั่วไป"
    party = sender_party(profile)
    assert (party.ministry_code, party.department_code) == ("15", "0816")
    again = _dialog(qtbot)  # shown again as saved
    assert again.f_ecms_ministry.text() == "15" and again.f_ecms_department.text() == "0816"


def test_a_code_that_is_not_digits_is_refused_naming_the_field(qtbot: Any, monkeypatch) -> None:
    dialog = _dialog(qtbot)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    dialog.f_ecms_department.setText("กรม0816")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert told and told[0].startswith("รหัสกรม (e-CMS): ต้องเป็นตัวเลข")
    assert AppConfig.load().profile().ecms.department_code == ""  # nothing saved
