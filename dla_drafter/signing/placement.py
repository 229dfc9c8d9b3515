"""Where the visible signature goes: the blank gap above the signer's name line.

The typesetter leaves ``signature_blank_lines`` empty lines above ``(ชื่อเต็ม)`` for the pen
signature (``typeset/layout.py``). An electronic signature's appearance goes in the same gap,
centred on the name line, so a printed signed letter looks like a hand-signed one. The box is
found from the typeset :class:`~dla_drafter.typeset.pages.Pages` (never from the PDF), which is
the same geometry the PDF writer drew, and converted to PDF points with the origin at the
paper's bottom-left corner, as PDF annotations want it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..typeset.pages import Page, Pages, TextLine, item_bounds
from ..typeset.profile import DEFAULT_PROFILE, LayoutProfile

NAME_SOURCE = ("signer.name", None)
POINTS_PER_CM = 72.0 / 2.54

# The appearance is a little wider than a written signature: it holds the signer's name as the
# certificate states it and the signing time, in a small type.
BOX_WIDTH_CM = 6.0
# Air between the box and the text above and below it, so the appearance never touches ink.
BOX_PADDING_CM = 0.1
# Below this height the stamp's text would not fit; such a layout gets no visible box.
MIN_BOX_HEIGHT_CM = 1.0


@dataclass(frozen=True)
class SignatureBox:
    """The visible signature's rectangle: ``page`` is 1-based; the rest in PDF points from the
    paper's bottom-left corner (``left < right``, ``bottom < top``)."""

    page: int
    left: float
    bottom: float
    right: float
    top: float

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.left, self.bottom, self.right, self.top)


def _name_line(pages: Pages) -> tuple[Page, TextLine] | None:
    for page in pages.pages:
        for item in page.items:
            if isinstance(item, TextLine) and item.source == NAME_SOURCE:
                return page, item
    return None


def signature_box(pages: Pages, profile: LayoutProfile = DEFAULT_PROFILE) -> SignatureBox | None:
    """The box in the signature gap of ``pages``, or None when there is no signer's name line
    (a stamped letter has a seal instead) or no room above it; then sign invisibly.

    The e-saraban variant (``signer.e_saraban``) prints the name one line under the close with
    no gap, so the room above it is far under ``MIN_BOX_HEIGHT_CM`` and this returns None: an
    invisible signature, never a box drawn over the คำลงท้าย (tests/signing/test_esaraban_*)."""
    found = _name_line(pages)
    if found is None:
        return None
    page, name = found
    name_left, name_top, name_right, _ = item_bounds(name)
    above = [item_bounds(it)[3] for it in page.items
             if it is not name and item_bounds(it)[3] <= name_top]
    gap_top = max(above, default=profile.margin_top_continuation)
    top = gap_top + BOX_PADDING_CM
    bottom = name_top - BOX_PADDING_CM
    if bottom - top < MIN_BOX_HEIGHT_CM:
        return None
    centre = (name_left + name_right) / 2
    width = min(BOX_WIDTH_CM, page.width - profile.margin_left - profile.margin_right)
    left = min(max(centre - width / 2, profile.margin_left),
               page.width - profile.margin_right - width)
    return SignatureBox(
        page=page.number,
        left=left * POINTS_PER_CM,
        bottom=(page.height - bottom) * POINTS_PER_CM,
        right=(left + width) * POINTS_PER_CM,
        top=(page.height - top) * POINTS_PER_CM,
    )
