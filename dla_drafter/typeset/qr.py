"""The QR code's modules, shared by the page layout (PDF, preview, print) and the DOCX writer
so that every output carries the same code. What fits in a code is one rule, in
``model.qr`` (``check`` applies it too); the makers refuse by it (:class:`QRCapacityError`)."""

from __future__ import annotations

from functools import lru_cache

from ..model.qr import qr_capacity_problem, qr_code, qr_fits
from ..problems import DrafterError


class QRCapacityError(DrafterError, ValueError):
    """The text does not fit in the largest QR code; the message says so in Thai and English.

    ``check`` reports the same rule on ``qr.url`` first, so a clerk meets this only when a
    caller skipped validation."""

    def __init__(self, url: str) -> None:
        problem = qr_capacity_problem(url)
        assert problem is not None
        super().__init__([problem])


@lru_cache(maxsize=32)
def qr_modules(url: str, quiet_zone: int = 0) -> tuple[tuple[bool, ...], ...]:
    """Dark (True) modules of the QR code for ``url``, error correction M, with
    ``quiet_zone`` light modules around it. Raises :class:`QRCapacityError` when ``url``
    does not fit (see :func:`qr_fits`)."""
    if not qr_fits(url):
        raise QRCapacityError(url)
    code = qr_code(url, quiet_zone)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())
