"""Reviewer cards: made and read back, hostile files refused with a clear message, the
fingerprint people read aloud, and the card's place in the agency profile."""

from __future__ import annotations

import hashlib
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.app_settings import AgencyProfile, AppConfig, ReviewerKey
from dla_drafter.review.cards import (
    MAX_CARD_BYTES,
    CardError,
    fingerprint,
    make_card,
    read_card,
    read_card_file,
    same_fingerprint,
)
from dla_drafter.review.integrity import Reviewer, public_key_text

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
ME = Reviewer("นางสาวศรีสุดา ใจดี", "ผู้อำนวยการกองส่งเสริม", "ผอ.กศ.")


def card_dict(**changes) -> dict:
    data = json.loads(make_card(ME, KEY).to_bytes())
    data.update(changes)
    return data


def refused(data: bytes) -> CardError:
    with pytest.raises(CardError) as caught:
        read_card(data, "x.dlacard")
    error = caught.value
    assert error.message("th") and error.message("en")
    assert isinstance(error, OSError)  # a card is a file: ``except OSError`` still catches it
    return error


def test_a_card_reads_back_as_made():
    card = make_card(ME, KEY)
    again = read_card(card.to_bytes())
    assert again == card and again.verifies()
    assert again.reviewer == ME
    assert again.public_key == public_key_text(KEY.public_key())
    data = json.loads(card.to_bytes())
    assert list(data) == ["format", "name", "position", "abbreviation", "public_key",
                          "signature"]
    assert data["format"] == "dla-drafter/reviewer-card@1"


def test_the_fingerprint_is_twenty_thai_digits_in_fours_groups_of_five():
    shown = fingerprint(public_key_text(KEY.public_key()))
    groups = shown.split(" ")
    assert len(groups) == 4 and all(len(g) == 5 for g in groups)
    assert all(c in "๐๑๒๓๔๕๖๗๘๙" for c in "".join(groups))
    # SHA-256 of the 32 key bytes, as an integer, modulo 10^20 (docs/draft-format.md)
    raw = KEY.public_key().public_bytes_raw()
    expected = str(int.from_bytes(hashlib.sha256(raw).digest(), "big") % 10**20).zfill(20)
    arabic = fingerprint(public_key_text(KEY.public_key()), thai=False)
    assert arabic.replace(" ", "") == expected
    other = fingerprint(public_key_text(Ed25519PrivateKey.generate().public_key()))
    assert other != shown
    assert same_fingerprint(shown, public_key_text(KEY.public_key()))
    assert same_fingerprint(expected[:10] + "-" + expected[10:], public_key_text(KEY.public_key()))
    assert not same_fingerprint(expected[:-1] + "0" if expected[-1] != "0" else
                                expected[:-1] + "1", public_key_text(KEY.public_key()))
    with pytest.raises(ValueError):
        fingerprint("rsa:abc")


def test_spaces_in_the_identity_are_tidied_once_and_signed_so():
    card = make_card(Reviewer("  นางสาวศรีสุดา   ใจดี ", "", " ผอ.กศ."), KEY)
    assert (card.name, card.abbreviation) == ("นางสาวศรีสุดา ใจดี", "ผอ.กศ.")
    assert read_card(card.to_bytes()).verifies()


