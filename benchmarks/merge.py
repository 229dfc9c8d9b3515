"""Batch letters timing: prints numbers, asserts nothing (the target lives in issue 9).

    uv run python benchmarks/merge.py [--runs N] [--rows 76]

* ``dla-drafter merge`` of 76 two-page letters (the EEF circular to every province's
  governor, each with its own amount) to PDF and DOCX, whole process as a clerk runs it,
  with 1 and with 2 worker processes; the in-process time the engine reports is shown too;
* LibreOffice converting 5 of those DOCX files to PDF, when ``soffice`` is installed, so the
  ratio can be read in one run (target: 76 letters PDF+DOCX ≤ 5 s on a 2-core machine).

The load average is printed because on a shared machine it changes the numbers more than
any code does; the CPU seconds (all processes of the run) are the number that load does not
change much.
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = (ROOT / "tests" / "data" / "provinces.txt").read_text(encoding="utf-8").split()


def make_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    base = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json")
                      .read_text(encoding="utf-8"))
    data = copy.deepcopy(base)
    data["recipients"] = {}
    data["addressee"] = "ผู้ว่าราชการจังหวัด«จังหวัด»"
    data["body"][1] += " จังหวัด«จังหวัด»ได้รับการจัดสรรงบประมาณ «งบประมาณ» บาท"
    draft = folder / "circular.dladraft.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    table = folder / "governors.csv"
    with table.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["จังหวัด", "งบประมาณ"])
        for i in range(rows):
            writer.writerow([PROVINCES[i % len(PROVINCES)], f"{(i + 1) * 12_500:,}"])
    return draft, table


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=76)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dla-merge-bench-"))
    draft, table = make_inputs(tmp, args.rows)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load()}")

    cpu: dict[int, list[float]] = {1: [], 2: []}

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers included once joined
        return usage.ru_utime + usage.ru_stime

    def cli(workers: int, out: Path) -> float:
        command = [sys.executable, "-m", "dla_drafter", "merge", str(draft), "--data",
                   str(table), "-o", str(out), "--format", "pdf,docx", "--name",
                   "«จังหวัด»", "--workers", str(workers), "--bundled-font"]
        start, used = time.perf_counter(), children_cpu()
        done = subprocess.run(command, capture_output=True, text=True, env=env,
                              encoding="utf-8")
        elapsed = time.perf_counter() - start
        cpu.setdefault(workers, []).append(children_cpu() - used)
        if done.returncode != 0:
            sys.exit(f"merge failed:\n{done.stderr}")
        return elapsed

    cli(2, tmp / "warm")  # bytecode, word list and font caches, as on an installed machine
    results = {}
    for workers in (1, 2):
        samples = [cli(workers, tmp / f"out-{workers}-{run}") for run in range(args.runs)]
        results[workers] = samples
        print(f"dla-drafter merge, {args.rows} two-page letters → PDF + DOCX, "
              f"{workers} worker{'s' if workers > 1 else ' '}: median "
              f"{statistics.median(samples):6.2f} s  (min {min(samples):.2f} s, "
              f"runs {len(samples)}, load {load()}); CPU "
              f"{statistics.median(cpu[workers][-len(samples):]):5.2f} s")
    speedup = statistics.median(results[1]) / statistics.median(results[2])
    print(f"speed-up with 2 workers: {speedup:.2f}×   target: ≤ 5 s for 76 letters")

    out = tmp / "out-2-0"
    docx = sorted(out.glob("*.docx"))[:5]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice and docx:
        start = time.perf_counter()
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                        str(tmp / "lo"), *map(str, docx)], check=True, capture_output=True)
        lo = time.perf_counter() - start
        ours = statistics.median(results[2])
        print(f"LibreOffice DOCX → PDF of 5 of those letters: {lo:6.2f} s "
              f"({lo / 5:.2f} s per letter; ours {ours / args.rows:.3f} s per letter "
              f"with PDF and DOCX, {lo / 5 / (ours / args.rows):.0f}× faster)")
    else:
        print("LibreOffice not installed: DOCX → PDF comparison SKIPPED "
              "(apt-get install libreoffice-writer-nogui to include it)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
