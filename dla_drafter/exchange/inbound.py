"""An incoming e-CMS file → :class:`~.model.Correspondence`, treating the file as hostile.

A file from another agency's system (or from anyone) is read with a parser that loads no DTD,
expands no entity, opens no network or file, and keeps no comments or processing
instructions; a file with a DOCTYPE is refused outright (e-CMS never uses one, and entity
tricks need one). The size is checked before parsing (:data:`~.model.MAX_XML_BYTES`), each
base64 file before decoding (:data:`~.model.MAX_BINARY_BYTES`), each text element's length,
and the number of references and files.

The letter is found where e-CMS puts it: the ``rsm:GovernmentDocument`` at the root, or inside
a ``CorrespondenceLetterOutboundRequest`` (what ``dla-drafter ecms`` writes) or a
``CorrespondenceLetterInboundResponse`` (what a receiving system takes from its queue), each
possibly inside a SOAP envelope. Elements are matched by namespace and name; other elements
(the GovernmentSignature, a peer's additions) are ignored. What a reply needs must be there —
the letter's number, date, subject and sender — and every problem names the element
(``ram:CorrespondenceLetter/ram:CorrespondenceDate``), in Thai and English, all at once.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import re
from dataclasses import dataclass, field

from ..problems import Problem, problem
from ..text.thaidate import BE_OFFSET
from .codes import SECRECY_OF_CODE, URGENCY_OF_CODE
from .model import (
    INBOUND_RESPONSE,
    MAX_ATTACHMENTS,
    MAX_BINARY_BYTES,
    MAX_REFERENCES,
    MAX_TEXT_CHARS,
    MAX_XML_BYTES,
    OUTBOUND_ROOT,
    PDF_MIME,
    RAM,
    RSM,
    SOAP_ENV,
    BinaryObject,
    Correspondence,
    EcmsError,
    Party,
    Reference,
    clean_text,
)

_MB = 1024 * 1024
_DATE = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?"
)
_XML_SPACE = b" \t\r\n"  # the white space XML has; base64Binary may be wrapped with it
#: Buddhist years: some Thai systems write them into ISO dates by mistake.
_BE_YEARS = range(2400, 2800)


@dataclass
class Inbound:
    """What :func:`read_ecms` found: the letter and the warnings about it."""

    correspondence: Correspondence
    warnings: list[Problem] = field(default_factory=list)


def _name(tag: str) -> str:
    """``{urn:…ReusableAggregate…:1}Subject`` → ``ram:Subject``, for messages."""
    for prefix, namespace in (("ram", RAM), ("rsm", RSM), ("SOAP-ENV", SOAP_ENV)):
        if tag.startswith(f"{{{namespace}}}"):
            return f"{prefix}:{tag[len(namespace) + 2:]}"
    return tag.split("}")[-1] if tag.startswith("{") else tag


class _Reader:
    """Walks the parsed tree, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, code: str, where: str, th: str, en: str) -> None:
        self.problems.append(problem(code, f"{where}: {th}", f"{where}: {en}"))

    def warn(self, code: str, where: str, th: str, en: str) -> None:
        self.problems.append(problem(code, f"{where}: {th}", f"{where}: {en}", None, "warning"))

    # -- finding elements ----------------------------------------------------------------

    def children(self, parent, name: str) -> list:
        return [c for c in parent if isinstance(c.tag, str) and c.tag == f"{{{RAM}}}{name}"]

    def one(self, parent, name: str, where: str, *, required: bool):
        """The single ``ram:name`` child; a missing required one or a repeated one is an
        error (a second Subject could say something else than the first)."""
        found = self.children(parent, name)
        path = f"{where}/ram:{name}"
        if len(found) > 1:
            self.error("ecms-repeated", path, f"มี {len(found)} ครั้ง แต่ต้องมีครั้งเดียว",
                       f"appears {len(found)} times, but must appear once")
            return None
        if not found:
            if required:
                self.error("ecms-missing", path, "ไม่มีในแฟ้ม", "is missing")
            return None
        return found[0]

    def text(self, parent, name: str, where: str, *, required: bool) -> str:
        element = self.one(parent, name, where, required=required)
        if element is None:
            return ""
        path = f"{where}/ram:{name}"
        if len(element):
            self.error("ecms-not-text", path, "ต้องมีแต่ข้อความ ไม่มีองค์ประกอบย่อย",
                       "must hold text only, no child elements")
            return ""
        raw = element.text or ""
        if len(raw) > MAX_TEXT_CHARS:
            self.error("ecms-text-too-long", path,
                       f"ยาว {len(raw):,} ตัวอักษร เกิน {MAX_TEXT_CHARS:,}",
                       f"is {len(raw):,} characters long, over {MAX_TEXT_CHARS:,}")
            return ""
        value = clean_text(raw)
        if required and not value:
            self.error("ecms-empty", path, "ว่าง", "is empty")
        return value

    def date(self, parent, name: str, where: str, *, required: bool) -> datetime.date | None:
        value = self.text(parent, name, where, required=required)
        if not value:
            return None
        path = f"{where}/ram:{name}"
        match = _DATE.fullmatch(value)
        if match is None:
            self.error("ecms-date", path, f"\"{value[:40]}\" ไม่ใช่วันที่แบบ ปปปป-ดด-วว (ค.ศ.)",
                       f"\"{value[:40]}\" is not a date (YYYY-MM-DD, Common Era)")
            return None
        year, month, day = (int(match[k]) for k in ("year", "month", "day"))
        if year in _BE_YEARS:
            self.warn("ecms-date-be", path, f"ปี {year} เป็นปี พ.ศ. จึงอ่านเป็น ค.ศ. {year - BE_OFFSET}",
                      f"the year {year} is a Buddhist year; read as {year - BE_OFFSET} CE")
            year -= BE_OFFSET
        try:
            return datetime.date(year, month, day)
        except ValueError:
            self.error("ecms-date", path, f"\"{value}\" ไม่ใช่วันที่ที่มีอยู่จริง",
                       f"\"{value}\" is not a real date")
            return None

    def code(self, parent, name: str, where: str, *, secret: bool) -> str:
        value = self.text(parent, name, where, required=False)
        table = SECRECY_OF_CODE if secret else URGENCY_OF_CODE
        if not value:
            return "001"
        if value not in table:
            self.warn("ecms-code", f"{where}/ram:{name}",
                      f"ไม่รู้จักรหัส \"{value[:20]}\" (ใช้ 001–004) จึงถือเป็นปกติ",
                      f"unknown code \"{value[:20]}\" (001–004 are known); read as ordinary")
            return "001"
        return value

    def party(self, parent, name: str, where: str, *, required: bool) -> Party | None:
        element = self.one(parent, name, where, required=required)
        if element is None:
            return None
        path = f"{where}/ram:{name}"

        def org(kind: str) -> str:
            holder = self.one(element, kind, path, required=False)
            if holder is None:
                return ""
            return self.text(holder, "ID", f"{path}/ram:{kind}", required=False)

        return Party(
            given_name=self.text(element, "GivenName", path, required=False),
            family_name=self.text(element, "FamilyName", path, required=False),
            job_title=self.text(element, "JobTitle", path, required=False),
            ministry_code=org("MinistryOrganization"),
            department_code=org("DepartmentOrganization"),
        )

    def binary(self, element, path: str) -> BinaryObject | None:
        if len(element):
            self.error("ecms-not-text", path, "ต้องมีแต่ข้อมูล base64 ไม่มีองค์ประกอบย่อย",
                       "must hold base64 data only, no child elements")
            return None
        mime = clean_text(element.get("mimeCode") or "")
        if not mime:
            self.warn("ecms-no-mime", path, "ไม่มี mimeCode", "has no mimeCode")
        text = (element.text or "").encode("ascii", "replace")
        # Decoded size before decoding: every 4 base64 characters are 3 bytes.
        if len(text) > (MAX_BINARY_BYTES * 4 // 3) + (MAX_BINARY_BYTES // 8):
            self.error("ecms-file-too-large", path,
                       f"ไฟล์ใหญ่เกิน {MAX_BINARY_BYTES // _MB} MB",
                       f"the file is larger than {MAX_BINARY_BYTES // _MB} MB")
            return None
        try:
            data = base64.b64decode(text.translate(None, _XML_SPACE), validate=True)
        except (binascii.Error, ValueError):
            self.error("ecms-base64", path, "ข้อมูล base64 เสีย", "the base64 data is damaged")
            return None
        if len(data) > MAX_BINARY_BYTES:
            self.error("ecms-file-too-large", path, f"ไฟล์ใหญ่เกิน {MAX_BINARY_BYTES // _MB} MB",
                       f"the file is larger than {MAX_BINARY_BYTES // _MB} MB")
            return None
        if mime == PDF_MIME and b"%PDF-" not in data[:1024]:
            self.warn("ecms-not-pdf", path, "บอกว่าเป็น PDF แต่ข้อมูลไม่ใช่ PDF",
                      "says PDF, but the data is not a PDF")
        return BinaryObject(mime, data, _name(element.tag))


class _ExternalRefused(Exception):
    """The parser asked for an external resource (a DTD, an entity): never given."""


def _refusing_resolver():
    from lxml import etree

    class Refuse(etree.Resolver):
        """Answers every request for a file or URL with a refusal, whatever the parser's
        options would otherwise allow: nothing outside the file's own bytes is read."""

        def resolve(self, url, pubid, context):
            raise _ExternalRefused(str(url or pubid or "")[:200])

    return Refuse()


_PROLOG_DOCTYPE = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*\?>)?(?:\s|<!--.*?-->|<\?.*?\?>)*<!DOCTYPE", re.DOTALL)


