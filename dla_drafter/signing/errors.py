"""The one error type of the signing package: it says, in Thai and English, what to do."""

from __future__ import annotations


class SigningError(Exception):
    """Signing or verifying could not be done; nothing was written.

    ``message_th``/``message_en`` name the file or field and the likely cause in words a clerk
    can act on (wrong passphrase, expired certificate …), like
    :class:`dla_drafter.atomic.AtomicWriteError`, so the CLI and the app show them as they are.
    """

    def __init__(self, message_th: str, message_en: str):
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en

    def __str__(self) -> str:
        return f"{self.message_th}\n{self.message_en}"
