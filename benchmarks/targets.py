"""The targets of issue 15 (items 6 and 7) and how every benchmark prints a number against
its target, so that each line reads the same: the measured value, the target, ok or OVER.

Wall-clock time is what a clerk waits; CPU time (``time.process_time`` in process,
``getrusage`` of the child for a fresh process) is printed beside it because on a loaded
machine the wall clock measures the other processes too.
"""

from __future__ import annotations

import resource
import subprocess
import time
from collections.abc import Callable, Sequence

#: keystroke → repainted preview, p95, on a three-page letter (one frame at 60 Hz)
KEYSTROKE_P95_MS = 16.0
#: in-process typeset + PDF, and DOCX, of a new one-page letter
ONE_PAGE_PDF_MS = 10.0
ONE_PAGE_DOCX_MS = 10.0
#: a one-page PDF's size
ONE_PAGE_PDF_KB = 60.0
#: cold ``dla-drafter render`` against LibreOffice converting the same letter, in one run
COLD_RENDER_VS_LIBREOFFICE = 0.25
#: cold ``dla-drafter register issue``
COLD_REGISTER_ISSUE_S = 0.3
#: launch to a usable window
LAUNCH_S = 0.4
#: resident memory after rendering 10,000 different letters in one process
RSS_MB = 400.0


def verdict(value: float, target: float) -> str:
    """``ok`` when ``value`` is within ``target`` (a ceiling), else ``OVER``."""
    return "ok" if value <= target else "OVER"


def line(name: str, value: float, target: float, unit: str, extra: str = "") -> str:
    """One benchmark line: ``name  value unit  (target ≤ t unit: ok)``, and ``extra``."""
    digits = 2 if unit == "s" else 1
    text = (f"{name:<44} {value:8.{digits}f} {unit:<3} (target ≤ {target:g} {unit}: "
            f"{verdict(value, target)})")
    return f"{text}  {extra}" if extra else text


def child_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_process(cmd: Sequence[str], **kwargs) -> tuple[float, float]:
    """(wall s, CPU s) of one run of ``cmd`` in a fresh process; raises when it fails."""
    cpu = child_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start, child_cpu() - cpu


def timed_call(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call of ``fn`` in this process."""
    cpu = time.process_time()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
