"""The one error type of the signing package: it says, in Thai and English, what to do."""

from __future__ import annotations

from ..problems import DrafterError, problem


class SigningError(DrafterError):
    """Signing or verifying could not be done; nothing was written.

    ``message_th``/``message_en`` name the file or field and the likely cause in words a clerk
    can act on (wrong passphrase, expired certificate …), so the CLI and the app show them as
    they are. A :class:`~dla_drafter.problems.DrafterError` of one problem (no draft field);
    ``code`` says which kind, for callers that branch ("signing" when not given).
    """

    def __init__(self, message_th: str, message_en: str, code: str = "signing") -> None:
        super().__init__([problem(code, message_th, message_en)])
