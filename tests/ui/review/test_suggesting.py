"""Suggestion mode (track changes) in the window, with two people on two "PCs".

The supervisor switches to แนะนำการแก้ไข and edits the form: the letter keeps its text and the
draft file gets suggestions with the supervisor's name. The clerk opens the file, sees them in
the list, accepts one and rejects the other; every decision is one undo step that restores
the letter and the review record exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from uihelpers import example_letter, type_text, wait_preview

from dla_drafter.model.draftio import letter_to_dict
from dla_drafter.review import suggestions as sg
from dla_drafter.review.identity import Identity, save_identity

SUPERVISOR = Identity("นางสมศรี ตรวจละเอียด", "ผู้อำนวยการกองส่งเสริมการศึกษา", "ผอ.กศ.")
CLERK = Identity("นายสมชาย ร่างดี", "นักวิชาการศึกษา", "นวก.")
ADDED = " ทั้งนี้ภายในเดือนนี้"
DROPPED = "อย่างต่อเนื่อง"


def become(monkeypatch: pytest.MonkeyPatch, root: Path, who: str) -> None:
    """Act as another user: their own config and data folders."""
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(root / who / "config"))
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(root / who / "data"))


def setup_users(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    become(monkeypatch, root, "supervisor")
    save_identity(SUPERVISOR)
    become(monkeypatch, root, "clerk")
    save_identity(CLERK)


def body_editor(window: Any, row: int) -> Any:
    return window.form.lists["body"].editors[row]


def subject_box(window: Any) -> Any:
    return window.form.bindings["subject"].widget


def delete_in_line(qtbot: Any, edit: Any, text: str) -> None:
    """Select ``text`` in a one-line box and press Backspace, as a person would."""
    edit.window().activateWindow()
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    start = edit.text().index(text)
    edit.setSelection(start, len(text))
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def type_at_end(editor: Any, text: str) -> None:
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, text)


def snapshot(window: Any) -> dict[str, Any]:
    return json.loads(json.dumps(letter_to_dict(window.doc.letter)))


def press_undo(qtbot: Any, window: Any) -> None:
    """Ctrl+Z in a paragraph box: the window's history answers it, not the box's (two
    windows are open: the keys go to the active one)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(body_editor(window, 0), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def coloured_pixels(window: Any, pages: Any, colour: str, margin: bool = True) -> int:
    """Pixels of ``colour`` the preview's overlay paints over blank pages: in the right
    margin (the bars), or with ``margin=False`` left of it (struck words)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    canvas = window.preview.canvas
    want = QColor(colour)

    def near(pixel: int) -> bool:  # a thin stroke is blended with the page's white
        got = QColor(pixel)
        hue_kept = abs(got.hsvHue() - want.hsvHue()) < 25 if got.hsvHue() >= 0 else False
        return hue_kept and got.hsvSaturation() > 60

    count = 0
    for page, rect in zip(canvas.page_list(), canvas.page_rects(), strict=True):
        image = QImage(int(rect.width()) + 1, int(rect.height()) + 1,
                       QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        window.preview.canvas.overlay.paint(
            painter, page, QRectF(0, 0, rect.width(), rect.height()), canvas.px_per_cm,
            pages, canvas.settings)
        painter.end()
        columns = (range(image.width() - 60, image.width()) if margin
                   else range(0, image.width() - 60))
        count += sum(1 for x in columns for y in range(image.height())
                     if image.pixel(x, y) != 0xFFFFFFFF and near(image.pixel(x, y)))
    return count


def row_of(window: Any, field: str) -> Any:
    letter = window.doc.letter
    wanted = next(s.id for s in sg.open_suggestions(letter) if s.field == field)
    row = window.suggesting.dock.row_of(wanted)
    assert row is not None
    return row


def supervisor_suggests(qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch,
                        tmp_path: Path) -> tuple[Path, Any, dict[str, Any]]:
    """The clerk saves a draft; the supervisor suggests two edits and saves it."""
    setup_users(monkeypatch, tmp_path)
    draft = tmp_path / "shared" / "circular.dladraft.json"
    draft.parent.mkdir()
    clerk = make_window(letter=example_letter())
    assert clerk.save_as(draft)
    original = snapshot(clerk)

    become(monkeypatch, tmp_path, "supervisor")
    boss = make_window()
    assert boss.open_path(draft, ask=False)
    boss.activateWindow()
    boss.suggesting.act_suggesting.trigger()
    assert boss.suggesting.on
    editor = body_editor(boss, 0)
    type_at_end(editor, ADDED)
    delete_in_line(qtbot, subject_box(boss), DROPPED)
    # the letter itself did not change; the boxes hold what the supervisor typed
    assert snapshot(boss)["body"] == original["body"]
    assert snapshot(boss)["subject"] == original["subject"]
    assert editor.toPlainText() == original["body"][0] + ADDED
    assert DROPPED not in subject_box(boss).text()
    assert boss.doc.is_modified()
    assert boss.save()
    return draft, clerk, original


def test_supervisor_suggests_and_clerk_decides(qtbot: Any, make_window: Any,
                                               monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    draft, clerk, original = supervisor_suggests(qtbot, make_window, monkeypatch, tmp_path)

    # the saved file has exactly the two suggestions, open, under the supervisor's name
    saved = json.loads(draft.read_text(encoding="utf-8"))
    entries = saved["review"]["suggestions"]
    assert sorted((e["field"], e["old"].strip(), e["new"].strip(), e["author"], e["state"])
                  for e in entries) == [
        ("body[0]", "", ADDED.strip(), SUPERVISOR.name, "open"),
        ("subject", DROPPED, "", SUPERVISOR.name, "open"),
    ]
    assert saved["body"] == original["body"] and saved["subject"] == original["subject"]

    # the clerk opens it: two rows in the list, marks in the boxes
    become(monkeypatch, tmp_path, "clerk")
    assert clerk.open_path(draft)
    clerk.activateWindow()
    dock = clerk.suggesting.dock
    assert dock.isVisible()
    assert dock.items.count() == 2
    texts = [row.label.text() for row in dock.rows]
    assert any("เรื่อง" in t and DROPPED in t and SUPERVISOR.name in t for t in texts)
    assert body_editor(clerk, 0).toPlainText() == original["body"][0]
    from dla_drafter.ui.review.suggesting import LINE_FORMATS

    subject_text = subject_box(clerk).text()
    formats = LINE_FORMATS[subject_box(clerk)]
    assert any(kind == "deleted" and subject_text[a:b] == DROPPED for a, b, kind in formats)

    before_accept = snapshot(clerk)
    qtbot.mouseClick(row_of(clerk, "body[0]").accept_button, Qt.MouseButton.LeftButton)
    after_accept = snapshot(clerk)
    assert after_accept["body"][0] == original["body"][0] + ADDED
    qtbot.mouseClick(row_of(clerk, "subject").reject_button, Qt.MouseButton.LeftButton)
    decided = snapshot(clerk)
    # exactly the accepted edit: the subject keeps its words, nothing else moved
    assert decided["subject"] == original["subject"]
    assert {k: v for k, v in decided.items() if k not in ("body", "review")} == {
        k: v for k, v in original.items() if k not in ("body", "review")}
    assert decided["body"] == [original["body"][0] + ADDED, original["body"][1]]
    states = {s.field: (s.state, s.decided_by) for s in sg.suggestions_of(clerk.doc.letter)}
    assert states == {"body[0]": ("accepted", CLERK.name), "subject": ("rejected", CLERK.name)}
    assert dock.items.count() == 0
    assert clerk.doc.is_modified()
    assert body_editor(clerk, 0).toPlainText() == original["body"][0] + ADDED

    # Ctrl+Z undoes the reject, then the accept: letter and record as they were
    press_undo(qtbot, clerk)
    assert snapshot(clerk) == after_accept
    press_undo(qtbot, clerk)
    assert snapshot(clerk) == before_accept
    assert not clerk.doc.is_modified()  # back to the file as opened
    assert dock.items.count() == 2
    assert body_editor(clerk, 0).toPlainText() == original["body"][0]

    # accept all: both edits, one undo step
    depth = clerk.doc.undo_stack.index()
    qtbot.mouseClick(dock.accept_all_button, Qt.MouseButton.LeftButton)
    assert clerk.doc.undo_stack.index() == depth + 1
    both = snapshot(clerk)
    assert both["body"][0] == original["body"][0] + ADDED
    assert DROPPED not in both["subject"] and both["subject"].startswith("โครงการพัฒนาครู")
    assert not sg.open_suggestions(clerk.doc.letter)
    press_undo(qtbot, clerk)
    assert snapshot(clerk) == before_accept


def test_typing_burst_is_one_undo_step_and_withdraws(qtbot: Any, make_window: Any,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    setup_users(monkeypatch, tmp_path)
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=example_letter())
    original = snapshot(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    assert window.suggesting.act_suggesting in window.review_menu.actions()
    editor = body_editor(window, 1)
    qtbot.keyClick(editor, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.suggesting.on  # Ctrl+Shift+T
    depth = window.doc.undo_stack.index()
    type_at_end(editor, ADDED)
    assert window.doc.undo_stack.index() == depth + 1  # the whole burst, one step
    (only,) = sg.open_suggestions(window.doc.letter)
    assert only.field == "body[1]" and only.new.strip() == ADDED.strip()
    assert only.author == SUPERVISOR.name
    # modified, and the autosave copy holds the suggestion, as for any edit
    assert window.doc.is_modified() and window.autosave()
    from dla_drafter.model.draftio import load_draft

    recovered = load_draft(window.recovery.draft_path)
    assert [s.id for s in sg.open_suggestions(recovered)] == [only.id]
    assert recovered.body == original["body"]
    # inserted words underlined in the supervisor's colour in the box
    colour = sg.author_colour(SUPERVISOR.name).lower()
    qtbot.waitUntil(lambda: bool(editor.extraSelections()), timeout=3000)  # typing paused
    selections = editor.extraSelections()
    assert any(s.format.fontUnderline() and s.cursor.selectedText().strip() == ADDED.strip()
               and s.format.foreground().color().name() == colour for s in selections)
    # the preview prints the letter without it, with a mark beside the paragraph's lines
    pages = wait_preview(qtbot, window)
    assert ADDED.strip() not in "".join(line.text for line in pages.lines())
    assert "body[1]" in window.suggesting.overlay.colours
    assert coloured_pixels(window, pages, colour) > 0
    press_undo(qtbot, window)
    assert snapshot(window) == original
    assert editor.toPlainText() == original["body"][1]
    assert coloured_pixels(window, wait_preview(qtbot, window), colour) == 0
    # typing the old words back withdraws the suggestion
    type_at_end(editor, "ค")
    assert len(sg.open_suggestions(window.doc.letter)) == 1
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert not sg.open_suggestions(window.doc.letter)
    assert editor.toPlainText() == original["body"][1]


def test_refused_edits_change_nothing(qtbot: Any, make_window: Any,
                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A new paragraph is not a suggestion: refused with a Thai message naming the field,
    the letter and its history untouched, the box put back. A drop-down or the register's
    number is not words: it stays a normal edit (one undo step), so a number the register
    issues while a reviewer suggests is never lost."""
    setup_users(monkeypatch, tmp_path)
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=example_letter())
    original = snapshot(window)
    window.suggesting.act_suggesting.trigger()
    depth = window.doc.undo_stack.index()
    editor = body_editor(window, 0)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    message = window.suggesting.dock.message.text()
    assert "แนะนำการแก้ไข" in message and "ข้อความ" in message and "ย่อหน้า" in message
    assert len(window.form.lists["body"].editors) == 2
    assert editor.toPlainText() == original["body"][0]
    assert snapshot(window) == original
    assert window.doc.undo_stack.index() == depth
    # a control character typed (pasted) into the subject: the engine's message, no change
    window.doc.set_field("subject", original["subject"] + "\x07")
    assert "อักขระควบคุม" in window.suggesting.dock.message.text()
    assert snapshot(window) == original
    assert window.doc.undo_stack.index() == depth
    # the drop-down: a normal edit, one undo step
    urgency = window.form.bindings["urgency"].widget
    urgency.setCurrentIndex(urgency.count() - 1)
    urgency.activated.emit(urgency.count() - 1)
    assert window.doc.letter.urgency == urgency.itemData(urgency.count() - 1) is not None
    assert window.doc.undo_stack.index() == depth + 1
    # what the register writes after issuing a number goes into the letter
    window.doc.set_fields({"number.serial": "123", "date.day": 5}, merge=False)
    assert window.doc.letter.number.serial == "123" and window.doc.letter.date.day == 5
    assert not sg.open_suggestions(window.doc.letter)
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert snapshot(window) == original
    # leaving the mode: edits are normal edits again
    window.suggesting.act_suggesting.trigger()
    type_at_end(editor, ADDED)
    assert window.doc.letter.body[0] == original["body"][0] + ADDED


