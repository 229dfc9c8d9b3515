"""Grapheme clusters for distributed justification: marks stay on their base letter."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dla_drafter.text.graphemes import SARA_AM, clusters, gap_count, is_extending


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("น้ำ", ["น้ำ"]),  # SARA AM stays with its consonant and the tone mark
        ("ที่", ["ที่"]),
        ("ญี่ปุ่น", ["ญี่", "ปุ่", "น"]),
        ("ก๋วยเตี๋ยว", ["ก๋", "ว", "ย", "เ", "ตี๋", "ย", "ว"]),
        ("เก้า", ["เ", "ก้", "า"]),  # leading and following vowels are clusters of their own
        ("กะ", ["ก", "ะ"]),
        ("ไม้", ["ไ", "ม้"]),
        ("ๆฯ", ["ๆ", "ฯ"]),
        ("ปั้น", ["ปั้", "น"]),
        ("กำ", ["กำ"]),
        ("e\u0301a", ["e\u0301", "a"]),  # Latin combining sequence
        ("a b", ["a", " ", "b"]),
        ("\r\n", ["\r\n"]),
        ("\u0e48ก", ["\u0e48", "ก"]),  # a stray mark at the start stands alone
        ("", []),
    ],
)
def test_examples(text: str, expected: list[str]) -> None:
    assert clusters(text) == expected


def test_gap_count() -> None:
    assert gap_count("") == 0
    assert gap_count("ก") == 0
    assert gap_count("น้ำ") == 0
    assert gap_count("น้ำใจ") == 2
    assert gap_count("ผู้ว่าราชการ") == len(clusters("ผู้ว่าราชการ")) - 1 == 8


def test_thai_marks_and_sara_am_extend() -> None:
    for cp in [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F), 0x0E33]:
        assert is_extending(chr(cp)), hex(cp)
    for ch in "กเแโใไะาๅๆฯ ":
        assert not is_extending(ch), ch
    assert SARA_AM == "\u0e33"


def _starts_cluster_illegally(cluster: str) -> bool:
    first = cluster[0]
    return unicodedata.category(first) in ("Mn", "Me") or first == SARA_AM


_THAI_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
        st.sampled_from(["a", "e", " ", "\u0301", "\u0323", "\r", "\n", "\u200d", "1"]),
    ),
    max_size=80,
)


@given(st.one_of(_THAI_HEAVY, st.text(max_size=80)))
def test_clusters_partition_the_text(text: str) -> None:
    parts = clusters(text)
    assert "".join(parts) == text
    assert all(parts)
    assert gap_count(text) == max(len(parts) - 1, 0)
    # no cluster but the first starts with a mark or SARA AM
    for part in parts[1:]:
        assert not _starts_cluster_illegally(part), repr(part)
    # inside a cluster, everything after the base extends it
    for part in parts:
        tail = part[2:] if part.startswith("\r\n") else part[1:]
        assert all(is_extending(ch) for ch in tail), repr(part)


def test_the_stored_mark_table_is_the_scan_of_this_pythons_unicode():
    """``_marks.RANGES`` spares every cold start the scan; it must be what the scan gives
    for its Unicode version (and the scan is what is used under any other version)."""
    import unicodedata

    from dla_drafter.text import _marks, graphemes

    scanned = graphemes._mark_ranges()
    if unicodedata.unidata_version == _marks.UNIDATA_VERSION:
        assert list(_marks.RANGES) == scanned
    assert graphemes.is_extending("\u0e48") and graphemes.is_extending("\u0301")
    assert graphemes.clusters("น้ำที่a\u0301") == ["น้ำ", "ที่", "a\u0301"]
