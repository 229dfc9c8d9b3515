"""Compose: Letter → Composition (the blocks of the page with their printed wording)."""

from __future__ import annotations

from collections.abc import Callable

from ..model.letter import Letter
from .blocks import Composition
from .external import compose_external
from .memo import compose_memo
from .proclamation import compose_proclamation
from .stamped import compose_stamped

COMPOSERS: dict[str, Callable[[Letter], Composition]] = {
    "external": compose_external,
    "memo": compose_memo,
    "stamped": compose_stamped,
    "order": compose_proclamation,
    "announcement": compose_proclamation,
}


def compose(letter: Letter) -> Composition:
    """Blocks for ``letter`` in the layout of its kind; a kind this version does not know
    (a draft from a newer version) prints as an external letter."""
    return COMPOSERS.get(letter.kind, compose_external)(letter)
