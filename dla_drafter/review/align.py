"""Which paragraphs of two versions correspond, and which runs of words moved between them.

A clerk who presses Enter in the middle of a paragraph has not deleted a paragraph and
written two new ones, and a sentence cut from paragraph 2 and pasted into paragraph 4 was not
deleted and re-typed; the supervisor reading the diff should see "split", "merged" and
"moved". This module finds them, with no knowledge of letters or paths: :mod:`.diff` builds
the changes.

**Paragraphs** (:func:`align`). Items equal in both lists are matched first, in order
(``difflib``), exactly as before; each stretch between two equal items is then aligned by the
cheapest sequence of steps. Texts are compared as multisets of character trigrams (spaces
left out), so a cut inside what the word breaker took for one word — a signer's position line
split after ผู้อำนวยการ — still matches; the cost of a step is the number of trigrams it
leaves unexplained:

* *changed* — one old item for one new (the trigrams of each not found in the other);
* *split* — one old item for 2–4 consecutive new ones, and *merged* — 2–4 consecutive old
  ones for one new (the same cost against their trigrams together, plus
  :data:`SPLIT_PENALTY` per extra piece). Each piece must bring at least
  :data:`PIECE_SHARE` of its own trigrams from the other side *beyond what the other pieces
  already bring*, so a new paragraph that merely repeats a phrase is not half of a split;
* *removed* / *added* — an item on one side only (all its trigrams, plus one).

Ties go to pairing items at the same place in the stretch, as the diff always did. Two shortcuts
keep it quick: a stretch whose items pair off in order, each sharing :data:`SAME` of its
trigrams with its partner (paragraphs edited where they stand — the usual round), is paired
without a search; and the search keeps within :data:`BAND` places of the diagonal. A stretch
of more than :data:`DP_LIMIT` cells (only hostile files) is paired in order.

**Moved words** (:func:`find_moves`), on the word breaker's words. Among the runs of deleted
and of inserted words (each inside one paragraph), the longest common run of at least
:data:`MIN_MOVE_WORDS` words and :data:`MIN_MOVE_CHARS` characters (spaces not counted)
between a deletion and an insertion that are not the two halves of one replacement is a
move; it is cut out of both runs and the search repeats. Only pairs of runs sharing a run of
:data:`MIN_MOVE_WORDS` words are compared, and at most :data:`MOVE_BUDGET` words in all (only
a hostile file reaches it: the rest then shows as deleted and inserted). Spaces right around
a moved run go with it, so cutting "ประโยค " leaves no lone deleted space behind.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_PIECES = 4
"""A paragraph split into (or merged from) at most this many."""
SPLIT_PENALTY = 2
"""What a split or a merge costs per extra piece, in trigrams: it must explain more."""
PIECE_SHARE = 0.5
"""The share of each piece's own trigrams it must bring from the other side."""
SAME = 0.8
"""Two paragraphs sharing this much of each one's trigrams are one paragraph, edited."""
BAND = 6
"""How far from the diagonal (beyond the difference in length) a stretch is searched."""
DP_LIMIT = 1_000
"""Cells of one changed stretch searched; beyond this, paired in order."""
MIN_MOVE_WORDS = 3
MIN_MOVE_CHARS = 12
MOVE_BUDGET = 200_000
"""Words compared while looking for moves; past it the search stops."""


def is_space(token: str) -> bool:
    return token.isspace() or not token


def bag(text: str) -> Counter[str]:
    """A text as the multiset of its character trigrams, spaces left out (a text shorter
    than three characters is one gram)."""
    plain = "".join(text.split())
    if len(plain) < 3:
        return Counter([plain] if plain else [])
    return Counter(plain[i:i + 3] for i in range(len(plain) - 2))


def overlap(a: Counter[str], b: Counter[str]) -> int:
    """How many grams ``a`` and ``b`` have in common (as multisets)."""
    if len(a) > len(b):
        a, b = b, a
    total = 0
    get = b.get
    for gram, count in a.items():
        other = get(gram)
        if other:
            total += count if count < other else other
    return total


def size(grams: Counter[str]) -> int:
    return sum(grams.values())


