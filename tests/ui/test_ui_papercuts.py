"""Issue 6, items 9–15: the desktop program's papercuts, each driven through real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from uihelpers import ModalAnswer, example_letter

from dla_drafter.ui.i18n import set_language


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


def test_import_names_asks_with_labelled_buttons_and_counts_what_it_imported(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: Any
) -> None:
    csv_path = tmp_path / "names.csv"
    csv_path.write_text("ชื่อ\nผู้ว่าราชการจังหวัดกระบี่\nผู้ว่าราชการจังหวัดตรัง\n"
                        "ผู้ว่าราชการจังหวัดพังงา\n", encoding="utf-8")
    window.doc.set_field("recipients.names", ["ก", "ข", "ค", "ง"], merge=False)
    informed: list[str] = []
    dialogs.replies["information"] = lambda _parent, _title, text, *rest: informed.append(text)
    answer = ModalAnswer("ต่อท้ายรายชื่อเดิม")
    assert window.form.import_names(csv_path) == 3
    assert {"แทนที่รายชื่อเดิม", "ต่อท้ายรายชื่อเดิม", "ยกเลิก"} <= set(answer.texts)
    assert "Yes" not in answer.message and "No" not in answer.message
    assert len(window.doc.letter.recipients.names) == 7
    assert informed[-1].startswith("นำเข้าแล้ว 3 รายชื่อ")
    answer = ModalAnswer("แทนที่รายชื่อเดิม")
    assert window.form.import_names(csv_path) == 3
    assert window.doc.letter.recipients.names == [
        "ผู้ว่าราชการจังหวัดกระบี่", "ผู้ว่าราชการจังหวัดตรัง", "ผู้ว่าราชการจังหวัดพังงา"]
    ModalAnswer("ยกเลิก")
    window.doc.set_field("recipients.names", ["ก"], merge=False)
    assert window.form.import_names(csv_path) == 0
    assert window.doc.letter.recipients.names == ["ก"]
    assert informed[-1].startswith("นำเข้าแล้ว 3 รายชื่อ") and len(informed) == 2
