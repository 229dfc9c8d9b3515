"""คำขึ้นต้น and คำลงท้าย from the addressee (ระเบียบงานสารบรรณ, ภาคผนวก ๒).

Only the rows a clerk of a ministry meets are covered (``shared/spec/page-layout.md``): the
fourteen high offices, monks, and everyone else. Letters to the royal family follow the royal
proclamation of 9 พ.ค. 2562 and are deliberately not suggested: :func:`suggest` returns a result
flagged ``royal`` so that the GUI warns and lets the clerk type the forms themselves.

Matching ignores spaces (clerks type ``ผู้ว่าราชการ จังหวัด`` or ``นายก รัฐมนตรี``) and looks at
how the addressee *starts*, because a title is followed by the office or name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

GRAB_RIAN = "กราบเรียน"
RIAN = "เรียน"
NAMASKAN = "นมัสการ"

CLOSE_HIGHEST = "ขอแสดงความนับถืออย่างยิ่ง"
CLOSE_DEFAULT = "ขอแสดงความนับถือ"
CLOSE_MONK_SUPREME = "ขอนมัสการด้วยความเคารพอย่างยิ่ง"
CLOSE_MONK_SENIOR = "ขอนมัสการด้วยความเคารพอย่างสูง"
CLOSE_MONK = "ขอนมัสการด้วยความเคารพ"

HIGH_OFFICES = (
    "ประธานองคมนตรี",
    "นายกรัฐมนตรี",
    "ประธานรัฐสภา",
    "ประธานสภาผู้แทนราษฎร",
    "ประธานวุฒิสภา",
    "ประธานศาลฎีกา",
    "รัฐบุรุษ",
    "ประธานศาลรัฐธรรมนูญ",
    "ประธานศาลปกครองสูงสุด",
    "ประธานกรรมการการเลือกตั้ง",
    "ประธานกรรมการสิทธิมนุษยชนแห่งชาติ",
    "ประธานกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
    "ประธานกรรมการตรวจเงินแผ่นดิน",
    "ผู้ตรวจการแผ่นดิน",
)

# Words that, right after a high office, make it a different (provincial) office:
# ประธานกรรมการการเลือกตั้งประจำจังหวัด is not the chairman of the Election Commission.
_NOT_THE_HIGH_OFFICE_AFTER = ("ประจำ",)

# Royal family titles: out of scope for suggestions (royal proclamation of 9 พ.ค. 2562).
ROYAL_PREFIXES = (
    "พระบาทสมเด็จ",
    "สมเด็จพระเจ้า",
    "สมเด็จพระบรม",
    "สมเด็จพระนางเจ้า",
    "สมเด็จพระราชินี",
    "สมเด็จพระกนิษฐาธิราชเจ้า",
    "สมเด็จพระเทพรัตน",
    "สมเด็จพระพี่นาง",
    "สมเด็จพระศรีนครินทร",
    "สมเด็จเจ้าฟ้า",
    "เจ้าฟ้า",
    "พระเจ้าวรวงศ์เธอ",
    "พระเจ้าหลานเธอ",
    "พระเจ้าลูกเธอ",
    "พระวรวงศ์เธอ",
    "พระบรมวงศ์เธอ",
    "พระราชวรวงศ์เธอ",
    "พระองค์เจ้า",
    "หม่อมเจ้า",
)
# The Supreme Patriarch has his own forms (กราบทูล / ควรมิควรแล้วแต่จะโปรด): also not suggested.
SUPREME_PATRIARCH_PREFIXES = ("สมเด็จพระสังฆราช", "สมเด็จพระอริยวงศาคตญาณ")

# สมเด็จพระราชาคณะ: any other "สมเด็จพระ…" (สมเด็จพระพุฒาจารย์, สมเด็จพระวันรัต …).
MONK_SUPREME_PREFIXES = ("สมเด็จพระราชาคณะ", "รองสมเด็จพระราชาคณะ", "สมเด็จพระ")
# พระราชาคณะ: the rank itself and the title stems of its grades (ชั้นธรรม, เทพ, ราช, พรหม …).
MONK_SENIOR_PREFIXES = ("พระราชาคณะ", "พระพรหม", "พระธรรม", "พระเทพ", "พระราช")
# Other monks: titles and positions a clerk writes to.
MONK_PREFIXES = (
    "พระครู",
    "พระมหา",
    "พระอธิการ",
    "พระปลัด",
    "พระสมุห์",
    "พระใบฎีกา",
    "พระวินัยธร",
    "พระธรรมธร",
    "พระอาจารย์",
    "พระภิกษุ",
    "พระสงฆ์",
    "พระอุปัชฌาย์",
    "เจ้าอาวาส",
    "เจ้าคณะ",
    "เจ้าอธิการ",
)

# Addressees that start with พระ but are places or things, not monks.
_NOT_MONKS = ("พระนคร", "พระราชวัง", "พระตำหนัก", "พระบรมมหาราชวัง")

Category = Literal[
    "high-office", "general", "monk-supreme", "monk-senior", "monk", "royal", "supreme-patriarch"
]


@dataclass(frozen=True)
class Suggestion:
    """The salutation and close the table gives for an addressee.

    When ``royal`` is true there is no suggestion to apply: ``salutation``/``close`` are empty
    and the caller should warn that the forms must follow the royal usage (ราชาศัพท์).
    ``reason_th`` says which row matched, for a tooltip.
    """

    salutation: str
    close: str
    category: Category
    reason_th: str
    royal: bool = False


_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


def normalize(text: str) -> str:
    """Remove spaces and invisible characters: they never change who the addressee is."""
    return _SPACES.sub("", text)


def _high_office(text: str) -> str | None:
    for office in HIGH_OFFICES:
        if text.startswith(office):
            rest = text[len(office) :]
            if not rest.startswith(_NOT_THE_HIGH_OFFICE_AFTER):
                return office
    return None


def _monk(text: str) -> Suggestion | None:
    """The monk rows, most senior first; None for places that merely start with พระ."""
    if text.startswith(_NOT_MONKS):
        return None
    if text.startswith(MONK_SUPREME_PREFIXES):
        reason = "สมเด็จพระราชาคณะ/รองสมเด็จพระราชาคณะ"
        return Suggestion(NAMASKAN, CLOSE_MONK_SUPREME, "monk-supreme", reason)
    if text.startswith(MONK_SENIOR_PREFIXES):
        return Suggestion(NAMASKAN, CLOSE_MONK_SENIOR, "monk-senior", "พระราชาคณะ")
    if text.startswith(MONK_PREFIXES) or text.startswith("พระ"):
        return Suggestion(NAMASKAN, CLOSE_MONK, "monk", "พระภิกษุสงฆ์ทั่วไป")
    return None


def suggest(addressee: str) -> Suggestion | None:
    """The table's salutation/close for ``addressee``; None when it is blank.

    Order matters: royal titles (which also start with สมเด็จพระ or พระ) are tested before
    monks, monks before the high offices, and everyone else gets เรียน / ขอแสดงความนับถือ.
    """
    text = normalize(addressee)
    if not text:
        return None
    if text.startswith(ROYAL_PREFIXES):
        return Suggestion(
            "", "", "royal", "พระบรมวงศานุวงศ์: ใช้ราชาศัพท์ตามประกาศสำนักพระราชวัง", royal=True
        )
    if text.startswith(SUPREME_PATRIARCH_PREFIXES):
        return Suggestion(
            "", "", "supreme-patriarch", "สมเด็จพระสังฆราช: ใช้คำขึ้นต้นและคำลงท้ายเฉพาะ", royal=True
        )
    monk = _monk(text)
    if monk is not None:
        return monk
    office = _high_office(text)
    if office is not None:
        return Suggestion(GRAB_RIAN, CLOSE_HIGHEST, "high-office", f"ตำแหน่งสูง: {office}")
    return Suggestion(RIAN, CLOSE_DEFAULT, "general", "บุคคลทั่วไป (รวมถึงรัฐมนตรี)")


_EXPECTED_CLOSES: dict[str, frozenset[str]] = {
    GRAB_RIAN: frozenset({CLOSE_HIGHEST}),
    RIAN: frozenset({CLOSE_DEFAULT}),
    NAMASKAN: frozenset({CLOSE_MONK_SUPREME, CLOSE_MONK_SENIOR, CLOSE_MONK}),
}


def expected_close(salutation: str) -> set[str]:
    """The closes that go with ``salutation``; an empty set when the table does not know it
    (royal forms, ``ถึง`` of a stamped letter …), meaning "do not check"."""
    return set(_EXPECTED_CLOSES.get(normalize(salutation), frozenset()))


def known_salutations() -> tuple[str, ...]:
    """The salutations of the table, for a combo box."""
    return (RIAN, GRAB_RIAN, NAMASKAN)
