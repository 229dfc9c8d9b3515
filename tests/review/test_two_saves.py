"""Two PCs, one draft on a shared folder: two processes comment at the same time, nothing lost.

Each worker is a separate Python process that runs the real command line
(``dla-drafter review comment DRAFT …``, in-process through ``cli.main`` so that 200 rounds do
not each pay an interpreter start) against the same file: load → comment → save, 200 times.
Both wait at a starting line, so they truly run at the same time. Before the merging save, the
last writer won and about half of the 400 comments were lost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from dla_drafter.model.draftio import load_draft
from dla_drafter.review.record import read_record

ROOT = Path(__file__).resolve().parents[2]
MEMO = ROOT / "examples" / "memo-2569.dladraft.json"
QUOTE = "ขออนุมัติ"

WORKER = r"""
import sys, time
from pathlib import Path
from dla_drafter.cli import main
import dla_drafter.review.actions  # noqa: F401  (imports paid before the start)
import dla_drafter.model.draftio  # noqa: F401

draft, tag, rounds, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
Path(f"{start}.{tag}").touch()
deadline = time.monotonic() + 120
while not start.exists():
    if time.monotonic() > deadline:
        sys.exit(3)
    time.sleep(0.001)
failed = 0
for i in range(rounds):
    code = main(["review", "comment", draft, "--field", "subject", "--quote", "ขออนุมัติ",
                 "--text", f"{tag}-{i}", "--author", tag])
    failed += code != 0
print(failed)
"""


def _worker(draft: Path, tag: str, rounds: int, start: Path, home: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DLA_DRAFTER_")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(draft), tag, str(rounds), str(start)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env=env, cwd=ROOT,
    )  # fmt: skip


def _run_two(tmp_path: Path, rounds: int) -> tuple[Path, list[str]]:
    draft = tmp_path / "shared" / "memo.dladraft.json"
    draft.parent.mkdir()
    draft.write_bytes(MEMO.read_bytes())
    start = tmp_path / "go"
    workers = [_worker(draft, tag, rounds, start, tmp_path / tag) for tag in ("A", "B")]
    deadline = time.monotonic() + 120
    while not all(Path(f"{start}.{tag}").exists() for tag in ("A", "B")):
        assert all(w.poll() is None for w in workers), [w.communicate() for w in workers]
        assert time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.01)
    start.touch()  # both are past their imports: go at the same moment
    outputs = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
        assert out.strip() == "0", err[-3000:]  # every one of the 200 commands succeeded
        outputs.append(err)
    return draft, outputs


def test_two_processes_commenting_200_times_each_keep_all_400_comments(tmp_path):
    rounds = 200
    draft, _ = _run_two(tmp_path, rounds)
    record = read_record(load_draft(draft).extra["review"])
    texts = [c.text for c in record.comments]
    expected = {f"{tag}-{i}" for tag in "AB" for i in range(rounds)}
    missing = expected - set(texts)
    assert not missing, f"{len(missing)} of {len(expected)} comments lost"
    assert len(texts) == len(expected)  # none twice either
    assert len({c.id for c in record.comments}) == len(texts)
    # Each PC's comments are in the order it made them.
    for tag in "AB":
        mine = [int(t.split("-")[1]) for t in texts if t.startswith(tag)]
        assert mine == sorted(mine)
    # They really ran at the same time: the two PCs' comments interleave in the file.
    switches = sum(1 for a, b in zip(texts, texts[1:], strict=False) if a[0] != b[0])
    assert switches >= 3, f"the two processes did not overlap ({switches} switches)"
    # The file is a clean draft, and no lock or temporary file is left beside it.
    assert json.loads(draft.read_text(encoding="utf-8"))["format"] == "dla-drafter/letter@1"
    assert sorted(p.name for p in draft.parent.iterdir()) == ["memo.dladraft.json"]


def _other_pc(draft: Path, change) -> bytes:
    from dla_drafter.model.draftio import save_draft

    other = load_draft(draft)
    change(other)
    save_draft(other, draft)
    return draft.read_bytes()


def test_a_command_whose_file_changed_meanwhile_keeps_the_other_pcs_work(
        tmp_path, monkeypatch, capsys):
    """``review comment`` loads, and before it saves another PC saves a comment and a new
    subject: both are in the file with this command's comment."""
    from dla_drafter.cli import main
    from dla_drafter.review import actions

    draft = tmp_path / "memo.dladraft.json"
    draft.write_bytes(MEMO.read_bytes())
    real = actions.add_comment

    def comment_while_the_other_pc_saves(letter, *args, **kwargs):
        _other_pc(draft, lambda o: (real(o, "subject", QUOTE, "จากอีกเครื่อง", author="B"),
                                    setattr(o, "subject", o.subject + " (แก้)")))
        return real(letter, *args, **kwargs)

    monkeypatch.setattr(actions, "add_comment", comment_while_the_other_pc_saves)
    code = main(["review", "comment", str(draft), "--field", "subject", "--quote", QUOTE,
                 "--text", "จากเครื่องนี้", "--author", "A"])
    assert code == 0, capsys.readouterr().err
    saved = load_draft(draft)
    assert saved.subject.endswith(" (แก้)")
    assert [c.text for c in read_record(saved.extra["review"]).comments] == [
        "จากอีกเครื่อง", "จากเครื่องนี้"]


