"""The merge dialog ("สร้างหนังสือหลายฉบับ"): one letter per row of a CSV/XLSX table.

The dialog is a thin caller of :mod:`dla_drafter.merge`: it reads the table, shows its first
rows, previews any row's letter with the same preview widget as the main window (the row is
filled into a copy of the draft by ``merge.merge_letter``), and runs ``merge.merge`` in a
worker thread so the window stays responsive. Progress arrives as queued signals; "ยกเลิก"
sets the event ``merge`` polls between rows, so the rows already started finish whole and no
half file is left. The summary lists every failed row with its row number and column.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.model.letter import Letter
from dla_drafter.settings import RenderSettings
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.letter.preview import PreviewPane
from dla_drafter.ui.messages import error_text, row_problem_text, support_tip

SHOWN_ROWS = 50  # rows in the table view: enough to recognise the file, cheap to build
SYNC_CHECK_ROWS = 400  # up to this many rows the check is done at once (≈0.1 s)
MORE_BAD_ROWS = 200  # bad rows after those, added to the view so each can be seen and fixed
# a bad row (its letter will not be made) and a row made with a warning, as the table marks
# them; the cell to fix is tinted deeper than the rest of its row
ERROR_TINTS = ("#fbe3e3", "#f3b7b7")
WARNING_TINTS = ("#fdf3d8", "#f6dc98")
COMBINED_NAME = "รวมเล่ม.pdf"
ENCODINGS = (("อัตโนมัติ", None), ("UTF-8", "utf-8-sig"), ("TIS-620", "cp874"))


class MergeWorker(QObject):
    """Runs ``merge.merge`` in its own thread; every signal is delivered to the dialog's."""

    progressed = Signal(int, int)
    finished = Signal(object)  # Summary
    failed = Signal(str)

    def __init__(self, letter: Letter, table: Any, options: dict[str, Any]) -> None:
        super().__init__()
        self.letter = letter
        self.table = table
        self.options = options
        self.stop = threading.Event()

    def run(self) -> None:
        from dla_drafter.merge import merge
        from dla_drafter.problems import DrafterError

        try:
            summary = merge(self.letter, self.table, progress=self._progress,
                            cancel=self.stop.is_set, **self.options)
        except DrafterError as exc:  # the merge cannot start, the register refused …
            self.failed.emit(error_text(exc))
        except Exception as exc:  # an engine bug: told, never a crash of the window
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(summary)

    def _progress(self, done: int, total: int, _result: Any) -> None:
        self.progressed.emit(done, total)


def _count(n: int) -> str:
    """A count as the interface writes it: Thai digits in Thai, Arabic in English."""
    return to_thai_digits(n) if language() == "th" else str(n)


def _check(letter: Letter, table: Any, pattern: str | None,
           settings: RenderSettings | None) -> tuple[Any, BaseException | None]:
    """``check_rows`` with its error returned rather than raised (it may run in a thread)."""
    from dla_drafter.merge.rowcheck import check_rows

    try:
        return check_rows(letter, table, name_pattern=pattern, settings=settings), None
    except Exception as exc:  # noqa: BLE001 - shown by the dialog, never a crash
        return None, exc


