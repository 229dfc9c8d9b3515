"""The command line speaks a clerk's words (issue 13, items 10 and 14).

A field is named as the form names it (``เรื่อง``, not ``(subject)``); ``check --verbose``
adds the path for whoever edits files by hand. ``dla-drafter WORD`` opens the window only
when WORD is an existing file: a mistyped command says so and lists the commands instead of
opening a window that a script would wait on forever.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "circular-2565-eef.dladraft.json"
COMMANDS = ("check", "diff", "merge", "register", "render", "review", "sign", "verify")


def run(*args: str) -> subprocess.CompletedProcess:
    """The real entry point; a window it opened would hang here, and time out."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "dla_drafter", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, env=env, cwd=ROOT)


def test_a_mistyped_command_lists_the_commands_and_opens_no_window():
    result = run("extrct", "x.pdf")
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == 'ข้อผิดพลาด: ไม่รู้จักคำสั่ง "extrct"'
    assert all(command in result.stderr for command in COMMANDS)


def test_a_near_miss_is_suggested_in_the_language_asked_for():
    result = run("rendr", "draft.json", "-o", "x.pdf", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == ['error: unknown command "rendr"',
                                              'did you mean "render"?']


def test_a_draft_that_is_not_there_is_named_as_a_file(tmp_path):
    missing = tmp_path / "หนังสือ.dladraft.json"
    result = run(str(missing))
    assert result.returncode == 2
    assert result.stderr.startswith(f"ข้อผิดพลาด: ไม่พบไฟล์ {missing}")


def test_only_an_existing_file_opens_the_window(tmp_path, monkeypatch, capsys):
    import dla_drafter.cli as cli

    opened: list[list[str]] = []
    monkeypatch.setattr(cli, "open_window", lambda argv: opened.append(argv) or 0)
    draft = tmp_path / "letter.dladraft.json"
    draft.write_bytes(EXAMPLE.read_bytes())
    assert cli.main([str(draft)]) == 0 and opened == [[str(draft)]]
    assert cli.main([]) == 0 and opened[-1] == []
    assert cli.main([str(tmp_path)]) == 2  # a folder is no draft
    assert cli.main(["chek", str(draft)]) == 2
    assert cli.main(["bad\x00name"]) == 2
    assert len(opened) == 2
    assert 'หมายถึง "check" หรือไม่' in capsys.readouterr().err


def _draft(tmp_path: Path, **changes) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "draft.dladraft.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_names_fields_as_the_form_does_and_paths_only_when_verbose(tmp_path, capsys):
    from dla_drafter.cli import main

    draft = _draft(tmp_path, subject="", closing="")
    assert main(["check", str(draft)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "ข้อผิดพลาด: เรื่อง: ยังไม่ได้กรอก" in err
    assert any(line.startswith("คำเตือน: ข้อความส่วนสรุป (จึงเรียนมา…): ") for line in err)
    assert any(line.startswith("คำเตือน: ชื่อเต็มของผู้ลงนาม: ") for line in err)
    assert not any("(subject)" in line or "(signer.name)" in line for line in err)

    assert main(["check", str(draft), "--verbose"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "ข้อผิดพลาด: เรื่อง (subject): ยังไม่ได้กรอก" in err
    assert any(line.startswith("คำเตือน: ชื่อเต็มของผู้ลงนาม (signer.name): ") for line in err)

    assert main(["check", str(draft), "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "error: subject: is empty" in err


@pytest.mark.parametrize("verbose", [False, True])
def test_a_draft_that_cannot_open_names_its_field_the_same_way(tmp_path, capsys, verbose):
    from dla_drafter.cli import main

    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["date"]["month"] = 13
    path = tmp_path / "bad.dladraft.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path), *(["-v"] if verbose else [])]) == 1
    head = "เดือน (date.month)" if verbose else "เดือน"
    assert f"ข้อผิดพลาด: {head}: ต้องเป็นเลข ๑–๑๒ แต่ได้ 13" in capsys.readouterr().err


def test_review_status_names_the_commented_field(tmp_path, capsys, monkeypatch):
    from dla_drafter.cli import main
    from dla_drafter.model.draftio import load_draft, save_draft
    from dla_drafter.review import actions

    monkeypatch.setenv("DLA_DRAFTER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(tmp_path / "data"))
    letter = load_draft(EXAMPLE)
    actions.add_comment(letter, "body[1]", "ขอเรียนว่า", "ขยายความ", "นางสาวศรีสุดา ใจดี")
    draft = tmp_path / "draft.dladraft.json"
    save_draft(letter, draft)
    assert main(["review", "status", str(draft)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"ความเห็น \S+ \[ข้อความ ย่อหน้าที่ ๒\]", out) and "body[1]" not in out
