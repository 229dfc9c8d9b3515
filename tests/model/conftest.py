"""Shared fixtures of the model tests: the spec's example draft, verbatim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

# Copied from shared/spec/draft-format.md ("Example"); keep it byte for byte.
SPEC_EXAMPLE = """\
{
  "format": "dla-drafter/letter@1",
  "kind": "external",
  "number": {"code": "มท 0816.3", "circular": true, "serial": null},
  "agency": {"name": "กรมส่งเสริมการปกครองท้องถิ่น", "address": ["ถนนนครราชสีมา เขตดุสิต", "กทม. 10300"]},
  "date": {"day": null, "month": 6, "year": 2565},
  "subject": "โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ 2",
  "salutation": "เรียน",
  "addressee": "ผู้ว่าราชการจังหวัด (ตามรายชื่อแนบท้าย)",
  "references": ["หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 1750 ลงวันที่ 16 มิถุนายน 2563"],
  "enclosures": [{"text": "รายชื่อสถานศึกษาที่เข้าร่วมโครงการ", "amount": "1 ชุด"}],
  "body": ["ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้ขอความร่วมมือจังหวัด ...", "กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า ..."],
  "closing": "จึงเรียนมาเพื่อโปรดพิจารณา",
  "complimentary_close": "ขอแสดงความนับถือ",
  "signer": {"name": "", "position": ["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]},
  "owner_unit": ["กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"],
  "contact": {"phone": "0 2241 9000 ต่อ 5312", "email": "saraban@dla.go.th"},
  "digits": "thai"
}
"""  # noqa: E501 (the spec's lines, verbatim)

MINIMAL = {
    "format": "dla-drafter/letter@1",
    "date": {"month": 6, "year": 2565},
    "subject": "ทดสอบ",
    "addressee": "ผู้ว่าราชการจังหวัด",
    "body": ["ย่อหน้าแรก"],
}


@pytest.fixture
def example() -> dict[str, Any]:
    """The spec example as parsed JSON (a fresh copy per test)."""
    return json.loads(SPEC_EXAMPLE)


def completed(example: dict[str, Any]) -> dict[str, Any]:
    """The spec example with what it leaves for later filled in — the signer's name and the
    distribution list its addressee "(ตามรายชื่อแนบท้าย)" points to — so ``check`` finds
    nothing to say on the spec's date."""
    example["signer"]["name"] = "นายประยูร อินสกุล"
    example["recipients"] = {"names": ["ผู้ว่าราชการจังหวัดกระบี่", "ผู้ว่าราชการจังหวัดชุมพร"]}
    return example


@pytest.fixture
def complete_example(example: dict[str, Any]) -> dict[str, Any]:
    return completed(example)


@pytest.fixture
def minimal() -> dict[str, Any]:
    return json.loads(json.dumps(MINIMAL))


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "example.dladraft.json"
    path.write_text(SPEC_EXAMPLE, encoding="utf-8")
    return path


@pytest.fixture
def spec_text() -> str:
    """The spec example as the file text."""
    return SPEC_EXAMPLE
