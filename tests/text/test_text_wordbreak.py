"""Thai line-break opportunities: words, clusters, names, links and numbers stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dla_drafter.text.graphemes import clusters, is_extending
from dla_drafter.text.wordbreak import (
    FOLLOWING_VOWELS,
    LEADING_VOWELS,
    WordBreaker,
    default_breaker,
    read_word_file,
    shipped_words_path,
)

# The two body paragraphs of the DLA circular มท 0816.3/ว (June 2565) on the teacher and school
# development project (shared/samples/circular-2565-eef.txt), with the hard line wraps of the
# sample removed.
EEF_1 = (
    "ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้ขอความร่วมมือจังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่น "
    "ที่มีโรงเรียนในสังกัดและได้รับการคัดเลือกเข้าร่วมโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษา"
    "อย่างต่อเนื่อง รุ่นที่ ๒ เพื่อให้เกิดการพัฒนาโรงเรียนทั้งระบบ (Whole School Approach) ทั้งด้านการบริหาร"
    "จัดการ และการจัดการเรียนการสอนในชั้นเรียนในโรงเรียนขนาดกลางที่มีเด็กด้อยโอกาส และยกระดับคุณภาพ"
    "โรงเรียน เพื่อลดความเหลื่อมล้ำ ในพื้นที่เป้าหมาย 43 จังหวัด โดยเริ่มดำเนินการตั้งแต่ปีงบประมาณ พ.ศ. 2563 "
    "เป็นต้นมา นั้น"
)
EEF_2 = (
    "กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า การดำเนินโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับ"
    "คุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ ๒ ในปีงบประมาณ พ.ศ. 2565 กองทุนเพื่อความเสมอภาคทางการศึกษา"
    "ได้สนับสนุนงบประมาณดำเนินโครงการต่อเนื่องเป็นปีที่ 3 โดยมีหลักการเพื่อพัฒนาโรงเรียนทั้งระบบ (Whole "
    "School Approach) ภายใต้การสนับสนุนของโค้ชหรือพี่เลี้ยง เพื่อพัฒนาผู้บริหารสถานศึกษาให้เป็นผู้นำ"
    "การเปลี่ยนแปลงขององค์กร เสริมสร้างสมรรถนะของครูผู้สอนให้สามารถจัดการสอนแบบ Active Learning "
    "เพื่อพัฒนาทักษะในศตวรรษที่ 21 ของผู้เรียนซึ่งจะเป็นประโยชน์ต่อการพัฒนาคุณภาพผู้เรียนโดยตรง "
    "ขอความร่วมมือจังหวัดกำกับดูแลองค์กรปกครองส่วนท้องถิ่นที่มีโรงเรียนเข้าร่วมโครงการ พิจารณา"
    "ให้ความสำคัญในการดำเนินการตามโครงการดังกล่าวอย่างต่อเนื่อง ตามกรอบระยะเวลาและงบประมาณ"
    "ที่ได้รับการสนับสนุนจากกองทุนเพื่อความเสมอภาคทางการศึกษา โดยขอให้กำชับผู้บริหารสถานศึกษา และครู "
    "ให้ความสำคัญในการขับเคลื่อนการดำเนินการเพื่อให้เกิดประโยชน์ในการพัฒนาคุณภาพการศึกษาท้องถิ่น"
    "กรณี โรงเรียนใดมีปัญหาอุปสรรคในการดำเนินการ ให้รายงานกรมส่งเสริมการปกครองท้องถิ่นทราบ "
    "รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย"
)
# From shared/samples/circular-2565-ipst.txt: an e-mail address, dates, a number range.
IPST_1 = (
    "๑. ประชาสัมพันธ์ให้สถานศึกษาที่เข้าร่วมโครงการฯ ส่งผลงานเข้ารับการคัดเลือกเพื่อนำเสนอในการประชุม"
    "วิชาการ ประจำปี 2565 โดยสามารถส่งผลงานให้ สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี "
    "ได้ทางอีเมล tpipst@proj.ipst.ac.th ภายในวันที่ 29 กรกฎาคม 2565 หรือดาวน์โหลดได้ที่ "
    "https://bit.ly/3I4Rmeo (QR Code ท้ายหนังสือนี้) ระหว่างวันที่ 1 – 2 กันยายน 2565 ต่าง ๆ ฯลฯ"
)
PARAGRAPHS = [EEF_1, EEF_2, IPST_1]

HARD_WORDS = ["ที่", "ญี่ปุ่น", "น้ำ", "ท้องถิ่น", "ซึ่ง", "ปั้น", "ก๋วยเตี๋ยว", "ผู้ว่าราชการ"]

OPENING = "([{“‘«"
CLOSING = ")]}”’».,;:!?%ๆฯ…"


@pytest.fixture(scope="module")
def breaker() -> WordBreaker:
    return default_breaker()


def lines_of(text: str, points: list[int]) -> list[str]:
    edges = [0, *points, len(text)]
    return [text[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def breaks_inside(points: list[int], start: int, length: int) -> set[int]:
    """Break points strictly inside text[start:start+length], relative to start."""
    return {p - start for p in points if start < p < start + length}


def assert_well_formed(b: WordBreaker, text: str) -> list[int]:
    segments = b.segments(text)
    points = b.break_points(text)
    assert "".join(segments) == text
    assert all(segments)
    assert points == sorted(set(points))
    assert all(0 < p < len(text) for p in points)
    boundaries = set()
    pos = 0
    for seg in segments:
        pos += len(seg)
        boundaries.add(pos)
    assert set(points) <= boundaries, "a break point that is not a segment boundary"
    cluster_edges = set()
    pos = 0
    for c in clusters(text):
        pos += len(c)
        cluster_edges.add(pos)
    for p in points:
        before, after = text[p - 1], text[p]
        context = text[max(p - 5, 0) : p + 5]
        assert p in cluster_edges, f"break inside a grapheme cluster at {p}: {context!r}"
        assert not is_extending(after), f"break before a mark at {p}"
        assert after not in FOLLOWING_VOWELS, f"break before a following vowel at {p}"
        assert before not in LEADING_VOWELS, f"break after a leading vowel at {p}"
        assert after not in "ๆฯ", f"break before ๆ/ฯ at {p}"
        assert not after.isspace(), f"break before a space at {p}"
        assert before not in OPENING, f"break after an opening bracket at {p}"
        assert after not in CLOSING, f"break before closing punctuation at {p}"
    return points


@pytest.mark.parametrize("text", PARAGRAPHS, ids=["eef-1", "eef-2", "ipst-1"])
def test_real_paragraphs_are_well_formed(breaker: WordBreaker, text: str) -> None:
    points = assert_well_formed(breaker, text)
    # enough opportunities to fill a justified line: on average one every few characters
    assert len(points) > len(text) / 10


@pytest.mark.parametrize("text", PARAGRAPHS, ids=["eef-1", "eef-2", "ipst-1"])
@pytest.mark.parametrize("word", [*HARD_WORDS, "ปีงบประมาณ", "สิ่งที่ส่งมาด้วย", "โครงการ"])
def test_words_never_split_in_real_paragraphs(breaker: WordBreaker, text: str, word: str) -> None:
    points = breaker.break_points(text)
    for start in occurrences(text, word):
        assert not breaks_inside(points, start, len(word)), (word, start)


@pytest.mark.parametrize("word", HARD_WORDS)
@pytest.mark.parametrize("pattern", ["{}", "ของ{}ที่ดี", "ก{}ก", "ให้{}ซึ่ง", "{} {}"])
def test_hard_words_never_split(breaker: WordBreaker, word: str, pattern: str) -> None:
    text = pattern.format(word, word)
    points = breaker.break_points(text)
    for start in occurrences(text, word):
        assert not breaks_inside(points, start, len(word)), (text, points)


def test_hard_words_have_breaks_between_them(breaker: WordBreaker) -> None:
    text = "".join(HARD_WORDS)
    points = breaker.break_points(text)
    expected, pos = [], 0
    for word in HARD_WORDS[:-1]:
        pos += len(word)
        expected.append(pos)
    assert points == expected


def test_long_names_break_only_at_their_joints(breaker: WordBreaker) -> None:
    name = "กรมส่งเสริมการปกครองท้องถิ่น"
    for text in PARAGRAPHS[:2]:
        points = breaker.break_points(text)
        starts = occurrences(text, name)
        assert starts
        for start in starts:
            # กรม|ส่งเสริม|การปกครอง|ท้องถิ่น: breakable, but never ท้อง|ถิ่น or การ|ปกครอง
            assert breaks_inside(points, start, len(name)) == {3, 11, 20}


def test_governor_breaks_only_between_its_parts(breaker: WordBreaker) -> None:
    text = "เรียน ผู้ว่าราชการจังหวัด (ตามรายชื่อแนบท้าย)"
    points = breaker.break_points(text)
    start = text.index("ผู้ว่าราชการจังหวัด")
    assert breaks_inside(points, start, len("ผู้ว่าราชการจังหวัด")) == {len("ผู้ว่าราชการ")}
    assert lines_of(text, points) == [
        "เรียน ",
        "ผู้ว่าราชการ",
        "จังหวัด ",
        "(ตาม",
        "รายชื่อ",
        "แนบท้าย)",
    ]


def _shipped_entries() -> list[str]:
    return read_word_file(shipped_words_path())


@pytest.mark.parametrize("entry", _shipped_entries())
def test_every_shipped_word_breaks_exactly_where_listed(breaker: WordBreaker, entry: str) -> None:
    pieces = entry.split("|")
    word = "".join(pieces)
    cuts, pos = set(), 0
    for piece in pieces[:-1]:
        pos += len(piece)
        cuts.add(pos)
    for text in (word, f"ของ{word}ที่", f"และ {word} ซึ่ง"):
        start = text.index(word)
        got = breaks_inside(breaker.break_points(text), start, len(word))
        assert got == cuts, (text, got)


def test_shipped_list_pieces_are_short() -> None:
    # An unbreakable stretch longer than this (about 4 cm at 16 pt) makes ugly lines: long
    # names must be listed with "|" joints (see the header of dla-words.txt).
    for entry in _shipped_entries():
        for piece in entry.split("|"):
            assert 0 < len(piece) <= 16, entry


@pytest.mark.parametrize(
    "token",
    [
        "tpipst@proj.ipst.ac.th",
        "https://bit.ly/3I4Rmeo",
        "1,234.50",
        "๑๒.๓",
        "0-2241-9000",
        "พ.ศ.",
        "ผอ.กง.สศ.",
        "COVID-19",
        "5306.3/3367",
        "ฯลฯ",
        "ต่าง ๆ",
    ],
)
def test_links_numbers_and_abbreviations_stay_whole(breaker: WordBreaker, token: str) -> None:
    for text in (f"ส่งถึง {token} ภายในวันที่", f"ส่งถึง{token}ภายใน", token):
        points = assert_well_formed(breaker, text)
        start = text.index(token)
        assert not breaks_inside(points, start, len(token)), (text, points)


def test_url_followed_by_thai_and_parenthesis(breaker: WordBreaker) -> None:
    text = "ดาวน์โหลดได้ที่ https://bit.ly/3I4Rmeoภายในวันนี้ (https://bit.ly/3I4Rmeo)"
    points = assert_well_formed(breaker, text)
    assert "https://bit.ly/3I4Rmeo" in lines_of(text, points)
    assert lines_of(text, points)[-1] == "(https://bit.ly/3I4Rmeo)"


def test_spaces_break_after_the_run(breaker: WordBreaker) -> None:
    assert breaker.break_points("ก  ข") == [3]
    assert breaker.segments("ก  ข") == ["ก", "  ", "ข"]
    assert breaker.break_points("Whole School Approach") == [6, 13]
    # leading spaces are not a break opportunity; trailing spaces end the text
    assert breaker.break_points("  ก ข  ") == [4]


def test_latin_words_break_at_spaces_only(breaker: WordBreaker) -> None:
    text = "แบบ Active Learning เพื่อพัฒนา"
    assert lines_of(text, breaker.break_points(text)) == [
        "แบบ ",
        "Active ",
        "Learning ",
        "เพื่อ",
        "พัฒนา",
    ]


def test_numbers_may_break_from_their_unit(breaker: WordBreaker) -> None:
    text = "ในพื้นที่เป้าหมาย ๔๓ จังหวัด"
    assert text.index("จังหวัด") in breaker.break_points(text)
    assert 2 in breaker.break_points("๔๓จังหวัด")
    # but a Thai letter never breaks from the number written right after it
    assert breaker.break_points("ว๑๗๕๐") == []


def test_dates_break_at_spaces(breaker: WordBreaker) -> None:
    assert breaker.break_points("๑๖ มิถุนายน ๒๕๖๕") == [3, 12]


def test_repetition_and_abbreviation_marks(breaker: WordBreaker) -> None:
    text = "เรื่องต่าง ๆ นานา ฯลฯ และโครงการฯ ต่างๆนานา"
    points = assert_well_formed(breaker, text)
    assert text.index("นานา") in points  # after "ต่าง ๆ "
    assert text.index("ฯลฯ") not in points  # never before ฯ
    assert text.index("ๆนานา") + 1 in points  # after ๆ is fine


def test_brackets_and_quotes(breaker: WordBreaker) -> None:
    text = 'คำว่า “ท้องถิ่น” และ (ตามรายชื่อแนบท้าย) กับ "คำ" นี้'
    points = assert_well_formed(breaker, text)
    assert text.index("“") in points
    assert text.index("(") in points
    assert text.index('"') in points


def test_dot_leaders_may_start_a_line(breaker: WordBreaker) -> None:
    text = "ลงชื่อ ...................."
    assert breaker.break_points(text) == [text.index(".")]
    assert breaker.break_points("จบ.") == []


def test_user_words_added_at_run_time_change_the_breaks() -> None:
    b = WordBreaker()  # no shipped list: PyThaiNLP's dictionary only
    text = "ไปประชุมที่เมืองพัทยาวันนี้"
    start, word = text.index("เมืองพัทยา"), "เมืองพัทยา"
    assert breaks_inside(b.break_points(text), start, len(word)) == {5}
    b.add_words(["เมืองพัทยา"])
    assert breaks_inside(b.break_points(text), start, len(word)) == set()
    assert "เมืองพัทยา" in b.segments(text)
    assert "เมืองพัทยา" in b.extra_words

    text2 = "ขอเชิญศูนย์พัฒนาเด็กเล็กทุกแห่ง"
    start2, word2 = text2.index("ศูนย์"), "ศูนย์พัฒนาเด็กเล็ก"
    assert breaks_inside(b.break_points(text2), start2, len(word2)) == {5, 10}
    b.add_words(["ศูนย์พัฒนา|เด็กเล็ก"])  # a joint: break only there
    assert breaks_inside(b.break_points(text2), start2, len(word2)) == {10}
    assert_well_formed(b, text2)


def test_user_words_with_spaces_and_latin() -> None:
    b = WordBreaker(["Active Learning"])
    text = "แบบ Active Learning เพื่อ"
    assert lines_of(text, b.break_points(text)) == ["แบบ ", "Active Learning ", "เพื่อ"]
    # a user word never matches inside a longer Latin word
    text = "แบบ ProActive Learning"
    assert text.index("Learning") in b.break_points(text)


def test_from_files(tmp_path: Path) -> None:
    utf8 = tmp_path / "office.txt"
    utf8.write_text("\ufeff# คำของสำนักงาน\n\nเมืองพัทยา  # เมืองพิเศษ\n", encoding="utf-8")
    ansi = tmp_path / "ansi.txt"
    ansi.write_bytes("ศูนย์พัฒนาเด็กเล็ก\r\n".encode("cp874"))
    assert read_word_file(utf8) == ["เมืองพัทยา"]
    assert read_word_file(ansi) == ["ศูนย์พัฒนาเด็กเล็ก"]

    b = WordBreaker.from_files([utf8, ansi, tmp_path / "missing.txt"])
    assert {"เมืองพัทยา", "ศูนย์พัฒนาเด็กเล็ก", "ท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น"} <= set(b.extra_words)
    only_mine = WordBreaker.from_files([utf8], shipped=False)
    assert set(only_mine.extra_words) == {"เมืองพัทยา"}


def test_shipped_list_and_default_breaker() -> None:
    path = shipped_words_path()
    assert path.name == "dla-words.txt" and path.is_file()
    entries = read_word_file(path)
    assert len(entries) >= 60
    joined = {e.replace("|", "") for e in entries}
    for required in [
        "กรมส่งเสริมการปกครองท้องถิ่น",
        "องค์กรปกครองส่วนท้องถิ่น",
        "องค์การบริหารส่วนจังหวัด",
        "องค์การบริหารส่วนตำบล",
        "ผู้ว่าราชการจังหวัด",
        "สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี",
        "สสวท.",
        "ไปรษณีย์อิเล็กทรอนิกส์",
        "ปีงบประมาณ",
        "สิ่งที่ส่งมาด้วย",
        "อ้างถึง",
        "ปฏิบัติราชการแทน",
        "รักษาราชการแทน",
        "ผู้อำนวยการ",
    ]:
        assert required in joined, required
    assert default_breaker() is default_breaker()


def test_empty_and_blank_text(breaker: WordBreaker) -> None:
    assert breaker.segments("") == []
    assert breaker.break_points("") == []
    assert breaker.break_points("   ") == []
    assert breaker.segments("   ") == ["   "]


def test_results_are_copies(breaker: WordBreaker) -> None:
    points = breaker.break_points(EEF_1)
    points.clear()
    assert breaker.break_points(EEF_1)


_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
    st.sampled_from(list("abcXYZ 019.,:/-()“”\"'@ๆฯ\t") + ["\u00a0", "\u0301"]),
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_any_text_is_well_formed(text: str) -> None:
    assert_well_formed(default_breaker(), text)


_PIECES = [*HARD_WORDS, " ", "และ", "การ", "ๆ", "(", ")", "๑๒"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_hard_words_in_any_order(parts: list[str]) -> None:
    text = "".join(parts)
    b = default_breaker()
    points = assert_well_formed(b, text)
    for word in HARD_WORDS:
        for start in occurrences(text, word):
            assert not breaks_inside(points, start, len(word)), (text, points)


def test_default_breaker_reads_the_clerks_word_list(tmp_path, monkeypatch) -> None:
    from dla_drafter.text import wordbreak

    text = "ไปประชุมที่บ้านโคกสว่างวันนี้"
    start, word = text.index("บ้านโคกสว่าง"), "บ้านโคกสว่าง"
    monkeypatch.setenv("DLA_DRAFTER_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(wordbreak, "_DEFAULT", None)
    assert breaks_inside(wordbreak.default_breaker().break_points(text), start, len(word))
    (tmp_path / "user-words.txt").write_text(word + "\n", encoding="utf-8")
    monkeypatch.setattr(wordbreak, "_DEFAULT", None)
    assert breaks_inside(wordbreak.default_breaker().break_points(text), start,
                         len(word)) == set()


def test_no_break_before_a_no_break_space_after_a_space() -> None:
    """Found by hypothesis: '0 \\xa0' broke before the no-break space."""
    b = default_breaker()
    for text in ("0 \xa0", "ก \xa0ข", "a \xa0b"):
        assert 2 not in b.break_points(text)
        assert_well_formed(b, text)
