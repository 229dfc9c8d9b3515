"""Property: any letter made of valid values survives dumps → loads unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dla_drafter.model.draftio import (
    INVISIBLE_CHARS,
    days_in_month,
    dumps_draft,
    letter_from_dict,
    load_draft,
    loads_draft,
    save_draft,
)
from dla_drafter.model.letter import (
    DIGIT_MODES,
    KINDS,
    SECRECIES,
    URGENCIES,
    Agency,
    Contact,
    Enclosure,
    Initial,
    Letter,
    LetterDate,
    Number,
    QRCode,
    Recipients,
    Signer,
)

# Valid field text: no control characters, separators, surrogates, invisible characters or
# the noncharacters U+FFFE/U+FFFF (XML, hence DOCX, cannot hold them).
_char = st.one_of(
    st.characters(
        blacklist_categories=("Cc", "Cs"),
        blacklist_characters="\u2028\u2029\ufffe\uffff" + "".join(INVISIBLE_CHARS),
    ),
    st.sampled_from("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะัาำิีึืุู็่้๊๋์เแโใไ๐๑๒๓ ."),
)
text = st.text(_char, max_size=30)
texts = st.lists(text, max_size=4)

json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=10),
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
# Unknown keys never collide with known ones ("x-" is not a v1 key).
extra = st.dictionaries(st.text(max_size=8).map(lambda k: "x-" + k), json_value, max_size=2)


@st.composite
def dates(draw: st.DrawFn) -> LetterDate:
    year = draw(st.integers(2400, 2700))
    month = draw(st.integers(1, 12))
    day = draw(st.none() | st.integers(1, days_in_month(month, year)))
    return LetterDate(month=month, year=year, day=day, extra=draw(extra))


letters = st.builds(
    Letter,
    subject=text,
    addressee=text,
    body=texts,
    date=dates(),
    kind=st.sampled_from(KINDS),
    urgency=st.none() | st.sampled_from(URGENCIES),
    secrecy=st.none() | st.sampled_from(SECRECIES),
    file_copy=st.booleans(),
    number=st.builds(
        Number, code=text, circular=st.booleans(), serial=st.none() | text, extra=extra
    ),
    agency=st.builds(Agency, name=text, address=texts, extra=extra),
    salutation=text,
    references=texts,
    enclosures=st.lists(st.builds(Enclosure, text=text, amount=text, extra=extra), max_size=3),
    closing=text,
    complimentary_close=text,
    signer=st.builds(Signer, name=text, position=texts, extra=extra),
    owner_unit=texts,
    contact=st.builds(Contact, phone=text, fax=text, email=text, coordinator=text, extra=extra),
    qr=st.builds(QRCode, url=text, caption=text, extra=extra),
    copies_to=texts,
    recipients=st.builds(Recipients, title=text, names=texts, extra=extra),
    initials=st.lists(st.builds(Initial, role=text, name=text, extra=extra), max_size=3),
    digits=st.sampled_from(DIGIT_MODES),
    extra=extra,
)


@settings(max_examples=150, deadline=None)
@given(letters)
def test_any_valid_letter_round_trips(letter: Letter) -> None:
    text_ = dumps_draft(letter)
    assert loads_draft(text_) == letter
    assert loads_draft(text_.encode("utf-8")) == letter
    assert dumps_draft(loads_draft(text_)) == text_  # stable output
    assert letter_from_dict(json.loads(text_)) == letter


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(letter=letters)
def test_any_valid_letter_round_trips_through_a_file(letter: Letter, tmp_path: Path) -> None:
    path = tmp_path / "p.dladraft.json"
    save_draft(letter, path, backup=True)
    assert load_draft(path) == letter
    stray: list[Any] = [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]
    assert stray == []
