"""Rendering settings that an office may change (the [P] numbers of the spec live in
``typeset.profile``; these are the choices about fonts and images)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DOCX_FONT = "TH SarabunPSK"


@dataclass(frozen=True)
class RenderSettings:
    """``docx_font`` is the font name written into DOCX files (Word uses the office's copy).
    ``emblem_path`` replaces the bundled ครุฑ with the office's official image (SVG or PNG).
    ``pdf_font_dir`` forces the folder searched for TH Sarabun fonts (None: system folders).
    ``continuation_word`` prints, at the foot of every page but the last, the first word of
    the next page (``/ คำแรก…``), as many offices do."""

    docx_font: str = DEFAULT_DOCX_FONT
    emblem_path: Path | None = None
    pdf_font_dir: Path | None = None
    use_system_th_sarabun: bool = True
    continuation_word: bool = True
