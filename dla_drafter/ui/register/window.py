"""The register window (ทะเบียนหนังสือส่ง): search, open a letter's draft, export, print,
reserve and cancel numbers.

Every database call runs in a worker thread (:mod:`dla_drafter.ui.background`): the register
may be a PostgreSQL server across the network. The table shows what the last search found;
exports and the printed register take exactly those lines, so a clerk prints a month by
searching for it first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.text.digits import to_arabic_digits
from dla_drafter.ui import background
from dla_drafter.ui.i18n import tr
from dla_drafter.ui.register import strings  # noqa: F401 - English strings
from dla_drafter.ui.register.issue_number import error_text, open_configured_store

if TYPE_CHECKING:
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.register.store import Entry, Store
    from dla_drafter.ui.letter.document import Document

STATUS_TEXT = {"issued": "ออกแล้ว", "reserved": "จองไว้", "cancelled": "ยกเลิก"}
COLUMNS = ("เลขที่", "ลงวันที่", "เรื่อง", "ถึง", "จาก", "สถานะ", "หมายเหตุ")


class DateInputError(ValueError):
    """A date box the clerk filled in that is not a date; names the box."""

    def __init__(self, label: str, text: str) -> None:
        self.label = label
        self.text = text
        super().__init__(tr("{f}: อ่านวันที่ “{t}” ไม่ได้ (ใช้ วว/ดด/ปปปป เช่น 2/12/2569)",
                            f=tr(label), t=text))


def parse_date(text: str, label: str) -> dt.date | None:
    """``2/12/2569`` (พ.ศ.), ``2/12/2026`` or ``2026-12-02``; Thai digits too; blank: None."""
    text = to_arabic_digits(text).strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(p) for p in text.split("-"))
        else:
            match = re.fullmatch(r"(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})", text)
            if match is None:
                raise ValueError(text)
            day, month, year = (int(p) for p in match.groups())
        if year >= 2400:
            year -= 543
        return dt.date(year, month, day)
    except ValueError:
        raise DateInputError(label, text) from None


class EntryModel(QAbstractTableModel):
    """The entries of the last search, one row each, register order."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None

    def cell(self, entry: Entry, column: int) -> str:
        from dla_drafter.register.export import thai_date

        if column == 0:
            return entry.number
        if column == 1:
            return thai_date(entry, short=True)
        if column == 5:
            return tr(STATUS_TEXT.get(entry.status, entry.status))
        if column == 6:
            return entry.cancel_reason if entry.status == "cancelled" else entry.notes
        return (entry.subject, entry.addressee, entry.from_unit)[column - 2]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and entry.status == "cancelled":
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ForegroundRole and entry.status == "reserved":
            return QBrush(QColor("#8a5a00"))
        return None


