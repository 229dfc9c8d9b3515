"""Grapheme clusters, the units Thai distributed justification spreads space between.

Justification (``thaiDistribute``) widens a line by adding the same letter spacing after every
cluster. Spacing must never land between a base letter and the marks drawn on it, or a tone
mark drifts off its consonant. So a cluster here is a base character plus everything that is
drawn on or attached to it:

* combining marks: Unicode categories Mn and Me (Thai above/below vowels U+0E31,
  U+0E34–U+0E3A and tone marks U+0E47–U+0E4E are Mn), plus Mc spacing marks (Indic vowel
  signs — harmless for Thai and right for any other script a clerk pastes in), ZWNJ and ZWJ;
* SARA AM U+0E33. It is a letter (Lo), not a mark, so a "category Mn" test splits it off;
  UAX #29 lists it as a SpacingMark, which only extended clusters keep attached. We always
  keep it with the consonant before it because its nikhahit part is drawn over that
  consonant (น้ำ is one cluster, not น้ + ำ).

Leading vowels เ แ โ ใ ไ and following vowels ะ า ๅ are letters, so they are clusters of
their own — exactly like a Thai typist's justification. CR LF stays together.

The pattern is compiled once at import: ``clusters`` runs on every line of every page.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import _marks

SARA_AM = "\u0e33"

# Thai combining marks, listed explicitly so the intent survives any Unicode version.
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"

_MARK_CATEGORIES = frozenset({"Mn", "Me", "Mc"})


def _mark_ranges() -> list[tuple[int, int]]:
    """Every Mn/Me/Mc code point, as inclusive ranges, from this Python's Unicode tables.

    Computed rather than hard-coded so it follows the interpreter's Unicode version. Combining
    marks live below U+1F000 plus the variation selectors supplement; scanning just those
    takes about 25 ms, once, at import.
    """
    ranges: list[tuple[int, int]] = []
    scan = (range(0x0300, 0x1F000), range(0xE0100, 0xE01F0))
    for block in scan:
        for cp in block:
            if unicodedata.category(chr(cp)) in _MARK_CATEGORIES:
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1] = (ranges[-1][0], cp)
                else:
                    ranges.append((cp, cp))
    return ranges


def _class_body(ranges: list[tuple[int, int]]) -> str:
    parts = []
    for lo, hi in ranges:
        first, last = re.escape(chr(lo)), re.escape(chr(hi))
        parts.append(first if lo == hi else f"{first}-{last}")
    return "".join(parts)


# the scan is the import's whole cost: take the ranges from the table made for this Unicode
# version, scanning only under an interpreter with other tables
_RANGES = (list(_marks.RANGES) if unicodedata.unidata_version == _marks.UNIDATA_VERSION
           else _mark_ranges())

#: Body of a regex character class (without brackets) matching every character that extends
#: the cluster before it: combining marks, ZWNJ/ZWJ and SARA AM. Shared with ``wordbreak``.
EXTEND_CLASS = _class_body(_RANGES) + _THAI_MARKS + "\u200c\u200d" + SARA_AM

_EXTEND_SET = frozenset(
    {chr(cp) for lo, hi in _RANGES for cp in range(lo, hi + 1)}
    | {chr(cp) for cp in (*range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F), 0x0E31)}
    | {"\u200c", "\u200d", SARA_AM}
)

_CLUSTER = re.compile(rf"(?:\r\n|.)[{EXTEND_CLASS}]*", re.DOTALL)

del _RANGES


def is_extending(ch: str) -> bool:
    """True when ``ch`` belongs to the cluster before it (a mark, ZWJ/ZWNJ or SARA AM): no
    letter spacing and no line break may come before it."""
    return ch in _EXTEND_SET


@functools.lru_cache(maxsize=4096)
def _cluster_tuple(text: str) -> tuple[str, ...]:
    # Every keystroke re-typesets the letter, and the lines of the paragraphs not edited are
    # the same strings as before: remembering their clusters saves the regex scan of every
    # line on every keystroke (about a third of a re-typeset's time).
    return tuple(_CLUSTER.findall(text))


def cluster_tuple(text: str) -> tuple[str, ...]:
    """``clusters(text)`` as a shared tuple (no copy): for hot paths that only read it."""
    return _cluster_tuple(text)


def clusters(text: str) -> list[str]:
    """Split ``text`` into grapheme clusters; ``"".join(clusters(t)) == t`` always.

    A mark at the very start of ``text`` (nothing to sit on) forms a cluster of its own,
    together with any marks after it.
    """
    return list(_cluster_tuple(text))


def cluster_count(text: str) -> int:
    """How many grapheme clusters ``text`` has."""
    return len(_cluster_tuple(text))


def gap_count(text: str) -> int:
    """Number of gaps between clusters (clusters − 1, and 0 for empty text): how many places
    distributed justification spreads a line's slack over."""
    if not text:
        return 0
    return cluster_count(text) - 1


__all__ = ["EXTEND_CLASS", "SARA_AM", "cluster_count", "cluster_tuple", "clusters", "gap_count",
           "is_extending"]
