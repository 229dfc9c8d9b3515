"""Word's units: a DOCX measures lengths in twips (1/20 pt) and font sizes in half points.
Its own module, so the writer and the paginator both use it without importing each other."""

from __future__ import annotations

TWIPS_PER_CM = 1440 / 2.54


def cm_to_twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


def pt_to_half_points(pt: float) -> int:
    return round(pt * 2)


__all__ = ["TWIPS_PER_CM", "cm_to_twips", "pt_to_half_points"]
