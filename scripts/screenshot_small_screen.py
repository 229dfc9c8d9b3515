"""Pictures at 1366×768 (an office laptop): the form beside the review panel, the help
window, and the merge dialog with its bad rows marked.

    uv run python scripts/screenshot_small_screen.py [-o OUTPUT_FOLDER]

Like ``scripts/screenshot.py`` (runs itself again inside ``xvfb-run`` with temporary settings
folders). *small-review.png*: the first example letter sent for review with a comment, the
window 1366×768 with the review dock open — no label may be cut and the form must not scroll
sideways. *small-help.png*: Help (F1) on the clerk's guide. *small-merge.png*: the merge
dialog on the example letter with a table in which two rows would fail and one warns.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)


def outside(args: argparse.Namespace) -> int:
    return rerun_under_xvfb(__file__, SIZE, ["-o", str(args.output)])


def review_letter():  # noqa: ANN201 - a Letter
    from dla_drafter.model.draftio import load_draft
    from dla_drafter.review import actions
    from dla_drafter.review.identity import Identity, save_identity

    save_identity(Identity("นางสมศรี ตรวจละเอียด", "ผู้อำนวยการกอง", "ผอ.กศ."))
    letter = load_draft(sorted((ROOT / "examples").glob("*.dladraft.json"))[0])
    actions.send_for_review(letter, "นายสมชาย ร่างดี")
    actions.add_comment(letter, "subject", letter.subject[:10], "เรื่องยาวเกินไป ขอให้กระชับ",
                        "นางสมศรี ตรวจละเอียด")
    return letter


def merge_table(folder: Path) -> Path:
    rows = ["ลำดับ,จังหวัด,งบประมาณ", "1,น่าน,12500", "2,แพร่,", "3,ลำปาง,๑๐ 😀",
            "4,,30000", "5,พะเยา,45000", "6,ตาก,50000"]
    path = folder / "จังหวัด.csv"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    return path


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    app = make_app()
    app.setQuitOnLastWindowClosed(False)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(AppConfig.load(), letter=review_letter())
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    window.review.setVisible(True)
    window.review.refresh()
    window.form.focus_field("subject")

    def save(widget, name: str) -> None:  # noqa: ANN001
        QApplication.processEvents()
        image = widget.grab()
        image.save(str(out / name))
        print(f"{out / name}: {image.width()}×{image.height()}")

    def form_shot() -> None:
        if not (window.preview.pages is not None and window.preview.is_current()):
            QTimer.singleShot(200, form_shot)
            return
        scroll = window.form.horizontalScrollBar()
        print(f"form {window.form.width()} px, sideways scroll maximum {scroll.maximum()}")
        save(window, "small-review.png")
        QTimer.singleShot(100, help_shot)

    def help_shot() -> None:
        window.open_guide()
        QTimer.singleShot(800, lambda: (save(window.help_window, "small-help.png"),
                                        window.help_window.close(),
                                        QTimer.singleShot(100, merge_shot)))

    def merge_shot() -> None:
        from dla_drafter.model.draftio import load_draft
        from dla_drafter.ui.merge.dialog import MergeDialog

        letter = load_draft(sorted((ROOT / "examples").glob("*.dladraft.json"))[0])
        letter.addressee = "ผู้ว่าราชการจังหวัด«จังหวัด»"
        letter.body[0] += " จังหวัด«จังหวัด»ได้รับงบประมาณ «งบประมาณ» บาท"
        dialog = MergeDialog(letter, window.render_settings, window,
                             folder=Path(tempfile.gettempdir()) / "merge-shot")
        dialog.move(0, 0)
        dialog.show()
        dialog.load_table(merge_table(Path(tempfile.mkdtemp())))
        dialog.row_spin.setValue(2)

        def grab() -> None:
            if not (dialog.preview.pages is not None and dialog.preview.is_current()):
                QTimer.singleShot(200, grab)
                return
            save(dialog, "small-merge.png")
            dialog.preview.shutdown()
            dialog.close()
            window.doc.undo_stack.setClean()
            window.close()
            app.quit()

        QTimer.singleShot(600, grab)

    QTimer.singleShot(1200, form_shot)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "screens"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
