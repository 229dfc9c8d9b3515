"""Page breaks that read right: the contact block never stands alone on a page, at least two
lines of text go with the signature, and every page but the last names the first word of the
next (``/ คำแรก…``)."""

from __future__ import annotations

import dataclasses

import pdfplumber
import pytest
from exporting import export

from dla_drafter.model.draftio import letter_from_dict as letter_from
from dla_drafter.pipeline import typeset_letter
from dla_drafter.text.wordbreak import default_breaker
from dla_drafter.typeset.layout import continuation_text
from dla_drafter.typeset.pages import TextLine
from dla_drafter.typeset.profile import DEFAULT_PROFILE as P

CONTACT = ("owner_unit", "contact")
TEXT = ("body", "closing")


def parts_of(page) -> set[str]:
    return {it.source[0] for it in page.items if isinstance(it, TextLine) and it.source}


def just_overflowing(eef_dict: dict, cut: int) -> dict:
    """The circular with a second paragraph of ``cut`` characters and no list: at these
    lengths the signature ends right at the foot of page one."""
    eef_dict["recipients"] = {}
    eef_dict["body"] = [eef_dict["body"][0], eef_dict["body"][1][:cut]]
    return eef_dict


@pytest.mark.parametrize("cut", [84, 150, 264, 300])
def test_contact_lines_never_stand_alone_on_a_page(eef_dict, settings, cut):
    pages = typeset_letter(letter_from(just_overflowing(eef_dict, cut)), settings)
    assert len(pages.pages) == 2
    for page in pages.pages:
        parts = parts_of(page)
        if any(part.startswith(CONTACT) for part in parts):
            assert "signer.name" in parts, f"page {page.number} holds only contact lines"
    [signature_page] = [pg for pg in pages.pages if "signer.name" in parts_of(pg)]
    text_lines = [it for it in signature_page.items if isinstance(it, TextLine)
                  and it.source and it.source[0] in TEXT]
    assert len(text_lines) >= 2  # two lines of the letter stand above the signature


def test_every_page_but_the_last_names_the_next_pages_first_word(eef_dict, settings, tmp_path):
    letter = letter_from(just_overflowing(eef_dict, 150))
    pages = typeset_letter(letter, settings)
    first, last = pages.pages
    [mark] = [it for it in first.items if it.source == ("continuation", None)]
    assert not [it for it in last.items if isinstance(it, TextLine)
                and it.source == ("continuation", None)]
    # flush right, on the text area's last line, which the flow of page one left free
    assert mark.x + mark.width_cm == pytest.approx(P.text_right)
    assert P.bottom_limit - P.line_pitch < mark.y < P.bottom_limit
    others = [it for it in first.items if isinstance(it, TextLine) and it is not mark]
    assert max(it.y for it in others) < P.bottom_limit - P.line_pitch
    top = min((it for it in last.items if isinstance(it, TextLine)
               and it.source and it.source[0] in TEXT), key=lambda it: it.y)
    word = mark.text.removeprefix("/ ").removesuffix("…")
    assert mark.text.startswith("/ ") and mark.text.endswith("…") and word
    assert top.text.startswith(word)

    path = tmp_path / "letter.pdf"
    export(letter, path, settings)
    with pdfplumber.open(path) as pdf:
        one, two = (page.extract_text() or "" for page in pdf.pages)
    assert f"/ {word}…" in one.splitlines()[-1]
    assert "/ " not in two.splitlines()[-1]

    off = dataclasses.replace(settings, continuation_word=False)
    quiet = typeset_letter(letter, off)
    assert not [it for page in quiet.pages for it in page.items
                if isinstance(it, TextLine) and it.source == ("continuation", None)]


def test_the_continuation_word_keeps_an_item_number_with_its_word():
    breaker = default_breaker()
    assert continuation_text("๒. ขอให้จังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่น", breaker) == "/ ๒. ขอให้…"
    assert continuation_text("กรมส่งเสริมการปกครองท้องถิ่น", breaker).startswith("/ กรม")
