"""The review's guards in the window: approving with open comments asks first; numbering a
letter that is not approved asks (or is refused by the office's rule) and the register
records the identity's name; a certificate that is not the signer's is named with both
names; hand-typed initials are marked in the form and listed as problems; approving signs
as the identity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from uihelpers import ModalAnswer, example_letter, type_text

from dla_drafter.model.letter import Initial
from dla_drafter.register.store import Store
from dla_drafter.review.identity import save_identity

from .reviewhelpers import CLERK, REVIEWER

WAIT_MS = 30_000


def test_approve_with_open_comments_asks_first_and_signs_as_the_identity(
        window: Any, qtbot: Any) -> None:
    save_identity(REVIEWER)
    panel = window.review
    panel.show()
    window.doc.replace(example_letter(), None)
    assert panel.send()
    panel.pending = ("body[0]", "ความละเอียดแจ้งแล้ว")
    type_text(panel.note, "ระบุเลขที่หนังสือ")
    assert panel.add_comment()

    answer = ModalAnswer("ยกเลิก")
    assert not panel.approve()
    assert "ระบุเลขที่หนังสือ" in answer.message
    assert "อนุมัติทั้งที่มีความเห็นค้าง" in answer.texts
    assert panel.state() == "in_review"
    assert not window.doc.letter.extra["review"].get("approvals")

    ModalAnswer("อนุมัติทั้งที่มีความเห็นค้าง")
    assert panel.approve()
    assert panel.state() == "approved"
    (approval,) = window.doc.letter.extra["review"]["approvals"]
    assert (approval["name"], approval["role"]) == (REVIEWER.name, REVIEWER.abbreviation)

    # resolved comments: no question at all (an unexpected box would fail the test)
    panel.comment_list.setCurrentRow(0)
    assert panel.toggle_resolved()
    assert panel.send()
    assert panel.approve() and panel.state() == "approved"


def issue(qtbot: Any, window: Any) -> None:
    window.register_menu.act_issue.trigger()
    qtbot.waitUntil(lambda: not window.register_menu.issue_number.busy, timeout=WAIT_MS)


def entries(url: str) -> list[Any]:
    with Store(url) as store:
        return list(store.entries())


def test_numbering_a_letter_not_approved_asks_or_is_refused(
        make_window: Any, qtbot: Any, tmp_path: Path, dialogs: Any) -> None:
    save_identity(CLERK)
    url = "sqlite:///" + (tmp_path / "register.sqlite3").as_posix()
    window = make_window(letter=example_letter())
    window.config.register_url = url
    assert window.save_as(tmp_path / "letter.dladraft.json")
    window.review.show()
    assert window.review.send() and window.save()

    # in review, not approved: the clerk is asked, and "ยกเลิก" issues nothing
    answer = ModalAnswer("ยกเลิก")
    issue(qtbot, window)
    assert "ออกเลขหนังสือที่ยังไม่ได้อนุมัติ" in answer.message and "รอตรวจ" in answer.message
    assert not (tmp_path / "register.sqlite3").exists() or entries(url) == []
    assert not window.doc.letter.number.serial

    # the office numbers only approved letters: refused, with the reason
    window.config.profile().number_only_after_approval = True
    dialogs.replies["warning"] = 0
    issue(qtbot, window)
    assert "สำนักงานกำหนดให้ออกเลขเฉพาะหนังสือที่อนุมัติแล้ว" in dialogs.calls[-1][1][2]
    assert not window.doc.letter.number.serial

    # approved (the clerk's own key counts here): numbered without a question, and the
    # register records the identity's name, not the login
    save_identity(REVIEWER)
    assert window.review.approve()
    assert window.review.state() == "approved"
    issue(qtbot, window)
    assert window.doc.letter.number.serial == "1"
    (entry,) = entries(url)
    assert entry.clerk == REVIEWER.name


def test_numbering_a_letter_never_reviewed_says_so_without_asking(
        make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    save_identity(CLERK)
    url = "sqlite:///" + (tmp_path / "register.sqlite3").as_posix()
    window = make_window(letter=example_letter())
    window.config.register_url = url
    assert window.save_as(tmp_path / "letter.dladraft.json")
    issue(qtbot, window)  # no question (an unexpected box would fail the test)
    assert window.doc.letter.number.serial == "1"
    said = window.statusBar().currentMessage()
    assert "ออกเลขแล้ว" in said and "ยังไม่ได้อนุมัติ" in said and "ร่าง" in said
    (entry,) = entries(url)
    assert entry.clerk == CLERK.name


def test_reserving_a_number_records_the_identity_s_name(
        make_window: Any, qtbot: Any, tmp_path: Path, dialogs: Any) -> None:
    save_identity(CLERK)
    url = "sqlite:///" + (tmp_path / "register.sqlite3").as_posix()
    window = make_window(letter=example_letter())
    window.config.register_url = url
    register = window.register_menu.open_register()
    dialogs.replies["information"] = 0
    register.reserve("มท 0816.3", True, "จองไว้ทดสอบ")
    qtbot.waitUntil(lambda: bool((tmp_path / "register.sqlite3").exists() and entries(url)),
                    timeout=WAIT_MS)
    (entry,) = entries(url)
    assert entry.status == "reserved" and entry.clerk == CLERK.name


def test_signing_with_another_person_s_certificate_names_both(
        make_window: Any, qtbot: Any, tmp_path: Path, dialogs: Any) -> None:
    from signing_ca import PASSPHRASE, SIGNER_NAME, make_pki

    from dla_drafter.model.draftio import save_draft

    p12 = tmp_path / "key.p12"
    p12.write_bytes(make_pki().p12())
    letter = example_letter()
    letter.number.serial = "15"
    letter.signer.name = "(นางสาวสมหญิง ลงนามจริง)"
    path = tmp_path / "letter.dladraft.json"
    save_draft(letter, path)
    window = make_window()
    assert window.open_path(path, ask=False)
    dialog = window.register_menu.sign_dialog()
    qtbot.addWidget(dialog)
    dialog.f_p12.setText(str(p12))
    dialog.f_pass.setText(PASSPHRASE)
    dialogs.replies["question"] = QMessageBox.StandardButton.No
    assert not dialog.sign()
    _name, (_parent, title, text, *_rest) = dialogs.calls[-1]
    assert SIGNER_NAME in text and "นางสาวสมหญิง ลงนามจริง" in text
    assert not Path(dialog.f_out.text()).exists()
    # the letter's own signer's certificate: no question
    window.doc.set_field("signer.name", f"({SIGNER_NAME})")
    dialogs.calls.clear()
    dialogs.replies.pop("question")
    dialogs.replies["information"] = 0
    assert dialog.sign()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert "question" not in dialogs.names()
    assert Path(dialog.f_out.text()).exists()


def test_hand_typed_initials_are_marked_in_the_form_and_listed(
        make_window: Any, qtbot: Any) -> None:
    letter = example_letter()
    letter.file_copy = True
    letter.initials = [Initial(role="ร่าง", name=""), Initial(role="ผอ.กศ.", name="")]
    window = make_window(letter=letter)
    rows = window.form.lists["initials"]
    box = rows.cell(1, "name")
    assert isinstance(box, QLineEdit)
    box.setFocus(Qt.FocusReason.OtherFocusReason)
    type_text(box, "สมศรี")
    assert window.doc.letter.initials[1].name == "สมศรี"
    window.problems.run_now()
    typed = [p for p in window.problems.problems if p.code == "initials-typed"]
    assert [p.field for p in typed] == ["initials[1].name"]
    listed = [window.problems.list.item(i).text() for i in range(window.problems.list.count())]
    assert any("สมศรี" in t and "ไม่ได้มาจากการอนุมัติ" in t for t in listed)
    # the row's box is marked: orange, a warning sign inside it, the reason as its tip
    qtbot.waitUntil(lambda: "ffedd5" in box.styleSheet(), timeout=3000)
    assert "ไม่ได้มาจากการอนุมัติ" in box.toolTip()
    signs = [a for a in box.actions() if a.objectName() == "typedInitialSign"]
    assert len(signs) == 1
    other = rows.cell(0, "name")
    assert "ffedd5" not in other.styleSheet()
    # cleared: the mark goes
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert window.doc.letter.initials[1].name == ""
    window.problems.run_now()
    qtbot.waitUntil(lambda: "ffedd5" not in box.styleSheet(), timeout=3000)
    assert not [a for a in box.actions() if a.objectName() == "typedInitialSign"]


@pytest.mark.parametrize("lang", ["th"])
def test_the_panel_header_never_says_approved_for_a_stale_approval(
        window: Any, qtbot: Any, lang: str) -> None:
    save_identity(REVIEWER)
    panel = window.review
    panel.show()
    window.doc.replace(example_letter(), None)
    assert panel.send() and panel.approve()
    assert panel.state_label.text().endswith("อนุมัติแล้ว")
    editor = window.form.lists["body"].editors[0]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " เพิ่ม")
    panel.refresh()
    assert panel.state() == "changed"
    assert "อนุมัติแล้ว" not in panel.state_label.text()
    assert "แก้ไขหลังอนุมัติ" in panel.state_label.text()
