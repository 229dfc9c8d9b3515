"""A letter to compose, written out here field by field: digits typed Arabic, printed Thai.
(The examples a clerk would open are ``memo_dict``, ``order_dict``, ``stamped_dict`` and
``eef_dict`` of ``tests/conftest.py``.)"""

from __future__ import annotations

import pytest

from dla_drafter.model.letter import (
    Agency,
    Contact,
    Enclosure,
    Letter,
    LetterDate,
    Number,
    Signer,
)


@pytest.fixture
def letter() -> Letter:
    """An external circular with every part a clerk usually fills in."""
    return Letter(
        kind="external",
        number=Number(code="มท 0816.3", circular=True, serial="15"),
        agency=Agency(name="กรมส่งเสริมการปกครองท้องถิ่น",
                      address=["ถนนนครราชสีมา เขตดุสิต กทม. 10300", "  "]),
        date=LetterDate(day=2, month=6, year=2569),
        subject="การประชุมเชิงปฏิบัติการ ครั้งที่ 2",
        salutation="เรียน",
        addressee="ผู้ว่าราชการจังหวัด ทุกจังหวัด",
        references=["หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 1750"],
        enclosures=[Enclosure("กำหนดการ", "1 ชุด"), Enclosure("แบบตอบรับ", "จำนวน 2 แผ่น")],
        body=["ด้วยกรมจะจัดประชุมในวันที่ 15 มิถุนายน 2569", "  ", "จึงขอเชิญเข้าร่วมประชุม"],
        closing="จึงเรียนมาเพื่อโปรดพิจารณา",
        signer=Signer(name="นายสมชาย ใจดี", position=["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", ""]),
        owner_unit=["กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"],
        contact=Contact(phone="0 2241 9000 ต่อ 5312", fax="0 2241 9021"),
    )

