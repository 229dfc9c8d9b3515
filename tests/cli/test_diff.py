"""`dla-drafter diff`: two drafts, two versions inside one (--from/--to), and --since-mine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEMO = ROOT / "examples" / "memo-2569.dladraft.json"
CLERK, HEAD, DIRECTOR = "นางสาวสมศรี ใจดี", "นางสาวศรีสุดา ใจดี", "นายสมปอง มั่นคง"
CUT = "กำหนดจัดอบรม"


@dataclass
class Person:
    """Someone with config and data folders of their own, running the real command line."""

    home: Path
    name: str

    def __post_init__(self) -> None:
        (self.home / "config").mkdir(parents=True)
        (self.home / "config" / "identity.json").write_text(
            json.dumps({"name": self.name, "position": "", "abbreviation": ""},
                       ensure_ascii=False), encoding="utf-8")

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DLA_DRAFTER_")}
        env.update(QT_QPA_PLATFORM="offscreen",
                   DLA_DRAFTER_CONFIG_DIR=str(self.home / "config"),
                   DLA_DRAFTER_DATA_DIR=str(self.home / "data"))
        result = subprocess.run([sys.executable, "-m", "dla_drafter", *args],
                                capture_output=True, text=True, env=env, timeout=180,
                                encoding="utf-8", cwd=ROOT)
        assert "Traceback" not in result.stderr, result.stderr
        return result


def split_and_fix(draft: Path) -> None:
    """The clerk's fixes after the return: body[1] cut in two, one word changed."""
    data = json.loads(draft.read_text(encoding="utf-8"))
    paragraph = data["body"][1]
    cut = paragraph.index(CUT)
    data["body"][1:2] = [paragraph[:cut].rstrip(),
                         paragraph[cut:].replace("กรุงเทพมหานคร", "จังหวัดเชียงใหม่")]
    draft.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def change_heads(stdout: str) -> list[str]:
    """The first line of each change printed (its field and kind)."""
    return [line for line in stdout.splitlines()
            if line and not line.startswith(" ") and line.endswith(":")]


