"""A draft and its PDF → the e-CMS outbound request: what another system reads from it, and
every export valid against the repository's XSD."""

from __future__ import annotations

import base64
import dataclasses
import datetime

import pytest
from ecms_helpers import RAM, SEND_DATE, assert_valid, ram

from dla_drafter.exchange import BinaryObject, EcmsError, Party, export_ecms, sender_party

ORDER = ["ID", "CorrespondenceDate", "Subject", "SecretCode", "SpeedCode", "SenderParty",
         "ReceiverParty", "ReferenceCorrespondence", "ReferenceCorrespondence", "Attachment",
         "SendDate", "Description", "MainLetterBinaryObject", "AttachmentBinaryObject"]


def export(letter, pdf, sender, **options):
    options.setdefault("send_date", SEND_DATE)
    return export_ecms(letter, pdf, sender, **options)


def text(root, path: str) -> str:
    found = ram(root, path)
    assert len(found) == 1, path
    return found[0].text or ""


def test_export_carries_the_letter_and_validates(letter, letter_pdf, sender):
    attached = BinaryObject("image/png", b"\x89PNG\r\n\x1a\nfake", "map.png")
    made = export(letter, letter_pdf, sender, attachments=[attached])
    root = assert_valid(made.xml)
    assert root.tag == "CorrespondenceLetterOutboundRequest"
    body = ram(root, "rsm:GovernmentDocument/ram:CorrespondenceLetter")[0]
    assert body.get("ID") == "Letter"
    assert [etree_name(c) for c in body] == ORDER  # the standard's order
    assert text(body, "ram:ID") == "มท 0816.3/ว 1234"
    assert text(body, "ram:CorrespondenceDate") == "2026-01-15"  # 15 มกราคม 2569, C.E.
    assert text(body, "ram:Subject") == letter.subject
    assert text(body, "ram:SpeedCode") == "004"  # ด่วนที่สุด
    assert text(body, "ram:SecretCode") == "002"  # ลับ
    assert text(body, "ram:SendDate") == "2026-01-20"
    assert text(body, "ram:SenderParty/ram:MinistryOrganization/ram:ID") == "15"
    assert text(body, "ram:SenderParty/ram:DepartmentOrganization/ram:ID") == "15008"
    assert text(body, "ram:ReceiverParty/ram:JobTitle") == "ผู้ว่าราชการจังหวัดเชียงใหม่"
    assert text(body, "ram:Attachment") == "รายชื่อสถานศึกษาที่เข้าร่วมโครงการ 1 ชุด"
    main = ram(body, "ram:MainLetterBinaryObject")[0]
    assert main.get("mimeCode") == "application/pdf"
    assert base64.b64decode(main.text) == letter_pdf  # the very PDF, byte for byte
    extra = ram(body, "ram:AttachmentBinaryObject")[0]
    assert extra.get("mimeCode") == "image/png"
    assert base64.b64decode(extra.text) == attached.data
    assert made.xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def etree_name(element) -> str:
    return element.tag.split("}")[1]


def test_references_come_from_the_lines_with_a_number_and_date(letter, letter_pdf, sender):
    made = export(letter, letter_pdf, sender)
    body = ram(assert_valid(made.xml), "rsm:GovernmentDocument/ram:CorrespondenceLetter")[0]
    refs = ram(body, "ram:ReferenceCorrespondence")
    assert [(text(r, "ram:ID"), text(r, "ram:CorrespondenceDate")) for r in refs] == [
        ("มท 0816.3/ว 1750", "2020-06-16"),
        ("มท 0516.2/789", "2026-01-02"),  # Thai digits typed, Arabic sent; ม.ค. read
    ]
    assert text(refs[1], "ram:Subject") == "ขอข้อมูลที่ดิน"
    # The first names no subject: the whole line goes, so the receiver loses nothing.
    assert text(refs[0], "ram:Subject") == letter.references[0]
    # The Cabinet resolution has no letter number: a warning naming the line, not an error.
    [warning] = [p for p in made.warnings if p.code == "ecms-reference"]
    assert warning.field == "references[1]"
    assert "อ้างถึง รายการที่ ๒" in warning.message("th")


@pytest.mark.parametrize("urgency, speed", [(None, "001"), ("ด่วน", "002"),
                                            ("ด่วนมาก", "003"), ("ด่วนที่สุด", "004")])
@pytest.mark.parametrize("secrecy, secret", [(None, "001"), ("ลับ", "002"),
                                             ("ลับมาก", "003"), ("ลับที่สุด", "004")])
def test_every_speed_and_secrecy_has_its_code(letter, letter_pdf, sender, urgency, speed,
                                              secrecy, secret):
    letter.urgency, letter.secrecy = urgency, secrecy
    body = assert_valid(export(letter, letter_pdf, sender).xml)
    assert text(body, "//ram:SpeedCode") == speed
    assert text(body, "//ram:SecretCode") == secret


