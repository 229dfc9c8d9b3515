"""อ้างถึง text ↔ e-CMS reference (number, date, subject), and the code tables."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dla_drafter.exchange import Reference
from dla_drafter.exchange.codes import (
    SECRECY_OF_CODE,
    SECRET_CODES,
    SPEED_CODES,
    URGENCY_OF_CODE,
)
from dla_drafter.exchange.references import parse_reference, reference_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("line, expected", [
    ("หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 1750 ลงวันที่ 16 มิถุนายน 2563",
     ("มท 0816.3/ว 1750", datetime.date(2020, 6, 16), None)),
    ("หนังสือจังหวัดน่าน ที่ นน ๐๐๒๓.๓/ว ๑๒ ลงวันที่ ๑ ก.พ. ๒๕๖๘ เรื่อง การประชุม",
     ("นน 0023.3/ว 12", datetime.date(2025, 2, 1), "การประชุม")),
    # ที่ inside a name (ที่ดิน, ที่ทำการ) is not the number's ที่.
    ("หนังสือกรมที่ดิน ที่ มท 0516/123 ลงวันที่ 29 กุมภาพันธ์ 2567",
     ("มท 0516/123", datetime.date(2024, 2, 29), None)),
    ("หนังสือที่ทำการปกครองจังหวัด ที่ ชม 0017/45 ลงวันที่ 3 ธ.ค. พ.ศ. 2568",
     ("ชม 0017/45", datetime.date(2025, 12, 3), None)),
    ("หนังสือที่ ศธ 04009/ว1234 ลงวันที่ 7 กรกฎาคม 2569",
     ("ศธ 04009/ว1234", datetime.date(2026, 7, 7), None)),
])
def test_a_letter_reference_gives_its_number_date_and_subject(line, expected):
    reference = parse_reference(line)
    number, date, subject = expected
    assert reference == Reference(number, date, subject or line.replace("  ", " "))


@pytest.mark.parametrize("line", [
    "มติคณะรัฐมนตรีเมื่อวันที่ 3 มีนาคม 2563",  # no letter number
    "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526",
    "หนังสือ ที่ มท 0816/1 ลงวันที่ 30 กุมภาพันธ์ 2567",  # no such day
    "หนังสือ ที่ มท 0816/1 ลงวันที่ 16 มิถุนายน 2020",  # a Common Era year typed by mistake
    "หนังสือ ที่ ไม่มีเลข ลงวันที่ 16 มิถุนายน 2563",  # a "number" without a digit
    "",
])
def test_lines_without_a_letter_number_and_real_date_give_nothing(line):
    assert parse_reference(line) is None


_ID_CHARS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผพฟภมยรลวศษสหฬอฮ0123456789./ว-"


@settings(max_examples=200, deadline=None)
@given(
    number=st.text(_ID_CHARS, min_size=1, max_size=20).filter(lambda s: re.search(r"\d", s)),
    code=st.text("กขคงจฉชมทนศ", min_size=2, max_size=3),
    date=st.dates(datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)),
    subject=st.text(st.characters(codec="utf-8", exclude_categories=("C", "Z")), min_size=1,
                    max_size=40),
)
def test_the_reply_reference_reads_back_exactly(number, code, date, subject):
    """What a reply writes into อ้างถึง is read back by the export as the same reference,
    whatever the number, date and subject (including a subject that itself says ลงวันที่)."""
    reference = Reference(f"{code} {number}", date, f"{subject} ลงวันที่ 1 มกราคม 2500 ที่ 9")
    assert parse_reference(reference_text(reference)) == reference


def test_the_code_tables_match_the_draft_words_and_the_schema():
    assert SPEED_CODES == {None: "001", "ด่วน": "002", "ด่วนมาก": "003", "ด่วนที่สุด": "004"}
    assert SECRET_CODES == {None: "001", "ลับ": "002", "ลับมาก": "003", "ลับที่สุด": "004"}
    assert URGENCY_OF_CODE["004"] == "ด่วนที่สุด" and SECRECY_OF_CODE["001"] is None
    xsd = (ROOT / "resources" / "ecms" /
           "ReusableAggregateBusinessInformationEntity-1.xsd").read_text(encoding="utf-8")
    for name in ("SecretCodeType", "SpeedCodeType"):
        block = xsd.split(f'name="{name}"')[1].split("</xs:simpleType>")[0]
        assert re.findall(r'enumeration value="(\d+)"', block) == ["001", "002", "003", "004"]
