"""The e-CMS code lists for speed (ชั้นความเร็ว) and secrecy (ชั้นความลับ), and their match
with the draft's ``urgency`` and ``secrecy`` values.

TH e-GIF's exchange between saraban systems numbers both lists 001–004, the lowest being
ปกติ (an ordinary letter, which the draft stores as null):

====  ==========  ==========
code  SpeedCode   SecretCode
====  ==========  ==========
001   ปกติ         ปกติ
002   ด่วน          ลับ
003   ด่วนมาก       ลับมาก
004   ด่วนที่สุด      ลับที่สุด
====  ==========  ==========

The draft's words are ``model.letter.URGENCIES`` and ``SECRECIES``, in the same order, so the
tables are built from them and cannot drift apart.
"""

from __future__ import annotations

from ..model.letter import SECRECIES, URGENCIES

ORDINARY = "001"

#: Draft value (None = ปกติ) → e-CMS code.
SPEED_CODES: dict[str | None, str] = {
    None: ORDINARY, **{word: f"{i:03d}" for i, word in enumerate(URGENCIES, 2)}
}
SECRET_CODES: dict[str | None, str] = {
    None: ORDINARY, **{word: f"{i:03d}" for i, word in enumerate(SECRECIES, 2)}
}

#: e-CMS code → draft value (None = ปกติ).
URGENCY_OF_CODE: dict[str, str | None] = {code: word for word, code in SPEED_CODES.items()}
SECRECY_OF_CODE: dict[str, str | None] = {code: word for word, code in SECRET_CODES.items()}


def code_name(code: str, secret: bool) -> str:
    """The Thai name of a code, for messages (``"004"`` → ``ด่วนที่สุด``)."""
    table = SECRECY_OF_CODE if secret else URGENCY_OF_CODE
    if code not in table:
        return code
    return table[code] or "ปกติ"
