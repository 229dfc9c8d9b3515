"""Thai text services with no Qt: digits, dates, grapheme clusters and line-break points.

``digits``, ``thaidate`` and ``graphemes`` are plain functions. ``wordbreak`` loads a
62 000-word dictionary on first use and compiles its rules, so its names are imported on
first use (``from dla_drafter.text import default_breaker`` still works) and importing this
package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .digits import DIGIT_MODES, apply_digits, link_spans, to_arabic_digits, to_thai_digits
from .graphemes import clusters, gap_count
from .thaidate import (
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    be_to_ce,
    ce_to_be,
    format_month_year,
    format_thai_date,
    today_be,
)

if TYPE_CHECKING:
    from .wordbreak import WordBreaker, default_breaker, read_word_file, shipped_words_path

_LAZY = {"WordBreaker", "default_breaker", "read_word_file", "shipped_words_path"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import wordbreak

        return getattr(wordbreak, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DIGIT_MODES",
    "THAI_MONTHS",
    "THAI_MONTHS_ABBR",
    "WordBreaker",
    "apply_digits",
    "be_to_ce",
    "ce_to_be",
    "clusters",
    "default_breaker",
    "format_month_year",
    "format_thai_date",
    "gap_count",
    "link_spans",
    "read_word_file",
    "to_arabic_digits",
    "to_thai_digits",
    "today_be",
    "shipped_words_path",
]
