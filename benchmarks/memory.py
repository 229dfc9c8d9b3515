"""Resident memory while one process renders many different letters (every cache bounded).

A clerk's program stays open all day and a batch merge renders thousands of letters in one
worker; every cache (shaped words, line operators, font subsets, QR codes, word breaks) must
stop growing. This renders N letters, each with different words (so no cache is hit by
repetition alone), to PDF and DOCX in memory through ``pipeline.make_outputs``, and prints the
resident set size after 1,000 and after N against the target.

    uv run python benchmarks/memory.py            # 10,000 letters
    uv run python benchmarks/memory.py --count 2000
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 400.0


def rss_mb() -> float:
    """This process's resident set size now (Linux: /proc; else the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def words() -> list[str]:
    """Thai words of the project's own word list (resources/words), for letters that differ."""
    found: list[str] = []
    for path in sorted((ROOT / "resources" / "words").glob("*.txt")):
        found += [w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                  if w.strip() and not w.startswith("#")]
    return found or ["โครงการ", "งบประมาณ", "การศึกษา", "ท้องถิ่น", "จังหวัด"]


def letter_data(base: dict, rng: random.Random, vocabulary: list[str], n: int) -> dict:
    data = copy.deepcopy(base)
    data["subject"] = "ขอเชิญประชุม" + "".join(rng.choices(vocabulary, k=6)) + f" ครั้งที่ {n}"
    data["body"] = ["".join(rng.choices(vocabulary, k=rng.randint(30, 80))) + f" {n}"
                    for _ in range(rng.randint(1, 4))]
    data["addressee"] = "ผู้ว่าราชการจังหวัด" + rng.choice(vocabulary)
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--docx-every", type=int, default=10,
                        help="also make a DOCX every N letters (DOCX is the slower exporter)")
    args = parser.parse_args()

    from dla_drafter import pipeline
    from dla_drafter.model.draftio import letter_from_dict
    from dla_drafter.settings import RenderSettings

    base = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json")
                      .read_text(encoding="utf-8"))
    settings = RenderSettings(use_system_th_sarabun=False)
    rng = random.Random(15)
    vocabulary = words()
    start = time.perf_counter()
    print(f"python {sys.version.split()[0]}; RSS at start {rss_mb():.0f} MB")
    marks = sorted({min(1000, args.count), args.count})
    for n in range(1, args.count + 1):
        letter = letter_from_dict(letter_data(base, rng, vocabulary, n))
        targets = ["x.pdf", "x.docx"] if n % args.docx_every == 0 else ["x.pdf"]
        pipeline.make_outputs(letter, targets, settings)
        if n in marks:
            rss = rss_mb()
            verdict = "ok" if rss < TARGET_MB else "OVER"
            print(f"after {n:6,} letters: RSS {rss:6.0f} MB (target < {TARGET_MB:.0f} MB: "
                  f"{verdict}); {time.perf_counter() - start:6.0f} s")


if __name__ == "__main__":
    main()
