"""The letter's form: every field of the v1 format, grouped as a clerk thinks of the letter.

Sections follow the page from top to bottom (หัวหนังสือ, เรื่อง/เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย,
ข้อความ, ท้ายหนังสือ, เจ้าของเรื่อง, QR, สำเนาส่ง, บัญชีรายชื่อ, สำเนาคู่ฉบับ) so that the form and
the preview read in the same order. Widgets never hold state of their own: every edit goes to
the Document, and :meth:`LetterForm.sync` brings widgets back in line after undo/redo/open.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.fields import get_path
from dla_drafter.model.kinds import KIND_NAMES, NOT_PRINTED
from dla_drafter.model.letter import (
    KINDS,
    SECRECIES,
    STANDARD_INITIAL_ROLES,
    URGENCIES,
    Enclosure,
    Initial,
)
from dla_drafter.ui.ask import ask_choice
from dla_drafter.ui.i18n import tr
from dla_drafter.ui.letter.document import Document
from dla_drafter.ui.letter.esaraban import ESarabanOption
from dla_drafter.ui.letter.spell import SpellChecker, SpellHighlighter
from dla_drafter.ui.letter.widgets import (
    LinesField,
    ParagraphEdit,
    ParagraphList,
    RowList,
    WheelScrollsForm,
)

KIND_LABELS = {
    "external": "หนังสือภายนอก",
    "memo": "บันทึกข้อความ",
    "stamped": "หนังสือประทับตรา",
    "order": "คำสั่ง",
    "announcement": "ประกาศ",
}
SALUTATIONS = ("เรียน", "กราบเรียน", "นมัสการ")
CLOSES = (
    "ขอแสดงความนับถือ",
    "ขอแสดงความนับถืออย่างยิ่ง",
    "ขอนมัสการด้วยความเคารพ",
    "ขอนมัสการด้วยความเคารพอย่างสูง",
    "ขอนมัสการด้วยความเคารพอย่างยิ่ง",
)
CLOSING_PHRASES = (
    "จึงเรียนมาเพื่อโปรดทราบ",
    "จึงเรียนมาเพื่อโปรดพิจารณา",
    "จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป",
    "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการต่อไป",
    "จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ",
    "จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์ด้วย จะขอบคุณยิ่ง",
    "จึงเรียนมาเพื่อโปรดทราบ และแจ้งให้ผู้เกี่ยวข้องทราบต่อไป",
    "จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ",
)
DIGIT_LABELS = {"thai": "เลขไทย", "arabic": "เลขอารบิก", "as-typed": "ตามที่พิมพ์"}

# A part of the page (Pages' item source) -> the field to focus.
SOURCE_FIELDS = {
    "heading": "number.code",
    "number": "number.code",
    "agency": "agency.name",
    "emblem": "kind",
    "urgency": "urgency",
    "secrecy": "secrecy",
    "file_copy": "file_copy",
    "salutation": "addressee",
    "signer": "signer.name",
    "signature": "signer.name",
    "contact": "contact.phone",
    "qr": "qr.url",
    "recipients": "recipients.names",
    "page_number": "subject",
    "date": "date.month",
    "close": "complimentary_close",
}


def month_names() -> list[str]:
    """The Thai month names, มกราคม … ธันวาคม."""
    from dla_drafter.text.thaidate import THAI_MONTHS

    return list(THAI_MONTHS)


def shrinkable(combo: QComboBox, chars: int = 10) -> None:
    """Let ``combo`` be as narrow as ``chars`` characters: its longest choice (a closing
    phrase of sixty characters) no longer sets the form's width; the list it drops down
    stays as wide as its choices, so every one can still be read whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    longest = max((len(combo.itemText(i)) for i in range(combo.count())), default=chars)
    combo.setMinimumContentsLength(max(4, min(chars, longest)))
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())


class Binding:
    """A fixed field's widget with how to read it and how to show a model value in it."""

    def __init__(self, path: str, widget: QWidget, read: Callable[[], Any],
                 write: Callable[[Any], None], focus: QWidget | None = None) -> None:
        self.path = path
        self.widget = widget
        self.read = read
        self.write = write
        self.focus = focus or widget


