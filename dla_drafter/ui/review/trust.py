"""Reviewer cards in the window: export my card, and trust a colleague's after comparing its
fingerprint — from the review panel ("trust this reviewer") and from Settings › ผู้ตรวจ.

A signature proves only that the holder of a key signed; *who* the holder is, each PC decides
by trusting a card (:mod:`dla_drafter.review.cards`). An approval carries its key, name and
role but not the card, so trusting from an approval means importing the approver's card file
and checking it is *that* key: :class:`TrustCardDialog` shows the approval's fingerprint beside
the card's, group by group, and refuses a card of another key. Either way the person must say
they compared the fingerprint with its owner by phone before the card can be trusted: a card
file can come from anyone, the owner's voice cannot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.review.strings import register

if TYPE_CHECKING:
    from dla_drafter.review.cards import Card

register()

CARD_FILTER = "บัตรผู้ตรวจ (*.dlacard);;ทุกแฟ้ม (*)"
MATCH_COLOUR = "#15803d"
MISMATCH_COLOUR = "#b91c1c"


@dataclass(frozen=True)
class SignedBy:
    """Whose key signed an approval, as the approval itself says (not yet trusted)."""

    public_key: str
    name: str
    role: str


def fingerprint_of(public_key: str) -> str:
    """The key's fingerprint in Thai digits (or Arabic in the English interface); "?" for
    text that is not a key."""
    from dla_drafter.review.cards import fingerprint

    try:
        return fingerprint(public_key, thai=language() != "en")
    except ValueError:
        return "?"


def fingerprint_html(shown: str, other: str | None = None) -> str:
    """The fingerprint in four groups, each green when it is the same group of ``other`` and
    red when it differs (no colour without ``other``): what the eye compares group by group."""
    import html

    groups = shown.split()
    others = other.split() if other else []
    parts = []
    for index, group in enumerate(groups):
        if not others:
            parts.append(html.escape(group))
            continue
        same = index < len(others) and others[index] == group
        colour = MATCH_COLOUR if same else MISMATCH_COLOUR
        mark = "" if same else "text-decoration: underline;"
        parts.append(f'<span style="color:{colour}; {mark}">{html.escape(group)}</span>')
    return "&nbsp;&nbsp;".join(parts)


def big_label(name: str) -> QLabel:
    """A label for a fingerprint: large, fixed-width digits, selectable (to copy)."""
    label = QLabel()
    label.setObjectName(name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def error_lines(exc: BaseException) -> str:
    """Every problem an error carries, one line each, in the interface language."""
    from dla_drafter.problems import problems_of

    return "\n".join(p.message(language()) for p in problems_of(exc))


def describe(name: str, position: str, role: str) -> str:
    """``ผอ.กศ. · นางสมศรี ตรวจละเอียด · ผู้อำนวยการกอง``: a person as one line."""
    return " · ".join(p for p in (role, name, position) if p)


class TrustCardDialog(QDialog):
    """Show a reviewer card with its fingerprint and trust it only after the person confirms
    they compared it with the card's owner. With ``signed_by`` (trusting from an approval)
    the approval's key fingerprint is shown beside the card's and a card of any other key is
    refused. ``card`` is the card to trust once the dialog is accepted."""

    def __init__(self, parent: QWidget | None, signed_by: SignedBy | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustCardDialog")
        self.setWindowTitle(tr("เชื่อถือผู้ตรวจ"))
        self.signed_by = signed_by
        self.card: Card | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(tr(
            "ขอบัตรผู้ตรวจ (.dlacard) จากผู้ตรวจ แล้วโทรหาผู้ตรวจให้อ่านลายนิ้วมือของบัตรทีละกลุ่ม "
            "เทียบกับที่แสดงด้านล่าง เชื่อถือเฉพาะเมื่อตรงกันทุกตัว"))
        intro.setWordWrap(True)
        lay.addWidget(intro)

        grid = QGridLayout()
        row = 0
        if signed_by is not None:
            grid.addWidget(QLabel(tr("ผู้ลงนามอนุมัติในหนังสือ")), row, 0)
            self.signed_label = QLabel(describe(signed_by.name, "", signed_by.role))
            self.signed_label.setObjectName("trustSignedBy")
            self.signed_label.setWordWrap(True)
            grid.addWidget(self.signed_label, row, 1)
            row += 1
            grid.addWidget(QLabel(tr("ลายนิ้วมือของกุญแจที่ลงนาม")), row, 0)
            self.signed_print = big_label("trustSignedPrint")
            self.signed_print.setText(fingerprint_html(fingerprint_of(signed_by.public_key)))
            grid.addWidget(self.signed_print, row, 1)
            row += 1
        grid.addWidget(QLabel(tr("บัตรผู้ตรวจ")), row, 0)
        self.card_label = QLabel(tr("ยังไม่ได้เลือกไฟล์บัตร"))
        self.card_label.setObjectName("trustCard")
        self.card_label.setWordWrap(True)
        grid.addWidget(self.card_label, row, 1)
        row += 1
        grid.addWidget(QLabel(tr("ลายนิ้วมือของบัตร")), row, 0)
        self.card_print = big_label("trustCardPrint")
        grid.addWidget(self.card_print, row, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)

        choose_row = QHBoxLayout()
        self.choose_button = QPushButton(tr("นำเข้าไฟล์บัตรของผู้ตรวจ…"))
        self.choose_button.setObjectName("trustChooseCard")
        self.choose_button.clicked.connect(lambda _c=False: self.choose_card())
        choose_row.addWidget(self.choose_button)
        choose_row.addStretch(1)
        lay.addLayout(choose_row)

        self.verdict = QLabel()
        self.verdict.setObjectName("trustVerdict")
        self.verdict.setWordWrap(True)
        lay.addWidget(self.verdict)
        self.confirm = QCheckBox(tr("โทรเทียบลายนิ้วมือกับเจ้าของบัตรแล้ว ตรงกันทุกตัว"))
        self.confirm.setObjectName("trustConfirm")
        self.confirm.toggled.connect(lambda _on: self._update_ok())
        lay.addWidget(self.confirm)

        self.buttons = QDialogButtonBox()
        self.trust_button = self.buttons.addButton(tr("เชื่อถือผู้ตรวจนี้"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.trust_button.setObjectName("trustAccept")
        self.buttons.addButton(tr("ยกเลิก"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(640, 0)
        self._update_ok()

    def choose_card(self) -> bool:
        """นำเข้าไฟล์บัตรของผู้ตรวจ…: pick the card file, then :meth:`load_card`."""
        path, _ = QFileDialog.getOpenFileName(self, tr("นำเข้าไฟล์บัตรของผู้ตรวจ…"), "",
                                              tr(CARD_FILTER))
        return self.load_card(Path(path)) if path else False

    def load_card(self, path: Path) -> bool:
        """Read and check the card at ``path`` and show it; False (and why, in the dialog)
        when it cannot be read, does not verify, or is not the approval's key."""
        from dla_drafter.review.cards import CardError, read_card_file

        self.card = None
        self.confirm.setChecked(False)
        try:
            card = read_card_file(path)
        except CardError as exc:
            self._show_card(None, error_lines(exc))
            return False
        shown = fingerprint_of(card.public_key)
        self.card_label.setText(describe(card.name, card.position, card.abbreviation))
        signed_by = self.signed_by
        if signed_by is not None:
            self.card_print.setText(fingerprint_html(shown, fingerprint_of(signed_by.public_key)))
            self.signed_print.setText(fingerprint_html(fingerprint_of(signed_by.public_key),
                                                       shown))
            if card.public_key != signed_by.public_key:
                self._show_card(None, tr(
                    "ลายนิ้วมือไม่ตรงกัน: บัตรนี้เป็นของกุญแจอื่น ไม่ใช่กุญแจที่ลงนามอนุมัติหนังสือนี้ "
                    "จึงไม่นำเข้า ขอบัตรที่ถูกต้องจากผู้อนุมัติ"), keep_card_text=True)
                return False
        else:
            self.card_print.setText(fingerprint_html(shown))
        self.card = card
        notes = [tr("บัตรถูกต้อง (ลายมือชื่อดิจิทัลของบัตรตรวจแล้ว)")]
        if signed_by is not None:
            notes.append(tr("ลายนิ้วมือของบัตรตรงกับกุญแจที่ลงนามอนุมัติ"))
            if not card.reviewer.signed_as(signed_by.role, signed_by.name):
                notes.append(tr(
                    "แต่การอนุมัติลงชื่อว่า {signed} ส่วนบัตรเป็นของ {card} "
                    "แม้เชื่อถือบัตรนี้ การอนุมัตินี้ก็จะไม่นับ",
                    signed=describe(signed_by.name, "", signed_by.role),
                    card=describe(card.name, "", card.reviewer.row)))
        self.verdict.setStyleSheet(f"color: {MATCH_COLOUR};")
        self.verdict.setText("\n".join(notes))
        self._update_ok()
        return True

    def _show_card(self, card: Card | None, why: str, keep_card_text: bool = False) -> None:
        if not keep_card_text:
            self.card_label.setText(tr("ยังไม่ได้เลือกไฟล์บัตร"))
            self.card_print.setText("")
        self.card = card
        self.verdict.setStyleSheet(f"color: {MISMATCH_COLOUR};")
        self.verdict.setText(why)
        self._update_ok()

    def _update_ok(self) -> None:
        self.confirm.setEnabled(self.card is not None)
        self.trust_button.setEnabled(self.card is not None and self.confirm.isChecked())

    def accept(self) -> None:
        if self.card is None or not self.confirm.isChecked():
            return
        super().accept()


