"""Dates as a Thai official letter prints them: ``๑๖ มิถุนายน ๒๕๖๕``.

The regulation (ระเบียบงานสารบรรณ) writes the day, the full month name and the Buddhist Era
year, separated by spaces; the digits follow the draft's ``digits`` setting. A draft stores
the day as a number or null (a circular is often dated before it is signed, so the day is
left blank to be written in by hand); laying out that blank is the caller's job, so
``format_month_year`` exists for it.
"""

from __future__ import annotations

import calendar
import datetime
from typing import NamedTuple

from .digits import apply_digits

#: Buddhist Era year minus Common Era year (since the Thai year began on 1 January, 1941).
BE_OFFSET = 543

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
"""Full month names; ``THAI_MONTHS[month - 1]``."""

THAI_MONTHS_ABBR: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
"""Abbreviated month names (for tables and references); ``THAI_MONTHS_ABBR[month - 1]``."""


class BEDate(NamedTuple):
    """A calendar date with a Buddhist Era year (a ``datetime.date`` cannot hold one)."""

    day: int
    month: int
    year: int


def be_to_ce(year_be: int) -> int:
    """Buddhist Era year → Common Era year (2565 → 2022)."""
    return year_be - BE_OFFSET


def ce_to_be(year_ce: int) -> int:
    """Common Era year → Buddhist Era year (2022 → 2565)."""
    return year_ce + BE_OFFSET


def today_be(today: datetime.date | None = None) -> BEDate:
    """Today's date with a Buddhist Era year, as ``(day, month, year)``; ``today`` is for tests."""
    d = today or datetime.date.today()
    return BEDate(d.day, d.month, ce_to_be(d.year))


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, got {month}")


def format_month_year(month: int, year_be: int, digits: str = "thai") -> str:
    """``"มิถุนายน ๒๕๖๕"``: the date line of a letter whose day is left blank."""
    _check_month(month)
    return apply_digits(f"{THAI_MONTHS[month - 1]} {year_be}", digits)


def format_thai_date(day: int | None, month: int, year_be: int, digits: str = "thai") -> str:
    """``"๑๖ มิถุนายน ๒๕๖๕"``. With ``day=None`` only the month and year are returned (the
    caller prints the blank for the day).

    The day is checked against the real calendar (29 February only in leap years), so a
    mistyped date is reported instead of printed on an official letter. ``digits`` is the
    draft's digit mode; ``"as-typed"`` prints ASCII digits, as the numbers were never typed
    as text.
    """
    _check_month(month)
    if day is None:
        return format_month_year(month, year_be, digits)
    last = calendar.mdays[month] + (month == 2 and calendar.isleap(be_to_ce(year_be)))
    if not 1 <= day <= last:
        raise ValueError(f"day must be 1–{last} for month {month} of {year_be}, got {day}")
    return apply_digits(f"{day} {THAI_MONTHS[month - 1]} {year_be}", digits)


__all__ = [
    "BE_OFFSET",
    "THAI_MONTHS",
    "THAI_MONTHS_ABBR",
    "BEDate",
    "be_to_ce",
    "ce_to_be",
    "format_month_year",
    "format_thai_date",
    "today_be",
]
