"""Take docs/review-panel.png and docs/review-diff.png: the review dock under Xvfb.

    uv run python scripts/screenshot_review.py [-o docs]

Like ``scripts/screenshot.py`` (runs itself again inside ``xvfb-run`` with temporary
settings folders), on the first example letter given a review record by the same verbs the
panel's buttons call: *panel* — sent, two comments (one answered and resolved) and a valid
approval; *diff* — returned by the reviewer after changing words, with the clerk stepped to
the first change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1600, 960)


def outside(args: argparse.Namespace) -> int:
    return rerun_under_xvfb(__file__, SIZE, ["-o", str(args.output)])


def letters() -> dict[str, object]:
    """The two letters to show, with their review records."""
    import copy

    from dla_drafter.model.draftio import load_draft
    from dla_drafter.review import actions
    from dla_drafter.review.identity import Identity, save_identity, signing_key

    save_identity(Identity("นางสมศรี ตรวจละเอียด", "ผู้อำนวยการกอง", "ผอ.กศ."))
    base = load_draft(sorted((ROOT / "examples").glob("*.dladraft.json"))[0])
    body = base.body[0]
    words = [w for w in body.split() if len(w) > 6]

    panel = copy.deepcopy(base)
    actions.send_for_review(panel, "นายสมชาย ร่างดี")
    first = actions.add_comment(panel, "body[0]", words[0][:12], "ควรระบุเลขที่หนังสือที่อ้างถึง",
                                "นางสมศรี ตรวจละเอียด")
    actions.add_comment(panel, "subject", panel.subject[:10], "เรื่องยาวเกินไป ขอให้กระชับ",
                        "นางสมศรี ตรวจละเอียด")
    actions.reply_to_comment(panel, first, "เพิ่มเลขที่แล้ว", "นายสมชาย ร่างดี")
    actions.set_resolved(panel, first)
    actions.approve(panel, "ผอ.กศ.", "นางสมศรี ตรวจละเอียด", signing_key())

    diff = copy.deepcopy(base)
    actions.send_for_review(diff, "นายสมชาย ร่างดี")
    diff.body[0] = body.replace(words[0][:12], words[0][:6] + "ทั้งหมด", 1)
    if len(diff.body) > 1:
        diff.body[1] = diff.body[1].replace(" ", " โดยเร่งด่วน ", 1)
    diff.subject = diff.subject + " (ฉบับแก้ไข)"
    actions.return_for_changes(diff, "แก้ถ้อยคำตามที่ขีดไว้", "นางสมศรี ตรวจละเอียด")
    return {"review-panel.png": panel, "review-diff.png": diff}


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    app = make_app()
    app.setQuitOnLastWindowClosed(False)  # one window after the other
    todo = list(letters().items())
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)

    def next_shot() -> None:
        if not todo:
            app.quit()
            return
        name, letter = todo.pop(0)
        window = MainWindow(AppConfig.load(), letter=letter)
        window.resize(*SIZE)
        window.move(0, 0)
        window.show()
        window.splitter.setSizes([560, 640])
        window.review.refresh()
        if name == "review-diff.png":
            window.review.show_changes(True)
            window.review.step(1)
        else:
            window.review.comment_list.setCurrentRow(1)
            window.review.jump_to_comment()

        def grab() -> None:
            if not (window.preview.pages is not None and window.preview.is_current()):
                QTimer.singleShot(200, grab)
                return
            QApplication.processEvents()
            window.form.horizontalScrollBar().setValue(0)
            QApplication.processEvents()
            image = window.grab()
            image.save(str(out / name))
            print(f"{out / name}: {image.width()}×{image.height()}")
            window.doc.undo_stack.setClean()
            window.close()
            QTimer.singleShot(100, next_shot)

        QTimer.singleShot(1200, grab)

    QTimer.singleShot(100, next_shot)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default=str(ROOT / "docs"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
