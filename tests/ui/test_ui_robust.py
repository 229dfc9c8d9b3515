"""The window with files that must not be lost or misread (issue 6, items 13 and 17)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from PySide6.QtWidgets import QMessageBox
from uihelpers import ModalAnswer, example_letter, type_text

from dla_drafter.model.draftio import save_draft


def test_saving_over_a_read_only_draft_is_refused_with_a_message(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    path = tmp_path / "signed.dladraft.json"
    save_draft(example_letter(), path)
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        assert window.open_path(path, ask=False)
        type_text(window.form.bindings["subject"].widget, " แก้ไข")
        answer = ModalAnswer("ยกเลิก")  # no Save As
        assert not window.save()
    finally:
        path.chmod(0o644)
    assert "อ่านอย่างเดียว" in answer.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".signed")) == []
    assert window.isWindowModified()  # the edit is still in the window, not lost


def test_opening_a_word_file_says_it_is_a_word_file(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("เรื่อง ทดสอบ")
    document.save(str(path))
    dialogs.replies["warning"] = QMessageBox.StandardButton.Ok
    assert not window.open_path(path, ask=False)
    [(_, args)] = [c for c in dialogs.calls if c[0] == "warning"]
    assert "เอกสาร Word (.docx)" in args[2] and ".dladraft.json" in args[2]
    assert "TIS-620" not in args[2]
