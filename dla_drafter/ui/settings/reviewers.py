"""Settings › ผู้ตรวจ: whose approvals count on this PC, for the profile being edited.

Each reviewer the profile trusts is listed with their fingerprint in groups of Thai digits,
large enough to read aloud over the phone — the way a clerk checks that the card they were
sent is the card their supervisor made. A card is imported through the same dialog the review
panel uses (:class:`~dla_drafter.ui.review.trust.TrustCardDialog`: its signature checked, the
fingerprint shown, trusted only once the person says they compared it), and an entry can be
removed. Entries typed into an older profile by hand (no card) say so.

The office's numbering rule lives here too: ออกเลขเฉพาะหนังสือที่อนุมัติแล้ว
(``AgencyProfile.number_only_after_approval``), since it is about what an approval must be
before the register hands out a number.

The tab edits the dialog's copy of the profile in place; Settings keeps it only on ตกลง.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.ui.i18n import tr
from dla_drafter.ui.review.trust import (
    TrustCardDialog,
    big_label,
    card_outcome_text,
    describe,
    export_my_card,
    fingerprint_html,
    fingerprint_of,
)

if TYPE_CHECKING:
    from dla_drafter.app_settings import AgencyProfile, ReviewerKey

KEY_ROLE = Qt.ItemDataRole.UserRole


class ReviewersTab(QWidget):
    """The reviewers of one profile (:meth:`set_profile`): ``list``, the selected one's
    ``fingerprint``, นำเข้าบัตรผู้ตรวจ… (``import_button``), ลบ (``remove_button``), ส่งออกบัตร
    ของฉัน… (``export_button``) and the numbering rule (``number_only``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewersTab")
        self.profile: AgencyProfile | None = None
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("reviewersHeading")
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        intro = QLabel(tr(
            "การอนุมัติจะพิมพ์ชื่อในช่องลงชื่อย่อเฉพาะเมื่อเครื่องนี้เชื่อถือกุญแจของผู้อนุมัติ "
            "นำเข้าบัตรผู้ตรวจ (.dlacard) ที่ผู้ตรวจส่งออกจากโปรแกรม แล้วโทรให้ผู้ตรวจอ่านลายนิ้วมือ"
            "เทียบทีละกลุ่ม"))
        intro.setWordWrap(True)
        lay.addWidget(intro)

        self.list = QListWidget()
        self.list.setObjectName("reviewersList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        lay.addWidget(self.list, 1)

        lay.addWidget(QLabel(tr("ลายนิ้วมือของผู้ตรวจที่เลือก (อ่านทีละกลุ่มทางโทรศัพท์)")))
        self.fingerprint = big_label("reviewersFingerprint")
        lay.addWidget(self.fingerprint)
        self.note = QLabel()
        self.note.setObjectName("reviewersNote")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)

        row = QHBoxLayout()
        self.import_button = QPushButton(tr("นำเข้าบัตรผู้ตรวจ…"))
        self.import_button.setObjectName("reviewersImport")
        self.import_button.clicked.connect(lambda _c=False: self.import_card())
        self.remove_button = QPushButton(tr("เลิกเชื่อถือ"))
        self.remove_button.setObjectName("reviewersRemove")
        self.remove_button.setToolTip(tr("นำผู้ตรวจที่เลือกออก: การอนุมัติของเขาจะไม่นับบนเครื่องนี้"))
        self.remove_button.clicked.connect(lambda _c=False: self.remove_selected())
        self.export_button = QPushButton(tr("ส่งออกบัตรผู้ตรวจของฉัน…"))
        self.export_button.setObjectName("reviewersExportMine")
        self.export_button.setToolTip(tr("ไฟล์ที่ผู้อื่นนำเข้าเพื่อให้เครื่องของเขานับการอนุมัติของท่าน"))
        self.export_button.clicked.connect(lambda _c=False: export_my_card(self))
        for button in (self.import_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        lay.addLayout(row)

        self.number_only = QCheckBox(tr("ออกเลขหนังสือส่งได้เฉพาะหนังสือที่อนุมัติแล้ว"))
        self.number_only.setObjectName("numberOnlyAfterApproval")
        self.number_only.setToolTip(tr(
            "ไม่ติ๊ก: ออกเลขหนังสือที่ยังไม่อนุมัติได้ แต่โปรแกรมเตือนก่อน "
            "ติ๊ก: ไม่ออกเลขจนกว่าการอนุมัติจะใช้ได้บนเครื่องนี้"))
        self.number_only.toggled.connect(self._number_rule_changed)
        lay.addWidget(self.number_only)
        self._fill()

    # --- the profile ---

    def set_profile(self, profile: AgencyProfile | None) -> None:
        """Show (and from now on edit) ``profile``'s reviewers and numbering rule."""
        self.profile = profile
        self.number_only.blockSignals(True)
        self.number_only.setChecked(bool(profile and profile.number_only_after_approval))
        self.number_only.blockSignals(False)
        self.number_only.setEnabled(profile is not None)
        self.import_button.setEnabled(profile is not None)
        self._fill()

    def _number_rule_changed(self, on: bool) -> None:
        if self.profile is not None:
            self.profile.number_only_after_approval = on

    def _fill(self, select: str | None = None) -> None:
        profile = self.profile
        name = profile.profile_name if profile is not None else ""
        self.heading.setText(tr("ผู้ตรวจที่โปรไฟล์ {p} เชื่อถือ", p=name))
        self.list.clear()
        for reviewer in profile.reviewers if profile is not None else []:
            item = QListWidgetItem(self._row_text(reviewer))
            item.setData(KEY_ROLE, reviewer.public_key)
            self.list.addItem(item)
            if reviewer.public_key == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show_selected()

    @staticmethod
    def _row_text(reviewer: ReviewerKey) -> str:
        who = describe(reviewer.name, reviewer.position, reviewer.abbreviation) or tr("(ไม่มีชื่อ)")
        source = tr("จากบัตรผู้ตรวจ") if reviewer.card() is not None else \
            tr("พิมพ์ไว้ในโปรไฟล์ (ไม่มีบัตร)")
        return f"{who}\n{fingerprint_of(reviewer.public_key)}  · {source}"

    def selected(self) -> ReviewerKey | None:
        item = self.list.currentItem()
        if item is None or self.profile is None:
            return None
        key = item.data(KEY_ROLE)
        return next((r for r in self.profile.reviewers if r.public_key == key), None)

    def _show_selected(self) -> None:
        reviewer = self.selected()
        self.remove_button.setEnabled(reviewer is not None)
        if reviewer is None:
            self.fingerprint.setText("")
            self.note.setText(tr("ยังไม่มีผู้ตรวจที่เชื่อถือ") if self.list.count() == 0 else "")
            return
        self.fingerprint.setText(fingerprint_html(fingerprint_of(reviewer.public_key)))
        self.note.setText(describe(reviewer.name, reviewer.position, reviewer.abbreviation))

    # --- import and remove ---

    def import_card(self, path: Path | None = None) -> bool:
        """นำเข้าบัตรผู้ตรวจ…: the trust dialog (with ``path`` already loaded when given);
        the card is added to the profile once the person confirms the fingerprint."""
        if self.profile is None:
            return False
        dialog = TrustCardDialog(self)
        try:
            if path is not None:
                dialog.load_card(path)
            if dialog.exec() != TrustCardDialog.DialogCode.Accepted or dialog.card is None:
                return False
            card = dialog.card
        finally:
            dialog.deleteLater()
        outcome, _old = self.profile.trust(card)
        self._fill(select=card.public_key)
        self.note.setText(card_outcome_text(outcome, self.profile.profile_name, card))
        return True

    def remove_selected(self) -> bool:
        """เลิกเชื่อถือ: after asking, take the selected reviewer out of the profile."""
        reviewer = self.selected()
        if reviewer is None or self.profile is None:
            return False
        who = describe(reviewer.name, reviewer.position, reviewer.abbreviation)
        answer = QMessageBox.question(
            self, tr("เลิกเชื่อถือ"),
            tr("เลิกเชื่อถือ {who}?\nการอนุมัติของผู้นี้จะไม่พิมพ์ชื่อในช่องลงชื่อย่อบนเครื่องนี้อีก",
               who=who or fingerprint_of(reviewer.public_key)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.profile.untrust(reviewer.public_key)
        self._fill()
        return True


__all__ = ["ReviewersTab"]
