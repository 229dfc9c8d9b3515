"""Reading an incoming e-CMS file: what we write reads back the same, what other systems send
reads, and a hostile or broken file is a clear message naming the element, never a traceback,
a network request or a file read."""

from __future__ import annotations

import base64
import datetime

import pytest
from ecms_helpers import SEND_DATE

from dla_drafter.exchange import BinaryObject, EcmsError, Party, export_ecms, read_ecms
from dla_drafter.exchange.model import RAM, RSM

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
PDF = b"%PDF-1.7\n% a letter\n%%EOF\n"


def letter_xml(body: str = "", *, head: str = "", extra: str = "", root: str | None = None,
               declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    """A hand-written incoming letter in the shape other saraban systems send; ``body``
    replaces the usual elements between Subject and the binary object when given."""
    pdf = base64.b64encode(PDF).decode()
    inner = body or """
      <ram:SecretCode>001</ram:SecretCode>
      <ram:SpeedCode>003</ram:SpeedCode>
      <ram:SenderParty>
        <ram:GivenName>นางสาวมาลี</ram:GivenName>
        <ram:FamilyName>ศรีสุข</ram:FamilyName>
        <ram:JobTitle>ผู้ว่าราชการจังหวัดน่าน</ram:JobTitle>
        <ram:MinistryOrganization><ram:ID>15</ram:ID></ram:MinistryOrganization>
        <ram:DepartmentOrganization><ram:ID>15055</ram:ID></ram:DepartmentOrganization>
      </ram:SenderParty>
      <ram:ReceiverParty>
        <ram:GivenName/><ram:FamilyName/><ram:JobTitle>อธิบดีกรมส่งเสริมการปกครองท้องถิ่น</ram:JobTitle>
        <ram:MinistryOrganization><ram:ID>15</ram:ID></ram:MinistryOrganization>
        <ram:DepartmentOrganization><ram:ID>15008</ram:ID></ram:DepartmentOrganization>
      </ram:ReceiverParty>
      <ram:Attachment/>
      <ram:SendDate>2026-02-02T09:30:00</ram:SendDate>
      <ram:Description/>"""
    document = f"""
  <rsm:GovernmentDocument xmlns:ram="{RAM}" xmlns:rsm="{RSM}">
    <ram:CorrespondenceLetter ID="Letter">
      {head or '''<ram:ID>นน 0023.3/1234</ram:ID>
      <ram:CorrespondenceDate>2026-01-30</ram:CorrespondenceDate>
      <ram:Subject>ขอความอนุเคราะห์ข้อมูล
        สถานศึกษา</ram:Subject>'''}
      {inner}
      <ram:MainLetterBinaryObject mimeCode="application/pdf">{pdf}</ram:MainLetterBinaryObject>
      {extra}
    </ram:CorrespondenceLetter>
    <ram:GovernmentSignature>
      <ram:TypeCode>DSIG</ram:TypeCode>
      <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>
    </ram:GovernmentSignature>
  </rsm:GovernmentDocument>"""
    if root == "soap":
        document = (f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP}"><SOAP-ENV:Header/>'
                    f"<SOAP-ENV:Body><CorrespondenceLetterInboundResponse>"
                    f"<ProcessID>42</ProcessID><ProcessTime>2026-02-02T09:30:01</ProcessTime>"
                    f"{document}</CorrespondenceLetterInboundResponse></SOAP-ENV:Body>"
                    f"</SOAP-ENV:Envelope>")
    return f"{declaration}\n{document}".encode()


def codes(error: EcmsError) -> set[str]:
    return {p.code for p in error.problems}


def test_what_we_write_reads_back_the_same(letter, letter_pdf, sender):
    attachments = [BinaryObject("text/plain", "รายชื่อ\n".encode(), "a.txt"),
                   BinaryObject("image/png", b"\x89PNG", "b.png")]
    made = export_ecms(letter, letter_pdf, sender, attachments=attachments,
                       receiver_ministry_code="15", receiver_department_code="15050",
                       send_date=SEND_DATE)
    inbound = read_ecms(made.xml)
    assert inbound.warnings == []
    got, sent = inbound.correspondence, made.correspondence
    for name in ("id", "date", "subject", "secret_code", "speed_code", "sender", "receiver",
                 "references", "attachment", "send_date", "description"):
        assert getattr(got, name) == getattr(sent, name), name
    assert got.main_letter.data == letter_pdf and got.main_letter.mime_code == "application/pdf"
    assert [(a.mime_code, a.data) for a in got.attachments] == [
        (a.mime_code, a.data) for a in attachments]


