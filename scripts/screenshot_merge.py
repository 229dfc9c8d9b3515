"""Take docs/merge-dialog.png: the merge dialog with a 76-province table and a row's letter.

    uv run python scripts/screenshot_merge.py [-o docs/merge-dialog.png]

Like ``screenshot.py``: runs itself again inside ``xvfb-run`` with private settings folders,
builds the EEF circular with ``«จังหวัด»`` and ``«งบประมาณ»`` fields, a CSV of the 76
provinces (``tests/data/provinces.txt``, the third without an amount, so its row is marked),
opens the dialog on it, previews the fifth row and grabs the dialog.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 860)


def outside(args: argparse.Namespace) -> int:
    return rerun_under_xvfb(__file__, (SIZE[0] + 40, SIZE[1] + 40), ["-o", str(args.output)],
                            pass_tmp=True)


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.model.draftio import letter_from_dict
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.merge.dialog import MergeDialog

    app = make_app()
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text("utf-8"))
    data["recipients"] = {}
    data["addressee"] = "ผู้ว่าราชการจังหวัด«จังหวัด»"
    data["body"][1] += " จังหวัด«จังหวัด»ได้รับการจัดสรรงบประมาณ «งบประมาณ» บาท"
    provinces = (ROOT / "tests" / "data" / "provinces.txt").read_text("utf-8").split()
    table = Path(args.tmp) / "จังหวัด.csv"
    with table.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ลำดับ", "จังหวัด", "งบประมาณ"])
        # the third row has no amount: the dialog marks it red before anything is made
        writer.writerows([i + 1, name, "" if i == 2 else f"{(i + 1) * 12_500:,}"]
                         for i, name in enumerate(provinces))
    settings = AppConfig.load().profile().render_settings()
    dialog = MergeDialog(letter_from_dict(data), settings, folder=Path.home() / "หนังสือเวียน")
    dialog.resize(*SIZE)
    dialog.move(0, 0)
    dialog.show()
    dialog.load_table(table)
    dialog.name_edit.setText("หนังสือ-«จังหวัด»")
    dialog.docx_check.setChecked(True)
    dialog.row_spin.setValue(5)
    clock = QElapsedTimer()
    clock.start()

    def shoot() -> None:
        ready = dialog.preview.pages is not None and dialog.preview.is_current()
        if not ready and clock.elapsed() < 30_000:
            QTimer.singleShot(100, shoot)
            return
        QApplication.processEvents()
        image = dialog.grab()
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        image.save(str(args.output))
        print(f"{args.output}: {image.width()}×{image.height()}")
        dialog.preview.shutdown()
        app.quit()

    QTimer.singleShot(300, shoot)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "merge-dialog.png"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tmp", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
