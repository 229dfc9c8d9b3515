"""Start the desktop program: ``dla-drafter`` (new draft) or ``dla-drafter FILE``.

The Sarabun fonts that ship with the program are registered as the interface font, so Thai
looks the same on every machine (Windows' default UI font renders Thai poorly at small sizes,
and a machine without Thai fonts would show boxes).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from dla_drafter.app_settings import AppConfig
from dla_drafter.ui import warm_up
from dla_drafter.ui.i18n import language as ui_language
from dla_drafter.ui.i18n import set_language, tr
from dla_drafter.ui.main_window import MainWindow
from dla_drafter.ui.qt_thai import install_qt_translations
from dla_drafter.ui.recovery import OrphanDraft, find_orphans

SMOKE_TEST = "--smoke-test"
SMOKE_TIMEOUT_MS = 120_000
EXIT_SMOKE_FAILED = 3

UI_FONT_FAMILY = "Sarabun"
UI_FONT_PT = 11

STYLE = """
QGroupBox#section { font-weight: 600; border: 1px solid #c9ced6; border-radius: 6px;
                    margin-top: 14px; padding: 10px 8px 6px 8px; background: #fbfcfd; }
QGroupBox#section::title { subcontrol-origin: margin; left: 10px; padding: 0 4px;
                           color: #1f4e79; }
QWidget#formBody { background: #eef1f5; }
QLabel#paragraphLabel { color: #5a6470; }
QLabel#suggestionHint { color: #3d6b35; }
QLabel#problemsSummary { font-weight: 600; }
"""


def register_fonts() -> str | None:
    """Register the bundled Sarabun faces; returns the family name, None when unavailable."""
    try:
        import fontpkg_sarabun

        folder = Path(fontpkg_sarabun.ROOT) / "files"
    except Exception:
        return None
    family = None
    for name in ("Sarabun-Regular.ttf", "Sarabun-Medium.ttf", "Sarabun-SemiBold.ttf",
                 "Sarabun-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(folder / name))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the Thai interface font and style (reused when one exists)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "dla-drafter", *(argv or [])])
    install_qt_translations(ui_language())  # Qt's own buttons and menus in the interface language
    if app.property("dla_configured"):
        return app  # fonts and style once: a new style sheet re-polishes every widget
    app.setProperty("dla_configured", True)
    app.setApplicationName("dla-drafter")
    app.setApplicationDisplayName("DLA Drafter")
    app.setOrganizationName("dla-drafter")
    family = register_fonts()
    if family:
        font = QFont(family, UI_FONT_PT)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        app.setFont(font)
    if isinstance(app, QApplication):
        app.setStyle("Fusion")
        app.setStyleSheet(STYLE)
    return app


def offer_recovery(parent: MainWindow | None, orphans: list[OrphanDraft]) -> list[OrphanDraft]:
    """Ask whether to restore the drafts a crashed or killed program left behind."""
    if not orphans:
        return []
    listing = "\n".join("• " + (o.label or o.draft_path.name) for o in orphans[:10])
    answer = QMessageBox.question(
        parent, tr("กู้คืนร่างหนังสือ"),
        tr("ครั้งก่อนโปรแกรมปิดไม่ปกติ พบร่างหนังสือที่บันทึกอัตโนมัติไว้ {n} ฉบับ ต้องการกู้คืนหรือไม่?",
           n=len(orphans)) + "\n\n" + listing,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        for orphan in orphans:
            orphan.remove(archive=True)
        return []
    return orphans


def restore_into(window: MainWindow, orphan: OrphanDraft) -> bool:
    """Load an orphan into a window as an unsaved draft of its original file."""
    try:
        letter = orphan.load()
    except Exception as exc:
        QMessageBox.warning(window, tr("กู้คืนร่างหนังสือ"),
                            tr("กู้คืนไม่ได้: {e}", e=exc) + f"\n{orphan.draft_path}")
        orphan.remove(archive=True)
        return False
    window.doc.replace(letter, orphan.original, orphan.base())
    # Mark as modified: the restored text is not in any saved file yet (the stack's
    # cleanChanged signal puts the window's [*] mark in its title).
    window.doc.undo_stack.resetClean()
    orphan.remove()
    window.autosave()
    return True


def watch_first_preview(window: MainWindow, app: QApplication) -> None:
    """``--smoke-test``: quit by itself once the first preview has pages.

    The installed build is checked by starting it (``packaging/test_frozen.py``): the window
    opens, the letter is typeset with the bundled fonts and word lists, "ok" is printed and
    the program exits 0. If no preview comes within two minutes it exits 3, so a broken
    bundle never hangs the check.
    """

    # The timer is the window's and stopped once the preview came: a bare singleShot outlived
    # a smoke test run inside the test suite and quit the application two minutes later,
    # in the middle of whichever test was running then.
    timer = QTimer(window)
    timer.setSingleShot(True)

    def done(pages: object) -> None:
        if pages:
            timer.stop()
            print("ok", flush=True)
            app.exit(0)

    def too_late() -> None:
        print("smoke test: no preview within the time limit", file=sys.stderr, flush=True)
        app.exit(EXIT_SMOKE_FAILED)

    timer.timeout.connect(too_late)
    window.preview.pages_changed.connect(done)
    timer.start(SMOKE_TIMEOUT_MS)


def main(argv: list[str] | None = None) -> int:
    """Run the program; ``argv`` are the arguments after the program name (draft files, and
    ``--smoke-test``, see :func:`watch_first_preview`)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    files = [Path(a) for a in argv if not a.startswith("-")]
    if files:  # its preview is wanted at once: load the engine while the window is built
        warm_up.start()
    smoke_test = SMOKE_TEST in argv
    language = os.environ.get("DLA_DRAFTER_LANG") or None  # e.g. for English screenshots
    app = make_app()
    config = AppConfig.load()
    set_language(language or config.language)
    install_qt_translations(language or config.language)
    windows: list[MainWindow] = []
    window = MainWindow(config)
    windows.append(window)
    if files:
        window.open_path(files[0], ask=False)
    window.show()
    window.form.focus_field("subject")

    def recover() -> None:
        orphans = offer_recovery(window, find_orphans(window.recovery.folder))
        for index, orphan in enumerate(orphans):
            target = window
            if index > 0 or window.doc.is_modified() or files:
                target = MainWindow(config)
                target.show()
                windows.append(target)
            restore_into(target, orphan)

    if smoke_test:
        watch_first_preview(window, app)  # no recovery question: nobody is there to answer
    else:
        QTimer.singleShot(0, recover)
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    if smoke_test:
        window.preview.shutdown()
    windows.clear()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())

