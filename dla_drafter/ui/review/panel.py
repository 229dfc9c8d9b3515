"""The review panel (ตรวจทาน): ส่งตรวจ, comments with reply / resolve, อนุมัติ / ส่งกลับแก้ไข,
the approvals with their status, and the word diff since the version sent for review.

A thin view over :mod:`dla_drafter.review`: every button runs one verb of
:mod:`dla_drafter.review.actions` on a *copy* of the letter (a refused verb raises before
changing anything, and the clerk sees its Thai message), then hands the new record to
:meth:`Document.set_review` — one undo step, the draft marked modified, saved as usual.

Text for comments, replies and the reason for returning is typed into the panel itself, not
a modal dialog, so a reviewer can read the letter while writing. "แสดงความเห็น…" (Ctrl+Alt+M,
or the text box's context menu) takes the selected text of the focused box as the quote —
or, after a click on the preview, that line's text — and puts the cursor in the panel.

Marks in the form and on the preview (:mod:`.marks`) and the panel itself are
refreshed on a short timer after an edit, never inside the keystroke.
"""

from __future__ import annotations

import copy
import html
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
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.letter import Letter
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.review import marks as review_marks
from dla_drafter.ui.review.strings import register

if TYPE_CHECKING:
    from dla_drafter.ui.letter.document import Document
    from dla_drafter.ui.letter.form import LetterForm
    from dla_drafter.ui.letter.preview import PreviewPane

register()

REFRESH_MS = 400  # after a pause in typing: a refresh with a word diff takes tens of ms
STATE_COLORS = {"draft": "#6b7280", "in_review": "#b45309", "returned": "#b91c1c",
                "approved": "#15803d"}
