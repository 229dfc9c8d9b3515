"""The reply to an incoming letter: draft → e-CMS → read → reply draft → its own e-CMS, with
อ้างถึง naming the letter answered and the reply going back where the letter came from."""

from __future__ import annotations

import datetime

import pytest
from ecms_helpers import SEND_DATE, assert_valid, ram

from dla_drafter.exchange import (
    Correspondence,
    EcmsError,
    Party,
    Reference,
    export_ecms,
    read_ecms,
    reply_draft,
    sender_party,
)
from dla_drafter.exchange.references import parse_reference
from dla_drafter.model.draftio import load_draft_with_warnings, save_draft

TODAY = (3, 2, 2569)  # 3 กุมภาพันธ์ 2569


def incoming(**changes) -> Correspondence:
    values = dict(
        id="นน 0023.3/1234", date=datetime.date(2026, 1, 30),
        subject="ขอความอนุเคราะห์ข้อมูลสถานศึกษา", speed_code="003", secret_code="002",
        sender=Party("นางสาวมาลี", "ศรีสุข", "ผู้ว่าราชการจังหวัดน่าน", "15", "15055"))
    values.update(changes)
    return Correspondence(**values)


def test_the_reply_answers_the_letter(profile):
    reply, warnings = reply_draft(incoming(), profile, TODAY)
    assert warnings == []
    assert (reply.salutation, reply.addressee) == ("เรียน", "ผู้ว่าราชการจังหวัดน่าน")
    assert reply.complimentary_close == "ขอแสดงความนับถือ"
    assert reply.references == [
        "หนังสือที่ นน 0023.3/1234 ลงวันที่ 30 มกราคม 2569 เรื่อง ขอความอนุเคราะห์ข้อมูลสถานศึกษา"]
    assert parse_reference(reply.references[0]) == Reference(
        "นน 0023.3/1234", datetime.date(2026, 1, 30), "ขอความอนุเคราะห์ข้อมูลสถานศึกษา")
    assert reply.subject == "ขอความอนุเคราะห์ข้อมูลสถานศึกษา"
    assert (reply.urgency, reply.secrecy) == ("ด่วนมาก", "ลับ")
    assert reply.body == ["ตามหนังสือที่อ้างถึง"]
    # The office's own letter: heading, code, signer, contacts from the profile.
    assert reply.agency.name == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert reply.number.code == "มท 0816" and reply.number.serial is None
    assert (reply.date.day, reply.date.month, reply.date.year) == (None, 2, 2569)
    assert reply.signer.position == ["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]
    assert reply.extra["ecms"]["receiver"] == {
        "given_name": "นางสาวมาลี", "family_name": "ศรีสุข",
        "job_title": "ผู้ว่าราชการจังหวัดน่าน", "ministry_code": "15", "department_code": "15055"}


def test_the_salutation_follows_the_regulations_table(profile):
    sender = Party(job_title="นายกรัฐมนตรี", ministry_code="01", department_code="01001")
    reply, _ = reply_draft(incoming(sender=sender), profile, TODAY)
    assert (reply.salutation, reply.complimentary_close) == (
        "กราบเรียน", "ขอแสดงความนับถืออย่างยิ่ง")


def test_a_sender_without_a_job_title_is_addressed_by_name(profile):
    reply, _ = reply_draft(incoming(sender=Party("นายดี", "มีสุข")), profile, TODAY)
    assert reply.addressee == "นายดี มีสุข"
    reply, warnings = reply_draft(incoming(sender=Party()), profile, TODAY)
    assert reply.addressee == "" and [w.field for w in warnings] == ["addressee"]


def test_text_too_long_for_a_draft_is_an_error_naming_the_field(profile):
    with pytest.raises(EcmsError) as caught:
        reply_draft(incoming(subject="ก" * 19_990), profile, TODAY)
    assert {p.field for p in caught.value.errors} == {"references[0]"}


def test_draft_to_ecms_to_reply_to_ecms(tmp_path, letter, letter_pdf, profile):
    """The whole exchange through files: our letter goes out; the other office's reply
    draft (made from what it received) refers to it exactly and goes back to us."""
    sent = export_ecms(letter, letter_pdf, sender_party(profile), send_date=SEND_DATE,
                       receiver_ministry_code="15", receiver_department_code="15050")
    received = tmp_path / "received.xml"
    received.write_bytes(sent.xml)

    other = read_ecms(received.read_bytes())  # at the receiving office
    reply, _ = reply_draft(other.correspondence, profile, TODAY)
    path = tmp_path / "reply.dladraft.json"
    save_draft(reply, path)
    reply, load_warnings = load_draft_with_warnings(path)
    assert load_warnings == []
    assert reply.addressee == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"  # the office, not the deputy
    assert reply.references[0].startswith(
        "หนังสือที่ มท 0816.3/ว 1234 ลงวันที่ 15 มกราคม 2569 เรื่อง ")

    reply.number.serial, reply.date.day = "77", 5
    back = export_ecms(reply, letter_pdf, Party(ministry_code="15", department_code="15050"),
                       send_date=SEND_DATE)
    body = ram(assert_valid(back.xml), "rsm:GovernmentDocument/ram:CorrespondenceLetter")[0]
    [reference] = ram(body, "ram:ReferenceCorrespondence")
    assert ram(reference, "ram:ID")[0].text == "มท 0816.3/ว 1234"
    assert ram(reference, "ram:CorrespondenceDate")[0].text == "2026-01-15"
    assert ram(reference, "ram:Subject")[0].text == letter.subject
    assert ram(body, "ram:ReceiverParty/ram:MinistryOrganization/ram:ID")[0].text == "15"
    assert ram(body, "ram:ReceiverParty/ram:DepartmentOrganization/ram:ID")[0].text == "15008"
    assert ram(body, "ram:ReceiverParty/ram:GivenName")[0].text == "นายสมชาย"
    assert ram(body, "ram:SpeedCode")[0].text == "004"
    assert "ecms-receiver-codes" not in {p.code for p in back.warnings}
