"""The "ร่าง" watermark: where and how large it lies on a page (pure data, no Qt).

The size, angle and colour are chosen here once so the PDF, the preview and the printout
show the same mark: along the page's rising diagonal, large enough to be seen at a glance
across a desk, light enough that the letter under it still reads and photocopies.
"""

from __future__ import annotations

import math

from .fonts import PT_PER_CM, FontFace, FontSet
from .pages import Marker, Page, Pages, Watermark

DRAFT_WATERMARK_TEXT = "ร่าง"
WATERMARK_SIZE_PT = 320.0  # ~11 cm wide in the bundled Sarabun
WATERMARK_COLOR = "#D0D0D0"  # light grey: ~18 % ink, black text stays legible over it


def ink_middle_cm(face: FontFace, text: str, size_pt: float) -> float:
    """How far above the baseline the middle of ``text``'s ink lies, in cm: what centres a
    word (with its marks) on a point rather than its baseline."""
    tops, bottoms = [], []
    for glyph in face.shape(text).glyphs:
        extents = face.hb_font.get_glyph_extents(glyph.gid)
        if extents is None or extents.height == 0:
            continue
        top = glyph.y + extents.y_bearing
        tops.append(top)
        bottoms.append(top + extents.height)  # height is negative (y up)
    middle = (max(tops) + min(bottoms)) / 2 if tops else 0.0
    return middle * size_pt / face.upem / PT_PER_CM


def marker_label_origin(marker: Marker, fonts: FontSet) -> tuple[float, float, str]:
    """(x, baseline y, text) of a marker's number, centred in its circle, in page cm."""
    label = str(marker.number)
    face = fonts.face(True)
    return (marker.x - face.width_cm(label, marker.size_pt) / 2,
            marker.y + ink_middle_cm(face, label, marker.size_pt), label)


def watermark_for(page: Page, fonts: FontSet, text: str = DRAFT_WATERMARK_TEXT) -> Watermark:
    """A watermark across ``page``'s centre along its diagonal, its ink centred there."""
    face = fonts.face(True)
    return Watermark(
        text=text, cx=page.width / 2, cy=page.height / 2, size_pt=WATERMARK_SIZE_PT,
        angle_deg=math.degrees(math.atan2(page.height, page.width)),
        width_cm=face.width_cm(text, WATERMARK_SIZE_PT),
        baseline_cm=ink_middle_cm(face, text, WATERMARK_SIZE_PT),
        color=WATERMARK_COLOR,
    )


def add_watermark(pages: Pages, fonts: FontSet, text: str = DRAFT_WATERMARK_TEXT) -> None:
    """Put the watermark on every page of ``pages`` (in place)."""
    for page in pages.pages:
        page.watermark = watermark_for(page, fonts, text)
