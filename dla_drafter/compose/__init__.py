"""Compose: Letter → Composition (the blocks of the page with their printed wording)."""

from __future__ import annotations

from ..model.letter import Letter
from .blocks import Composition
from .external import compose_external


def compose(letter: Letter) -> Composition:
    """Blocks for ``letter``. Only the external letter has its own layout so far; the other
    kinds print with the external letter's parts (see docs/architecture.md)."""
    return compose_external(letter)
