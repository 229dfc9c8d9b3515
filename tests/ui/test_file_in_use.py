"""Word keeps a DOCX it shows locked: the window says so in Thai and offers to try again.

Windows refuses to replace a file another program holds open (winerror 32, a sharing
violation; or 5, access denied). Here ``os.replace`` raises exactly that for the target, as
it does on Windows (the Windows run of these tests under Wine holds the file open for real in
``tests/test_windows.py``).
"""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from uihelpers import ModalAnswer, example_letter

from dla_drafter.model.draftio import load_draft


def _held_open(monkeypatch: pytest.MonkeyPatch, target: Path, times: int) -> list[Path]:
    """``os.replace`` onto ``target`` fails ``times`` times as Windows fails it."""
    real = os.replace
    refused: list[Path] = []

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == target and len(refused) < times:
            refused.append(Path(dst))
            exc = PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "it is being used by another process")
            exc.winerror = 32  # type: ignore[attr-defined]
            raise exc
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return refused


def _others(folder: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_export_to_a_docx_open_in_word_retries_after_it_is_closed(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.doc.replace(example_letter(), None)
    out = tmp_path / "ส่งออก"
    out.mkdir()
    target = out / "หนังสือ.docx"
    target.write_bytes(b"the version Word shows")
    refused = _held_open(monkeypatch, target, times=1)
    answer = ModalAnswer("ลองใหม่")  # the clerk closes Word, then presses Retry
    assert window.export("docx", target) == [target]
    assert refused == [target]
    assert "ถูกโปรแกรมอื่นเปิดใช้อยู่" in answer.message and "ลองใหม่" in answer.texts
    with zipfile.ZipFile(target) as docx:  # the complete new file, not half of one
        assert "word/document.xml" in docx.namelist()
    assert _others(out, "หนังสือ.docx") == []  # no temporary file left


def test_export_cancelled_while_word_holds_the_file_keeps_it_whole(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.doc.replace(example_letter(), None)
    out = tmp_path / "ส่งออก"
    out.mkdir()
    pdf, docx = out / "หนังสือ.pdf", out / "หนังสือ.docx"
    pdf.write_bytes(b"old pdf")
    docx.write_bytes(b"old docx")
    _held_open(monkeypatch, docx, times=99)
    answer = ModalAnswer("ยกเลิก")
    assert window.export("both", pdf) == []
    assert "ลองใหม่" in answer.texts
    # Both or neither: the PDF written first was put back when the DOCX could not be.
    assert pdf.read_bytes() == b"old pdf" and docx.read_bytes() == b"old docx"
    assert _others(out, "หนังสือ.pdf", "หนังสือ.docx") == []


def test_saving_a_draft_open_elsewhere_offers_retry(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "งาน"
    folder.mkdir()
    path = folder / "หนังสือ.dladraft"
    window.doc.replace(example_letter(), None)
    assert window.save_as(path)
    window.doc.letter.subject = "แก้แล้ว"
    refused = _held_open(monkeypatch, path, times=1)
    answer = ModalAnswer("ลองใหม่")
    assert window.save()
    assert refused == [path]
    assert "ลองใหม่" in answer.texts and "บันทึกเป็นแฟ้มอื่น…" in answer.texts
    assert load_draft(path).subject == "แก้แล้ว"
    assert _others(folder, "หนังสือ.dladraft", "หนังสือ.dladraft.bak") == []