def card_outcome_text(outcome: str, profile_name: str, card: Card) -> str:
    """What trusting did to the profile, in words (``AgencyProfile.trust``'s answer)."""
    who = describe(card.name, "", card.reviewer.row)
    if outcome == "added":
        return tr("เพิ่ม {who} ในรายชื่อผู้ตรวจของโปรไฟล์ {p} แล้ว", who=who, p=profile_name)
    if outcome == "updated":
        return tr("ปรับรายชื่อ {who} ในโปรไฟล์ {p} ตามบัตรแล้ว", who=who, p=profile_name)
    return tr("โปรไฟล์ {p} มีบัตรนี้อยู่แล้ว", p=profile_name)


def export_my_card(parent: QWidget, path: Path | None = None) -> Path | None:
    """ส่งออกบัตรผู้ตรวจของฉัน…: the user's card (identity + public key, signed with their
    key, which is made now if it does not exist yet), written where they choose; then the
    fingerprint to read to whoever imports it. None when not written (and the user told)."""
    from dla_drafter.atomic import atomic_write_bytes
    from dla_drafter.review.cards import CARD_SUFFIX, CardError, make_card
    from dla_drafter.review.identity import IdentityError, load_identity, signing_key

    identity = load_identity()
    try:
        card = make_card(identity.reviewer(), signing_key())
    except (CardError, IdentityError) as exc:
        QMessageBox.warning(parent, tr("ส่งออกบัตรไม่ได้"), error_lines(exc) + "\n\n"
                            + tr("กรอกชื่อ ตำแหน่ง และชื่อย่อที่ ตรวจทาน › ข้อมูลผู้ใช้… ก่อน"))
        return None
    if path is None:
        stem = "-".join(card.name.split()) or "card"
        chosen, _ = QFileDialog.getSaveFileName(
            parent, tr("ส่งออกบัตรผู้ตรวจของฉัน…"), str(Path.home() / f"{stem}{CARD_SUFFIX}"),
            tr(CARD_FILTER))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != CARD_SUFFIX:
            path = path.with_name(path.name + CARD_SUFFIX)
    try:
        atomic_write_bytes(path, card.to_bytes())
    except OSError as exc:  # AtomicWriteError (Thai and English) or a folder not made
        QMessageBox.warning(parent, tr("ส่งออกบัตรไม่ได้"), f"{path}\n\n{error_lines(exc)}")
        return None
    QMessageBox.information(parent, tr("ส่งออกบัตรผู้ตรวจของฉัน…"), tr(
        "บันทึกบัตรผู้ตรวจแล้ว: {p}\n\nส่งไฟล์นี้ให้ผู้ที่จะเชื่อถือการอนุมัติของท่าน "
        "เมื่อเขาโทรมา อ่านลายนิ้วมือนี้ให้ฟังทีละกลุ่ม:\n\n{f}",
        p=path, f=card.fingerprint(thai=language() != "en")))
    return path
