"""Running ``python -m dla_drafter`` as a clerk's script would, and drafts written for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "circular-2565-eef.dladraft.json"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "dla_drafter", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=180, encoding="utf-8")


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "draft.dladraft.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    return path
