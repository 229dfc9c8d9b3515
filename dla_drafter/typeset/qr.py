"""The QR code's modules, shared by the page layout (PDF, preview, print) and the DOCX writer
so that every output carries the same code — and the one rule for what fits in a code,
shared by ``check`` (which names the field) and the code's makers (which refuse cleanly)."""

from __future__ import annotations

from functools import lru_cache

from ..problems import DrafterError, Problem

# The largest code (version 40) at error correction M holds 2,331 bytes in byte mode; a URL
# of digits or capitals packs tighter, so :func:`qr_fits` asks the encoder itself.
QR_MAX_BYTES = 2331


# Any text up to this many UTF-8 bytes fits, whatever modes the encoder picks: 8 bits a byte
# plus at most ~30 bits of mode header per chunk (chunks are >= 20 characters) stays far
# below version 40-M's 18,672 data bits. Short URLs, nearly all of them, skip the encoder,
# which costs ~2 ms a call (check runs as the clerk types).
_SURELY_FITS_BYTES = 1024


class QRCapacityError(DrafterError, ValueError):
    """The text does not fit in the largest QR code; the message says so in Thai and English.

    ``check`` reports the same rule on ``qr.url`` first, so a clerk meets this only when a
    caller skipped validation."""

    def __init__(self, url: str) -> None:
        problem = qr_capacity_problem(url)
        assert problem is not None
        super().__init__([problem])


def _code(url: str, quiet_zone: int = 0):  # qrcode.QRCode; qrcode has no type hints
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
        _code(url).best_fit()
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


@lru_cache(maxsize=32)
def qr_modules(url: str, quiet_zone: int = 0) -> tuple[tuple[bool, ...], ...]:
    """Dark (True) modules of the QR code for ``url``, error correction M, with
    ``quiet_zone`` light modules around it. Raises :class:`QRCapacityError` when ``url``
    does not fit (see :func:`qr_fits`)."""
    if not qr_fits(url):
        raise QRCapacityError(url)
    code = _code(url, quiet_zone)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())
