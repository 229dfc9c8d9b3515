"""Breaks that read wrong, from the tables of ``text.wordbreak``: a title stays with its
name, a number with its classifier, a line does not end on a standalone การ / ความ, and a
link may break after ``/ . - _ ? & = #`` for the line breaker only."""

from __future__ import annotations

import pytest

from dla_drafter.text.wordbreak import (
    LINK_PENALTY,
    LINK_RUN_PENALTY,
    PREFIX_PENALTY,
    WordBreaker,
)


@pytest.fixture(scope="module")
def breaker() -> WordBreaker:
    return WordBreaker.from_files()


def inside(points, start, length):
    return [p for p in points if start < p < start + length]


@pytest.mark.parametrize("name", ["นายสมชาย", "นางสาวสมศรี", "ดร. สมชาย", "ผศ.ดร.สมหญิง",
                                  "พล.ต.อ. สมศักดิ์", "นาง มาลี"])
def test_no_break_between_a_title_and_its_name(breaker, name):
    text = f"ขอเชิญ {name} ใจดี เข้าร่วมประชุม"
    start = text.index(name)
    assert not inside(breaker.break_points(text), start, len(name)), name
    assert not inside([p for p, _ in breaker.breaks(text)], start, len(name)), name
    assert start in breaker.break_points(text)  # the title still starts a line freely


def test_a_word_that_only_starts_like_a_title_breaks_as_before(breaker):
    text = "นายกรัฐมนตรีได้มอบหมายให้นางพยาบาลวิชาชีพดำเนินการ"
    points = breaker.break_points(text)
    assert text.index("ได้") in points and text.index("ดำเนินการ") in points


@pytest.mark.parametrize("amount", ["60 คน", "1 ชุด", "๕ ล้านบาท", "๑๒ ฉบับ", "3,500 บาท",
                                    "๒คน"])
def test_no_break_between_a_number_and_its_classifier(breaker, amount):
    text = f"มีผู้เข้าร่วม {amount} ตามบัญชี"
    start = text.index(amount)
    assert not inside(breaker.break_points(text), start, len(amount)), amount
    assert start in breaker.break_points(text)


def test_a_number_still_breaks_from_a_word_that_is_no_classifier(breaker):
    text = "๔๓ จังหวัด"  # as before: จังหวัด is a place, the rule keeps only classifiers
    assert text.index("จังหวัด") in breaker.break_points(text)


def test_a_break_after_a_standalone_kan_is_penalised(breaker):
    text = "ขอความร่วมมือในการขับเคลื่อนงาน"
    breaks = dict(breaker.breaks(text))
    after = text.index("ขับ")
    assert breaks[after] == PREFIX_PENALTY
    assert all(p == 0 for i, p in breaks.items() if i != after)
    assert after in breaker.break_points(text)  # allowed, only discouraged


def test_links_break_for_the_line_breaker_after_their_separators(breaker):
    """After ``/ . _ ? & = #`` and before a hyphen (a line never ends in a link's hyphen:
    PDFium copies it as U+FFFE and poppler drops it), at LINK_PENALTY; between any other
    two characters only as a last resort (LINK_RUN_PENALTY); never inside a ``%xx``. (Until
    issue 13 the hyphen broke after itself and runs did not break at all.)"""
    link = "https://www.dla.go.th/up-load/a_b%E0%B8%81.pdf?id=5&x=1#top"
    text = f"ดูที่ {link} ได้"
    start = text.index(link)
    assert not inside(breaker.break_points(text), start, len(link))  # not an ordinary break
    cuts = {i - start: p for i, p in breaker.breaks(text) if start < i < start + len(link)}
    assert set(cuts.values()) == {LINK_PENALTY, LINK_RUN_PENALTY}
    separators = {offset for offset, p in cuts.items() if p == LINK_PENALTY}
    for offset in separators:
        assert (link[offset - 1] in "/._?&=#" and link[offset] not in "/.-_?&=#"
                or link[offset] == "-")
    assert link.index("-load") in separators and link.index("-load") + 1 not in cuts
    for offset in cuts:
        assert link[offset - 1] != "-"  # no line ends in the link's hyphen
        assert "%" not in link[max(0, offset - 2):offset + 1]  # never inside %E0
    assert link.index("www") in separators  # after https://, not between its slashes
    assert link.index("//") + 1 not in cuts
    assert link.index("load") + 2 in cuts and cuts[link.index("load") + 2] == LINK_RUN_PENALTY
    mail = "tpipst@proj.ipst.ac.th"
    text = f"อีเมล {mail} ภายใน"
    start = text.index(mail)
    assert [i - start for i, p in breaker.breaks(text)
            if start < i < start + len(mail) and p == LINK_PENALTY] == \
        [mail.index("ipst."), mail.index("ac."), mail.index("th")]