def test_since_mine_shows_the_reviewer_exactly_the_clerks_fixes(tmp_path):
    clerk = Person(tmp_path / "clerk", CLERK)
    head = Person(tmp_path / "head", HEAD)
    director = Person(tmp_path / "director", DIRECTOR)
    draft = tmp_path / "memo.dladraft.json"
    draft.write_bytes(MEMO.read_bytes())

    assert clerk.run("review", "send", str(draft)).returncode == 0  # v1
    result = head.run("review", "comment", str(draft), "--field", "body[1]", "--quote",
                      "กรุงเทพมหานคร", "--text", "ระบุจังหวัดที่จัดจริง")
    assert result.returncode == 0, result.stderr
    result = head.run("review", "return", str(draft), "--text", "แก้สถานที่และแยกย่อหน้า")
    assert result.returncode == 0, result.stderr  # v2
    split_and_fix(draft)
    assert clerk.run("review", "send", str(draft)).returncode == 0  # v3

    # What "compare" showed the reviewer until now: against the version just re-sent.
    result = head.run("diff", str(draft), "--from", "3")
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "ไม่มีความแตกต่าง")

    result = head.run("diff", str(draft), "--since-mine")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ตั้งแต่ที่คุณดูล่าสุด: ฉบับที่ ๒ (ที่คุณส่งกลับแก้ไขเมื่อ ")
    assert lines[1].startswith(f"จาก: ฉบับที่ ๒ · ส่งกลับแก้ไข · {HEAD} · ")
    assert lines[1].endswith(" — แก้สถานที่และแยกย่อหน้า")
    assert lines[2] == "ถึง: ข้อความปัจจุบันในไฟล์"
    assert change_heads(result.stdout) == [
        "ข้อความ ย่อหน้าที่ ๒ (body[1]) [แยกเป็น ๒ ย่อหน้า → body[1], body[2]]:"]
    assert "{+¶+}" in result.stdout
    assert "[-กรุงเทพมหานคร-]{+จังหวัดเชียงใหม่+}" in result.stdout

    result = head.run("diff", str(draft), "--since-mine", "--lang", "en")
    assert result.stdout.startswith("since you last looked: version 2 (you returned for ")
    assert "[split into 2 paragraphs → body[1], body[2]]" in result.stdout

    # The clerk's own baseline is what they last sent: nothing since.
    result = clerk.run("diff", str(draft), "--since-mine")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ตั้งแต่ที่คุณดูล่าสุด: ฉบับที่ ๓ (ที่คุณส่งตรวจเมื่อ ")

    # Someone who never touched the draft is told so, and nothing is printed as a diff.
    result = director.run("diff", str(draft), "--since-mine")
    assert result.returncode == 2 and result.stdout == ""
    assert DIRECTOR in result.stderr and "--from N" in result.stderr


# ---------------------------------------------------------------- in this process, quicker


@pytest.fixture
def reviewed(tmp_path) -> Path:
    """A draft with three versions: sent, returned, sent again after a split and a fix."""
    from dla_drafter.model.draftio import load_draft, save_draft
    from dla_drafter.review import actions

    letter = load_draft(MEMO)
    actions.send_for_review(letter, CLERK, "2026-06-15T09:00:00+00:00")
    actions.return_for_changes(letter, "แก้ตามความเห็น", HEAD, "2026-06-15T11:00:00+00:00")
    paragraph = letter.body[1]
    cut = paragraph.index(CUT)
    letter.body[1:2] = [paragraph[:cut].rstrip(), paragraph[cut:]]
    actions.send_for_review(letter, CLERK, "2026-06-15T13:00:00+00:00")
    path = tmp_path / "reviewed.dladraft.json"
    save_draft(letter, path)
    return path


def diff(capsys, *args: str) -> tuple[int, str, str]:
    from dla_drafter.cli import main

    try:
        code = main(["diff", *args])
    except SystemExit as exc:  # argparse refusing an argument
        code = exc.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_from_and_to_compare_versions_inside_one_draft(capsys, reviewed):
    code, out, _ = diff(capsys, str(reviewed), "--from", "1", "--to", "3")
    assert code == 1
    assert out.startswith(f"จาก: ฉบับที่ ๑ · ส่งตรวจ · {CLERK} · ")
    assert out.splitlines()[1].startswith(f"ถึง: ฉบับที่ ๓ · ส่งตรวจ · {CLERK} · ")
    assert change_heads(out) == [
        "ข้อความ ย่อหน้าที่ ๒ (body[1]) [แยกเป็น ๒ ย่อหน้า → body[1], body[2]]:"]
    code, out, _ = diff(capsys, str(reviewed), "--from", "๓", "--to", "๑", "--lang", "en")
    assert code == 1 and "[merged from 2 paragraphs ← body[1], body[2]]" in out
    assert out.startswith("from: version 3 · sent for review · ")
    code, out, _ = diff(capsys, str(reviewed), "--from", "2")  # to the text now
    assert code == 1 and out.splitlines()[1] == "ถึง: ข้อความปัจจุบันในไฟล์"
    code, out, _ = diff(capsys, str(reviewed), "--from", "1", "--to", "2")
    assert code == 0 and out.splitlines()[-1] == "ไม่มีความแตกต่าง"


def test_versions_that_do_not_exist_exit_2_with_a_message(capsys, reviewed, tmp_path):
    code, out, err = diff(capsys, str(reviewed), "--from", "4")
    assert (code, out) == (2, "")
    assert err.strip() == ("ข้อผิดพลาด: ฉบับที่ส่งตรวจ: ไม่มีฉบับที่ ๔ "
                           "ร่างนี้มีฉบับที่ ๑–๓")
    code, _, err = diff(capsys, str(reviewed), "--from", "1", "--to", "9", "--lang", "en")
    assert code == 2
    assert "there is no version 9; this draft has versions 1–3" in err
    code, _, err = diff(capsys, str(MEMO), "--from", "1")
    assert code == 2 and "ยังไม่เคยส่งตรวจ" in err
    code, _, err = diff(capsys, str(MEMO), "--from", "1", "--lang", "en")
    assert code == 2 and "never sent for review" in err
    code, _, err = diff(capsys, str(tmp_path / "missing.dladraft.json"), "--from", "1")
    assert code == 2 and "missing.dladraft.json" in err
    damaged = json.loads(reviewed.read_text(encoding="utf-8"))
    damaged["review"]["versions"][1]["list_changes"] = {"body": ["x"]}
    (tmp_path / "damaged.dladraft.json").write_text(json.dumps(damaged, ensure_ascii=False),
                                                    encoding="utf-8")
    code, out, err = diff(capsys, str(tmp_path / "damaged.dladraft.json"), "--from", "1", "--to",
                          "3", "--lang", "en")
    assert (code, out) == (2, "")
    assert "review version item 3" in err and "version 3 cannot be rebuilt" in err


@pytest.mark.parametrize("args, words", [
    (["--from", "0"], "must be a version number"),
    (["--from", "สอง"], "must be a version number"),
    (["--to", "2"], "--to needs --from or --since-mine"),
    (["--from", "1", "--since-mine"], "use either --from or --since-mine"),
    (["OTHER", "--from", "1"], "take one draft"),
    ([], "give two drafts"),
])
def test_arguments_that_do_not_fit_exit_2_and_say_why(capsys, reviewed, args, words):
    args = [str(reviewed) if a == "OTHER" else a for a in args]
    code, out, err = diff(capsys, str(reviewed), *args, "--lang", "en")
    assert code == 2 and out == ""
    assert words in err


def test_two_drafts_compare_as_before(capsys, reviewed):
    code, out, _ = diff(capsys, str(MEMO), str(reviewed))
    assert code == 1
    assert change_heads(out) == [
        "ข้อความ ย่อหน้าที่ ๒ (body[1]) [แยกเป็น ๒ ย่อหน้า → body[1], body[2]]:"]
    code, out, _ = diff(capsys, str(MEMO), str(MEMO))
    assert (code, out.strip()) == (0, "ไม่มีความแตกต่าง")
