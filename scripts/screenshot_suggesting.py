"""Take docs/images/suggesting.png: the window in suggesting mode with the suggestion list.

    uv run python scripts/screenshot_suggesting.py [-o docs/images]

Like ``scripts/screenshot_review.py`` (runs itself again inside ``xvfb-run`` with temporary
settings folders), at 1366×768, the smallest screen the offices use: the first example letter
with suggestions from the supervisor (the user, typing in แนะนำการแก้ไข mode) and from a
second reviewer, made by the same engine calls the window makes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)
ME = "นางสมศรี ตรวจละเอียด"
OTHER = "นายวิชัย ตรวจทาน"


def outside(args: argparse.Namespace) -> int:
    return rerun_under_xvfb(__file__, SIZE, ["-o", str(args.output)])


def letter() -> object:
    from dla_drafter.model.draftio import load_draft
    from dla_drafter.review import suggestions as sg
    from dla_drafter.review.identity import Identity, save_identity

    save_identity(Identity(ME, "ผู้อำนวยการกอง", "ผอ.กศ."))
    draft = load_draft(sorted((ROOT / "examples").glob("*.dladraft.json"))[0])
    words = [w for w in draft.body[0].split() if len(w) > 6]
    sg.suggestions_from_edit(draft, "body[0]", draft.body[0] + " ทั้งนี้ภายในเดือนนี้", ME)
    sg.add_suggestion(draft, "body[0]", words[0][:8], "", OTHER)
    subject = draft.subject.split()
    if len(subject) > 1:
        sg.suggestions_from_edit(draft, "subject", " ".join(subject[:-1]), ME)
    return draft


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    app = make_app()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(AppConfig.load(), letter=letter())
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    window.suggesting.act_suggesting.trigger()
    window.suggesting.dock.show()
    window.suggesting.dock.raise_()
    window.resizeDocks([window.suggesting.dock], [430], __import__(
        "PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal)
    window.form.focus_field("body[0]")

    def grab() -> None:
        if not (window.preview.pages is not None and window.preview.is_current()):
            QTimer.singleShot(200, grab)
            return
        QApplication.processEvents()
        window.form.horizontalScrollBar().setValue(0)
        window.form.ensureWidgetVisible(window.form.lists["body"].editors[0], 20, 40)
        QApplication.processEvents()
        image = window.grab()
        image.save(str(out / "suggesting.png"))
        print(f"{out / 'suggesting.png'}: {image.width()}×{image.height()}")
        window.doc.undo_stack.setClean()
        window.close()
        app.quit()

    QTimer.singleShot(1500, grab)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "images"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
