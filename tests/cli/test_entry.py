"""How the program ends: a command ends at once after its work (``cli.entry``), skipping the
interpreter's teardown — ~70 ms of a cold ``render`` — but never what a reader sees: its
output is flushed, ``atexit`` handlers run, the exit code is the command's, and a reader that
leaves early (``| head``) gets no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "memo-2569.dladraft.json"

PROBE = """
import atexit, sys
from dla_drafter.cli import entry

class Teardown:
    def __del__(self):  # runs only when the interpreter takes its objects apart
        sys.stderr.write("TEARDOWN\\n")

keep = Teardown()
atexit.register(lambda: sys.stderr.write("ATEXIT\\n"))
import gc
atexit.register(lambda: sys.stderr.write(f"GC {gc.get_threshold()[0]}\\n"))
sys.argv = ["dla-drafter", *sys.argv[1:]]
entry()
"""


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, timeout=180, cwd=ROOT, **kwargs)


def test_a_command_ends_at_once_with_its_output_and_atexit(tmp_path: Path) -> None:
    out = tmp_path / "memo.pdf"
    done = run("render", str(EXAMPLE), "-o", str(out), "--bundled-font")
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout  # printed, and flushed before the end
    assert "ATEXIT" in done.stderr
    assert "TEARDOWN" not in done.stderr  # the teardown was skipped
    # the collector does not walk the engine's long-lived objects every 700 new ones
    assert "GC 20000" in done.stderr
    reader = PdfReader(out)  # the file is whole
    assert len(reader.pages) == 1
    assert "บันทึกข้อความ" in reader.pages[0].extract_text()


def test_the_exit_code_is_the_commands(tmp_path: Path) -> None:
    missing = run("render", str(tmp_path / "none.dladraft.json"), "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1
    assert "ไม่พบไฟล์" in missing.stderr and "Traceback" not in missing.stderr
    assert run("render", "--help").returncode == 0
    usage = run("render")  # -o missing: argparse's usage error
    assert usage.returncode == 2 and "usage" in usage.stderr
    assert run("extrct").returncode == 2


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
    draft = tmp_path / "memo.dladraft.json"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", PROBE, "render", str(draft), "-o",
                             str(tmp_path / "m.pdf"), "--bundled-font"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()  # `| head -0`
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=180) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err
