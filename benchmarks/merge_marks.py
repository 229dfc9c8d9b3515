"""Cost of the «…» marks per keystroke, and of the preview's field boxes per typesetting.

    uv run python benchmarks/merge_marks.py [--rounds 200]

The form re-marks every text box after each change of the draft (``FieldMarker.refresh``)
and the preview overlay finds the field boxes of every page when new pages arrive; both run
in the GUI thread, so both must stay far below a frame (16 ms). Uses the three-page EEF
circular with fields in the addressee, the subject and every body paragraph, the offscreen
platform and temporary settings folders.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DLA_DRAFTER_CONFIG_DIR"] = f"{tmp}/config"
    os.environ["DLA_DRAFTER_DATA_DIR"] = f"{tmp}/data"
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.model.draftio import letter_from_dict
    from dla_drafter.pipeline import typeset_letter
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    make_app()
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text("utf-8"))
    data["addressee"] = "ผู้ว่าราชการจังหวัด«จังหวัด»"
    data["subject"] += " «จังหวัด»"
    data["body"] = [f"«จังหวัด» ได้รับ «งบประมาณ» บาท {p}" for p in data["body"]] * 2
    letter = letter_from_dict(data)
    window = MainWindow(AppConfig.load(), letter=letter)
    window.show()
    marker, overlay = window.fields.marker, window.fields.overlay
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        count = marker.refresh()
        times.append((time.perf_counter() - started) * 1000)
    pages = typeset_letter(letter, window.render_settings)
    boxes = []
    for _ in range(20):
        started = time.perf_counter()
        overlay._on_pages(pages)
        boxes.append((time.perf_counter() - started) * 1000)
    print(f"form marks: {count} fields in {len(window.form.findChildren(object))} widgets, "
          f"median {statistics.median(times):.2f} ms, max {max(times):.2f} ms per refresh")
    print(f"preview boxes: {len(overlay._boxes)} on {len(pages)} pages, "
          f"median {statistics.median(boxes):.2f} ms, max {max(boxes):.2f} ms per new pages")
    window.doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
