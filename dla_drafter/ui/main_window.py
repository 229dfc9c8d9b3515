"""The main window: form on the left, live page preview on the right, commands around them.

The window only wires things together: the Document holds the letter and its history, the
form edits it, the preview and the problems panel follow it, and every command (save, export,
print) calls the same engine functions the command line uses.
"""

from __future__ import annotations

import base64
import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QToolBar,
    QWidget,
)

from dla_drafter.app_settings import AgencyProfile, AppConfig
from dla_drafter.fields import REVIEW_KEY
from dla_drafter.filetypes import DRAFT_SUFFIX, dialog_patterns, draft_stem, with_draft_suffix
from dla_drafter.model.letter import Letter
from dla_drafter.ui.ask import ask_choice
from dla_drafter.ui.commands import command
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.letter.document import Document, suggested_stem
from dla_drafter.ui.letter.form import LetterForm
from dla_drafter.ui.letter.preview import PreviewPane
from dla_drafter.ui.letter.problems import ProblemsPanel, problem_text, tell_blocking
from dla_drafter.ui.letter.spell import SpellChecker
from dla_drafter.ui.merge.fields import FieldInserter
from dla_drafter.ui.messages import error_text
from dla_drafter.ui.recovery import RecoverySession
from dla_drafter.ui.register.menu import RegisterMenu
from dla_drafter.ui.review.menu import ReviewMenu
from dla_drafter.ui.review.panel import ReviewPanel
from dla_drafter.ui.review.suggesting import Suggesting

APP_TITLE = "DLA Drafter"
AUTOSAVE_MS = 30_000
# The spell checker's dictionary costs more CPU than a first typesetting (≈1.3 s against
# ≈0.5 s): loaded at once it held the first preview of an opened draft back (issue 13 item
# 12). It loads just after the first preview is painted or has failed, or after the
# fallback delay whatever happens (a stuck engine must not leave the clerk without
# spelling marks); the delay is long because a loaded office PC can take seconds.
SPELL_AFTER_PAGES_MS = 300
SPELL_FALLBACK_MS = 10_000


class _WindowKeysFirst(QObject):
    """The window's own shortcuts win over a text box's, wherever the cursor is.

    Text boxes claim keys through ShortcutOverride: Ctrl+Z/Ctrl+Y for their private undo,
    and on Linux desktops (X11 key bindings) Ctrl+E as "end of line", so Ctrl+E typed in the
    subject box did not export. Inside a MainWindow, a key that is the shortcut of one of the
    window's enabled actions is left to that action.

    Undo and redo are the document's alone, in a text box or not: every keystroke is in the
    document's history (typing order across all fields), while a box's private history would
    change the text without the document knowing. So Ctrl+Z/Ctrl+Y never reach a box, even
    when there is nothing to undo (the window's action is disabled then and does nothing).
    Installed once on the application.
    """

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(event, QKeyEvent):  # every event of the program passes here:
            return False  # a type test is a quarter of the cost of reading the event's type
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(obj, QWidget) or not isinstance(obj.window(), MainWindow):
            return False
        window: MainWindow = obj.window()  # type: ignore[assignment]
        pressed = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
        if window.is_history_key(pressed):
            return True
        return kind == QEvent.Type.ShortcutOverride and window.action_for_keys(pressed) is not None


_keys_filter: _WindowKeysFirst | None = None


def _install_keys_filter() -> None:
    global _keys_filter
    app = QApplication.instance()
    if _keys_filter is None and app is not None:
        _keys_filter = _WindowKeysFirst(app)
        app.installEventFilter(_keys_filter)