class LetterForm(QScrollArea):
    """The scrollable form. ``profile_presets`` provides signer presets from the settings.

    ``editing(path, fraction)`` says which field the cursor is in (and where in its text,
    0–1, or None) whenever that changes — entering a box, moving in it, typing — and
    ``("", None)`` when the cursor leaves the form: the preview follows it.
    """

    section_changed = Signal(str)
    editing = Signal(str, object)

    def __init__(self, doc: Document, spell: SpellChecker | None = None) -> None:
        super().__init__()
        self.doc = doc
        self.spell = spell
        self.bindings: dict[str, Binding] = {}
        self.lists: dict[str, RowList | ParagraphList] = {}
        self.lines: dict[str, LinesField] = {}
        self.sections: dict[str, QGroupBox] = {}
        self.signer_presets: list[Any] = []
        self._salutation_manual = False
        self._highlighters: list[SpellHighlighter] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(10, 8, 14, 8)
        self.column.setSpacing(10)
        self._build_heading()
        self._build_subject()
        self._build_lists()
        self._build_body()
        self._build_closing()
        self._build_owner()
        self._build_qr_copies()
        self._build_recipients()
        self._build_file_copy()
        self.column.addStretch(1)
        self.setWidget(body)
        self.wheel_guard = WheelScrollsForm(self)
        for box in [*body.findChildren(QComboBox), *body.findChildren(QAbstractSpinBox)]:
            self.wheel_guard.guard(box)
        doc.changed.connect(lambda *_: self.sync())
        doc.replaced.connect(self._on_replaced)
        self.sync()
        self._editing: tuple[str, float | None] | None = None
        self._watched: QWidget | None = None  # the box whose cursor moves are followed
        self._editing_timer = QTimer(self)
        self._editing_timer.setSingleShot(True)
        self._editing_timer.setInterval(0)  # once per burst of cursor moves and edits
        self._editing_timer.timeout.connect(self._report_editing)
        doc.changed.connect(lambda *_: self._editing_timer.start())
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the fields allow, never narrower: the window's splitter then takes
        the room the review panel needs from the preview, not from the form (which
        scrolled sideways and hid its labels at 1366 px with the panel open)."""
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        frame = 2 * self.frameWidth()
        width = (body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
                 + frame)
        return QSize(max(hint.width(), width), hint.height())

    # --- building blocks ---

    def _section(self, key: str, title: str) -> QFormLayout:
        box = QGroupBox(tr(title))
        box.setObjectName("section")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        # a narrow form (the review panel open on a 1366 px screen) puts a label above its
        # field instead of pushing the field out of sight: nothing scrolls sideways
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.sections[key] = box
        self.column.addWidget(box)
        return form

    def _row(self, form: QFormLayout, label: str, widget: QWidget,
             buddy: QWidget | None = None) -> QLabel:
        lab = QLabel(tr(label))
        lab.setBuddy(buddy or widget)
        form.addRow(lab, widget)
        return lab

    def _line(self, path: str, placeholder: str = "", tip: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(path)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if tip:
            edit.setToolTip(tr(tip))
        edit.textEdited.connect(lambda text: self.doc.set_field(path, text))
        self.bindings[path] = Binding(path, edit, edit.text, edit.setText)
        return edit

    def _combo(self, path: str, items: list[tuple[str, Any]], tip: str = "",
               on_change: Callable[[Any], None] | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(path)
        for label, data in items:
            combo.addItem(tr(label), data)
        if tip:
            combo.setToolTip(tr(tip))
        combo.activated.connect(
            lambda index: on_change(combo.itemData(index)) if on_change is not None
            else self.doc.set_field(path, combo.itemData(index), merge=False)
        )

        def write(value: Any) -> None:
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(index if index >= 0 else 0)

        self.bindings[path] = Binding(path, combo, combo.currentData, write)
        shrinkable(combo)
        return combo

    def _editable_combo(self, path: str, items: tuple[str, ...], tip: str = "",
                        on_edit: Callable[[str], None] | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(path)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(items))
        if tip:
            combo.setToolTip(tr(tip))

        def edited(text: str) -> None:
            if on_edit is not None:
                on_edit(text)
            self.doc.set_field(path, text)

        combo.lineEdit().textEdited.connect(edited)
        combo.textActivated.connect(edited)
        self.bindings[path] = Binding(path, combo, combo.currentText, combo.setEditText,
                                      focus=combo.lineEdit())
        shrinkable(combo)
        return combo

    def _lines(self, path: str, tip: str, min_lines: int = 2, max_lines: int = 10) -> LinesField:
        field = LinesField(self.doc, path, min_lines, max_lines)
        field.setObjectName(path)
        field.setToolTip(tr(tip))
        self.lines[path] = field
        return field

    # --- sections ---

    def _build_heading(self) -> None:
        form = self._section("heading", "หัวหนังสือ")
        kind = self._combo("kind", [(KIND_LABELS[k], k) for k in KINDS],
                           tip="ชนิดของหนังสือราชการ")
        self._row(form, "ชนิ&ดหนังสือ", kind)
        marks = QHBoxLayout()
        urgency = self._combo("urgency", [("ไม่มี", None)] + [(u, u) for u in URGENCIES],
                              tip="ชั้นความเร็ว พิมพ์สีแดงตัวใหญ่ที่มุมบนซ้าย")
        secrecy = self._combo("secrecy", [("ไม่มี", None)] + [(s, s) for s in SECRECIES],
                              tip="ชั้นความลับ พิมพ์สีแดงกลางหน้ากระดาษด้านบนและล่าง")
        marks.addWidget(urgency, 1)
        marks.addWidget(QLabel(tr("ชั้นความลับ")))
        marks.addWidget(secrecy, 1)
        holder = QWidget()
        holder.setLayout(marks)
        marks.setContentsMargins(0, 0, 0, 0)
        self._row(form, "ชั้นความเร็ว", holder, buddy=urgency)

        code = self._line("number.code", "มท 0816.3", "รหัสตัวพยัญชนะและเลขประจำส่วนราชการ")
        self._row(form, "&ที่ (รหัสหนังสือ)", code)
        serial_row = QHBoxLayout()
        serial_row.setContentsMargins(0, 0, 0, 0)
        circular = QCheckBox(tr("หนังสือเวียน (ว)"))
        circular.setObjectName("number.circular")
        circular.setToolTip(tr("หนังสือเวียน: พิมพ์ ว หน้าเลขทะเบียน"))
        circular.toggled.connect(
            lambda on: self.doc.set_field("number.circular", on, merge=False)
        )
        self.bindings["number.circular"] = Binding(
            "number.circular", circular, circular.isChecked, circular.setChecked)
        serial = QLineEdit()
        serial.setObjectName("number.serial")
        serial.setPlaceholderText(tr("เลขทะเบียนส่ง"))
        serial.setToolTip(tr("เลขทะเบียนหนังสือส่ง เว้นว่างไว้ให้งานสารบรรณกรอก"))
        blank = QCheckBox(tr("เว้นว่างไว้"))
        blank.setObjectName("number.serial.blank")
        blank.setToolTip(tr("ไม่ใส่เลขทะเบียน เว้นที่ว่างให้เขียนภายหลัง"))

        def serial_value() -> str | None:
            return None if blank.isChecked() else serial.text()

        def write_serial(value: str | None) -> None:
            blank.blockSignals(True)
            blank.setChecked(value is None)
            blank.blockSignals(False)
            serial.setEnabled(value is not None)
            serial.setText(value or "")

        serial.textEdited.connect(lambda _t: self.doc.set_field("number.serial", serial_value()))
        blank.toggled.connect(lambda _on: (
            serial.setEnabled(not blank.isChecked()),
            self.doc.set_field("number.serial", serial_value(), merge=False),
        ))
        self.bindings["number.serial"] = Binding(
            "number.serial", serial, serial_value, write_serial,
        )
        serial_row.addWidget(circular)
        serial_row.addWidget(serial, 1)
        serial_row.addWidget(blank)
        holder = QWidget()
        holder.setLayout(serial_row)
        self._row(form, "เลขที่", holder, buddy=serial)

        name = self._line("agency.name", "", "ส่วนราชการเจ้าของหนังสือ")
        self._row(form, "ส่วน&ราชการ", name)
        address = self._lines("agency.address", "ที่ตั้งส่วนราชการ หนึ่งบรรทัดต่อหนึ่งบรรทัดที่พิมพ์")
        self._row(form, "ที่ตั้ง", address)

        # date: day (or blank), Thai month, Buddhist Era year
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        day = QSpinBox()
        day.setObjectName("date.day")
        day.setRange(1, 31)
        day.setToolTip(tr("วันที่"))
        day_blank = QCheckBox(tr("เว้นวันที่ว่าง"))
        day_blank.setObjectName("date.day.blank")
        day_blank.setToolTip(tr("เว้นวันที่ไว้ เติมเมื่อลงนาม (นิยมในหนังสือเวียน)"))

        def day_value() -> int | None:
            return None if day_blank.isChecked() else day.value()

        def write_day(value: int | None) -> None:
            day_blank.blockSignals(True)
            day_blank.setChecked(value is None)
            day_blank.blockSignals(False)
            day.setEnabled(value is not None)
            if value is not None:
                day.setValue(int(value))

        day.valueChanged.connect(lambda _v: self.doc.set_field("date.day", day_value()))
        day_blank.toggled.connect(lambda _on: (
            day.setEnabled(not day_blank.isChecked()),
            self.doc.set_field("date.day", day_value(), merge=False),
        ))
        self.bindings["date.day"] = Binding("date.day", day, day_value, write_day)
        self._day_spin = day
        month = self._combo("date.month", [(m, i + 1) for i, m in enumerate(month_names())],
                            tip="เดือน", on_change=lambda v: self._set_date("date.month", v))
        year = QSpinBox()
        year.setObjectName("date.year")
        year.setRange(2400, 2800)
        year.setToolTip(tr("ปีพุทธศักราช"))
        year.valueChanged.connect(lambda v: self._set_date("date.year", v))
        self.bindings["date.year"] = Binding("date.year", year, year.value, year.setValue)
        today = QPushButton(tr("วันนี้"))
        today.setToolTip(tr("ใส่วันที่ของวันนี้"))
        today.clicked.connect(self._set_today)
        date_row.addWidget(day)
        date_row.addWidget(month, 2)
        date_row.addWidget(QLabel(tr("พ.ศ.")))
        date_row.addWidget(year, 1)
        # the choices under the date, not beside it: one line of all six was the widest
        # row of the form and made it scroll sideways next to the review panel
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(day_blank)
        choices.addWidget(today)
        choices.addStretch(1)
        lines = QVBoxLayout()
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(4)
        lines.addLayout(date_row)
        lines.addLayout(choices)
        holder = QWidget()
        holder.setLayout(lines)
        self._row(form, "วั&นที่", holder, buddy=day)

    def _set_date(self, path: str, value: int) -> None:
        """Change month or year, pulling a day the new month lacks (31 → 30) back with it."""
        changes: dict[str, Any] = {path: value}
        date = self.doc.letter.date
        month = value if path == "date.month" else date.month
        year = value if path == "date.year" else date.year
        try:
            from dla_drafter.model.draftio import days_in_month

            limit = days_in_month(int(month), int(year))
        except Exception:
            limit = 31
        if date.day is not None and date.day > limit:
            changes["date.day"] = limit
        self.doc.set_fields(changes, merge=path == "date.year")

    def _set_today(self) -> None:
        from dla_drafter.app_settings import _today_be

        d, m, y = _today_be()
        self.doc.set_fields({"date.day": d, "date.month": m, "date.year": y}, merge=False)

    def _build_subject(self) -> None:
        form = self._section("subject", "เรื่องและคำขึ้นต้น")
        subject = self._line("subject", "", "เรื่อง: สรุปใจความของหนังสือให้สั้นที่สุด")
        self._row(form, "เ&รื่อง", subject)
        addressee = QLineEdit()
        addressee.setObjectName("addressee")
        addressee.setToolTip(tr("ตำแหน่งของผู้ที่หนังสือมีถึง เช่น ผู้ว่าราชการจังหวัด"))
        addressee.textEdited.connect(self._addressee_edited)
        self.bindings["addressee"] = Binding("addressee", addressee, addressee.text,
                                             addressee.setText)
        self._row(form, "เรีย&น (ผู้รับ)", addressee)
        salutation = self._editable_combo(
            "salutation", SALUTATIONS, "คำขึ้นต้น แนะนำจากผู้รับ เปลี่ยนเองได้",
            on_edit=lambda _t: self._mark_manual(),
        )
        self._row(form, "คำขึ้นต้น", salutation)
        hint_row = QHBoxLayout()
        hint_row.setContentsMargins(0, 0, 0, 0)
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("suggestionHint")
        self.suggestion_label.setWordWrap(True)
        self.use_suggestion = QPushButton(tr("ใช้คำแนะนำ"))
        self.use_suggestion.setToolTip(tr("ใช้คำขึ้นต้นและคำลงท้ายตามตารางในระเบียบงานสารบรรณ"))
        self.use_suggestion.clicked.connect(self.apply_suggestion)
        hint_row.addWidget(self.suggestion_label, 1)
        hint_row.addWidget(self.use_suggestion)
        self.hint_holder = QWidget()
        self.hint_holder.setLayout(hint_row)
        form.addRow("", self.hint_holder)

    def _build_lists(self) -> None:
        form = self._section("references", "อ้างถึง")
        refs = RowList(self.doc, "references", [(None, tr("หนังสือที่อ้างถึง"), 1)],
                       add_label=tr("เพิ่มอ้างถึง"), wrap=(None,))
        self.lists["references"] = refs
        form.addRow(refs)
        form = self._section("enclosures", "สิ่งที่ส่งมาด้วย")
        encl = RowList(
            self.doc, "enclosures",
            [("text", tr("ชื่อเอกสาร"), 4), ("amount", tr("จำนวน เช่น ๑ ชุด"), 1)],
            factory=Enclosure, add_label=tr("เพิ่มสิ่งที่ส่งมาด้วย"), wrap=("text",),
        )
        self.lists["enclosures"] = encl
        form.addRow(encl)

    def _build_body(self) -> None:
        form = self._section("body", "ข้อความ")
        paragraphs = ParagraphList(self.doc, "body", editor_hook=self._hook_paragraph)
        self.lists["body"] = paragraphs
        form.addRow(paragraphs)

    def _hook_paragraph(self, editor: ParagraphEdit) -> None:
        if self.spell is not None:
            self._highlighters.append(SpellHighlighter(editor.document(), self.spell))
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(
            lambda pos, e=editor: self._paragraph_menu(e, pos)
        )

    def _paragraph_menu(self, editor: ParagraphEdit, pos: Any) -> None:
        menu = self.paragraph_menu(editor, pos)
        menu.exec(editor.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def paragraph_menu(self, editor: ParagraphEdit, pos: Any) -> QMenu:
        """The body's context menu: spelling suggestions, "add to word list", then Qt's
        edit commands (without the box's private undo/redo: undo is the document's)."""
        menu = editor.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() in ("edit-undo", "edit-redo"):  # Qt's names, any language
                action.setVisible(False)
        top: list[QAction] = []
        text = editor.toPlainText()
        position = editor.cursorForPosition(pos).position()
        marked = self.spell is not None and self.spell.word_at(text, position) is not None
        if marked and not editor.textCursor().hasSelection():
            suggestions = self.spell.suggestions(text, position)
            for suggestion in suggestions:
                action = QAction(suggestion.word, menu)
                action.setObjectName("spellSuggestion")
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(
                    lambda _c=False, s=suggestion: self._replace_text(editor, s))
                top.append(action)
            if not suggestions:
                none = QAction(tr("(ไม่มีคำแนะนำ)"), menu)
                none.setEnabled(False)
                top.append(none)
        word = self.word_for_menu(editor, pos)
        if word:
            add = QAction(tr("เพิ่ม “{w}” ในรายการคำ", w=word), menu)
            add.setObjectName("addWord")
            add.triggered.connect(lambda: self.add_word(word))
            top.append(add)
        if top:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, top)
            menu.insertSeparator(first)
        return menu

    def _replace_text(self, editor: ParagraphEdit, suggestion: Any) -> None:
        """Put a spelling suggestion in place of what it corrects (one undo step)."""
        self.doc.break_merge()
        cursor = editor.textCursor()
        cursor.setPosition(suggestion.start)
        cursor.setPosition(suggestion.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(suggestion.word)
        self.doc.break_merge()

    def word_for_menu(self, editor: ParagraphEdit, pos: Any) -> str | None:
        """The selection, or the marked word under the mouse: what "add to word list" adds."""
        selected = editor.textCursor().selectedText().strip()
        if selected and "\u2029" not in selected:
            return selected
        if self.spell is None:
            return None
        cursor = editor.cursorForPosition(pos)
        return self.spell.word_at(editor.toPlainText(), cursor.position())

    def add_word(self, word: str) -> None:
        if self.spell is not None:
            self.spell.add_word(word)
            self.rehighlight()

    def rehighlight(self) -> None:
        for highlighter in self._highlighters:
            try:
                highlighter.rehighlight()
            except RuntimeError:  # editor already deleted
                continue
        self._highlighters = [h for h in self._highlighters if _alive(h)]

    def _build_closing(self) -> None:
        form = self._section("closing", "ท้ายหนังสือ")
        closing = self._editable_combo("closing", CLOSING_PHRASES,
                                       "ย่อหน้าสรุป เลือกจากวลีมาตรฐานหรือพิมพ์เอง")
        self._row(form, "ย่อหน้า&สรุป", closing)
        close = self._editable_combo("complimentary_close", CLOSES,
                                     "คำลงท้าย แนะนำจากผู้รับ เปลี่ยนเองได้",
                                     on_edit=lambda _t: self._mark_manual())
        self._row(form, "คำลงท้าย", close)
        presets = QHBoxLayout()
        presets.setContentsMargins(0, 0, 0, 0)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("signerPresets")
        self.preset_combo.setToolTip(tr("ผู้ลงนามที่ใช้บ่อย จากโปรไฟล์ส่วนราชการ"))
        apply = QPushButton(tr("ใช้"))
        apply.setToolTip(tr("ใส่ชื่อและตำแหน่งของผู้ลงนามที่เลือก"))
        apply.clicked.connect(self.apply_preset)
        shrinkable(self.preset_combo)
        presets.addWidget(self.preset_combo, 1)
        presets.addWidget(apply)
        holder = QWidget()
        holder.setLayout(presets)
        self._row(form, "ผู้ลงนามที่ใช้บ่อย", holder, buddy=self.preset_combo)
        name = self._line("signer.name", tr("(ชื่อเต็ม)"),
                          "ชื่อเต็มของผู้ลงนาม พิมพ์ในวงเล็บ เว้นว่างได้")
        self._row(form, "ชื่อผู้ล&งนาม", name)
        position = self._lines("signer.position",
                               "ตำแหน่ง หนึ่งบรรทัดต่อบรรทัด รวมบรรทัดปฏิบัติราชการแทน")
        self._row(form, "ตำแหน่ง", position)
        e_saraban = ESarabanOption()  # no pen gap; valid only in e-saraban (ui/letter/esaraban.py)
        e_saraban.box.toggled.connect(
            lambda on: self.doc.set_field("signer.e_saraban", on, merge=False))
        self.bindings["signer.e_saraban"] = Binding(
            "signer.e_saraban", e_saraban.box, e_saraban.box.isChecked, e_saraban.set_checked)
        form.addRow("", e_saraban)

    def _build_owner(self) -> None:
        form = self._section("owner", "ส่วนราชการเจ้าของเรื่องและการติดต่อ")
        self._row(form, "เจ้าของเรื่อง", self._lines(
            "owner_unit", "ส่วนราชการเจ้าของเรื่อง หนึ่งบรรทัดต่อบรรทัด", 1))
        self._row(form, "โทร.", self._line("contact.phone", "0 2241 9000 ต่อ 1234"))
        self._row(form, "โทรสาร", self._line("contact.fax"))
        self._row(form, "ไปรษณีย์อิเล็กทรอนิกส์", self._line("contact.email", "saraban@dla.go.th"))
        self._row(form, "ผู้ประสานงาน", self._line("contact.coordinator"))

    def _build_qr_copies(self) -> None:
        form = self._section("qr", "QR Code")
        self._row(form, "ที่อยู่เว็บ (URL)", self._line(
            "qr.url", "https://…", "ถ้าใส่ จะพิมพ์ QR Code ของที่อยู่นี้ท้ายหนังสือ"))
        self._row(form, "คำบรรยาย", self._line("qr.caption", "", "ข้อความเหนือ QR Code"))
        form = self._section("copies", "สำเนาส่ง")
        self._row(form, "สำเนาส่ง", self._lines("copies_to", "ผู้รับสำเนา หนึ่งบรรทัดต่อราย", 1))

    def _build_recipients(self) -> None:
        form = self._section("recipients", "บัญชีรายชื่อแนบท้าย")
        self._row(form, "หัวเรื่องบัญชี", self._line("recipients.title"))
        names = self._lines(
            "recipients.names",
            "หนึ่งชื่อต่อบรรทัด วางคอลัมน์จาก Excel ได้ทันที", 3, 14)
        self._row(form, "รายชื่อ", names)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.names_count = QLabel()
        self.names_count.setObjectName("namesCount")
        imp = QPushButton(tr("นำเข้า CSV/Excel…"))
        imp.setToolTip(tr("อ่านรายชื่อจากคอลัมน์แรกของแฟ้ม CSV หรือ XLSX"))
        imp.clicked.connect(self.import_names_dialog)
        bar.addWidget(self.names_count, 1)
        bar.addWidget(imp)
        holder = QWidget()
        holder.setLayout(bar)
        form.addRow("", holder)

    def _build_file_copy(self) -> None:
        form = self._section("file_copy", "สำเนาคู่ฉบับและตัวเลข")
        file_copy = QCheckBox(tr("พิมพ์เป็นสำเนาคู่ฉบับ"))
        file_copy.setObjectName("file_copy")
        file_copy.setToolTip(tr("พิมพ์ (สำเนาคู่ฉบับ) ที่หัวกระดาษและช่องลงชื่อย่อท้ายหน้า"))
        file_copy.toggled.connect(lambda on: self.doc.set_field("file_copy", on, merge=False))
        self.bindings["file_copy"] = Binding("file_copy", file_copy, file_copy.isChecked,
                                             file_copy.setChecked)
        form.addRow(file_copy)
        initials = RowList(
            self.doc, "initials",
            [("role", tr("บทบาท เช่น ร่าง"), 1), ("name", tr("ชื่อ/ชื่อย่อ"), 2)],
            factory=Initial, add_label=tr("เพิ่มแถว"),
        )
        standard = QPushButton(tr("ชุดมาตรฐาน"))
        standard.setToolTip(tr("ร่าง / พิมพ์ / ทาน / ตรวจ"))
        standard.clicked.connect(lambda: self.doc.set_field(
            "initials", [Initial(role=r) for r in STANDARD_INITIAL_ROLES], merge=False))
        initials.layout().itemAt(1).layout().insertWidget(1, standard)
        self.lists["initials"] = initials
        self._row(form, "ช่องลงชื่อย่อ", initials, buddy=initials.add_button)
        digits = self._combo("digits", [(DIGIT_LABELS[k], k) for k in DIGIT_LABELS],
                             tip="ตัวเลขในหนังสือ: เลขไทย (ยกเว้นในที่อยู่เว็บและอีเมล) "
                                 "เลขอารบิก หรือตามที่พิมพ์")
        self._row(form, "ตัวเ&ลข", digits)

    # --- salutation suggestion ---

    def _suggest(self, addressee: str) -> Any:
        from dla_drafter.model.salutation import suggest

        return suggest(addressee)

    def _mark_manual(self) -> None:
        self._salutation_manual = True

    def _addressee_edited(self, text: str) -> None:
        changes: dict[str, Any] = {"addressee": text}
        suggestion = self._suggest(text)
        if suggestion is not None and not getattr(suggestion, "royal", False) \
                and not self._salutation_manual:
            changes["salutation"] = suggestion.salutation
            changes["complimentary_close"] = suggestion.close
        self.doc.set_fields(changes)

    def apply_suggestion(self) -> None:
        suggestion = self._suggest(self.doc.letter.addressee)
        if suggestion is None or getattr(suggestion, "royal", False):
            return
        self._salutation_manual = False
        self.doc.set_fields({"salutation": suggestion.salutation,
                             "complimentary_close": suggestion.close}, merge=False)

    def _update_hint(self) -> None:
        letter = self.doc.letter
        suggestion = self._suggest(letter.addressee) if letter.addressee.strip() else None
        if not self.bindings["salutation"].widget.isEnabled():
            suggestion = None  # this kind prints no salutation: nothing to suggest
        self.hint_holder.setVisible(suggestion is not None)
        if suggestion is None:
            self.suggestion_label.setText("")
            self.use_suggestion.setVisible(False)
            return
        if getattr(suggestion, "royal", False):
            self.suggestion_label.setText(tr(
                "หนังสือถึงพระบรมวงศานุวงศ์: โปรดพิมพ์คำขึ้นต้นและคำลงท้ายเองตามประกาศสำนักพระราชวัง"))
            self.use_suggestion.setVisible(False)
            return
        same = (letter.salutation == suggestion.salutation
                and letter.complimentary_close == suggestion.close)
        self.suggestion_label.setText(
            tr("แนะนำ") + f": {suggestion.salutation} … {suggestion.close}")
        self.use_suggestion.setVisible(not same)

    # --- signer presets ---

    def set_signer_presets(self, presets: list[Any]) -> None:
        self.signer_presets = list(presets)
        self.preset_combo.clear()
        for preset in self.signer_presets:
            label = preset.label or preset.name or " / ".join(preset.position)
            self.preset_combo.addItem(label)
        self.preset_combo.setEnabled(bool(self.signer_presets))

    def apply_preset(self) -> None:
        index = self.preset_combo.currentIndex()
        if 0 <= index < len(self.signer_presets):
            preset = self.signer_presets[index]
            self.doc.set_fields({"signer.name": preset.name,
                                 "signer.position": list(preset.position)}, merge=False)

    # --- distribution list import ---

    def import_names_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("นำเข้ารายชื่อ"), "",
            tr("ตารางรายชื่อ (*.csv *.xlsx);;ทุกแฟ้ม (*)"))
        if path:
            self.import_names(Path(path))

    def import_names(self, path: Path) -> int:
        """Read names from a CSV/XLSX file into the distribution list.

        Returns how many names the file gave (0 when cancelled or unreadable): the clerk is
        told that number, not the length of the list after appending.
        """
        try:
            names = read_names(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, tr("นำเข้าไม่ได้"), str(exc))
            return 0
        current = list(self.doc.letter.recipients.names)
        result = names
        if current:
            role = QMessageBox.ButtonRole
            answer = ask_choice(
                self, tr("นำเข้ารายชื่อ"),
                tr("มีรายชื่ออยู่แล้ว {n} รายชื่อ และในแฟ้มมี {m} รายชื่อ", n=len(current),
                   m=len(names)),
                [("replace", tr("แทนที่รายชื่อเดิม"), role.AcceptRole),
                 ("append", tr("ต่อท้ายรายชื่อเดิม"), role.AcceptRole),
                 ("cancel", tr("ยกเลิก"), role.RejectRole)],
                default="append", cancel="cancel",
            )
            if answer == "cancel":
                return 0
            if answer == "append":
                result = current + names
        self.doc.set_field("recipients.names", result, merge=False)
        message = tr("นำเข้าแล้ว {n} รายชื่อ", n=len(names))
        if len(result) != len(names):
            message += " " + tr("(รวมทั้งหมด {n} รายชื่อ)", n=len(result))
        QMessageBox.information(self, tr("นำเข้ารายชื่อ"), message)
        return len(names)

    # --- sync & focus ---

    def _on_replaced(self) -> None:
        self._salutation_manual = False
        self.sync()

    def sync(self) -> None:
        """Show the document's values in every widget that differs (after undo, open …)."""
        letter = self.doc.letter
        for binding in self.bindings.values():
            value = get_path(letter, binding.path)
            if binding.read() != value:
                blockers = [binding.widget, binding.focus]
                for w in blockers:
                    w.blockSignals(True)
                try:
                    binding.write(value)
                finally:
                    for w in blockers:
                        w.blockSignals(False)
        for field in self.lines.values():
            field.sync()
        for editor in self.lists.values():
            editor.sync()
        self._limit_day()
        self.names_count.setText(tr("{n} รายชื่อ", n=len(letter.recipients.names)))
        self._apply_kind(letter.kind)
        self._update_hint()  # after the kind: the hint follows whether a salutation prints

    # --- which field the cursor is in ---

    def field_at(self, widget: QWidget | None) -> tuple[str, float | None] | None:
        """(field path, where the cursor is in its text 0–1 or None) of the form's box
        ``widget`` (or a box inside one: a spin box's text, an editable drop-down's)."""
        box = widget
        while box is not None and box is not self:
            path = self._path_of(box)
            if path is not None:
                return self._where_in(box, path)
            box = box.parentWidget()
        return None

    def _path_of(self, box: QWidget) -> str | None:
        for path, binding in self.bindings.items():
            if box is binding.widget or box is binding.focus:
                return path
        for path, field in self.lines.items():
            if box is field:
                block = field.textCursor().block().blockNumber()
                return f"{path}[{block}]"
        for editor in self.lists.values():
            found = editor.path_of(box)
            if found is not None:
                return found
        return None

    @staticmethod
    def _where_in(box: QWidget, path: str) -> tuple[str, float | None]:
        if isinstance(box, QLineEdit):
            length = len(box.text())
            return path, box.cursorPosition() / length if length else None
        if isinstance(box, QTextEdit | QPlainTextEdit) and not isinstance(box, LinesField):
            length = len(box.toPlainText())
            return path, box.textCursor().position() / length if length else None
        return path, None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            inside = new is not None and self.isAncestorOf(new)
        except RuntimeError:  # the form is being torn down
            return
        if self._watched is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._watched.cursorPositionChanged.disconnect(self._cursor_moved)
            self._watched = None
        if inside and isinstance(new, QLineEdit | QTextEdit | QPlainTextEdit):
            new.cursorPositionChanged.connect(self._cursor_moved)
            self._watched = new
        if inside or new is not None:  # None: another program took the focus; keep following
            self._editing_timer.start()

    def _cursor_moved(self, *_: Any) -> None:
        self._editing_timer.start()  # not connected to start() itself: it takes an interval

    def _report_editing(self) -> None:
        focus = QApplication.focusWidget()
        try:
            inside = focus is not None and self.isAncestorOf(focus)
        except RuntimeError:
            return
        if not inside:
            if focus is not None and self._editing is not None:
                self._editing = None
                self.editing.emit("", None)
            return
        found = self.field_at(focus)
        if found is not None and found != self._editing:
            self._editing = found
            self.editing.emit(*found)

    def field_widget(self, path: str) -> QWidget | None:
        """The input box of a field path (``subject``, ``owner_unit`` …), if the form has one."""
        if path in self.bindings:
            return self.bindings[path].widget
        return self.lines.get(path) or self.lists.get(path)

    def _apply_kind(self, kind: str) -> None:
        """Grey the boxes of the fields ``kind`` does not print (``model.kinds``), keeping
        what was typed, and say why in the tooltip and, when the box is empty, in it."""
        hidden = NOT_PRINTED.get(kind, NOT_PRINTED["external"])
        why = tr("{kind}ไม่พิมพ์ช่องนี้ (ข้อความที่กรอกไว้ยังเก็บอยู่)",
                 kind=KIND_NAMES.get(kind, KIND_NAMES["external"]))
        saved = self.__dict__.setdefault("_printed_hints", {})
        for path in frozenset().union(*NOT_PRINTED.values()):
            widget = self.field_widget(path)
            if widget is None:
                continue
            has_placeholder = hasattr(widget, "setPlaceholderText")
            if path not in saved:  # the box's own hints, to restore when it prints again
                saved[path] = (widget.toolTip(),
                               widget.placeholderText() if has_placeholder else "")
            tip, placeholder = saved[path]
            printed = path not in hidden
            if widget.isEnabled() != printed or (not printed and widget.toolTip() != why):
                widget.setEnabled(printed)
                widget.setToolTip(tip if printed else why)
                if has_placeholder:
                    widget.setPlaceholderText(placeholder if printed else why)

    def _limit_day(self) -> None:
        """Offer only the days the month has, so an impossible date cannot be typed."""
        try:
            from dla_drafter.model.draftio import days_in_month

            date = self.doc.letter.date
            limit = days_in_month(int(date.month), int(date.year))
        except Exception:
            limit = 31
        if self._day_spin.maximum() != limit:
            self._day_spin.blockSignals(True)
            self._day_spin.setMaximum(limit)
            self._day_spin.blockSignals(False)

    def focus_field(self, path: str) -> bool:
        """Put the cursor in the widget of a field path (from a problem or a click)."""
        path = SOURCE_FIELDS.get(path, path)
        m = re.fullmatch(r"([a-z_.]+?)\[(\d+)\](?:\.(\w+))?", path)
        if m:
            base, index, key = m.group(1), int(m.group(2)), m.group(3)
            if base in self.lists:
                editor = self.lists[base]
                self._reveal(editor)
                if isinstance(editor, ParagraphList):
                    editor.focus_row(index)
                    self._reveal(editor.editors[index] if index < len(editor.editors) else editor)
                else:
                    editor.focus_row(index, key)
                return True
            if base in self.lines:
                field = self.lines[base]
                self._reveal(field)
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                block = field.document().findBlockByNumber(index)
                if block.isValid():
                    cursor = field.textCursor()
                    cursor.setPosition(block.position())
                    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                    field.setTextCursor(cursor)
                return True
            path = base
        candidates = [path] + [p for p in self.bindings if p.startswith(path + ".")]
        for candidate in candidates:
            if candidate in self.bindings:
                widget = self.bindings[candidate].focus
                self._reveal(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if candidate in self.lines:
                self._reveal(self.lines[candidate])
                self.lines[candidate].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if candidate in self.lists:
                editor = self.lists[candidate]
                self._reveal(editor)
                editor.first_edit().setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def focus_source(self, part: str, index: int | None) -> bool:
        """Focus the field a clicked part of the page came from."""
        if index is not None and part in self.lists | self.lines:
            return self.focus_field(f"{part}[{index}]")
        return self.focus_field(part)

    def _reveal(self, widget: QWidget) -> None:
        self.ensureWidgetVisible(widget, 20, 40)

    def first_field(self) -> QWidget:
        return self.bindings["subject"].widget


def _alive(obj: Any) -> bool:
    try:
        obj.document()
        return True
    except RuntimeError:
        return False


def read_names(path: Path) -> list[str]:
    """Names from the first non-empty column of a CSV or XLSX file (a header row is skipped)."""
    path = Path(path)
    rows: list[list[str]] = []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValueError(tr("อ่านแฟ้ม Excel ไม่ได้: {e}", e=exc)) from exc
        try:
            sheet = book.active
            for row in sheet.iter_rows(values_only=True):
                rows.append(["" if v is None else str(v).strip() for v in row])
        finally:
            book.close()
    else:
        import csv

        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "cp874", "utf-16"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValueError(tr("อ่านแฟ้ม CSV ไม่ได้: ไม่รู้จักการเข้ารหัสอักขระ"))
        dialect: Any = csv.excel
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        rows = [[c.strip() for c in row] for row in csv.reader(text.splitlines(), dialect)]
    rows = [r for r in rows if any(r)]
    if rows and any(_is_header(c) for c in rows[0] if c):
        rows = rows[1:]
    width = max((len(r) for r in rows), default=0)
    for column in range(width):
        values = [r[column] for r in rows if len(r) > column and r[column]]
        # skip empty columns and running numbers (1, 2, 3 …): the names are text
        if values and not all(re.fullmatch(r"[0-9๐-๙]+\.?", v) for v in values):
            return values
    return []


_HEADERS = {"ชื่อ", "รายชื่อ", "ลำดับ", "ลำดับที่", "ที่", "ผู้รับ", "ส่วนราชการ", "หน่วยงาน",
            "name", "names", "no", "no.", "#"}


def _is_header(cell: str) -> bool:
    return cell.replace(" ", "").lower() in _HEADERS
