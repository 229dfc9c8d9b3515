"""Take docs/screenshot.png: the real window on an example letter, under Xvfb.

    uv run python scripts/screenshot.py [DRAFT] [-o docs/screenshot.png]

Runs itself again inside ``xvfb-run`` (a real X server, so fonts, style and window size are
what a clerk sees, not the offscreen test platform), opens the draft, waits for the page
preview and grabs the window. Settings are kept in a temporary folder so the picture does not
depend on this machine's user config.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1440, 900)


def outside(args: argparse.Namespace) -> int:
    extra = ["-o", str(args.output)] + ([str(args.draft)] if args.draft else [])
    return rerun_under_xvfb(__file__, SIZE, extra)


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(AppConfig.load())
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    examples = sorted((ROOT / "examples").glob("*.dladraft.json"))
    draft = Path(args.draft) if args.draft else examples[0]
    if not window.open_path(draft, ask=False):
        return 1
    window.preview.set_zoom("fit-width")
    window.form.focus_field("body[0]")
    window.form.verticalScrollBar().setValue(0)
    clock = QElapsedTimer()
    clock.start()

    def ready() -> bool:
        return (window.preview.pages is not None and window.preview.is_current()
                and window.spell.is_ready)

    def shoot() -> None:
        if not ready() and clock.elapsed() < 20_000:
            QTimer.singleShot(100, shoot)
            return
        window.form.rehighlight()
        QApplication.processEvents()
        section = window.form.sections["subject"]
        window.form.verticalScrollBar().setValue(max(0, section.y() - 8))
        QTimer.singleShot(400, grab)  # let the form's layout settle after scrolling

    def grab() -> None:
        window.statusBar().clearMessage()  # "เปิดแล้ว: <this machine's path>" is not for the docs
        QApplication.processEvents()
        image = window.grab()
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        image.save(str(args.output))
        print(f"{args.output}: {image.width()}×{image.height()}, "
              f"{len(window.preview.pages)} page(s)")
        window.doc.undo_stack.setClean()
        window.close()
        app.quit()

    QTimer.singleShot(300, shoot)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("draft", nargs="?")
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