class ReserveDialog(QDialog):
    """จองเลข: the series (code, ว) and, if known, what the letter is about."""

    def __init__(self, code: str, circular: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("จองเลข"))
        form = QFormLayout(self)
        self.code = QLineEdit(code)
        self.circular = QCheckBox(tr("หนังสือเวียน (ว)"))
        self.circular.setChecked(circular)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(tr("ถ้าทราบแล้ว"))
        form.addRow(tr("รหัสหนังสือ"), self.code)
        form.addRow("", self.circular)
        form.addRow(tr("เรื่อง"), self.subject)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class RegisterWindow(QDialog):
    """ทะเบียนหนังสือส่ง of the register the settings name; one per main window.

    ``doc`` is the window's open draft (its code for จองเลข, its folder for exports),
    ``config`` gives the settings now, ``open_draft`` opens an entry's draft in the window
    (False: not opened).
    """

    def __init__(self, parent: QWidget, doc: Document, *, config: Callable[[], AppConfig],
                 open_draft: Callable[[Path], bool],
                 store_factory: Callable[[], Store] | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.config = config
        self.open_in_window = open_draft
        self.setObjectName("registerWindow")
        self.setWindowTitle(tr("ทะเบียนหนังสือส่ง"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1180, 640)
        self.store_factory = store_factory or (lambda: open_configured_store(self._configured()))
        self._store: Store | None = None
        self.busy = 0
        self.last_error: str = ""

        outer = QVBoxLayout(self)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.where)

        search = QGridLayout()
        self.f_number = QLineEdit()
        self.f_number.setPlaceholderText(tr("เช่น 0816.3/ว 15 หรือ 15"))
        self.f_subject = QLineEdit()
        self.f_addressee = QLineEdit()
        self.f_from = QLineEdit()
        self.f_to = QLineEdit()
        for box in (self.f_from, self.f_to):
            box.setPlaceholderText(tr("วว/ดด/ปปปป"))
            box.setMaximumWidth(130)
        self.f_status = QComboBox()
        self.f_status.addItem(tr("ทุกสถานะ"), None)
        for key, text in STATUS_TEXT.items():
            self.f_status.addItem(tr(text), key)
        self.b_search = QPushButton(tr("ค้นหา"))
        self.b_search.setDefault(True)
        self.b_search.clicked.connect(self.search)
        self.b_clear = QPushButton(tr("ล้าง"))
        self.b_clear.clicked.connect(self.clear_search)
        cells: list[tuple[str, QWidget]] = [
            ("เลขที่", self.f_number), ("เรื่อง", self.f_subject),
            ("ถึง (ผู้รับ)", self.f_addressee), ("ตั้งแต่วันที่", self.f_from),
            ("ถึงวันที่", self.f_to), ("สถานะ", self.f_status),
        ]
        for column, (label, widget) in enumerate(cells):
            caption = QLabel(tr(label))
            caption.setBuddy(widget)
            search.addWidget(caption, 0, column)
            search.addWidget(widget, 1, column)
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.search)
        search.addWidget(self.b_search, 1, len(cells))
        search.addWidget(self.b_clear, 1, len(cells) + 1)
        search.setColumnStretch(1, 3)
        search.setColumnStretch(2, 2)
        outer.addLayout(search)

        self.model = EntryModel()
        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 110, 360, 220, 200, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.open_draft())
        outer.addWidget(self.table, 1)

        self.count = QLabel()
        outer.addWidget(self.count)
        row = QHBoxLayout()
        self.b_open = QPushButton(tr("เปิดร่าง"))
        self.b_open.clicked.connect(self.open_draft)
        self.b_xlsx = QPushButton(tr("ส่งออก XLSX…"))
        self.b_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.b_csv = QPushButton(tr("ส่งออก CSV…"))
        self.b_csv.clicked.connect(lambda: self.export("csv"))
        self.b_print = QPushButton(tr("พิมพ์ทะเบียน…"))
        self.b_print.clicked.connect(lambda: self.print_register())
        self.b_reserve = QPushButton(tr("จองเลข…"))
        self.b_reserve.clicked.connect(self.reserve_dialog)
        self.b_cancel = QPushButton(tr("ยกเลิกเลข…"))
        self.b_cancel.clicked.connect(self.cancel_dialog)
        close = QPushButton(tr("ปิด"))
        close.clicked.connect(self.close)
        for button in (self.b_open, self.b_xlsx, self.b_csv, self.b_print):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.b_reserve, self.b_cancel, close):
            row.addWidget(button)
        outer.addLayout(row)
        self._url = self._configured()
        self._show_where()

    # --- the store, off the GUI thread ---

    def _configured(self) -> str:
        return self.config().register_url.strip()

    def follow_settings(self) -> None:
        """After the settings named another register: let go of the old one, say the new."""
        if self._configured() != self._url:
            self._url = self._configured()
            self._forget_store()
        self._show_where()

    def _open(self) -> Store:
        """The store, opened on first use (in the worker thread) and kept."""
        if self._store is None:
            self._store = self.store_factory()
        return self._store

    def _call(self, work: Callable[[Store], Any], done: Callable[[Any], None]) -> None:
        """Run ``work(store)`` in a worker thread; ``done(result)`` or a Thai message."""
        self.busy += 1
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.count.setText(tr("กำลังติดต่อทะเบียน…"))

        def finished_ok(result: Any) -> None:
            self._idle()
            self.last_error = ""
            done(result)

        def finished_error(exc: BaseException) -> None:
            self._idle()
            self._forget_store()
            self.last_error = error_text(exc)
            self.count.setText(self.last_error)
            QMessageBox.warning(self, tr("ทะเบียนหนังสือส่ง"), self.last_error)

        background.run(self, lambda: work(self._open()), finished_ok, finished_error)

    def _idle(self) -> None:
        self.busy -= 1
        if not self.busy:
            self.unsetCursor()

    def _forget_store(self) -> None:
        """After a failure open afresh next time (the server may be back, settings changed)."""
        store, self._store = self._store, None
        if store is not None:
            store.close()

    def _show_where(self) -> None:
        from dla_drafter.register.shares import share_warning
        from dla_drafter.register.store import default_url
        from dla_drafter.ui.i18n import language

        url = self._configured() or default_url()
        shown = url
        try:
            from sqlalchemy.engine import make_url

            shown = make_url(url).render_as_string(hide_password=True)
        except Exception:  # an unreadable URL is reported when the store opens
            pass
        if url.startswith("sqlite:///"):
            text = tr("ทะเบียนที่ใช้: ไฟล์ {u}", u=url.removeprefix("sqlite:///"))
        else:
            text = tr("ทะเบียนที่ใช้: เซิร์ฟเวอร์ {u}", u=shown)
        warning = share_warning(url, language())
        if warning:
            text += "\n⚠ " + warning
        self.where.setText(text)

    # --- search ---

    def filters(self) -> dict[str, Any]:
        """The search row as ``Store.entries`` arguments; DateInputError names a bad box."""
        return {
            "number": self.f_number.text().strip(),
            "subject": self.f_subject.text().strip(),
            "addressee": self.f_addressee.text().strip(),
            "date_from": parse_date(self.f_from.text(), "ตั้งแต่วันที่"),
            "date_to": parse_date(self.f_to.text(), "ถึงวันที่"),
            "status": self.f_status.currentData(),
        }

    def search(self) -> None:
        try:
            filters = self.filters()
        except DateInputError as exc:
            QMessageBox.warning(self, tr("ค้นหาไม่ได้"), str(exc))
            box = self.f_from if exc.label == "ตั้งแต่วันที่" else self.f_to
            box.setFocus()
            box.selectAll()
            return
        self._call(lambda store: store.entries(**filters), self._show)

    def clear_search(self) -> None:
        for box in (self.f_number, self.f_subject, self.f_addressee, self.f_from, self.f_to):
            box.clear()
        self.f_status.setCurrentIndex(0)
        self.search()

    def _show(self, entries: list[Entry]) -> None:
        self.model.set_entries(entries)
        self.count.setText(tr("{n} รายการ", n=len(entries)))
        if entries:
            self.table.scrollToBottom()

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entries[rows[0].row()]

    def select_number(self, number: str) -> bool:
        """Select the row of ``number`` (tests and the ออกเลข follow-up use it)."""
        for row, entry in enumerate(self.model.entries):
            if entry.number == number:
                self.table.selectRow(row)
                return True
        return False

    # --- commands ---

    def open_draft(self) -> bool:
        entry = self.selected()
        if entry is None:
            QMessageBox.information(self, tr("เปิดร่าง"), tr("เลือกรายการในตารางก่อน"))
            return False
        if not entry.draft_path:
            QMessageBox.information(self, tr("เปิดร่าง"),
                                    tr("เลขที่ {n} ไม่มีไฟล์ร่างบันทึกไว้", n=entry.number))
            return False
        path = Path(entry.draft_path)
        if not path.exists():
            QMessageBox.warning(self, tr("เปิดร่าง"), tr(
                "ไม่พบไฟล์ร่างของเลขที่ {n}: {p} (อาจถูกย้ายหรือเปลี่ยนชื่อ)",
                n=entry.number, p=path))
            return False
        if not self.open_in_window(path):
            return False
        window = self.parentWidget()
        if window is not None:
            window.raise_()
            window.activateWindow()
        return True

    def _default_name(self, ext: str) -> str:
        folder = self.doc.path.parent if self.doc.path else Path.home()
        return str(folder / f"ทะเบียนหนังสือส่ง.{ext}")

    def export(self, kind: str, path: Path | None = None) -> Path | None:
        """Write the lines shown to XLSX or CSV; returns the file written."""
        if path is None:
            filters = {"xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)"}
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("ส่งออกทะเบียน"), self._default_name(kind), filters[kind])
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        return self._write(path)

    def _heading(self) -> str:
        """What the printed register covers: the date range searched, if any."""
        from dla_drafter.text.thaidate import BE_OFFSET, THAI_MONTHS

        def thai(day: dt.date) -> str:
            return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + BE_OFFSET}"

        try:
            filters = self.filters()
        except DateInputError:
            return ""
        start, end = filters["date_from"], filters["date_to"]
        if start and end:
            return tr("ตั้งแต่ {a} ถึง {b}", a=thai(start), b=thai(end))
        if start:
            return tr("ตั้งแต่ {a}", a=thai(start))
        if end:
            return tr("ถึง {b}", b=thai(end))
        return ""

    def _write(self, path: Path) -> Path | None:
        from dla_drafter.register import export

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export.write(self.model.entries, path, heading=self._heading())
        except Exception as exc:  # OSError with a Thai message, a font problem …
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, tr("ส่งออกไม่ได้"), f"{path}\n\n{error_text(exc)}")
            return None
        QApplication.restoreOverrideCursor()
        self.count.setText(tr("ส่งออกแล้ว: {p}", p=path))
        return path

    def print_register(self, path: Path | None = None) -> Path | None:
        """The lines shown as the ระเบียบ's ทะเบียนหนังสือส่ง table (PDF), then opened for
        printing in the PDF viewer (which prints landscape A4 as it is)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("พิมพ์ทะเบียน"), self._default_name("pdf"), "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        written = self._write(path)
        if written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def reserve_dialog(self) -> None:
        letter = self.doc.letter
        code = letter.number.code or self.config().profile().number_code
        dialog = ReserveDialog(code, letter.number.circular, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reserve(dialog.code.text(), dialog.circular.isChecked(),
                         dialog.subject.text())

    def reserve(self, code: str, circular: bool, subject: str = "") -> None:
        """จองเลข: take the next number of the series now, fill in the letter later."""
        from dla_drafter.register.store import Details
        from dla_drafter.ui.register.issue_number import user_name

        details = Details(subject=subject.strip(), clerk=user_name())  # the identity's name

        def done(entry: Entry) -> None:
            QMessageBox.information(self, tr("จองเลข"), tr(
                "จองเลขที่ {n} แล้ว\n\nเมื่อร่างหนังสือ ใส่เลข {s} ในช่องเลขที่ของร่าง "
                "แล้วกด “ออกเลขหนังสือ” โปรแกรมจะใช้เลขที่จองไว้นี้", n=entry.number,
                s=entry.serial))
            self.search()

        self._call(lambda store: store.reserve(code, circular, details=details), done)

    def cancel_dialog(self) -> None:
        entry = self.selected()
        if entry is None:
            QMessageBox.information(self, tr("ยกเลิกเลข"), tr("เลือกรายการในตารางก่อน"))
            return
        reason, ok = QInputDialog.getText(
            self, tr("ยกเลิกเลข"),
            tr("เหตุผลที่ยกเลิกเลขที่ {n} (เลขนี้จะไม่ถูกใช้อีก):", n=entry.number))
        if ok:
            self.cancel(entry, reason)

    def cancel(self, entry: Entry, reason: str) -> None:
        """ยกเลิก: the number keeps its line and reason and is never issued again."""
        if not reason.strip():
            QMessageBox.warning(self, tr("ยกเลิกเลข"), tr("ต้องระบุเหตุผลที่ยกเลิกเลข"))
            return
        self._call(lambda store: store.cancel(entry.number, reason, year=entry.year),
                   lambda _e: self.search())

    def done(self, result: int) -> None:  # closing the window: let go of the connection
        self._forget_store()
        super().done(result)
