"""What each kind of letter prints: one table (``model.kinds``) read by compose, by the checks
and by the form, so the printed page, the problems panel and the greyed boxes agree."""

from __future__ import annotations

import copy
import datetime
from typing import Any

from dla_drafter.compose import compose
from dla_drafter.compose.blocks import Heading, Labelled, MemoHead, Paragraph
from dla_drafter.model.checks import check_letter
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.model.kinds import NOT_PRINTED, prints

TODAY = datetime.date(2022, 7, 1)


def letter_of(example: dict[str, Any], **changes: Any):
    data = copy.deepcopy(example)
    data.update(changes)
    return letter_from_dict(data)


def printed_parts(letter) -> list[str]:
    """Every field a reader finds on paper (labelled parts and paragraphs)."""
    return [block.part for block in compose(letter).blocks
            if isinstance(block, Labelled | Paragraph)]


def test_orders_and_announcements_never_print_a_jueng_rian_closing(example):
    for kind in ("order", "announcement"):
        letter = letter_of(example, kind=kind, closing="จึงเรียนมาเพื่อโปรดทราบ")
        texts = [b.text for b in compose(letter).blocks if isinstance(b, Paragraph)]
        assert not any("จึงเรียนมา" in text for text in texts), kind
        problem = next(p for p in check_letter(letter, TODAY)
                       if p.field == "closing" and p.code == "not-printed")
        assert "ไม่พิมพ์" in problem.message("th") and problem.severity == "warning"
    # an order's own ending still prints
    letter = letter_of(example, kind="order", closing="ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป")
    assert "closing" in printed_parts(letter)
    # and an external letter keeps its จึงเรียนมา…
    assert "closing" in printed_parts(letter_of(example))


def test_every_filled_field_a_kind_does_not_print_is_named_in_a_warning(example):
    letter = letter_of(example, kind="stamped")
    letter.signer.name = "นายสมชาย ใจดี"
    found = {p.field: p for p in check_letter(letter, TODAY) if p.code == "not-printed"}
    assert set(found) == {"subject", "signer.name", "signer.position"}
    assert "หนังสือประทับตราไม่พิมพ์ เรื่อง" in found["subject"].message("th")
    assert "subject" not in printed_parts(letter)
    # a stamped letter needs no subject: it prints none
    letter.subject = ""
    assert not any(p.code == "subject-missing" for p in check_letter(letter, TODAY))

    order = letter_of(example, kind="order")
    found = {p.field for p in check_letter(order, TODAY) if p.code == "not-printed"}
    # the example's references, enclosures, address, code, circular, addressee, contacts
    assert {"references", "enclosures", "agency.address", "number.code", "number.circular",
            "addressee", "owner_unit", "contact.phone", "contact.email"} <= found
    # the program's own defaults (เรียน, ขอแสดงความนับถือ) are not the clerk's typing
    assert "salutation" not in found and "complimentary_close" not in found
    # an external letter prints all (the example's name and list filled in: it is complete)
    external = letter_of(example)
    external.signer.name = "นายประยูร อินสกุล"
    external.recipients.names = ["ผู้ว่าราชการจังหวัดกระบี่"]
    assert check_letter(external, TODAY) == []


def test_the_table_matches_what_compose_prints(example):
    for kind in NOT_PRINTED:
        parts = printed_parts(letter_of(example, kind=kind))
        for path in ("references", "enclosures"):
            assert (path in parts) == prints(kind, path), (kind, path)


def test_a_blank_serial_leaves_a_slash_to_write_after(example):
    letter = letter_of(example)
    letter.number.circular = False
    letter.number.serial = None
    heading = next(b for b in compose(letter).blocks if isinstance(b, Heading))
    assert heading.number == "ที่ มท ๐๘๑๖.๓/" and heading.serial_blank
    letter.number.serial = "1234"
    heading = next(b for b in compose(letter).blocks if isinstance(b, Heading))
    assert heading.number == "ที่ มท ๐๘๑๖.๓/๑๒๓๔"
    letter.number.serial = None
    letter.kind = "memo"
    head = next(b for b in compose(letter).blocks if isinstance(b, MemoHead))
    assert head.number.value[0].text == "มท ๐๘๑๖.๓/"


def test_salutation_digits_follow_the_digits_setting(example):
    letter = letter_of(example, salutation="เรียน 7")
    block = next(b for b in compose(letter).blocks
                 if isinstance(b, Labelled) and b.part == "salutation")
    assert block.label == "เรียน ๗"
    letter.digits = "arabic"
    block = next(b for b in compose(letter).blocks
                 if isinstance(b, Labelled) and b.part == "salutation")
    assert block.label == "เรียน 7"
