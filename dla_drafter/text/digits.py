"""Thai and Arabic digits, and the URL / e-mail spans that must keep the digits as typed.

A draft stores digits exactly as the clerk typed them; the draft's ``digits`` setting decides
how they print (see ``draft-format.md``):

* ``"thai"``: every ASCII digit becomes a Thai digit (U+0E50–U+0E59) — the style the Cabinet
  resolution of 2 May 2000 encourages — except inside URLs and e-mail addresses, which must
  keep working when a reader types them in (``https://bit.ly/3I4Rmeo`` with Thai digits is a
  dead link);
* ``"arabic"``: every Thai digit becomes an ASCII digit;
* ``"as-typed"``: nothing changes.

``link_spans`` finds the URLs and e-mail addresses; the word breaker uses it too, so a link is
also never broken across lines.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

DigitMode = Literal["thai", "arabic", "as-typed"]
DIGIT_MODES: tuple[str, ...] = ("thai", "arabic", "as-typed")

ARABIC_DIGITS = "0123456789"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_HAS_ARABIC = re.compile("[0-9]").search

# --- links --------------------------------------------------------------------------------
# A link ends at white space, at Thai text (a clerk often types the next Thai word straight
# after a URL), at brackets and quotes that are not part of it, and never on trailing
# sentence punctuation. Balanced parentheses inside a path (Wikipedia style) are kept.
_THAI = "\u0e00-\u0e7f"
# Quotes, guillemets and the ellipsis close a link too (“https://…” in a sentence).
_STOP = "\u2018-\u201f\u00ab\u00bb\u2039\u203a\u2026\u3000-\u303f"
_PATH_CHAR = rf"[^\s<>\"'()\[\]{{}}{_THAI}{_STOP}]"
_PATH_END = rf"[^\s<>\"'()\[\]{{}}{_THAI}{_STOP}.,;:!?]"
_BALANCED = rf"\([^\s<>\"'()\[\]{{}}{_THAI}{_STOP}]*\)"
_TAIL = rf"(?:(?:{_PATH_CHAR}|{_BALANCED})*(?:{_PATH_END}|{_BALANCED}))"

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"

# Top-level domains accepted for a bare domain without "http" or "www." (bit.ly/…,
# dla.go.th). A closed list keeps "Mr.Smith" or "report.docx" from counting as links; any
# dotted name followed by a path ("/…") still counts.
_TLDS = (
    "com|net|org|edu|gov|mil|int|info|biz|name|pro|museum|coop|aero|asia|"
    "io|ai|app|dev|page|link|site|online|store|shop|tech|xyz|cloud|"
    "co|me|ly|gl|gle|be|at|to|tv|cc|ws|fm|im|is|it|us|uk|jp|cn|kr|tw|hk|sg|my|id|ph|vn|la|kh|"
    "mm|bn|in|th|au|nz|ca|eu|de|fr|nl|se|no|fi|dk|ch|es|pt|ru|ee"
)

_URL_SCHEME = rf"(?:https?|ftps?|file)://{_TAIL}?"
_URL_WWW = rf"www\.{_TAIL}"
_URL_BARE = (
    rf"(?<![A-Za-z0-9@._%+/-]){_LABEL}(?:\.{_LABEL})*\.(?i:{_TLDS})"
    rf"(?![A-Za-z0-9-])(?!\.[A-Za-z0-9])(?::[0-9]{{1,5}})?(?:[/?#]{_TAIL}?)?"
    rf"|(?<![A-Za-z0-9@._%+/-]){_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,63}}/{_TAIL}?"
)
_EMAIL = (
    r"(?:mailto:)?(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?"
    rf"@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,63}}(?![A-Za-z0-9-])"
)

#: One URL or e-mail address. E-mail comes first so its domain is not taken for a
#: bare-domain URL.
_LINK_PATTERN = rf"{_EMAIL}|{_URL_SCHEME}|{_URL_WWW}|{_URL_BARE}"


@lru_cache(maxsize=1)
def _link_re() -> re.Pattern[str]:
    """The compiled link pattern, made on first use: compiling it is ~6 ms that a cold
    ``register issue`` or a window that has not yet typeset should not pay at import."""
    return re.compile(_LINK_PATTERN, re.IGNORECASE)


def __getattr__(name: str) -> re.Pattern[str]:
    if name == "LINK_RE":  # the compiled pattern, under its old name
        return _link_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def link_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every URL and e-mail address in ``text``, in order, not overlapping.

    Recognised: ``http://``, ``https://``, ``ftp://``, ``www.``…, bare domains with a known
    top-level domain (``dla.go.th``, ``bit.ly/3I4Rmeo``), any dotted name ending in letters
    and followed by a path (``example.xyz/a``, but not ``5306.3/3367``), and e-mail
    addresses (``saraban@dla.go.th``).
    """
    return list(_links_cached(text))


# Bounded (issue 15 item 7): every text of a letter being edited, and a few letters more.
# The preview, the DOCX field map and the word breaker ask again for the same texts on
# every keystroke and every export; the regex above is the costly part.
@lru_cache(maxsize=4096)
def _links_cached(text: str) -> tuple[tuple[int, int], ...]:
    if "." not in text and "@" not in text and ":" not in text:
        return ()  # every kind of link has a dot, an @ or "://"
    return tuple(m.span() for m in _link_re().finditer(text))


# --- digits -------------------------------------------------------------------------------


def to_thai_digits(s: str | int) -> str:
    """Every ASCII digit → Thai digit, everywhere (links included; see ``apply_digits``);
    a number is written out first (labels shown to a clerk count in Thai: ย่อหน้าที่ ๓)."""
    return str(s).translate(_TO_THAI)


def to_arabic_digits(s: str) -> str:
    """Every Thai digit → ASCII digit."""
    return s.translate(_TO_ARABIC)


def apply_digits(s: str, mode: str) -> str:
    """Print ``s`` in the draft's digit style ``mode`` (``"thai"``, ``"arabic"``,
    ``"as-typed"``); in ``"thai"`` mode URLs and e-mail addresses keep their digits as typed.

    Raises ``ValueError`` for an unknown mode, so a typo in a draft or a profile is caught
    instead of silently printing the wrong digits.
    """
    if mode == "thai":
        if _HAS_ARABIC(s) is None:
            return s
        return _digits_cached(s)
    if mode == "arabic":
        return s.translate(_TO_ARABIC)
    if mode == "as-typed":
        return s
    raise ValueError(f"unknown digits mode {mode!r}; expected one of {', '.join(DIGIT_MODES)}")


@lru_cache(maxsize=4096)  # bounded, as _links_cached
def _digits_cached(s: str) -> str:
    """``apply_digits(s, "thai")`` for a text with ASCII digits."""
    out: list[str] = []
    pos = 0
    for start, end in _links_cached(s):
        out.append(s[pos:start].translate(_TO_THAI))
        out.append(s[start:end])
        pos = end
    out.append(s[pos:].translate(_TO_THAI))
    return "".join(out)


__all__ = [
    "ARABIC_DIGITS",
    "DIGIT_MODES",
    "THAI_DIGITS",
    "DigitMode",
    "apply_digits",
    "link_spans",
    "to_arabic_digits",
    "to_thai_digits",
]
