"""Digit styles: Thai digits everywhere except in links, which must still work when typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dla_drafter.text.digits import (
    DIGIT_MODES,
    apply_digits,
    link_spans,
    to_arabic_digits,
    to_thai_digits,
)


def test_conversions_cover_all_ten_digits() -> None:
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert to_thai_digits("ปี 2565 ข้อ ๓") == "ปี ๒๕๖๕ ข้อ ๓"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("0 2241 9000 ต่อ 5312", "๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒"),
        ("ที่ มท 0816.3/ว 1750", "ที่ มท ๐๘๑๖.๓/ว ๑๗๕๐"),
        # a document number is not a URL even though it has a dot and a slash
        ("ที่ ศธ 5306.3/3367", "ที่ ศธ ๕๓๐๖.๓/๓๓๖๗"),
        ("โทรสาร 0-2241-9021-3 ต่อ 218", "โทรสาร ๐-๒๒๔๑-๙๐๒๑-๓ ต่อ ๒๑๘"),
        ("https://bit.ly/3I4Rmeo", "https://bit.ly/3I4Rmeo"),
        ("bit.ly/3I4Rmeo", "bit.ly/3I4Rmeo"),
        # Thai text straight after the URL ends it
        ("ดูที่ https://bit.ly/3I4Rmeoภายใน 29 วัน", "ดูที่ https://bit.ly/3I4Rmeoภายใน ๒๙ วัน"),
        # a closing parenthesis after the URL is not part of it
        ("(https://bit.ly/3I4Rmeo) 2565", "(https://bit.ly/3I4Rmeo) ๒๕๖๕"),
        ("(bit.ly/3I4Rmeo)2", "(bit.ly/3I4Rmeo)๒"),
        # sentence punctuation and quotes after a URL are not part of it
        ("http://x.go.th/a?b=1#2. 3", "http://x.go.th/a?b=1#2. ๓"),
        ("“https://e.go.th/1”2", "“https://e.go.th/1”๒"),
        ("www.dla.go.th/news/2565, ปี 2565", "www.dla.go.th/news/2565, ปี ๒๕๖๕"),
        ("https://en.wikipedia.org/wiki/A_(b_2)) 3", "https://en.wikipedia.org/wiki/A_(b_2)) ๓"),
        ("dla.go.th 1", "dla.go.th ๑"),
        ("tpipst@proj.ipst.ac.th", "tpipst@proj.ipst.ac.th"),
        ("ทางอีเมล tpipst@proj.ipst.ac.th ภายใน 29", "ทางอีเมล tpipst@proj.ipst.ac.th ภายใน ๒๙"),
        ("ติดต่อabc123@dla.go.th.", "ติดต่อabc123@dla.go.th."),
        ("mailto:x9@a.co.th 9", "mailto:x9@a.co.th ๙"),
        # dotted words that are not links
        ("Mr.Smith 12", "Mr.Smith ๑๒"),
        ("ข้อ 1.2.3", "ข้อ ๑.๒.๓"),
    ],
)
def test_thai_mode_keeps_links_as_typed(typed: str, printed: str) -> None:
    assert apply_digits(typed, "thai") == printed


def test_link_spans_find_urls_and_emails() -> None:
    text = "อีเมล tpipst@proj.ipst.ac.th หรือ https://bit.ly/3I4Rmeo)และ www.dla.go.th."
    found = [text[a:b] for a, b in link_spans(text)]
    assert found == ["tpipst@proj.ipst.ac.th", "https://bit.ly/3I4Rmeo", "www.dla.go.th"]


def test_arabic_mode_converts_every_thai_digit() -> None:
    assert apply_digits("๑๖ มิถุนายน ๒๕๖๕ ข้อ 3", "arabic") == "16 มิถุนายน 2565 ข้อ 3"


def test_as_typed_changes_nothing() -> None:
    text = "๑๖ มิถุนายน 2565 https://bit.ly/3I4Rmeo"
    assert apply_digits(text, "as-typed") == text


@pytest.mark.parametrize("mode", ["Thai", "", "arab", "as_typed"])
def test_unknown_mode_is_an_error(mode: str) -> None:
    with pytest.raises(ValueError, match="digits mode"):
        apply_digits("1", mode)


def test_modes_listed() -> None:
    assert set(DIGIT_MODES) == {"thai", "arabic", "as-typed"}


_PLAIN = st.text(alphabet="0123456789๐๑๒๓๔๕๖๗๘๙ กขคงมทวนา.,-/()", max_size=60)


@given(_PLAIN)
def test_thai_mode_without_links_leaves_no_ascii_digit(text: str) -> None:
    out = apply_digits(text, "thai")
    assert len(out) == len(text)
    assert not any(ch in "0123456789" for ch in out)
    assert to_arabic_digits(out) == to_arabic_digits(text)


@given(st.text(max_size=80))
def test_modes_preserve_length_and_non_digits(text: str) -> None:
    for mode in DIGIT_MODES:
        out = apply_digits(text, mode)
        assert len(out) == len(text)
        assert to_arabic_digits(out) == to_arabic_digits(text)


def test_links_are_found_with_the_pattern_compiled_on_first_use():
    """The pattern is compiled when first needed (not at import), and a text without a
    dot, an @ or a colon is known to hold no link without it."""
    from dla_drafter.text import digits

    assert digits.link_spans("ติดต่อ saraban@dla.go.th หรือ https://x.y/1 โทร 0 2241 9000") == [
        (7, 24), (30, 43)]
    assert digits.link_spans("เลขที่ 1234 ไม่มีลิงก์") == []
    assert digits.LINK_RE.pattern and digits.LINK_RE.search("www.dla.go.th")


def test_importing_digits_compiles_no_link_pattern():
    import subprocess
    import sys

    probe = ("import dla_drafter.text.digits as d, dla_drafter.text.graphemes\n"
             "print(d._link_re.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "0"
