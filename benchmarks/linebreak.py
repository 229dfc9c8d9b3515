"""Line-breaking quality and speed: greedy first-fit against total fit, over the same break
points, on the body paragraphs of the two sample circulars (``tests/data/samples``) and of
the examples. Prints numbers, asserts nothing.

    uv run python benchmarks/linebreak.py [--runs N]

Per algorithm: lines; lines the 1 pt-per-gap limit leaves short (not justified); the sum of
squared slack of the non-last lines (cm², what justification has to spread or leave); the
widest spacing per gap left on a justified line; lines ending on a standalone การ / ความ; and
the median time to break every paragraph once (word breaks cached, as while typing).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PT_PER_CM = 72 / 2.54


def sample_paragraphs(path: Path) -> list[str]:
    """Paragraphs of a sample's text: a line opening with one TAB and the lines after it."""
    paragraphs: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and not line.startswith("\t\t"):
            paragraphs.append([line.strip()])
        elif paragraphs and line.strip() and not line.startswith("\t"):
            paragraphs[-1].append(line.strip())
        else:
            paragraphs.append([]) if paragraphs and paragraphs[-1] else None
    texts = [" ".join(p) for p in paragraphs if p]
    return [t for t in texts if len(t) > 120]


def example_paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.dladraft.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out += [t for t in data.get("body", []) if t.strip()]
    return out


def measure(name, fn, paragraphs, face, profile, runs, width) -> None:
    from dla_drafter.text.graphemes import clusters
    from dla_drafter.text.wordbreak import PREFIX_WORDS, default_breaker

    breaker = default_breaker()

    first = width - profile.first_line_indent
    limit = profile.max_justify_gap
    lines = short = prefix = 0
    squared = 0.0
    widest = 0.0
    for text in paragraphs:
        broken = fn(text, face, profile.font_size_pt, first, width)
        lines += len(broken)
        for n, line in enumerate(broken):
            if line.last:
                continue
            measure_cm = first if n == 0 else width
            slack = measure_cm - line.width
            gaps = len(clusters(line.text)) - 1
            per_gap = slack / gaps if gaps else 0.0
            squared += slack * slack
            if per_gap > limit + 1e-9:
                short += 1
            else:
                widest = max(widest, per_gap)
            if breaker.segments(line.text)[-1] in PREFIX_WORDS:
                prefix += 1
    from dla_drafter.typeset.lines import _break_cached

    times = []
    for _ in range(runs):
        _break_cached.cache_clear()  # measure the breaking itself, not the cache
        start = time.perf_counter()
        for text in paragraphs:
            fn(text, face, profile.font_size_pt, first, width)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{width:4.1f} cm {name:10} lines {lines:4d}  left short {short:3d}  "
          f"Σ slack² {squared:8.2f} cm²  widest justified gap {widest * PT_PER_CM:4.2f} pt  "
          f"ending on การ/ความ {prefix:2d}  "
          f"time {statistics.median(times):6.1f} ms ({len(paragraphs)} paragraphs)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from dla_drafter.typeset.fonts import load_font_set
    from dla_drafter.typeset.lines import break_lines, break_lines_greedy
    from dla_drafter.typeset.profile import DEFAULT_PROFILE

    paragraphs = [p for path in sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))
                  for p in sample_paragraphs(path)] + example_paragraphs()
    face = load_font_set(use_system=False).regular
    for text in paragraphs:  # word breaks and shaping cached, as in the running program
        break_lines(text, face, 16, 13.5, 16.0)
    # the letter's measure, and a narrower one (a labelled value, a memo's column)
    for width in (DEFAULT_PROFILE.text_width, 12.0):
        for name, fn in (("greedy", break_lines_greedy), ("total-fit", break_lines)):
            measure(name, fn, paragraphs, face, DEFAULT_PROFILE, args.runs, width)


if __name__ == "__main__":
    main()