def likeness(a: Counter[str], b: Counter[str]) -> float:
    """0 (nothing in common) … 1 (the same grams)."""
    total = size(a) + size(b)
    return 2 * overlap(a, b) / total if total else 1.0


@dataclass(frozen=True)
class Group:
    """Old items ``old`` correspond to new items ``new`` (indices into the two lists)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    equal: bool = False

    @property
    def kind(self) -> str:
        """``equal``, ``changed``, ``split``, ``merged``, ``removed`` or ``added``."""
        if self.equal:
            return "equal"
        if not self.new:
            return "removed"
        if not self.old:
            return "added"
        if len(self.old) == 1 and len(self.new) == 1:
            return "changed"
        return "split" if len(self.old) == 1 else "merged"


Words = Callable[[str], Sequence[str]]


def align(old: Sequence[str], new: Sequence[str], words: Words | None = None) -> list[Group]:
    """Every item of both lists of texts in exactly one group, in reading order. ``words``
    (the word breaker) makes the common case quick: items edited where they stand are told
    by their words, without trigrams."""
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    groups: list[Group] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            groups.extend(Group((i1 + k,), (j1 + k,), True) for k in range(i2 - i1))
        elif i2 - i1 == j2 - j1 and words is not None and all(
            _same_words(words(old[i1 + k]), words(new[j1 + k])) for k in range(i2 - i1)
        ):
            groups.extend(_in_order(i1, i2, j1, j2))  # each edited where it stands
        else:
            groups.extend(_stretch(old, new, i1, i2, j1, j2))
    return groups


def _same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two texts sharing :data:`SAME` of each one's characters, counted by whole words."""
    mine, theirs = Counter(a), Counter(b)
    shared = sum(min(n, theirs[w]) * len(w) for w, n in mine.items() if w in theirs)
    return shared >= SAME * max(sum(map(len, a)), sum(map(len, b)))


def _in_order(i1: int, i2: int, j1: int, j2: int) -> list[Group]:
    paired = min(i2 - i1, j2 - j1)
    out = [Group((i1 + k,), (j1 + k,)) for k in range(paired)]
    out.extend(Group((i,), ()) for i in range(i1 + paired, i2))
    out.extend(Group((), (j,)) for j in range(j1 + paired, j2))
    return out


def _pieces_cost(one: Counter[str], one_size: int, pieces: list[Counter[str]],
                 sizes: list[int], alone: Callable[[int], int]) -> int | None:
    """The cost of ``one`` item standing for ``pieces`` (a split or a merge), or None when
    some piece does not bring its share. ``alone(p)`` is piece ``p``'s overlap with ``one``."""
    if sum(sizes) > one_size / PIECE_SHARE:  # together they cannot all bring their share
        return None
    for index, grams in enumerate(sizes):
        if alone(index) < PIECE_SHARE * grams:  # a piece brings no more than it shares
            return None
    # In one pass over ``one``'s grams: what all pieces share with it, and what each set of
    # pieces but one shares (the difference is what that piece brings beyond the others).
    shared_all = 0
    without = [0] * len(pieces)
    gets = [piece.get for piece in pieces]
    for gram, count in one.items():
        counts = [get(gram, 0) for get in gets]
        total = sum(counts)
        if not total:
            continue
        shared_all += min(count, total)
        for index, own in enumerate(counts):
            without[index] += min(count, total - own)
    for index, grams in enumerate(sizes):
        if shared_all - without[index] < PIECE_SHARE * grams:
            return None
    return one_size + sum(sizes) - 2 * shared_all + SPLIT_PENALTY * (len(pieces) - 1)


