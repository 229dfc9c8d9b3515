"""The QR capacity rule: one function, used by ``check`` (naming qr.url) and by the code's
makers, so a URL that check passes always typesets and one it refuses never half-renders."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dla_drafter import pipeline
from dla_drafter.model.checks import check_letter
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.model.qr import QR_MAX_BYTES, qr_fits
from dla_drafter.typeset.qr import QRCapacityError, qr_modules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "circular-2565-eef.dladraft.json"


def letter_with_url(url: str):
    letter = letter_from_dict(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    return replace(letter, qr=replace(letter.qr, url=url))


def url_of(length: int) -> str:
    head = "https://www.dla.go.th/"
    return head + "a" * (length - len(head))


def test_the_largest_url_that_fits_typesets_and_one_byte_more_is_refused_by_check(settings):
    fits, too_long = url_of(QR_MAX_BYTES), url_of(QR_MAX_BYTES + 1)
    assert qr_fits(fits) and not qr_fits(too_long)
    assert not [p for p in check_letter(letter_with_url(fits)) if p.field == "qr.url"
                and p.is_error]
    pages = pipeline.typeset_letter(letter_with_url(fits), settings)
    assert any(type(item).__name__ == "QRBox" for page in pages.pages for item in page.items)
    [problem] = [p for p in check_letter(letter_with_url(too_long)) if p.field == "qr.url"]
    assert problem.is_error and problem.code == "qr-url-too-long"
    assert f"{QR_MAX_BYTES + 1:,}" in problem.message_th and "QR Code" in problem.message_th


def test_thai_in_a_url_counts_three_bytes_a_character():
    thai = "https://th.wikipedia.org/wiki/" + "ก" * ((QR_MAX_BYTES - 30) // 3 + 1)
    assert len(thai) < QR_MAX_BYTES and not qr_fits(thai)
    [problem] = [p for p in check_letter(letter_with_url(thai)) if p.field == "qr.url"]
    assert problem.code == "qr-url-too-long"


def test_the_typesetter_refuses_a_url_too_long_with_the_field_message(settings):
    with pytest.raises(QRCapacityError) as info:
        pipeline.typeset_letter(letter_with_url(url_of(3000)), settings)
    assert info.value.problems[0].field == "qr.url"
    assert "ลิงก์ของ QR Code: " in str(info.value) and "Invalid version" not in str(info.value)
    assert "(qr.url)" in info.value.problems[0].message("th", path=True)
    with pytest.raises(QRCapacityError):
        qr_modules(url_of(QR_MAX_BYTES + 1), 2)  # the DOCX writer's call


def test_a_lone_surrogate_is_not_called_too_long():
    letter = letter_with_url("https://x.go.th/\ud800")
    codes = {p.code for p in check_letter(letter) if p.field == "qr.url"}
    assert "invalid-char" in codes and "qr-url-too-long" not in codes


@pytest.mark.parametrize("text", ["a1" * 512, "A1b" * 341, "ก" * 341, "é" * 512,
                                  ("12345678901234567890abc" * 45)[:1024]])
def test_the_short_cut_for_short_urls_agrees_with_the_encoder(text):
    """qr_fits answers True without the encoder up to 1,024 bytes; the encoder agrees, with
    room to spare, for mixes of digits, capitals, Latin and Thai."""
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    assert len(text.encode("utf-8")) <= 1024
    assert qr_fits(text) and code.best_fit() <= 30