def test_a_field_conflict_in_the_command_line_refuses_names_it_and_saves_a_copy(
        tmp_path, monkeypatch, capsys):
    """A verb that changed a field another PC changed too (here: a comment text edited on
    both) cannot ask anyone: exit 1, the field named, the file as the other PC wrote it,
    this version beside it."""
    from dla_drafter.cli import main
    from dla_drafter.review import actions

    draft = tmp_path / "memo.dladraft.json"
    draft.write_bytes(MEMO.read_bytes())
    main(["review", "comment", str(draft), "--field", "subject", "--quote", QUOTE,
          "--text", "เดิม", "--author", "A"])
    real = actions.add_comment
    theirs: list[bytes] = []

    def edit_and_clash(letter, *args, **kwargs):
        def change(other):
            other.extra["review"]["comments"][0]["text"] = "แก้โดยอีกเครื่อง"

        theirs.append(_other_pc(draft, change))
        letter.extra["review"]["comments"][0]["text"] = "แก้โดยเครื่องนี้"
        return real(letter, *args, **kwargs)

    monkeypatch.setattr(actions, "add_comment", edit_and_clash)
    capsys.readouterr()
    code = main(["review", "comment", str(draft), "--field", "subject", "--quote", QUOTE,
                 "--text", "ใหม่", "--author", "A", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1
    assert draft.read_bytes() == theirs[0]
    assert "comment item 1 text" in err
    assert "another PC changed this field" in err
    copies = sorted(tmp_path.glob("memo.conflict-*.dladraft.json"))
    assert len(copies) == 1 and str(copies[0]) in err
    mine = read_record(load_draft(copies[0]).extra["review"])
    assert [c.text for c in mine.comments] == ["แก้โดยเครื่องนี้", "ใหม่"]


def test_two_real_commands_at_once_keep_both_comments(tmp_path):
    """The installed command itself (a new interpreter per comment), ten each at once."""
    draft = tmp_path / "memo.dladraft.json"
    draft.write_bytes(MEMO.read_bytes())
    procs = []
    for i in range(10):
        for tag in "AB":
            env = {k: v for k, v in os.environ.items() if not k.startswith("DLA_DRAFTER_")}
            env.update(XDG_CONFIG_HOME=str(tmp_path / tag / "config"),
                       XDG_DATA_HOME=str(tmp_path / tag / "data"))
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "dla_drafter", "review", "comment", str(draft),
                 "--field", "subject", "--quote", QUOTE, "--text", f"{tag}-{i}",
                 "--author", tag], env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True))
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    texts = {c.text for c in read_record(load_draft(draft).extra["review"]).comments}
    assert texts == {f"{tag}-{i}" for tag in "AB" for i in range(10)}
