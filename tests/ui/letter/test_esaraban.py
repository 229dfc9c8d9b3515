"""The signer group's e-saraban check box: it sets signer.e_saraban, shows the orange note,
is undone by Ctrl+Z, feeds the problems panel and the preview, and greys for a stamped
letter (which has no signer)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from uihelpers import example_letter, wait_preview

from dla_drafter.typeset.profile import DEFAULT_PROFILE as P


def name_gap(pages: Any) -> float:
    """Distance from the คำลงท้าย's baseline to the name line's, in cm."""
    lines = {line.source: line for line in pages.lines() if line.source}
    return lines[("signer.name", None)].y - lines[("complimentary_close", None)].y


def test_the_check_box_sets_the_field_shows_the_note_and_ctrl_z_undoes_it(
        qtbot: Any, window: Any) -> None:
    window.doc.replace(example_letter(), None)
    box = window.form.bindings["signer.e_saraban"].widget
    note = window.form.findChild(type(window.form.names_count), "eSarabanNote")
    window.form.ensureWidgetVisible(box)
    assert not box.isChecked() and note.isHidden()
    gap = P.line_pitch * (1 + P.signature_blank_lines)
    assert name_gap(wait_preview(qtbot, window, 30000)) == pytest.approx(gap)

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert window.doc.letter.signer.e_saraban is True
    assert not note.isHidden() and note.text() == "ใช้ได้เฉพาะส่งทางระบบสารบรรณอิเล็กทรอนิกส์"
    assert "#c55a00" in note.styleSheet()  # orange
    assert window.isWindowModified()
    window.problems.run_now()
    assert "e-saraban-only" in [p.code for p in window.problems.problems
                                if p.field == "signer.e_saraban"]
    assert name_gap(wait_preview(qtbot, window, 30000)) == pytest.approx(P.line_pitch)

    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.letter.signer.e_saraban is False
    assert not box.isChecked() and note.isHidden()
    window.problems.run_now()
    assert not [p for p in window.problems.problems if p.field == "signer.e_saraban"]
    window.act_redo.trigger()
    assert window.doc.letter.signer.e_saraban is True
    assert box.isChecked() and not note.isHidden()


def test_a_stamped_letter_greys_the_option(qtbot: Any, window: Any) -> None:
    letter = example_letter()
    letter.kind = "stamped"
    window.doc.replace(letter, None)
    box = window.form.bindings["signer.e_saraban"].widget
    assert not box.isEnabled()
    letter = example_letter()
    window.doc.replace(letter, None)
    assert box.isEnabled()
