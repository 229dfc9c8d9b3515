"""Thai words by maximal matching over character clusters ("newmm").

The algorithm is PyThaiNLP's ``newmm`` (Korakot Chaovavanich's notebooks, PyThaiNLP's
``tokenize/newmm.py``, Apache-2.0), written again here so that line breaking does not import
PyThaiNLP: importing it costs ~80 ms of a cold ``dla-drafter render``. ``segment(text,
words)`` returns what ``pythainlp.tokenize.word_tokenize(text, custom_dict=trie,
engine="newmm", join_broken_num=False)`` returns for a trie of the same words, word for
word (``tests/text/test_text_newmm.py`` holds it to that on every example letter and on
generated text), so the breaks of every letter stay where they were.

How it works: from the start of the text, every dictionary word that starts at a pending
position and ends on a cluster boundary (``tcc.py``) adds an edge of a graph and makes its
end a pending position; positions are taken in ascending order. Whenever a single position
is pending, every reading so far meets there: the text up to it is cut along the path with
the fewest words (breadth first, so among equals the one whose words were found first —
the shorter first words). When nothing is pending, the text there is no dictionary word:
a non-Thai run (Latin, a number, spaces, a newline) is taken whole, and Thai text up to the
next cluster boundary where a dictionary word longer than two consonants starts (or
non-Thai text does) is taken as one unknown word. When the graph holds more than
``MAX_GRAPH_SIZE`` edges, each further position adds only its shortest word, which keeps
long ambiguous runs from taking exponential time.
"""

from __future__ import annotations

import re
from collections import deque
from heapq import heappop, heappush
from typing import Protocol

from .tcc import tcc_boundaries

#: Edges the graph may hold before each position adds only its first word.
MAX_GRAPH_SIZE = 50

# What a run outside the dictionary is made of when it is not Thai: Latin letters (and
# hyphens), a number with its separators, blanks, one line end, or any other non-Thai text.
# ``\d`` is Unicode: Thai digits are numbers here too.
_NON_THAI = re.compile(
    r"[-a-zA-Z]+|\d+(?:[,.]\d+)*|[ \t]+|\r?\n|[^\u0e00-\u0e7f \t\r\n]+"
)
# Words of at most two consonants do not end an unknown word (too easily a false match).
_TWO_CONSONANTS = re.compile("[ก-ฮ]{0,2}$")


class Dictionary(Protocol):
    """What newmm asks of a dictionary: the words that start at ``text[start:]``, shortest
    first (as ``pythainlp.util.Trie.prefixes`` answers)."""

    def prefixes(self, text: str, start: int = 0) -> list[str]: ...


def segment(text: str, words: Dictionary) -> list[str]:
    """The words of ``text``; ``"".join(segment(text, words)) == text``."""
    if not text:
        return []
    n = len(text)
    bounds = tcc_boundaries(text)
    prefixes = words.prefixes
    out: list[str] = []
    pending = [0]  # a heap of positions a reading has reached, each once
    graph: dict[int, list[int]] = {}
    size = 0
    done = 0  # the text before this is in ``out``
    while pending[0] < n:
        begin = heappop(pending)
        ends: list[int] = []
        for word in prefixes(text, begin):
            end = begin + len(word)
            if bounds[end]:
                ends.append(end)
                size += 1
                if end not in pending:
                    heappush(pending, end)
                if size > MAX_GRAPH_SIZE:
                    break
        if ends:
            graph[begin] = ends
        if len(pending) == 1:
            for end in _fewest_words(graph, done, pending[0]):
                out.append(text[done:end])
                done = end
            graph = {}
            size = 0
        elif not pending:
            done = _unknown_end(text, begin, bounds, prefixes)
            out.append(text[begin:done])
            pending.append(done)
            graph = {}
            size = 0
    return out


def _fewest_words(graph: dict[int, list[int]], source: int, goal: int) -> list[int]:
    """The ends of the words on the first path breadth-first search finds from ``source`` to
    ``goal`` (``goal`` last)."""
    came_from = {source: source}
    queue = deque((source,))
    while queue:
        at = queue.popleft()
        for end in graph.get(at, ()):
            if end == goal:
                path = [goal]
                while at != source:
                    path.append(at)
                    at = came_from[at]
                path.reverse()
                return path
            if end not in came_from:
                came_from[end] = at
                queue.append(end)
    raise AssertionError("newmm: the pending position is not reachable")  # pragma: no cover


def _unknown_end(text: str, begin: int, bounds: bytearray, prefixes) -> int:
    """Where the text that starts no dictionary word at ``begin`` ends."""
    found = _NON_THAI.match(text, begin)
    if found:
        return found.end()
    for pos in range(begin + 1, len(text)):
        if not bounds[pos]:
            continue
        for word in prefixes(text, pos):
            if bounds[pos + len(word)] and not _TWO_CONSONANTS.match(word):
                return pos
        if _NON_THAI.match(text, pos):
            return pos
    return len(text)


__all__ = ["MAX_GRAPH_SIZE", "Dictionary", "segment"]
