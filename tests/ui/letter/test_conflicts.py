"""The window saving a draft another PC saved meanwhile: their comments and the clerk's edits
both kept, and a field both changed asked about, showing both texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QPlainTextEdit
from uihelpers import example_letter, type_text

from dla_drafter.model.concurrent import BOTH_SEPARATOR, Conflict
from dla_drafter.model.draftio import load_draft, save_draft
from dla_drafter.review import actions
from dla_drafter.review.record import read_record
from dla_drafter.ui.letter.conflicts import ConflictDialog


class AnswerConflicts:
    """Answer the next conflict dialog: remember the texts it showed, choose, press Save (or
    Cancel when ``choice`` is None)."""

    def __init__(self, choice: str | None) -> None:
        self.choice = choice
        self.shown: list[tuple[str, str, str]] = []
        self.enabled: dict[str, bool] = {}
        self.intro = ""
        self._poll()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, self._poll)
            return
        self.intro = dialog.findChild(QLabel, "conflictIntro").text()
        for index, conflict in enumerate(dialog.conflicts):
            mine = dialog.findChild(QPlainTextEdit, f"mine_{index}").toPlainText()
            theirs = dialog.findChild(QPlainTextEdit, f"theirs_{index}").toPlainText()
            self.shown.append((conflict.path, mine, theirs))
            self.enabled[conflict.path] = dialog.buttons[conflict.path]["both"].isEnabled()
        if self.choice is None:
            dialog.reject()
            return
        for conflict in dialog.conflicts:
            dialog.choose(conflict.path, self.choice)  # type: ignore[arg-type]
        dialog.accept()


@pytest.fixture
def shared_draft(tmp_path: Path) -> Path:
    path = tmp_path / "shared" / "circular.dladraft.json"
    path.parent.mkdir()
    letter = example_letter()
    actions.add_comment(letter, "subject", "โครงการ", "ความเห็นเดิม", author="หัวหน้า")
    save_draft(letter, path)
    return path


def other_pc_saves(path: Path, subject: str | None = None) -> None:
    """Another PC opens the draft, comments (and perhaps edits the subject), saves."""
    other = load_draft(path)
    actions.add_comment(other, "body[0]", "ตามที่", "ความเห็นจากอีกเครื่อง", author="ผู้ตรวจ")
    if subject is not None:
        other.subject = subject
    save_draft(other, path)


def comments(letter: Any) -> list[str]:
    return [c.text for c in read_record(letter.extra["review"]).comments]


def test_the_dialog_shows_both_texts_and_offers_both_only_where_it_can(qtbot: Any) -> None:
    conflicts = [Conflict(("subject",), "เดิม", "ของฉัน", "ของเขา"),
                 Conflict(("body",), ["ก"], ["ก", "ข"], ["ก", "ค"]),
                 Conflict(("date", "month"), 1, 3, 4)]
    dialog = ConflictDialog(conflicts)
    qtbot.addWidget(dialog)
    texts = [(dialog.findChild(QPlainTextEdit, f"mine_{i}").toPlainText(),
              dialog.findChild(QPlainTextEdit, f"theirs_{i}").toPlainText()) for i in range(3)]
    assert texts == [("ของฉัน", "ของเขา"), ("ก\nข", "ก\nค"), ("3", "4")]
    titles = [box.title() for box in dialog.findChildren(QGroupBox)]
    assert titles == ["เรื่อง", "ข้อความ", "เดือน"]  # Thai names, never the program's paths
    # nothing lost by default: both kept where a field can hold both, else yours
    assert dialog.choices() == {"subject": "both", "body": "both", "date.month": "mine"}
    assert not dialog.buttons["date.month"]["both"].isEnabled()
    dialog.choose("subject", "theirs")
    assert dialog.choices()["subject"] == "theirs"


def test_saving_over_another_pcs_save_keeps_their_comments_and_my_edits(
        qtbot: Any, window: Any, shared_draft: Path, dialogs: Any) -> None:
    assert window.open_path(shared_draft)
    other_pc_saves(shared_draft)  # while the clerk works
    type_text(window.form.bindings["contact.phone"].widget, "0 2241 9000")
    assert window.save()  # no question: nobody else touched the phone
    saved = load_draft(shared_draft)
    assert saved.contact.phone == "0 2241 9000"
    assert comments(saved) == ["ความเห็นเดิม", "ความเห็นจากอีกเครื่อง"]
    # the window shows what was saved, the other PC's comment included, and is not modified
    assert window.doc.letter == saved
    assert not window.isWindowModified()
    assert "เครื่องอื่น" in window.statusBar().currentMessage()
    assert not [name for name in dialogs.names() if name != "question"]
    # the next save starts from what was written
    type_text(window.form.bindings["contact.phone"].widget, " ต่อ 5312")
    assert window.save()
    assert load_draft(shared_draft).contact.phone == "0 2241 9000 ต่อ 5312"


@pytest.mark.parametrize("choice", ["mine", "theirs", "both"])
def test_a_field_both_changed_asks_showing_both_and_nothing_else_is_lost(
        qtbot: Any, window: Any, shared_draft: Path, choice: str) -> None:
    assert window.open_path(shared_draft)
    original = window.doc.letter.subject
    other_pc_saves(shared_draft, subject="เรื่องที่อีกเครื่องแก้")
    type_text(window.form.bindings["subject"].widget, " (แก้)")
    type_text(window.form.bindings["contact.phone"].widget, "0 2241 9000")
    answer = AnswerConflicts(choice)
    assert window.save()
    mine = original + " (แก้)"
    assert answer.shown == [("subject", mine, "เรื่องที่อีกเครื่องแก้")]
    assert answer.enabled == {"subject": True}
    assert "เครื่องอื่น" in answer.intro
    expected = {"mine": mine, "theirs": "เรื่องที่อีกเครื่องแก้",
                "both": f"{mine}{BOTH_SEPARATOR}เรื่องที่อีกเครื่องแก้"}[choice]
    saved = load_draft(shared_draft)
    assert saved.subject == expected
    assert saved.contact.phone == "0 2241 9000"
    assert comments(saved) == ["ความเห็นเดิม", "ความเห็นจากอีกเครื่อง"]
    assert window.form.bindings["subject"].widget.text() == expected
    assert window.doc.letter == saved and not window.isWindowModified()
    # the text not chosen is in the backup
    backup = load_draft(shared_draft.with_name(shared_draft.name + ".bak"))
    assert backup.subject == "เรื่องที่อีกเครื่องแก้"


def test_cancelling_the_question_saves_nothing_and_keeps_the_edits(
        qtbot: Any, window: Any, shared_draft: Path) -> None:
    assert window.open_path(shared_draft)
    other_pc_saves(shared_draft, subject="เรื่องที่อีกเครื่องแก้")
    theirs = shared_draft.read_bytes()
    type_text(window.form.bindings["subject"].widget, " (แก้)")
    answer = AnswerConflicts(None)  # kept: the timer does not keep a bound method alive
    assert not window.save()
    assert [path for path, _mine, _theirs in answer.shown] == ["subject"]
    assert shared_draft.read_bytes() == theirs
    assert window.isWindowModified()
    assert window.doc.letter.subject.endswith(" (แก้)")
    assert "ยังไม่ได้บันทึก" in window.statusBar().currentMessage()


def test_undo_after_a_merging_save_goes_back_to_the_clerks_own_version(
        qtbot: Any, window: Any, shared_draft: Path) -> None:
    assert window.open_path(shared_draft)
    other_pc_saves(shared_draft)
    type_text(window.form.bindings["contact.phone"].widget, "1")
    assert window.save()
    assert len(comments(window.doc.letter)) == 2
    window.act_undo.trigger()  # the merge is one undo step
    assert len(comments(window.doc.letter)) == 1
    assert window.doc.letter.contact.phone == "1"


def test_a_file_another_program_broke_is_not_saved_over_and_my_version_is_kept_beside_it(
        qtbot: Any, window: Any, shared_draft: Path, dialogs: Any) -> None:
    """Something else wrote a file that no longer opens as a draft: the window does not
    merge into it or overwrite it; it says so and writes the clerk's version beside it."""
    assert window.open_path(shared_draft)
    broken = b'{"format": "dla-drafter/letter@1", "subject": '
    shared_draft.write_bytes(broken)
    type_text(window.form.bindings["contact.phone"].widget, "0 2241 9000")
    dialogs.replies["warning"] = None
    assert not window.save()
    assert shared_draft.read_bytes() == broken
    assert window.isWindowModified()
    (_parent, title, text, *_rest), = [args for name, args in dialogs.calls if name == "warning"]
    copies = sorted(shared_draft.parent.glob("circular.conflict-*.dladraft.json"))
    assert len(copies) == 1 and str(copies[0]) in text
    assert "เปิดเป็นร่างหนังสือไม่ได้" in text
    assert load_draft(copies[0]).contact.phone == "0 2241 9000"