class MainWindow(QMainWindow):
    """One open draft in one window."""

    opened_from: Path | None = None  # the PDF/DOCX a new, unsaved draft was read from

    def __init__(self, config: AppConfig | None = None, letter: Letter | None = None,
                 path: Path | None = None, spell: SpellChecker | None = None,
                 recovery_folder: Path | None = None) -> None:
        super().__init__()
        self.config = config or AppConfig.load()
        self.spell = spell if spell is not None else SpellChecker()
        profile = self.config.profile()
        self.doc = Document(letter or profile.new_letter(), path)
        self.recovery = RecoverySession(recovery_folder)
        self.render_settings = profile.render_settings()
        # Whose approvals count on this PC: worked out once here and handed to the engine,
        # which never reads the settings file; refreshed when the profile or the key changes.
        self.keyring = self.config.keyring()
        self.setObjectName("mainWindow")
        self.resize(1400, 900)

        self.form = LetterForm(self.doc, self.spell)
        self.form.set_signer_presets(profile.signer_presets)
        self.problems = ProblemsPanel()
        self.preview = PreviewPane()
        self.preview.settings = self.render_settings
        self.preview.keyring = self.keyring
        self.problems.keyring = self.keyring
        self.preview.set_zoom(self.config.zoom)

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.form)
        self.left.addWidget(self.problems)
        self.left.setStretchFactor(0, 5)
        self.left.setStretchFactor(1, 1)
        self.left.setSizes([760, 110])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 760])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_actions()
        # the groups' menus, built with what their commands need; the window keeps them
        self.review = ReviewPanel(self, self.doc, self.form, self.preview, self.show_status,
                                  keyring=lambda: self.keyring,
                                  refresh_keyring=self.refresh_keyring,
                                  config=lambda: self.config)
        self.review_menu = ReviewMenu(self.review, self)
        self.register_menu = RegisterMenu(
            self, self.doc, config=lambda: self.config,
            render_settings=lambda: self.render_settings, keyring=lambda: self.keyring,
            save=self.save,
            reload=self.replace_letter, open_draft=self.open_path,
            blocking_problems=self.blocking_problems, focus_field=self.form.focus_field,
            status=self.show_status)
        self.addActions(self.register_menu.commands + self.review_menu.commands)
        self._build_menus()
        self._build_toolbar()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review)
        # hidden until a draft under review is opened or a review command is used, so the
        # form keeps its width for clerks who do not review in the program
        self.review.setVisible(self.doc.letter.extra.get(REVIEW_KEY) is not None)
        self.suggesting = Suggesting.install(self)  # after the review panel, menu and dock
        self.problems.field_requested.connect(self.review.show_problem)
        self.problems.updated.connect(self.review.mark_typed_initials)  # names typed by hand

        self.doc.changed.connect(self._on_changed)
        self.doc.replaced.connect(self._on_changed)
        self.doc.path_changed.connect(self._update_title)
        self.doc.undo_stack.cleanChanged.connect(lambda _c: self._update_title())
        self.problems.field_requested.connect(self.form.focus_field)
        self.preview.source_clicked.connect(self.form.focus_source)
        self.form.editing.connect(self.preview.follow)  # the preview shows what is typed
        self.preview.pages_changed.connect(self._on_pages)
        self.spell.ready.connect(self.form.rehighlight)
        app = QGuiApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)
            app.applicationStateChanged.connect(self._app_state)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._restore_geometry()
        self._update_title()
        self._on_changed()
        # a timer owned by the window: a pending one dies with it, never fires after it
        self.spell_timer = QTimer(self)
        self.spell_timer.setSingleShot(True)
        self.spell_timer.timeout.connect(self.spell.start)
        self.spell_timer.start(SPELL_FALLBACK_MS)
        self.preview.pages_changed.connect(self._start_spell_soon)
        self.preview.typesetter.failed.connect(self._start_spell_soon)
        # Last: no key reaches a window before it is built, and an application-wide filter
        # is a Python call for each of the ~8,500 events of building one (45 ms of the
        # program's start, issue 15 item 6).
        _install_keys_filter()

    # --- actions ---

    def action_for_keys(self, pressed: QKeySequence) -> QAction | None:
        """The enabled command of this window whose shortcut is ``pressed``, if any."""
        for action in self.actions():
            if action.isEnabled() and any(key == pressed for key in action.shortcuts()):
                return action
        return None

    def is_history_key(self, pressed: QKeySequence) -> bool:
        """Undo/redo keys: the document's history answers them, never a text box's."""
        return any(key == pressed for action in (self.act_undo, self.act_redo)
                   for key in action.shortcuts())

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "",
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = command(self, text, slot, shortcut, tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        sk = QKeySequence.StandardKey
        self.act_new = self._action("ใหม่ (&N)", self.new_draft, sk.New,
                                    "เริ่มหนังสือฉบับใหม่จากโปรไฟล์ส่วนราชการ", sp.SP_FileIcon)
        self.act_open = self._action("เปิด… (&O)", self.open_dialog, sk.Open,
                                     "เปิดแฟ้มร่างหนังสือ", sp.SP_DialogOpenButton)
        self.act_save = self._action("บันทึก (&S)", self.save, sk.Save,
                                     "บันทึกร่างหนังสือ", sp.SP_DialogSaveButton)
        self.act_save_as = self._action("บันทึกเป็น… (&A)", self.save_as,
                                        QKeySequence("Ctrl+Shift+S"),
                                        "บันทึกร่างหนังสือเป็นแฟ้มใหม่")
        self.act_pdf = self._action("ส่งออก PDF… (&D)", lambda: self.export("pdf"),
                                    QKeySequence("Ctrl+E"), "ส่งออกเป็นแฟ้ม PDF พร้อมพิมพ์")
        self.act_docx = self._action("ส่งออก DOCX… (&X)", lambda: self.export("docx"),
                                     QKeySequence("Ctrl+Shift+E"),
                                     "ส่งออกเป็นแฟ้ม Word (DOCX) ให้แก้ไขต่อได้")
        self.act_both = self._action("ส่งออก PDF และ DOCX… (&B)", lambda: self.export("both"),
                                     QKeySequence("Ctrl+Alt+E"),
                                     "ส่งออกทั้ง PDF และ DOCX ในชื่อเดียวกัน")
        self.act_print = self._action("พิมพ์… (&P)", self.print_dialog, sk.Print,
                                      "พิมพ์ลงกระดาษ A4 ขนาดจริง")
        self.act_print_preview = self._action("ตัวอย่างก่อนพิมพ์… (&W)", self.print_preview,
                                              QKeySequence("Ctrl+Shift+P"),
                                              "ดูตัวอย่างก่อนพิมพ์")
        self.act_quit = self._action("ออก (&Q)", self.close, sk.Quit, "ปิดโปรแกรม")
        self.act_undo = self._action("เลิกทำ (&U)", self.doc.undo_stack.undo, sk.Undo,
                                     "ยกเลิกการแก้ไขครั้งล่าสุด", sp.SP_ArrowBack)
        self.act_redo = self._action("ทำซ้ำ (&R)", self.doc.undo_stack.redo,
                                     [QKeySequence(sk.Redo), QKeySequence("Ctrl+Y")],
                                     "ทำการแก้ไขที่ยกเลิกไปอีกครั้ง", sp.SP_ArrowForward)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.doc.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.doc.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.act_fit_width = self._action("พอดีความกว้าง (&W)",
                                          lambda: self.preview.set_zoom("fit-width"),
                                          QKeySequence("Ctrl+0"), "ขยายหน้าให้พอดีความกว้าง")
        self.act_fit_page = self._action("พอดีหน้า (&F)",
                                         lambda: self.preview.set_zoom("fit-page"),
                                         QKeySequence("Ctrl+9"), "แสดงทั้งหน้า")
        self.act_zoom_in = self._action("ขยาย (&I)", lambda: self.preview.step_zoom(1),
                                        [QKeySequence(sk.ZoomIn), QKeySequence("Ctrl+=")])
        self.act_zoom_out = self._action("ย่อ (&O)", lambda: self.preview.step_zoom(-1),
                                         sk.ZoomOut)
        self.act_next_problem = self._action("ไปยังปัญหาถัดไป (&N)", self.next_problem,
                                             QKeySequence("F8"), "ไปยังช่องที่มีปัญหาถัดไป")
        self.act_settings = self._action("ตั้งค่า… (&S)", self.settings_dialog,
                                         QKeySequence("Ctrl+,"),
                                         "โปรไฟล์ส่วนราชการ ภาษา และแบบอักษร")
        # F1 on every platform (HelpContents is F1 on Windows and most Linux desktops, but
        # not everywhere), and the platform's own key as well where it differs
        help_keys = [QKeySequence("F1")] + [
            k for k in QKeySequence.keyBindings(sk.HelpContents) if k != QKeySequence("F1")]
        self.act_guide = self._action("คู่มือผู้ใช้ (&G)", self.open_guide, help_keys,
                                      "เปิดคู่มือการใช้โปรแกรมสำหรับเจ้าหน้าที่")
        self.help_window: Any = None  # made on first use, then shown again
        self.act_about = self._action("เกี่ยวกับ (&A)", self.about)
        self.fields = FieldInserter(self, self.form, self.doc, self.preview, self.show_status)
        self.act_insert_field = self._action(
            "แทรกช่องข้อมูล… (&I)", self.fields.run, QKeySequence("Ctrl+Shift+I"),
            "แทรกช่องข้อมูล «คอลัมน์» จากตารางข้อมูล ณ ตำแหน่งเคอร์เซอร์")
        self.act_merge = self._action(
            "สร้างหนังสือหลายฉบับ… (&M)", self.merge_dialog, QKeySequence("Ctrl+Shift+M"),
            "สร้างหนังสือหนึ่งฉบับต่อหนึ่งแถวของตารางข้อมูล (CSV หรือ XLSX)")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("แฟ้ม (&F)"))
        file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = QMenu(tr("เปิดล่าสุด (&R)"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.act_pdf, self.act_docx, self.act_both])
        file_menu.addSeparator()
        file_menu.addActions([self.act_print_preview, self.act_print])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu(tr("แก้ไข (&E)"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addAction(self.act_next_problem)
        view = bar.addMenu(tr("มุมมอง (&V)"))
        view.addActions([self.act_fit_width, self.act_fit_page, self.act_zoom_in,
                         self.act_zoom_out])
        bar.addMenu(self.register_menu)  # ออกเลขหนังสือ, the register, ลงนาม
        tools = bar.addMenu(tr("เครื่องมือ (&T)"))
        tools.addActions([self.act_insert_field, self.act_merge])
        tools.addSeparator()
        tools.addAction(self.act_settings)
        bar.addMenu(self.review_menu)
        help_menu = bar.addMenu(tr("ช่วยเหลือ (&H)"))
        help_menu.addAction(self.act_guide)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)
        self._fill_recent()

    def _build_toolbar(self) -> None:
        tb = QToolBar(tr("แถบเครื่องมือ"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        short = {
            self.act_new: "ใหม่", self.act_open: "เปิด", self.act_save: "บันทึก",
            self.act_undo: "เลิกทำ", self.act_redo: "ทำซ้ำ", self.act_pdf: "PDF",
            self.act_docx: "DOCX", self.act_print: "พิมพ์",
        }
        for group in ((self.act_new, self.act_open, self.act_save),
                      (self.act_undo, self.act_redo),
                      (self.act_pdf, self.act_docx, self.act_print)):
            for action in group:
                # The button shows the action's icon text: set it, not the button's text,
                # which Qt resets to "เลิกทำ (U)" whenever the action changes (enabled …)
                # and the toolbar jumps.
                action.setIconText(tr(short[action]))
                tb.addAction(action)
                button = tb.widgetForAction(action)
                if button is not None:
                    tip = action.toolTip()
                    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    button.setToolTip(f"{tip} ({keys})" if keys else tip)
            tb.addSeparator()
        self.addToolBar(tb)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in self.config.recent_files if p]
        for index, name in enumerate(files):
            action = self.recent_menu.addAction(f"&{index + 1} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _c=False, n=name: self.open_recent(Path(n)))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(tr("ล้างรายการ"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.config.recent_files = []
        self._save_config()
        self._fill_recent()

    # --- state ---

    def _update_title(self) -> None:
        with contextlib.suppress(RuntimeError):  # signals while Qt tears the window down
            self._set_title()

    def _draft_name(self) -> str:
        """The draft's file name; for a new one, the name it will be saved under."""
        if self.doc.path:
            return self.doc.path.name
        if self.opened_from:  # read from a PDF/DOCX: named after the letter
            return draft_stem(self.opened_from) + DRAFT_SUFFIX
        return tr("หนังสือไม่มีชื่อ")

    def _set_title(self) -> None:
        name = self._draft_name()
        self.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(self.doc.is_modified())

    def _on_changed(self, *_: Any) -> None:
        self.preview.schedule(lambda: (self.doc.snapshot(), self.doc.revision))
        self.problems.schedule(lambda: self.doc.letter)
        self._update_title()

    def _start_spell_soon(self, *_: Any) -> None:
        """The first preview is on its way to the screen (or failed): the dictionary may
        load now. Later previews find the timer stopped and change nothing."""
        if self.spell_timer.isActive() and self.spell_timer.interval() == SPELL_FALLBACK_MS:
            self.spell_timer.start(SPELL_AFTER_PAGES_MS)

    def _on_pages(self, pages: Any) -> None:
        """New pages from the preview: report characters the font cannot draw."""
        from dla_drafter.pipeline import glyph_problems

        self.problems.set_page_problems(glyph_problems(pages, self.render_settings))

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None:
            self.doc.break_merge()
        if _new is None and old is not None and old.window() is self:
            self.autosave()

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.autosave()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.autosave()
        super().changeEvent(event)

    # --- never lose work ---

    def autosave(self) -> bool:
        """Copy the draft to the recovery folder if it changed since the last copy."""
        if not self.doc.is_modified():
            if self.recovery.saved_revision is not None:
                self.recovery.discard()
            return False
        if self.recovery.saved_revision == self.doc.revision:
            return False
        try:
            self.recovery.save(self.doc.letter, self.doc.path, self.doc.revision, self.doc.base)
        except Exception as exc:  # the clerk keeps typing; the status bar tells why
            self.statusBar().showMessage(tr("บันทึกอัตโนมัติไม่ได้: {e}", e=exc), 8000)
            return False
        return True

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; False means the clerk cancelled."""
        if not self.doc.is_modified():
            return True
        name = self._draft_name()
        answer = QMessageBox.question(
            self, tr("บันทึกการแก้ไขหรือไม่?"),
            tr("หนังสือ “{name}” มีการแก้ไขที่ยังไม่ได้บันทึก", name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        self.config.zoom = str(self.preview.zoom)
        self.config.window_geometry = base64.b64encode(bytes(self.saveGeometry())).decode()
        self.config.splitter_state = base64.b64encode(bytes(self.splitter.saveState())).decode()
        self._save_config()
        self.autosave_timer.stop()
        self.preview.shutdown()
        self.recovery.close()
        app = QGuiApplication.instance()
        if app is not None:
            try:
                app.focusChanged.disconnect(self._focus_changed)
                app.applicationStateChanged.disconnect(self._app_state)
            except (RuntimeError, TypeError):
                pass
        event.accept()

    def _restore_geometry(self) -> None:
        try:
            if self.config.window_geometry:
                self.restoreGeometry(QByteArray(base64.b64decode(self.config.window_geometry)))
            if self.config.splitter_state:
                self.splitter.restoreState(QByteArray(base64.b64decode(
                    self.config.splitter_state)))
        except (ValueError, TypeError):
            pass

    def _save_config(self) -> None:
        try:
            self.config.save()
        except OSError as exc:
            self.statusBar().showMessage(tr("บันทึกการตั้งค่าไม่ได้: {e}", e=exc), 8000)

    # --- file commands ---

    def show_status(self, text: str, timeout_ms: int) -> None:
        """A message in the status bar for ``timeout_ms`` (the groups' commands use it)."""
        self.statusBar().showMessage(text, timeout_ms)

    def replace_letter(self, letter: Letter, path: Path | None, base: Any = None) -> None:
        """Show ``letter`` (read from ``path``, or new) instead of the open draft, whose
        recovery copy is no longer needed: the clerk chose to leave it, or it was saved.
        ``base`` is what the file held (``model.concurrent.DraftBase``); without it, a letter
        just read from ``path`` is that base, so the next save merges what others save."""
        self.recovery.discard()
        self.opened_from = None
        if base is None and path is not None:
            from dla_drafter.model.concurrent import DraftBase

            base = DraftBase.of(letter, path)
        self.doc.replace(letter, path, base)

    def new_draft(self) -> None:
        if not self.maybe_save():
            return
        self.replace_letter(self.config.profile().new_letter(), None)
        self.form.focus_field("subject")

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = str(self.doc.path.parent) if self.doc.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("เปิดร่างหนังสือ"), folder,
            f"{tr('แฟ้มร่างหนังสือ')} ({dialog_patterns()} *.pdf *.docx);;"
            f"{tr('หนังสือที่โปรแกรมนี้สร้าง')} (*.pdf *.docx);;{tr('ทุกแฟ้ม (*)')}")
        if path:
            self.open_path(Path(path), ask=False)

    def open_recent(self, path: Path) -> None:
        self.open_path(path)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a draft file; loader problems are shown in Thai, the current draft is kept."""
        if ask and not self.maybe_save():
            return False
        if Path(path).suffix.casefold() in (".pdf", ".docx"):
            return self.open_letter_file(Path(path))
        from dla_drafter.model.concurrent import open_draft
        from dla_drafter.problems import DraftError

        try:
            letter, warnings, base = open_draft(path)
        except DraftError as exc:
            QMessageBox.warning(self, tr("เปิดแฟ้มไม่ได้"), f"{path}\n\n{error_text(exc, 15)}")
            return False
        except OSError as exc:
            QMessageBox.warning(self, tr("เปิดแฟ้มไม่ได้"), f"{path}\n\n{exc}")
            return False
        self.replace_letter(letter, Path(path).resolve(), base)
        self.config.add_recent(path)
        self._save_config()
        self._fill_recent()
        if warnings:
            self.statusBar().showMessage(
                tr("เปิดแล้ว มีคำเตือน {n} รายการ: {w}", n=len(warnings),
                   w=problem_text(warnings[0])), 15000)
        else:
            self.statusBar().showMessage(tr("เปิดแล้ว: {p}", p=path), 5000)
        return True

    def open_letter_file(self, path: Path) -> bool:
        """A PDF or DOCX this program made gives its draft back (``pipeline.draft_from_letter``),
        opened as a new unsaved draft named after the letter; the clerk saves it as a draft
        file. Any other file: the reason, and the current draft is kept."""
        from dla_drafter.pipeline import draft_from_letter
        from dla_drafter.problems import DrafterError

        try:
            letter = draft_from_letter(Path(path).read_bytes(), Path(path).name)
        except (DrafterError, OSError) as exc:
            why = exc.message(language()) if isinstance(exc, DrafterError) else str(exc)
            QMessageBox.warning(self, tr("เปิดแฟ้มไม่ได้"), f"{path}\n\n{why}\n\n" + tr(
                "เปิดแฟ้มร่างหนังสือ ({s}) ของหนังสือนี้แทน", s=DRAFT_SUFFIX))
            return False
        self.replace_letter(letter, None)
        self.opened_from = Path(path)
        self._update_title()
        self.statusBar().showMessage(tr(
            "เปิดร่างที่อยู่ใน {p} แล้ว เป็นร่างใหม่ที่ยังไม่บันทึก: บันทึกเป็นแฟ้มร่างก่อนแก้ไขต่อ",
            p=Path(path).name), 15000)
        return True

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self, path: Path | None = None) -> bool:
        if path is None:
            folder = self.doc.path.parent if self.doc.path else Path.home()
            named = self.doc.path or self.opened_from  # a letter opened from a PDF/DOCX
            start = folder / (suggested_stem(self.doc.letter, named) + DRAFT_SUFFIX)
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("บันทึกเป็น"), str(start),
                f"{tr('แฟ้มร่างหนังสือ')} (*{DRAFT_SUFFIX})")
            if not chosen:
                return False
            path = Path(chosen)
            path = path.with_name(with_draft_suffix(path.name))
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        """Save atomically, keeping the previous version as .bak; a failure offers Save As.

        What another PC saved since the draft was opened is merged in (their comments, their
        edits to other fields), and a field both changed is asked about, showing both
        (``ui/letter/conflicts.py``); the window then shows the merged letter."""
        from dla_drafter.model.concurrent import DraftConflictError, SaveCancelled
        from dla_drafter.problems import DraftError
        from dla_drafter.review.merge_records import save_merging
        from dla_drafter.ui.letter.conflicts import ask_conflicts

        try:
            result = save_merging(self.doc.letter, path, self.doc.base, backup=True,
                                  resolve=lambda conflicts: ask_conflicts(self, conflicts))
        except SaveCancelled:
            self.autosave()
            self.statusBar().showMessage(
                tr("ยังไม่ได้บันทึก แฟ้มยังเป็นฉบับที่บันทึกจากเครื่องอื่น"), 8000)
            return False
        except DraftConflictError as exc:  # the file no longer opens: never written over
            self.autosave()
            lines = [problem_text(p) for p in exc.problems] or [str(exc)]
            QMessageBox.warning(self, tr("บันทึกไม่ได้"), "\n".join(lines[:12]))
            return False
        except DraftError as exc:  # a value the file format cannot hold: say which field
            self.autosave()
            QMessageBox.warning(self, tr("บันทึกไม่ได้"), error_text(exc))
            if exc.problems:
                self.form.focus_field(exc.problems[0].field)
            return False
        except OSError as exc:
            self.autosave()  # whatever happens next, the text is in the recovery folder
            role = QMessageBox.ButtonRole
            # Held open by another program (Windows): closing it and retrying will work.
            retry = [("retry", tr("ลองใหม่"), role.AcceptRole)] if getattr(
                exc, "in_use", False) else []
            answer = ask_choice(
                self, tr("บันทึกไม่ได้"),
                tr("บันทึกแฟ้มนี้ไม่ได้ แฟ้มอาจถูกเปิดอยู่ในโปรแกรมอื่นหรืออยู่ในที่ที่อ่านได้อย่างเดียว")
                + f"\n\n{exc}\n\n" + tr("ต้องการบันทึกเป็นแฟ้มอื่นแทนหรือไม่?"),
                [*retry, ("save_as", tr("บันทึกเป็นแฟ้มอื่น…"), role.AcceptRole),
                 ("cancel", tr("ยกเลิก"), role.RejectRole)],
                default="retry" if retry else "save_as", cancel="cancel",
                icon=QMessageBox.Icon.Warning,
            )
            if answer == "retry":
                return self._write(path)
            if answer == "save_as":
                return self.save_as()
            return False
        if result.merged:
            self.doc.take_merged(result.letter, tr("รวมการแก้ไขจากเครื่องอื่น"))
        self.doc.set_path_saved(path.resolve(), result.base)
        self.recovery.discard()
        self.config.add_recent(path)
        self._save_config()
        self._fill_recent()
        if result.merged:
            self.statusBar().showMessage(tr(
                "บันทึกแล้ว: {p} — รวมกับที่บันทึกจากเครื่องอื่นหลังจากที่เปิดแฟ้มแล้ว", p=path), 15000)
        else:
            self.statusBar().showMessage(tr("บันทึกแล้ว: {p}", p=path), 5000)
        return True

    # --- export and print ---

    def blocking_problems(self) -> list[Any]:
        """The errors that block export and printing, checked now (warnings do not block)."""
        self.problems.run_now()
        return self.problems.errors()

    def _blocked(self) -> bool:
        """True (and the clerk told why) when the letter has errors that block export."""
        errors = self.blocking_problems()
        if not errors:
            return False
        tell_blocking(self, errors)
        self.form.focus_field(getattr(errors[0], "field", "subject"))
        return True

    def export(self, kind: str, path: Path | None = None) -> list[Path]:
        """Export PDF, DOCX or both; returns the files written (empty when cancelled/failed)."""
        if self._blocked():
            return []
        if path is None:
            folder = self.doc.path.parent if self.doc.path else Path.home()
            stem = suggested_stem(self.doc.letter, self.doc.path)
            ext = "docx" if kind == "docx" else "pdf"
            filters = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)",
                       "both": tr("PDF และ DOCX (*.pdf)")}
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("ส่งออก"), str(folder / f"{stem}.{ext}"), filters[kind])
            if not chosen:
                return []
            path = Path(chosen)
        targets = []
        if kind in ("pdf", "both"):
            targets.append(("pdf", path.with_suffix(".pdf")))
        if kind in ("docx", "both"):
            targets.append(("docx", path.with_suffix(".docx")))
        from dla_drafter import pipeline

        # Both files are made in memory first and then written together, or neither: a
        # PDF beside a DOCX of an older version of the letter would mislead (as in `render`).
        # The preview's pages are used when they show this very version.
        written: list[Path] = []
        paths = [target for _fmt, target in targets]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            made = pipeline.make_outputs(
                self.doc.letter, paths, self.render_settings, self.keyring,
                pages=self.preview.current_pages(self.doc.revision))
            pipeline.write_outputs(made.files)
            written = list(made.files)
        except Exception as exc:  # a DrafterError or OSError with a Thai message, or a bug
            error: Exception | None = exc
        else:
            error = None
        finally:
            QApplication.restoreOverrideCursor()
        while error is not None and getattr(error, "in_use", False):
            # Word (or a PDF viewer) holds the file open: the letter is made, nothing was
            # written; once the clerk closes it there, the same bytes are written again.
            role = QMessageBox.ButtonRole
            answer = ask_choice(
                self, tr("ส่งออกไม่ได้"),
                f"{error.path}\n\n{error.message(language())}\n\n"
                + tr("ปิดแฟ้มนั้นในโปรแกรมที่เปิดอยู่ แล้วกด ลองใหม่"),
                [("retry", tr("ลองใหม่"), role.AcceptRole),
                 ("cancel", tr("ยกเลิก"), role.RejectRole)],
                default="retry", cancel="cancel", icon=QMessageBox.Icon.Warning)
            if answer != "retry":
                return []
            try:
                pipeline.write_outputs(made.files)
            except OSError as exc:
                error = exc
            else:
                error, written = None, list(made.files)
        if error is not None:
            where = getattr(error, "path", None) or getattr(error, "filename", None) or \
                ", ".join(str(t) for t in paths)
            QMessageBox.warning(self, tr("ส่งออกไม่ได้"), f"{where}\n\n{error_text(error)}")
        if written:
            self.statusBar().showMessage(
                tr("ส่งออกแล้ว: {p}", p=", ".join(str(p) for p in written)), 8000)
        return written

    def _printer(self) -> Any:
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setDocName(suggested_stem(self.doc.letter, self.doc.path))
        return printer

    def _paint_to(self, printer: Any) -> None:
        from dla_drafter.pipeline import typeset_letter
        from dla_drafter.render.painter import print_pages

        pages = (self.preview.current_pages(self.doc.revision)
                 or typeset_letter(self.doc.snapshot(), self.render_settings, self.keyring))
        print_pages(pages, printer, self.render_settings)

    def print_dialog(self) -> None:
        if self._blocked():
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("พิมพ์"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._paint_to(printer)

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(tr("ตัวอย่างก่อนพิมพ์"))
        dialog.paintRequested.connect(self._paint_to)
        dialog.resize(900, 1000)
        dialog.exec()

    # --- other commands ---

    def next_problem(self) -> None:
        self.problems.select_next()

    def merge_dialog(self) -> None:
        """Batch letters from this draft (``ui/merge/dialog.py``), with the table already
        chosen for "แทรกช่องข้อมูล" if any."""
        from dla_drafter.ui.merge.dialog import MergeDialog

        dialog = MergeDialog(self.doc.snapshot(), self.render_settings, self)
        if self.fields.table_path is not None:
            dialog.load_table(self.fields.table_path)
        dialog.exec()

    def settings_dialog(self) -> None:
        from dla_drafter.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.config, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_config(dialog.config)

    def apply_config(self, config: AppConfig) -> None:
        self.config.language = config.language
        self.config.profiles = config.profiles
        self.config.active_profile = config.active_profile
        self.config.register_url = config.register_url
        self._save_config()
        profile: AgencyProfile = self.config.profile()
        self.render_settings = profile.render_settings()
        self.form.set_signer_presets(profile.signer_presets)
        self.preview.set_settings(self.render_settings)
        self.refresh_keyring()

    def refresh_keyring(self) -> None:
        """Work out again whose approvals count (the profile changed, or the user's own key
        was just made by a first approval) and show the letter with them."""
        self.keyring = self.config.keyring()
        self.problems.keyring = self.keyring
        self.preview.set_keyring(self.keyring)
        self.problems.schedule(lambda: self.doc.letter)
        self.review.refresh()  # the header says approved only for approvals valid here now

    def about(self) -> None:
        from dla_drafter import __version__

        QMessageBox.about(self, APP_TITLE, tr(
            "DLA Drafter — ร่างหนังสือราชการ ส่งออก PDF และ DOCX\n"
            "จัดหน้าตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ") + "\n\n"
            + tr("รุ่น {v}", v=__version__))

    def open_guide(self) -> bool:
        """Show the clerk's guide (docs/คู่มือผู้ใช้.md) in the program's own help window,
        with its screenshots, contents and search (``ui/help_window.py``)."""
        from dla_drafter.paths import GUIDE_NAME, guide_path

        if self.help_window is None:
            path = guide_path()
            if path is None:
                QMessageBox.information(self, tr("คู่มือผู้ใช้"), tr(
                    "ไม่พบคู่มือผู้ใช้ ({name}) ในโฟลเดอร์ของโปรแกรม", name=GUIDE_NAME))
                return False
            from dla_drafter.ui.help_window import HelpWindow

            try:
                self.help_window = HelpWindow(path, self)
            except OSError as exc:  # unreadable: say which file, never a traceback
                QMessageBox.information(self, tr("คู่มือผู้ใช้"),
                                        tr("เปิดคู่มือไม่ได้") + f"\n{path}\n\n{exc}")
                return False
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return True
