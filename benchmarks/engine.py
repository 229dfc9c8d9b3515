"""Letter engine timings against issue 15's targets: prints medians, asserts nothing.

    uv run python benchmarks/engine.py [--runs N]

* cold CLI: ``dla-drafter render`` of a one-page letter to PDF, whole process;
* LibreOffice converting the same letter's DOCX to PDF (when ``soffice`` is installed);
* whether that cold ``render`` to PDF and DOCX imported any PySide6 module (it should not);
* in-process typeset + PDF (PDF/A-3b and PDF/UA-1, the default) of a one-page and a
  three-page letter, the same as a plain PDF, and DOCX of each;
* the size of each PDF, archival and plain (target: one-page ≤ 60 KB).

Every time is printed as wall and CPU; each target line ends in ok or OVER
(``benchmarks/targets.py`` holds the numbers).

Before/after: ``DLA_BENCH_CODE=/tmp/base uv run python benchmarks/engine.py`` measures
the code of another checkout (``git worktree add /tmp/base COMMIT``) with this file.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# DLA_BENCH_CODE=PATH measures the code of another checkout (before/after: `git worktree add
# /tmp/base COMMIT`), with these benchmark files and this environment's packages
ROOT = Path(os.environ.get("DLA_BENCH_CODE") or HERE.parent).resolve()
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from targets import (  # noqa: E402 - after the path above
    COLD_RENDER_VS_LIBREOFFICE,
    ONE_PAGE_DOCX_MS,
    ONE_PAGE_PDF_KB,
    ONE_PAGE_PDF_MS,
    line,
    timed_call,
    timed_process,
)


def one_page(base: dict) -> dict:
    data = copy.deepcopy(base)
    data["body"] = [data["body"][0]]
    data["references"] = []
    data["recipients"] = {}
    return data


def three_pages(base: dict) -> dict:
    data = copy.deepcopy(base)
    data["body"] = data["body"] * 2
    data["recipients"] = {}
    return data


def clear_caches() -> None:
    """Forget every per-text cache (shaping, measuring, word breaks, broken lines, PDF line
    operators, composed texts), so a run measures a letter the process has never seen;
    fonts, templates and dictionaries stay loaded, as in a running program. Caches a version
    of the code does not have are skipped, so the same file measures before and after."""
    from dla_drafter.render import pdf
    from dla_drafter.text.wordbreak import default_breaker
    from dla_drafter.typeset.fonts import load_font_set

    fonts = load_font_set(use_system=False)
    for face in (fonts.regular, fonts.bold):
        for cache in vars(face).values():
            if hasattr(cache, "cache_clear"):
                cache.cache_clear()
    breaker = default_breaker()
    breaker._analyse.cache_clear()
    breaker._tokenize_run.cache_clear()
    pdf._line_cache.clear()
    import importlib

    for module, names in (("dla_drafter.typeset.lines", ("_break_cached",)),
                          ("dla_drafter.text.graphemes", ("_cluster_tuple",)),
                          ("dla_drafter.text.digits", ("_digits_cached", "_links_cached"))):
        found = importlib.import_module(module)
        for name in names:
            if hasattr(getattr(found, name, None), "cache_clear"):
                getattr(found, name).cache_clear()


def median_ms(fn, runs: int, fresh: bool = False) -> tuple[float, float]:
    """Median (wall ms, CPU ms) of ``runs`` calls of ``fn`` (``fresh``: caches cleared
    before each, so every call sees a letter this process has never set)."""
    walls, cpus = [], []
    for _ in range(runs):
        if fresh:
            clear_caches()
        wall, cpu = timed_call(fn)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def median_process(cmd: list[str], runs: int, **kwargs) -> tuple[float, float]:
    """Median (wall s, CPU s) of ``runs`` fresh processes of ``cmd``."""
    samples = [timed_process(cmd, **kwargs) for _ in range(runs)]
    return (statistics.median(s[0] for s in samples),
            statistics.median(s[1] for s in samples))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from dla_drafter.model.draftio import letter_from_dict
    from dla_drafter.pipeline import make_outputs, typeset_letter
    from dla_drafter.settings import RenderSettings

    base = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json")
                      .read_text(encoding="utf-8"))
    settings = RenderSettings(use_system_th_sarabun=False)
    letters = {"one-page": letter_from_dict(one_page(base)),
               "three-page": letter_from_dict(three_pages(base))}
    tmp = Path(tempfile.mkdtemp(prefix="dla-bench-"))
    print(f"code measured: {ROOT}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} (wall times under load are noise: read the CPU times)")

    draft = tmp / "one.dladraft.json"
    draft.write_text(json.dumps(one_page(base), ensure_ascii=False), encoding="utf-8")
    cli = [sys.executable, "-m", "dla_drafter", "render", str(draft), "-o",
           str(tmp / "cli.pdf"), "--bundled-font"]
    # An installed program has its bytecode; the first run writes it when the environment
    # (like this CI machine's) says not to, so that is allowed here.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)  # the code measured, also in the child processes
    # and run from there: `python -m` puts the working folder before PYTHONPATH
    env_cwd = {"env": env, "cwd": ROOT}
    subprocess.run(cli, check=True, capture_output=True, **env_cwd)  # bytecode, file cache
    probe = ("import sys\nfrom dla_drafter.cli import main\n"
             f"main(['render', {str(draft)!r}, '-o', {str(tmp / 'q.pdf')!r}, '-o', "
             f"{str(tmp / 'q.docx')!r}, '--bundled-font'])\n"
             "print(len([m for m in sys.modules if m.startswith('PySide6')]))")
    qt = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                        text=True, **env_cwd).stdout.split()[-1]
    print(f"PySide6 modules imported by render → PDF + DOCX: {qt} (target 0)")
    (tmp / "one.docx").write_bytes(
        make_outputs(letters["one-page"], ["one.docx"], settings).first("docx"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    runs = max(5, args.runs // 3)
    if soffice:
        lo_cmd = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo"),
                  str(tmp / "one.docx")]
        subprocess.run(lo_cmd, check=True, capture_output=True)  # its profile, file cache
        # the two alternate, so that a change in the machine's load falls on both
        cold_s, lo_s = [], []
        for _ in range(runs):
            cold_s.append(timed_process(cli, **env_cwd))
            lo_s.append(timed_process(lo_cmd))
        cold = statistics.median(w for w, _ in cold_s), statistics.median(c for _, c in cold_s)
        lo = statistics.median(w for w, _ in lo_s), statistics.median(c for _, c in lo_s)
        print(f"cold CLI render one-page → PDF: wall {cold[0] * 1000:7.1f} ms, CPU "
              f"{cold[1] * 1000:7.1f} ms (median of {runs})")
        print(f"LibreOffice DOCX → PDF, same letter: wall {lo[0] * 1000:7.1f} ms, CPU "
              f"{lo[1] * 1000:7.1f} ms")
        print(line("cold render / LibreOffice, wall", cold[0] / lo[0],
                   COLD_RENDER_VS_LIBREOFFICE, "×"))
        print(line("cold render / LibreOffice, CPU", cold[1] / lo[1],
                   COLD_RENDER_VS_LIBREOFFICE, "×"))
    else:
        cold = median_process(cli, runs, **env_cwd)
        print(f"cold CLI render one-page → PDF: wall {cold[0] * 1000:7.1f} ms, CPU "
              f"{cold[1] * 1000:7.1f} ms (median of {runs})")
        print("LibreOffice not installed: comparison skipped "
              "(apt-get install libreoffice-writer-nogui)")

    plain = RenderSettings(use_system_th_sarabun=False, pdf_a=False)
    for name, letter in letters.items():
        pages = typeset_letter(letter, settings)
        # fonts, emblem and dictionary loaded once, as in a running program
        pdf = make_outputs(letter, ["x.pdf"], settings).first("pdf")
        plain_pdf = make_outputs(letter, ["x.pdf"], plain).first("pdf")
        make_outputs(letter, ["x.docx"], settings)
        for label, fresh in (("new letter", True), ("re-export", False)):
            typeset_ms = median_ms(lambda letter=letter: typeset_letter(letter, settings),
                                   args.runs, fresh)
            pdf_ms = median_ms(lambda letter=letter: make_outputs(
                letter, ["x.pdf"], settings), args.runs, fresh)
            plain_ms = median_ms(lambda letter=letter: make_outputs(
                letter, ["x.pdf"], plain), args.runs, fresh)
            docx_ms = median_ms(lambda letter=letter: make_outputs(
                letter, ["x.docx"], settings), args.runs, fresh)
            print(f"in-process {name:10} ({len(pages)} pages, {label:10}) wall/CPU ms: "
                  f"typeset {typeset_ms[0]:5.1f}/{typeset_ms[1]:5.1f}, typeset+PDF/A "
                  f"{pdf_ms[0]:5.1f}/{pdf_ms[1]:5.1f} (plain PDF {plain_ms[0]:5.1f}/"
                  f"{plain_ms[1]:5.1f}), DOCX {docx_ms[0]:5.1f}/{docx_ms[1]:5.1f}")
            if name == "one-page" and fresh:
                for what, (wall, cpu), target in (
                        ("typeset+PDF/A", pdf_ms, ONE_PAGE_PDF_MS),
                        ("typeset+DOCX", docx_ms, ONE_PAGE_DOCX_MS)):
                    print(line(f"one-page {what}, new letter, wall", wall, target, "ms"))
                    print(line(f"one-page {what}, new letter, CPU", cpu, target, "ms"))
        print(f"PDF size   {name:10} ({len(pages)} pages): PDF/A-3b + PDF/UA-1 "
              f"{len(pdf) / 1000:6.1f} KB, plain {len(plain_pdf) / 1000:6.1f} KB")
        if name == "one-page":
            print(line("one-page PDF/A size", len(pdf) / 1000, ONE_PAGE_PDF_KB, "KB"))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
