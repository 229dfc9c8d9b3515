"""Pages: the typeset letter as plain data, the single source of truth for geometry.

Every back end that paints (screen preview, PDF, printer) reads only this. All lengths are
in centimetres from the paper's top-left corner; ``y`` of a text line is its baseline. The
data is identical on every OS because it comes from our own line breaking and the font file's
own metrics (see ``typeset.fonts``), never from the platform's text engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

A4_WIDTH_CM = 21.0
A4_HEIGHT_CM = 29.7

# Which field of the letter an item came from, for click-to-field in the preview:
# (part, index) such as ("subject", None), ("body", 2), ("enclosures", 0).
Source = tuple[str, int | None]


@dataclass(frozen=True)
class TextLine:
    """One line of text drawn as one run.

    ``letter_spacing_cm`` is added after every grapheme cluster but the last (Thai distributed
    justification); marks never move away from their base letter because spacing is applied
    per cluster, not per character. ``width_cm`` is the drawn width including that spacing.

    For the PDF's structure (``render.pdf_tags``): ``role`` says what a line is when its
    ``source`` alone does not (``"Lbl"``: the number of a list item, ๑. before its text);
    ``joins_next`` that the next line of the same part goes on inside a word (the line was
    broken where there is no space: in Thai, or inside a URL), so a link running to the end
    of this line continues there.
    """

    x: float
    y: float
    text: str
    size_pt: float = 16.0
    bold: bool = False
    color: str = "#000000"
    letter_spacing_cm: float = 0.0
    width_cm: float = 0.0
    source: Source | None = None
    role: str | None = None
    joins_next: bool = False


@dataclass(frozen=True)
class ImageBox:
    """An image placed in a box; ``name`` is ``"emblem"`` (resolved by the back end from the
    settings, so an office's own emblem file is used everywhere)."""

    name: str
    x: float
    y: float
    width: float
    height: float
    source: Source | None = None


@dataclass(frozen=True)
class QRBox:
    """A QR code: ``modules`` is the square matrix of dark (True) modules, quiet zone excluded."""

    x: float
    y: float
    size: float
    modules: tuple[tuple[bool, ...], ...]
    source: Source | None = None


@dataclass(frozen=True)
class Rule:
    """A straight line; ``dotted`` for the dotted lines of the initials grid."""

    x1: float
    y1: float
    x2: float
    y2: float
    width_pt: float = 0.5
    dotted: bool = False
    color: str = "#000000"


Item = TextLine | ImageBox | QRBox | Rule


@dataclass(frozen=True)
class Watermark:
    """Large light text across the page (the "ร่าง" of a draft not yet approved), drawn
    behind the letter's ink and never part of its text (copy, search and the text layer
    give only the letter). The text is rotated ``angle_deg`` anticlockwise about the centre
    (``cx``, ``cy``); its run starts at ``-width_cm / 2`` and its baseline lies
    ``baseline_cm`` below the centre in the rotated frame, so the ink sits centred."""

    text: str
    cx: float
    cy: float
    size_pt: float
    angle_deg: float
    width_cm: float
    baseline_cm: float
    color: str = "#D0D0D0"


@dataclass(frozen=True)
class Marker:
    """A small numbered circle (the review PDF's ①, ② … at the start of a commented line):
    a mark for the reader's eye, not text of the letter, so it stays out of the text layer.
    (``x``, ``y``) is the circle's centre; the number is drawn centred in it."""

    number: int
    x: float
    y: float
    diameter: float
    size_pt: float
    color: str = "#C00000"


@dataclass
class Page:
    """``watermark`` and ``markers`` are drawn over the paper but are not the letter's items:
    code that reads the letter's geometry (hit testing, signing placement) never meets them."""

    number: int  # 1-based
    items: list[Item] = field(default_factory=list)
    width: float = A4_WIDTH_CM
    height: float = A4_HEIGHT_CM
    watermark: Watermark | None = None
    markers: list[Marker] = field(default_factory=list)


@dataclass
class Pages:
    """The typeset document. ``font_family`` names the face the lines were measured with."""

    pages: list[Page]
    font_family: str = "Sarabun"

    def __len__(self) -> int:
        return len(self.pages)

    def lines(self) -> list[TextLine]:
        return [it for p in self.pages for it in p.items if isinstance(it, TextLine)]


def item_bounds(item: Item) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in cm: the ink box of a text line (ascent and descent of
    Thai with marks) or the box of an image, QR code or rule. Used for hit testing in the
    preview and for overlap checks in layout and tests."""
    if isinstance(item, TextLine):
        size_cm = item.size_pt / 72.0 * 2.54
        return (item.x, item.y - size_cm * 0.95, item.x + item.width_cm, item.y + size_cm * 0.4)
    if isinstance(item, ImageBox):
        return (item.x, item.y, item.x + item.width, item.y + item.height)
    if isinstance(item, QRBox):
        return (item.x, item.y, item.x + item.size, item.y + item.size)
    return (min(item.x1, item.x2), min(item.y1, item.y2) - 0.05,
            max(item.x1, item.x2), max(item.y1, item.y2) + 0.05)
