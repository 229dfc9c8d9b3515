"""Where the signature goes: one rule for every back end.

The signature block (and a stamped letter's seal) is centred under the คำลงท้าย — or under
``สั่ง/ประกาศ ณ วันที่ …`` — which starts at the date's x; a letter with neither centres it
where the external letter's default close would put it. The typesetter and the DOCX writer
both ask here, each with its own way of measuring text, so the PDF and Word cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..compose.blocks import ComplimentaryClose, IssuedOn
from .profile import LayoutProfile


def issued_on_width(block: IssuedOn, width: Callable[[str], float],
                    profile: LayoutProfile) -> float:
    """Width of the ``สั่ง ณ วันที่ …`` line, including the room left for a blank day."""
    if block.day is None:
        return width(block.prefix + " ") + profile.blank_day_width + width(block.month_year)
    return width(block.text)


def signature_centre(blocks: Iterable[object], width: Callable[[str], float],
                     profile: LayoutProfile) -> float:
    """x of the signature's centre, in cm from the left margin."""
    centre = profile.date_x_from_margin + width(profile.signature_anchor_text) / 2
    for block in blocks:
        if isinstance(block, ComplimentaryClose):
            centre = profile.date_x_from_margin + width(block.text) / 2
        elif isinstance(block, IssuedOn):
            centre = profile.date_x_from_margin + issued_on_width(block, width, profile) / 2
    return centre