@pytest.mark.parametrize("root", [None, "soap"])
def test_a_letter_from_another_system_reads(root):
    got = read_ecms(letter_xml(root=root)).correspondence
    assert got.id == "นน 0023.3/1234"
    assert got.date == datetime.date(2026, 1, 30)
    assert got.subject == "ขอความอนุเคราะห์ข้อมูล สถานศึกษา"  # the line break of the file: a space
    assert got.speed_code == "003" and got.secret_code == "001"
    assert got.sender == Party("นางสาวมาลี", "ศรีสุข", "ผู้ว่าราชการจังหวัดน่าน", "15", "15055")
    assert got.send_date == datetime.date(2026, 2, 2)  # a dateTime is accepted
    assert got.main_letter.data == PDF


def test_a_thai_encoded_file_reads():
    xml = letter_xml(declaration='<?xml version="1.0" encoding="TIS-620"?>')
    data = xml.decode().encode("cp874")
    assert read_ecms(data).correspondence.sender.job_title == "ผู้ว่าราชการจังหวัดน่าน"


def test_entity_expansion_is_refused_without_expanding(tmp_path):
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                        for i in range(1, 10))
              + f']>\n<rsm:GovernmentDocument xmlns:rsm="{RSM}">&lol9;</rsm:GovernmentDocument>')
    with pytest.raises(EcmsError) as caught:
        read_ecms(laughs.encode())
    assert codes(caught.value) == {"ecms-doctype"}


def test_without_the_prolog_check_the_parser_still_fetches_nothing(web_server, monkeypatch):
    """Defence in depth: should the DOCTYPE check before parsing miss a form, the parser's
    resolver still refuses every external resource and the DOCTYPE is refused after it."""
    from dla_drafter.exchange import inbound as module

    monkeypatch.setattr(module, "_has_doctype", lambda data: False)
    url, hits = web_server
    for doctype in (f'<!DOCTYPE x SYSTEM "{url}/evil.dtd">',
                    f'<!DOCTYPE x [<!ENTITY % r SYSTEM "{url}/p.dtd"> %r;]>',
                    '<!DOCTYPE x [<!ENTITY a "b">]>'):
        xml = letter_xml().replace(b"?>\n", b"?>\n" + doctype.encode() + b"\n", 1)
        with pytest.raises(EcmsError) as caught:
            read_ecms(xml)
        assert caught.value.code == "ecms-doctype"
    assert hits == []


@pytest.mark.parametrize("encode", [
    lambda text: text.encode("utf-8"),
    lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    lambda text: text.encode("utf-16"),
    lambda text: text.replace("UTF-8", "TIS-620").encode("cp874"),
])
def test_a_doctype_is_refused_in_every_encoding(encode):
    text = letter_xml().decode().replace(
        "?>\n", '?>\n<!-- ok --><!DOCTYPE d [<!ENTITY a "b">]>\n', 1)
    if encode(text)[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = text.replace("UTF-8", "UTF-16")
    with pytest.raises(EcmsError) as caught:
        read_ecms(encode(text))
    assert caught.value.code == "ecms-doctype"


def test_doctype_text_inside_the_letter_is_just_text():
    xml = letter_xml().replace(b"<ram:Description/>",
                               b"<ram:Description><![CDATA[<!DOCTYPE x>]]></ram:Description>")
    assert read_ecms(xml).correspondence.description == "<!DOCTYPE x>"


def test_an_external_entity_never_reads_a_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD", encoding="utf-8")
    xxe = letter_xml(head="""<ram:ID>&xxe;</ram:ID>
      <ram:CorrespondenceDate>2026-01-30</ram:CorrespondenceDate>
      <ram:Subject>x</ram:Subject>""").replace(
        b"?>\n", f'?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'.encode(), 1)
    with pytest.raises(EcmsError) as caught:
        read_ecms(xxe)
    assert caught.value.code == "ecms-doctype"
    assert "TOP-SECRET" not in caught.value.describe()


@pytest.fixture
def web_server():
    """A web server on this machine that counts the requests it gets."""
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leak "fetched">')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE x SYSTEM "{url}/evil.dtd">',
    '<!DOCTYPE x [<!ENTITY % remote SYSTEM "{url}/param.dtd"> %remote;]>',
    '<!DOCTYPE x [<!ENTITY ext SYSTEM "{url}/entity.txt">]>',
])
def test_nothing_is_fetched_from_the_network(web_server, doctype):
    url, hits = web_server
    xml = letter_xml().replace(b"?>\n", b"?>\n" + doctype.format(url=url).encode() + b"\n", 1)
    xml = xml.replace(b"<ram:Description/>", b"<ram:Description>&ext;</ram:Description>")
    with pytest.raises(EcmsError) as caught:
        read_ecms(xml)
    assert caught.value.code == "ecms-doctype"
    assert hits == []


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7 not xml", b"\xff\xfe\x00garbage",
                                  b"<a><b></a>", "<a>ไม่ปิด".encode()])
