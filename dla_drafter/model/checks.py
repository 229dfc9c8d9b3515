"""Regulation and completeness checks of a letter, for ``dla-drafter check`` and the GUI.

The loader (``draftio``) decides whether a file *can* be a letter; these checks say whether the
letter is *ready to send*: errors for what makes it unusable (no subject, no body, an impossible
date), warnings for what the ระเบียบงานสารบรรณ or common practice would flag (a salutation that
does not match its close, a circular without ว, a date a year old). Each problem names its field
path so the GUI can put the cursor there.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from dla_drafter.fields import FIELD_NAMES
from dla_drafter.model.draftio import validate_letter
from dla_drafter.model.kinds import (
    KIND_NAMES,
    closing_printed,
    filled_unprinted,
    kinds_printing,
)
from dla_drafter.model.letter import Letter
from dla_drafter.model.salutation import (
    CLOSE_MONK,
    CLOSE_MONK_SENIOR,
    CLOSE_MONK_SUPREME,
    expected_close,
    normalize,
    suggest,
)
from dla_drafter.problems import Problem
from dla_drafter.text.digits import to_thai_digits
from dla_drafter.text.thaidate import BE_OFFSET, THAI_MONTHS

# Which parts each kind of letter prints, from the one table in ``model.kinds``: a stamped
# letter uses ถึง and has no close, a memo has no close, orders and announcements have no
# addressee at all. A letter that opens with a salutation ends with a concluding paragraph.
KINDS_WITH_ADDRESSEE = kinds_printing("addressee")
KINDS_WITH_SALUTATION = kinds_printing("salutation")
KINDS_WITH_CLOSE = kinds_printing("complimentary_close")
KINDS_WITH_CLOSING_PARAGRAPH = KINDS_WITH_SALUTATION
KINDS_WITH_SIGNER = kinds_printing("signer.position")
KINDS_WITH_SIGNER_NAME = kinds_printing("signer.name")
KINDS_WITH_RECIPIENTS = kinds_printing("recipients.names")
KINDS_WITH_CODE = kinds_printing("number.code")
KINDS_WITH_SUBJECT = kinds_printing("subject")

_MONK_CLOSE_RANK = {CLOSE_MONK: 0, CLOSE_MONK_SENIOR: 1, CLOSE_MONK_SUPREME: 2}
_LIST_ADDRESSEE = re.compile(r"ตาม(?:บัญชี)?รายชื่อ")  # ตามรายชื่อแนบท้าย, ตามบัญชีรายชื่อ…
_CODE_ENDS_WITH_WOR = re.compile(r"(?:^|[/\s.])ว\.?\s*$")
_SERIAL_STARTS_WITH_WOR = re.compile(r"^\s*ว\.?\s*[0-9๐-๙]*\s*$")
_PARENTHESES = "()（）"


def _warn(field: str, code: str, th: str, en: str) -> Problem:
    return Problem(field, code, "warning", th, en)


def _err(field: str, code: str, th: str, en: str) -> Problem:
    return Problem(field, code, "error", th, en)


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def check_letter(letter: Letter, today: datetime.date | None = None) -> list[Problem]:
    """All problems of ``letter``: errors first, then warnings, each group in form order.

    ``today`` is the reference for "too old / in the future" (tests pass a fixed date).
    Structural problems (a month of 13, a TAB in a field) come from the same validation the
    loader uses, so the wording is the same everywhere.
    """
    today = today or datetime.date.today()
    problems = list(validate_letter(letter))
    problems += _completeness(letter)
    problems += _salutation(letter)
    problems += _number(letter)
    if not any(p.field.startswith("date") and p.is_error for p in problems):
        problems += _date_age(letter, today)
    problems += _enclosures(letter)
    problems += _qr(letter)
    problems += _signer(letter)
    problems += _distribution(letter)
    problems += _unprinted(letter)
    seen: set[tuple[str, str]] = set()
    unique = []
    for problem in problems:
        key = (problem.field, problem.code)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return sorted(unique, key=lambda p: not p.is_error)


def _completeness(letter: Letter) -> list[Problem]:
    found: list[Problem] = []
    if letter.kind in KINDS_WITH_SUBJECT and _blank(letter.subject):
        found.append(_err("subject", "subject-missing", "ยังไม่ได้กรอก", "is empty"))
    if letter.kind in KINDS_WITH_ADDRESSEE and _blank(letter.addressee):
        found.append(_err("addressee", "addressee-missing", "ยังไม่ได้กรอก", "is empty"))
    if not any(not _blank(p) for p in letter.body):
        found.append(
            _err(
                "body",
                "body-missing",
                "ยังไม่มีข้อความ ต้องมีอย่างน้อยหนึ่งย่อหน้า",
                "has no paragraph; at least one is needed",
            )
        )
    if letter.kind in KINDS_WITH_CLOSING_PARAGRAPH and _blank(letter.closing):
        found.append(
            _warn(
                "closing",
                "closing-missing",
                'ยังไม่มีข้อความส่วนสรุป เช่น "จึงเรียนมาเพื่อโปรดพิจารณา"',
                'is empty; letters usually end with e.g. "จึงเรียนมาเพื่อโปรดพิจารณา"',
            )
        )
    return found


def _salutation(letter: Letter) -> list[Problem]:
    """The ภาคผนวก ๒ pairs: salutation with close, and both with the addressee."""
    found: list[Problem] = []
    salutation = letter.salutation.strip()
    close = letter.complimentary_close.strip()
    has_salutation = letter.kind in KINDS_WITH_SALUTATION
    has_close = letter.kind in KINDS_WITH_CLOSE

    if has_salutation and not salutation:
        found.append(_warn("salutation", "salutation-missing", 'ยังไม่ได้กรอก เช่น "เรียน"', "is empty"))
    expected = expected_close(salutation) if has_salutation else set()
    mismatch = False
    if has_close and not close:
        found.append(
            _warn(
                "complimentary_close",
                "close-missing",
                'ยังไม่ได้กรอก เช่น "ขอแสดงความนับถือ"',
                'is empty, e.g. "ขอแสดงความนับถือ"',
            )
        )
    elif has_close and expected and normalize(close) not in {normalize(c) for c in expected}:
        mismatch = True
        wanted = " หรือ ".join(f'"{c}"' for c in sorted(expected))
        wanted_en = " or ".join(f'"{c}"' for c in sorted(expected))
        found.append(
            _warn(
                "complimentary_close",
                "close-mismatch",
                f'คำขึ้นต้น "{salutation}" ต้องคู่กับคำลงท้าย {wanted} แต่ใช้ "{close}"',
                f'the salutation "{salutation}" goes with {wanted_en}, not "{close}"',
            )
        )

    if letter.kind not in KINDS_WITH_ADDRESSEE:
        return found
    suggestion = suggest(letter.addressee)
    if suggestion is None:
        return found
    if suggestion.royal:
        found.append(
            _warn(
                "addressee",
                "royal-addressee",
                "ผู้รับเป็นพระบรมวงศานุวงศ์หรือสมเด็จพระสังฆราช โปรแกรมจะไม่เสนอคำขึ้นต้นและ"
                "คำลงท้ายให้ โปรดใช้ราชาศัพท์ตามประกาศสำนักพระราชวัง (๙ พ.ค. ๒๕๖๒) และตรวจสอบเอง",
                "the addressee is a member of the royal family or the Supreme Patriarch; "
                "salutation and close are not suggested: use the royal forms (proclamation of "
                "9 May 2019) and check them yourself",
            )
        )
        return found
    if has_salutation and salutation and normalize(salutation) != suggestion.salutation:
        found.append(
            _warn(
                "salutation",
                "salutation-for-addressee",
                f'ผู้รับ "{letter.addressee.strip()}" ({suggestion.reason_th}) ใช้คำขึ้นต้น '
                f'"{suggestion.salutation}" คู่กับคำลงท้าย "{suggestion.close}" '
                f'แต่ใช้ "{salutation}"',
                f'for the addressee "{letter.addressee.strip()}" the table gives '
                f'"{suggestion.salutation}" with "{suggestion.close}", not "{salutation}"',
            )
        )
    elif has_close and close and not mismatch:
        rank = _MONK_CLOSE_RANK.get(normalize(close))
        wanted_rank = _MONK_CLOSE_RANK.get(suggestion.close)
        # Only a close *below* the addressee's rank is flagged: a monk whose title we do not
        # recognise may well be more senior than our guess.
        if rank is not None and wanted_rank is not None and rank < wanted_rank:
            found.append(
                _warn(
                    "complimentary_close",
                    "close-for-addressee",
                    f'ผู้รับเป็น{suggestion.reason_th} ควรใช้คำลงท้าย "{suggestion.close}"',
                    f"for this addressee ({suggestion.reason_th}) the close is "
                    f'"{suggestion.close}"',
                )
            )
    return found


def _number(letter: Letter) -> list[Problem]:
    """ที่: the code, the ว of a circular, and a ว typed twice."""
    found: list[Problem] = []
    if letter.kind not in KINDS_WITH_CODE:
        return found
    number = letter.number
    code = number.code.strip()
    serial = (number.serial or "").strip()
    wor_in_code = bool(_CODE_ENDS_WITH_WOR.search(code))
    wor_in_serial = bool(serial) and bool(_SERIAL_STARTS_WITH_WOR.match(serial))
    if not code:
        found.append(
            _warn(
                "number.code",
                "number-code-missing",
                'ยังไม่ได้กรอกรหัสหนังสือ เช่น "มท 0816.3"',
                'is empty, e.g. "มท 0816.3"',
            )
        )
    elif code.endswith("/"):
        found.append(
            _warn(
                "number.code",
                "code-trailing-slash",
                "ไม่ต้องพิมพ์ / ท้ายรหัส โปรแกรมใส่ให้เอง",
                "do not end the code with /; the program adds it",
            )
        )
    if number.circular:
        if wor_in_code:
            found.append(
                _warn(
                    "number.code",
                    "circular-double-wor",
                    "รหัสลงท้ายด้วย ว อยู่แล้ว และเลือกหนังสือเวียนไว้ด้วย จะพิมพ์ ว ซ้ำสองครั้ง ให้ลบ ว ออกจากรหัส",
                    "the code already ends with ว and the letter is a circular, so ว would be "
                    "printed twice; remove it from the code",
                )
            )
        if wor_in_serial:
            found.append(
                _warn(
                    "number.serial",
                    "circular-double-wor",
                    "เลขทะเบียนขึ้นต้นด้วย ว และเลือกหนังสือเวียนไว้ด้วย จะพิมพ์ ว ซ้ำสองครั้ง ให้พิมพ์เฉพาะตัวเลข",
                    "the serial starts with ว and the letter is a circular, so ว would be "
                    "printed twice; type only the number",
                )
            )
    elif wor_in_code or wor_in_serial:
        found.append(
            _warn(
                "number.code" if wor_in_code else "number.serial",
                "wor-typed",
                'พิมพ์ ว ไว้เอง ให้เลือก "หนังสือเวียน" แทน โปรแกรมจะใส่ ว ในตำแหน่งที่ถูกต้อง',
                'ว is typed by hand; tick "circular" instead and the program places it',
            )
        )
    else:
        to_list = bool(_LIST_ADDRESSEE.search(normalize(letter.addressee)))
        has_names = any(not _blank(n) for n in letter.recipients.names)
        if to_list or has_names:
            why_th = 'ผู้รับเป็น "ตามรายชื่อแนบท้าย"' if to_list else "มีบัญชีรายชื่อแนบท้าย"
            why_en = "the addressee is a list" if to_list else "there is a distribution list"
            found.append(
                _warn(
                    "number.circular",
                    "circular-missing",
                    f'หนังสือเวียนควรมี ว: {why_th} แต่ยังไม่ได้เลือก "หนังสือเวียน"',
                    f'a circular should have ว: {why_en} but "circular" is not ticked',
                )
            )
    return found


def _one_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _thai_date(day: int | None, month: int, year_be: int) -> str:
    text = f"{THAI_MONTHS[month - 1]} {to_thai_digits(year_be)}"
    return f"{to_thai_digits(day)} {text}" if day is not None else text


def _date_age(letter: Letter, today: datetime.date) -> list[Problem]:
    """A date in the future or more than a year back is most likely a typing slip.

    Years are Buddhist Era (CE = BE − 543). A blank day compares by month, since the letter
    will be dated some day of that month.
    """
    d = letter.date
    ce_year = d.year - BE_OFFSET
    shown = _thai_date(d.day, d.month, d.year)
    shown_en = f"{d.day or ''} {d.month}/{d.year} B.E.".strip()
    today_th = _thai_date(today.day, today.month, today.year + BE_OFFSET)
    if d.day is None:
        this_month = (ce_year, d.month)
        now = (today.year, today.month)
        future = this_month > now
        too_old = ce_year * 12 + d.month < (today.year - 1) * 12 + today.month
    else:
        when = datetime.date(ce_year, d.month, d.day)
        future = when > today
        too_old = when < _one_year_before(today)
    if future:
        return [
            _warn(
                "date",
                "date-future",
                f"ลงวันที่ในอนาคต ({shown}) วันนี้คือ {today_th}",
                f"is in the future ({shown_en}); today is {today.isoformat()}",
            )
        ]
    if too_old:
        return [
            _warn(
                "date",
                "date-old",
                f"ลงวันที่ย้อนหลังเกิน ๑ ปี ({shown}) วันนี้คือ {today_th} ตรวจสอบปี พ.ศ.",
                f"is more than a year ago ({shown_en}); today is {today.isoformat()}; "
                "check the B.E. year",
            )
        ]
    return []


def _enclosures(letter: Letter) -> list[Problem]:
    found: list[Problem] = []
    for index, enclosure in enumerate(letter.enclosures):
        path = f"enclosures[{index}]"
        if _blank(enclosure.text):
            found.append(_warn(f"{path}.text", "enclosure-text-missing", "ยังไม่ได้กรอก", "is empty"))
        if _blank(enclosure.amount):
            found.append(
                _warn(
                    f"{path}.amount",
                    "enclosure-amount-missing",
                    'ยังไม่ได้ระบุจำนวน เช่น "๑ ชุด"',
                    'has no amount, e.g. "๑ ชุด"',
                )
            )
    return found


def _is_web_url(url: str) -> bool:
    if any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _qr(letter: Letter) -> list[Problem]:
    # the typesetter's own capacity rule: what check passes, the QR code can hold
    from dla_drafter.model.qr import qr_capacity_problem

    url = letter.qr.url.strip()
    if url and (too_long := qr_capacity_problem(url, "qr.url")) is not None:
        return [too_long]
    if url and not _is_web_url(url):
        return [
            _warn(
                "qr.url",
                "qr-url-invalid",
                f"ไม่ใช่ลิงก์เว็บที่ขึ้นต้นด้วย http:// หรือ https:// ({url[:60]})",
                f"is not a web link starting with http:// or https:// ({url[:60]})",
            )
        ]
    return []


def _signer(letter: Letter) -> list[Problem]:
    found: list[Problem] = []
    if letter.kind not in KINDS_WITH_SIGNER:
        return found
    if not any(not _blank(line) for line in letter.signer.position):
        found.append(
            _warn(
                "signer.position",
                "signer-position-missing",
                "ยังไม่ได้กรอกตำแหน่งผู้ลงนาม",
                "the signer's position is empty",
            )
        )
    name = letter.signer.name.strip()
    if not name and letter.kind in KINDS_WITH_SIGNER_NAME and letter.signer.e_saraban is not True:
        found.append(
            _warn(
                "signer.name",
                "signer-name-missing",
                "ยังไม่ได้กรอกชื่อผู้ลงนาม หนังสือจะพิมพ์วงเล็บว่าง ( ) ใต้ลายมือชื่อ",
                "the signer's name is empty; the letter would print empty parentheses ( ) "
                "under the signature",
            )
        )
    if name and (name[0] in _PARENTHESES or name[-1] in _PARENTHESES):
        found.append(
            _warn(
                "signer.name",
                "signer-name-parentheses",
                "ไม่ต้องใส่วงเล็บ โปรแกรมใส่วงเล็บรอบชื่อให้เอง",
                "leave out the parentheses; the program adds them",
            )
        )
    if letter.signer.e_saraban is True:
        found.append(
            _warn(
                "signer.e_saraban",
                "e-saraban-only",
                "ใช้ได้เฉพาะหนังสือที่ส่งทางระบบสารบรรณอิเล็กทรอนิกส์ที่ยืนยันตัวตนแล้ว "
                "(ระเบียบงานสารบรรณ ฉบับที่ ๔ พ.ศ. ๒๕๖๔) ห้ามพิมพ์ส่งเป็นกระดาษ",
                "valid only for a letter sent through an identity-verified e-saraban system "
                "(Regulation on Correspondence, amendment no. 4, 2021): the typed name replaces "
                "the handwritten signature, so never send it on paper",
            )
        )
        if not name:
            found.append(
                _warn(
                    "signer.name",
                    "e-saraban-name-missing",
                    "ลงนามด้วยชื่อในระบบสารบรรณอิเล็กทรอนิกส์ ชื่อเต็มของผู้ลงนามจึงใช้แทน"
                    "ลายมือชื่อ ต้องกรอกชื่อ",
                    "with e-saraban the typed name stands for the signature, so it must be "
                    "filled in",
                )
            )
    return found


def _distribution(letter: Letter) -> list[Problem]:
    """ผู้รับ "(ตามบัญชีรายชื่อแนบท้าย)" and the distribution list go together: an addressee
    that points to a list that is not there, or a list no addressee points to, is a letter
    whose recipients cannot be known from the paper."""
    if letter.kind not in KINDS_WITH_ADDRESSEE or letter.kind not in KINDS_WITH_RECIPIENTS:
        return []
    to_list = bool(_LIST_ADDRESSEE.search(normalize(letter.addressee)))
    has_names = any(not _blank(n) for n in letter.recipients.names)
    if to_list and not has_names:
        return [_warn(
            "recipients.names",
            "distribution-list-missing",
            f'ผู้รับเป็น "{letter.addressee.strip()[:60]}" แต่ยังไม่มีบัญชีรายชื่อแนบท้าย '
            "ให้กรอกรายชื่อผู้รับ หนังสือจะพิมพ์บัญชีรายชื่อต่อท้ายให้",
            f'the addressee is "{letter.addressee.strip()[:60]}" but there is no distribution '
            "list; fill in the recipients and the letter prints the list after it",
        )]
    if has_names and not to_list and not _blank(letter.addressee):
        count = sum(1 for n in letter.recipients.names if not _blank(n))
        return [_warn(
            "addressee",
            "distribution-list-unnamed",
            f"มีบัญชีรายชื่อแนบท้าย {to_thai_digits(count)} รายการ แต่ผู้รับไม่ได้อ้างถึง "
            'ให้ต่อท้ายผู้รับด้วย "(ตามบัญชีรายชื่อแนบท้าย)"',
            f"there is a distribution list of {count} but the addressee does not refer to it; "
            'end the addressee with "(ตามบัญชีรายชื่อแนบท้าย)"',
        )]
    return []


def _unprinted(letter: Letter) -> list[Problem]:
    """One warning per filled field the letter's kind will not print, naming the field, so
    the clerk is not surprised by what is missing on paper (what was typed is kept)."""
    kind = KIND_NAMES.get(letter.kind, KIND_NAMES["external"])
    found: list[Problem] = []
    for path in filled_unprinted(letter):
        th, en = FIELD_NAMES.get(path, (path, path))
        note_th = " (ใช้เป็นชื่อเอกสารเท่านั้น)" if path == "subject" else ""
        note_en = " (it is only the document's title)" if path == "subject" else ""
        found.append(_warn(
            path, "not-printed",
            f"{kind}ไม่พิมพ์ {th} ข้อความที่กรอกไว้ยังเก็บอยู่ในไฟล์แต่จะไม่ปรากฏในหนังสือ{note_th}",
            f"a letter of kind {letter.kind} does not print the {en}; what was typed is kept "
            f"in the file but will not appear on paper{note_en}",
        ))
    if letter.closing.strip() and not closing_printed(letter):
        found.append(_warn(
            "closing", "not-printed",
            f"{kind}ไม่มีผู้รับ จึงไม่พิมพ์ข้อความ \"{letter.closing.strip()[:40]}\" "
            "ให้ลงท้ายด้วยข้อความของ" + kind + " เช่น \"ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\"",
            f"a letter of kind {letter.kind} has no addressee, so the closing paragraph "
            f"\"{letter.closing.strip()[:40]}\" is not printed; end it as such a letter "
            "does, e.g. \"ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\"",
        ))
    return found
