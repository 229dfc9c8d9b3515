"""The desktop program's export refuses to write over a signed PDF and says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dla_drafter import signing

MEMO = Path(__file__).resolve().parents[2] / "examples" / "memo-2569.dladraft.json"


def test_export_over_a_signed_pdf_is_refused_with_a_message(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, exported, signer_key
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dla_drafter.model.draftio import load_draft_with_warnings
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(tmp_path / "data"))
    shown: list[tuple[str, str]] = []

    def warning(_parent, title, text, *_args, **_kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)  # the dialog only; export is real
    target = tmp_path / "signed.pdf"
    target.write_bytes(signing.sign_pdf(exported.data, signer_key, None))
    before = target.read_bytes()

    make_app()
    letter, _ = load_draft_with_warnings(MEMO)
    window = MainWindow(letter=letter)
    qtbot.addWidget(window)
    try:
        assert window.export("pdf", target) == []
    finally:
        window.doc.undo_stack.setClean()
    assert target.read_bytes() == before
    (title, text), = shown
    assert "ลงนามแล้ว" in text and str(target) in text
    unsigned = window.export("pdf", tmp_path / "fresh.pdf")
    assert unsigned == [tmp_path / "fresh.pdf"]