def test_not_xml_is_one_clear_error(data):
    with pytest.raises(EcmsError) as caught:
        read_ecms(data)
    assert caught.value.code == "ecms-not-xml"
    assert "XML" in caught.value.message("th")


def test_other_xml_and_a_wrong_namespace_are_named():
    with pytest.raises(EcmsError) as caught:
        read_ecms(b'<?xml version="1.0"?><html><body/></html>')
    assert caught.value.code == "ecms-not-ecms"
    wrong = letter_xml().replace(RSM.encode(), b"urn:example:not-egif")
    with pytest.raises(EcmsError) as caught:
        read_ecms(wrong)
    assert caught.value.code == "ecms-namespace"
    assert RSM in caught.value.message("en")
    wrapped = letter_xml(root="soap").replace(RSM.encode(), b"urn:example:" + b"x" * 5000)
    with pytest.raises(EcmsError) as caught:
        read_ecms(wrapped)
    assert caught.value.code == "ecms-namespace"
    assert len(caught.value.message("en")) < 400  # a hostile name is cut short


def test_the_wrappers_namespace_does_not_matter():
    xml = letter_xml(root="soap").replace(
        b"<CorrespondenceLetterInboundResponse>",
        b'<q:CorrespondenceLetterInboundResponse xmlns:q="urn:example:queue">').replace(
        b"</CorrespondenceLetterInboundResponse>", b"</q:CorrespondenceLetterInboundResponse>")
    assert read_ecms(xml).correspondence.id == "นน 0023.3/1234"


def test_missing_elements_are_all_named_by_path():
    xml = letter_xml(head="<ram:Subject>   </ram:Subject>", body="<ram:Attachment/>")
    with pytest.raises(EcmsError) as caught:
        read_ecms(xml)
    messages = {p.code: [] for p in caught.value.problems}
    for p in caught.value.problems:
        messages[p.code].append(p.message("en"))
    assert "ram:CorrespondenceLetter/ram:ID: is missing" in messages["ecms-missing"]
    assert ("ram:CorrespondenceLetter/ram:CorrespondenceDate: is missing"
            in messages["ecms-missing"])
    assert "ram:CorrespondenceLetter/ram:SenderParty: is missing" in messages["ecms-missing"]
    assert messages["ecms-empty"] == ["ram:CorrespondenceLetter/ram:Subject: is empty"]
    assert len(caught.value.errors) == 4
    assert caught.value.describe("th").splitlines()[0] == "แฟ้ม e-CMS มีปัญหา 4 รายการ"


def test_a_repeated_subject_is_refused():
    xml = letter_xml(head="""<ram:ID>1/2</ram:ID>
      <ram:CorrespondenceDate>2026-01-30</ram:CorrespondenceDate>
      <ram:Subject>ขอเงิน 10 บาท</ram:Subject><ram:Subject>ขอเงิน 10 ล้านบาท</ram:Subject>""")
    with pytest.raises(EcmsError) as caught:
        read_ecms(xml)
    assert caught.value.code == "ecms-repeated"
    assert "ram:Subject" in caught.value.message("en")


@pytest.mark.parametrize("value, code", [("15/01/2569", "ecms-date"), ("2026-02-30", "ecms-date"),
                                         ("2026-01-15; DROP", "ecms-date")])
