"""Our newmm (``text/newmm.py``, ``tcc.py``, ``thaiwords.py``) against PyThaiNLP's, the
oracle: the same clusters, the same dictionary answers and the same words, on every text
of the example letters and on generated Thai, with and without words added at run time."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.tokenize.tcc_p import tcc_pos_array
from pythainlp.util import Trie

from dla_drafter.fields import walk
from dla_drafter.text.newmm import segment
from dla_drafter.text.tcc import tcc_boundaries, tcc_clusters
from dla_drafter.text.thaiwords import SortedWords, default_words
from dla_drafter.text.wordbreak import WordBreaker, read_word_file, shipped_words_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
VOWELS = list("ะัาำิีึืุูเแโใไๅ็ฤฦ")
MARKS = list("่้๊๋์ํ๎ฯๆฺ")
DIGITS = list("0123456789๐๑๒๓๔๕๖๗๘๙")
OTHER = list("  \t\n\r-.,:/()\"'“”…%abcXYZé\u00a0\u200b") + ["\r\n"]


def _shipped_pieces() -> list[str]:
    """What ``WordBreaker`` adds to the dictionary for the shipped list: each piece between
    the ``|`` marks (none holds a space)."""
    pieces = []
    for raw in read_word_file(shipped_words_path()):
        pieces += [p.strip() for p in raw.split("|") if p.strip()]
    return pieces


SHIPPED = _shipped_pieces()


def _example_texts() -> list[str]:
    texts = []
    for path in sorted(EXAMPLES.glob("*.dladraft.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [value for _, value in walk(data) if isinstance(value, str) and value]
    return texts


EXAMPLE_TEXTS = _example_texts()


class Oracle:
    """PyThaiNLP's own trie of its default words, to which a test may add words for a while
    (``with oracle.adding(words)``: removed again after, unless they were default words)."""

    def __init__(self) -> None:
        self.default = frozenset(w.strip() for w in thai_words())
        self.trie = Trie(self.default)

    def tokenize(self, text: str) -> list[str]:
        return word_tokenize(text, custom_dict=self.trie, engine="newmm", join_broken_num=False)

    def add(self, words: list[str]) -> list[str]:
        added = [w.strip() for w in words if w.strip() and w.strip() not in self.default]
        for word in added:
            self.trie.add(word)
        return added

    def remove(self, added: list[str]) -> None:
        for word in added:
            self.trie.remove(word)


@pytest.fixture(scope="module")
def oracle() -> Oracle:
    return Oracle()


def _dictionary(extra: list[str] = ()) -> SortedWords:
    return default_words().with_words(extra)


thai_char = st.sampled_from(CONSONANTS + VOWELS + MARKS)
any_char = st.sampled_from(CONSONANTS + VOWELS + MARKS + DIGITS + OTHER)
dictionary_word = st.sampled_from(sorted(thai_words()))
shipped_word = st.sampled_from(SHIPPED)
mixed_text = st.lists(
    st.one_of(thai_char, thai_char, any_char, dictionary_word, dictionary_word, shipped_word),
    max_size=40,
).map("".join)
user_word = st.one_of(
    shipped_word,
    st.lists(thai_char, min_size=1, max_size=6).map("".join),
    st.tuples(dictionary_word, dictionary_word).map("".join),
    st.tuples(dictionary_word, st.lists(thai_char, min_size=1, max_size=3).map("".join))
    .map("".join),
)


# --- clusters ------------------------------------------------------------------------------


def test_clusters_match_pythainlp_on_every_dictionary_word() -> None:
    words = sorted(thai_words())
    wrong = [w for w in words if tcc_boundaries(w) != tcc_pos_array(w)]
    assert wrong == []
    assert "".join(tcc_clusters("เปรียบเทียบ")) == "เปรียบเทียบ"


@settings(max_examples=400, deadline=None)
@given(mixed_text)
def test_clusters_match_pythainlp_on_any_text(text: str) -> None:
    assert tcc_boundaries(text) == tcc_pos_array(text)
    assert "".join(tcc_clusters(text)) == text


def test_clusters_are_whole_syllable_pieces() -> None:
    assert tcc_clusters("เกรียะ") == ["เกรียะ"]
    assert tcc_clusters("ก็ได้") == ["ก็", "ได้"]
    assert tcc_clusters("ที่น้ำ") == ["ที่", "น้ำ"]
    assert tcc_boundaries("") == bytearray(1)


# --- the dictionary ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text)
def test_default_words_answer_prefixes_as_pythainlps_trie(oracle: Oracle, text: str) -> None:
    words = default_words()
    for start in range(len(text) + 1):
        assert words.prefixes(text, start) == oracle.trie.prefixes(text, start), start


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text, st.lists(user_word, max_size=6))
def test_added_words_answer_prefixes_as_one_trie(oracle: Oracle, text: str,
                                                 extra: list[str]) -> None:
    dictionary = _dictionary(extra)
    added = oracle.add(extra)
    try:
        for start in range(len(text) + 1):
            assert dictionary.prefixes(text, start) == oracle.trie.prefixes(text, start)
        for word in extra:
            assert word.strip() in dictionary
    finally:
        oracle.remove(added)


def test_default_words_are_pythainlps(oracle: Oracle) -> None:
    words = default_words()
    assert len(words) == len(oracle.default - {""})
    assert set(words) == oracle.default - {""}
    assert "ท้องถิ่น" in words and "ท้องถิ่นX" not in words and 3 not in words


def test_adding_words_makes_a_new_sorted_list() -> None:
    base = SortedWords.from_lines(["ก", "กข", "ขา"])
    more = base.with_words([" คน ", "กข", "", "กก", "ฮ", "กก"])
    assert list(more) == ["ก", "กก", "กข", "ขา", "คน", "ฮ"]
    assert list(base) == ["ก", "กข", "ขา"]  # the shared default list never changes
    assert base.with_words(["กข", " "]) is base
    assert more.prefixes("กกข") == ["ก", "กก"]
    assert "คน" in more and "คน" not in base


def test_sorted_words_edges() -> None:
    words = SortedWords.from_lines(["ก", " กข ", "กขค", "", "ข\U0010ffff", "ขา"])
    assert list(words) == ["ก", "กข", "กขค", "ขา", "ข\U0010ffff"]
    assert words.prefixes("กขคง") == ["ก", "กข", "กขค"]
    assert words.prefixes("กขคง", 1) == []
    assert words.prefixes("กขคง", 4) == []
    assert words.prefixes("ข\U0010ffff") == ["ข\U0010ffff"]
    assert words.prefixes("ก") == ["ก"]
    assert SortedWords.from_lines([]).prefixes("ก") == []


# --- words ---------------------------------------------------------------------------------


def test_every_example_text_segments_as_pythainlp(oracle: Oracle) -> None:
    assert len(EXAMPLE_TEXTS) > 100
    plain = _dictionary()
    for text in EXAMPLE_TEXTS:
        assert segment(text, plain) == oracle.tokenize(text), text


def test_every_example_text_segments_as_pythainlp_with_the_shipped_words(
        oracle: Oracle) -> None:
    dictionary = _dictionary(SHIPPED)
    added = oracle.add(SHIPPED)
    try:
        for text in EXAMPLE_TEXTS:
            assert segment(text, dictionary) == oracle.tokenize(text), text
    finally:
        oracle.remove(added)


def test_the_breaker_segments_runs_as_pythainlp(oracle: Oracle) -> None:
    """What the line breaker actually asks: every Thai run of the examples, with the shipped
    list (as ``WordBreaker.from_files`` adds it)."""
    breaker = WordBreaker.from_files()
    added = oracle.add(SHIPPED)
    try:
        for text in EXAMPLE_TEXTS:
            for run in re.findall("[\u0e01-\u0e4e]+", text):
                assert list(breaker._tokenize_run(run)) == oracle.tokenize(run), run
    finally:
        oracle.remove(added)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text)
def test_any_text_segments_as_pythainlp(oracle: Oracle, text: str) -> None:
    words = segment(text, _dictionary())
    assert words == oracle.tokenize(text)
    assert "".join(words) == text


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text, st.lists(user_word, min_size=1, max_size=6))
def test_any_text_with_added_words_segments_as_pythainlp(oracle: Oracle, text: str,
                                                         extra: list[str]) -> None:
    dictionary = _dictionary(extra)
    added = oracle.add(extra)
    try:
        assert segment(text, dictionary) == oracle.tokenize(text)
    finally:
        oracle.remove(added)


def test_long_ambiguous_runs_take_the_graph_cutoff_as_pythainlp(oracle: Oracle) -> None:
    """Runs long and ambiguous enough to fill newmm's graph (more than 50 edges before one
    reading remains), where each further position keeps only its shortest word."""
    texts = [
        "ตากลม" * 40,
        "มากมาย" * 30 + "การประชุมสามัญประจำปี" * 5,
        "".join(sorted(thai_words())[1000:1100]),
        "ไปมาหาสู่" * 25 + "abc" + "ก" * 30,
    ]
    for text in texts:
        assert segment(text, _dictionary()) == oracle.tokenize(text)


def test_unknown_text_and_empty_text(oracle: Oracle) -> None:
    for text in ["กขฃ", "ฮฮฮฮ", "xyz", "๑๒๓,๔๕๖", "ก\nข", "เเเ", "่่", "ๆๆ abc ฯ"]:
        assert segment(text, _dictionary()) == oracle.tokenize(text), text
    assert segment("", _dictionary()) == []
