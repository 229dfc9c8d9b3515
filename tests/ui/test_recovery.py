"""Nothing typed is lost: a real program is killed after autosaving; the next start restores."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from dla_drafter.ui.app import offer_recovery, restore_into
from dla_drafter.ui.recovery import find_orphans

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow
    from dla_drafter.ui.letter.spell import SpellChecker

    app = make_app()
    window = MainWindow(AppConfig.load(), spell=SpellChecker())
    window.show()
    subject = window.form.bindings["subject"].widget
    subject.setFocus()
    for ch in sys.argv[1]:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(subject, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                      Qt.KeyboardModifier.NoModifier, ch))

    def saved() -> None:
        assert window.autosave(), "nothing autosaved"
        print("AUTOSAVED", window.recovery.draft_path, flush=True)

    QTimer.singleShot(0, saved)
    app.exec()  # runs until the test kills it
    """
)


def test_restore_after_the_program_is_killed(
    qtbot: Any, make_window: Any, tmp_path: Path, dialogs: Any
) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    typed = "ร่างที่ยังไม่ได้บันทึก"
    child = subprocess.Popen(
        [sys.executable, str(script), typed], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2],
    )
    try:
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("AUTOSAVED") or not line:
                break
        assert line.startswith("AUTOSAVED"), child.stderr.read() if child.poll() else line
        draft = Path(line.split(" ", 1)[1].strip())
        assert draft.exists()
        # while the program runs, its autosave is its own: not offered to anyone else
        assert find_orphans(draft.parent) == []
    finally:
        child.kill()  # SIGKILL; on Windows TerminateProcess, as Task Manager's End task
        child.wait(timeout=10)
        child.stdout.close()
        child.stderr.close()

    dialogs.replies["question"] = QMessageBox.StandardButton.Yes
    window = make_window()
    orphans = offer_recovery(window, find_orphans(window.recovery.folder))
    assert len(orphans) == 1
    assert typed in orphans[0].label
    assert restore_into(window, orphans[0])
    assert window.doc.letter.subject == typed
    assert window.form.bindings["subject"].widget.text() == typed
    assert window.isWindowModified()
    assert not draft.exists()  # claimed: the window's own autosave holds it now
    assert window.recovery.draft_path.exists()
    assert find_orphans(window.recovery.folder) == []


def test_declined_recovery_is_archived_not_deleted(
    qtbot: Any, make_window: Any, dialogs: Any
) -> None:
    from dla_drafter.ui.recovery import RecoverySession

    window = make_window()
    session = RecoverySession(window.recovery.folder)
    from uihelpers import example_letter

    session.save(example_letter(), None)
    session.lock.unlock()  # as if its program had died
    dialogs.replies["question"] = QMessageBox.StandardButton.No
    assert offer_recovery(window, find_orphans(window.recovery.folder)) == []
    archived = list((window.recovery.folder / "old").glob("*.dladraft"))
    assert len(archived) == 1


def test_autosave_on_timer_and_clean_state(qtbot: Any, window: Any) -> None:
    from uihelpers import type_text

    assert not window.autosave()  # nothing to protect yet
    type_text(window.form.bindings["subject"].widget, "ก")
    window.autosave_timer.timeout.emit()
    assert window.recovery.draft_path.exists()
    assert not window.autosave()  # unchanged since the last copy
    window.act_undo.trigger()
    assert not window.isWindowModified()
    window.autosave()
    assert not window.recovery.draft_path.exists()  # back to the saved state: nothing to keep