def _has_doctype(data: bytes) -> bool:
    """Whether the prolog (before the first element) declares a DOCTYPE. Looked at before
    parsing, so a DTD is refused as such instead of failing inside the parser (libxml2 stops
    an entity bomb with a cryptic "amplification" error). UTF-16 is recognised by its NULs;
    every other encoding e-CMS meets (UTF-8, TIS-620) writes the markup in ASCII."""
    head = data[:65536]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
        big = head[:2] == b"\xfe\xff" or head[:1] == b"\x00"
        text = head.decode("utf-16-be" if big else "utf-16-le", errors="replace")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return _PROLOG_DOCTYPE.match(text) is not None


_DOCTYPE_REFUSED = ("ecms-doctype",
                    "แฟ้มมี DOCTYPE ซึ่ง e-CMS ไม่ใช้ จึงไม่อ่าน (อาจเป็นแฟ้มที่ถูกดัดแปลง)",
                    "the file has a DOCTYPE, which e-CMS never uses, so it is not read (it may "
                    "have been tampered with)")


def _parse(data: bytes):
    """The parsed root element, by the hardened parser; EcmsError for a file that is not
    XML, is too large, or has a DOCTYPE."""
    from lxml import etree

    if len(data) > MAX_XML_BYTES:
        raise EcmsError.of(
            "ecms-too-large",
            f"แฟ้มใหญ่ {len(data) / _MB:.0f} MB เกินที่อ่านได้ ({MAX_XML_BYTES // _MB} MB)",
            f"the file is {len(data) / _MB:.0f} MB, over the {MAX_XML_BYTES // _MB} MB limit")
    if _has_doctype(data):
        raise EcmsError.of(*_DOCTYPE_REFUSED)
    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, dtd_validation=False, no_network=True,
        remove_comments=True, remove_pis=True, huge_tree=True)
    parser.resolvers.add(_refusing_resolver())
    try:
        root = etree.fromstring(data, parser)
    except _ExternalRefused as exc:
        raise EcmsError.of(*_DOCTYPE_REFUSED) from exc
    except etree.XMLSyntaxError as exc:
        why = (getattr(exc, "msg", None) or str(exc) or type(exc).__name__).splitlines()[0][:200]
        raise EcmsError.of("ecms-not-xml", f"แฟ้มนี้ไม่ใช่ XML ที่อ่านได้: {why}",
                           f"this file is not readable XML: {why}") from exc
    except ValueError as exc:  # e.g. an encoding lxml does not know
        raise EcmsError.of("ecms-not-xml", f"แฟ้มนี้ไม่ใช่ XML ที่อ่านได้: {exc}",
                           f"this file is not readable XML: {exc}") from exc
    if root is None:
        raise EcmsError.of("ecms-not-xml", "แฟ้มนี้ว่าง", "this file is empty")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise EcmsError.of(*_DOCTYPE_REFUSED)
    return root


