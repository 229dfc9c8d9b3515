"""Line breaking and justification on real Thai: no line starts with a mark or a following
vowel, no word is cut, no line overflows, justified lines end exactly at the measure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dla_drafter.text.graphemes import clusters
from dla_drafter.typeset.fonts import load_font_set
from dla_drafter.typeset.lines import break_lines, justify_spacing

# Copies of shared/samples, so the tests pass from a clone of the repository alone.
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
# marks and following vowels: a line must never start with one
NO_LINE_START = re.compile(r"^[\u0e30-\u0e3a\u0e45-\u0e4e]")
LEADING_VOWEL_END = re.compile(r"[\u0e40-\u0e44]$")
HARD_WORDS = ["ที่", "ญี่ปุ่น", "น้ำ", "ท้องถิ่น", "ซึ่ง", "ปั้น", "ก๋วยเตี๋ยว", "ผู้ว่าราชการ"]

LONG_PARAGRAPH = (
    "กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า การดำเนินโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับ"
    "คุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ ๒ ในปีงบประมาณ พ.ศ. ๒๕๖๕ กองทุนเพื่อความเสมอภาคทางการศึกษา"
    "ได้สนับสนุนงบประมาณดำเนินโครงการต่อเนื่องเป็นปีที่ ๓ โดยมีหลักการเพื่อพัฒนาโรงเรียนทั้งระบบ (Whole "
    "School Approach) ภายใต้การสนับสนุนของโค้ชหรือพี่เลี้ยง เพื่อพัฒนาผู้บริหารสถานศึกษาให้เป็นผู้นำ"
    "การเปลี่ยนแปลงขององค์กร เสริมสร้างสมรรถนะของครูผู้สอนให้สามารถจัดการสอนแบบ Active Learning "
    "เพื่อพัฒนาทักษะในศตวรรษที่ ๒๑ ของผู้เรียนซึ่งจะเป็นประโยชน์ต่อการพัฒนาคุณภาพผู้เรียนโดยตรง "
    "ขอความร่วมมือจังหวัดกำกับดูแลองค์กรปกครองส่วนท้องถิ่นที่มีโรงเรียนเข้าร่วมโครงการ พิจารณา"
    "ให้ความสำคัญในการดำเนินการตามโครงการดังกล่าวอย่างต่อเนื่อง ตามกรอบระยะเวลาและงบประมาณ"
    "ที่ได้รับการสนับสนุนจากกองทุนเพื่อความเสมอภาคทางการศึกษา โดยขอให้กำชับผู้บริหารสถานศึกษา "
    "และครู ให้ความสำคัญในการขับเคลื่อนการดำเนินการเพื่อให้เกิดประโยชน์ในการพัฒนาคุณภาพการศึกษา"
    "ท้องถิ่น กรณีโรงเรียนใดมีปัญหาอุปสรรคในการดำเนินการ ให้รายงานกรมส่งเสริมการปกครองท้องถิ่นทราบ "
    "ผู้ว่าราชการจังหวัดญี่ปุ่นซึ่งปั้นน้ำเป็นตัวก๋วยเตี๋ยวที่ท้องถิ่น"
)


@pytest.fixture(scope="module")
def face():
    return load_font_set(use_system=False).regular


def check_lines(text, lines, face, first, width):
    assert "".join("".join(line.text for line in lines).split()) == "".join(text.split())
    for n, line in enumerate(lines):
        assert line.text == line.text.strip()
        if n:  # the first line starts where the text starts
            assert not NO_LINE_START.search(line.text), f"line {n} starts with a mark"
        assert not LEADING_VOWEL_END.search(line.text), f"line {n} ends before its consonant"
        measure = first if n == 0 else width
        assert face.width_cm(line.text, 16) <= measure + 1e-6, f"line {n} overflows"
    assert lines[-1].last and not any(line.last for line in lines[:-1])


def test_long_paragraph_breaks_between_words(face):
    lines = break_lines(LONG_PARAGRAPH, face, 16, 13.5, 16.0)
    assert len(lines) > 10
    check_lines(LONG_PARAGRAPH, lines, face, 13.5, 16.0)
    # the lines are well filled: greedy filling leaves less than a long word at each end
    for line in lines[:-1]:
        assert line.width > 16.0 - 3.0 or line is lines[0]


def test_hard_words_are_never_split(face):
    text = " ".join(HARD_WORDS * 6).replace(" ", "")
    for width in (2.0, 3.1, 4.7, 6.3, 9.9):
        lines = break_lines(text, face, 16, width, width)
        joined = "|".join(line.text for line in lines)
        for word in HARD_WORDS:
            for cut in range(1, len(word)):
                assert f"{word[:cut]}|{word[cut:]}" not in joined, (word, width, joined)


def test_sample_circular_body_breaks_cleanly(face):
    text = (SAMPLES / "circular-2565-eef.txt").read_text(encoding="utf-8")
    body = "".join(line.strip() for line in text.splitlines()[12:35])
    body = body.replace("[bookmark: _GoBack]", "")
    lines = break_lines(body, face, 16, 13.5, 16.0)
    check_lines(body, lines, face, 13.5, 16.0)


def test_justified_lines_end_exactly_at_the_measure(face):
    lines = break_lines(LONG_PARAGRAPH, face, 16, 13.5, 16.0)
    for n, line in enumerate(lines):
        measure = 13.5 if n == 0 else 16.0
        spacing = justify_spacing(line, measure)
        drawn = line.width + spacing * (len(clusters(line.text)) - 1)
        if line.last:
            assert spacing == 0
        else:
            assert spacing > 0
            assert drawn == pytest.approx(measure, abs=1e-6)


def test_word_longer_than_the_line_is_cut_between_clusters(face):
    url = "https://example.go.th/" + "abcdefghij" * 12
    lines = break_lines(url, face, 16, 5.0, 5.0)
    assert len(lines) > 1
    check_lines(url, lines, face, 5.0, 5.0)


THAI_WORDS = ["การ", "ประชุม", "ท้องถิ่น", "ที่", "น้ำ", "ผู้ว่าราชการจังหวัด", "ญี่ปุ่น", "ก๋วยเตี๋ยว",
              "ปั้น", "ซึ่ง", "ดำเนินการ", "เพื่อ", "ให้", "โรงเรียน", "๒๕๖๙", "สสวท.", "และ",
              "ความร่วมมือ", "ไม่", "ได้", "ฯลฯ", "ๆ"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(THAI_WORDS), min_size=1, max_size=80),
       st.lists(st.booleans(), min_size=80, max_size=80),
       st.floats(min_value=3.0, max_value=16.0))
def test_any_thai_text_breaks_cleanly(face, words, spaces, width):
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=False)).strip()
    text = " ".join(text.split())
    lines = break_lines(text, face, 16, width, width)
    check_lines(text, lines, face, width, width)
