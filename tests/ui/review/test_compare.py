"""The version picker: any two versions compared, "since I last looked" for the clerk (the
version they last sent), merges and moves shown as such."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from uihelpers import example_letter

from dla_drafter.review.identity import save_identity

from .reviewhelpers import CLERK


def pick(box: Any, n: int) -> None:
    """Choose version ``n`` (0: the letter now) in a picker box as a click would."""
    index = box.findData(n)
    assert index >= 0, n
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_any_two_versions_and_since_i_last_sent(window: Any, qtbot: Any) -> None:
    save_identity(CLERK)
    panel = window.review
    panel.show()
    letter = example_letter()
    window.doc.replace(letter, None)
    first, second = letter.body
    assert panel.send()                                         # version 1
    editor = window.form.lists["body"].editors[1]                # paragraphs merged:
    editor.set_cursor(0)                                        # Backspace at the start
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)                # of the second
    assert window.doc.letter.body == [first + second]
    assert panel.send()                                         # version 2
    window.doc.set_field("subject", letter.subject + " (แก้ไข)")  # not sent yet

    # the clerk's default: since the version they last sent (2): only the subject
    panel.compare(None)
    changes = panel.changes
    assert changes.from_n == 2 and changes.to_current
    assert [c.field for c in panel.diff.fields] == ["subject"]
    assert "ส่งตรวจ" in changes.since_label.text() or "ฉบับที่" in changes.since_label.text()
    assert not changes.since_button.isEnabled()  # already showing it

    # version 1 → version 2: the merge shows as a merge, the subject edit is not in it
    pick(changes.from_box, 1)
    pick(changes.to_box, 2)
    assert (changes.from_n, changes.to_n) == (1, 2)
    kinds = [c.kind for c in panel.diff.fields]
    assert "merged" in kinds and all(c.field != "subject" for c in panel.diff.fields)
    shown = panel.diff_view.toPlainText()
    assert "รวมย่อหน้า" in shown and "¶" in shown
    assert changes.since_button.isEnabled()
    assert not panel.next_button.isEnabled()  # the form shows only the letter as it is now

    # back to "since I last looked"
    changes.since_button.click()
    assert changes.from_n == 2 and changes.to_current
    assert [c.field for c in panel.diff.fields] == ["subject"]
    assert panel.next_button.isEnabled()


def test_moved_words_show_as_moved(window: Any, qtbot: Any) -> None:
    save_identity(CLERK)
    panel = window.review
    panel.show()
    letter = example_letter()
    letter.body = ["ข้อความหนึ่งที่ยาวพอจะนับว่าเป็นประโยคที่ย้ายได้ทั้งประโยคแน่นอน",
                   "ย่อหน้าที่สองไม่เปลี่ยนแปลงอะไรเลยแม้แต่คำเดียว",
                   "ย่อหน้าที่สาม"]
    window.doc.replace(letter, None)
    assert panel.send()
    window.doc.set_field("body", [letter.body[1], letter.body[2], letter.body[0]])
    diff = panel.compare(None)
    assert diff is not None
    ops = {op for change in diff.fields for op, _piece in change.pieces}
    kinds = {change.kind for change in diff.fields}
    assert "moved" in kinds or {"moved_out", "moved_in"} & ops, (kinds, ops)
    shown = panel.diff_view.toPlainText()
    assert "ย้าย" in shown
