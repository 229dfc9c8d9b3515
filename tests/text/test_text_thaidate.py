"""Thai dates as a letter prints them."""

from __future__ import annotations

import datetime

import pytest

from dla_drafter.text.thaidate import (
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    be_to_ce,
    ce_to_be,
    format_month_year,
    format_thai_date,
    today_be,
)


def test_full_date_in_thai_digits() -> None:
    assert format_thai_date(16, 6, 2565) == "๑๖ มิถุนายน ๒๕๖๕"
    assert format_thai_date(1, 1, 2569, "thai") == "๑ มกราคม ๒๕๖๙"
    assert format_thai_date(31, 12, 2568) == "๓๑ ธันวาคม ๒๕๖๘"


def test_full_date_in_arabic_digits() -> None:
    assert format_thai_date(16, 6, 2565, "arabic") == "16 มิถุนายน 2565"
    assert format_thai_date(16, 6, 2565, "as-typed") == "16 มิถุนายน 2565"


def test_blank_day_gives_month_and_year() -> None:
    assert format_thai_date(None, 7, 2565) == "กรกฎาคม ๒๕๖๕"


def test_month_year() -> None:
    assert format_month_year(6, 2565) == "มิถุนายน ๒๕๖๕"
    assert format_month_year(6, 2565, "thai") == "มิถุนายน ๒๕๖๕"
    assert format_month_year(2, 2569, "arabic") == "กุมภาพันธ์ 2569"


def test_month_tables() -> None:
    assert len(THAI_MONTHS) == len(THAI_MONTHS_ABBR) == 12
    assert THAI_MONTHS[0] == "มกราคม" and THAI_MONTHS[11] == "ธันวาคม"
    assert THAI_MONTHS[6 - 1] == "มิถุนายน"
    assert THAI_MONTHS_ABBR[0] == "ม.ค." and THAI_MONTHS_ABBR[3] == "เม.ย."
    assert THAI_MONTHS_ABBR[11] == "ธ.ค."
    assert len(set(THAI_MONTHS)) == 12 and len(set(THAI_MONTHS_ABBR)) == 12


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [(1, 0, 2565), (1, 13, 2565), (0, 1, 2565), (32, 1, 2565), (31, 4, 2565), (29, 2, 2565)],
)
def test_impossible_dates_are_errors(day: int, month: int, year: int) -> None:
    with pytest.raises(ValueError):
        format_thai_date(day, month, year)


def test_leap_day_uses_the_common_era_year() -> None:
    # 2567 BE = 2024 CE, a leap year; 2565 BE = 2022 CE is not.
    assert format_thai_date(29, 2, 2567) == "๒๙ กุมภาพันธ์ ๒๕๖๗"


def test_bad_month_in_month_year() -> None:
    with pytest.raises(ValueError):
        format_month_year(13, 2565)


def test_unknown_digit_mode() -> None:
    with pytest.raises(ValueError):
        format_thai_date(1, 1, 2565, "roman")


def test_era_conversion() -> None:
    assert be_to_ce(2565) == 2022
    assert ce_to_be(2022) == 2565
    assert be_to_ce(ce_to_be(1999)) == 1999


def test_today_be() -> None:
    assert today_be(datetime.date(2022, 6, 16)) == (16, 6, 2565)
    day, month, year = today_be()
    now = datetime.date.today()
    assert (month, year) in {(now.month, now.year + 543), (1, now.year + 544)}
    assert today_be(datetime.date(2022, 6, 16)).year == 2565
