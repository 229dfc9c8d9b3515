"""The default dictionary's loading: its cache (rebuilt when the word file changes, safe when
damaged or half-written), finding PyThaiNLP's word file without importing PyThaiNLP, and a
render that never imports it."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from dla_drafter.text import thaiwords
from dla_drafter.text.thaiwords import CACHE_FORMAT, SortedWords, load_words

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    path = tmp_path / "words_th.txt"
    path.write_text("ข้าว\nกิน\n ก \n\nกินข้าว\n", encoding="utf-8")
    return path


def test_words_are_sorted_stripped_and_cached(word_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "words.marshal"
    words = load_words(word_file, cache)
    assert list(words) == ["ก", "กิน", "กินข้าว", "ข้าว"]
    assert cache.is_file()
    assert not list(cache.parent.glob("*.part"))
    again = load_words(word_file, cache)
    assert list(again) == list(words)
    assert again.prefixes("กินข้าวแล้ว") == ["ก", "กิน", "กินข้าว"]


def test_the_cache_is_used_when_the_file_is_unchanged(word_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "words.marshal"
    load_words(word_file, cache)
    stamp, blob = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps((stamp, "จาก\nแคช")))
    assert list(load_words(word_file, cache)) == ["จาก", "แคช"]  # read, not rebuilt


def test_a_changed_word_file_rebuilds_the_cache(word_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "words.marshal"
    load_words(word_file, cache)
    word_file.write_text("น้ำ\nน้ำตาล\n", encoding="utf-8")
    os.utime(word_file, ns=(1, 1))  # the same second as before would still differ in size
    assert list(load_words(word_file, cache)) == ["น้ำ", "น้ำตาล"]
    assert list(load_words(word_file, cache)) == ["น้ำ", "น้ำตาล"]


@pytest.mark.parametrize("damage", [
    b"",  # empty
    b"\x00garbage\xff" * 50,  # not marshal
    "half",  # written halfway (cut below)
    "old",  # the previous layout: (stamp, words, heads) frozensets
    "foreign",  # a marshal of something else
])
def test_a_damaged_cache_is_rebuilt(word_file: Path, tmp_path: Path, damage) -> None:
    cache = tmp_path / "words.marshal"
    load_words(word_file, cache)
    good = cache.read_bytes()
    stamp = marshal.loads(good)[0]
    if damage == "half":
        data = good[: len(good) // 2]
    elif damage == "old":
        data = marshal.dumps(((5, str(word_file), 1, 2), frozenset({"x"}), frozenset()))
    elif damage == "foreign":
        data = marshal.dumps((stamp, ["not", "a", "string"]))
    else:
        data = damage
    cache.write_bytes(data)
    assert list(load_words(word_file, cache)) == ["ก", "กิน", "กินข้าว", "ข้าว"]
    assert cache.read_bytes() == good  # and written again whole


def test_an_unwritable_cache_only_costs_time(word_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    words = load_words(word_file, blocker / "words.marshal")
    assert list(words) == ["ก", "กิน", "กินข้าว", "ข้าว"]
    assert list(load_words(word_file, None)) == list(words)
    assert not list(tmp_path.glob("**/*.part"))


def test_the_old_cache_is_removed(word_file: Path, tmp_path: Path) -> None:
    old = tmp_path / thaiwords.OLD_CACHE_NAME
    old.write_bytes(marshal.dumps(((5, "x", 1, 2), frozenset({"x"}), frozenset())))
    load_words(word_file, tmp_path / thaiwords.CACHE_NAME)
    assert not old.exists()
    assert (tmp_path / thaiwords.CACHE_NAME).is_file()


def test_cache_stamp_names_the_layout(word_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "words.marshal"
    load_words(word_file, cache)
    stamp, blob = marshal.loads(cache.read_bytes())
    assert stamp[0] == CACHE_FORMAT and stamp[1] == str(word_file)
    assert blob == "ก\nกิน\nกินข้าว\nข้าว"


def test_empty_word_file(tmp_path: Path) -> None:
    empty = tmp_path / "words_th.txt"
    empty.write_text("", encoding="utf-8")
    cache = tmp_path / "words.marshal"
    assert len(load_words(empty, cache)) == 0
    assert len(load_words(empty, cache)) == 0  # from the cache
    assert SortedWords.from_lines([]).prefixes("ก") == []


# --- finding PyThaiNLP's word file ---------------------------------------------------------


def test_the_word_file_is_pythainlps() -> None:
    found = thaiwords.pythainlp_words_file()
    assert found.name == "words_th.txt" and found.parent.name == "corpus"
    assert found.parent.parent.name == "pythainlp"
    assert found.is_file()


def test_the_word_file_in_a_bundle(tmp_path: Path, monkeypatch) -> None:
    """The PyInstaller bundle's data folder, when the importer tells nothing."""
    corpus = tmp_path / "pythainlp" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "words_th.txt").write_text("ก\n", encoding="utf-8")
    monkeypatch.setattr(thaiwords.importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert thaiwords.pythainlp_words_file() == corpus / "words_th.txt"


def test_the_word_file_falls_back_to_asking_pythainlp(tmp_path: Path, monkeypatch) -> None:
    """An importer whose spec points nowhere useful: PyThaiNLP itself is asked."""
    spec = types.SimpleNamespace(submodule_search_locations=[str(tmp_path)],
                                 origin=str(tmp_path / "__init__.pyc"))
    monkeypatch.setattr(thaiwords.importlib.util, "find_spec", lambda name: spec)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    found = thaiwords.pythainlp_words_file()
    assert found.is_file() and found.name == "words_th.txt"


# --- a render imports no PyThaiNLP ---------------------------------------------------------


def test_render_imports_no_pythainlp(tmp_path: Path) -> None:
    draft = ROOT / "examples" / "circular-2565-eef.dladraft.json"
    pdf, docx = tmp_path / "x.pdf", tmp_path / "x.docx"
    code = (
        "import sys\n"
        "from dla_drafter.cli import main\n"
        "try:\n"
        f"    code = main(['render', {str(draft)!r}, '-o', {str(pdf)!r}, '-o', {str(docx)!r},"
        " '--bundled-font'])\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "print('exit', code)\n"
        "print('loaded', sorted(m for m in sys.modules if m.split('.')[0] == 'pythainlp'))\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"),
               DLA_DRAFTER_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "exit 0" in result.stdout or "exit None" in result.stdout, result.stdout
    assert "loaded []" in result.stdout, result.stdout
    assert pdf.stat().st_size > 10_000 and docx.stat().st_size > 10_000