def _stretch(old: Sequence[str], new: Sequence[str], i1: int, i2: int, j1: int,
             j2: int) -> list[Group]:
    """The cheapest alignment of ``old[i1:i2]`` with ``new[j1:j2]`` (no item equal)."""
    n, m = i2 - i1, j2 - j1
    low, high = min(0, m - n) - BAND, max(0, m - n) + BAND  # the band of j - i searched
    if n == 0 or m == 0 or n * (high - low + 1) > DP_LIMIT:
        return _in_order(i1, i2, j1, j2)
    bags_old = [bag(old[i]) for i in range(i1, i2)]
    bags_new = [bag(new[j]) for j in range(j1, j2)]
    w_old = [size(b) for b in bags_old]
    w_new = [size(b) for b in bags_new]
    shared: dict[tuple[int, int], int] = {}

    def common(i: int, j: int) -> int:
        if (i, j) not in shared:
            shared[i, j] = overlap(bags_old[i], bags_new[j])
        return shared[i, j]

    if n == m and all(common(k, k) >= SAME * max(w_old[k], w_new[k]) for k in range(n)):
        return _in_order(i1, i2, j1, j2)  # each edited where it stands: nothing to search

    infinity = (1 << 62, 0)
    cost = [[infinity] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = (0, 0)

    def relax(i: int, j: int, di: int, dj: int, add: int, skew: int) -> None:
        here = cost[i][j]
        value = (here[0] + add, here[1] + skew)
        if value < cost[i + di][j + dj]:
            cost[i + di][j + dj] = value
            back[i + di][j + dj] = (di, dj)

    for i in range(n + 1):
        for j in range(max(0, i + low), min(m, i + high) + 1):
            if cost[i][j] == infinity:
                continue
            if i < n and j < m:
                relax(i, j, 1, 1, w_old[i] + w_new[j] - 2 * common(i, j), abs(i - j))
                for k in range(2, MAX_PIECES + 1):
                    if j + k <= m:
                        split = _pieces_cost(bags_old[i], w_old[i], bags_new[j:j + k],
                                             w_new[j:j + k], lambda p, i=i, j=j: common(i, j + p))
                        if split is not None:
                            relax(i, j, 1, k, split, abs(i - j))
                    if i + k <= n:
                        merge = _pieces_cost(bags_new[j], w_new[j], bags_old[i:i + k],
                                             w_old[i:i + k], lambda p, i=i, j=j: common(i + p, j))
                        if merge is not None:
                            relax(i, j, k, 1, merge, abs(i - j))
            if i < n:
                relax(i, j, 1, 0, w_old[i] + 1, 0)
            if j < m:
                relax(i, j, 0, 1, w_new[j] + 1, 0)

    steps: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None  # every cell reached has a way back
        di, dj = step
        steps.append((i - di, j - dj, di, dj))
        i, j = i - di, j - dj
    steps.reverse()
    return [
        Group(tuple(range(i1 + i, i1 + i + di)), tuple(range(j1 + j, j1 + j + dj)))
        for i, j, di, dj in steps
    ]


# --------------------------------------------------------------------------- moves


@dataclass(frozen=True)
class Run:
    """Deleted (or inserted) tokens ``start:end`` of text ``slot``, all in one paragraph;
    ``edit`` names the replacement they belong to (its two halves are never a move)."""

    slot: int
    edit: int
    start: int
    end: int


@dataclass(frozen=True)
class Move:
    """Old tokens ``old_start:old_end`` of text ``old_slot`` went to new tokens
    ``new_start:new_end`` of text ``new_slot`` (spaces around included)."""

    old_slot: int
    old_start: int
    old_end: int
    new_slot: int
    new_start: int
    new_end: int


@dataclass
class _Words:
    """A run's words (no spaces), where each is among the tokens, and its word n-grams."""

    run: Run
    keys: list[str]
    where: list[int]
    grams: set[tuple[str, ...]]


def _words_of(tokens: Sequence[str], run: Run) -> _Words:
    keys: list[str] = []
    where: list[int] = []
    for index in range(run.start, run.end):
        if not is_space(tokens[index]):
            keys.append(tokens[index])
            where.append(index)
    n = MIN_MOVE_WORDS
    grams = {tuple(keys[i:i + n]) for i in range(len(keys) - n + 1)}
    return _Words(run, keys, where, grams)


# (characters, words, out start, out end, in start, in end) of the best common run
_Match = tuple[int, int, int, int, int, int]


class _Search:
    """The state of :func:`find_moves`: the runs left on each side, an index of the
    inserted runs' word n-grams, and the best match of each pair of runs compared."""

    def __init__(self, old: Sequence[Sequence[str]], new: Sequence[Sequence[str]]) -> None:
        self.old, self.new = old, new
        self.outs: dict[int, _Words] = {}
        self.ins: dict[int, _Words] = {}
        self.index: dict[tuple[str, ...], set[int]] = {}
        self.best: dict[tuple[int, int], _Match] = {}
        self.budget = MOVE_BUDGET
        self.next_id = 0

    def add_out(self, run: Run) -> None:
        words = _words_of(self.old[run.slot], run)
        if not words.grams or self.budget <= 0:
            return
        self.next_id += 1
        self.outs[self.next_id] = words
        candidates: set[int] = set()
        for gram in words.grams:
            found = self.index.get(gram)
            if found:
                candidates |= found
        self.budget -= len(words.grams) + len(candidates)
        for in_id in sorted(candidates):
            self._compare(self.next_id, in_id)

    def add_in(self, run: Run) -> None:
        words = _words_of(self.new[run.slot], run)
        if not words.grams or self.budget <= 0:
            return
        self.next_id += 1
        self.ins[self.next_id] = words
        for gram in words.grams:
            self.index.setdefault(gram, set()).add(self.next_id)
        self.budget -= len(words.grams) + len(self.outs)
        for out_id, out in list(self.outs.items()):
            if not out.grams.isdisjoint(words.grams):
                self._compare(out_id, self.next_id)

    def _compare(self, out_id: int, in_id: int) -> None:
        out, into = self.outs[out_id], self.ins[in_id]
        if self.budget <= 0 or (out.run.slot, out.run.edit) == (into.run.slot, into.run.edit):
            return
        self.budget -= len(out.keys) + len(into.keys)
        matcher = difflib.SequenceMatcher(None, out.keys, into.keys, autojunk=False)
        a, b, count = matcher.find_longest_match(0, len(out.keys), 0, len(into.keys))
        chars = sum(len(k) for k in out.keys[a:a + count])
        if count >= MIN_MOVE_WORDS and chars >= MIN_MOVE_CHARS:
            self.best[out_id, in_id] = (chars, count, out.where[a], out.where[a + count - 1] + 1,
                                        into.where[b], into.where[b + count - 1] + 1)

    def take_best(self) -> tuple[Run, Run, _Match] | None:
        if not self.best:
            return None
        # the most characters; of equals, the earliest pair compared (a stable choice)
        (out_id, in_id), found = max(self.best.items(), key=lambda item: item[1][:2])
        out_run, in_run = self.outs.pop(out_id).run, self.ins.pop(in_id).run
        self.best = {pair: m for pair, m in self.best.items()
                     if pair[0] != out_id and pair[1] != in_id}
        for ids in self.index.values():
            ids.discard(in_id)
        return out_run, in_run, found


def find_moves(old: Sequence[Sequence[str]], new: Sequence[Sequence[str]],
               deleted: Sequence[Run], inserted: Sequence[Run]) -> list[Move]:
    """The runs of words that moved: ``old``/``new`` are each text's tokens by slot."""
    search = _Search(old, new)
    for run in inserted:
        search.add_in(run)
    for run in deleted:
        search.add_out(run)
    moves: list[Move] = []
    while (taken := search.take_best()) is not None:
        out_run, in_run, (_, _, out_start, out_end, in_start, in_end) = taken
        out_start, out_end = _with_spaces(old[out_run.slot], out_run, out_start, out_end)
        in_start, in_end = _with_spaces(new[in_run.slot], in_run, in_start, in_end)
        moves.append(Move(out_run.slot, out_start, out_end, in_run.slot, in_start, in_end))
        for start, end in ((in_run.start, in_start), (in_end, in_run.end)):
            if end > start:
                search.add_in(Run(in_run.slot, in_run.edit, start, end))
        for start, end in ((out_run.start, out_start), (out_end, out_run.end)):
            if end > start:
                search.add_out(Run(out_run.slot, out_run.edit, start, end))
    return moves


def _with_spaces(tokens: Sequence[str], run: Run, start: int, end: int) -> tuple[int, int]:
    """Take the run's spaces right before and after a moved stretch along with it."""
    while start > run.start and is_space(tokens[start - 1]):
        start -= 1
    while end < run.end and is_space(tokens[end]):
        end += 1
    return start, end
