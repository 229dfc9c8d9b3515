"""Keystroke-to-preview latency on a three-page letter, and launch-to-usable-window time.

    uv run python benchmarks/gui_latency.py [--keys 60]

Latency: a key is typed into a body paragraph; the clock stops when the preview shows pages
typeset from that keystroke and has repainted (the path a clerk waits on: model update,
debounce, typesetting in the worker thread, painting). Launch: a fresh Python process
starts the program; the clock stops when the window is shown and its event loop is idle.
Targets (issue 15 item 6): p95 ≤ 16 ms (one frame at 60 Hz), also with the letter under
review, and launch ≤ 0.4 s; each is printed with its CPU time beside the wall time (CPU of
the whole process, the typesetting thread included). Uses the offscreen platform unless a
display is set, and temporary settings folders. Opening a draft until its first preview
is painted (issue 13, target ≤ 1 s) is measured by ``benchmarks/first_preview.py``.

    uv run python benchmarks/gui_latency.py [--keys 60] [--launches 5] [--review]

Before/after: ``DLA_BENCH_CODE=/tmp/base uv run python benchmarks/gui_latency.py`` measures
the code of another checkout (``git worktree add /tmp/base COMMIT``) with this file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# DLA_BENCH_CODE=PATH measures the code of another checkout (before/after: `git worktree add
# /tmp/base COMMIT`), with these benchmark files and this environment's packages
ROOT = Path(os.environ.get("DLA_BENCH_CODE") or HERE.parent).resolve()
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from targets import KEYSTROKE_P95_MS, LAUNCH_S, line  # noqa: E402

LAUNCH_CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from dla_drafter.ui.app import main
    from dla_drafter.ui import main_window

    def idle():
        usable = time.time()
        used = time.process_time()  # the whole process's CPU so far, every thread
        from PySide6.QtWidgets import QApplication
        for w in QApplication.topLevelWidgets():
            if isinstance(w, main_window.MainWindow):
                w.doc.undo_stack.setClean()
                w.close()
        print("USABLE", usable, used, flush=True)
        QApplication.quit()

    QTimer.singleShot(0, idle)
    sys.exit(main([]))
    """
)


