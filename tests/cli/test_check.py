"""`dla-drafter check`: a good draft passes with warnings, each error one line naming its field."""

from __future__ import annotations

import json

from .helpers import EXAMPLE, run, write


def test_check_passes_a_good_draft_with_warnings_only():
    result = run("check", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    for line in result.stderr.strip().splitlines():
        assert line.startswith("คำเตือน: ")


def test_malformed_draft_gives_one_line_per_error_naming_the_field(tmp_path):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["date"]["month"] = 13
    data["subject"] = 5
    result = run("check", str(write(tmp_path, data)))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) >= 2
    assert all(line.startswith("ข้อผิดพลาด: ") for line in lines)
    assert any(line.startswith("ข้อผิดพลาด: เดือน: ") and "13" in line for line in lines)
    assert any(line.startswith("ข้อผิดพลาด: เรื่อง: ") for line in lines)
    assert "Traceback" not in result.stderr
    english = run("check", str(write(tmp_path, data)), "--lang", "en")
    assert english.returncode == 1
    assert all(line.startswith("error: ") for line in english.stderr.strip().splitlines())


def test_missing_draft_file(tmp_path):
    result = run("check", str(tmp_path / "nothing.dladraft.json"))
    assert result.returncode == 1
    assert "nothing.dladraft.json" in result.stderr
    assert "Traceback" not in result.stderr
