"""The Thai dictionary the word breaker matches against: PyThaiNLP's word list, read without
importing PyThaiNLP, in a form a cold process loads in a few milliseconds.

A cold ``dla-drafter render`` used to spend ~80 ms importing PyThaiNLP and ~70 ms loading
its 62 000 words together with their 183 000 proper prefixes (the "heads" that tell
``prefixes`` when to stop) as two frozensets from a marshal cache: 245 000 strings to make
and hash. newmm only asks which dictionary words start at a position, and a sorted list
answers that by binary search with no heads at all: the first word not below the text
seen so far either is that text (a word), or starts with it (keep reading), or does not (no
longer word can match). So the cache holds one string, the sorted words joined by newlines,
and loading it is a UTF-8 decode and one ``split`` (nothing is hashed).

The word file is PyThaiNLP's ``corpus/words_th.txt``, found with
``importlib.util.find_spec``, which locates a package without running its ``__init__``
(also in the PyInstaller bundle, whose importer answers it from the archive and whose hook
keeps the file at ``pythainlp/corpus/``); if that fails, PyThaiNLP is imported and asked.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Bumped whenever the cache's layout changes, so an older cache is rebuilt, not misread.
CACHE_FORMAT = "sorted-words-1"
CACHE_NAME = "thai-words-sorted.marshal"
#: The cache of earlier versions (words and heads as frozensets, 6.9 MB), removed when ours
#: is written.
OLD_CACHE_NAME = "thai-words.marshal"
_CORPUS = ("corpus", "words_th.txt")
#: ``SortedWords`` remembers what it found for each run of this many characters.
_KEY = 3


class SortedWords:
    """A fixed set of words, sorted, answering ``prefixes`` as PyThaiNLP's ``Trie`` does.

    ``words`` must be sorted and without repeats (``from_lines`` and ``with_words`` make them
    so). Adding words makes a new ``SortedWords`` (``with_words``): the default words are
    shared by every breaker and never change.
    """

    __slots__ = ("_spans", "_words")

    #: ``_spans`` forgets what it learnt past this many keys (arbitrary text has many).
    MAX_SPANS = 50_000

    def __init__(self, words: list[str]) -> None:
        self._words = words
        # the first ``_KEY`` characters at a position -> ``_span``, learnt on first use: the
        # words no longer than the key are known at once, and the binary searches for
        # longer ones look at a few words, not 62 000
        self._spans: dict[str, tuple[int, int, tuple[str, ...]]] = {}

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> SortedWords:
        """Words as PyThaiNLP's ``Trie`` keeps them: stripped, blank ones dropped."""
        return cls(sorted({word.strip() for word in lines} - {""}))

    def with_words(self, extra: Iterable[str]) -> SortedWords:
        """These words and ``extra`` (stripped, blank ones dropped), as a new object; each
        extra word is put in place by binary search, so this costs well under a
        millisecond, not a sort of 62 000 words."""
        words = self._words
        merged: list[str] = []
        taken = 0
        for word in sorted({word.strip() for word in extra} - {""}):
            at = bisect_left(words, word)
            if at < len(words) and words[at] == word:
                continue
            merged += words[taken:at]
            merged.append(word)
            taken = at
        if not merged:
            return self
        merged += words[taken:]
        return SortedWords(merged)

    def _span(self, key: str) -> tuple[int, int, tuple[str, ...]]:
        """``(lo, hi, short)``: ``short``, the words ``key`` starts with (``key`` included);
        ``words[lo:hi]``, the longer words that start with ``key`` (none if ``key`` is
        shorter than ``_KEY``: the text ends there)."""
        words = self._words
        count = len(words)
        short = []
        for size in range(1, len(key) + 1):
            piece = key[:size]
            at = bisect_left(words, piece)
            if at < count and words[at] == piece:
                short.append(piece)
        lo = hi = 0
        if len(key) == _KEY:
            lo = bisect_left(words, key)
            if lo < count and words[lo] == key:
                lo += 1
            last = ord(key[-1])
            hi = (bisect_left(words, key[:-1] + chr(last + 1), lo)
                  if last < sys.maxunicode else count)
        if len(self._spans) >= self.MAX_SPANS:
            self._spans.clear()
        span = self._spans[key] = (lo, hi, tuple(short))
        return span

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that ``text[start:]`` starts with, shortest first."""
        key = text[start : start + _KEY]
        span = self._spans.get(key)
        if span is None:
            if not key:
                return []
            span = self._span(key)
        lo, hi, short = span
        out = list(short)
        if lo == hi:
            return out
        words = self._words
        limit = len(text)
        end = start + _KEY + 1
        while end <= limit:
            piece = text[start:end]
            lo = bisect_left(words, piece, lo, hi)
            if lo == hi:
                break
            found = words[lo]
            if found == piece:
                out.append(piece)
                end += 1
                continue
            if not found.startswith(piece):
                break  # no word starts with the text read so far
            # ``found`` is the first word above ``piece`` and goes on from it, so no word
            # ends between the two: skip to where the text leaves ``found``.
            if text.startswith(found, start):
                out.append(found)
                end = start + len(found) + 1
                lo += 1
                continue
            k = end - start
            size = len(found)
            while start + k < limit and k < size and text[start + k] == found[k]:
                k += 1
            end = start + k + 1
        return out

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        words = self._words
        i = bisect_left(words, word)
        return i < len(words) and words[i] == word

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


# --- the default words ---------------------------------------------------------------------

_DEFAULT: SortedWords | None = None
_DEFAULT_LOCK = threading.Lock()


def default_words() -> SortedWords:
    """PyThaiNLP's Thai words, loaded once per process."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = load_words(pythainlp_words_file(), cache_file())
        return _DEFAULT


