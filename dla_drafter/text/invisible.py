"""Characters that draw nothing: the one set the loader removes and the writers never write.

Word processors and web pages leave them in pasted Thai text (a zero-width space between
words, a soft hyphen, a bidi mark). They change where Word breaks a line and what a search
finds, yet print nothing; the draft stores text without them (the typesetter adds its own
break opportunities) and the loader removes them with a warning naming each (Thai and
English names below). The DOCX writer removes the same set, plus what XML 1.0 cannot hold at
all (:data:`XML_ILLEGAL`), so a caller that skipped validation still gets a whole document.
"""

from __future__ import annotations

import re

INVISIBLE_CHARS: dict[str, str] = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)",
    "\u00ad": "SOFT HYPHEN",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
INVISIBLE = re.compile("[" + "".join(INVISIBLE_CHARS) + "]")

#: Control characters (but TAB, LF, CR), lone surrogates and U+FFFE/U+FFFF: XML 1.0 cannot
#: hold them, so no DOCX part may contain them.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_invisible(text: str) -> str:
    """``text`` without the characters of :data:`INVISIBLE_CHARS`."""
    return INVISIBLE.sub("", text)
