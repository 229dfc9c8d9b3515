"""Rendering settings that an office may change (the [P] numbers of the spec live in
``typeset.profile``; these are the choices about fonts and images)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import DrafterError, Problem

DEFAULT_DOCX_FONT = "TH SarabunPSK"
# Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF), plus line and
# paragraph separators: a font name is one line of text in every part of the DOCX.
_BAD_FONT_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
DOCX_FONT_FIELD = "docx_font"


def docx_font_problem(name: str) -> Problem | None:
    """Why ``name`` cannot be the DOCX font (a control character pasted into the setting or
    given to ``--docx-font``), as an error naming the setting; None when it is usable.

    Checked before any file is written; the DOCX writer refuses the same names
    (:class:`DocxFontError`) so a caller that skipped the check gets the same words.
    """
    bad = _BAD_FONT_CHAR.search(name)
    if bad is None:
        return None
    code = f"U+{ord(bad.group()):04X}"
    return Problem(
        DOCX_FONT_FIELD, "docx-font-invalid", "error",
        f"ชื่อแบบอักษรใน DOCX (--docx-font หรือการตั้งค่า \"แบบอักษรใน DOCX\") มีอักขระควบคุม"
        f"หรืออักขระที่ใช้ไม่ได้ ({code}) ที่ตัวอักษรที่ {bad.start() + 1} พิมพ์ชื่อแบบอักษรใหม่",
        f"the DOCX font name (--docx-font or the \"DOCX font\" setting) contains a control "
        f"or invalid character ({code}) at character {bad.start() + 1}; type the name again",
    )


class DocxFontError(DrafterError, ValueError):
    """The DOCX font name cannot be written (see :func:`docx_font_problem`)."""


@dataclass(frozen=True)
class RenderSettings:
    """``docx_font`` is the font name written into DOCX files (Word uses the office's copy).
    ``emblem_path`` replaces the bundled ครุฑ with the office's official image (SVG or PNG).
    ``pdf_font_dir`` forces the folder searched for TH Sarabun fonts (None: system folders).
    ``continuation_word`` prints, at the foot of every page but the last, the first word of
    the next page (``/ คำแรก…``), as many offices do.
    ``draft_watermark`` prints a large light-grey "ร่าง" across every page of a letter that
    is not approved (``review.printing.PrintState.approved``); off by default, so the final
    print is clean.
    ``pdf_a`` makes every PDF an archival PDF/A-3b file (an sRGB output intent and the PDF/A
    identification in its metadata); an office whose systems refuse PDF/A turns it off and
    gets a plain PDF 1.7 (tagged, with its draft inside, all the same)."""

    docx_font: str = DEFAULT_DOCX_FONT
    emblem_path: Path | None = None
    pdf_font_dir: Path | None = None
    use_system_th_sarabun: bool = True
    continuation_word: bool = True
    draft_watermark: bool = False
    pdf_a: bool = True
