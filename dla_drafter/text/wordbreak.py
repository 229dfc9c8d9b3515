"""Where a Thai line may break.

Thai is written without spaces between words, and Qt finds Thai word boundaries only through
the system's libthai (absent on Windows), so the typesetter breaks lines itself at the
offsets this module returns. Words come from the ``newmm`` maximal matching of ``newmm.py``
(PyThaiNLP's algorithm, written again so that a render does not import PyThaiNLP) with
PyThaiNLP's default Thai word list (``thaiwords.py``) plus our own list
(``resources/words/dla-words.txt``), which carries the agency names and administrative
terms newmm does not know.

Rules, on top of "only between words" (they follow UAX #14 where it applies to Thai):

* never inside a grapheme cluster: not before a combining mark, SARA AM or a following vowel
  (ะ า ๅ ำ), not after a leading vowel (เ แ โ ใ ไ);
* never before ๆ or ฯ, and ฯลฯ stays whole;
* never inside a Latin word, a number (``1,234.50``, ``๑๒.๓``, ``0-2241-9000``), a Thai
  abbreviation (``พ.ศ.``, ``ผอ.กศ.``), a URL or an e-mail address;
* never after an opening bracket or quote, never before a closing bracket, quote or
  punctuation; symbols (``/``, ``@``, ``°``, a no-break space…) join what is around them;
* a run of spaces is a break opportunity, and the break falls after the run (the next line
  starts with the next word; the typesetter drops the trailing spaces);
* a number may break from the Thai text after it (``๔๓ จังหวัด``, ``๔๓|จังหวัด``) but a Thai
  letter never breaks from a number straight after it (``ว๑๗๕๐``);
* inside a word from the user list, only at the places that list allows (see the file's
  header): an agency name is never cut where the clerk did not allow it;
* never between a title and the name it belongs to (``นาย|สมชาย``, ``ดร. |สมชาย``: the
  ``TITLES`` table), nor between a number and its classifier (``60 |คน``, ``๕ |ล้านบาท``:
  ``CLASSIFIERS``).

``breaks`` adds what only the line breaker should use, each with a penalty: a heavy one after
a standalone การ / ความ (a line ending "…การ" reads as a broken word), and breaks inside a URL
or an e-mail address after ``/ . _ ? & = #`` and before ``-`` (never inside a ``%xx``) for
when the link would otherwise leave a line half empty; and, as a last resort, between any two
characters of a link's long runs (a drive link's 40-character id), dearer than any other
break but cheaper than a line left short. A line never ends in a link's hyphen: viewers take
a hyphen at the end of a line for a word's hyphenation (PDFium copies it as U+FFFE, poppler
drops it and joins the lines), which changes the URL a reader copies.

``"".join(segments(text)) == text`` exactly, and every break point is a segment boundary.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path

from ..paths import resource
from .digits import link_spans
from .graphemes import EXTEND_CLASS, is_extending
from .newmm import segment as newmm_segment
from .thaiwords import SortedWords, default_words

LEADING_VOWELS = "เแโใไ"
FOLLOWING_VOWELS = "ะาๅำ"

# Characters that separate words and offer a break after them. Not the no-break spaces
# (U+00A0, U+2007, U+202F), which a clerk types precisely to keep two words together.
_SPACE_CLASS = "\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000"
_SPACES = frozenset(
    "\t\n\v\f\r \u1680\u2008\u2009\u200a\u200b\u2028\u2029\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x2007))
)

_SPACE_STR = "".join(sorted(_SPACES))

_WORD_CHAR = r"(?:[^\W_\u0e00-\u0e7f]|[๐-๙])"
# Thai letters, vowels, tone marks, ฯ and ๆ (not digits, not ๏ ๚ ๛).
_THAI_RUN = "\u0e01-\u0e4e"
_THAI_ABBR_PIECE = "\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e"

_TOKEN_RE = re.compile(
    rf"(?P<space>[{_SPACE_CLASS}]+)"
    # Latin (or any non-Thai script) words and numbers, with their inner punctuation:
    # 1,234.50  ๑๒.๓  0-2241-9000  e-mail  don't  COVID-19  5306.3/3367
    rf"|(?P<word>{_WORD_CHAR}(?:{_WORD_CHAR}|[{EXTEND_CLASS}]|[.,:/'’_\-‐](?={_WORD_CHAR}))*)"
    # Thai abbreviations at the start of a Thai run: พ.ศ.  ผอ.กง.สศ.  ร.อสถ.  กทม.
    rf"|(?P<abbr>(?<![\u0e01-\u0e4f])(?:[ก-ฮเ-ไ][{_THAI_ABBR_PIECE}]{{0,4}}\.)+)"
    rf"|(?P<thai>[{_THAI_RUN}]+)"
    r"|(?P<other>.)",
    re.DOTALL,
)


class _Kind(Enum):
    SPACE = "space"  # break after a run of these
    ALNUM = "alnum"  # letters and digits of any script
    EXT = "ext"  # marks, SARA AM, following vowels: never start a line
    LEAD = "lead"  # leading vowels: never end a line
    OPEN = "open"  # opening brackets and quotes: never end a line
    CLOSE = "close"  # closing brackets and quotes: never start a line, hold the next letter
    PUNCT = "punct"  # . , ; : ! ? … % ๆ ฯ dashes: never start a line
    QUOTE = "quote"  # " and ': opening or closing depending on what precedes
    GLUE = "glue"  # symbols: no break on either side (unless next to a space)


_OPEN = "([{⟨〈《「『【〔〖〘〚«‹“‘„‚๏"
_CLOSE = ")]}⟩〉》」』】〕〗〙〛»›”’"
_PUNCT = ".,;:!?…‥%‰‱℃℉ๆฯ๚๛、。-‐‒–—―"
_GLUE = "/\\@°\u00a0\u2007\u202f\u2011\u2060\ufeff\u00ad"
_INFIX = ".,:;"  # UAX #14 IS: no break before a letter or digit that follows directly

# --- break rules that read, not just parse (one table each) ------------------------------

#: Titles that belong to the name after them: no line break between (with or without a
#: space). Abbreviated ones may be chained (``ผศ.ดร.``, ``พล.ต.อ.``).
TITLES = frozenset({
    "นาย", "นาง", "นางสาว", "น.ส.", "เด็กชาย", "เด็กหญิง", "ด.ช.", "ด.ญ.", "ว่าที่ร้อยตรี",
    "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "ว่าที่", "ดร.", "ศ.", "รศ.", "ผศ.", "นพ.", "พญ.", "ทพ.",
    "ทพญ.", "ภก.", "ภญ.", "สพ.ญ.", "น.สพ.", "พล.อ.", "พล.ท.", "พล.ต.", "พ.อ.", "พ.ท.", "พ.ต.",
    "ร.อ.", "ร.ท.", "ร.ต.", "จ.ส.อ.", "ส.อ.", "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.",
    "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.", "ด.ต.", "จ.ส.ต.", "ส.ต.อ.", "ม.ร.ว.",
    "ม.ล.", "หม่อมราชวงศ์", "หม่อมหลวง", "คุณ",
})
#: Classifiers and units that stay with the number before them (``60 คน``, ``๑ ชุด``).
CLASSIFIERS = frozenset({
    "คน", "ราย", "ท่าน", "รูป", "องค์", "ชุด", "ฉบับ", "เล่ม", "แผ่น", "หน้า", "ข้อ", "รายการ",
    "เรื่อง", "ครั้ง", "รอบ", "รุ่น", "แห่ง", "หลัง", "ห้อง", "โรง", "คัน", "ลำ", "เครื่อง",
    "ตัว", "อัน", "ชิ้น", "ใบ", "กล่อง", "ถุง", "ขวด", "ซอง", "คู่", "กลุ่ม", "ทีม", "หน่วย",
    "อัตรา", "ตำแหน่ง", "บาท", "สตางค์", "ล้าน", "ล้านบาท", "แสน", "แสนบาท", "หมื่น",
    "หมื่นบาท", "พัน", "พันบาท", "ร้อย", "วัน", "คืน", "สัปดาห์", "เดือน", "ปี", "ชั่วโมง",
    "ชม.", "นาที", "วินาที", "ไร่", "งาน", "ตารางวา", "ตารางเมตร", "ตร.ม.", "เมตร", "กิโลเมตร",
    "กม.", "กิโลกรัม", "กก.", "กรัม", "ลิตร", "เปอร์เซ็นต์", "คะแนน", "ระดับ", "ชั้น",
    "โครงการ", "โรงเรียน", "อำเภอ", "ตำบล", "หมู่บ้าน",
})
#: Words a line should not end with when they stand alone: they start the noun after them
#: (การ|ประชุม, ความ|ร่วมมือ).
PREFIX_WORDS = frozenset({"การ", "ความ"})
#: Penalties of ``WordBreaker.breaks`` (0 = an ordinary break between words). The line
#: breaker weighs them against the badness of a line, whose scale is 100 for a line spaced
#: at the most it may be (``LayoutProfile.max_justify_gap_pt``).
PREFIX_PENALTY = 1000
LINK_PENALTY = 50
#: A break between two characters of a link's run: taken only when every other breaking
#: leaves a line short (``typeset.lines``: a short line costs over 5000).
LINK_RUN_PENALTY = 3000
#: Characters after which a URL or an e-mail address may break (no hyphen is added); a
#: hyphen is one of them but breaks before itself, so that no line ends in it.
LINK_BREAK_AFTER = "/.-_?&=#"
#: A last-resort break leaves at least this many characters of the link on each line.
LINK_RUN_MIN = 3
#: A title holds the name after it up to the next space, if that run is no longer than
#: this (characters); a longer run is text, not a name, and only the title stays with it.
MAX_NAME_RUN = 30

_TITLE_RE = re.compile("(?:" + "|".join(
    re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + ")+")
_NUMBER_RE = re.compile(r"[0-9๐-๙](?:[0-9๐-๙,.]*[0-9๐-๙])?")


@functools.lru_cache(maxsize=4096)
def _char_kind(ch: str) -> _Kind:
    if ch in _SPACES:
        return _Kind.SPACE
    if is_extending(ch) or ch in FOLLOWING_VOWELS:
        return _Kind.EXT
    if ch in LEADING_VOWELS:
        return _Kind.LEAD
    if ch in _OPEN:
        return _Kind.OPEN
    if ch in _CLOSE:
        return _Kind.CLOSE
    if ch in _PUNCT:
        return _Kind.PUNCT
    if ch in "\"'":
        return _Kind.QUOTE
    if ch in _GLUE:
        return _Kind.GLUE
    if unicodedata.category(ch)[0] in "LN":
        return _Kind.ALNUM
    return _Kind.GLUE


def _kind_at(text: str, i: int) -> _Kind:
    """Kind of ``text[i]``; a straight quote opens after a space, a bracket or the start."""
    kind = _char_kind(text[i])
    if kind is _Kind.QUOTE:
        if i == 0 or _char_kind(text[i - 1]) in (_Kind.SPACE, _Kind.OPEN):
            return _Kind.OPEN
        return _Kind.CLOSE
    return kind


def _is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"


def _is_digit(ch: str) -> bool:
    return ch.isdigit()


def _starts_leader(text: str, i: int) -> bool:
    return text[i] == "…" or text.startswith("..", i)


def _may_break(text: str, i: int) -> bool:
    """May a line end at ``text[:i]`` and the next start at ``text[i:]``? (0 < i < len)"""
    kp = _kind_at(text, i - 1)
    kn = _kind_at(text, i)
    if kn is _Kind.SPACE:
        return False  # the break comes after the whole run of spaces
    if kp is _Kind.SPACE:
        # After spaces anything may start a line except what must cling to the word before
        # it; a dot leader ("ลงชื่อ ............") may, though a single "." may not.
        # A no-break space (GLUE) never starts a line either.
        return (kn not in (_Kind.EXT, _Kind.CLOSE, _Kind.PUNCT, _Kind.GLUE)
                or _starts_leader(text, i))
    if kn in (_Kind.EXT, _Kind.CLOSE, _Kind.PUNCT):
        return False
    if kn is _Kind.GLUE or kp in (_Kind.GLUE, _Kind.OPEN, _Kind.LEAD):
        return False
    p, n = text[i - 1], text[i]
    if kn is _Kind.ALNUM and (p in _INFIX or kp is _Kind.CLOSE):
        return False  # พ.ศ.2565, e.g.x, (ก)ข
    if kp is _Kind.ALNUM and kn is _Kind.OPEN:
        return False  # word( and word“ stay together
    if _is_thai_letter(p) and _is_digit(n):
        return False  # ว๑๗๕๐, ข้อ1
    return not text.startswith("ฯลฯ", i - 1)


# --- dictionaries --------------------------------------------------------------------------


def _parse_entry(raw: str) -> tuple[str, tuple[int, ...]] | None:
    """``"กรม|ส่งเสริม"`` → ``("กรมส่งเสริม", (3,))``: the word and where it may break."""
    pieces = [p.strip() for p in raw.split("|")]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    cuts: list[int] = []
    length = 0
    for piece in pieces[:-1]:
        length += len(piece)
        cuts.append(length)
    return "".join(pieces), tuple(cuts)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].strip()


def read_word_file(path: str | Path) -> list[str]:
    """Words of a word-list file: one a line, ``#`` starts a comment, ``|`` marks the only
    places a word may break.

    UTF-8 (with or without BOM); falls back to Windows-874, which Thai Windows Notepad writes
    as "ANSI", so a list an office edited by hand still loads.
    """
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp874", errors="replace")
    words = []
    for line in text.splitlines():
        word = _strip_comment(line)
        if word:
            words.append(word)
    return words


def shipped_words_path() -> Path:
    """The word list shipped with the program (``resources/words/dla-words.txt``)."""
    return resource("words", "dla-words.txt")


# --- the breaker ---------------------------------------------------------------------------


class WordBreaker:
    """Thai word segmentation and line-break opportunities with a user word list.

    ``extra_words`` may use ``|`` to mark where a long name may break (``กรม|ส่งเสริม|…``); a
    word without ``|`` is never broken. Results are cached per text (the preview re-typesets
    on every keystroke, and most paragraphs have not changed); ``add_words`` clears the cache.
    Thread-safe.
    """

    def __init__(self, extra_words: Iterable[str] = (), *, cache_size: int = 512) -> None:
        self._lock = threading.RLock()
        # PyThaiNLP's words and the pieces of ours (``_own``), merged into one sorted list
        self._own: set[str] = set()
        self._words: SortedWords = default_words()
        self._entries: dict[str, tuple[int, ...]] = {}
        self._by_head: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        self._analyse = functools.lru_cache(maxsize=cache_size)(self._compute)
        # bumped whenever the words change, so caches built on the breaks (the typesetter's
        # broken lines) know theirs are stale
        self.generation = 0
        # Thai runs (text between spaces and punctuation) recur across paragraphs and across
        # keystrokes in one paragraph: only the run being edited needs newmm again.
        self._tokenize_run = functools.lru_cache(maxsize=8 * cache_size)(self._newmm)
        self.add_words(extra_words)

    @classmethod
    def from_files(cls, paths: Iterable[str | Path] = (), *, shipped: bool = True) -> WordBreaker:
        """A breaker with the shipped word list (unless ``shipped=False``) and the words of
        every file in ``paths``. Missing files are skipped: an office's own list is optional.
        """
        words: list[str] = []
        files = [shipped_words_path(), *paths] if shipped else list(paths)
        for path in files:
            if Path(path).is_file():
                words.extend(read_word_file(path))
        return cls(words)

    @property
    def extra_words(self) -> dict[str, tuple[int, ...]]:
        """The user words (joined) and the offsets where each may break; a copy."""
        with self._lock:
            return dict(self._entries)

    def add_words(self, words: Iterable[str]) -> None:
        """Add words (``|`` marks allowed breaks); later entries of the same word win."""
        with self._lock:
            changed = False
            for raw in words:
                parsed = _parse_entry(_strip_comment(raw) if "#" in raw else raw.strip())
                if parsed is None:
                    continue
                word, cuts = parsed
                if self._entries.get(word) == cuts:
                    continue
                self._entries[word] = cuts
                changed = True
                for piece in _pieces(word, cuts):
                    if not any(ch in _SPACES for ch in piece):
                        self._own.add(piece)
            if changed:
                self._words = default_words().with_words(self._own)
                by_head: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
                for word, cuts in self._entries.items():
                    if len(word) > 1:  # a single character cannot be broken anyway
                        by_head.setdefault(word[:2], []).append((word, cuts))
                for entries in by_head.values():
                    entries.sort(key=lambda e: len(e[0]), reverse=True)
                self._by_head = by_head
                self._tokenize_run.cache_clear()
                self._analyse.cache_clear()
                self.generation += 1

    def segments(self, text: str) -> list[str]:
        """Words, spaces (a run of them is one segment), numbers, links and punctuation, in
        order; ``"".join(segments) == text``."""
        return list(self._analyse(text)[0])

    def break_points(self, text: str) -> list[int]:
        """Offsets ``0 < i < len(text)`` where a line may end at ``text[:i]``, ascending."""
        return list(self._analyse(text)[1])

    def breaks(self, text: str) -> list[tuple[int, int]]:
        """``(offset, penalty)`` of every place the line breaker may end a line, ascending:
        the break points (penalty 0, or ``PREFIX_PENALTY`` after a standalone การ / ความ)
        and the places inside links (``LINK_PENALTY``, and ``LINK_RUN_PENALTY`` inside a
        link's runs)."""
        return list(self._analyse(text)[2])

    # -- internals

    def _compute(
        self, text: str
    ) -> tuple[tuple[str, ...], tuple[int, ...], tuple[tuple[int, int], ...]]:
        with self._lock:
            bounds = self._boundaries(text)
        cuts = sorted(bounds)
        edges = [0, *cuts, len(text)]
        segs = tuple(text[a:b] for a, b in zip(edges, edges[1:], strict=False) if b > a)
        lead = len(text) - len(text.lstrip(_SPACE_STR))
        points = {i for i in cuts if i > lead and _may_break(text, i)}
        penalties = _reading_rules(text, segs, points, self._is_word)
        breaks = {i: penalties.get(i, 0) for i in points}
        for i, penalty in _link_breaks(text):
            if i > lead:
                breaks.setdefault(i, penalty)
        return segs, tuple(sorted(points)), tuple(sorted(breaks.items()))

    def _boundaries(self, text: str) -> set[int]:
        n = len(text)
        bounds: set[int] = set()
        locked = bytearray(n + 1)  # 1 = strictly inside a link, word, number or abbreviation

        def add_token(a: int, b: int, lock: bool) -> None:
            bounds.add(a)
            bounds.add(b)
            if lock:
                locked[a + 1 : b] = b"\x01" * max(0, b - a - 1)

        pos = 0
        for start, end in [*link_spans(text), (n, n)]:
            for m in _TOKEN_RE.finditer(text, pos, start):
                a, b = m.span()
                if m.lastgroup == "thai":
                    for word in self._tokenize_run(m.group()):
                        add_token(a, a + len(word), False)
                        a += len(word)
                else:
                    add_token(a, b, m.lastgroup in ("word", "abbr"))
            if end > start:
                add_token(start, end, True)
            pos = end

        for s, e, word_cuts in self._user_spans(text, locked):
            bounds.difference_update(range(s + 1, e))
            bounds.add(s)
            bounds.add(e)
            bounds.update(s + c for c in word_cuts)

        bounds.discard(0)
        bounds.discard(n)
        return bounds

    def _is_word(self, word: str) -> bool:
        return word in self._words

    def _newmm(self, run: str) -> tuple[str, ...]:
        return tuple(newmm_segment(run, self._words))

    def _user_spans(
        self, text: str, locked: bytearray
    ) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        """Leftmost-longest occurrences of user words whose edges fall between clusters and
        outside links, numbers and Latin words."""
        by_head = self._by_head
        n = len(text)
        i = 0
        while i < n:
            entries = by_head.get(text[i : i + 2])
            if entries and not locked[i] and not (i and text[i - 1] in LEADING_VOWELS):
                for word, cuts in entries:
                    e = i + len(word)
                    if (
                        text.startswith(word, i)
                        and not locked[e]
                        and not (e < n and _char_kind(text[e]) is _Kind.EXT)
                    ):
                        yield i, e, cuts
                        i = e
                        break
                else:
                    i += 1
            else:
                i += 1


def _reading_rules(text: str, segs: tuple[str, ...], points: set[int],
                   is_word: Callable[[str], bool]) -> dict[int, int]:
    """Apply the tables above to the break points (in place): drop the breaks between a
    title and the end of the name after it, and between a number and its classifier; return
    the penalties of the breaks after a standalone การ / ความ. ``is_word`` tells a
    dictionary word that merely starts like a title (นายก, นางพยาบาล) from a title newmm
    glued to an unknown name (นายสม|ชาย)."""
    starts: list[int] = []
    pos = 0
    for seg in segs:
        starts.append(pos)
        pos += len(seg)
    n = len(text)
    penalties: dict[int, int] = {}
    for k, seg in enumerate(segs):
        start = starts[k]
        end = start + len(seg)
        title = _TITLE_RE.match(seg)
        if title and (title.end() == len(seg) or not is_word(seg)):
            name = title.end() + start
            while name < n and text[name] in _SPACES:
                name += 1
            if name < n and text[name].isalpha():
                stop = name
                while stop < n and text[stop] not in _SPACES:
                    stop += 1
                if stop - start > MAX_NAME_RUN:  # not a name: keep only the title with it
                    stop = name + 1
                points.difference_update(range(start + 1, stop))
            continue
        if _NUMBER_RE.fullmatch(seg):
            j = k + 1
            while j < len(segs) and segs[j][0] in _SPACES:
                j += 1
            last = None
            while j < len(segs) and segs[j] in CLASSIFIERS:  # ๕ ล้าน|บาท: the whole unit
                last = starts[j] + len(segs[j])
                j += 1
            if last is not None:
                points.difference_update(range(end, last))
            continue
        if seg in PREFIX_WORDS and end in points:
            penalties[end] = PREFIX_PENALTY
    return penalties


def _link_breaks(text: str) -> list[tuple[int, int]]:
    """(offset, penalty) of the breaks inside URLs and e-mail addresses: after a run of
    ``LINK_BREAK_AFTER`` characters (``https://|bit.ly/|3I4Rmeo``) but before a hyphen
    (``1FAIpQLSd|-GGVX``), at ``LINK_PENALTY``; between two other characters, at
    ``LINK_RUN_PENALTY``; never inside a ``%xx`` escape, never after a hyphen."""
    out: list[tuple[int, int]] = []
    for start, end in link_spans(text):
        for i in range(start + 2, end - 1):
            before, after = text[i - 1], text[i]
            if "%" in text[max(start, i - 2):i + 1] or before == "-":
                continue
            if after == "-":
                if before not in LINK_BREAK_AFTER:
                    out.append((i, LINK_PENALTY))
            elif before in LINK_BREAK_AFTER:
                if after not in LINK_BREAK_AFTER:
                    out.append((i, LINK_PENALTY))
            elif after not in LINK_BREAK_AFTER and \
                    min(i - start, end - i) >= LINK_RUN_MIN and \
                    not is_extending(after):
                out.append((i, LINK_RUN_PENALTY))
    return out


def _pieces(word: str, cuts: tuple[int, ...]) -> list[str]:
    edges = [0, *cuts, len(word)]
    return [word[a:b] for a, b in zip(edges, edges[1:], strict=False)]


_DEFAULT: WordBreaker | None = None
_DEFAULT_LOCK = threading.Lock()


def default_breaker() -> WordBreaker:
    """The process-wide breaker: the shipped word list plus the clerk's own
    (``userdirs.user_words_path``), so the program and the command line break the same
    letter the same way. Built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                from ..userdirs import user_words_path

                _DEFAULT = WordBreaker.from_files([user_words_path()])
    return _DEFAULT


__all__ = [
    "CLASSIFIERS",
    "FOLLOWING_VOWELS",
    "LINK_PENALTY",
    "LINK_RUN_PENALTY",
    "PREFIX_PENALTY",
    "TITLES",
    "LEADING_VOWELS",
    "WordBreaker",
    "default_breaker",
    "read_word_file",
    "shipped_words_path",
]
