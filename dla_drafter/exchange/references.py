"""อ้างถึง as text and as e-CMS data: reading the number and date out of what the clerk typed,
and writing the reference a reply makes.

A draft keeps each อ้างถึง as one line of text, the way the regulation prints it::

    หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 1750 ลงวันที่ 16 มิถุนายน 2563

e-CMS wants the parts: the number (``ID``), the date (ISO, Common Era) and the subject. The
number is what follows a free-standing ``ที่`` (not the ที่ inside ที่ดิน or ที่ทำการ) up to
``ลงวันที่``; the date is day, Thai month name (full or abbreviated) and Buddhist year, in
Thai or Arabic digits; the subject is what follows ``เรื่อง`` after the date, else the whole
line (so that nothing the clerk wrote is lost to the receiver). A line without a number and
a date (a Cabinet resolution, a regulation) has no e-CMS form: the export says so and leaves
it to the printed letter.
"""

from __future__ import annotations

import calendar
import datetime
import re

from ..text.digits import to_arabic_digits
from ..text.thaidate import BE_OFFSET, THAI_MONTHS, THAI_MONTHS_ABBR, be_to_ce
from .model import Reference, clean_text

#: Buddhist years a letter's date can plausibly have (a year like 2020 is a Common Era year
#: typed by mistake: reading it as B.E. would date the letter 543 years back).
MIN_YEAR_BE, MAX_YEAR_BE = 2400, 2800

_MONTHS = {name: i for i, name in enumerate(THAI_MONTHS, 1)}
_MONTHS.update({name: i for i, name in enumerate(THAI_MONTHS_ABBR, 1)})
_MONTH_RE = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))

_REFERENCE = re.compile(
    r"(?:^|(?<=\s)|(?<=หนังสือ))ที่\s+(?P<id>\S.*?)\s*ลงวันที่\s*"
    rf"(?P<day>\d{{1,2}})\s*(?P<month>{_MONTH_RE})\s*(?:พ\.\s*ศ\.\s*)?(?P<year>\d{{4}})"
    r"(?:\s+เรื่อง\s*(?P<subject>\S.*))?"
)


def parse_reference(text: str) -> Reference | None:
    """The e-CMS parts of one อ้างถึง line; None when it holds no letter number and date.

    The number keeps its letters and punctuation and gets Arabic digits, so that it matches
    the sending system's register whichever digits the clerk typed."""
    line = to_arabic_digits(clean_text(text))
    match = _REFERENCE.search(line)
    if match is None or not re.search(r"\d", match["id"]):
        return None
    day, month, year_be = int(match["day"]), _MONTHS[match["month"]], int(match["year"])
    if not MIN_YEAR_BE <= year_be <= MAX_YEAR_BE:
        return None  # a Common Era year typed by mistake, or a typing error
    year = be_to_ce(year_be)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    subject = match["subject"] or line
    return Reference(match["id"].strip(), datetime.date(year, month, day), subject.strip())


def reference_text(reference: Reference) -> str:
    """The อ้างถึง line a reply prints for the letter it answers, in the form
    :func:`parse_reference` reads back: ``หนังสือที่ … ลงวันที่ ๑๖ มิถุนายน ๒๕๖๓ เรื่อง …``
    (digits are the draft's to print)."""
    date = reference.date
    when = f"{date.day} {THAI_MONTHS[date.month - 1]} {date.year + BE_OFFSET}"
    return f"หนังสือที่ {reference.id} ลงวันที่ {when} เรื่อง {reference.subject}"
