"""The draft's file name: ``.dladraft`` is written, ``.dladraft.json`` still opens everywhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from dla_drafter.filetypes import (
    DRAFT_SUFFIX,
    DRAFT_SUFFIXES,
    LEGACY_DRAFT_SUFFIX,
    dialog_patterns,
    draft_stem,
    is_draft_name,
    with_draft_suffix,
)

ROOT = Path(__file__).resolve().parent.parent


def test_this_version_saves_dladraft_and_opens_both() -> None:
    assert DRAFT_SUFFIX == ".dladraft"
    assert LEGACY_DRAFT_SUFFIX == ".dladraft.json"
    assert DRAFT_SUFFIXES == (".dladraft", ".dladraft.json")
    assert dialog_patterns() == "*.dladraft *.dladraft.json *.json"


@pytest.mark.parametrize(("name", "stem"), [
    ("หนังสือ.dladraft", "หนังสือ"),
    ("หนังสือ.dladraft.json", "หนังสือ"),
    ("LETTER.DLADRAFT", "LETTER"),  # Windows keeps what the clerk typed, in any case
    ("a.b.DladRaft.Json", "a.b"),
    ("notes.json", "notes"),
    ("report.pdf", "report"),
    (".dladraft", ".dladraft"),  # a bare extension is no draft name
])
def test_stem(name: str, stem: str) -> None:
    assert draft_stem(name) == stem
    assert draft_stem(Path(name)) == stem


def test_windows_paths_with_drive_letters() -> None:
    path = PureWindowsPath(r"C:\Users\สมชาย\เอกสาร\หนังสือ ว.dladraft")
    assert is_draft_name(path) and draft_stem(path) == "หนังสือ ว"


@pytest.mark.parametrize(("typed", "saved"), [
    ("หนังสือ", "หนังสือ.dladraft"),
    ("หนังสือ.dladraft", "หนังสือ.dladraft"),
    ("หนังสือ.dladraft.json", "หนังสือ.dladraft.json"),  # an old draft saved in place
    ("export.json", "export.json"),  # typed on purpose
    ("ฉบับ 2.1", "ฉบับ 2.1.dladraft"),  # a dot in the name is not an extension
])
def test_save_name(typed: str, saved: str) -> None:
    assert with_draft_suffix(typed) == saved


@pytest.mark.parametrize("suffix", DRAFT_SUFFIXES)
def test_cli_checks_and_renders_either_extension(tmp_path: Path, suffix: str) -> None:
    """The command line opens both kinds of name (and merge and the window use the same
    loader, which never looks at the name)."""
    data = json.loads((ROOT / "examples" / "memo-2569.dladraft.json").read_text("utf-8"))
    draft = tmp_path / f"บันทึก{suffix}"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "dla_drafter", "check", str(draft)],
                            capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
