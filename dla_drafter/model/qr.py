"""What fits in a QR code: the one rule ``check`` applies to ``qr.url`` (naming the field)
and the code's makers (``typeset.qr``, the DOCX writer) refuse by.

It lives with the model because checking a draft must not reach up into the typesetter; the
typesetter imports it from here.
"""

from __future__ import annotations

from functools import lru_cache

from ..problems import Problem

# The largest code (version 40) at error correction M holds 2,331 bytes in byte mode; a URL
# of digits or capitals packs tighter, so :func:`qr_fits` asks the encoder itself.
QR_MAX_BYTES = 2331


# Any text up to this many UTF-8 bytes fits, whatever modes the encoder picks: 8 bits a byte
# plus at most ~30 bits of mode header per chunk (chunks are >= 20 characters) stays far
# below version 40-M's 18,672 data bits. Short URLs, nearly all of them, skip the encoder,
# which costs ~2 ms a call (check runs as the clerk types).
_SURELY_FITS_BYTES = 1024


def qr_code(url: str, quiet_zone: int = 0):  # qrcode.QRCode; qrcode has no type hints
    import qrcode  # imported here: it costs ~0.1 s and most letters carry no QR code
    import qrcode.constants

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=quiet_zone)
    code.add_data(url)
    return code


@lru_cache(maxsize=64)
def qr_fits(url: str) -> bool:
    """Whether ``url`` fits in a QR code at error correction M (version 40 at most).

    The encoder's own size calculation (no matrix is drawn), so the answer is exactly what
    :func:`qr_modules` will meet. qrcode raises DataOverflowError or, for some lengths just
    past the limit, a ValueError about version 41: both mean "too long".
    """
    size = len(url.encode("utf-8"))  # a lone surrogate is not "too long": its error passes
    if size <= _SURELY_FITS_BYTES:
        return True
    from qrcode.exceptions import DataOverflowError

    try:
        qr_code(url).best_fit()
    except (DataOverflowError, ValueError):
        return False
    return True


def qr_capacity_problem(url: str, field: str = "qr.url") -> Problem | None:
    """The error for a URL too long for a QR code, naming ``field``; None when it fits."""
    try:
        if not url or qr_fits(url):
            return None
    except UnicodeEncodeError:  # a lone surrogate: validation names that, not this rule
        return None
    size = len(url.encode("utf-8"))
    return Problem(
        field, "qr-url-too-long", "error",
        f"ยาว {size:,} ไบต์ เกินที่ QR Code จุได้ (ไม่เกิน {QR_MAX_BYTES:,} ไบต์ หรือราว "
        f"{QR_MAX_BYTES:,} ตัวอักษรภาษาอังกฤษ) ใช้ลิงก์แบบย่อแทน",
        f"is {size:,} bytes long, more than a QR code holds (at most {QR_MAX_BYTES:,} bytes, "
        f"about {QR_MAX_BYTES:,} Latin characters); use a shortened link",
    )
