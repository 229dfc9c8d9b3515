"""``compose``: each kind of letter to its own layout, and a kind this version does not know to
an external letter."""

from __future__ import annotations

from dla_drafter.compose import COMPOSERS, compose
from dla_drafter.compose.blocks import (
    Addressed,
    ComplimentaryClose,
    Emblem,
    IssuedOn,
    MemoHead,
    StampArea,
    TitleBlock,
)
from dla_drafter.compose.external import compose_external
from dla_drafter.compose.memo import compose_memo
from dla_drafter.compose.proclamation import compose_proclamation
from dla_drafter.compose.stamped import compose_stamped
from dla_drafter.model.draftio import letter_from_dict as letter_from
from dla_drafter.model.kinds import KIND_NAMES


def test_every_kind_the_model_knows_has_a_composer() -> None:
    assert set(COMPOSERS) == set(KIND_NAMES)
    assert COMPOSERS["external"] is compose_external
    assert COMPOSERS["memo"] is compose_memo
    assert COMPOSERS["stamped"] is compose_stamped
    assert COMPOSERS["order"] is COMPOSERS["announcement"] is compose_proclamation


def test_the_composition_carries_the_letters_page_wide_marks(letter) -> None:
    letter.secrecy = "ลับ"
    letter.digits = "arabic"
    for kind in COMPOSERS:
        letter.kind = kind
        composition = compose(letter)
        assert (composition.kind, composition.secrecy, composition.digits) == (
            kind, "ลับ", "arabic")


def test_each_kind_composes_its_own_parts(memo_dict, order_dict, stamped_dict):
    memo_blocks = compose(letter_from(memo_dict)).blocks
    assert any(isinstance(b, MemoHead) for b in memo_blocks)
    assert not any(isinstance(b, Emblem | ComplimentaryClose) for b in memo_blocks)
    stamped_blocks = compose(letter_from(stamped_dict)).blocks
    assert [type(b) for b in stamped_blocks if isinstance(b, Addressed | StampArea)] == [
        Addressed, StampArea]
    assert not any(isinstance(b, ComplimentaryClose) for b in stamped_blocks)
    for kind in ("order", "announcement"):
        order_dict["kind"] = kind
        c = compose(letter_from(order_dict))
        assert c.kind == kind
        assert [type(b) for b in c.blocks if isinstance(b, TitleBlock | IssuedOn)] == [
            TitleBlock, IssuedOn]


def test_an_unknown_kind_prints_as_an_external_letter(eef_dict):
    letter = letter_from(eef_dict)
    letter.kind = "circular-from-the-future"
    blocks = compose(letter).blocks
    assert isinstance(blocks[0], Emblem)
    assert any(isinstance(b, ComplimentaryClose) for b in blocks)