def test_a_bad_date_is_named(value, code):
    xml = letter_xml().replace(b"2026-01-30", value.encode(), 1)
    with pytest.raises(EcmsError) as caught:
        read_ecms(xml)
    assert caught.value.code == code
    assert "ram:CorrespondenceDate" in caught.value.message("th")


def test_a_buddhist_year_in_an_iso_date_is_read_with_a_warning():
    inbound = read_ecms(letter_xml().replace(b"2026-01-30", b"2569-01-30", 1))
    assert inbound.correspondence.date == datetime.date(2026, 1, 30)
    assert [p.code for p in inbound.warnings] == ["ecms-date-be"]


def test_an_unknown_code_is_a_warning_and_reads_as_ordinary():
    inbound = read_ecms(letter_xml().replace(b"<ram:SpeedCode>003<", b"<ram:SpeedCode>009<"))
    assert inbound.correspondence.speed_code == "001"
    assert [p.code for p in inbound.warnings] == ["ecms-code"]


def test_damaged_and_oversized_files_inside(monkeypatch):
    from dla_drafter.exchange import inbound as module

    bad = letter_xml(extra='<ram:AttachmentBinaryObject mimeCode="text/plain">!!not base64!!'
                           "</ram:AttachmentBinaryObject>")
    with pytest.raises(EcmsError) as caught:
        read_ecms(bad)
    assert caught.value.code == "ecms-base64"
    assert "ram:AttachmentBinaryObject[1]" in caught.value.message("en")

    big = base64.b64encode(b"x" * 3000).decode()
    xml = letter_xml(extra=f'<ram:AttachmentBinaryObject mimeCode="text/plain">{big}'
                           "</ram:AttachmentBinaryObject>")

    real = base64.b64decode

    def guarded(data, *args, **kwargs):
        if len(data) > 2000:
            raise AssertionError("decoded before the size was checked")
        return real(data, *args, **kwargs)

    monkeypatch.setattr(module, "MAX_BINARY_BYTES", 1000)
    monkeypatch.setattr(module.base64, "b64decode", guarded)
    with pytest.raises(EcmsError) as caught:
        read_ecms(xml)
    assert "ecms-file-too-large" in codes(caught.value)


def test_the_file_size_is_checked_before_parsing(monkeypatch):
    from lxml import etree

    from dla_drafter.exchange import inbound as module

    def never(*args, **kwargs):
        raise AssertionError("parsed before the size was checked")

    monkeypatch.setattr(module, "MAX_XML_BYTES", 100)
    monkeypatch.setattr(etree, "fromstring", never)
    with pytest.raises(EcmsError) as caught:
        read_ecms(letter_xml())
    assert caught.value.code == "ecms-too-large"


def test_text_elements_are_capped_and_must_be_text(monkeypatch):
    from dla_drafter.exchange import inbound as module

    monkeypatch.setattr(module, "MAX_TEXT_CHARS", 50)
    long = letter_xml().replace(b"<ram:Subject>", b"<ram:Subject>" + "ก".encode() * 60, 1)
    with pytest.raises(EcmsError) as caught:
        read_ecms(long)
    assert caught.value.code == "ecms-text-too-long"
    nested = letter_xml().replace(b"<ram:Subject>", b"<ram:Subject><b>bold</b>", 1)
    with pytest.raises(EcmsError) as caught:
        read_ecms(nested)
    assert caught.value.code == "ecms-not-text"


def test_comments_and_processing_instructions_are_ignored():
    xml = letter_xml().replace(b"<ram:Subject>", b"<ram:Subject><!-- hidden -->", 1)
    xml = xml.replace(b"<ram:SpeedCode>", b"<?evil run?><ram:SpeedCode>", 1)
    got = read_ecms(xml).correspondence
    assert got.subject == "ขอความอนุเคราะห์ข้อมูล สถานศึกษา" and got.speed_code == "003"


def test_invisible_and_control_characters_do_not_reach_the_draft():
    xml = letter_xml().replace(b"<ram:Subject>", "<ram:Subject>\u200b\t&#x85;".encode(), 1)
    assert read_ecms(xml).correspondence.subject == "ขอความอนุเคราะห์ข้อมูล สถานศึกษา"