def test_the_sender_is_the_signers_office_unless_the_profile_names_one(letter, letter_pdf,
                                                                       profile):
    body = assert_valid(export(letter, letter_pdf, sender_party(profile)).xml)
    assert text(body, "//ram:SenderParty/ram:GivenName") == "นายสมชาย"
    assert text(body, "//ram:SenderParty/ram:FamilyName") == "ใจดี"
    # The office the letter comes from, not "รองอธิบดี ปฏิบัติราชการแทน": a reply goes there.
    assert text(body, "//ram:SenderParty/ram:JobTitle") == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"

    profile.ecms.given_name, profile.ecms.family_name = "สมศรี", "รักงาน"
    profile.ecms.job_title = "เจ้าพนักงานธุรการ"
    body = assert_valid(export(letter, letter_pdf, sender_party(profile)).xml)
    assert text(body, "//ram:SenderParty/ram:GivenName") == "สมศรี"
    assert text(body, "//ram:SenderParty/ram:JobTitle") == "เจ้าพนักงานธุรการ"


def test_flags_replace_the_profiles_codes_and_thai_digits_become_arabic(letter, letter_pdf,
                                                                        profile):
    profile.ecms.ministry_code = "๑๕"
    sender = sender_party(profile, department_code=" 15010 ")
    body = assert_valid(export(letter, letter_pdf, sender, receiver_ministry_code="11",
                               receiver_department_code="11008").xml)
    assert text(body, "//ram:SenderParty/ram:MinistryOrganization/ram:ID") == "15"
    assert text(body, "//ram:SenderParty/ram:DepartmentOrganization/ram:ID") == "15010"
    assert text(body, "//ram:ReceiverParty/ram:MinistryOrganization/ram:ID") == "11"
    assert text(body, "//ram:ReceiverParty/ram:DepartmentOrganization/ram:ID") == "11008"


def test_missing_codes_and_an_unnumbered_undated_letter_are_all_named_at_once(letter,
                                                                              letter_pdf):
    letter.number.serial = None
    letter.date.day = None
    letter.subject = "   "
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, Party())
    problems = {p.code: p for p in caught.value.errors}
    assert set(problems) == {"ecms-no-serial", "ecms-no-day", "ecms-no-subject",
                             "ecms-ministry-code", "ecms-department-code"}
    assert problems["ecms-no-serial"].field == "number.serial"
    assert problems["ecms-no-day"].field == "date.day"
    assert problems["ecms-no-subject"].field == "subject"
    assert "ตั้งค่า › โปรไฟล์ › รหัสกระทรวง (e-CMS)" in problems["ecms-ministry-code"].message("th")
    department = problems["ecms-department-code"].message("en")
    assert "Settings › profile › department code (e-CMS)" in department
    assert problems["ecms-no-serial"].message("th").startswith("เลขทะเบียนหนังสือส่ง: ")


@pytest.mark.parametrize("bad", ["15a", "1-5", "12345678901", "๑๕ก"])
def test_a_code_that_is_not_digits_is_refused(letter, letter_pdf, profile, bad):
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender_party(profile, ministry_code=bad))
    assert caught.value.code == "ecms-code-format"
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender_party(profile), receiver_department_code=bad)
    assert caught.value.code == "ecms-code-format"


def test_a_batch_letter_template_is_not_sent(letter, letter_pdf, sender):
    letter.addressee = "ผู้ว่าราชการจังหวัด«จังหวัด»"
    letter.body[1] += " จำนวน «งบประมาณ» บาท"
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender)
    assert [(p.code, p.field) for p in caught.value.errors] == [
        ("ecms-merge-field", "addressee"), ("ecms-merge-field", "body[1]")]
    assert "«จังหวัด»" in caught.value.errors[0].message("th")
    letter.addressee, letter.body[1] = "ผู้ว่าราชการจังหวัด«", "ข้อความ"
    assert "ecms-merge-mark" in {p.code for p in export(letter, letter_pdf, sender).warnings}


def test_kinds_that_are_not_letters_between_agencies(letter, letter_pdf, sender):
    letter.kind = "order"
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender)
    assert caught.value.errors[0].field == "kind"
    letter.kind = "memo"
    made = export(letter, letter_pdf, sender)
    assert "ecms-memo" in {p.code for p in made.warnings}


def test_the_pdf_must_be_a_pdf_and_an_unsigned_one_is_a_warning(letter, letter_pdf, sender):
    with pytest.raises(EcmsError) as caught:
        export(letter, b"PK\x03\x04 a docx, not the letter", sender)
    assert caught.value.code == "ecms-not-pdf"
    with pytest.raises(EcmsError) as caught:
        export(letter, b"", sender)
    assert caught.value.code == "ecms-empty-file"
    assert "ecms-unsigned" in {p.code for p in export(letter, letter_pdf, sender).warnings}