class RowChecker(QObject):
    """Checks a large table in one worker thread; ``done`` is delivered in the GUI thread."""

    done = Signal(int, object, object)  # generation, problems by row, error

    def __init__(self) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="merge-check")

    def request(self, generation: int, letter: Letter, table: Any, pattern: str | None,
                settings: RenderSettings | None) -> None:
        self._pool.submit(self._run, generation, letter, table, pattern, settings)

    def _run(self, generation: int, letter: Letter, table: Any, pattern: str | None,
             settings: RenderSettings | None) -> None:
        self.done.emit(generation, *_check(letter, table, pattern, settings))

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class MergeDialog(QDialog):
    """Choose the data, check a row's letter, make them all."""

    def __init__(self, letter: Letter, settings: RenderSettings | None = None,
                 parent: QWidget | None = None, folder: Path | None = None,
                 workers: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(tr("สร้างหนังสือหลายฉบับจากตารางข้อมูล"))
        self.letter = letter
        self.settings = settings
        self.workers = workers
        self.table: Any = None
        self.table_path: Path | None = None
        self.summary: Any = None
        self.shown_indexes: list[int] = []  # the table view's rows, as positions in the table
        self.worker: MergeWorker | None = None
        self.thread: QThread | None = None
        self._revision = 0
        self.resize(1200, 680)  # fits a 1366×768 screen with its taskbar

        outer = QVBoxLayout(self)
        source = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(tr("ยังไม่ได้เลือกตารางข้อมูล (CSV หรือ XLSX)"))
        choose = QPushButton(tr("เลือกตารางข้อมูล…"))
        choose.clicked.connect(self.choose_table)
        self.encoding_box = QComboBox()
        for label, value in ENCODINGS:
            self.encoding_box.addItem(tr(label), value)
        self.encoding_box.setToolTip(tr("การเข้ารหัสของแฟ้ม CSV (XLSX ไม่ต้องเลือก)"))
        self.encoding_box.activated.connect(lambda _i: self.reload())
        source.addWidget(QLabel(tr("ตารางข้อมูล")))
        source.addWidget(self.path_edit, 1)
        source.addWidget(choose)
        source.addWidget(QLabel(tr("การเข้ารหัส")))
        source.addWidget(self.encoding_box)
        outer.addLayout(source)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.table_label = QLabel()
        self.check_label = QLabel()
        self.check_label.setObjectName("rowCheck")
        self.check_label.setWordWrap(True)
        self.row_problems: dict[int, list[Any]] = {}  # by position in table.rows
        self.checking = False  # a large table's check is running in the worker thread
        self._check_generation = 0
        self.checker = RowChecker()
        self.checker.done.connect(self._show_check)
        self.model = QStandardItemModel(self)
        self.view = QTableView()
        self.view.setObjectName("mergeTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.clicked.connect(self._row_clicked)
        row_line = QHBoxLayout()
        self.row_spin = QSpinBox()
        self.row_spin.setObjectName("previewRow")
        self.row_spin.setRange(1, 1)
        self.row_spin.valueChanged.connect(self.show_row)
        self.row_note = QLabel()
        row_line.addWidget(QLabel(tr("ดูตัวอย่างฉบับที่")))
        row_line.addWidget(self.row_spin)
        row_line.addWidget(self.row_note, 1)
        left_lay.addWidget(self.table_label)
        left_lay.addWidget(self.check_label)
        left_lay.addWidget(self.view, 1)
        left_lay.addLayout(row_line)

        out_box = QGroupBox(tr("ผลลัพธ์"))
        out_form = QFormLayout(out_box)
        folder_line = QHBoxLayout()
        self.folder_edit = QLineEdit(str(folder) if folder else "")
        self.folder_edit.setObjectName("outputFolder")
        browse = QPushButton(tr("เลือก…"))
        browse.clicked.connect(self.choose_folder)
        folder_line.addWidget(self.folder_edit, 1)
        folder_line.addWidget(browse)
        out_form.addRow(tr("โฟลเดอร์"), folder_line)
        formats = QHBoxLayout()
        self.pdf_check = QCheckBox("PDF")
        self.pdf_check.setChecked(True)
        self.docx_check = QCheckBox("DOCX")
        self.combined_check = QCheckBox(tr("รวมทุกฉบับเป็น PDF เดียว ({name})",
                                           name=COMBINED_NAME))
        formats.addWidget(self.pdf_check)
        formats.addWidget(self.docx_check)
        formats.addWidget(self.combined_check)
        formats.addStretch(1)
        out_form.addRow(tr("ชนิดแฟ้ม"), formats)
        from dla_drafter.merge import DEFAULT_NAME_PATTERN

        self.name_edit = QLineEdit(DEFAULT_NAME_PATTERN)
        self.name_edit.setObjectName("namePattern")
        self.name_edit.setToolTip(tr("«คอลัมน์» ใช้ค่าของแถวนั้น {n} คือลำดับฉบับ เช่น หนังสือ-«จังหวัด»"))
        out_form.addRow(tr("ชื่อแฟ้ม"), self.name_edit)
        # a blank file name fails a row only when files are named: check again on a change
        self.name_edit.editingFinished.connect(self.check_table)
        for box in (self.pdf_check, self.docx_check):
            box.toggled.connect(lambda _on: self.check_table())
        left_lay.addWidget(out_box)

        self.preview = PreviewPane()
        self.preview.settings = settings
        self.preview.set_zoom("fit-width")
        self.preview_note = QLabel()
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.preview, 1)
        right_lay.addWidget(self.preview_note)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 640])
        outer.addWidget(split, 1)

        run_line = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("mergeProgress")
        self.progress.setFormat("%v / %m")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.make_button = QPushButton(tr("สร้างหนังสือ"))
        self.make_button.setObjectName("makeLetters")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("ยกเลิก"))
        self.cancel_button.setObjectName("cancelMerge")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(tr("ปิด"))
        self.close_button.clicked.connect(self.close)
        run_line.addWidget(self.progress, 1)
        run_line.addWidget(self.make_button)
        run_line.addWidget(self.cancel_button)
        run_line.addWidget(self.close_button)
        outer.addLayout(run_line)

        self.summary_box = QGroupBox(tr("สรุปผล"))
        summary_lay = QVBoxLayout(self.summary_box)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("mergeSummary")
        self.summary_label.setWordWrap(True)
        self.failures = QListWidget()
        self.failures.setObjectName("mergeFailures")
        self.failures.setMaximumHeight(120)
        self.open_folder_button = QPushButton(tr("เปิดโฟลเดอร์"))
        self.open_folder_button.clicked.connect(self.open_folder)
        summary_lay.addWidget(self.summary_label)
        summary_lay.addWidget(self.failures)
        summary_lay.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignRight)
        self.summary_box.setVisible(False)
        outer.addWidget(self.summary_box)
        self._update_buttons()

    # --- the data ---

    def choose_table(self) -> None:
        folder = str(self.table_path.parent) if self.table_path else self.folder_edit.text()
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("เลือกตารางข้อมูล"), folder,
            tr("ตารางข้อมูล (*.csv *.xlsx)") + ";;" + tr("ทุกแฟ้ม (*)"))
        if chosen:
            self.load_table(Path(chosen))

    def reload(self) -> None:
        if self.table_path is not None:
            self.load_table(self.table_path)

    def load_table(self, path: Path) -> bool:
        """Read the table (a bad file is explained and the previous table kept)."""
        from dla_drafter.merge import TableError, read_table

        try:
            table = read_table(path, encoding=self.encoding_box.currentData())
        except TableError as exc:
            QMessageBox.warning(self, tr("เปิดตารางข้อมูลไม่ได้"), exc.message(language()))
            return False
        except OSError as exc:
            QMessageBox.warning(self, tr("เปิดตารางข้อมูลไม่ได้"), f"{path}\n\n{exc}")
            return False
        self.table, self.table_path = table, Path(path)
        self.path_edit.setText(str(path))
        if not self.folder_edit.text():
            self.folder_edit.setText(str(Path(path).parent / Path(path).stem))
        self.check_table(fill=False)
        self._fill_model()
        self.row_spin.setRange(1, max(1, len(table.rows)))
        self.progress.setRange(0, max(1, len(table.rows)))
        self.progress.setValue(0)
        self.row_spin.setValue(1)
        self.show_row(1)
        self._update_buttons()
        return True

    def _fill_model(self) -> None:
        table = self.table
        self.model.clear()
        self.model.setHorizontalHeaderLabels([tr("แถว"), *table.columns])
        self.shown_indexes = self._indexes_to_show()
        for index in self.shown_indexes:
            row = table.rows[index]
            items = [QStandardItem(str(row.number))]
            items += [QStandardItem(row.values.get(c, "")) for c in table.columns]
            self._mark(items, self.row_problems.get(index, []))
            self.model.appendRow(items)
        self.view.resizeColumnsToContents()
        shown = min(SHOWN_ROWS, len(table.rows))
        encoding = f" ({table.encoding})" if table.encoding else ""
        text = tr("{n} แถวข้อมูล แสดง {k} แถวแรก{e}", n=len(table.rows), k=shown, e=encoding)
        later = len(self.shown_indexes) - shown
        if later:
            text += " " + tr("และแถวที่มีปัญหาหลังจากนั้นอีก {m} แถว", m=later)
        self.table_label.setText(text)

    def _indexes_to_show(self) -> list[int]:
        """The first rows, then the bad rows after them (so every bad row can be seen)."""
        first = list(range(min(SHOWN_ROWS, len(self.table.rows))))
        later = [i for i in sorted(self.row_problems) if i >= SHOWN_ROWS][:MORE_BAD_ROWS]
        return first + later

    # --- the rows that would fail ---

    def check_table(self, fill: bool = True) -> None:
        """Find the rows that would fail (``merge.rowcheck.check_rows``, the merge's own
        verdict) and mark them, before the clerk presses "สร้างหนังสือ". A table of more than
        ``SYNC_CHECK_ROWS`` rows is checked in a worker thread (~0.3 ms a row: a spreadsheet
        of ten thousand rows must not freeze the dialog); its marks come when it is done."""
        if self.table is None:
            return
        named = self.pdf_check.isChecked() or self.docx_check.isChecked()
        pattern = (self.name_edit.text().strip() or None) if named else ""
        self._check_generation += 1
        generation = self._check_generation
        if len(self.table.rows) <= SYNC_CHECK_ROWS:
            result, error = _check(self.letter, self.table, pattern, self.settings)
            self._show_check(generation, result, error, fill)
            return
        self.row_problems = {}
        self.checking = True
        self.check_label.setStyleSheet("")
        self.check_label.setToolTip("")
        self.check_label.setText(tr("กำลังตรวจแถวข้อมูล {n} แถว…", n=_count(len(self.table.rows))))
        if fill:
            self._fill_model()
        self.checker.request(generation, self.letter, self.table, pattern, self.settings)

    def _show_check(self, generation: int, result: Any, error: Any,
                    fill: bool = True) -> None:
        if generation != self._check_generation:
            return  # a newer table, pattern or format choice is being checked
        from dla_drafter.merge import MergeError

        self.checking = False
        self.check_label.setStyleSheet("")
        self.row_problems = result or {}
        if isinstance(error, MergeError):  # fails for every row: told here, the merge too
            self.check_label.setStyleSheet("color: #a61b1b;")
            self.check_label.setText("✗ " + tr("สร้างหนังสือจากตารางนี้ไม่ได้ทุกแถว") + "\n"
                                     + error_text(error, 4))
            self.check_label.setToolTip(error_text(error, 30))
        elif error is not None:  # an engine bug: the marks are a help, never a blocker
            self.check_label.setText(tr("ตรวจแถวข้อมูลไม่ได้") + f" ({type(error).__name__})")
            self.check_label.setToolTip(f"{type(error).__name__}: {error}")
        else:
            self.check_label.setText(self.check_summary())
            self.check_label.setToolTip("")
            if self.bad_rows():
                self.check_label.setStyleSheet("color: #a61b1b;")
        if fill:
            self._fill_model()

    def bad_rows(self) -> list[int]:
        """Positions in ``table.rows`` of the rows whose letter would not be made."""
        return [i for i, problems in sorted(self.row_problems.items())
                if any(p.severity == "error" for p in problems)]

    def check_summary(self) -> str:
        bad = len(self.bad_rows())
        warned = len(self.row_problems) - bad
        if not bad and not warned:
            return "✓ " + tr("ตรวจแล้ว ทุกแถวสร้างหนังสือได้")
        parts = []
        if bad:
            parts.append("✗ " + tr("{n} แถวจะสร้างหนังสือไม่ได้ (แถวสีแดง) แถวอื่นยังสร้างได้",
                                   n=_count(bad)))
        if warned:
            parts.append("⚠ " + tr("{n} แถวมีคำเตือน (แถวสีเหลือง)", n=_count(warned)))
        return "  ".join(parts)

    def _mark(self, items: list[QStandardItem], problems: list[Any]) -> None:
        """Colour, icon and Thai reasons on a row that would fail or warn."""
        if not problems:
            return
        error = any(p.severity == "error" for p in problems)
        light, deep = ERROR_TINTS if error else WARNING_TINTS
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical if error
                                         else QStyle.StandardPixmap.SP_MessageBoxWarning)
        head = (tr("แถวนี้จะสร้างหนังสือไม่ได้") if error
                else tr("แถวนี้สร้างหนังสือได้ แต่มีคำเตือน"))
        lines = [("✗ " if p.severity == "error" else "⚠ ") + row_problem_text(p)
                 for p in problems]
        fields = sorted({p.field for p in problems if p.field})
        tip = support_tip("\n".join([head, *lines]), ", ".join(fields) or None)
        columns = {c.strip() for p in problems if p.column for c in p.column.split(",")}
        headers = [tr("แถว"), *self.table.columns]
        for position, item in enumerate(items):
            to_fix = position > 0 and headers[position] in columns
            item.setBackground(QBrush(QColor(deep if to_fix else light)))
            item.setToolTip(tip)
        items[0].setIcon(icon)
        items[0].setData("error" if error else "warning", Qt.ItemDataRole.UserRole)

    def _row_clicked(self, index: Any) -> None:
        self.row_spin.setValue(self.shown_indexes[index.row()] + 1)

    def shown_rows(self) -> list[list[str]]:
        """The table view's cells, as the clerk sees them."""
        return [[self.model.item(r, c).text() for c in range(self.model.columnCount())]
                for r in range(self.model.rowCount())]

    # --- the preview ---

    def show_row(self, position: int) -> None:
        """Preview the letter of the ``position``-th data row (1 = first)."""
        if self.table is None or not self.table.rows:
            return
        from dla_drafter.merge import FieldError, merge_letter

        row = self.table.rows[min(position, len(self.table.rows)) - 1]
        self.row_note.setText(tr("แถวที่ {r} ในแฟ้ม", r=to_thai_digits(row.number)))
        if position - 1 in self.shown_indexes:
            self.view.selectRow(self.shown_indexes.index(position - 1))
        try:
            filled = merge_letter(self.letter, row.values)
        except FieldError as exc:
            self.preview_note.setText("⚠ " + error_text(exc))
            return
        blank = [c for c in self._columns_used() if not row.values.get(c, "").strip()]
        marks = self.row_problems.get(min(position, len(self.table.rows)) - 1, [])
        if blank:
            note = tr("แถวนี้ไม่มีข้อมูลในคอลัมน์ {c} จึงจะไม่ได้สร้างหนังสือฉบับนี้",
                      c=", ".join(f'"{c}"' for c in blank))
        else:  # what the check found in this row, as the table's tooltip says it
            note = "\n".join(("✗ " if p.severity == "error" else "⚠ ") + row_problem_text(p)
                             for p in marks)
        self.preview_note.setText(note)
        self._revision += 1
        revision = self._revision
        self.preview.schedule(lambda: (filled, revision))

    def _columns_used(self) -> list[str]:
        from dla_drafter.merge import FieldError, columns_used

        try:
            return columns_used(self.letter)
        except FieldError:
            return []

    # --- running ---

    def options(self) -> dict[str, Any]:
        formats = [f for f, box in (("pdf", self.pdf_check), ("docx", self.docx_check))
                   if box.isChecked()]
        folder = Path(self.folder_edit.text().strip() or ".")
        return {
            "out_dir": folder,
            "formats": tuple(formats),
            "name_pattern": self.name_edit.text().strip() or None,
            "combined": folder / COMBINED_NAME if self.combined_check.isChecked() else None,
            "settings": self.settings,
            "workers": self.workers,
        }

    def start(self) -> None:
        """"สร้างหนังสือ": run the merge in a worker thread."""
        if self.table is None or self.running:
            return
        if not self.folder_edit.text().strip():
            QMessageBox.warning(self, tr("สร้างหนังสือไม่ได้"), tr("กรุณาเลือกโฟลเดอร์ที่จะเก็บหนังสือ"))
            return
        options = self.options()
        existing = self.existing_files(options)
        if existing and QMessageBox.question(
                self, tr("เขียนทับแฟ้มเดิมหรือไม่?"),
                tr("ในโฟลเดอร์นี้มีแฟ้มชื่อเดียวกันอยู่แล้ว {n} แฟ้ม เช่น {name}\n"
                   "ต้องการสร้างใหม่ทับแฟ้มเดิมหรือไม่?", n=len(existing), name=existing[0].name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        self.summary = None
        self.summary_box.setVisible(False)
        self.progress.setRange(0, len(self.table.rows))
        self.progress.setValue(0)
        self.worker = MergeWorker(self.letter, self.table, options)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self.thread.quit)
        self.worker.failed.connect(self.thread.quit)
        self.thread.finished.connect(self._on_thread_done)
        self.thread.start()
        self._update_buttons()

    def existing_files(self, options: dict[str, Any]) -> list[Path]:
        """The files this merge would replace (a clerk's earlier letters are never lost
        without asking). A pattern the merge refuses is reported by the merge itself."""
        from dla_drafter.merge import DEFAULT_NAME_PATTERN, MergeError, file_stems

        try:
            stems = file_stems(options["name_pattern"] or DEFAULT_NAME_PATTERN, self.table)
        except MergeError:
            return []
        folder = Path(options["out_dir"])
        paths = [folder / f"{stem}.{fmt}" for stem in stems if stem
                 for fmt in options["formats"]]
        if options["combined"] is not None:
            paths.append(Path(options["combined"]))
        return [p for p in paths if p.exists()]

    @property
    def running(self) -> bool:
        return self.thread is not None

    def cancel(self) -> None:
        """"ยกเลิก": no new row starts; rows already running finish whole."""
        if self.worker is not None:
            self.worker.stop.set()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(tr("กำลังยกเลิก…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_finished(self, summary: Any) -> None:
        self.summary = summary
        lang = language()
        self.summary_label.setText(summary.message(lang))
        self.failures.clear()
        for problem in summary.problems:
            prefix = "⚠ " if problem.severity == "warning" else "✗ "
            item = QListWidgetItem(prefix + row_problem_text(problem))
            item.setToolTip(support_tip(problem.message(lang), problem.field))
            self.failures.addItem(item)
        self.failures.setVisible(bool(summary.problems))
        self.open_folder_button.setEnabled(bool(summary.files or summary.combined))
        self.summary_box.setVisible(True)

    def _on_failed(self, message: str) -> None:
        self.summary_label.setText(tr("สร้างหนังสือไม่ได้") + "\n" + message)
        self.failures.clear()
        self.failures.setVisible(False)
        self.open_folder_button.setEnabled(False)
        self.summary_box.setVisible(True)

    def _on_thread_done(self) -> None:
        if self.thread is not None:
            self.thread.deleteLater()
        if self.worker is not None:
            self.worker.deleteLater()
        self.thread = None
        self.worker = None
        self.cancel_button.setText(tr("ยกเลิก"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.running
        self.make_button.setEnabled(self.table is not None and not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def open_folder(self) -> None:
        folder = Path(self.folder_edit.text().strip() or ".")
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder.resolve())))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("เลือกโฟลเดอร์"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    # --- closing ---

    def wait_done(self, ms: int = 60_000) -> None:
        """Stop a running merge and wait for it, and for a row check (closing the dialog or
        the window)."""
        if self.worker is not None:
            self.worker.stop.set()
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait(ms)
        self.checker.shutdown()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.running:
            event.ignore()  # the clerk cancels first; rows finish writing
            return
        self.preview.shutdown()
        self.checker.shutdown()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running:
            return
        self.preview.shutdown()
        self.checker.shutdown()
        super().reject()