def test_list_selects_and_outdated_cannot_be_accepted(qtbot: Any, make_window: Any,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """A click on a row puts the cursor on the suggestion's words; one whose words the clerk
    has changed since is listed as outdated, its ยอมรับ disabled, and accepting it anyway (a
    key, a script) is refused with the engine's Thai message, nothing changed."""
    setup_users(monkeypatch, tmp_path)
    letter = example_letter()
    sg.add_suggestion(letter, "body[1]", "120 แห่ง", "150 แห่ง", SUPERVISOR.name)
    sg.add_suggestion(letter, "subject", DROPPED, "อย่างยั่งยืน", SUPERVISOR.name)
    become(monkeypatch, tmp_path, "clerk")
    window = make_window(letter=letter)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    dock = window.suggesting.dock
    assert dock.isVisible() and dock.items.count() == 2
    item = dock.items.item(0)
    qtbot.mouseClick(dock.items.viewport(), Qt.MouseButton.LeftButton,
                     pos=dock.items.visualItemRect(item).topLeft() + QPoint(3, 3))
    editor = body_editor(window, 1)
    assert editor.hasFocus() and editor.textCursor().selectedText() == "120 แห่ง"
    # the clerk rewrites the subject's words: that suggestion is outdated
    subject = subject_box(window)
    subject.setFocus()
    subject.selectAll()
    type_text(subject, "โครงการพัฒนาครู รุ่นที่ 2")
    assert window.doc.letter.subject == "โครงการพัฒนาครู รุ่นที่ 2"
    row = row_of(window, "subject")
    assert not row.accept_button.isEnabled()
    assert "ล้าสมัย" in row.label.text() or "ไม่พบ" in row.label.text()
    before = snapshot(window)
    depth = window.doc.undo_stack.index()
    assert not window.suggesting.accept(row.suggestion_id)
    assert snapshot(window) == before and window.doc.undo_stack.index() == depth
    assert dock.message.text()
    # accept all takes what it can and says what it left
    qtbot.mouseClick(dock.accept_all_button, Qt.MouseButton.LeftButton)
    assert window.doc.letter.body[1].count("150 แห่ง") == 1
    assert window.doc.undo_stack.index() == depth + 1
    assert "1" in dock.message.text() and dock.items.count() == 1
    qtbot.mouseClick(row_of(window, "subject").reject_button, Qt.MouseButton.LeftButton)
    assert not sg.open_suggestions(window.doc.letter)


def test_unreadable_record_does_not_break_the_window(qtbot: Any, make_window: Any,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    """A draft whose suggestions a foreign tool mangled: the window opens, suggesting still
    works, the mangled entries are kept (the engine's rules) and nothing raises."""
    setup_users(monkeypatch, tmp_path)
    letter = example_letter()
    letter.extra["review"] = {"suggestions": [
        "garbage", {"id": 5, "field": "body[9]", "old": None},
        {"id": "sx", "field": "subject", "old": "ไม่มีคำนี้", "new": "x", "author": "ก",
         "state": "open", "offset": -3}]}
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=letter)
    assert window.suggesting.dock.items.count() == 1  # the outdated one, listed
    assert not window.suggesting.dock.rows[0].accept_button.isEnabled()
    window.suggesting.act_suggesting.trigger()
    type_at_end(body_editor(window, 0), ADDED)
    mine = [s for s in sg.open_suggestions(window.doc.letter) if s.author == SUPERVISOR.name]
    assert len(mine) == 1
    assert "garbage" in window.doc.letter.extra["review"]["suggestions"]


def test_typing_in_the_middle_keeps_the_box_and_its_cursor(qtbot: Any, make_window: Any,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    """Keys typed mid-paragraph and mid-subject while suggesting: after every key the box
    holds exactly what was typed, the cursor stays where the typist is, the letter keeps
    its text."""
    setup_users(monkeypatch, tmp_path)
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=example_letter())
    original = snapshot(window)
    window.suggesting.act_suggesting.trigger()
    editor = body_editor(window, 0)
    editor.setFocus()
    editor.set_cursor(30)
    expected = original["body"][0]
    for index, ch in enumerate("และ ทั้งปวง"):
        type_text(editor, ch)
        expected = expected[:30 + index] + ch + expected[30 + index:]
        assert editor.toPlainText() == expected
        assert editor.textCursor().position() == 31 + index
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    expected = expected[:40] + expected[41:]
    assert editor.toPlainText() == expected
    subject = subject_box(window)
    subject.setFocus()
    subject.setCursorPosition(10)
    type_text(subject, "ดี")
    assert subject.text() == original["subject"][:10] + "ดี" + original["subject"][10:]
    assert subject.cursorPosition() == 12
    assert snapshot(window)["body"] == original["body"]
    assert snapshot(window)["subject"] == original["subject"]
    own = sg.own_text(window.doc.letter, "body[0]", SUPERVISOR.name)
    assert own == expected


def test_damaged_record_refuses_suggesting_clearly(qtbot: Any, make_window: Any,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    """A review record that is not an object: typing while suggesting is refused with the
    engine's Thai message, the box shows the letter again and nothing is changed or undone."""
    setup_users(monkeypatch, tmp_path)
    letter = example_letter()
    letter.extra["review"] = "garbage"
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=letter)
    original = snapshot(window)
    window.suggesting.act_suggesting.trigger()
    editor = body_editor(window, 0)
    type_at_end(editor, "ก")
    assert "เสียหาย" in window.suggesting.dock.message.text()
    assert editor.toPlainText() == original["body"][0]
    assert snapshot(window) == original
    assert not window.doc.undo_stack.canUndo()


def test_a_box_showing_its_text_again_is_no_edit(qtbot: Any, make_window: Any,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """Opening a draft with one's own suggestion and clicking into that paragraph: the box
    re-reports its text (highlighting, focus), which must not re-stamp the suggestion or
    make an undo step."""
    setup_users(monkeypatch, tmp_path)
    letter = example_letter()
    sg.suggestions_from_edit(letter, "body[0]", letter.body[0] + ADDED, SUPERVISOR.name,
                             at="2026-01-02T03:04:05+00:00")
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=letter)
    original = snapshot(window)
    window.suggesting.act_suggesting.trigger()
    assert body_editor(window, 0).toPlainText() == letter.body[0] + ADDED
    window.form.focus_field("body[0]")
    editor = body_editor(window, 0)
    editor.document().setPlainText(editor.toPlainText())  # the box says its text again
    qtbot.wait(300)
    assert snapshot(window) == original
    assert not window.doc.undo_stack.canUndo() and not window.doc.is_modified()


def test_preview_strikes_the_words_a_suggestion_deletes(qtbot: Any, make_window: Any,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    """The page prints the letter (the words are still there) with a stroke through them
    in the author's colour; rejecting the suggestion takes the stroke away."""
    setup_users(monkeypatch, tmp_path)
    letter = example_letter()
    sid = sg.add_suggestion(letter, "body[1]", "จำนวน 120 แห่ง", "", SUPERVISOR.name)
    become(monkeypatch, tmp_path, "clerk")
    window = make_window(letter=letter)
    pages = wait_preview(qtbot, window)
    assert "๑๒๐" in "".join(line.text for line in pages.lines())  # Thai digits print
    colour = sg.author_colour(SUPERVISOR.name)
    assert coloured_pixels(window, pages, colour, margin=False) > 20
    assert window.suggesting.reject(sid)
    assert coloured_pixels(window, wait_preview(qtbot, window), colour, margin=False) == 0


def test_other_reviewers_words_are_marked_where_they_stand_in_my_box(
        qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Suggesting in a paragraph where someone else suggested a deletion further on: my box
    holds my text (with my insertion before their words), and their words are struck in
    their colour at the right place in it; my insertion underlined in mine."""
    setup_users(monkeypatch, tmp_path)
    other = "นายวิชัย ตรวจทาน"
    letter = example_letter()
    sg.add_suggestion(letter, "body[1]", "จำนวน 120 แห่ง", "", other)
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=letter)
    window.suggesting.act_suggesting.trigger()
    editor = body_editor(window, 1)
    editor.setFocus()
    editor.set_cursor(0)
    type_text(editor, "ทั้งนี้ ")
    assert editor.toPlainText() == "ทั้งนี้ " + letter.body[1]
    qtbot.waitUntil(lambda: len(editor.extraSelections()) >= 2, timeout=3000)
    marks = {(s.cursor.selectedText(), s.format.fontStrikeOut(), s.format.fontUnderline(),
              s.format.foreground().color().name()) for s in editor.extraSelections()}
    assert ("จำนวน 120 แห่ง", True, False, sg.author_colour(other).lower()) in marks
    assert any(text.strip() == "ทั้งนี้" and underline and colour ==
               sg.author_colour(SUPERVISOR.name).lower()
               for text, _strike, underline, colour in marks)
    # their insertion's place is marked too (a wavy tint under the character before it)
    sg.add_suggestion(window.doc.letter, "body[1]", "", " ด่วน", other,
                      offset=len(letter.body[1]))
    window.suggesting.refresh()
    assert any(s.format.underlineStyle() == s.format.UnderlineStyle.WaveUnderline
               and s.cursor.selectionEnd() == len(editor.toPlainText())
               and s.format.foreground().color().name() == sg.author_colour(other).lower()
               for s in editor.extraSelections())
    # their suggestions are untouched by my typing
    theirs = [s for s in sg.open_suggestions(window.doc.letter) if s.author == other]
    assert len(theirs) == 2 and theirs[0].old == "จำนวน 120 แห่ง"


def test_every_interface_text_has_english() -> None:
    """Each Thai text the suggestion mode passes to tr() has an English entry."""
    import ast

    from dla_drafter.ui.i18n import EN
    from dla_drafter.ui.review import suggesting, suggestion_list

    thai = set()
    for module in (suggesting, suggestion_list):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                thai.add(node.args[0].value)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(
                    "\u0e00" <= ch <= "\u0e7f" for ch in node.value) and node.value.startswith(
                    ("ยอมรับข้อเสนอ", "ไม่รับข้อเสนอ")):
                thai.add(node.value)  # the decisions' undo texts, passed to tr() later
    assert len(thai) > 15
    assert sorted(t for t in thai if t not in EN) == []


def test_english_interface(qtbot: Any, make_window: Any) -> None:
    from dla_drafter.ui.i18n import set_language

    set_language("en")
    try:
        window = make_window()
        assert window.suggesting.act_suggesting.text() == "Suggesting (track changes)"
        assert window.suggesting.dock.windowTitle() == "Suggestions"
        assert window.suggesting.dock.accept_all_button.text() == "Accept All"
    finally:
        set_language("th")


def test_a_lines_box_suggests_per_line(qtbot: Any, make_window: Any,
                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The agency's address is one box of several lines: a word typed on its second line is
    a suggestion on ``agency.address[1]``, marked on that line; a new line is refused."""
    setup_users(monkeypatch, tmp_path)
    become(monkeypatch, tmp_path, "supervisor")
    window = make_window(letter=example_letter())
    original = snapshot(window)
    window.suggesting.act_suggesting.trigger()
    box = window.form.lines["agency.address"]
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    type_text(box, " ประเทศไทย")
    (only,) = sg.open_suggestions(window.doc.letter)
    assert only.field == "agency.address[1]" and only.new.strip() == "ประเทศไทย"
    assert snapshot(window)["agency"] == original["agency"]
    assert box.toPlainText().endswith("กทม. 10300 ประเทศไทย")
    qtbot.waitUntil(lambda: bool(box.extraSelections()), timeout=3000)
    assert any(s.cursor.selectedText().strip() == "ประเทศไทย" and s.format.fontUnderline()
               for s in box.extraSelections())
    depth = window.doc.undo_stack.index()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # an empty last line is no line yet
    type_text(box, "ก")  # a third line: refused, the box put back
    assert window.doc.undo_stack.index() == depth
    assert box.toPlainText() == "ถนนนครราชสีมา เขตดุสิต\nกทม. 10300 ประเทศไทย"
    assert "ที่ตั้ง" in window.suggesting.dock.message.text() or \
        "agency" in window.suggesting.dock.message.text()