REVIEW_REFRESH_NOTE = "an idle pause, never inside a keystroke"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def three_page_letter():  # noqa: ANN201 - a Letter
    from dla_drafter.model.letter import Agency, Enclosure, Letter, LetterDate, Number, Signer
    from dla_drafter.text.thaidate import today_be

    para = ("กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า การดำเนินโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับ"
            "คุณภาพการศึกษาอย่างต่อเนื่อง ในปีงบประมาณ พ.ศ. 2565 กองทุนเพื่อความเสมอภาคทางการศึกษา"
            "ได้สนับสนุนงบประมาณดำเนินโครงการต่อเนื่องเป็นปีที่ 3 โดยมีหลักการเพื่อพัฒนาโรงเรียน"
            "ทั้งระบบ ภายใต้การสนับสนุนของโค้ชหรือพี่เลี้ยง เพื่อพัฒนาผู้บริหารสถานศึกษาให้เป็น"
            "ผู้นำการเปลี่ยนแปลงขององค์กร")
    today = today_be()
    return Letter(
        number=Number(code="มท 0816.3", circular=True),
        agency=Agency(name="กรมส่งเสริมการปกครองท้องถิ่น", address=["ถนนนครราชสีมา เขตดุสิต",
                                                                  "กทม. 10300"]),
        date=LetterDate(day=None, month=today.month, year=today.year),
        subject="โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง",
        addressee="ผู้ว่าราชการจังหวัด ทุกจังหวัด",
        enclosures=[Enclosure("รายชื่อสถานศึกษา", "1 ชุด")],
        body=[para] * 10,
        closing="จึงเรียนมาเพื่อโปรดพิจารณา",
        signer=Signer(position=["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]),
        owner_unit=["กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"],
    )


def under_review(letter):  # noqa: ANN001, ANN201 - a Letter
    """The letter sent for review, a word changed by the reviewer, returned (``--review``):
    the window then shows the review panel with the word diff and its marks."""
    from dla_drafter.review import actions

    actions.send_for_review(letter, "ผู้ร่าง")
    actions.add_comment(letter, "body[2]", letter.body[2][:20], "ตรวจสอบถ้อยคำ", "ผู้ตรวจ")
    letter.body = list(letter.body)
    letter.body[3] = letter.body[3].replace("อย่างต่อเนื่อง", "อย่างยั่งยืน", 1)
    actions.return_for_changes(letter, "แก้ถ้อยคำ", "ผู้ตรวจ")
    return letter


def review_refresh_ms(window, runs: int = 20) -> float:  # noqa: ANN001
    """Median time of one review panel refresh (diff, lists, marks) in the GUI thread."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        window.review.refresh()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def keystroke_latency(keys: int, review: bool = False
                      ) -> tuple[list[float], list[float], int, float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(AppConfig.load())
    window.resize(1400, 900)
    window.show()
    letter = three_page_letter()
    window.doc.replace(under_review(letter) if review else letter, None)
    window.spell.load_now()

    def settle(timeout: float = 30.0) -> None:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            app.processEvents()
            if window.preview.pages is not None and window.preview.shown_revision == \
                    window.doc.revision and not window.preview.typesetter.busy:
                return
            time.sleep(0.0005)
        raise TimeoutError("preview did not catch up")

    window.preview.refresh_now()
    settle()
    pages = len(window.preview.pages)
    editor = window.form.lists["body"].editors[4]
    editor.setFocus()
    editor.set_cursor(40)
    samples, cpu = [], []
    for i in range(keys):
        ch = "กขคง"[i % 4]
        start = time.perf_counter()
        start_cpu = time.process_time()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))
        settle()
        window.preview.canvas.repaint()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        # a clerk types ~5 keys a second; let the previous one finish like real typing would
        pause = time.perf_counter() + 0.05
        while time.perf_counter() < pause:
            app.processEvents()
    typeset_ms = window.preview.last_seconds * 1000
    if review:
        print(f"review panel refresh (word diff since sent, marks): median "
              f"{review_refresh_ms(window):.1f} ms, after {REVIEW_REFRESH_NOTE}")
    window.doc.undo_stack.setClean()
    window.close()
    return samples, cpu, pages, typeset_ms


def launch_time(runs: int) -> list[tuple[float, float]]:
    """(wall s, CPU s) from starting a fresh process to its usable window, per run; the
    first run (bytecode, font cache) is not counted."""
    times = []
    for n in range(runs + 1):
        start = time.time()
        out = subprocess.run([sys.executable, "-c", LAUNCH_CHILD], capture_output=True,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                             timeout=60)
        line_ = next((li for li in out.stdout.splitlines() if li.startswith("USABLE")), None)
        if line_ is None:
            raise RuntimeError(out.stderr[-2000:])
        usable = float(line_.split()[1]) - start
        # the child's CPU until usable, as the child counted it then: what runs after
        # (the first preview's typesetting in its thread, closing) is not the launch's
        if n:
            times.append((usable, float(line_.split()[2])))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--review", action="store_true",
                        help="only the letter under review (default: both letters)")
    args = parser.parse_args()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"code measured: {ROOT}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} (wall times under load are noise: read the CPU times); "
          f"platform: {os.environ.get('QT_QPA_PLATFORM', 'default')}")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DLA_DRAFTER_CONFIG_DIR"] = f"{tmp}/config"
        os.environ["DLA_DRAFTER_DATA_DIR"] = f"{tmp}/data"
        launches = launch_time(args.launches)
        for review in ([True] if args.review else [False, True]):
            samples, cpu, pages, typeset_ms = keystroke_latency(args.keys, review)
            what = f"{pages}-page letter{' under review' if review else ''}"
            print(f"{what}: keystroke → preview median {statistics.median(samples):.1f} ms, "
                  f"max {max(samples):.1f} ms over {len(samples)} keys; last typesetting "
                  f"{typeset_ms:.1f} ms")
            print(line(f"keystroke → preview p95, wall ({what})", percentile(samples, 95),
                       KEYSTROKE_P95_MS, "ms"))
            print(line(f"keystroke → preview p95, CPU ({what})", percentile(cpu, 95),
                       KEYSTROKE_P95_MS, "ms"))
    wall = statistics.median(w for w, _ in launches)
    cpu_s = statistics.median(c for _, c in launches)
    slowest = max(w for w, _ in launches)
    print(f"launch → usable window over {len(launches)} runs: max {slowest:.2f} s")
    print(line("launch → usable window, wall (median)", wall, LAUNCH_S, "s"))
    print(line("launch → usable window, CPU (median)", cpu_s, LAUNCH_S, "s"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
