"""Thai spelling marks in the body paragraphs.

Thai has no spaces between words, so "misspelled" means: a run of Thai text that the newmm
tokenizer (``text/newmm.py``, the line breaker's) cannot cover with dictionary words — it
leaves such runs as fragments that are not words (``กาารศึกษ`` → ``กา`` ``าร`` ``ศึก``
``ษ``). Those fragments are underlined. The dictionary is the line breaker's sorted word list
(PyThaiNLP's words, ``text/thaiwords.py``, loaded in milliseconds) with the one-letter words
below and the clerk's own word list, so an agency name added once ("เพิ่มในรายการคำ") stops
being marked and also feeds the line breaker.

The speller that offers corrections (PyThaiNLP's Norvig) loads its word counts in a
background thread after the first preview; until the dictionary is loaded nothing is marked.
Results are cached per paragraph text, so a keystroke costs one tokenization of one
paragraph (well under a millisecond).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

if TYPE_CHECKING:
    from dla_drafter.text.thaiwords import SortedWords

_THAI = re.compile(r"[\u0E01-\u0E4F]")

# Real words PyThaiNLP's word list lacks because they are one letter (or signs): ณ ("at", as
# in ณ ห้องประชุม), ธ (royal "he/she"), ฯ and its compounds. Marking them wrong taught clerks
# to ignore the underline.
SHORT_WORDS = frozenset({"ณ", "ธ", "ฯ", "ฯลฯ", "ฯพณฯ", "พณฯ"})
MAX_SUGGESTIONS = 5
_MAX_SUGGEST_LEN = 24  # a longer run is not one mistyped word: no guesses


class Suggestion(NamedTuple):
    """Replace ``text[start:end]`` by ``word``."""

    start: int
    end: int
    word: str
_THAI_DIGITS_OR_SIGNS = re.compile(r"^[\u0E50-\u0E59\u0E2F\u0E46.\s]+$")


def user_words_file() -> Path:
    """The clerk's word list, shared with line breaking (never the shipped list)."""
    from dla_drafter.userdirs import user_words_path

    return user_words_path()


def read_user_words(path: Path | None = None) -> list[str]:
    path = path or user_words_file()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


