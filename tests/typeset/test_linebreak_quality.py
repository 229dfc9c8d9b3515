"""Lines that read right: a long link breaks inside itself instead of spacing out the line
before it, no line is spread more than the profile's limit per gap, an oversized piece is cut
to the measure of the line it lands on, and total fit keeps a line from ending on a
standalone การ / ความ."""

from __future__ import annotations

import pytest

from dla_drafter.model.draftio import letter_from_dict as letter_from
from dla_drafter.pipeline import typeset_letter
from dla_drafter.text.graphemes import clusters
from dla_drafter.text.wordbreak import LINK_BREAK_AFTER, PREFIX_WORDS, default_breaker
from dla_drafter.typeset.fonts import load_font_set
from dla_drafter.typeset.lines import (
    BrokenLine,
    break_lines,
    break_lines_greedy,
    justify_spacing,
)
from dla_drafter.typeset.pages import TextLine
from dla_drafter.typeset.profile import DEFAULT_PROFILE as P

PT = 2.54 / 72
URL = ("https://www.dla.go.th/upload/document/type2/2565/6/27466_1_1656389883063_attachment"
       "-list_of_schools.pdf?download=1&lang=th&ref=circular-2565-eef%E0%B8%81#page=2")
BEFORE_URL = ("ขอให้จังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่นทราบ และดาวน์โหลดรายละเอียดเอกสารและภาพ "
              f"{URL} ภายในวันที่ ๒๙ กรกฎาคม ๒๕๖๕")


@pytest.fixture(scope="module")
def face():
    return load_font_set(use_system=False).regular


def test_a_long_link_breaks_inside_itself_not_the_line_before_it(face):
    lines = break_lines(BEFORE_URL, face, 16, 13.5, 16.0)
    assert "".join(line.text for line in lines).replace(" ", "") == \
        BEFORE_URL.replace(" ", "")
    for n, line in enumerate(lines):
        measure = 13.5 if n == 0 else 16.0
        assert line.width <= measure + 1e-6
        if not line.last:  # every line but the last is justified, and gently
            gaps = len(clusters(line.text)) - 1
            assert (measure - line.width) / gaps <= P.max_justify_gap + 1e-9, line.text
    inside = [line for line in lines if line.text.split()[-1] and
              line.text.split()[-1] in URL and not URL.endswith(line.text.split()[-1])]
    assert inside, "the link did not break"
    following = {id(a): b for a, b in zip(lines, lines[1:], strict=False)}
    for line in inside:  # after / . _ ? & = # or before a -, never inside a %xx, no hyphen
        after = following[id(line)]
        assert line.text[-1] in LINK_BREAK_AFTER.replace("-", "") or after.text[0] == "-"
        assert line.text[-1] != "-"  # a line never ends in the link's own hyphen
        assert "%" not in line.text[-2:]


def body_lines(pages, index):
    return [it for page in pages.pages for it in page.items
            if isinstance(it, TextLine) and it.source == ("body", index)]


def test_no_line_of_a_letter_is_spread_past_the_limit(eef_dict, settings):
    # a shared-drive link whose folder id alone takes half a line: the line before it can
    # neither hold it nor be filled; it was left short (issue 12), and now the id breaks as
    # a last resort so that no line is left more than a sixth short (issue 13)
    drive = ("https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
             "AbCdEfGhIjKlMnOpQrStUvWxYz?usp=sharing")
    # the case of the issue: the old breaker put เอกสารและภาพ alone on the first line, 28 pt
    # between its letters, because the 12 cm link after it had nowhere to break
    link = "https://www.dla.go.th/upload/document/type2/2565/6/27466_1_1656389883063_list.pdf"
    eef_dict["body"][0] = f"เอกสารและภาพ {link} ภายในวันที่ ๒๙ กรกฎาคม ๒๕๖๕ {BEFORE_URL}"
    eef_dict["body"][1] = BEFORE_URL.replace(URL, drive)
    pages = typeset_letter(letter_from(eef_dict), settings)
    spacings = [it.letter_spacing_cm for page in pages.pages for it in page.items
                if isinstance(it, TextLine)]
    assert max(spacings) <= P.max_justify_gap + 1e-9
    for line in body_lines(pages, 0)[:-1]:  # a link with places to break: all justified
        assert line.x + line.width_cm == pytest.approx(P.text_right, abs=1e-6)
    for line in body_lines(pages, 1)[:-1]:
        assert line.x + line.width_cm > P.text_right - (P.text_right - line.x) / 6, line.text
    ids = [line for line in body_lines(pages, 1) if "AbCdEf" in line.text]
    assert any(line.text[-1].isalnum() for line in ids)  # broken inside the id itself


def test_a_line_needing_more_than_the_limit_is_left_short(face):
    text = "และภาพ"
    line = BrokenLine(text, face.width_cm(text, 16), last=False)
    assert justify_spacing(line, 16.0) == 0.0  # 26 pt a gap: not spaced out
    snug = BrokenLine(text, 16.0 - 4 * P.max_justify_gap, last=False)  # 0.8 pt a gap
    assert justify_spacing(snug, 16.0) == pytest.approx(0.8 * P.max_justify_gap)


def test_an_oversized_piece_is_cut_to_the_measure_of_its_line(face):
    text = "https://example.go.th/" + "abcdefghij" * 20  # 200 letters, no break inside
    lines = break_lines(text, face, 16, 13.5, 16.0)
    assert len(lines) >= 3
    assert lines[0].width <= 13.5 + 1e-6
    for line in lines[1:-1]:  # continuation lines use the whole 16 cm, not the first's 13.5
        assert 15.5 < line.width <= 16.0 + 1e-6


def test_total_fit_keeps_lines_from_ending_on_a_standalone_kan_or_khwam(face):
    breaker = default_breaker()
    text = ("คณะกรรมการได้พิจารณาการขับเคลื่อนการดำเนินงานและความก้าวหน้าของการพัฒนาความร่วมมือ"
            "ระหว่างหน่วยงานเพื่อการขยายผลการจัดการความรู้และการสร้างความเข้าใจแก่ประชาชน ") * 3

    def ends_on_prefix(lines):
        return [line.text for line in lines if not line.last
                and breaker.segments(line.text)[-1] in PREFIX_WORDS]

    widths = [w / 10 for w in range(120, 161, 2)]  # measures a letter has
    greedy_bad = [w for w in widths
                  if ends_on_prefix(break_lines_greedy(text, face, 16, w, w))]
    assert greedy_bad, "the text no longer puts a การ at a line end: pick another"
    for w in widths:
        assert not ends_on_prefix(break_lines(text, face, 16, w, w)), w