def test_a_draft_restored_after_a_crash_still_merges_what_another_pc_saved(
        qtbot: Any, make_window: Any, shared_draft: Path) -> None:
    """The program died with unsaved edits; meanwhile another PC saved a comment and a new
    subject. Restored and saved, the draft has the clerk's edit and the other PC's work:
    the autosave copy remembers what the file was when it was opened."""
    from dla_drafter.ui.app import restore_into
    from dla_drafter.ui.recovery import find_orphans

    lost = make_window()
    assert lost.open_path(shared_draft)
    type_text(lost.form.bindings["contact.phone"].widget, "0 2241 9000")
    assert lost.autosave()
    lost.recovery.lock.unlock()  # as if its program had been killed
    other_pc_saves(shared_draft, subject="เรื่องที่อีกเครื่องแก้")

    window = make_window()
    (orphan,) = [o for o in find_orphans(window.recovery.folder)
                 if o.draft_path == lost.recovery.draft_path]
    assert restore_into(window, orphan)
    assert window.save()
    saved = load_draft(shared_draft)
    assert saved.contact.phone == "0 2241 9000"
    assert saved.subject == "เรื่องที่อีกเครื่องแก้"
    assert comments(saved) == ["ความเห็นเดิม", "ความเห็นจากอีกเครื่อง"]
