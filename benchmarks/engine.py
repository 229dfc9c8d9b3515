"""Letter engine timings: prints medians, asserts nothing (targets live in the issue/README).

    uv run python benchmarks/engine.py [--runs N]

* cold CLI: ``dla-drafter render`` of a one-page letter to PDF, whole process;
* LibreOffice converting the same letter's DOCX to PDF (when ``soffice`` is installed);
* whether that cold ``render`` to PDF and DOCX imported any PySide6 module (it should not);
* in-process typeset + PDF (PDF/A-3b and PDF/UA-1, the default) of a one-page and a
  three-page letter, the same as a plain PDF, and DOCX of each;
* the size of each PDF, archival and plain (target: one-page ≤ 60 KB).
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
    """Forget every per-text cache (shaping, word breaks, PDF line operators), so a run
    measures a letter the process has never seen; fonts and dictionaries stay loaded."""
    from dla_drafter.render import pdf
    from dla_drafter.text.wordbreak import default_breaker
    from dla_drafter.typeset.fonts import load_font_set

    fonts = load_font_set(use_system=False)
    for face in (fonts.regular, fonts.bold):
        face._shape_cached.cache_clear()
    breaker = default_breaker()
    breaker._analyse.cache_clear()
    breaker._tokenize_run.cache_clear()
    pdf._line_cache.clear()
    from dla_drafter.typeset import lines

    if hasattr(lines, "_break_cached"):
        lines._break_cached.cache_clear()


def median_ms(fn, runs: int, fresh: bool = False) -> float:
    samples = []
    for _ in range(runs):
        if fresh:
            clear_caches()
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


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
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")

    draft = tmp / "one.dladraft.json"
    draft.write_text(json.dumps(one_page(base), ensure_ascii=False), encoding="utf-8")
    cli = [sys.executable, "-m", "dla_drafter", "render", str(draft), "-o",
           str(tmp / "cli.pdf"), "--bundled-font"]
    # An installed program has its bytecode; the first run writes it when the environment
    # (like this CI machine's) says not to, so that is allowed here.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cli, check=True, capture_output=True, env=env)  # bytecode, file cache
    cold = median_ms(lambda: subprocess.run(cli, check=True, capture_output=True, env=env),
                     max(5, args.runs // 3))
    print(f"cold CLI render one-page → PDF      median {cold:8.1f} ms")
    probe = ("import sys\nfrom dla_drafter.cli import main\n"
             f"main(['render', {str(draft)!r}, '-o', {str(tmp / 'q.pdf')!r}, '-o', "
             f"{str(tmp / 'q.docx')!r}, '--bundled-font'])\n"
             "print(len([m for m in sys.modules if m.startswith('PySide6')]))")
    qt = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                        text=True, env=env).stdout.split()[-1]
    print(f"PySide6 modules imported by render → PDF + DOCX: {qt}")
    (tmp / "one.docx").write_bytes(
        make_outputs(letters["one-page"], ["one.docx"], settings).first("docx"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        lo = median_ms(lambda: subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo"),
             str(tmp / "one.docx")], check=True, capture_output=True), 3)
        print(f"LibreOffice DOCX → PDF (same letter) median {lo:8.1f} ms "
              f"(CLI/LibreOffice = {cold / lo:.2f}; target ≤ 0.25)")
    else:
        print("LibreOffice not installed: comparison skipped "
              "(apt-get install libreoffice-writer-nogui)")

    plain = RenderSettings(use_system_th_sarabun=False, pdf_a=False)
    for name, letter in letters.items():
        pages = typeset_letter(letter, settings)
        # fonts, emblem and dictionary loaded once, as in a running program
        pdf = make_outputs(letter, ["x.pdf"], settings).first("pdf")
        plain_pdf = make_outputs(letter, ["x.pdf"], plain).first("pdf")
        for label, fresh in (("new letter", True), ("re-export", False)):
            typeset_ms = median_ms(lambda letter=letter: typeset_letter(letter, settings),
                                   args.runs, fresh)
            pdf_ms = median_ms(lambda letter=letter: make_outputs(
                letter, ["x.pdf"], settings), args.runs, fresh)
            plain_ms = median_ms(lambda letter=letter: make_outputs(
                letter, ["x.pdf"], plain), args.runs, fresh)
            docx_ms = median_ms(lambda letter=letter: make_outputs(
                letter, ["x.docx"], settings), args.runs, fresh)
            print(f"in-process {name:10} ({len(pages)} pages, {label:10}): typeset "
                  f"{typeset_ms:6.1f} ms, typeset+PDF/A {pdf_ms:6.1f} ms (plain PDF "
                  f"{plain_ms:6.1f} ms), DOCX {docx_ms:6.1f} ms")
        print(f"PDF size   {name:10} ({len(pages)} pages): PDF/A-3b + PDF/UA-1 "
              f"{len(pdf) / 1000:6.1f} KB, plain {len(plain_pdf) / 1000:6.1f} KB")
    print("targets: one-page typeset+PDF ≤ 10 ms, DOCX ≤ 10 ms (new letter); "
          "one-page PDF ≤ 60 KB; cold render ≤ 0.25 × LibreOffice")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
