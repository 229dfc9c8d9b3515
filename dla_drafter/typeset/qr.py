"""The QR code's modules, shared by the page layout (PDF, preview, print) and the DOCX writer
so that every output carries the same code."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=32)
def qr_modules(url: str, quiet_zone: int = 0) -> tuple[tuple[bool, ...], ...]:
    """Dark (True) modules of the QR code for ``url``, error correction M, with
    ``quiet_zone`` light modules around it."""
    import qrcode  # imported here: it costs ~0.1 s and most letters carry no QR code
    import qrcode.constants

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=quiet_zone)
    qr.add_data(url)
    qr.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in qr.get_matrix())
