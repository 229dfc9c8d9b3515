"""The review panel (ตรวจทาน): the review status, ส่งตรวจ, the returned-draft banner with its
checklist, comments with reply / resolve, อนุมัติ / ส่งกลับแก้ไข, the approvals with their status
and "trust this reviewer", and the version picker with its word diff.

The header says what ``dla-drafter review status --json`` says on this PC
(:func:`~dla_drafter.review.status.review_status` with the window's keyring): never อนุมัติแล้ว
unless every approval is valid *here* — an approval by a key this PC does not trust yet reads
"อนุมัติแล้ว แต่เครื่องนี้ยังไม่เชื่อถือผู้อนุมัติ", and the panel offers to trust the approver
after comparing the fingerprint of their card (:mod:`.trust`). Approving signs as the user's
identity (:func:`~dla_drafter.review.actions.approve_as`) and asks first while comments are
open (:func:`~dla_drafter.review.guards.approve_guard`).

A thin view over :mod:`dla_drafter.review`: every button runs one verb of
:mod:`dla_drafter.review.actions` on a *copy* of the letter (a refused verb raises before
changing anything, and the clerk sees its Thai message), then hands the new record to
:meth:`Document.set_review` — one undo step, the draft marked modified, saved as usual.

Text for comments, replies and the reason for returning is typed into the panel itself, not
a modal dialog, so a reviewer can read the letter while writing. "แสดงความเห็น…" (Ctrl+Alt+M,
or the text box's context menu) takes the selected text of the focused box as the quote —
or, after a click on the preview, that line's text — and puts the cursor in the panel.

The dock's content is a header (the status and ส่งตรวจ), the returned-draft banner
(:mod:`.returned`, only while a return is pending) and two tabs: ความเห็นและอนุมัติ, and
เทียบฉบับ (:mod:`.changes`) — at 1366×768 the three groups do not fit one above the other.
Marks in the form and on the preview (:mod:`.marks`) and the panel itself are refreshed on a
short timer after an edit, never inside the keystroke.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.letter import Letter
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.review import marks as review_marks
from dla_drafter.ui.review.changes import ChangesBox, diff_html
from dla_drafter.ui.review.returned import ReturnedBanner
from dla_drafter.ui.review.strings import register

if TYPE_CHECKING:
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.review.status import ReviewStatus
    from dla_drafter.ui.letter.document import Document
    from dla_drafter.ui.letter.form import LetterForm
    from dla_drafter.ui.letter.preview import PreviewPane

register()

REFRESH_MS = 400  # after a pause in typing: a refresh with a word diff takes tens of ms
DRAFT_COLOUR = "#6b7280"
STATUS_BADGES = {
    "valid": ("✓ ใช้ได้", "#15803d"),
    "stale": ("⚠ หนังสือแก้ไขหลังอนุมัติ", "#b45309"),
    "unknown_key": ("? เครื่องนี้ยังไม่เชื่อถือกุญแจ", "#b45309"),
    "invalid": ("✗ ไม่ถูกต้อง", "#b91c1c"),
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
COMMENTS_TAB, CHANGES_TAB = 0, 1

__all__ = ["ReviewPanel", "diff_html"]


def _review() -> Any:
    """:mod:`dla_drafter.review.actions`, imported on first use: the window opens before it
    (and cryptography) load, and a letter never reviewed never loads them."""
    from dla_drafter.review import actions

    return actions


def field_label(path: str, lang: str = "th") -> str:
    from dla_drafter.fields import field_label as label

    return label(path, lang)


class ReviewPanel(QDockWidget):
    """The dock "ตรวจทาน" over the window's ``doc``, ``form`` and ``preview``; ``status``
    writes to the window's status bar, ``keyring`` gives whose approvals count on this PC,
    ``refresh_keyring`` works it out again, ``config`` gives the window's settings (the
    agency profile a trusted reviewer's card goes into)."""

    def __init__(self, parent: QWidget, doc: Document, form: LetterForm, preview: PreviewPane,
                 status: Callable[[str, int], None], keyring: Callable[[], Any],
                 refresh_keyring: Callable[[], None],
                 config: Callable[[], AppConfig] | None = None) -> None:
        super().__init__(tr("ตรวจทาน"), parent)
        self.setObjectName("reviewDock")
        self.status = status
        self.keyring = keyring  # whose approvals count on this PC (the window's)
        self.refresh_keyring = refresh_keyring
        self.config = config
        self.doc = doc
        self.form = form
        self.preview = preview
        self.diff: Any = None
        self.step_index = -1
        self.pending: tuple[str, str] | None = None  # (field, quote) of the next comment
        self.review_status: ReviewStatus | None = None
        self._marked: set[QWidget] = set()
        self._typed_marked: dict[QWidget, Any] = {}
        self._last_box: QWidget | None = None
        self.preview_marks = review_marks.PreviewMarks()
        self.preview.canvas.overlay = self.preview_marks

        body = QWidget()
        body.setObjectName("reviewPanel")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 4, 6, 6)
        top = QHBoxLayout()
        self.state_label = QLabel()
        self.state_label.setObjectName("reviewState")
        self.state_label.setWordWrap(True)
        self.send_button = self._button("ส่งตรวจ", self.send,
                                        "บันทึกฉบับนี้ไว้เทียบ แล้วส่งให้ผู้ตรวจ", "reviewSend")
        top.addWidget(self.state_label, 1)
        top.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        # under the header, whichever tab is open: the header says the approval does not
        # count here, and this is what to do about it
        self.trust_button = self._button(
            "เชื่อถือผู้ตรวจนี้…", self.trust_approval,
            "นำเข้าบัตรผู้ตรวจของผู้อนุมัติ เทียบลายนิ้วมือ แล้วให้เครื่องนี้นับการอนุมัติของเขา",
            "reviewTrust")
        self.trust_button.setVisible(False)
        lay.addWidget(self.trust_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.banner = ReturnedBanner(self.set_comment_resolved, self.jump_to_comment_id)
        lay.addWidget(self.banner)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.setDocumentMode(True)
        first = QWidget()
        f_lay = QVBoxLayout(first)
        f_lay.setContentsMargins(0, 4, 0, 0)
        f_lay.addWidget(self._build_comments(), 3)
        f_lay.addWidget(self._build_approvals(), 1)
        self.tabs.addTab(first, tr("ความเห็นและอนุมัติ"))
        self.changes = ChangesBox(self._compare_toggled, self.step)
        self.compare_button = self.changes.compare_button
        self.prev_button = self.changes.prev_button
        self.next_button = self.changes.next_button
        self.step_label = self.changes.step_label
        self.diff_view = self.changes.diff_view
        self.tabs.addTab(self.changes, tr("เทียบฉบับ"))
        lay.addWidget(self.tabs, 1)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.doc.changed.connect(lambda *_: self._timer.start())
        self.doc.replaced.connect(self._on_replaced)
        app = QApplication.instance()
        if app is not None:
            # a slot of a QObject: Qt drops the connection when the panel is deleted
            app.focusChanged.connect(self._focus_changed)
        self._reset()

    def _build_comments(self) -> QGroupBox:
        comments = QGroupBox(tr("ความเห็น"))
        c_lay = QVBoxLayout(comments)
        self.comment_list = QListWidget()
        self.comment_list.setObjectName("reviewComments")
        self.comment_list.setWordWrap(True)
        self.comment_list.itemDoubleClicked.connect(lambda _i: self.jump_to_comment())
        self.comment_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        c_lay.addWidget(self.comment_list, 1)
        self.quote_label = QLabel()
        self.quote_label.setObjectName("reviewQuote")
        self.quote_label.setWordWrap(True)
        c_lay.addWidget(self.quote_label)
        self.note = QPlainTextEdit()
        self.note.setObjectName("reviewNote")
        self.note.setPlaceholderText(tr("พิมพ์ความเห็นหรือคำตอบที่นี่"))
        self.note.setFixedHeight(56)
        c_lay.addWidget(self.note)
        row = QHBoxLayout()
        self.comment_button = self._button("บันทึกความเห็น", self.add_comment,
                                           "บันทึกความเห็นต่อข้อความที่เลือก", "reviewAddComment")
        self.reply_button = self._button("ตอบ", self.reply, "ตอบความเห็นที่เลือก", "reviewReply")
        self.resolve_button = self._button("แก้แล้ว", self.toggle_resolved,
                                           "ทำเครื่องหมายว่าแก้ตามความเห็นแล้ว", "reviewResolve")
        self.jump_button = self._button("ไปที่ช่อง", self.jump_to_comment,
                                        "ไปยังข้อความที่ความเห็นนี้อ้างถึง", "reviewJump")
        for button in (self.comment_button, self.reply_button, self.resolve_button,
                       self.jump_button):
            row.addWidget(button)
        c_lay.addLayout(row)
        return comments

    def _build_approvals(self) -> QGroupBox:
        approvals = QGroupBox(tr("การอนุมัติ"))
        a_lay = QVBoxLayout(approvals)
        self.approval_list = QListWidget()
        self.approval_list.setObjectName("reviewApprovals")
        self.approval_list.setWordWrap(True)
        self.approval_list.setMaximumHeight(110)
        self.approval_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        a_lay.addWidget(self.approval_list)
        self.reason = QLineEdit()
        self.reason.setObjectName("reviewReason")
        self.reason.setPlaceholderText(tr("เหตุผลที่ส่งกลับแก้ไข"))
        a_lay.addWidget(self.reason)
        row = QHBoxLayout()
        self.approve_button = self._button("อนุมัติ", self.approve,
                                           "ลงชื่อย่ออนุมัติหนังสือฉบับนี้ด้วยกุญแจของท่าน",
                                           "reviewApprove")
        self.return_button = self._button("ส่งกลับแก้ไข", self.return_for_changes,
                                          "ส่งกลับให้ผู้ร่างแก้ไข พร้อมเหตุผล", "reviewReturn")
        row.addWidget(self.approve_button)
        row.addWidget(self.return_button)
        a_lay.addLayout(row)
        return approvals

    def _button(self, text: str, slot: Callable[[], Any], tip: str, name: str) -> QPushButton:
        button = QPushButton(tr(text))
        button.setObjectName(name)
        button.setToolTip(tr(tip))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- state ---

    def letter(self) -> Letter:
        return self.doc.letter

    def status_now(self) -> ReviewStatus:
        """The review status on this PC now (:func:`~dla_drafter.review.status.review_status`
        with the window's keyring): what the header shows."""
        from dla_drafter.review.status import review_status

        return review_status(self.doc.letter, self.keyring())

    def state(self) -> str:
        """The displayed state: ``approved`` only when every approval is valid here."""
        if self.doc.letter.extra.get(REVIEW_KEY) is None:
            return "draft"
        return self.status_now().state

    def viewer(self) -> Any:
        """The user as the version picker's "since I last looked" knows them."""
        from dla_drafter.review.identity import IdentityError, own_public_key
        from dla_drafter.review.versions import Viewer

        try:
            key = own_public_key()
        except IdentityError:  # a damaged key file: match by name only
            key = None
        return Viewer(self._identity().display_name(), key)

    def _on_replaced(self) -> None:
        """A draft was opened: a returned one shows its banner, and what changed since the
        user last looked shows at once."""
        self.banner.forget()
        self.changes.reset()
        self._reset()
        if self.doc.letter.extra.get(REVIEW_KEY) is not None:
            self.show()  # a draft under review opens with its panel

    def _reset(self) -> None:
        self.pending = None
        self.step_index = -1
        self.compare_button.setChecked(self._changed_since_i_looked())
        self.refresh()
        # what needs the user first: a return to work through or an approval to trust (on
        # the comments and approvals tab), else the changes, when there are any
        if self.banner.isVisibleTo(self) or self.untrusted():
            self.tabs.setCurrentIndex(COMMENTS_TAB)
        elif self.compare_button.isChecked() and self.diff:
            self.tabs.setCurrentIndex(CHANGES_TAB)

    def _changed_since_i_looked(self) -> bool:
        """Whether someone acted on the draft after the version the user compares from by
        default (a return for the clerk, a new ส่งตรวจ for the supervisor)."""
        letter = self.doc.letter
        if letter.extra.get(REVIEW_KEY) is None:
            return False
        from dla_drafter.ui.review.changes import default_from

        record = _review().record_of(letter)
        start, _baseline = default_from(record, self.viewer())
        return start is not None and start < len(record.versions)

    def _compare_toggled(self) -> None:
        self.step_index = -1
        self.refresh()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            if new is not None and review_marks.field_at(self.form, new) is not None:
                self._last_box = new
        except RuntimeError:  # the window is being torn down
            pass

    def refresh(self) -> None:
        """Bring the panel, the form marks and the preview marks in line with the letter."""
        self._timer.stop()
        letter = self.doc.letter
        if letter.extra.get(REVIEW_KEY) is None:
            self._refresh_unreviewed()
            return
        from dla_drafter.review.status import review_status

        status = review_status(letter, self.keyring())
        self.review_status = status
        record = status.record
        self._show_state(status.label(language()), status.colour)
        self.banner.show_for(letter, record)
        self._fill_comments(letter, record)
        self._fill_approvals(letter, status)
        self.diff = self.changes.show_for(letter, record, self.viewer())
        to_now = self.changes.to_current
        steps = self.diff.steps if (self.diff and to_now) else []
        if self.step_index >= len(steps):
            self.step_index = len(steps) - 1
        self._update_step_label()
        marks = review_marks.marks_by_field(letter, self.diff if to_now else None)
        self._marked = review_marks.apply_form_marks(self.form, marks, self._marked)
        texts: dict[str, str] = {}
        if marks:
            from dla_drafter.review.diff import field_texts
            from dla_drafter.review.integrity import letter_snapshot

            texts = field_texts(letter_snapshot(letter))
        if self.preview_marks.set_marks(marks, texts):
            self.preview.canvas.update()
        self._install_menus()
        self._update_buttons()

    def _show_state(self, label: str, colour: str) -> None:
        self.state_label.setText(tr("สถานะ: {s}", s=label))
        self.state_label.setStyleSheet(f"font-weight: bold; color: {colour};")

    def _refresh_unreviewed(self) -> None:
        """A letter with no review record: state ร่าง, nothing listed, no marks."""
        from dla_drafter.review.record import ReviewRecord

        # no record: the empty one (what record_of answers), without importing the review
        # engine, which a letter never reviewed never needs (the window's start, issue 15)
        record = ReviewRecord()
        self.review_status = None
        self._show_state(tr("ร่าง"), DRAFT_COLOUR)
        self.banner.show_for(self.doc.letter, record)
        if self.comment_list.count():
            self.comment_list.clear()
        if self.approval_list.count():
            self.approval_list.clear()
        self.approval_list.setVisible(False)
        self.diff = None
        self.step_index = -1
        if self.changes.shows_versions:  # versions of the letter before: clear them
            self.changes.show_for(self.doc.letter, record, None)
        self.step_label.setText("")
        self.quote_label.setText(tr("เลือกข้อความในแบบฟอร์มแล้วกด Ctrl+Alt+M เพื่อแสดงความเห็น"))
        if self._marked:
            self._marked = review_marks.apply_form_marks(self.form, {}, self._marked)
        if self.preview_marks.set_marks({}):
            self.preview.canvas.update()
        self._install_menus()
        self._update_buttons()

    def _fill_comments(self, letter: Letter, record: Any) -> None:
        current = self.current_comment_id()
        self.comment_list.clear()
        for comment in record.comments:
            where = _review().locate_comment(letter, comment)
            lines = [f"{comment.author}: {comment.text}",
                     f"“{comment.quote}” · {field_label(comment.field, language())}"]
            if where is None:
                lines[1] += " · " + tr("ข้อความนี้ถูกแก้แล้ว")
            lines.extend(f"  ↳ {r.author}: {r.text}" for r in comment.replies)
            if comment.resolved:
                lines[0] = "✓ " + lines[0]
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            if comment.resolved:
                item.setForeground(QBrush(QColor("#808080")))
            self.comment_list.addItem(item)
            if comment.id == current:
                self.comment_list.setCurrentItem(item)
        if self.pending is not None:
            field, quote = self.pending
            self.quote_label.setText(tr("ความเห็นต่อ “{q}” ในช่อง{f}", q=quote,
                                        f=field_label(field, language())))
        else:
            self.quote_label.setText(tr("เลือกข้อความในแบบฟอร์มแล้วกด Ctrl+Alt+M เพื่อแสดงความเห็น"))

    def _fill_approvals(self, letter: Letter, status: ReviewStatus) -> None:
        """Each approval with its status here and, when it does not count, why — the same
        words the problems list shows (:func:`~dla_drafter.review.status.review_problems`)."""
        from dla_drafter.review.status import review_problems

        current = self.approval_list.currentRow()
        self.approval_list.clear()
        # no approvals yet: the room goes to the comments (at 1366×768 every line counts)
        self.approval_list.setVisible(bool(status.approvals))
        if not status.approvals:
            return
        why = {p.field: p.message(language())
               for p in review_problems(letter, self.keyring(), status)}
        for check in status.approvals:
            approval = check.approval
            badge, color = STATUS_BADGES[check.status]
            shown = check.reviewer
            who = (f"{shown.row} {shown.name}" if shown is not None and check.status == "valid"
                   else f"{approval.role} {approval.name}")
            reason = why.get(f"{REVIEW_KEY}.approvals[{approval.index}]", "")
            item = QListWidgetItem(f"{who} — {tr(badge)}" + (f"\n{reason}" if reason else ""))
            item.setData(STATUS_ROLE, check.status)
            item.setData(Qt.ItemDataRole.UserRole, approval.index)
            item.setForeground(QBrush(QColor(color)))
            item.setToolTip(reason or tr("พิมพ์ในช่องลงชื่อย่อของสำเนาคู่ฉบับ"))
            self.approval_list.addItem(item)
        if 0 <= current < self.approval_list.count():
            self.approval_list.setCurrentRow(current)

    def untrusted(self) -> list[Any]:
        """The approvals whose key this PC does not trust (reason ``unknown_key``)."""
        status = self.review_status
        return [] if status is None else [c for c in status.approvals
                                          if c.reason == "unknown_key"]

    def _update_buttons(self) -> None:
        has_comment = self.current_comment_id() is not None
        for button in (self.reply_button, self.resolve_button, self.jump_button):
            button.setEnabled(has_comment)
        comment = self._current_comment()
        self.resolve_button.setText(tr("เปิดอีกครั้ง") if comment is not None and comment.resolved
                                    else tr("แก้แล้ว"))
        steps = len(self.diff.steps) if (self.diff and self.changes.to_current) else 0
        self.prev_button.setEnabled(steps > 0)
        self.next_button.setEnabled(steps > 0)
        self.trust_button.setVisible(bool(self.untrusted()))

    def statuses(self) -> list[str]:
        """The approval statuses shown, in order (for tests and the status bar)."""
        return [self.approval_list.item(i).data(STATUS_ROLE)
                for i in range(self.approval_list.count())]

    # --- verbs ---

    def _run(self, verb: Callable[[Letter], Any], text: str) -> bool:
        """Run a review verb on a copy of the letter, then store its record undoably."""
        letter = copy.deepcopy(self.doc.letter)
        try:
            verb(letter)
        except _review().ReviewError as exc:  # refused before changing anything
            QMessageBox.warning(self, tr("ทำรายการไม่ได้"),
                                exc.message(language()))
            return False
        self.doc.set_review(letter.extra.get(REVIEW_KEY), tr(text))
        self.refresh()
        self.status(tr(text), 4000)
        return True

    def _identity(self) -> Any:
        from dla_drafter.review.identity import load_identity

        return load_identity()

    def send(self) -> bool:
        by = self._identity().display_name()
        return self._run(lambda letter: _review().send_for_review(letter, by), "ส่งตรวจ")

    def begin_comment(self, widget: QWidget | None = None) -> bool:
        """แสดงความเห็น…: take the selection of ``widget`` (the focused text box) as the quote."""
        widget = widget or QApplication.focusWidget()
        found = review_marks.field_at(self.form, widget)
        if found is None and self._last_box is not None:
            widget = self._last_box
            found = review_marks.field_at(self.form, widget)
        if found is None or widget is None:
            QMessageBox.information(self, tr("แสดงความเห็น"),
                                    tr("เลือกข้อความในช่องของแบบฟอร์ม หรือคลิกบรรทัดในตัวอย่างหน้า "
                                       "แล้วสั่งแสดงความเห็นอีกครั้ง"))
            return False
        field, text, _start = found
        quote = review_marks.selected_text(widget).strip()
        if not quote:
            quote = self._clicked_line(field, text) or text.strip()
        if not quote:
            QMessageBox.information(self, tr("แสดงความเห็น"), tr("ช่องนี้ยังไม่มีข้อความ"))
            return False
        self.pending = (field, quote)
        self.refresh()
        self.show()
        self.raise_()
        self.tabs.setCurrentIndex(COMMENTS_TAB)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _clicked_line(self, field: str, text: str) -> str:
        """The text of the preview line last clicked, when it came from ``field``."""
        item = self.preview.canvas.clicked_item
        source = review_marks.source_path(getattr(item, "source", None))
        line = getattr(item, "text", "").strip()
        if not line or source is None or not review_marks.covers(source, field):
            return ""
        if line in text:
            return line
        from dla_drafter.text.digits import to_arabic_digits

        plain = to_arabic_digits(line)
        return plain if plain in text else ""

    def add_comment(self) -> bool:
        if self.pending is None:
            QMessageBox.information(self, tr("แสดงความเห็น"),
                                    tr("เลือกข้อความในแบบฟอร์มแล้วกด Ctrl+Alt+M เพื่อแสดงความเห็น"))
            return False
        field, quote = self.pending
        text = self.note.toPlainText().strip()
        author = self._identity().display_name()
        if not self._run(lambda letter: _review().add_comment(letter, field, quote, text, author),
                         "แสดงความเห็น"):
            return False
        self.pending = None
        self.note.clear()
        self.comment_list.setCurrentRow(self.comment_list.count() - 1)
        self.refresh()
        return True

    def current_comment_id(self) -> str | None:
        item = self.comment_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _current_comment(self) -> Any:
        comment_id = self.current_comment_id()
        return None if comment_id is None else \
            _review().record_of(self.doc.letter).comment(comment_id)

    def reply(self) -> bool:
        comment_id = self.current_comment_id()
        if comment_id is None:
            return False
        text = self.note.toPlainText().strip()
        author = self._identity().display_name()
        if self._run(lambda letter: _review().reply_to_comment(letter, comment_id, text, author),
                     "ตอบความเห็น"):
            self.note.clear()
            return True
        return False

    def toggle_resolved(self) -> bool:
        comment = self._current_comment()
        if comment is None:
            return False
        return self.set_comment_resolved(comment.id, not comment.resolved)

    def set_comment_resolved(self, comment_id: str, resolved: bool) -> bool:
        """แก้แล้ว / เปิดอีกครั้ง (the comment list's button, a tick in the checklist)."""
        comment = _review().record_of(self.doc.letter).comment(comment_id)
        if comment is None or comment.resolved == resolved:
            self.refresh()  # a stale tick: show the record as it is
            return False
        return self._run(lambda letter: _review().set_resolved(letter, comment_id, resolved),
                         "แก้ตามความเห็นแล้ว" if resolved else "เปิดความเห็นอีกครั้ง")

    def jump_to_comment(self) -> bool:
        comment_id = self.current_comment_id()
        return False if comment_id is None else self.jump_to_comment_id(comment_id)

    def jump_to_comment_id(self, comment_id: str) -> bool:
        """Show the text a comment quotes, selected in its box (its field when it is gone)."""
        comment = _review().record_of(self.doc.letter).comment(comment_id)
        if comment is None:
            return False
        where = _review().locate_comment(self.doc.letter, comment)
        if where is None:
            return self.form.focus_field(comment.field)
        return review_marks.select_range(self.form, comment.field, *where)

    def approve(self) -> bool:
        """อนุมัติ: sign the letter as the user's identity (never a name typed for the
        occasion), after asking when comments are still open."""
        from dla_drafter.review.guards import approve_guard
        from dla_drafter.review.identity import IdentityError, signing_key

        open_comments = approve_guard(self.doc.letter)
        if open_comments and not self._approve_anyway(open_comments):
            return False
        identity = self._identity()
        if not identity.name.strip() or not identity.reviewer().row:
            QMessageBox.information(
                self, tr("อนุมัติ"),
                tr("กรอกชื่อและชื่อย่อที่ใช้ในช่องลงชื่อย่อก่อน (ตรวจทาน → ข้อมูลผู้ใช้…)"))
            if not self.edit_identity():
                return False
            identity = self._identity()
        try:
            key = signing_key()
        except IdentityError as exc:
            QMessageBox.warning(self, tr("อนุมัติไม่ได้"), exc.message(language()))
            return False
        from dla_drafter.review.integrity import public_key_text

        if not self.keyring().knows(public_key_text(key.public_key())):
            self.refresh_keyring()  # the first approval made the user's key just now
        me = identity.reviewer()
        return self._run(lambda letter: _review().approve_as(letter, me, key), "อนุมัติ")

    def _approve_anyway(self, problems: list[Any]) -> bool:
        """Ask before approving with comments still open; True to approve all the same."""
        from dla_drafter.ui.ask import ask_choice

        lines = "\n".join("• " + p.text(language()) for p in problems[:10])
        more = len(problems) - 10
        if more > 0:
            lines += "\n" + tr("และอีก {n} รายการ", n=more)
        role = QMessageBox.ButtonRole
        answer = ask_choice(
            self, tr("ยังมีความเห็นที่ยังไม่ได้แก้"),
            tr("ยังมีความเห็นที่ยังไม่ได้แก้ {n} รายการ:", n=len(problems)) + f"\n\n{lines}\n\n"
            + tr("อนุมัติทั้งที่ยังมีความเห็นค้างอยู่หรือไม่?"),
            [("approve", tr("อนุมัติทั้งที่มีความเห็นค้าง"), role.AcceptRole),
             ("cancel", tr("ยกเลิก"), role.RejectRole)],
            default="cancel", cancel="cancel", icon=QMessageBox.Icon.Warning)
        return answer == "approve"

    def return_for_changes(self) -> bool:
        reason = self.reason.text().strip()
        by = self._identity().display_name()
        if self._run(lambda letter: _review().return_for_changes(letter, reason, by),
                     "ส่งกลับแก้ไข"):
            self.reason.clear()
            return True
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def edit_identity(self) -> bool:
        from dla_drafter.ui.review.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self)
        accepted = dialog.exec() == IdentityDialog.DialogCode.Accepted
        if accepted:
            self.refresh_keyring()  # the user's own key is listed under their new name
            self.refresh()
        return accepted

    # --- trust ---

    def trust_approval(self, index: int | None = None) -> bool:
        """เชื่อถือผู้ตรวจนี้…: import the approver's card, compare its fingerprint with the
        approval's key (a card of another key is refused), and — once the user says they
        compared it with its owner — add it to the active agency profile and save."""
        from dla_drafter.ui.review.trust import SignedBy, TrustCardDialog, card_outcome_text

        untrusted = self.untrusted()
        if not untrusted:
            return False
        if index is None:
            item = self.approval_list.currentItem()
            index = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        check = next((c for c in untrusted if c.approval.index == index), untrusted[0])
        approval = check.approval
        dialog = TrustCardDialog(self, SignedBy(approval.public_key, approval.name,
                                                approval.role))
        try:
            if dialog.exec() != TrustCardDialog.DialogCode.Accepted or dialog.card is None:
                return False
            card = dialog.card
        finally:
            dialog.deleteLater()
        if self.config is None:
            return False
        config = self.config()
        profile = config.profile()
        before = list(profile.reviewers)
        outcome, _old = profile.trust(card)
        try:
            config.save()
        except OSError as exc:  # not saved: this PC trusts nobody new
            from dla_drafter.ui.review.trust import error_lines

            profile.reviewers = before
            QMessageBox.warning(self, tr("บันทึกการตั้งค่าไม่ได้"), error_lines(exc))
            return False
        self.refresh_keyring()
        self.refresh()
        self.status(card_outcome_text(outcome, profile.profile_name, card), 8000)
        return True

    def export_card(self) -> bool:
        """ส่งออกบัตรผู้ตรวจของฉัน…: for the people who will trust the user's approvals."""
        from dla_drafter.ui.review.trust import export_my_card

        written = export_my_card(self)
        if written is not None:
            self.refresh_keyring()  # the key may have been made just now
            self.status(tr("บันทึกบัตรผู้ตรวจแล้ว: {p}", p=written), 8000)
        return written is not None

    # --- hand-typed initials ---

    def mark_typed_initials(self, problems: list[Any]) -> None:
        """Mark the initials rows whose name was typed by hand (the engine's
        ``initials-typed`` problems, as the problems list shows them)."""
        self._typed_marked = review_marks.mark_typed_initials(
            self.form, [p for p in problems if getattr(p, "code", "") == "initials-typed"],
            self._typed_marked)

    def show_problem(self, path: str) -> None:
        """A review problem clicked in the problems panel: show the approval it is about."""
        m = re.fullmatch(r"review\.approvals\[(\d+)\]", path)
        if not path.startswith(REVIEW_KEY):
            return
        self.show()
        self.raise_()
        self.refresh()
        self.tabs.setCurrentIndex(COMMENTS_TAB)
        if m is not None:
            index = int(m.group(1))
            record = _review().record_of(self.doc.letter)
            rows = [a.index for a in record.approvals]
            if index in rows:
                self.approval_list.setCurrentRow(rows.index(index))
                self.approval_list.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the diff ---

    def show_changes(self, on: bool = True) -> None:
        self.compare_button.setChecked(on)
        if on:
            self.tabs.setCurrentIndex(CHANGES_TAB)
        self._compare_toggled()

    def compare(self, from_n: int | None, to_n: int = 0) -> Any:
        """Compare version ``from_n`` (None: since I last looked) with ``to_n`` (0: the
        letter now); the diff shown."""
        self.tabs.setCurrentIndex(CHANGES_TAB)
        self.changes.choose(from_n, to_n)
        return self.diff

    def step(self, delta: int) -> bool:
        """Go to the next (1) or previous (-1) change: focus its field, select its words."""
        if not self.compare_button.isChecked():
            self.show_changes(True)
        self.refresh()
        steps = self.diff.steps if (self.diff and self.changes.to_current) else []
        if not steps:
            return False
        self.step_index = (self.step_index + delta) % len(steps)
        change, hunk = steps[self.step_index]
        self._update_step_label()
        if hunk.new_field is None:  # a place that is gone: go to the change's field
            return self.form.focus_field(change.field)
        return review_marks.select_range(self.form, hunk.new_field, hunk.new_start, hunk.new_end)

    def _update_step_label(self) -> None:
        steps = self.diff.steps if (self.diff and self.changes.to_current) else []
        if not steps:
            self.step_label.setText("")
        elif self.step_index < 0:
            self.step_label.setText(tr("{n} การเปลี่ยนแปลง", n=len(steps)))
        else:
            change, hunk = steps[self.step_index]
            self.step_label.setText(tr("การเปลี่ยนแปลงที่ {i}/{n}: {f}", i=self.step_index + 1,
                                       n=len(steps), f=change.label(language())))

    # --- comment from a text box's context menu ---

    def _install_menus(self) -> None:
        boxes: list[QWidget] = [b.focus for b in self.form.bindings.values()
                                if isinstance(b.focus, QLineEdit)]
        boxes.extend(self.form.lines.values())
        boxes.extend(getattr(self.form.lists.get("body"), "editors", []))
        for box in boxes:
            if box.property("reviewMenu"):
                continue
            box.setProperty("reviewMenu", True)
            box.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            box.customContextMenuRequested.connect(
                lambda pos, b=box: self._context_menu(b, pos))

    def _context_menu(self, box: Any, pos: Any) -> None:
        menu: QMenu = box.createStandardContextMenu()
        menu.addSeparator()
        action = menu.addAction(tr("แสดงความเห็น…"))
        action.setShortcut(QKeySequence("Ctrl+Alt+M"))
        action.triggered.connect(lambda _c=False: self.begin_comment(box))
        target = box.viewport() if isinstance(box, QTextEdit | QPlainTextEdit) else box
        menu.exec(target.mapToGlobal(pos))
        menu.deleteLater()