STATUS_BADGES = {
    "valid": ("✓ ใช้ได้", "#15803d"),
    "stale": ("⚠ หนังสือแก้ไขหลังอนุมัติ", "#b45309"),
    "unknown_key": ("? ไม่รู้จักกุญแจ", "#b45309"),
    "invalid": ("✗ ไม่ถูกต้อง", "#b91c1c"),
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


def _review() -> Any:
    """:mod:`dla_drafter.review.actions`, imported on first use: the window opens before it
    (and cryptography) load, and a letter never reviewed never loads them."""
    from dla_drafter.review import actions

    return actions


def field_label(path: str, lang: str = "th") -> str:
    from dla_drafter.fields import field_label as label

    return label(path, lang)


def diff_html(diff: Any, lang: str = "th") -> str:
    """The word diff as rich text: inserted words underlined, deleted words struck through."""
    if not diff:
        return html.escape(tr("ไม่มีการเปลี่ยนแปลงตั้งแต่ฉบับที่ส่งตรวจ"))
    parts = []
    kinds = {"added": tr("เพิ่ม"), "removed": tr("ลบ"), "split": tr("แยกย่อหน้า"),
             "merged": tr("รวมย่อหน้า"), "moved": tr("ย้าย")}
    for change in diff.fields:
        head = html.escape(change.label(lang))
        if kinds.get(change.kind):
            head += f" <i>({html.escape(kinds[change.kind])})</i>"
        text = []
        for op, piece in change.pieces:
            piece_html = html.escape(piece).replace("\n", "<br>")
            if op in ("break", "join"):  # a split's cut (a merge's join): a paragraph mark
                piece_html = "¶"
                op = "insert" if op == "break" else "delete"
            if op in ("delete", "moved_out"):
                text.append(f'<s style="color:#c00000; background:#ffd6d6">{piece_html}</s>')
            elif op in ("insert", "moved_in"):
                text.append(f'<u style="color:#1a56c4; background:#e3eeff">{piece_html}</u>')
            else:
                text.append(piece_html)
        parts.append(f"<p><b>{head}</b><br>{''.join(text)}</p>")
    return "".join(parts)


class ReviewPanel(QDockWidget):
    """The dock "ตรวจทาน" over the window's ``doc``, ``form`` and ``preview``; ``status``
    writes to the window's status bar."""

    def __init__(self, parent: QWidget, doc: Document, form: LetterForm, preview: PreviewPane,
                 status: Callable[[str, int], None], keyring: Callable[[], Any],
                 refresh_keyring: Callable[[], None]) -> None:
        super().__init__(tr("ตรวจทาน"), parent)
        self.setObjectName("reviewDock")
        self.status = status
        self.keyring = keyring  # whose approvals count on this PC (the window's)
        self.refresh_keyring = refresh_keyring
        self.doc = doc
        self.form = form
        self.preview = preview
        self.diff: Any = None
        self.step_index = -1
        self.pending: tuple[str, str] | None = None  # (field, quote) of the next comment
        self._marked: set[QWidget] = set()
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
        self.send_button = self._button("ส่งตรวจ", self.send,
                                        "บันทึกฉบับนี้ไว้เทียบ แล้วส่งให้ผู้ตรวจ", "reviewSend")
        top.addWidget(self.state_label, 1)
        top.addWidget(self.send_button)
        lay.addLayout(top)

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
        self.note.setFixedHeight(64)
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
        lay.addWidget(comments, 3)

        approvals = QGroupBox(tr("การอนุมัติ"))
        a_lay = QVBoxLayout(approvals)
        self.approval_list = QListWidget()
        self.approval_list.setObjectName("reviewApprovals")
        self.approval_list.setWordWrap(True)
        self.approval_list.setMaximumHeight(110)
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
        lay.addWidget(approvals, 1)

        changes = QGroupBox(tr("การเปลี่ยนแปลง"))
        d_lay = QVBoxLayout(changes)
        row = QHBoxLayout()
        self.compare_button = self._button("เทียบกับฉบับที่ส่งตรวจ", self._compare_toggled,
                                           "แสดงคำที่เพิ่มและลบตั้งแต่ฉบับที่ส่งตรวจ",
                                           "reviewCompare")
        self.compare_button.setCheckable(True)
        self.prev_button = self._button("◀", lambda: self.step(-1),
                                        "การเปลี่ยนแปลงก่อนหน้า", "reviewPrev")
        self.next_button = self._button("▶", lambda: self.step(1),
                                        "การเปลี่ยนแปลงถัดไป", "reviewNext")
        row.addWidget(self.compare_button, 1)
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        d_lay.addLayout(row)
        self.step_label = QLabel()
        self.step_label.setObjectName("reviewStep")
        d_lay.addWidget(self.step_label)
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("reviewDiff")
        d_lay.addWidget(self.diff_view, 1)
        lay.addWidget(changes, 3)
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

    def _button(self, text: str, slot: Callable[[], Any], tip: str, name: str) -> QPushButton:
        button = QPushButton(tr(text))
        button.setObjectName(name)
        button.setToolTip(tr(tip))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- state ---

    def letter(self) -> Letter:
        return self.doc.letter

    def state(self) -> str:
        if self.doc.letter.extra.get(REVIEW_KEY) is None:
            return "draft"
        return _review().record_of(self.doc.letter).state

    def _on_replaced(self) -> None:
        """A draft was opened: a returned one shows its changes at once."""
        self._reset()
        if self.doc.letter.extra.get(REVIEW_KEY) is not None:
            self.show()  # a draft under review opens with its panel

    def _reset(self) -> None:
        self.pending = None
        self.step_index = -1
        self.compare_button.setChecked(self.state() == "returned")
        self.refresh()

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
        from dla_drafter.review.record import STATE_NAMES

        record = _review().record_of(letter)
        lang = language()
        name_th, name_en = STATE_NAMES.get(record.state, (record.state, record.state))
        self.state_label.setText(tr("สถานะ: {s}", s=name_th if lang == "th" else name_en))
        self.state_label.setStyleSheet(
            f"font-weight: bold; color: {STATE_COLORS.get(record.state, '#000')};")
        self._fill_comments(letter, record)
        self._fill_approvals(letter, record)
        showing = self.compare_button.isChecked()
        self.diff = _review().changes_since_sent(letter) if showing else None
        if showing and record.last_version("sent") is None:
            self.diff_view.setHtml(html.escape(tr("หนังสือนี้ยังไม่เคยส่งตรวจ")))
        elif showing:
            self.diff_view.setHtml(diff_html(self.diff, lang))
        else:
            self.diff_view.setHtml("")
        steps = self.diff.steps if self.diff else []
        if self.step_index >= len(steps):
            self.step_index = len(steps) - 1
        self._update_step_label()
        marks = review_marks.marks_by_field(letter, self.diff)
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

    def _refresh_unreviewed(self) -> None:
        """A letter with no review record: state ร่าง, nothing listed, no marks."""
        self.state_label.setText(tr("สถานะ: {s}", s=tr("ร่าง")))
        self.state_label.setStyleSheet(f"font-weight: bold; color: {STATE_COLORS['draft']};")
        if self.comment_list.count():
            self.comment_list.clear()
        if self.approval_list.count():
            self.approval_list.clear()
        self.diff = None
        self.step_index = -1
        self.diff_view.setHtml(html.escape(tr("หนังสือนี้ยังไม่เคยส่งตรวจ"))
                               if self.compare_button.isChecked() else "")
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

    def _fill_approvals(self, letter: Letter, record: Any) -> None:
        self.approval_list.clear()
        if not record.approvals:
            return
        keyring = self.keyring()
        why = {p.field: p.message(language()) for p in _review().review_problems(letter, keyring)}
        for approval, status in _review().approval_statuses(letter, keyring):
            badge, color = STATUS_BADGES[status]
            text = f"{approval.role} {approval.name} — {tr(badge)}"
            reason = why.get(f"review.approvals[{approval.index}]", "")
            item = QListWidgetItem(text + (f"\n{reason}" if reason else ""))
            item.setData(STATUS_ROLE, status)
            item.setForeground(QBrush(QColor(color)))
            item.setToolTip(reason or tr("พิมพ์ในช่องลงชื่อย่อของสำเนาคู่ฉบับ"))
            self.approval_list.addItem(item)

    def _update_buttons(self) -> None:
        has_comment = self.current_comment_id() is not None
        for button in (self.reply_button, self.resolve_button, self.jump_button):
            button.setEnabled(has_comment)
        comment = self._current_comment()
        self.resolve_button.setText(tr("เปิดอีกครั้ง") if comment is not None and comment.resolved
                                    else tr("แก้แล้ว"))
        steps = len(self.diff.steps) if self.diff else 0
        self.prev_button.setEnabled(steps > 0)
        self.next_button.setEnabled(steps > 0)

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
        return self._run(lambda letter: _review().set_resolved(letter, comment.id,
                                                             not comment.resolved),
                         "เปิดความเห็นอีกครั้ง" if comment.resolved else "แก้ตามความเห็นแล้ว")

    def jump_to_comment(self) -> bool:
        comment = self._current_comment()
        if comment is None:
            return False
        where = _review().locate_comment(self.doc.letter, comment)
        if where is None:
            return self.form.focus_field(comment.field)
        return review_marks.select_range(self.form, comment.field, *where)

    def approve(self) -> bool:
        from dla_drafter.review.identity import IdentityError, signing_key

        identity = self._identity()
        role = identity.abbreviation.strip() or identity.position.strip()
        if not role or not identity.name.strip():
            QMessageBox.information(
                self, tr("อนุมัติ"),
                tr("กรอกชื่อและชื่อย่อที่ใช้ในช่องลงชื่อย่อก่อน (ตรวจทาน → ข้อมูลผู้ใช้…)"))
            if not self.edit_identity():
                return False
            identity = self._identity()
            role = identity.abbreviation.strip() or identity.position.strip()
        try:
            key = signing_key()
        except IdentityError as exc:
            QMessageBox.warning(self, tr("อนุมัติไม่ได้"), exc.message(language()))
            return False
        from dla_drafter.review.integrity import public_key_text

        if not self.keyring().knows(public_key_text(key.public_key())):
            self.refresh_keyring()  # the first approval made the user's key just now
        return self._run(lambda letter: _review().approve(letter, role, identity.name, key),
                         "อนุมัติ")

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
            self.refresh()
        return accepted

    def show_problem(self, path: str) -> None:
        """A review problem clicked in the problems panel: show the approval it is about."""
        m = re.fullmatch(r"review\.approvals\[(\d+)\]", path)
        if not path.startswith(REVIEW_KEY):
            return
        self.show()
        self.raise_()
        self.refresh()
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
        self._compare_toggled()

    def step(self, delta: int) -> bool:
        """Go to the next (1) or previous (-1) change: focus its field, select its words."""
        if not self.compare_button.isChecked():
            self.show_changes(True)
        self.refresh()
        steps = self.diff.steps if self.diff else []
        if not steps:
            return False
        self.step_index = (self.step_index + delta) % len(steps)
        change, hunk = steps[self.step_index]
        self._update_step_label()
        if hunk.new_field is None:  # a place that is gone: go to the change's field
            return self.form.focus_field(change.field)
        return review_marks.select_range(self.form, hunk.new_field, hunk.new_start, hunk.new_end)

    def _update_step_label(self) -> None:
        steps = self.diff.steps if self.diff else []
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

