"""Review record timings and size: prints numbers, asserts nothing.

    uv run python benchmarks/review.py [--runs N]

* opening a draft with a 10-round review history (21 versions sent or returned, and one
  per approval) and 50 comments on a three-page letter, in process: ``load_draft`` +
  reading the record + every approval's status (its history checked) + the problems (what
  the desktop program does when it opens the file);
* the word diff of two three-page versions: five paragraphs edited (a typical round) and
  every paragraph edited (the worst case), each with a cold word-breaker cache;
* the size of that draft file, and of the same letter without the record.

Targets (issue 7): each timing ≤ 50 ms; the file well under 1 MB.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DLA_DRAFTER_CONFIG_DIR", tempfile.mkdtemp(prefix="dla-bench-config-"))
os.environ.setdefault("DLA_DRAFTER_DATA_DIR", tempfile.mkdtemp(prefix="dla-bench-data-"))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from dla_drafter.model.draftio import dumps_draft, load_draft, save_draft  # noqa: E402
from dla_drafter.review import actions  # noqa: E402
from dla_drafter.review.diff import diff_letters  # noqa: E402
from dla_drafter.review.integrity import Keyring, Reviewer, public_key_text  # noqa: E402
from dla_drafter.review.status import review_problems  # noqa: E402


def three_pages():
    letter = load_draft(ROOT / "examples" / "memo-2569.dladraft.json")
    paragraphs = list(letter.body)
    body: list[str] = []
    while sum(len(p) for p in body) < 6000:
        body.extend(paragraphs)
    letter.body = body
    return letter


HEAD = Reviewer("นายสมชาย รักงาน", "", "หน.ฝ.กศ.")


def reviewed(letter, key):
    for round_number in range(10):
        actions.send_for_review(letter, by="นางสาวสมศรี ใจดี")
        for n in range(5):
            actions.add_comment(letter, f"body[{n}]", letter.body[n][10:20],
                                f"ความเห็นรอบที่ {round_number + 1} ข้อ {n + 1}",
                                author="นายสมชาย รักงาน")
        actions.return_for_changes(letter, f"แก้ตามความเห็นรอบที่ {round_number + 1}",
                                   by="นายสมชาย รักงาน")
        letter.body[round_number] = letter.body[round_number].replace("การ", "การจัด", 1)
    actions.send_for_review(letter, by="นางสาวสมศรี ใจดี")
    actions.approve_as(letter, HEAD, key)
    actions.approve_as(letter, Reviewer("นายสมปอง มั่นคง", "", "ผอ.กศ."),
                       Ed25519PrivateKey.generate())
    return letter


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms (min {min(samples) * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs

    key = Ed25519PrivateKey.generate()
    keyring = Keyring({public_key_text(key.public_key()): HEAD})
    letter = reviewed(three_pages(), key)
    folder = Path(tempfile.mkdtemp(prefix="dla-bench-"))
    path = folder / "reviewed.dladraft.json"
    save_draft(letter, path)
    plain = copy.copy(letter)
    plain.extra = {}
    size, plain_size = path.stat().st_size, len(dumps_draft(plain).encode("utf-8"))
    print(f"draft with 10 rounds (23 versions), 50 comments, 2 approvals: {size / 1024:.0f} KiB "
          f"(the letter alone: {plain_size / 1024:.0f} KiB)")

    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        opened = load_draft(path)
        record = actions.record_of(opened)
        statuses = actions.approval_statuses(opened, keyring)
        review_problems(opened, keyring)
        samples.append(time.perf_counter() - start)
    assert len(record.comments) == 50 and len(record.versions) == 23, record
    assert [s for _, s in statuses] == ["valid", "unknown_key"], statuses
    print(f"open + read record + statuses + problems: {median_ms(samples)}")

    from dla_drafter.text.wordbreak import default_breaker

    start = time.perf_counter()
    default_breaker().segments("การประชุม")
    startup = (time.perf_counter() - start) * 1000
    print(f"(word breaker start-up, once per process: {startup:.0f} ms)")
    base = three_pages()
    for label, edited in (("5 paragraphs edited", 5), ("every paragraph edited", None)):
        samples = []
        for run in range(runs):
            old, new = copy.deepcopy(base), copy.deepcopy(base)
            marker = f" รอบ{run}"  # new text every run: the breaker's cache stays cold
            old.body = [p + marker for p in old.body]
            count = len(new.body) if edited is None else edited
            new.body = [
                (p.replace("การ", "การจัด", 1) if i < count else p) + marker
                for i, p in enumerate(new.body)
            ]
            start = time.perf_counter()
            changes = diff_letters(old, new)
            samples.append(time.perf_counter() - start)
        print(f"diff of two 3-page versions, {label} ({len(changes.steps)} changes): "
              f"{median_ms(samples)}")


if __name__ == "__main__":
    main()