@pytest.mark.parametrize("who", [Reviewer("", "", "ผอ.กศ."), Reviewer("สมชาย", "", "")])
def test_no_card_without_a_name_and_an_abbreviation(who):
    with pytest.raises(CardError) as caught:
        make_card(who, KEY)
    assert "whoami" not in caught.value.message("th")  # the engine does not name the CLI
    assert caught.value.problems


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"x" * (MAX_CARD_BYTES + 1), ("KiB",)),
        (b"\xff\xfe\x00garbage", ("JSON",)),
        (b"{not json", ("JSON",)),
        (b"[" * 5000 + b"]" * 5000, ("JSON",)),
        (b"[1, 2]", ("not a reviewer card",)),
        (json.dumps({"format": "dla-drafter/profile@1"}).encode(), ("format",)),
        (json.dumps(card_dict(format="dla-drafter/reviewer-card@2")).encode(), ("newer",)),
        (json.dumps(card_dict(name=5)).encode(), ("name", "text")),
        (json.dumps(card_dict(position=["x"])).encode(), ("position", "text")),
        (json.dumps(card_dict(name="นางสาว\u200bศรีสุดา")).encode(), ("name", "ZERO WIDTH")),
        (json.dumps(card_dict(abbreviation="ผอ.\nกศ.")).encode(), ("abbreviation", "U+000A")),
        (json.dumps(card_dict(name="ก" * 201)).encode(), ("name", "200")),
        (json.dumps(card_dict(abbreviation="", position="")).encode(), ("abbreviation",)),
        (json.dumps(card_dict(public_key="ed25519:AAAA")).encode(), ("public_key",)),
        (json.dumps(card_dict(signature=None)).encode(), ("signature",)),
        (json.dumps(card_dict(signature="!!!")).encode(), ("signature", "does not verify")),
        (json.dumps(card_dict(name="นายผู้อำนวยการ ตัวจริง")).encode(), ("does not verify",)),
        (json.dumps(card_dict(public_key=public_key_text(
            Ed25519PrivateKey.generate().public_key()))).encode(), ("does not verify",)),
        (b'{"format": "dla-drafter/reviewer-card@1", "name": "a", "name": "b"}', ("duplicate",)),
    ],
    ids=["too-large", "not-utf8", "not-json", "deep", "a-list", "a-profile", "newer",
         "name-number", "position-list", "invisible", "newline", "too-long", "no-row",
         "bad-key", "no-signature", "signature-not-base64", "name-edited", "key-swapped",
         "duplicate-key"],
)
def test_hostile_cards_are_refused_with_a_clear_message(data, words):
    error = refused(data)
    english = error.describe("en")
    for word in words:
        assert word in english, english
    assert error.describe("th") != english


def test_a_card_file_that_cannot_be_read_is_a_card_error(tmp_path):
    with pytest.raises(CardError) as caught:
        read_card_file(tmp_path / "missing.dlacard")
    assert "missing.dlacard" in caught.value.message("en")
    big = tmp_path / "big.dlacard"
    big.write_bytes(b" " * (10 * MAX_CARD_BYTES))
    with pytest.raises(CardError):
        read_card_file(big)
    good = tmp_path / "good.dlacard"
    good.write_bytes(b"\xef\xbb\xbf" + make_card(ME, KEY).to_bytes())  # Notepad's BOM
    assert read_card_file(good).name == ME.name


def test_a_profile_takes_a_card_and_old_profiles_still_load():
    profile = AgencyProfile(profile_name="กศ")
    card = make_card(ME, KEY)
    assert profile.trust(card) == ("added", None)
    assert profile.trust(card)[0] == "same"
    moved = make_card(Reviewer(ME.name, "รองอธิบดี", "รอง อสถ."), KEY)
    outcome, old = profile.trust(moved)
    assert outcome == "updated" and old.abbreviation == "ผอ.กศ."
    assert [r.abbreviation for r in profile.reviewers] == ["รอง อสถ."]

    again = AgencyProfile.from_dict(json.loads(json.dumps(profile.to_dict())))
    [entry] = again.reviewers
    assert entry.position == "รองอธิบดี" and entry.card() == moved
    assert again.to_dict()["reviewers"] == profile.to_dict()["reviewers"]

    old_style = AgencyProfile.from_dict({"reviewers": [
        {"name": "สมชาย", "abbreviation": "ผอ.กศ.", "public_key": card.public_key},
        {"name": 5, "public_key": None}, "not an object"]})
    assert [(r.name, r.position, r.signature) for r in old_style.reviewers] == [
        ("สมชาย", "", ""), ("", "", "")]
    assert old_style.reviewers[0].card() is None  # typed by hand: no card behind it
    edited = ReviewerKey(**{**entry.__dict__, "name": "คนอื่น"})
    assert edited.card() is None  # a card entry edited afterwards no longer verifies
    assert profile.untrust(card.public_key).name == ME.name and profile.reviewers == []


def test_the_keyring_knows_each_key_by_its_card(own_folders):
    from dla_drafter.review import identity

    identity.save_identity(identity.Identity("ชื่อของฉัน", "", "จนท."))
    mine = public_key_text(identity.signing_key().public_key())
    config = AppConfig.load()
    config.profile().trust(make_card(ME, KEY))
    keyring = config.keyring()
    assert keyring.reviewer(public_key_text(KEY.public_key())) == ME
    assert keyring.reviewer(mine) == Reviewer("ชื่อของฉัน", "", "จนท.")
    # The office's card for the user's own key wins over what the user typed locally:
    # it is what every other PC checks the user's approvals against.
    config.profile().reviewers.append(ReviewerKey("ชื่อในบัตร", "จนท.", mine))
    assert config.keyring().reviewer(mine).name == "ชื่อในบัตร"
