"""What the e-CMS tests share: the example letter, the schema, namespaces and XPath helpers
(a module of its own, so tests import it by a name no other folder's conftest has)."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "circular-2565-eef.dladraft.json"
XSD = ROOT / "resources" / "ecms" / "CorrespondenceLetterOutboundRequest.xsd"
RSM = "urn:th:gov:egif:data:standard:GovernmentDocument:1.0"
RAM = "urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1"
SEND_DATE = datetime.date(2026, 1, 20)

_schema = None


def assert_valid(xml: bytes) -> etree._Element:
    """Validate ``xml`` against the repository's XSD, loaded here with lxml (not through the
    program's own helper), and give the root element."""
    global _schema
    if _schema is None:
        _schema = etree.XMLSchema(etree.parse(str(XSD)))
    root = etree.fromstring(xml, etree.XMLParser(huge_tree=True))
    if not _schema.validate(root):
        raise AssertionError("\n".join(str(e) for e in _schema.error_log))
    return root


def ram(root: etree._Element, path: str) -> list[etree._Element]:
    """Elements under ``root`` by a ``ram:``-prefixed XPath."""
    return root.xpath(path, namespaces={"ram": RAM, "rsm": RSM})


def letter_dict() -> dict:
    """The example circular, numbered, dated, urgent and to one receiver (no distribution
    list), signed by a named deputy on the Director-General's behalf."""
    data = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    data["number"]["serial"] = "1234"
    data["date"] = {"day": 15, "month": 1, "year": 2569}
    data["urgency"] = "ด่วนที่สุด"
    data["secrecy"] = "ลับ"
    data["addressee"] = "ผู้ว่าราชการจังหวัดเชียงใหม่"
    data["recipients"] = {"names": []}
    data["signer"] = {"name": "นายสมชาย ใจดี",
                      "position": ["รองอธิบดี ปฏิบัติราชการแทน",
                                   "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]}
    data["references"] = [
        "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 1750 ลงวันที่ 16 มิถุนายน 2563",
        "มติคณะรัฐมนตรีเมื่อวันที่ 3 มีนาคม 2563",
        "หนังสือกรมที่ดิน ที่ มท ๐๕๑๖.๒/๗๘๙ ลงวันที่ ๒ ม.ค. ๒๕๖๙ เรื่อง ขอข้อมูลที่ดิน",
    ]
    return data
