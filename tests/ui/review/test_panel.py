"""The review loop in the desktop program, driven through real widgets with two users.

Each user has their own config and data folders (their identity and signing key), switched
with the environment as two PCs would be. The clerk's agency profile lists the reviewer's
public key, so the reviewer's approval is valid on the clerk's PC and prints in the grid.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from uihelpers import example_letter, type_text

from dla_drafter.app_settings import AppConfig, ReviewerKey
from dla_drafter.review.identity import Identity, own_public_key, save_identity, signing_key

REVIEWER = Identity("นางสมศรี ตรวจละเอียด", "ผู้อำนวยการกองส่งเสริมการศึกษา", "ผอ.กศ.")
CLERK = Identity("นายสมชาย ร่างดี", "นักวิชาการศึกษา", "นวก.")


def become(monkeypatch: pytest.MonkeyPatch, root: Path, who: str) -> None:
    """Act as another user: their own config and data folders."""
    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(root / who / "config"))
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(root / who / "data"))


def pdf_text(path: Path) -> str:
    """Every page's text with the white space taken out (the PDF spaces words by position,
    so a reader's extracted text may join "นางสมศรี ตรวจละเอียด")."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    return "".join(text.split())


def squash(text: str) -> str:
    return "".join(text.split())


def select_in(qtbot: Any, editor: Any, text: str) -> None:
    """Focus a paragraph box and select the first occurrence of ``text`` in it."""
    start = editor.toPlainText().index(text)
    editor.window().activateWindow()
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=3000)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def activate(qtbot: Any, window: Any) -> None:
    """Bring a window to the front (two windows are open: keyboard focus needs the active one)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def open_panel(window: Any) -> Any:
    """Show the review dock as a clerk would: ตรวจทาน → the panel's entry in the menu."""
    toggle = window.review.toggleViewAction()
    if not window.review.isVisible():
        toggle.trigger()
    assert window.review.isVisible()
    return window.review


def body_editor(window: Any, row: int) -> Any:
    return window.form.lists["body"].editors[row]


