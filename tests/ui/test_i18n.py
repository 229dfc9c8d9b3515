"""The interface language: Thai by default, English as a setting."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox

from dla_drafter.ui.i18n import set_language, tr


def test_english_interface_text() -> None:
    set_language("en")
    try:
        assert tr("หัวหนังสือ") == "Heading"
        assert tr("{n} หน้า", n=3) == "3 pages"
    finally:
        set_language("th")
    assert tr("{n} หน้า", n=3) == "3 หน้า"


def test_english_interface(qtbot: Any, make_window: Any) -> None:
    set_language("en")
    try:
        window = make_window()
        titles = [box.title() for box in window.form.findChildren(QGroupBox)]
        assert "Heading" in titles and "Body" in titles
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        set_language("th")