def pythainlp_words_file() -> Path:
    """PyThaiNLP's ``corpus/words_th.txt``, preferably without importing PyThaiNLP."""
    for folder in _package_folders():
        candidate = folder.joinpath(*_CORPUS)
        if candidate.is_file():
            return candidate
    # Whatever finds it for PyThaiNLP itself (imports the package: slower, but right).
    from pythainlp.corpus import corpus_path

    return Path(corpus_path()).joinpath(_CORPUS[1])


def _package_folders() -> list[Path]:
    folders: list[Path] = []
    try:
        spec = importlib.util.find_spec("pythainlp")
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        folders += [Path(p) for p in spec.submodule_search_locations or ()]
        if spec.origin:
            folders.append(Path(spec.origin).parent)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # the PyInstaller bundle's data folder
        folders.append(Path(bundle) / "pythainlp")
    return folders


def cache_file() -> Path | None:
    """Where the sorted words are kept between runs (the user's cache folder), or None."""
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("dla-drafter", appauthor=False)) / CACHE_NAME
    except Exception:  # no cache folder on this machine: build in memory every time
        return None


def load_words(source: Path, cache: Path | None) -> SortedWords:
    """The words of ``source`` (one a line), from ``cache`` when it was made from this very
    file (path, size and modification time), else read, sorted and cached again.

    A damaged, foreign or half-written cache is rebuilt; the cache is written beside and
    renamed over, so a reader never sees half of one; a cache that cannot be written only
    costs time. Not through ``atomic`` (its retries, fsync and error messages are for the
    clerk's files): ``text/`` stays below everything that reports.
    """
    try:
        stat = source.stat()
        stamp: tuple | None = (CACHE_FORMAT, str(source), stat.st_size, stat.st_mtime_ns)
    except OSError:
        stamp = None
    if stamp and cache:
        words = _read_cache(cache, stamp)
        if words is not None:
            return words
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    words = SortedWords.from_lines(lines)
    if stamp and cache:
        _write_cache(cache, stamp, words)
    return words


def _read_cache(cache: Path, stamp: tuple) -> SortedWords | None:
    try:
        saved = marshal.loads(cache.read_bytes())
    except Exception:  # missing, unreadable or damaged: only costs a rebuild
        return None
    if not (isinstance(saved, tuple) and len(saved) == 2 and saved[0] == stamp
            and isinstance(saved[1], str)):
        return None
    blob = saved[1]
    return SortedWords(blob.split("\n") if blob else [])


def _write_cache(cache: Path, stamp: tuple, words: SortedWords) -> None:
    part = cache.with_name(f"{cache.name}.{os.getpid()}.part")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(marshal.dumps((stamp, "\n".join(words))))
        os.replace(part, cache)
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink()
        return
    with contextlib.suppress(OSError):
        cache.with_name(OLD_CACHE_NAME).unlink()


__all__ = [
    "SortedWords",
    "cache_file",
    "default_words",
    "load_words",
    "pythainlp_words_file",
]
