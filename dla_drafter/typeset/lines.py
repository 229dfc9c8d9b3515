"""Line breaking and Thai distributed justification.

Lines break only at the word breaker's break points (PyThaiNLP + our word list), so no line
starts with a mark or a following vowel and no word is cut. Widths come from HarfBuzz and the
font file (``typeset.fonts``), so the same text breaks into the same lines on every OS.
Justification spreads a line's slack evenly over the gaps between its grapheme clusters —
what Word calls ``thaiDistribute`` — so marks stay on their base letters.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.graphemes import clusters
from ..text.wordbreak import WordBreaker, default_breaker
from .fonts import FontFace

# A line may end this much past the measure before we call it an overflow (rounding only).
EPSILON_CM = 1e-6


@dataclass(frozen=True)
class BrokenLine:
    """One line of a paragraph: its text (no leading/trailing spaces), natural width, and
    ``last`` for the paragraph's final line (which is never stretched)."""

    text: str
    width: float
    last: bool


def _segments(text: str, breaker: WordBreaker) -> list[str]:
    points = [p for p in breaker.break_points(text) if 0 < p < len(text)]
    out: list[str] = []
    start = 0
    for p in points:
        if p > start:
            out.append(text[start:p])
            start = p
    out.append(text[start:])
    return [s for s in out if s]


def _split_oversized(segment: str, face: FontFace, size_pt: float, width: float) -> list[str]:
    """A single word wider than the line (a long URL): cut between grapheme clusters, the
    only place left that keeps every mark with its letter."""
    pieces: list[str] = []
    current = ""
    for cluster in clusters(segment):
        if current and face.width_cm(current + cluster, size_pt) > width:
            pieces.append(current)
            current = cluster
        else:
            current += cluster
    if current:
        pieces.append(current)
    return pieces


def break_lines(
    text: str,
    face: FontFace,
    size_pt: float,
    first_width: float,
    width: float,
    breaker: WordBreaker | None = None,
) -> list[BrokenLine]:
    """Greedy line filling: each line takes as many segments as fit. ``first_width`` is the
    measure of the first line (shorter by a first-line indent, or by a label)."""
    breaker = breaker or default_breaker()
    text = " ".join(text.split())  # runs of spaces and stray newlines print as one space
    if not text:
        return [BrokenLine("", 0.0, True)]
    segments: list[str] = []
    for seg in _segments(text, breaker):
        limit = min(first_width, width)
        if face.width_cm(seg.rstrip(), size_pt) > limit:
            segments.extend(_split_oversized(seg, face, size_pt, limit))
        else:
            segments.append(seg)
    # Decide with the sum of the segments' widths (each shaped once and cached, so a
    # keystroke re-measures only the edited word), then confirm each line with one shaping
    # of the whole line: kerning across segment boundaries can only differ by a hair.
    full = [face.width_cm(seg, size_pt) for seg in segments]
    bare = [face.width_cm(seg.rstrip(), size_pt) if seg != seg.rstrip() else w
            for seg, w in zip(segments, full, strict=True)]
    lines: list[BrokenLine] = []
    start = 0
    measure = first_width
    while start < len(segments):
        end = start + 1
        running = full[start]
        while end < len(segments) and running + bare[end] <= measure + EPSILON_CM:
            running += full[end]
            end += 1
        while True:
            line_text = "".join(segments[start:end]).strip()
            natural = face.width_cm(line_text, size_pt)
            if natural <= measure + EPSILON_CM or end - start == 1:
                break
            end -= 1
        lines.append(BrokenLine(line_text, natural, end >= len(segments)))
        start = end
        measure = width
    return [line for line in lines if line.text] or [BrokenLine("", 0.0, True)]


def justify_spacing(line: BrokenLine, measure: float) -> float:
    """Letter spacing (cm per cluster gap) that makes ``line`` end exactly at ``measure``.
    The last line of a paragraph and a line with no gap keep their natural width."""
    if line.last:
        return 0.0
    gaps = len(clusters(line.text)) - 1
    slack = measure - line.width
    if gaps <= 0 or slack <= 0:
        return 0.0
    return slack / gaps
