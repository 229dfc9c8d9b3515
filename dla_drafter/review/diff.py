"""What changed between two versions of a letter, field by field and word by word.

Word's compare marks a whole Thai line as changed because Thai has no spaces; here the words
come from the same breaker the typesetter uses (:func:`dla_drafter.text.wordbreak.
default_breaker`), so a one-word edit in a long paragraph is one word. Fields are named with
the draft-file paths of the problems panel (``subject``, ``body[2]``, ``enclosures[0].amount``)
so the desktop program can jump to the input box, and list items are aligned first
(:mod:`.align`), so a paragraph inserted at the top does not make every later paragraph look
changed, a paragraph cut in two shows as one *split*, two joined as one *merged*, and words
cut from one place and pasted in another as *moved*, not deleted and re-typed.

:func:`diff_letters` / :func:`diff_snapshots` give a :class:`LetterDiff`: its ``fields`` are
the changes in reading order (a move stands after the change of the field it went to), each a
:class:`FieldChange` of one kind:

==========  ===============================================================================
kind        what
==========  ===============================================================================
changed     one field's text edited: ``old_field`` → ``field``
added       a field (or list item) that is new: ``field``
removed     a field that is gone: ``field`` (= ``old_field``, a path in the old letter)
split       one old paragraph ``old_field`` is now ``new_fields`` (two to four)
merged      the old paragraphs ``old_fields`` are now one, ``field``
moved       words went from ``old_field`` (old letter) to ``field`` (new letter); when both
            ends are whole paragraphs (:attr:`FieldChange.whole`) the paragraph moved
==========  ===============================================================================

``old_fields``/``new_fields`` list every path involved on each side (for a move of words:
the paragraph they left first, then the one they went to, as each was in the old letter;
the one they went to first, then the one they left, as each is in the new letter).
``pieces`` are runs of text to draw, each ``(op, text)``: ``equal``, ``delete``,
``insert``; ``moved_out`` (words that left this place, shown where they were) and
``moved_in`` (words that arrived, a move of their own); ``break`` where a split cut the
paragraph (its text: the spaces dropped at the cut) and ``join`` where a merge joined two
(its text: the spaces put between them). Reading the pieces' old side (equal, delete,
moved_out, break) gives the old text, the paragraphs of a merge separated at each ``join``;
the new side (equal, insert, moved_in, join) gives the new text, the paragraphs of a split
separated at each ``break``.

``hunks`` are the places to step to, each a :class:`Hunk` with its own ``old_field`` and
``new_field`` and character offsets in those fields' texts (a split's hunks lie in several
new paragraphs): ``kind`` ``edit`` for a word change, ``break`` / ``join`` for a split's or a
merge's paragraph boundary, and a move's two places, ``moved_out`` (where the words were:
offsets in the old field, and the point in the new text where they stood) and ``moved_in``
(where they are now; a whole paragraph's move then has an ``edit`` hunk for each word
changed on the way). A hunk's ``new_field`` is None when its place no longer exists (a
removed paragraph); its ``old_field`` is None for a place that did not exist before.
``LetterDiff.steps`` is every hunk in order, for "next change / previous change".
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import InitVar, dataclass, field, replace
from typing import Any, Literal, cast

from dla_drafter.fields import REVIEW_KEY, field_label
from dla_drafter.model.letter import Letter
from dla_drafter.text.digits import to_thai_digits

from . import align
from .integrity import canonical_json, letter_snapshot

Op = Literal["equal", "delete", "insert", "moved_out", "moved_in", "break", "join"]
ChangeKind = Literal["changed", "added", "removed", "split", "merged", "moved"]
HunkKind = Literal["edit", "break", "join", "moved_out", "moved_in"]


@dataclass(frozen=True)
class Hunk:
    """One change: ``old[old_start:old_end]`` became ``new[new_start:new_end]``, where ``old``
    is the text of ``old_field`` in the old letter and ``new`` that of ``new_field`` in the
    new one (None: the change's own field, as :func:`word_diff` gives them)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str
    kind: HunkKind = "edit"
    old_field: str | None = None
    new_field: str | None = None


@dataclass(frozen=True)
class FieldChange:
    """A change of one field, or of the few paragraphs a split, merge or move involves.

    ``field`` is its path in the new letter (in the old one for a removed field);
    ``old_field`` its path in the old letter (they differ when paragraphs were inserted or
    removed before it). ``old``/``new`` are the texts (a split's or merge's several
    paragraphs joined with a newline; a move's: the words moved, as they were and are)."""

    field: str
    old_field: str | None
    kind: ChangeKind
    old: str
    new: str
    pieces: tuple[tuple[Op, str], ...]
    hunks: tuple[Hunk, ...]
    old_fields: tuple[str, ...] = ()
    new_fields: tuple[str, ...] = ()

    def label(self, lang: str = "th") -> str:
        return field_label(self.field, lang)

    @property
    def whole(self) -> bool:
        """A move of a whole paragraph (it is gone from the old place, new at the other)."""
        ends = {h.kind: h for h in self.hunks if h.kind in ("moved_out", "moved_in")}
        return (self.kind == "moved" and len(ends) == 2
                and ends["moved_out"].new_field is None and ends["moved_in"].old_field is None)


@dataclass(frozen=True)
class LetterDiff:
    fields: tuple[FieldChange, ...]

    def __bool__(self) -> bool:
        return bool(self.fields)

    @property
    def steps(self) -> list[tuple[FieldChange, Hunk]]:
        """Every change in reading order: what "next change" steps through."""
        return [(change, hunk) for change in self.fields for hunk in change.hunks]


def _words(text: str) -> list[str]:
    from dla_drafter.text.wordbreak import default_breaker

    return default_breaker().segments(text) if text else []


def word_diff(old: str, new: str) -> tuple[tuple[tuple[Op, str], ...], tuple[Hunk, ...]]:
    """Pieces and hunks of the word-level difference between two texts."""
    a, b = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces: list[tuple[Op, str]] = []
    hunks: list[Hunk] = []
    old_pos = new_pos = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            pieces.append(("equal", old_text))
        else:
            if old_text:
                pieces.append(("delete", old_text))
            if new_text:
                pieces.append(("insert", new_text))
            hunks.append(
                Hunk(old_pos, old_pos + len(old_text), new_pos, new_pos + len(new_text),
                     old_text, new_text)
            )  # fmt: skip
        old_pos += len(old_text)
        new_pos += len(new_text)
    return tuple(pieces), tuple(hunks)


def scalar_text(value: Any) -> str:
    """How a field's value reads in a diff: text as is, numbers as digits, null as nothing."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return canonical_json(value).decode("utf-8")


def field_texts(snapshot: Mapping[str, Any]) -> dict[str, str]:
    """Every field of a snapshot by its path (``body[2]`` …) with its text."""
    out: dict[str, str] = {}
    for path, value in _leaves("", snapshot):
        out[path] = scalar_text(value)
    return out


def _leaves(path: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not path and key in ("format", REVIEW_KEY):
                continue
            yield from _leaves(f"{path}.{key}" if path else str(key), item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(f"{path}[{index}]", item)
    else:
        yield path, value


# --------------------------------------------------------------------------- slots
#
# A *slot* is one thing that differs — a field, a list item added or removed, the paragraphs
# of a split or a merge — with its text on each side broken into tokens. The letters are
# walked once into slots; moves are looked for across all of them; then each slot becomes
# its change, and each move a change of its own.


@dataclass
class _Side:
    paths: list[str]
    texts: list[str]
    words_of: InitVar[Callable[[str], list[str]]] = _words
    tokens: list[str] = field(default_factory=list)
    para: list[int] = field(default_factory=list)  # the paragraph of each token

    def __post_init__(self, words_of: Callable[[str], list[str]]) -> None:
        for index, text in enumerate(self.texts):
            words = words_of(text)
            self.tokens.extend(words)
            self.para.extend([index] * len(words))

    def path(self, index: int) -> str | None:
        return self.paths[index] if 0 <= index < len(self.paths) else None


@dataclass
class _Slot:
    kind: str  # changed, added, removed, split, merged, or moved (a whole paragraph)
    old: _Side
    new: _Side
    parent: str | None = None  # the list field whose items these are
    opcodes: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    moved_old: dict[int, int] = field(default_factory=dict)  # token → move number
    moved_new: dict[int, int] = field(default_factory=dict)

    def diff_tokens(self) -> None:
        matcher = difflib.SequenceMatcher(None, self.old.tokens, self.new.tokens,
                                          autojunk=False)
        self.opcodes = matcher.get_opcodes()


def _slot(kind: str, old_paths: list[str], old_texts: list[str], new_paths: list[str],
          new_texts: list[str], parent: str | None = None,
          words_of: Callable[[str], list[str]] = _words) -> _Slot:
    return _Slot(kind, _Side(old_paths, old_texts, words_of),
                 _Side(new_paths, new_texts, words_of), parent)


def _whole(kind: str, path: str, value: Any, out: list[_Slot], parent: str | None) -> None:
    for leaf, item in _leaves(path, value):
        text = [scalar_text(item)]
        if kind == "added":
            out.append(_slot("added", [], [], [leaf], text, parent))
        else:
            out.append(_slot("removed", [leaf], text, [], [], parent))


def _compare(old_path: str, new_path: str, old: Any, new: Any, out: list[_Slot]) -> None:
    if old == new:
        return
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key, item in new.items():
            if not new_path and key in ("format", REVIEW_KEY):
                continue
            sub_new = f"{new_path}.{key}" if new_path else key
            sub_old = f"{old_path}.{key}" if old_path else key
            if key in old:
                _compare(sub_old, sub_new, old[key], item, out)
            else:
                _whole("added", sub_new, item, out, None)
        for key, item in old.items():
            if key not in new and not (not old_path and key in ("format", REVIEW_KEY)):
                _whole("removed", f"{old_path}.{key}" if old_path else key, item, out, None)
        return
    if isinstance(old, list) and isinstance(new, list):
        if all(isinstance(i, str) for i in old) and all(isinstance(i, str) for i in new):
            _compare_texts(old_path, new_path, old, new, out)
        else:
            _compare_lists(old_path, new_path, old, new, out)
        return
    old_text, new_text = scalar_text(old), scalar_text(new)
    if old_text != new_text:
        out.append(_slot("changed", [old_path], [old_text], [new_path], [new_text]))


def _compare_texts(old_path: str, new_path: str, old: list[str], new: list[str],
                   out: list[_Slot]) -> None:
    """A list of texts (paragraphs, lines): aligned with splits and merges (:mod:`.align`)."""
    known: dict[str, list[str]] = {}  # each text broken once, however long the list

    def words_of(text: str) -> list[str]:
        found = known.get(text)
        if found is None:
            found = known[text] = _words(text)
        return found

    groups = align.align(old, new, words_of)
    for group in groups:
        if group.equal:
            continue
        out.append(_slot(
            group.kind,
            [f"{old_path}[{i}]" for i in group.old], [old[i] for i in group.old],
            [f"{new_path}[{j}]" for j in group.new], [new[j] for j in group.new],
            new_path, words_of,
        ))  # fmt: skip


def _compare_lists(
    old_path: str, new_path: str, old: list[Any], new: list[Any], out: list[_Slot]
) -> None:
    def key(item: Any) -> Any:
        return item if isinstance(item, str) else canonical_json(item)

    matcher = difflib.SequenceMatcher(None, [key(i) for i in old], [key(i) for i in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            _compare(f"{old_path}[{i1 + k}]", f"{new_path}[{j1 + k}]", old[i1 + k], new[j1 + k],
                     out)
        for i in range(i1 + paired, i2):
            _whole("removed", f"{old_path}[{i}]", old[i], out, new_path)
        for j in range(j1 + paired, j2):
            _whole("added", f"{new_path}[{j}]", new[j], out, new_path)


MOVED_PARAGRAPH = 0.6
"""A paragraph removed and one added in the same list this alike (:func:`.align.likeness`)
are one paragraph that moved."""
PARAGRAPH_PAIRS = 10_000
"""Removed × added paragraphs compared for moves; beyond it only unchanged ones match."""


def _paragraph_moves(slots: list[_Slot]) -> list[_Slot]:
    """A paragraph removed in one place and added, (nearly) the same, in another of the same
    list is one whole-paragraph move, placed where it went."""
    removed = [s for s in slots if s.kind == "removed" and s.parent is not None]
    added = [s for s in slots if s.kind == "added" and s.parent is not None]
    pairs: list[tuple[float, int, int]] = []
    if len(removed) * len(added) > PARAGRAPH_PAIRS:  # hostile: only paragraphs moved unchanged
        place = {(s.parent, s.new.texts[0]): b for b, s in enumerate(added)}
        for a, gone in enumerate(removed):
            b = place.get((gone.parent, gone.old.texts[0]))
            if b is not None:
                pairs.append((1.0, a, b))
    else:
        grams_added = [align.bag(s.new.texts[0]) for s in added]
        for a, gone in enumerate(removed):
            grams = align.bag(gone.old.texts[0])
            if align.size(grams) < align.MIN_MOVE_CHARS:
                continue
            for b, came in enumerate(added):
                if came.parent != gone.parent or align.size(grams_added[b]) < align.MIN_MOVE_CHARS:
                    continue
                alike = align.likeness(grams, grams_added[b])
                if alike >= MOVED_PARAGRAPH:
                    pairs.append((alike, a, b))
    matched: dict[int, _Slot] = {}  # id of the added slot → the move standing in its place
    used: set[int] = set()
    for _, a, b in sorted(pairs, key=lambda p: -p[0]):
        if a in used or id(added[b]) in matched:
            continue
        used.add(a)
        matched[id(added[b])] = _Slot("moved", removed[a].old, added[b].new, added[b].parent)
    if not matched:
        return slots
    gone_ids = {id(removed[a]) for a in used}
    return [matched.get(id(s), s) for s in slots if id(s) not in gone_ids]


def _find_moves(slots: list[_Slot]) -> list[align.Move]:
    """Runs of words that left one place and arrived in another (not whole paragraphs)."""
    deleted: list[align.Run] = []
    inserted: list[align.Run] = []
    for number, slot in enumerate(slots):
        if slot.kind == "moved":
            continue
        for edit, (tag, i1, i2, j1, j2) in enumerate(slot.opcodes):
            if tag == "equal":
                continue
            deleted.extend(_by_paragraph(number, edit, slot.old.para, i1, i2))
            inserted.extend(_by_paragraph(number, edit, slot.new.para, j1, j2))
    moves = align.find_moves([s.old.tokens for s in slots], [s.new.tokens for s in slots],
                             deleted, inserted)
    for number, move in enumerate(moves):
        for index in range(move.old_start, move.old_end):
            slots[move.old_slot].moved_old[index] = number
        for index in range(move.new_start, move.new_end):
            slots[move.new_slot].moved_new[index] = number
    return moves


def _by_paragraph(slot: int, edit: int, para: list[int], start: int, end: int
                  ) -> Iterator[align.Run]:
    while start < end:
        stop = start
        while stop < end and para[stop] == para[start]:
            stop += 1
        yield align.Run(slot, edit, start, stop)
        start = stop


# --------------------------------------------------------------------------- pieces


@dataclass
class _Piece:
    op: str
    text: str
    move: int | None = None
    # where it lies: paragraph and offsets on each side (filled by _place)
    old_para: int = 0
    old_start: int = 0
    new_para: int = 0
    new_start: int = 0


def _atoms(slot: _Slot) -> list[_Piece]:
    """The slot's tokens in reading order, with paragraph boundaries as break/join marks."""
    out: list[_Piece] = []
    cursor = [0, 0]  # the old and the new paragraph reached so far

    def reach(side: int, para: int) -> None:
        while cursor[side] < para:
            cursor[side] += 1
            out.append(_Piece("join" if side == 0 else "break", ""))

    old, new = slot.old, slot.new
    if len(old.texts) <= 1 and len(new.texts) <= 1 and not slot.moved_old \
            and not slot.moved_new:  # one paragraph, nothing moved: whole runs at once
        for tag, i1, i2, j1, j2 in slot.opcodes:
            if tag == "equal":
                out.append(_Piece("equal", "".join(old.tokens[i1:i2])))
                continue
            if i2 > i1:
                out.append(_Piece("delete", "".join(old.tokens[i1:i2])))
            if j2 > j1:
                out.append(_Piece("insert", "".join(new.tokens[j1:j2])))
        return out
    for tag, i1, i2, j1, j2 in slot.opcodes:
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                reach(0, old.para[i])
                reach(1, new.para[j])
                out.append(_Piece("equal", old.tokens[i]))
            continue
        for i in range(i1, i2):
            reach(0, old.para[i])
            move = slot.moved_old.get(i)
            out.append(_Piece("delete" if move is None else "moved_out", old.tokens[i], move))
        for j in range(j1, j2):
            reach(1, new.para[j])
            move = slot.moved_new.get(j)
            out.append(_Piece("insert" if move is None else "moved_in", new.tokens[j], move))
    reach(0, len(old.texts) - 1)
    reach(1, len(new.texts) - 1)
    return out


def _fold(pieces: list[_Piece]) -> list[_Piece]:
    """Spaces dropped at a split's cut (put in at a merge's join) belong to the cut; then
    neighbouring pieces of one kind become one."""
    for index, piece in enumerate(pieces):
        if piece.op not in ("break", "join"):
            continue
        absorbed = "delete" if piece.op == "break" else "insert"
        for near in (index - 1, index + 1):
            if 0 <= near < len(pieces):
                other = pieces[near]
                if other.op == absorbed and not other.text.strip():
                    before = near < index
                    piece.text = other.text + piece.text if before else piece.text + other.text
                    other.op = "gone"
    merged: list[_Piece] = []
    for piece in pieces:
        if piece.op == "gone":
            continue
        last = merged[-1] if merged else None
        if (last is not None and last.op == piece.op and last.move == piece.move
                and piece.op not in ("break", "join")):
            last.text += piece.text
        else:
            merged.append(piece)
    return merged


_OLD_SIDE = {"equal", "delete", "moved_out", "break"}
_NEW_SIDE = {"equal", "insert", "moved_in", "join"}


def _place(pieces: list[_Piece]) -> None:
    """Give each piece its paragraph and offset on both sides."""
    old_para = old_pos = new_para = new_pos = 0
    for piece in pieces:
        piece.old_para, piece.old_start = old_para, old_pos
        piece.new_para, piece.new_start = new_para, new_pos
        if piece.op in _OLD_SIDE:
            old_pos += len(piece.text)
        if piece.op in _NEW_SIDE:
            new_pos += len(piece.text)
        if piece.op == "break":
            new_para, new_pos = new_para + 1, 0
        elif piece.op == "join":
            old_para, old_pos = old_para + 1, 0


def _hunks(slot: _Slot, pieces: list[_Piece], ends: dict[tuple[int, str], Hunk]) -> list[Hunk]:
    """The slot's hunks (edits, breaks, joins); the two ends of each move go to ``ends``."""
    hunks: list[Hunk] = []
    run: list[_Piece] = []

    def flush() -> None:
        if not run:
            return
        first = run[0]
        old_text = "".join(p.text for p in run if p.op == "delete")
        new_text = "".join(p.text for p in run if p.op == "insert")
        hunks.append(Hunk(first.old_start, first.old_start + len(old_text),
                          first.new_start, first.new_start + len(new_text), old_text, new_text,
                          "edit", slot.old.path(first.old_para), slot.new.path(first.new_para)))
        run.clear()

    for piece in pieces:
        if piece.op in ("delete", "insert"):
            run.append(piece)
            continue
        flush()
        if piece.op == "break":
            hunks.append(Hunk(piece.old_start, piece.old_start + len(piece.text), 0, 0,
                              piece.text, "", "break", slot.old.path(piece.old_para),
                              slot.new.path(piece.new_para + 1)))
        elif piece.op == "join":
            hunks.append(Hunk(0, 0, piece.new_start, piece.new_start + len(piece.text), "",
                              piece.text, "join", slot.old.path(piece.old_para + 1),
                              slot.new.path(piece.new_para)))
        elif piece.op == "moved_out":
            ends[(piece.move, "out")] = Hunk(
                piece.old_start, piece.old_start + len(piece.text), piece.new_start,
                piece.new_start, piece.text, "", "moved_out", slot.old.path(piece.old_para),
                slot.new.path(piece.new_para))
        elif piece.op == "moved_in":
            ends[(piece.move, "in")] = Hunk(
                piece.old_start, piece.old_start, piece.new_start,
                piece.new_start + len(piece.text), "", piece.text, "moved_in",
                slot.old.path(piece.old_para), slot.new.path(piece.new_para))
    flush()
    return hunks


def _joined(side: _Side) -> str:
    return "\n".join(side.texts)


def _change(slot: _Slot, pieces: list[_Piece], hunks: list[Hunk]) -> FieldChange | None:
    """The change a slot shows as, or None when all it holds is the ends of moves."""
    public = cast(tuple[tuple[Op, str], ...], tuple((p.op, p.text) for p in pieces))
    old, new = slot.old, slot.new
    if slot.kind in ("added", "removed"):
        gone = any(p.op in ("moved_out", "moved_in") for p in pieces)
        if gone and not any(p.op in ("insert", "delete") and p.text.strip() for p in pieces):
            return None  # all of it moved: the move says so
        if not hunks and not gone:  # an empty item: still a change, with an empty place
            path = (new if slot.kind == "added" else old).paths[0]
            hunks = [Hunk(0, 0, 0, 0, "", "", "edit", path if slot.kind == "removed" else None,
                          path if slot.kind == "added" else None)]
        if slot.kind == "added":
            return FieldChange(new.paths[0], None, "added", "", _joined(new), public,
                               tuple(hunks), (), tuple(new.paths))
        return FieldChange(old.paths[0], old.paths[0], "removed", _joined(old), "", public,
                           tuple(hunks), tuple(old.paths), ())
    if slot.kind == "changed" and not hunks:
        return None  # only words that moved away or arrived: the moves say so
    kind = cast(ChangeKind, slot.kind)
    return FieldChange(new.paths[0], old.paths[0], kind, _joined(old), _joined(new), public,
                       tuple(hunks), tuple(old.paths), tuple(new.paths))


def _paragraph_move(slot: _Slot) -> FieldChange:
    """A whole paragraph that moved: its two places, then the words edited on the way."""
    old_path, new_path = slot.old.paths[0], slot.new.paths[0]
    old_text, new_text = slot.old.texts[0], slot.new.texts[0]
    pieces, edits = word_diff(old_text, new_text)
    hunks = (
        Hunk(0, len(old_text), 0, 0, old_text, "", "moved_out", old_path, None),
        Hunk(0, 0, 0, len(new_text), "", new_text, "moved_in", None, new_path),
        *(replace(h, old_field=old_path, new_field=new_path) for h in edits),
    )
    return FieldChange(new_path, old_path, "moved", old_text, new_text, pieces, hunks,
                       (old_path,), (new_path,))


def _moved(out: Hunk, into: Hunk) -> FieldChange:
    core_old, core_new = out.old_text.strip(), into.new_text.strip()
    pieces, _ = word_diff(core_old, core_new)
    assert out.old_field is not None and into.new_field is not None
    old_fields = tuple(dict.fromkeys(f for f in (out.old_field, into.old_field) if f))
    new_fields = tuple(dict.fromkeys(f for f in (into.new_field, out.new_field) if f))
    return FieldChange(into.new_field, out.old_field, "moved", out.old_text, into.new_text,
                       pieces, (out, into), old_fields, new_fields)


def diff_snapshots(old: Mapping[str, Any], new: Mapping[str, Any]) -> LetterDiff:
    """The changes from snapshot ``old`` to snapshot ``new`` (``letter_snapshot`` dicts)."""
    slots: list[_Slot] = []
    _compare("", "", old, new, slots)
    slots = _paragraph_moves(slots)
    for slot in slots:
        if slot.kind != "moved":
            slot.diff_tokens()
    moves = _find_moves(slots)
    ends: dict[tuple[int, str], Hunk] = {}
    placed: list[tuple[_Slot, list[_Piece], list[Hunk]]] = []
    for slot in slots:
        if slot.kind == "moved":
            placed.append((slot, [], []))
            continue
        pieces = _fold(_atoms(slot))
        _place(pieces)
        placed.append((slot, pieces, _hunks(slot, pieces, ends)))
    arriving: dict[int, list[int]] = {}
    for number, move in enumerate(moves):
        arriving.setdefault(move.new_slot, []).append(number)
    out: list[FieldChange] = []
    for index, (slot, pieces, hunks) in enumerate(placed):
        if slot.kind == "moved":
            out.append(_paragraph_move(slot))
        else:
            change = _change(slot, pieces, hunks)
            if change is not None:
                out.append(change)
        for number in sorted(arriving.get(index, []), key=lambda n: moves[n].new_start):
            out.append(_moved(ends[(number, "out")], ends[(number, "in")]))
    return LetterDiff(tuple(out))


def diff_letters(old: Letter, new: Letter) -> LetterDiff:
    """The changes from letter ``old`` to letter ``new``, field by field, word by word."""
    return diff_snapshots(letter_snapshot(old), letter_snapshot(new))


# --------------------------------------------------------------------------- for a terminal


def _paths(paths: tuple[str, ...]) -> str:
    return ", ".join(paths)


def _head(change: FieldChange, lang: str) -> str:
    th = lang == "th"

    def named(path: str) -> str:
        label = field_label(path, lang)
        return label if label == path else f"{label} ({path})"

    if change.kind == "moved":
        assert change.old_field is not None
        what = ("ย้ายย่อหน้า" if th else "paragraph moved") if change.whole else (
            "ย้ายข้อความ" if th else "text moved")
        return f"{named(change.old_field)} → {named(change.field)} [{what}]"
    if change.kind == "split":
        count = len(change.new_fields)
        word = (f"แยกเป็น {to_thai_digits(count)} ย่อหน้า" if th
                else f"split into {count} paragraphs")
        assert change.old_field is not None
        return f"{named(change.old_field)} [{word} → {_paths(change.new_fields)}]"
    if change.kind == "merged":
        count = len(change.old_fields)
        word = (f"รวมจาก {to_thai_digits(count)} ย่อหน้า" if th
                else f"merged from {count} paragraphs")
        return f"{named(change.field)} [{word} ← {_paths(change.old_fields)}]"
    head = named(change.field)
    if change.kind in ("added", "removed"):
        word = {"added": ("เพิ่ม", "added"), "removed": ("ลบ", "removed")}[change.kind]
        head += f" [{word[0] if th else word[1]}]"
    return head


def _shorten(text: str, context: int) -> str:
    return text if len(text) <= 2 * context else f"{text[:context]}…{text[-context:]}"


def format_change(change: FieldChange, lang: str = "th", context: int = 40) -> str:
    """A change for a terminal: ``[-deleted-]{+inserted+}``, a split's cut ``{+¶+}``, a
    merge's join ``[-¶-]``, words that moved away ``[→…→]`` and arrived ``{←…←}`` (the move
    itself is a change of its own), long equal runs shortened."""
    head = _head(change, lang)
    if change.kind == "moved" and all(op == "equal" for op, _ in change.pieces):
        body = "\u201c" + _shorten(change.old.strip(), context) + "\u201d"
        return f"{head}:\n  " + " ".join(body.splitlines())
    parts: list[str] = []
    last = len(change.pieces) - 1
    for n, (op, text) in enumerate(change.pieces):
        if op == "delete":
            parts.append(f"[-{text}-]")
        elif op == "insert":
            parts.append(f"{{+{text}+}}")
        elif op == "moved_out":
            parts.append(f"[→{text}→]")
        elif op == "moved_in":
            parts.append(f"{{←{text}←}}")
        elif op == "break":
            parts.append("{+¶+}")
        elif op == "join":
            parts.append("[-¶-]")
        elif len(text) > 2 * context:
            start = text[:context] if n > 0 else ""
            end = text[-context:] if n < last else ""
            parts.append(f"{start}…{end}")
        else:
            parts.append(text)
    return f"{head}:\n  " + " ".join("".join(parts).splitlines())
