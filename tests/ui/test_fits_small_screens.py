"""A 1366×768 office laptop (issue 12 item 9, layout part): with the review panel open no
field label is hidden and the form does not scroll sideways; every dialog fits 768 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from uihelpers import example_letter

SCREEN_HEIGHT = 768
ROOM = 700  # the screen less a taskbar and the window's title bar


def settle(qtbot: Any) -> None:
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(20)


def hidden_labels(form: Any) -> list[str]:
    """Labels of the form not wholly inside its viewport, or squeezed below their size."""
    viewport = form.viewport()
    body = form.widget()
    hidden = []
    for label in body.findChildren(QLabel):
        if not label.text() or not label.isVisibleTo(body):
            continue
        left = label.mapTo(viewport, label.rect().topLeft()).x()
        right = label.mapTo(viewport, label.rect().bottomRight()).x()
        squeezed = label.width() < label.minimumSizeHint().width()
        if left < 0 or right > viewport.width() or squeezed:
            hidden.append(label.text())
    return hidden


@pytest.mark.parametrize("size", [(1366, 768), (1400, 900)])
def test_form_with_the_review_panel_open_keeps_every_label_and_no_sideways_scroll(
        qtbot: Any, make_window: Any, size: tuple[int, int]) -> None:
    """Before: at 1366 px the form got 436 px for 599 px of fields; it scrolled sideways."""
    letter = example_letter()
    window = make_window(letter=letter)
    window.resize(*size)
    window.review.setVisible(True)
    settle(qtbot)
    assert window.review.isVisible() and window.width() == size[0]
    form = window.form
    assert form.horizontalScrollBar().maximum() == 0, "the form scrolls sideways"
    assert form.widget().width() <= form.viewport().width()
    assert hidden_labels(form) == []
    # the preview yields the room, and stays usable
    assert window.preview.width() >= 300


def test_the_form_cannot_be_dragged_narrower_than_its_fields(
        qtbot: Any, make_window: Any) -> None:
    window = make_window(letter=example_letter())
    window.resize(1366, 768)
    window.review.setVisible(True)
    settle(qtbot)
    window.splitter.setSizes([100, 2000])
    settle(qtbot)
    assert window.form.horizontalScrollBar().maximum() == 0
    assert hidden_labels(window.form) == []


def fits(dialog: QWidget) -> int:
    """The height the dialog opens with: its own size once shown, never above its hint."""
    dialog.show()
    QApplication.processEvents()
    return max(dialog.height(), min(dialog.sizeHint().height(), dialog.height()))


def test_settings_dialog_fits_a_768_px_screen(qtbot: Any) -> None:
    """Before: 870 px tall (780 asked, more for its contents)."""
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.settings.dialog import SettingsDialog

    make_app()
    dialog = SettingsDialog(AppConfig.load())
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    assert dialog.height() <= ROOM
    assert dialog.minimumSizeHint().height() <= ROOM
    assert dialog.sizeHint().height() <= ROOM


def test_merge_register_sign_help_and_identity_dialogs_fit_a_768_px_screen(
        qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    from dla_drafter.paths import guide_path
    from dla_drafter.ui.help_window import HelpWindow
    from dla_drafter.ui.merge.dialog import MergeDialog
    from dla_drafter.ui.register.sign_dialog import SignDialog
    from dla_drafter.ui.register.window import RegisterWindow, ReserveDialog
    from dla_drafter.ui.review.identity_dialog import IdentityDialog

    window = make_window(letter=example_letter())
    dialogs: dict[str, QWidget] = {
        "merge": MergeDialog(window.doc.letter, window.render_settings, window),
        "register": RegisterWindow(window, window.doc, config=lambda: window.config,
                                   open_draft=window.open_path),
        "reserve": ReserveDialog("มท 0816.3", False, window),
        "sign": SignDialog(window, window.doc, config=lambda: window.config,
                           render_settings=lambda: window.render_settings,
                           keyring=lambda: window.keyring,
                           blocking_problems=lambda: [], focus_field=lambda _f: None,
                           status=lambda _t, _ms: None),
        "identity": IdentityDialog(window),
    }
    guide = guide_path()
    if guide is not None:
        dialogs["help"] = HelpWindow(guide)
    too_tall = {}
    for name, dialog in dialogs.items():
        dialog.show()
        settle(qtbot)
        tall = max(dialog.height(), dialog.minimumSizeHint().height())
        if tall > ROOM:
            too_tall[name] = tall
        dialog.hide()
    for dialog in dialogs.values():
        if hasattr(dialog, "preview"):
            dialog.preview.shutdown()
        dialog.deleteLater()
    assert too_tall == {}