def setup_users(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    become(monkeypatch, root, "reviewer")
    save_identity(REVIEWER)
    signing_key()
    reviewer_key = own_public_key()
    become(monkeypatch, root, "clerk")
    save_identity(CLERK)
    config = AppConfig.load()
    config.profile().reviewers.append(
        ReviewerKey(name=REVIEWER.name, abbreviation=REVIEWER.abbreviation,
                    public_key=reviewer_key or ""))
    config.save()


def test_whole_review_round(make_window: Any, qtbot: Any, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    setup_users(monkeypatch, tmp_path)
    draft = tmp_path / "shared" / "circular.dladraft.json"
    draft.parent.mkdir()

    # --- the clerk drafts and sends for review
    clerk = make_window(letter=example_letter())
    assert clerk.save_as(draft)
    assert not clerk.review.isVisible()  # no review yet: the form keeps its width
    open_panel(clerk)
    qtbot.mouseClick(clerk.review.send_button, Qt.MouseButton.LeftButton)
    assert clerk.review.state() == "in_review"
    assert "รอตรวจ" in clerk.review.state_label.text()
    assert clerk.doc.is_modified()
    assert clerk.save()

    # --- the reviewer comments on a selection, changes a word, returns with a reason
    become(monkeypatch, tmp_path, "reviewer")
    reviewer = make_window()
    assert reviewer.open_path(draft, ask=False)
    assert reviewer.review.isVisible()  # a draft under review opens with its panel
    select_in(qtbot, body_editor(reviewer, 0), "ความละเอียดแจ้งแล้ว")
    reviewer.review_menu.act_comment.trigger()
    assert reviewer.review.pending == ("body[0]", "ความละเอียดแจ้งแล้ว")
    type_text(reviewer.review.note, "ควรระบุเลขที่และวันที่ของหนังสือที่อ้างถึง")
    qtbot.mouseClick(reviewer.review.comment_button, Qt.MouseButton.LeftButton)
    assert reviewer.review.comment_list.count() == 1
    assert "ควรระบุเลขที่" in reviewer.review.comment_list.item(0).text()
    # the quote is marked in the paragraph box (yellow background under the quoted words)
    marks = body_editor(reviewer, 0).extraSelections()
    assert any(m.cursor.selectedText() == "ความละเอียดแจ้งแล้ว" for m in marks)

    select_in(qtbot, body_editor(reviewer, 0), "อย่างต่อเนื่อง")
    type_text(body_editor(reviewer, 0), "อย่างยั่งยืน")
    assert "อย่างยั่งยืน" in reviewer.doc.letter.body[0]
    type_text(reviewer.review.reason, "แก้ตามความเห็น")
    qtbot.mouseClick(reviewer.review.return_button, Qt.MouseButton.LeftButton)
    assert reviewer.review.state() == "returned"
    assert reviewer.save()

    # --- the clerk opens the returned draft: the changes show and can be stepped through
    become(monkeypatch, tmp_path, "clerk")
    assert clerk.open_path(draft)
    activate(qtbot, clerk)
    panel = clerk.review
    assert panel.compare_button.isChecked()
    assert panel.diff is not None and len(panel.diff.steps) == 1
    change, hunk = panel.diff.steps[0]
    assert change.field == "body[0]" and "ยั่งยืน" in hunk.new_text
    shown = panel.diff_view.toHtml()
    assert "line-through" in shown and "underline" in shown
    # inserted words underlined in the paragraph box, the deleted word's place struck through
    selections = body_editor(clerk, 0).extraSelections()
    assert any(s.format.fontUnderline() and s.cursor.selectedText() == hunk.new_text
               for s in selections)
    assert any(s.format.fontStrikeOut() for s in selections)
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    editor = body_editor(clerk, 0)
    assert editor.hasFocus()
    assert editor.textCursor().selectedText() == hunk.new_text
    assert "1/1" in panel.step_label.text()

    # the clerk answers the comment, fixes the paragraph, resolves and sends again
    panel.comment_list.setCurrentRow(0)
    qtbot.mouseClick(panel.jump_button, Qt.MouseButton.LeftButton)
    assert editor.textCursor().selectedText() == "ความละเอียดแจ้งแล้ว"
    type_text(editor, "ความละเอียดแจ้งแล้วตามหนังสือที่อ้างถึง")
    type_text(panel.note, "เพิ่มการอ้างถึงแล้ว")
    qtbot.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)
    panel.comment_list.setCurrentRow(0)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    comment = panel._current_comment()
    assert comment.resolved and comment.replies[0].text == "เพิ่มการอ้างถึงแล้ว"
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert panel.state() == "in_review"
    assert clerk.save()

    # --- the reviewer approves
    become(monkeypatch, tmp_path, "reviewer")
    assert reviewer.open_path(draft)
    qtbot.mouseClick(reviewer.review.approve_button, Qt.MouseButton.LeftButton)
    assert reviewer.review.state() == "approved"
    assert reviewer.review.statuses() == ["valid"]
    assert reviewer.save()

    # --- the clerk prints the file copy: the reviewer's name is in the initials grid
    become(monkeypatch, tmp_path, "clerk")
    assert clerk.open_path(draft)
    panel.refresh()
    assert panel.statuses() == ["valid"]
    clerk.form.bindings["file_copy"].widget.click()
    assert clerk.doc.letter.file_copy
    first = clerk.export("pdf", tmp_path / "approved.pdf")
    assert first, "export failed"
    text = pdf_text(first[0])
    assert "สำเนาคู่ฉบับ" in text
    assert "ผอ.กศ." + squash(REVIEWER.name) in text  # the grid's row: role, then the name

    # --- editing the body afterwards makes the approval stale: the name leaves the PDF
    editor = body_editor(clerk, 1)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " ทั้งนี้")
    panel.refresh()
    assert panel.statuses() == ["stale"]
    assert "หนังสือแก้ไขหลังอนุมัติ" in panel.approval_list.item(0).text()
    stale = clerk.export("pdf", tmp_path / "stale.pdf")
    assert stale
    text = pdf_text(stale[0])
    assert "สำเนาคู่ฉบับ" in text and squash(REVIEWER.name) not in text
    clerk.problems.run_now()
    assert "approval-stale" in [p.code for p in clerk.problems.problems]


