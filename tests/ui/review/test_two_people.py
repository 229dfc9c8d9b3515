"""Review between two people, each with their own config and data folders, passing one draft:
return with a note → the banner and checklist → fixes and ส่งตรวจ → the supervisor's default
compare shows exactly the fixes (a split as a split) → approval → on the clerk's PC the
approval is not trusted (header, panel, problems list and ``review status --json`` agree;
the PDF prints no name) → the clerk trusts the card → approved, and the PDF prints the name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from uihelpers import example_letter, type_text

from dla_drafter.review.identity import save_identity, signing_key

from .reviewhelpers import (
    CLERK,
    REVIEWER,
    STRANGER,
    TrustAnswer,
    become,
    body_editor,
    pdf_text,
    squash,
)


def cli_status(draft: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """What ``dla-drafter review status --json`` says about ``draft`` on the current PC."""
    from dla_drafter.cli import main

    capsys.readouterr()
    main(["review", "status", str(draft), "--json"])
    return json.loads(capsys.readouterr().out)


def test_two_people_return_fix_approve_trust(make_window: Any, qtbot: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch, dialogs: Any,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    become(monkeypatch, tmp_path, "stranger")
    save_identity(STRANGER)
    from dla_drafter.ui.review.trust import export_my_card

    dialogs.replies["information"] = 0
    stranger_card = export_my_card(None, tmp_path / "stranger.dlacard")  # type: ignore[arg-type]
    become(monkeypatch, tmp_path, "reviewer")
    save_identity(REVIEWER)
    signing_key()
    reviewer_card = export_my_card(None, tmp_path / "reviewer.dlacard")  # type: ignore[arg-type]
    assert reviewer_card and stranger_card
    become(monkeypatch, tmp_path, "clerk")
    save_identity(CLERK)  # the clerk's profile trusts nobody

    draft = tmp_path / "shared" / "circular.dladraft.json"
    draft.parent.mkdir()
    clerk = make_window(letter=example_letter(2))
    assert clerk.save_as(draft)
    clerk.review.show()
    qtbot.mouseClick(clerk.review.send_button, Qt.MouseButton.LeftButton)
    assert clerk.save()

    # --- the supervisor comments on two places and returns with a note
    become(monkeypatch, tmp_path, "reviewer")
    reviewer = make_window()
    assert reviewer.open_path(draft, ask=False)
    panel = reviewer.review
    for row, quote, text in ((1, "จำนวน 120 แห่ง", "ตรวจจำนวนอีกครั้ง"),
                             (0, "ความละเอียดแจ้งแล้ว", "ระบุเลขที่หนังสือที่อ้างถึง")):
        editor = body_editor(reviewer, row)
        start = editor.toPlainText().index(quote)
        panel.pending = (f"body[{row}]", quote)
        type_text(panel.note, text)
        assert panel.add_comment(), (start, quote)
    type_text(panel.reason, "แก้ตามความเห็นสองข้อ")
    qtbot.mouseClick(panel.return_button, Qt.MouseButton.LeftButton)
    assert panel.state() == "returned"
    assert reviewer.save()

    # --- the clerk opens it: who returned it, when, the note, and the checklist
    become(monkeypatch, tmp_path, "clerk")
    assert clerk.open_path(draft, ask=False)
    panel = clerk.review
    banner = panel.banner
    assert panel.isVisible() and banner.isVisible()
    assert REVIEWER.name in banner.title.text()
    assert "แก้ตามความเห็นสองข้อ" in banner.note.text()
    record = clerk.doc.letter.extra["review"]
    by_quote = {c["quote"]: c["id"] for c in record["comments"]}
    # in letter order: paragraph 1's comment before paragraph 2's, whatever order they came
    assert banner.ids() == [by_quote["ความละเอียดแจ้งแล้ว"], by_quote["จำนวน 120 แห่ง"]]
    assert banner.checked() == [False, False]
    assert "0" in banner.progress.text() or "๐" in banner.progress.text()
    assert panel.state_label.text().endswith("ส่งกลับแก้ไข")

    # go to the first, fix it, tick it
    banner.checklist.setCurrentRow(0)
    qtbot.mouseClick(banner.go_button, Qt.MouseButton.LeftButton)
    editor = body_editor(clerk, 0)
    assert editor.textCursor().selectedText() == "ความละเอียดแจ้งแล้ว"
    type_text(editor, "ความละเอียดแจ้งแล้วตามหนังสือที่ มท 0816.3/ว 1234")
    banner.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: banner.checked() == [True, False], timeout=3000)
    assert clerk.review.status_now().open_comments[0].id == by_quote["จำนวน 120 แห่ง"]
    # the second: paragraph 2 is split in two (a split, not a delete and an add)
    editor = body_editor(clerk, 1)
    editor.set_cursor(editor.toPlainText().index("จึงขอความร่วมมือ"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert clerk.doc.letter.body[2].startswith("จึงขอความร่วมมือ")
    panel.refresh()
    banner.checklist.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: banner.checked() == [True, True], timeout=3000)
    assert banner.ids() == [by_quote["ความละเอียดแจ้งแล้ว"], by_quote["จำนวน 120 แห่ง"]]
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert panel.state() == "in_review" and not banner.isVisible()
    assert clerk.save()

    # --- the supervisor's default compare: exactly the fixes, the split as a split
    become(monkeypatch, tmp_path, "reviewer")
    assert reviewer.open_path(draft, ask=False)
    panel = reviewer.review
    assert panel.compare_button.isChecked()
    assert panel.tabs.currentIndex() == 1  # the compare tab comes to the front
    baseline = panel.changes.baseline
    assert baseline is not None and baseline.act in ("returned", "commented")
    kinds = sorted(change.kind for change in panel.diff.fields)
    assert "split" in kinds
    inserted = "".join(piece for change in panel.diff.fields
                       for op, piece in change.pieces if op == "insert")
    deleted = "".join(piece for change in panel.diff.fields
                      for op, piece in change.pieces if op == "delete")
    assert squash(inserted) == squash("ตามหนังสือที่ มท 0816.3/ว 1234")
    assert deleted == ""
    assert "แยกย่อหน้า" in panel.diff_view.toPlainText()
    # the picker lists every version with who and what they did
    labels = [panel.changes.from_box.itemText(i) for i in range(panel.changes.from_box.count())]
    assert len(labels) == 3
    assert "ส่งกลับแก้ไข" in labels[1] and REVIEWER.name in labels[1]
    assert "แก้ตามความเห็นสองข้อ" in labels[1]
    assert CLERK.name in labels[2]
    qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)
    assert panel.state() == "approved" and panel.statuses() == ["valid"]
    assert reviewer.save()

    # --- the clerk: approved, but this PC does not trust the key; nothing says plain approved
    become(monkeypatch, tmp_path, "clerk")
    assert clerk.open_path(draft, ask=False)
    panel = clerk.review
    assert panel.state() == "approved_untrusted"
    header = panel.state_label.text()
    assert "เครื่องนี้ยังไม่เชื่อถือผู้อนุมัติ" in header
    assert panel.statuses() == ["unknown_key"]
    assert panel.trust_button.isVisible()
    assert panel.tabs.currentIndex() == 0 and panel.approval_list.isVisible()
    status = cli_status(draft, capsys)
    assert status["state"] == "approved_untrusted" and status["approved"] is False
    assert status["label"]["th"] in header
    clerk.problems.run_now()
    assert "approval-unknown_key" in [p.code for p in clerk.problems.problems]
    clerk.form.bindings["file_copy"].widget.click()
    out = clerk.export("pdf", tmp_path / "untrusted.pdf")
    assert out and squash(REVIEWER.name) not in pdf_text(out[0])

    # a card of another key is refused, its fingerprint shown beside the approval's
    answer = TrustAnswer(stranger_card)
    assert not panel.trust_approval()
    assert answer.done and answer.loaded is False and not answer.accept_enabled
    assert "ไม่ตรงกัน" in answer.verdict
    assert panel.state() == "approved_untrusted"
    assert clerk.config.profile().reviewers == []

    # the right card, compared: trusted, saved in the clerk's settings
    answer = TrustAnswer(reviewer_card)
    assert panel.trust_approval()
    assert answer.loaded is True
    assert squash(answer.signed_print) and "#b91c1c" not in answer.signed_print
    assert panel.state() == "approved" and panel.statuses() == ["valid"]
    assert panel.state_label.text().endswith("อนุมัติแล้ว")
    assert not panel.trust_button.isVisible()
    assert cli_status(draft, capsys)["state"] == "approved"
    out = clerk.export("pdf", tmp_path / "trusted.pdf")
    assert out and "ผอ.กศ." + squash(REVIEWER.name) in pdf_text(out[0])
    clerk.problems.run_now()
    assert not [p for p in clerk.problems.problems if p.code.startswith("approval-")]
