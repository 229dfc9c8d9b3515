"""The font face's two ways of answering: a line's width (what the typesetter needs) and its
glyphs (what the PDF and the preview draw), from one HarfBuzz call per line."""

from __future__ import annotations

import random

from dla_drafter.typeset.fonts import SARA_AM, load_font_set


def _texts() -> list[str]:
    rng = random.Random(7)
    chars = "กขคงจชญดตทนบปพมยรลวสหอะัาำิีึืุูเแโใไ็่้๊๋์ํ๐๑ ab.,()" + SARA_AM
    texts = ["ที่ประชุมเห็นชอบ", "น้ำใจ", "ฤๅษี", "กำหนดการ ๑๒ ข้อ", "ทำ ้ำ", "(      )"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 50)))
              for _ in range(400)]
    return texts


def test_a_lines_width_is_its_shaped_advance_without_building_its_glyphs() -> None:
    """``width_cm`` equals the shaped line's advance (the lone SARA AM merge included), and
    measuring a line builds no glyph records: a DOCX, which draws nothing, never pays for
    them; drawing the line afterwards reuses the same HarfBuzz result."""
    fonts = load_font_set(use_system=False)
    for face in (fonts.regular, fonts.bold):
        face._shape_cached.cache_clear()
        face._raw_cached.cache_clear()
        texts = _texts()
        for text in texts:
            face.width_cm(text, 16.0)
        assert face._shape_cached.cache_info().currsize == 0
        shaped_calls = face._raw_cached.cache_info().misses
        for text in texts:
            assert face.advance_units(text) == face.shape(text).advance, text
        # shaping what was measured asked HarfBuzz nothing new
        assert face._raw_cached.cache_info().misses == shaped_calls
