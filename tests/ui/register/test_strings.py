"""The register window and its messages in English."""

from __future__ import annotations

from typing import Any

from .helpers import issue


def test_register_window_and_messages_in_english(qtbot: Any, drafted: Any, dialogs: Any) -> None:
    from dla_drafter.ui.i18n import set_language
    from dla_drafter.ui.register.window import RegisterWindow

    set_language("en")
    try:
        register = RegisterWindow(drafted, drafted.doc, config=lambda: drafted.config,
                                  open_draft=drafted.open_path)
        qtbot.addWidget(register)
        assert register.windowTitle() == "Outgoing register"
        assert register.b_open.text() == "Open draft"
        drafted.doc.set_field("number.code", "")
        dialogs.replies["warning"] = 0
        issue(qtbot, drafted)
        (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
        assert args[1] == "Cannot issue a number" and "cannot issue a number" in args[2]
    finally:
        set_language("th")


def test_register_and_signing_messages_name_fields_in_thai() -> None:
    from dla_drafter.problems import DrafterError
    from dla_drafter.ui.register.issue_number import error_text

    error = DrafterError.of("bad", "ต้องกรอก", "required", field="number.code")
    assert error_text(error) == "รหัสตัวพยัญชนะและเลขประจำส่วนราชการ (ที่): ต้องกรอก"
