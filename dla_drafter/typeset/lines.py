"""Line breaking and Thai distributed justification.

Lines break only where the word breaker allows (PyThaiNLP + our word list + the reading
rules of ``text.wordbreak``: no line starts with a mark or a following vowel, no word is
cut, a title stays with its name and a number with its classifier). Widths come from
HarfBuzz and the font file (``typeset.fonts``), so the same text breaks into the same lines
on every OS. Justification spreads a line's slack evenly over the gaps between its grapheme
clusters — what Word calls ``thaiDistribute`` — so marks stay on their base letters, but
never more than ``LayoutProfile.max_justify_gap_pt`` per gap: past that the line is left
short, at its natural spacing, as a typesetter would, rather than spaced out.

**Total fit.** ``break_lines`` chooses all the breaks of a paragraph together (Knuth and
Plass's total-fit, over the same break points), minimising the sum of each line's badness
(its spacing per gap, squared, relative to the limit), a large cost for a line that would be
left short, and the penalties of the breaks it uses (after a standalone การ / ความ, inside a
link, between the clusters of an oversized piece). Greedy first-fit (``break_lines_greedy``,
kept for the measurement) fills each line as far as it goes and leaves the consequences to
the next. ``benchmarks/linebreak.py`` compares them over the body paragraphs of the two sample
circulars and the examples (18 paragraphs, 16 pt, 2.5 cm first-line indent):

=================  =====  ==========  ===========  ============  ==================
measure, method    lines  left short  Σ slack²     widest gap    ending on การ/ความ
=================  =====  ==========  ===========  ============  ==================
16 cm, greedy        80       2        57.4 cm²      0.78 pt             0
16 cm, total fit     80       0        48.6 cm²      0.78 pt             0
12 cm, greedy       108       5        67.3 cm²      0.94 pt             3
12 cm, total fit    108       3        61.1 cm²      0.91 pt             0
=================  =====  ==========  ===========  ============  ==================

so total fit is used: never more lines, fewer lines left short, less slack to spread, no
line ending on การ / ความ. It costs about 1–1.5 ms for a long paragraph against greedy's
0.9 ms (the same script), and a paragraph is broken once and cached while the clerk types
in another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.graphemes import cluster_count, clusters
from ..text.wordbreak import WordBreaker, default_breaker
from .fonts import FontFace
from .profile import DEFAULT_PROFILE

# A line may end this much past the measure before we call it an overflow (rounding only).
EPSILON_CM = 1e-6
# Costs of total fit. A line spaced at exactly the limit costs BADNESS_SCALE; a line the
# limit leaves short costs SHORT_LINE_COST more than the worst line it could have been;
# every line costs LINE_COST, so that of two equally even breakings the shorter wins.
BADNESS_SCALE = 100.0
SHORT_LINE_COST = 5000.0
LINE_COST = 10.0
# The penalty of cutting an oversized piece (a link with no break in 16 cm) between two
# grapheme clusters: only when nothing else fits.
EMERGENCY_PENALTY = 100000
# Cutting such a piece between two of its words (which a reading rule had kept together)
# is the lesser evil.
WORD_CUT_PENALTY = 50000
# A %xx escape in a link is one unit: never cut inside it.
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


@dataclass(frozen=True)
class BrokenLine:
    """One line of a paragraph: its text (no leading/trailing spaces), natural width, and
    ``last`` for the paragraph's final line (which is never stretched). ``joins_next``: the
    break after it is not at a space (between Thai words, inside a URL), so the paragraph
    reads on from this line's last character straight into the next line's first."""

    text: str
    width: float
    last: bool
    joins_next: bool = False


@dataclass(frozen=True)
class _Piece:
    """Text between two break opportunities, trailing spaces included; ``penalty`` is the
    cost of a break after it."""

    text: str
    full: float  # width with its trailing spaces
    bare: float  # width without them (when the line ends here)
    clusters: int
    bare_clusters: int
    penalty: int


# A Thai leading vowel (เ แ โ ใ ไ) is written before the consonant it follows in speech, and
# a following vowel or sign (ะ า ๅ ๆ, ฯ excepted) belongs to the syllable before it: an
# emergency cut never separates either from its consonant ("โ|รงเรียน", "ปร|ะชุม").
_THAI_LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
_THAI_CLINGS_BACK = re.compile(r"^[\u0e30-\u0e3a\u0e45-\u0e4e]")


def _units(segment: str) -> list[str]:
    """Grapheme clusters of ``segment``, with each %xx escape of a link as one unit, a
    hyphen joined to the unit after it (a line cut there would end in a hyphen, which
    viewers take for hyphenation, see ``text.wordbreak``), a Thai leading vowel joined to
    the unit after it and a following vowel to the unit before it."""
    units: list[str] = []
    pos = 0
    for m in _PERCENT_ESCAPE.finditer(segment):
        units.extend(clusters(segment[pos:m.start()]))
        units.append(m.group())
        pos = m.end()
    units.extend(clusters(segment[pos:]))
    joined: list[str] = []
    for unit in units:
        if joined and (joined[-1][-1] == "-" or joined[-1][-1] in _THAI_LEADING
                       or _THAI_CLINGS_BACK.match(unit)):
            joined[-1] += unit
        else:
            joined.append(unit)
    return joined


def _piece(text: str, face: FontFace, size_pt: float, penalty: int) -> _Piece:
    full = face.measure_cm(text, size_pt)
    bare_text = text.rstrip()
    bare = full if bare_text == text else face.measure_cm(bare_text, size_pt)
    n = cluster_count(text)
    return _Piece(text, full, bare, n, cluster_count(bare_text) if bare_text != text else n,
                  penalty)


def _pieces(text: str, face: FontFace, size_pt: float, breaker: WordBreaker,
            limit: float) -> list[_Piece]:
    """The paragraph cut at every break opportunity. A piece wider than ``limit`` (the
    narrower measure) is also cut between its clusters, at EMERGENCY_PENALTY each, so the
    breaker can fill any line with it — cut to the measure of the line it lands on."""
    out: list[_Piece] = []
    start = 0
    breaks = [(p, pen) for p, pen in breaker.breaks(text) if 0 < p < len(text)]
    for end, penalty in [*breaks, (len(text), 0)]:
        if end <= start:
            continue
        segment = text[start:end]
        piece = _piece(segment, face, size_pt, penalty)
        if piece.bare > limit + EPSILON_CM:
            # cut between its words first (a rule kept them together: ๒๕๖๙ โรงเรียน),
            # between clusters of a word only when a word alone is too wide
            words = breaker.segments(segment)
            for w, word in enumerate(words):
                units = _units(word)
                for n, unit in enumerate(units):
                    if n < len(units) - 1:
                        cost = EMERGENCY_PENALTY
                    else:
                        cost = penalty if w == len(words) - 1 else WORD_CUT_PENALTY
                    out.append(_piece(unit, face, size_pt, cost))
        else:
            out.append(piece)
        start = end
    return out


def _line_cost(natural: float, gaps: int, measure: float, last: bool, max_gap: float) -> float:
    """A line's cost: LINE_COST, plus its badness — (spacing per gap / limit)² scaled to
    BADNESS_SCALE — or, for a line the limit leaves short, SHORT_LINE_COST and more the
    shorter it is. The last line of a paragraph is never stretched: LINE_COST only."""
    if last:
        return LINE_COST
    slack = max(measure - natural, 0.0)
    per_gap = slack / gaps if gaps > 0 else (0.0 if slack <= EPSILON_CM else float("inf"))
    if per_gap <= max_gap:
        return LINE_COST + BADNESS_SCALE * (per_gap / max_gap) ** 2
    return LINE_COST + BADNESS_SCALE + SHORT_LINE_COST * (1.0 + slack / measure)


def _total_fit(pieces: list[_Piece], first_width: float, width: float, max_gap: float,
               tolerant: bool) -> list[int] | None:
    """Indices where lines end (exclusive), minimising the paragraph's total cost; None when
    there is no such breaking. Like TeX, a first pass (``tolerant=False``) considers only
    lines the limit lets justification fill, which leaves a handful of candidates per break
    and keeps a long paragraph near a millisecond; only a paragraph that cannot be set so
    (a link with a long unbreakable piece) takes the second pass, which admits short
    lines at their cost."""
    m = len(pieces)
    inf = float("inf")
    best = [inf] * (m + 1)
    prev = [-1] * (m + 1)
    best[0] = 0.0
    widest = max(first_width, width)
    scale = BADNESS_SCALE / (max_gap * max_gap)
    for b in range(1, m + 1):
        last = b == m
        penalty = 0 if last else pieces[b - 1].penalty
        natural = pieces[b - 1].bare
        count = pieces[b - 1].bare_clusters
        for a in range(b - 1, -1, -1):
            if a < b - 1:
                natural += pieces[a].full
                count += pieces[a].clusters
                if natural > widest + EPSILON_CM:
                    break
            before = best[a]
            if before == inf:
                continue
            measure = first_width if a == 0 else width
            if natural > measure + EPSILON_CM and a < b - 1:
                continue
            if last:
                cost = LINE_COST
            else:
                slack = measure - natural
                gaps = count - 1
                if slack <= EPSILON_CM:
                    cost = LINE_COST
                elif gaps > 0 and slack <= max_gap * gaps:
                    per_gap = slack / gaps
                    cost = LINE_COST + scale * per_gap * per_gap
                elif tolerant:
                    cost = _line_cost(natural, gaps, measure, False, max_gap)
                else:
                    continue
            cost += before + penalty
            if cost < best[b]:
                best[b] = cost
                prev[b] = a
    if best[m] == inf:
        return None
    ends: list[int] = []
    b = m
    while b > 0:
        ends.append(b)
        b = prev[b]
    return ends[::-1]


def _joins(pieces: list[_Piece], end: int) -> bool:
    """Does a line ending before ``pieces[end]`` end inside a word (no space at the break)?"""
    return 0 < end < len(pieces) and not pieces[end - 1].text[-1:].isspace()


def _lines(pieces: list[_Piece], ends: list[int], face: FontFace, size_pt: float,
           first_width: float, width: float) -> list[BrokenLine] | None:
    """The lines for ``ends``, each shaped once as a whole: kerning across pieces can only
    differ from the sum of their widths by a hair, so a line that overflows after all
    returns None (the caller falls back to greedy, which backs off piece by piece)."""
    lines: list[BrokenLine] = []
    start = 0
    for n, end in enumerate(ends):
        text = "".join(p.text for p in pieces[start:end]).strip()
        natural = face.width_cm(text, size_pt)
        measure = first_width if n == 0 else width
        if natural > measure + EPSILON_CM and end - start > 1:
            return None
        lines.append(BrokenLine(text, natural, end >= len(pieces), _joins(pieces, end)))
        start = end
    return lines


def _greedy_lines(pieces: list[_Piece], face: FontFace, size_pt: float, first_width: float,
                  width: float) -> list[BrokenLine]:
    """Greedy first-fit, confirming each line with one shaping and backing off a piece when
    kerning makes it overflow."""
    lines: list[BrokenLine] = []
    start = 0
    measure = first_width
    while start < len(pieces):
        end = start + 1
        running = pieces[start].full
        while end < len(pieces) and running + pieces[end].bare <= measure + EPSILON_CM:
            running += pieces[end].full
            end += 1
        while True:
            text = "".join(p.text for p in pieces[start:end]).strip()
            natural = face.width_cm(text, size_pt)
            if natural <= measure + EPSILON_CM or end - start == 1:
                break
            end -= 1
        lines.append(BrokenLine(text, natural, end >= len(pieces), _joins(pieces, end)))
        start = end
        measure = width
    return lines


def _prepare(text: str, face: FontFace, size_pt: float, first_width: float, width: float,
             breaker: WordBreaker | None) -> list[_Piece]:
    breaker = breaker or default_breaker()
    return _pieces(text, face, size_pt, breaker, min(first_width, width))


def break_lines(
    text: str,
    face: FontFace,
    size_pt: float,
    first_width: float,
    width: float,
    breaker: WordBreaker | None = None,
    max_gap: float | None = None,
) -> list[BrokenLine]:
    """Total-fit line breaking (see the module's docstring). ``first_width`` is the measure
    of the first line (shorter by a first-line indent, or by a label); ``max_gap`` (cm) the
    most justification may add per cluster gap (default: the layout profile's).

    Results are cached per paragraph: the preview re-typesets on every keystroke, and only
    the paragraph being edited has changed."""
    breaker = breaker or default_breaker()
    max_gap = DEFAULT_PROFILE.max_justify_gap if max_gap is None else max_gap
    return list(_break_cached(text, face, size_pt, first_width, width, breaker,
                              breaker.generation, max_gap))


# Bounded for a program open all day and a merge worker making thousands of letters: a few
# letters' paragraphs are what an editing session re-uses (benchmarks/memory.py).
@lru_cache(maxsize=512)
def _break_cached(text: str, face: FontFace, size_pt: float, first_width: float,
                  width: float, breaker: WordBreaker, generation: int,
                  max_gap: float) -> tuple[BrokenLine, ...]:
    text = " ".join(text.split())  # runs of spaces and stray newlines print as one space
    if not text:
        return (BrokenLine("", 0.0, True),)
    pieces = _prepare(text, face, size_pt, first_width, width, breaker)
    ends = (_total_fit(pieces, first_width, width, max_gap, tolerant=False)
            or _total_fit(pieces, first_width, width, max_gap, tolerant=True))
    lines = _lines(pieces, ends, face, size_pt, first_width, width) if ends else None
    if lines is None:
        lines = _greedy_lines(pieces, face, size_pt, first_width, width)
    return tuple(line for line in lines if line.text) or (BrokenLine("", 0.0, True),)


def break_lines_greedy(
    text: str,
    face: FontFace,
    size_pt: float,
    first_width: float,
    width: float,
    breaker: WordBreaker | None = None,
) -> list[BrokenLine]:
    """Greedy first-fit over the same break points (for ``benchmarks/linebreak.py``)."""
    text = " ".join(text.split())
    if not text:
        return [BrokenLine("", 0.0, True)]
    pieces = _prepare(text, face, size_pt, first_width, width, breaker)
    lines = _greedy_lines(pieces, face, size_pt, first_width, width)
    return [line for line in lines if line.text] or [BrokenLine("", 0.0, True)]


def justify_spacing(line: BrokenLine, measure: float, max_gap: float | None = None) -> float:
    """Letter spacing (cm per cluster gap) that makes ``line`` end exactly at ``measure``.
    The last line of a paragraph, a line with no gap, and a line that would need more than
    ``max_gap`` per gap (default: the layout profile's) keep their natural width."""
    if line.last:
        return 0.0
    gaps = cluster_count(line.text) - 1
    slack = measure - line.width
    if gaps <= 0 or slack <= 0:
        return 0.0
    max_gap = DEFAULT_PROFILE.max_justify_gap if max_gap is None else max_gap
    spacing = slack / gaps
    return spacing if spacing <= max_gap + EPSILON_CM else 0.0
