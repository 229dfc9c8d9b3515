"""The program's entry point, printing through QPrinter, and the English interface."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGroupBox
from uihelpers import example_letter

from dla_drafter.model.draftio import save_draft
from dla_drafter.ui.i18n import set_language


def _close_windows_later(seen: list[Any]) -> None:
    from dla_drafter.ui.main_window import MainWindow

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append((widget.doc.path, widget.doc.letter.subject,
                             widget.isWindowModified()))
                widget.doc.undo_stack.setClean()
                widget.close()
                widget.deleteLater()

    QTimer.singleShot(400, close)


def test_main_opens_the_draft_given(qtbot: Any, tmp_path: Path) -> None:
    from dla_drafter.ui.app import main

    path = tmp_path / "letter.dladraft.json"
    save_draft(example_letter(), path)
    seen: list[Any] = []
    _close_windows_later(seen)
    assert main([str(path)]) == 0
    assert seen == [(path.resolve(), example_letter().subject, False)]


def test_main_without_argument_starts_from_the_profile(qtbot: Any) -> None:
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import main

    seen: list[Any] = []
    _close_windows_later(seen)
    assert main([]) == 0
    assert len(seen) == 1 and seen[0][0] is None and seen[0][2] is False
    profile = AppConfig.load().profile()
    assert profile.profile_name


def test_print_to_a_pdf_printer_at_true_scale(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window.doc.replace(example_letter(), None)
    printer = window._printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    window._paint_to(printer)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # A4 in points: 595 × 842
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox [ 0 0 595" in data


def test_english_interface(qtbot: Any, make_window: Any) -> None:
    set_language("en")
    try:
        window = make_window()
        titles = [box.title() for box in window.form.findChildren(QGroupBox)]
        assert "Heading" in titles and "Body" in titles
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        set_language("th")


def test_smoke_test_option_quits_after_the_first_preview(
        qtbot: Any, tmp_path: Path, capsys: Any) -> None:
    """``--smoke-test`` (used to check the installed build) opens the draft, waits for its
    typeset preview, prints "ok" and returns 0 with no one closing the window."""
    from dla_drafter.cli import main

    path = tmp_path / "letter.dladraft.json"
    save_draft(example_letter(), path)
    assert main(["--smoke-test", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == ["ok"]
    from dla_drafter.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert any(w.doc.path == path.resolve() and w.preview.pages for w in windows)
    for window in windows:
        window.doc.undo_stack.setClean()
        window.close()
        window.deleteLater()