def _local(tag) -> str:
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def _namespace_error(element) -> EcmsError:
    namespace = element.tag[1:].split("}")[0][:120] if element.tag.startswith("{") else ""
    local = _local(element.tag)
    return EcmsError.of(
        "ecms-namespace",
        f"{local}: อยู่ใน namespace \"{namespace}\" แต่ e-CMS ใช้ \"{RSM}\"",
        f"{local}: is in the namespace \"{namespace}\", but e-CMS uses \"{RSM}\"")


def _document(root):
    """The ``rsm:GovernmentDocument`` wherever e-CMS puts it (see the module's doc). The
    wrappers (the SOAP body's request or response element) are matched by name alone, as
    systems differ in their namespace; the document itself must be in the standard's."""
    rsm_document = f"{{{RSM}}}GovernmentDocument"
    element = root
    if element.tag == f"{{{SOAP_ENV}}}Envelope":
        body = element.find(f"{{{SOAP_ENV}}}Body")
        element = next((c for c in body if isinstance(c.tag, str)), None) if body is not None \
            else None
        if element is None:
            raise EcmsError.of("ecms-missing", "SOAP-ENV:Body: ไม่มีหนังสือในแฟ้ม",
                               "SOAP-ENV:Body: the file holds no letter")
    if _local(element.tag) in (OUTBOUND_ROOT, INBOUND_RESPONSE):
        wrapper = _local(element.tag)
        found = element.find(rsm_document)
        if found is None:
            other = [c for c in element if _local(c.tag) == "GovernmentDocument"]
            if other:
                raise _namespace_error(other[0])
            raise EcmsError.of(
                "ecms-missing", f"{wrapper}/rsm:GovernmentDocument: ไม่มีในแฟ้ม",
                f"{wrapper}/rsm:GovernmentDocument: is missing")
        return found
    if element.tag == rsm_document:
        return element
    if _local(element.tag) == "GovernmentDocument":
        raise _namespace_error(element)
    raise EcmsError.of(
        "ecms-not-ecms",
        f"แฟ้มนี้ไม่ใช่หนังสือ e-CMS (องค์ประกอบแรกคือ {_name(element.tag)[:80]} "
        "ไม่ใช่ rsm:GovernmentDocument)",
        f"this is not an e-CMS letter (its root is {_name(element.tag)[:80]}, not "
        "rsm:GovernmentDocument)")


