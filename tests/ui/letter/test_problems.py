"""The problems panel: it follows the letter, names fields by their labels, jumps to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from uihelpers import example_letter, type_text, wait_preview

from dla_drafter.ui.i18n import set_language


def test_problems_panel_reacts_and_jumps_to_field(qtbot: Any, window: Any) -> None:
    window.doc.replace(example_letter(), None)
    window.problems.run_now()
    assert not window.problems.errors()
    qr = window.form.bindings["qr.url"].widget
    type_text(qr, "not a url")
    window.problems.run_now()
    fields = [p.field for p in window.problems.problems]
    assert "qr.url" in fields
    window.form.bindings["subject"].widget.setFocus()
    row = fields.index("qr.url")
    item = window.problems.list.item(row)
    window.problems.list.itemClicked.emit(item)
    assert qr.hasFocus()
    # an empty subject is an error: export is refused and the cursor goes to the subject
    subject = window.form.bindings["subject"].widget
    subject.selectAll()
    qtbot.keyClick(subject, Qt.Key.Key_Delete)
    assert window.doc.letter.subject == ""
    window.problems.run_now()
    assert any(p.field == "subject" for p in window.problems.errors())


def test_characters_the_font_cannot_draw_show_in_the_problems_panel(
    qtbot: Any, window: Any
) -> None:
    letter = example_letter()
    letter.subject = "ประชุม 😀"
    window.doc.replace(letter, None)
    wait_preview(qtbot, window)
    qtbot.waitUntil(lambda: any(p.code == "missing-glyph" for p in window.problems.problems),
                    timeout=5000)
    problem = next(p for p in window.problems.problems if p.code == "missing-glyph")
    assert problem.field == "subject" and "U+1F600" in problem.message("th")
    assert problem.severity == "warning"


def _problem_rows(window: Any) -> list[tuple[str, str]]:
    """(text, field) of every row of the problems panel."""
    rows = []
    for row in range(window.problems.list.count()):
        item = window.problems.list.item(row)
        rows.append((item.text(), item.data(Qt.ItemDataRole.UserRole)))
    return rows


def test_problems_panel_names_fields_by_their_labels(qtbot: Any, window: Any) -> None:
    letter = example_letter()
    letter.subject = ""
    letter.number.circular = True
    letter.number.code = ""
    window.doc.replace(letter, None)
    window.problems.run_now()
    rows = _problem_rows(window)
    assert rows
    for text, field in rows:
        assert f"({field})" not in text, text  # no internal names in the clerk's list
    subject = next(text for text, field in rows if field == "subject")
    assert subject.startswith("เรื่อง: ")
    # clicking a row still puts the cursor in its field
    window.form.bindings["agency.name"].widget.setFocus()
    row = [field for _, field in rows].index("subject")
    window.problems.list.itemClicked.emit(window.problems.list.item(row))
    assert window.form.bindings["subject"].widget.hasFocus()


def test_problems_panel_in_english_uses_english_labels(qtbot: Any, make_window: Any) -> None:
    set_language("en")
    try:
        window = make_window()
        letter = example_letter()
        letter.subject = ""
        window.doc.replace(letter, None)
        window.problems.run_now()
        subject = next(text for text, field in _problem_rows(window) if field == "subject")
        assert subject.startswith("Subject: ") and "(subject)" not in subject
    finally:
        set_language("th")