def test_size_caps_are_checked_before_anything_is_encoded(letter, letter_pdf, sender,
                                                          monkeypatch):
    from dla_drafter.exchange import outbound

    monkeypatch.setattr(outbound, "MAX_BINARY_BYTES", len(letter_pdf) - 1)
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender)
    assert caught.value.code == "ecms-file-too-large"
    monkeypatch.undo()
    monkeypatch.setattr(outbound, "MAX_ATTACHMENTS", 2)
    files = [BinaryObject("text/plain", b"x", f"{i}.txt") for i in range(3)]
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender, attachments=files)
    assert caught.value.code == "ecms-too-many-files"
    monkeypatch.setattr(outbound, "MAX_XML_BYTES", len(letter_pdf))
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender)
    assert caught.value.code == "ecms-too-large"


def test_markup_in_the_letters_text_is_text(letter, letter_pdf, sender):
    from dla_drafter.exchange import read_ecms

    letter.subject = 'ทดสอบ <ram:Subject>x</ram:Subject> & "quotes" ]]> &amp;'
    made = export(letter, letter_pdf, sender)
    body = assert_valid(made.xml)
    assert text(body, "//ram:CorrespondenceLetter/ram:Subject") == letter.subject
    assert read_ecms(made.xml).correspondence.subject == letter.subject


def test_a_reply_drafts_receiver_is_used_and_a_changed_addressee_is_noticed(letter,
                                                                            letter_pdf, sender):
    letter.extra["ecms"] = {"receiver": {
        "given_name": "นายใหญ่", "family_name": "ยิ่งยง", "job_title": letter.addressee,
        "ministry_code": "11", "department_code": "11008"}}
    made = export(letter, letter_pdf, sender)
    body = assert_valid(made.xml)
    assert text(body, "//ram:ReceiverParty/ram:GivenName") == "นายใหญ่"
    assert text(body, "//ram:ReceiverParty/ram:DepartmentOrganization/ram:ID") == "11008"
    assert not {"ecms-receiver-codes", "ecms-receiver-changed"} & {p.code for p in made.warnings}

    letter.addressee = "ผู้ว่าราชการจังหวัดลำพูน"
    changed = [p for p in export(letter, letter_pdf, sender).warnings
               if p.code == "ecms-receiver-changed"]
    assert changed and changed[0].field == "addressee"


@pytest.mark.parametrize("value, field", [
    ("a string", "ecms"),
    ({"receiver": ["x"]}, "ecms.receiver"),
    ({"receiver": {"ministry_code": 11}}, "ecms.receiver.ministry_code"),
    ({"receiver": {"department_code": "11-008"}}, "ecms.receiver.department_code"),
])
def test_a_damaged_ecms_key_names_its_path(letter, letter_pdf, sender, value, field):
    letter.extra["ecms"] = value
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, sender)
    assert caught.value.errors[0].field == field


def test_no_sender_at_all_names_the_signer(letter, letter_pdf):
    letter.signer = dataclasses.replace(letter.signer, name="", position=[])
    with pytest.raises(EcmsError) as caught:
        export(letter, letter_pdf, Party(ministry_code="15", department_code="15008"))
    assert caught.value.errors[0].field == "signer.position"


def test_send_date_defaults_to_today(letter, letter_pdf, sender):
    made = export_ecms(letter, letter_pdf, sender)
    assert made.correspondence.send_date == datetime.date.today()
    assert text(assert_valid(made.xml), "//ram:SendDate") == datetime.date.today().isoformat()


def test_the_schema_rejects_what_the_standard_does_not_allow(letter, letter_pdf, sender):
    """The XSD is not a rubber stamp: a wrong code, a missing sender code or a reordered
    element fails it."""
    from lxml import etree

    xml = export(letter, letter_pdf, sender).xml
    for old, new in [(b"<ram:SpeedCode>004<", b"<ram:SpeedCode>005<"),
                     (b"<ram:ID>15</ram:ID>", b"<ram:ID></ram:ID>"),
                     (b"<ram:CorrespondenceDate>2026-01-15<",
                      b"<ram:CorrespondenceDate>15/01/2569<")]:
        assert old in xml
        with pytest.raises(AssertionError):
            assert_valid(xml.replace(old, new, 1))
    root = etree.fromstring(xml, etree.XMLParser(huge_tree=True))
    body = root.find(f".//{{{RAM}}}CorrespondenceLetter")
    subject = body.find(f"{{{RAM}}}Subject")
    body.remove(subject)
    body.append(subject)
    with pytest.raises(AssertionError):
        assert_valid(etree.tostring(root))
