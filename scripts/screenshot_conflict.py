"""Take docs/conflict-dialog.png: what a clerk sees when saving over a draft another PC saved
since it was opened, and both changed the same two fields.

    uv run python scripts/screenshot_conflict.py [-o docs/conflict-dialog.png]

Like the other screenshot scripts: runs itself again inside ``xvfb-run`` with private settings
folders, builds the dialog on two conflicts (the subject and a paragraph) and grabs it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (780, 640)


def outside(args: argparse.Namespace) -> int:
    return rerun_under_xvfb(__file__, (SIZE[0] + 40, SIZE[1] + 40), ["-o", str(args.output)])


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.model.concurrent import Conflict
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.letter.conflicts import ConflictDialog

    app = make_app()
    subject = "โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง"
    body = "กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า การดำเนินโครงการพัฒนาครูและโรงเรียน"
    dialog = ConflictDialog([
        Conflict(("subject",), subject, subject + " รุ่นที่ ๒", subject + " ปี ๒๕๖๙"),
        Conflict(("body", 1), body, body + " ตามที่ได้รับอนุมัติ", body + " ในปีงบประมาณ ๒๕๖๙"),
    ])
    dialog.resize(*SIZE)
    dialog.move(0, 0)
    dialog.show()

    def shoot() -> None:
        QApplication.processEvents()
        image = dialog.grab()
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        image.save(str(args.output))
        print(f"{args.output}: {image.width()}×{image.height()}")
        app.quit()

    QTimer.singleShot(500, shoot)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "conflict-dialog.png"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