class SpellChecker(QObject):
    """Finds misspelled spans in a paragraph; ``ready`` fires when the dictionary is loaded."""

    ready = Signal()
    words_changed = Signal()

    def __init__(self, words_path: Path | None = None) -> None:
        super().__init__()
        self.words_path = words_path
        self._words: SortedWords | None = None  # the dictionary, once loaded
        self._cache: OrderedDict[str, list[tuple[int, int]]] = OrderedDict()
        self._guess_cache: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def is_ready(self) -> bool:
        return self._words is not None

    def start(self) -> None:
        """Load the dictionary in the background (idempotent; nothing to do once loaded)."""
        if self._thread is None and self._words is None:
            self._thread = threading.Thread(target=self._load, name="spell-load", daemon=True)
            self._thread.start()

    def load_now(self) -> None:
        """Load synchronously (tests, benchmarks)."""
        if self._words is None:
            self._load()

    def _load(self) -> None:
        try:
            from dla_drafter.text.thaiwords import default_words

            words = default_words().with_words(
                [*SHORT_WORDS, *read_user_words(self.words_path)])
        except Exception:  # no dictionary: spelling marks are a help, never a blocker
            return
        with self._lock:
            self._words = words
            self._cache.clear()
        self.ready.emit()
        self._guesses("ก")  # load the speller's word frequencies now, not on the first right-click
        from dla_drafter.ui.heap import settle

        settle()  # what the program has loaded lives as long as it: never walk it again

    def is_known(self, word: str) -> bool:
        return self._words is not None and word in self._words

    def misspelled(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of every run of Thai text that is not made of dictionary words."""
        words = self._words
        if words is None or not _THAI.search(text):
            return []
        cached = self._cache.get(text)
        if cached is not None:
            self._cache.move_to_end(text)
            return cached
        spans: list[tuple[int, int]] = []
        for start, token in self._tokens(text):
            if (
                not _THAI.search(token)
                or _THAI_DIGITS_OR_SIGNS.match(token)
                or token in words
                or token.strip("ๆฯ.") in words
            ):
                continue
            if spans and spans[-1][0] + spans[-1][1] == start:
                spans[-1] = (spans[-1][0], spans[-1][1] + len(token))
            else:
                spans.append((start, len(token)))
        self._cache[text] = spans
        if len(self._cache) > 500:
            self._cache.popitem(last=False)
        return spans

    def _tokens(self, text: str) -> list[tuple[int, str]]:
        """(start, token) of the newmm tokens of ``text``, with the dictionary in use (the
        tokens tile the text: blanks are tokens too)."""
        from dla_drafter.text.newmm import segment

        with self._lock:
            tokens = segment(text, self._words) if self._words is not None else []
        placed, pos = [], 0
        for token in tokens:
            placed.append((pos, token))
            pos += len(token)
        return placed

    def _guesses(self, word: str) -> list[str]:
        """PyThaiNLP's Peter Norvig speller ("pn"): its word frequencies ship with the package,
        so it works offline and downloads nothing. Empty when it is not available."""
        if word in self._guess_cache:
            return self._guess_cache[word]
        try:
            from pythainlp.spell import spell

            guesses = [g for g in spell(word, engine="pn") if g and g != word]
        except Exception:
            guesses = []
        self._guess_cache[word] = guesses
        return guesses

    def suggestions(self, text: str, position: int) -> list[Suggestion]:
        """Corrections for the marked run under ``position``, best first.

        A marked run is often a fragment of the mistyped word (``กาาร`` is tokenized
        ``กา`` + ``าร``, and only ``าร`` is marked), so the run joined with the token before
        it, then with the token after it, then alone; the first of these that gives words
        is used, and each suggestion says what it replaces. Only words of the dictionary
        (with the clerk's own) are offered.
        """
        if self._words is None:
            return []
        span = next(((s, n) for s, n in self.misspelled(text) if s <= position <= s + n), None)
        if span is None:
            return []
        start, end = span[0], span[0] + span[1]
        tokens = self._tokens(text)
        before = [s for s, t in tokens if s + len(t) == start and t.strip()]
        after = [s + len(t) for s, t in tokens if s == end and t.strip()]
        ranges = [(before[0], end)] if before else []
        ranges += [(start, after[0])] if after else []
        ranges.append((start, end))
        found: list[Suggestion] = []
        for a, b in ranges:
            word = text[a:b]
            if len(word) > _MAX_SUGGEST_LEN:
                continue
            for guess in self._guesses(word):
                if guess in self._words and all(f.word != guess for f in found):
                    found.append(Suggestion(a, b, guess))
            if found:
                break  # the first reading that gives words wins: no mixed guesses
        return found[:MAX_SUGGESTIONS]

    def word_at(self, text: str, position: int) -> str | None:
        """The misspelled run under a cursor position, if any."""
        for start, length in self.misspelled(text):
            if start <= position <= start + length:
                return text[start:start + length]
        return None

    def add_word(self, word: str) -> None:
        """Add to the user word list file, this dictionary and the line breaker."""
        word = word.strip()
        if not word:
            return
        path = self.words_path or user_words_file()
        existing = read_user_words(path)
        if word not in existing:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as fh:
                fh.write(word + "\n")
        with self._lock:
            if self._words is not None:
                self._words = self._words.with_words([word])
            self._cache.clear()
        try:
            from dla_drafter.text.wordbreak import default_breaker

            default_breaker().add_words([word])
        except Exception:
            pass  # line breaking picks the word up from the file on its next start
        self.words_changed.emit()


class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underline under misspelled runs of one paragraph editor."""

    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self.fmt = QTextCharFormat()
        self.fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.fmt.setUnderlineColor(QColor(Qt.GlobalColor.red))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for start, length in self.checker.misspelled(text):
            self.setFormat(start, length, self.fmt)