def test_hand_edited_approval_shows_invalid(make_window: Any, qtbot: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    setup_users(monkeypatch, tmp_path)
    draft = tmp_path / "approved.dladraft.json"
    become(monkeypatch, tmp_path, "reviewer")
    reviewer = make_window(letter=example_letter())
    open_panel(reviewer)
    qtbot.mouseClick(reviewer.review.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reviewer.review.approve_button, Qt.MouseButton.LeftButton)
    assert reviewer.save_as(draft)

    data = json.loads(draft.read_text(encoding="utf-8"))
    data["review"]["approvals"][0]["name"] = "นายปลอม ลงชื่อแทน"
    edited = tmp_path / "edited.dladraft.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    become(monkeypatch, tmp_path, "clerk")
    clerk = make_window()
    assert clerk.open_path(draft, ask=False)
    assert clerk.review.statuses() == ["valid"]
    assert clerk.open_path(edited, ask=False)
    assert clerk.review.statuses() == ["invalid"]
    assert "ไม่ถูกต้อง" in clerk.review.approval_list.item(0).text()
    clerk.problems.run_now()
    invalid = [p for p in clerk.problems.problems if p.code == "approval-invalid"]
    assert invalid and "ไม่พิมพ์ในช่องลงชื่อย่อ" in invalid[0].message("th")
    # clicking the problem shows the approval it is about in the review panel
    clerk.review.hide()
    row = next(i for i in range(clerk.problems.list.count())
               if clerk.problems.list.item(i).data(Qt.ItemDataRole.UserRole) == invalid[0].field)
    item = clerk.problems.list.item(row)
    qtbot.mouseClick(clerk.problems.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=clerk.problems.list.visualItemRect(item).center())
    assert clerk.review.isVisible() and clerk.review.approval_list.currentRow() == 0
    clerk.form.bindings["file_copy"].widget.click()
    out = clerk.export("pdf", tmp_path / "edited.pdf")
    text = pdf_text(out[0])
    assert out and "นายปลอม" not in text and squash(REVIEWER.name) not in text


def test_review_verbs_are_undoable_and_refusals_change_nothing(
        window: Any, qtbot: Any, dialogs: Any) -> None:
    panel = open_panel(window)
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert panel.state() == "in_review" and window.doc.is_modified()
    window.act_undo.trigger()
    assert panel.state() == "draft" and "review" not in window.doc.letter.extra
    window.act_redo.trigger()
    assert panel.state() == "in_review"

    # no reason given: refused with a Thai message, the record unchanged
    dialogs.replies["warning"] = 0
    before = json.dumps(window.doc.letter.extra["review"], ensure_ascii=False)
    qtbot.mouseClick(panel.return_button, Qt.MouseButton.LeftButton)
    assert "ต้องระบุเหตุผล" in dialogs.calls[-1][1][2]
    assert json.dumps(window.doc.letter.extra["review"], ensure_ascii=False) == before
    assert panel.state() == "in_review"


def test_comment_on_a_clicked_preview_line_quotes_the_line(
        make_window: Any, qtbot: Any) -> None:
    from uihelpers import wait_preview

    from dla_drafter.typeset.pages import TextLine

    window = make_window(letter=example_letter())
    pages = wait_preview(qtbot, window)
    line = next(item for page in pages.pages for item in page.items
                if isinstance(item, TextLine) and item.source == ("body", 1))
    canvas = window.preview.canvas
    rect = canvas.page_rects()[0]
    point = rect.topLeft() + type(rect.topLeft())(
        (line.x + 1.0) * canvas.px_per_cm, (line.y - 0.1) * canvas.px_per_cm)
    canvas.setFocus()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point.toPoint())
    editor = body_editor(window, 1)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=3000)
    assert window.review.begin_comment()
    field, quote = window.review.pending
    assert field == "body[1]"
    assert quote and quote in window.doc.letter.body[1]
    # the line as printed has Thai digits; the quote is the field's own text of that line
    from dla_drafter.text.digits import to_arabic_digits

    assert quote == to_arabic_digits(line.text).strip()
    assert quote != window.doc.letter.body[1]  # one line, not the whole paragraph
