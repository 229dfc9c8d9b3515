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


@dataclass
class Page:
    number: int  # 1-based
    items: list[Item] = field(default_factory=list)
    width: float = A4_WIDTH_CM
    height: float = A4_HEIGHT_CM


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