def read_ecms(data: bytes) -> Inbound:
    """The letter in an e-CMS file (``data``: the file's bytes, read with the size cap);
    raises :class:`EcmsError` naming every element that is missing or wrong."""
    root = _parse(data)
    document = _document(root)
    reader = _Reader()
    where = "rsm:GovernmentDocument"
    body = reader.one(document, "CorrespondenceLetter", where, required=True)
    if body is None:
        raise EcmsError(reader.problems)
    where = "ram:CorrespondenceLetter"
    letter_id = reader.text(body, "ID", where, required=True)
    date = reader.date(body, "CorrespondenceDate", where, required=True)
    subject = reader.text(body, "Subject", where, required=True)
    secret = reader.code(body, "SecretCode", where, secret=True)
    speed = reader.code(body, "SpeedCode", where, secret=False)
    sender = reader.party(body, "SenderParty", where, required=True)
    receiver = reader.party(body, "ReceiverParty", where, required=False) or Party()
    if sender is not None and sender.is_empty():
        reader.warn("ecms-no-sender", f"{where}/ram:SenderParty",
                    "ไม่มีชื่อและตำแหน่งผู้ส่ง", "has neither a name nor a job title")

    references = []
    elements = reader.children(body, "ReferenceCorrespondence")
    if len(elements) > MAX_REFERENCES:
        reader.error("ecms-too-many", f"{where}/ram:ReferenceCorrespondence",
                     f"มี {len(elements)} รายการ เกิน {MAX_REFERENCES}",
                     f"appears {len(elements)} times, over {MAX_REFERENCES}")
        elements = []
    for index, element in enumerate(elements, 1):
        path = f"{where}/ram:ReferenceCorrespondence[{index}]"
        ref_id = reader.text(element, "ID", path, required=True)
        ref_date = reader.date(element, "CorrespondenceDate", path, required=True)
        ref_subject = reader.text(element, "Subject", path, required=False)
        if ref_id and ref_date is not None:
            references.append(Reference(ref_id, ref_date, ref_subject))

    attachment = reader.text(body, "Attachment", where, required=False)
    send_date = reader.date(body, "SendDate", where, required=False)
    description = reader.text(body, "Description", where, required=False)
    main_element = reader.one(body, "MainLetterBinaryObject", where, required=False)
    main = None
    if main_element is None:
        reader.warn("ecms-no-letter", f"{where}/ram:MainLetterBinaryObject",
                    "ไม่มีไฟล์ตัวหนังสือมาด้วย", "the letter's file is not included")
    else:
        main = reader.binary(main_element, f"{where}/ram:MainLetterBinaryObject")
    attachments = []
    elements = reader.children(body, "AttachmentBinaryObject")
    if len(elements) > MAX_ATTACHMENTS:
        reader.error("ecms-too-many-files", f"{where}/ram:AttachmentBinaryObject",
                     f"มี {len(elements)} ไฟล์ เกิน {MAX_ATTACHMENTS}",
                     f"appears {len(elements)} times, over {MAX_ATTACHMENTS}")
        elements = []
    for index, element in enumerate(elements, 1):
        obj = reader.binary(element, f"{where}/ram:AttachmentBinaryObject[{index}]")
        if obj is not None:
            attachments.append(obj)

    if any(p.is_error for p in reader.problems) or date is None or sender is None:
        raise EcmsError(reader.problems)
    correspondence = Correspondence(
        id=letter_id, date=date, subject=subject, secret_code=secret, speed_code=speed,
        sender=sender, receiver=receiver, references=references, attachment=attachment,
        send_date=send_date, description=description, main_letter=main,
        attachments=attachments)
    return Inbound(correspondence, reader.problems)

