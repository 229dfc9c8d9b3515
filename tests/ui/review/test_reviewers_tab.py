"""Settings › ผู้ตรวจ: import a reviewer's card (fingerprint shown in Thai digit groups, trusted
only after the phone check), a forged card refused, remove, the numbering rule — and an
approval by that reviewer counts in the window once Settings is closed with ตกลง."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from uihelpers import example_letter

from dla_drafter.app_settings import AppConfig
from dla_drafter.review.cards import read_card_file
from dla_drafter.review.identity import save_identity, signing_key
from dla_drafter.ui.review.trust import export_my_card
from dla_drafter.ui.settings.dialog import SettingsDialog

from .reviewhelpers import CLERK, REVIEWER, TrustAnswer, become, pdf_text, squash

THAI_DIGITS = set("๐๑๒๓๔๕๖๗๘๙")


def make_card(monkeypatch: pytest.MonkeyPatch, root: Path, dialogs: Any) -> Path:
    become(monkeypatch, root, "reviewer")
    save_identity(REVIEWER)
    signing_key()
    dialogs.replies["information"] = 0
    card = export_my_card(None, root / "reviewer.dlacard")  # type: ignore[arg-type]
    assert card is not None
    # what the reviewer is told to read aloud is the card's fingerprint, in Thai digits
    told = dialogs.calls[-1][1][2]
    assert read_card_file(card).fingerprint(thai=True) in told
    become(monkeypatch, root, "clerk")
    save_identity(CLERK)
    return card


def test_reviewers_tab_import_remove_and_numbering_rule(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    card_path = make_card(monkeypatch, tmp_path, dialogs)
    card = read_card_file(card_path)
    dialog = SettingsDialog(AppConfig.load())
    qtbot.addWidget(dialog)
    tab = dialog.reviewers_tab
    page = next(i for i in range(dialog.tabs.count())
                if dialog.tabs.widget(i).isAncestorOf(tab))  # the tab scrolls in its page
    assert dialog.tabs.tabText(page) == "ผู้ตรวจ"
    assert tab.list.count() == 0 and not tab.remove_button.isEnabled()

    # a forged card (the name changed after it was signed) is refused with a reason
    forged = tmp_path / "forged.dlacard"
    data = json.loads(card_path.read_text(encoding="utf-8"))
    data["name"] = "นายปลอม ลงชื่อแทน"
    forged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    answer = TrustAnswer(forged)
    assert not tab.import_card()
    assert answer.loaded is False and not answer.accept_enabled and answer.verdict
    assert tab.list.count() == 0

    # not a card at all (binary junk, an empty file, something huge): a reason, no traceback
    for name, data in (("junk.dlacard", bytes(range(256)) * 4), ("empty.dlacard", b""),
                       ("huge.dlacard", b"{" + b" " * 200_000 + b"}")):
        (tmp_path / name).write_bytes(data)
        answer = TrustAnswer(tmp_path / name)
        assert not tab.import_card()
        assert answer.loaded is False and answer.verdict and "Traceback" not in answer.verdict
    answer = TrustAnswer(tmp_path / "missing.dlacard")
    assert not tab.import_card()
    assert answer.loaded is False and answer.verdict

    # not confirmed by phone: not trusted
    answer = TrustAnswer(card_path, confirm=False)
    assert not tab.import_card()
    assert answer.loaded is True and not answer.accept_enabled
    assert tab.list.count() == 0

    answer = TrustAnswer(card_path)
    assert tab.import_card()
    assert tab.list.count() == 1
    shown = tab.fingerprint.text()
    groups = card.fingerprint(thai=True).split()
    assert len(groups) >= 4 and all(g in shown for g in groups)
    assert set("".join(groups)) <= THAI_DIGITS
    assert REVIEWER.name in tab.list.item(0).text()
    assert "จากบัตรผู้ตรวจ" in tab.list.item(0).text()

    tab.number_only.setChecked(True)
    dialog.accept()
    profile = dialog.config.profile()
    assert [r.public_key for r in profile.reviewers] == [card.public_key]
    assert profile.number_only_after_approval is True

    # remove, after a question; "No" keeps it
    dialog2 = SettingsDialog(dialog.config)
    qtbot.addWidget(dialog2)
    tab2 = dialog2.reviewers_tab
    assert tab2.number_only.isChecked() and tab2.list.count() == 1
    dialogs.replies["question"] = QMessageBox.StandardButton.No
    assert not tab2.remove_selected() and tab2.list.count() == 1
    dialogs.replies["question"] = QMessageBox.StandardButton.Yes
    assert tab2.remove_selected()
    assert tab2.list.count() == 0 and dialog2.config.profile().reviewers == []
    assert dialog.config.profile().reviewers  # the other copy is untouched


def test_trusting_in_settings_makes_the_window_count_the_approval(
        make_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        dialogs: Any) -> None:
    card_path = make_card(monkeypatch, tmp_path, dialogs)
    become(monkeypatch, tmp_path, "reviewer")
    reviewer = make_window(letter=example_letter())
    reviewer.review.show()
    assert reviewer.review.send()
    assert reviewer.review.approve()
    draft = tmp_path / "approved.dladraft.json"
    assert reviewer.save_as(draft)

    become(monkeypatch, tmp_path, "clerk")
    clerk = make_window()
    assert clerk.open_path(draft, ask=False)
    assert clerk.review.state() == "approved_untrusted"

    trust = {}

    def in_settings() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, SettingsDialog):
            QTimer.singleShot(10, in_settings)
            return
        box.show_reviewers()
        trust["answer"] = TrustAnswer(card_path)
        trust["ok"] = box.reviewers_tab.import_card()
        box.accept()

    QTimer.singleShot(10, in_settings)
    clerk.settings_dialog()
    assert trust["ok"]
    assert clerk.review.state() == "approved"
    assert clerk.review.state_label.text().endswith("อนุมัติแล้ว")
    clerk.form.bindings["file_copy"].widget.click()
    out = clerk.export("pdf", tmp_path / "approved.pdf")
    assert out and squash(REVIEWER.name) in pdf_text(out[0])
    # saved: a new window on this PC trusts the reviewer too
    assert AppConfig.load().profile().reviewers[0].name == REVIEWER.name


def test_the_review_window_parts_speak_english(make_window: Any) -> None:
    from dla_drafter.ui.i18n import set_language
    from dla_drafter.ui.settings.reviewers import ReviewersTab

    set_language("en")
    try:
        tab = ReviewersTab()
        assert tab.import_button.text() == "Import Reviewer Card…"
        assert tab.number_only.text() == "Number only letters that are approved"
        window = make_window()
        tabs = window.review.tabs
        assert [tabs.tabText(i) for i in range(tabs.count())] == [
            "Comments and Approvals", "Compare Versions"]
        assert window.review.trust_button.text() == "Trust This Reviewer…"
        tab.deleteLater()
    finally:
        set_language("th")


def test_the_review_menu_exports_my_card_and_offers_trust_only_when_needed(
        make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        dialogs: Any) -> None:
    become(monkeypatch, tmp_path, "reviewer")
    save_identity(REVIEWER)
    reviewer = make_window(letter=example_letter())
    menu = reviewer.review_menu
    target = tmp_path / "cards" / "ของฉัน"
    target.parent.mkdir()
    dialogs.replies["getSaveFileName"] = (str(target), "")
    dialogs.replies["information"] = 0
    menu.act_export_card.trigger()
    written = target.with_name("ของฉัน.dlacard")  # the suffix is added
    card = read_card_file(written)
    assert card.name == REVIEWER.name and card.abbreviation == REVIEWER.abbreviation
    assert card.fingerprint(thai=True) in dialogs.calls[-1][1][2]
    reviewer.review.show()
    assert reviewer.review.send() and reviewer.review.approve()
    menu.aboutToShow.emit()
    assert not menu.act_trust.isEnabled()  # one's own approval counts already
    draft = tmp_path / "approved.dladraft.json"
    assert reviewer.save_as(draft)

    become(monkeypatch, tmp_path, "clerk")
    clerk = make_window()
    assert clerk.open_path(draft, ask=False)
    clerk.review_menu.aboutToShow.emit()
    assert clerk.review_menu.act_trust.isEnabled()
    answer = TrustAnswer(written)
    clerk.review_menu.act_trust.trigger()
    assert answer.loaded is True
    assert clerk.review.state() == "approved"
    clerk.review_menu.aboutToShow.emit()
    assert not clerk.review_menu.act_trust.isEnabled()
