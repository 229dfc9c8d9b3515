"""The window saves ``.dladraft`` (Windows' own file type for drafts) and opens both names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from uihelpers import example_letter, type_text

from dla_drafter.model.draftio import dumps_draft, load_draft
from dla_drafter.ui.app import offer_recovery
from dla_drafter.ui.recovery import RecoverySession, find_orphans


def test_save_as_offers_and_writes_dladraft(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    type_text(window.form.bindings["subject"].widget, "ขอเชิญประชุม")
    typed = tmp_path / "ประชุม"  # the clerk types a name without an extension
    dialogs.replies["getSaveFileName"] = (str(typed), "")
    assert window.save()
    [(_, args)] = [c for c in dialogs.calls if c[0] == "getSaveFileName"]
    suggested, file_filter = args[2], args[3]
    assert suggested.endswith("ขอเชิญประชุม.dladraft"), suggested
    assert "(*.dladraft)" in file_filter
    saved = tmp_path / "ประชุม.dladraft"
    assert saved.is_file() and not (tmp_path / "ประชุม.dladraft.json").exists()
    assert json.loads(saved.read_text("utf-8"))["format"] == "dla-drafter/letter@1"
    assert load_draft(saved).subject == "ขอเชิญประชุม"
    assert window.doc.path == saved.resolve()


def test_open_dialog_lists_both_extensions(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    folder = tmp_path / "งาน"
    folder.mkdir()
    old = folder / "เดิม.dladraft.json"
    old.write_text(dumps_draft(example_letter()), encoding="utf-8")
    dialogs.replies["getOpenFileName"] = (str(old), "")
    window.open_dialog()
    [(_, args)] = [c for c in dialogs.calls if c[0] == "getOpenFileName"]
    assert "*.dladraft " in args[3] and "*.dladraft.json" in args[3]
    assert window.doc.path == old.resolve()
    # Saving an old draft keeps its name: no second file beside it.
    assert window.save()
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".bak")) == [
        "เดิม.dladraft.json"]


def test_save_as_starts_from_an_old_draft_with_the_new_extension(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    old = tmp_path / "เดิม.dladraft.json"
    old.write_text(dumps_draft(example_letter()), encoding="utf-8")
    assert window.open_path(old, ask=False)
    dialogs.replies["getSaveFileName"] = ("", "")
    assert not window.save_as()
    [(_, args)] = [c for c in dialogs.calls if c[0] == "getSaveFileName"]
    assert Path(args[2]).name == "เดิม.dladraft"


def test_recovery_writes_dladraft_and_still_restores_old_sessions(
    qtbot: Any, make_window: Any, tmp_path: Path, dialogs: Any
) -> None:
    window = make_window()
    folder = window.recovery.folder
    session = RecoverySession(folder)
    session.save(example_letter(), None)
    assert session.draft_path.name.endswith(".dladraft")
    session.lock.unlock()  # as if its program had died
    # A session an earlier version left: <id>.dladraft.json beside its meta file.
    legacy = folder / "20260101-090000-0123abcd.dladraft.json"
    legacy.write_text(dumps_draft(example_letter()), encoding="utf-8")
    (folder / "20260101-090000-0123abcd.meta.json").write_text("{}", encoding="utf-8")
    orphans = find_orphans(folder)
    assert sorted(o.draft_path.name for o in orphans) == sorted(
        [session.draft_path.name, legacy.name])
    dialogs.replies["question"] = QMessageBox.StandardButton.No
    assert offer_recovery(window, orphans) == []
    archived = sorted(p.name for p in (folder / "old").iterdir())
    assert legacy.name in archived and "20260101-090000-0123abcd.meta.json" in archived
    assert session.draft_path.name in archived
