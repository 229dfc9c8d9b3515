"""A draft and its PDF → the e-CMS ``CorrespondenceLetterOutboundRequest`` (bytes).

:func:`export_ecms` is the one way: it fills a :class:`~.model.Correspondence` from the
letter (its number and date, subject, the speed and secrecy codes, the อ้างถึง lines, the
สิ่งที่ส่งมาด้วย as text), the sender (the agency profile's e-CMS codes and sender, else the
letter's signer) and the receiver (the addressee; the codes stored in a reply draft's ``ecms``
key or given by the caller), carries the PDF and the attached files in base64, writes the
XML and validates it against the schema. Nothing is written to disk here: the caller gets
the bytes and the warnings. Every problem found is reported at once, each naming the draft
field (``number.serial``, ``date.day``, ``references[1]``) or the profile setting.
"""

from __future__ import annotations

import base64
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..model.letter import Letter
from ..problems import Problem, problem
from ..text.digits import to_arabic_digits
from .codes import SECRET_CODES, SPEED_CODES
from .model import (
    MAX_ATTACHMENTS,
    MAX_BINARY_BYTES,
    MAX_REFERENCES,
    MAX_XML_BYTES,
    OUTBOUND_ROOT,
    PDF_MIME,
    RAM,
    RSM,
    BinaryObject,
    Correspondence,
    EcmsError,
    Party,
    clean_text,
)
from .references import parse_reference

if TYPE_CHECKING:
    from ..app_settings import AgencyProfile

#: The draft's optional top-level key for e-CMS data (docs/draft-format.md): a reply draft
#: keeps there who it answers, so that its export goes back to them.
ECMS_KEY = "ecms"
RECEIVER_KEYS = ("given_name", "family_name", "job_title", "ministry_code", "department_code")

ON_BEHALF = "ปฏิบัติราชการแทน"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_CODE = re.compile(r"[0-9]{1,10}")
_MB = 1024 * 1024


@dataclass
class Outbound:
    """What :func:`export_ecms` made: the file's bytes, what went into it, and warnings."""

    xml: bytes
    correspondence: Correspondence
    warnings: list[Problem] = field(default_factory=list)


def _error(code: str, th: str, en: str, field: str | None = None) -> Problem:
    return problem(code, th, en, field)


def _warning(code: str, th: str, en: str, field: str | None = None) -> Problem:
    return problem(code, th, en, field, "warning")


def organization_code(value: str | None) -> str:
    """A ministry or department code as e-CMS writes it: digits only (Thai digits typed in a
    profile become Arabic), no spaces."""
    return "".join(to_arabic_digits(clean_text(value or "")).split())


def sender_party(profile: AgencyProfile, ministry_code: str | None = None,
                 department_code: str | None = None) -> Party:
    """The sender from the agency profile's e-CMS settings; ``ministry_code`` and
    ``department_code`` (the command's flags) replace the profile's codes when given."""
    ecms = profile.ecms
    return Party(
        given_name=clean_text(ecms.given_name),
        family_name=clean_text(ecms.family_name),
        job_title=clean_text(ecms.job_title),
        ministry_code=organization_code(ministry_code or ecms.ministry_code),
        department_code=organization_code(department_code or ecms.department_code),
    )


def signer_party(letter: Letter) -> Party:
    """The letter's signer as an e-CMS party: the last word of the name is the family name;
    the job title is the office the letter comes from — the last position line, without
    ``ปฏิบัติราชการแทน`` — since that is whom a reply will address."""
    words = clean_text(letter.signer.name).split()
    given, family = (" ".join(words[:-1]), words[-1]) if len(words) > 1 else (" ".join(words), "")
    lines = [clean_text(line) for line in letter.signer.position if clean_text(line)]
    title = lines[-1] if lines else ""
    if title.startswith(ON_BEHALF):
        title = title[len(ON_BEHALF):].strip()
    return Party(given_name=given, family_name=family, job_title=title)


def letter_id(letter: Letter) -> str:
    """The letter's number as e-CMS carries it: the printed ที่ value (``มท 0816.3/ว 1750``)
    with Arabic digits, whatever the draft prints."""
    from ..compose.parts import number_value

    value, _blank = number_value(replace(letter, digits="arabic"))
    return clean_text(to_arabic_digits(value))


def stored_receiver(letter: Letter) -> tuple[dict[str, str], list[Problem]]:
    """The receiver kept in the draft's ``ecms.receiver`` (a reply draft has it), and the
    problems of a damaged entry, each naming its path."""
    data = letter.extra.get(ECMS_KEY)
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [_error("ecms-key", "ต้องเป็นออบเจกต์ JSON", "must be a JSON object", ECMS_KEY)]
    receiver = data.get("receiver")
    if receiver is None:
        return {}, []
    path = f"{ECMS_KEY}.receiver"
    if not isinstance(receiver, dict):
        return {}, [_error("ecms-key", "ต้องเป็นออบเจกต์ JSON", "must be a JSON object", path)]
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key in RECEIVER_KEYS:
        value: Any = receiver.get(key, "")
        if not isinstance(value, str):
            problems.append(_error("ecms-key", "ต้องเป็นข้อความ", "must be text", f"{path}.{key}"))
            continue
        values[key] = clean_text(value)
    return values, problems


def _code_problems(party: Party, who: str) -> list[Problem]:
    """Sender codes must be there; any code given must be digits."""
    problems = []
    names = {"ministry_code": ("รหัสกระทรวง", "ministry code"),
             "department_code": ("รหัสกรม", "department code")}
    for key, (th, en) in names.items():
        value = getattr(party, key)
        if who == "sender" and not value:
            problems.append(_error(
                f"ecms-{key.replace('_', '-')}",
                f"ยังไม่ได้ตั้ง{th}ของผู้ส่งตามบัญชีหน่วยงาน e-CMS (ตั้งค่า › โปรไฟล์ › {th} (e-CMS) "
                f"หรือ --{key.replace('_', '-')})",
                f"the sender's e-CMS {en} is not set (Settings › profile › {en} (e-CMS), "
                f"or --{key.replace('_', '-')})"))
        elif value and not _CODE.fullmatch(value):
            th_who, en_who = ("ผู้ส่ง", "sender's") if who == "sender" else ("ผู้รับ", "receiver's")
            problems.append(_error(
                "ecms-code-format",
                f"{th}ของ{th_who} \"{value}\" ต้องเป็นตัวเลข ๑–๑๐ หลักตามบัญชีหน่วยงาน e-CMS",
                f"the {en_who} {en} \"{value}\" must be 1–10 digits from the e-CMS list",
                f"{ECMS_KEY}.receiver.{key}" if who == "receiver-stored" else None))
    return problems


def _binary_problems(obj: BinaryObject, what_th: str, what_en: str) -> list[Problem]:
    if not obj.data:
        return [_error("ecms-empty-file", f"{what_th} ว่างเปล่า (0 ไบต์)",
                       f"{what_en} is empty (0 bytes)")]
    if len(obj.data) > MAX_BINARY_BYTES:
        size, limit = len(obj.data) / _MB, MAX_BINARY_BYTES // _MB
        return [_error("ecms-file-too-large",
                       f"{what_th} ใหญ่ {size:.1f} MB เกินที่ส่งทาง e-CMS ได้ ({limit} MB ต่อไฟล์)",
                       f"{what_en} is {size:.1f} MB, over the {limit} MB a file may be")]
    return []


def _merge_field_problems(letter: Letter) -> list[Problem]:
    """A draft with «column» fields is a template for batch letters: sent as it is, another
    agency's system would register «จังหวัด» as the addressee. One error per field."""
    from ..merge.fields import FieldError, letter_fields

    try:
        refs = letter_fields(letter)
    except FieldError:  # a malformed field is a field all the same
        refs = []
        malformed = True
    else:
        malformed = False
    problems = [_error(
        "ecms-merge-field",
        f"มีช่องข้อมูล «{ref.name}» ที่ยังไม่ได้เติม: ส่งทาง e-CMS ได้เฉพาะหนังสือที่เติมข้อมูลแล้ว",
        f"holds the merge field «{ref.name}», not filled in: e-CMS sends only finished letters",
        ref.path) for ref in refs]
    if malformed:  # a lone « prints as typed; it may be meant, or a field half deleted
        problems.append(_warning(
            "ecms-merge-mark", "ร่างนี้มีเครื่องหมาย « ที่ไม่ครบคู่ ตรวจว่าไม่ใช่ช่องข้อมูลที่ลบไม่หมด",
            "the draft holds a « without its », check it is not a half-deleted merge field"))
    return problems


def correspondence_of(
    letter: Letter,
    pdf: bytes,
    sender: Party,
    *,
    receiver_ministry_code: str | None = None,
    receiver_department_code: str | None = None,
    attachments: Sequence[BinaryObject] = (),
    send_date: datetime.date | None = None,
) -> tuple[Correspondence | None, list[Problem]]:
    """The e-CMS letter for ``letter`` and every problem on the way (errors and warnings);
    None when there are errors."""
    problems: list[Problem] = []

    if letter.kind in ("order", "announcement"):
        problems.append(_error(
            "ecms-kind", "คำสั่งและประกาศไม่ได้ส่งทาง e-CMS เป็นหนังสือ: แนบไฟล์ไปกับหนังสือนำส่ง",
            "orders and announcements are not e-CMS letters: attach them to a covering letter",
            "kind"))
    elif letter.kind == "memo":
        problems.append(_warning(
            "ecms-memo", "บันทึกข้อความเป็นหนังสือภายใน ปกติไม่ส่งระหว่างหน่วยงานทาง e-CMS",
            "a memo is an internal letter; e-CMS carries letters between agencies", "kind"))

    problems += _merge_field_problems(letter)
    if not letter.number.code.strip():
        problems.append(_error("ecms-no-number", "ว่าง: หนังสือที่ส่งทาง e-CMS ต้องมีเลขที่",
                               "is empty: a letter sent through e-CMS needs its number",
                               "number.code"))
    elif not (letter.number.serial or "").strip():
        problems.append(_error(
            "ecms-no-serial", "ว่าง: ออกเลขทะเบียนหนังสือส่งก่อนส่งทาง e-CMS",
            "is empty: issue the register number before sending through e-CMS",
            "number.serial"))
    date = None
    if letter.date.day is None:
        problems.append(_error("ecms-no-day", "ว่าง: หนังสือที่ส่งทาง e-CMS ต้องลงวันที่ครบ",
                               "is empty: a letter sent through e-CMS needs its full date",
                               "date.day"))
    else:
        from ..text.thaidate import be_to_ce

        try:
            date = datetime.date(be_to_ce(letter.date.year), letter.date.month, letter.date.day)
        except (ValueError, TypeError, OverflowError):
            problems.append(_error("ecms-bad-date", "ไม่ใช่วันที่ที่มีอยู่จริง",
                                   "is not a real date", "date"))
    subject = clean_text(letter.subject)
    if not subject:
        problems.append(_error("ecms-no-subject", "ว่าง", "is empty", "subject"))
    if letter.urgency not in SPEED_CODES:
        problems.append(_error("ecms-urgency", f"\"{letter.urgency}\" ไม่มีรหัสใน e-CMS",
                               f"\"{letter.urgency}\" has no e-CMS code", "urgency"))
    if letter.secrecy not in SECRET_CODES:
        problems.append(_error("ecms-secrecy", f"\"{letter.secrecy}\" ไม่มีรหัสใน e-CMS",
                               f"\"{letter.secrecy}\" has no e-CMS code", "secrecy"))

    # The sender: the profile's person when it names one, else the letter's signer.
    if sender.is_empty():
        signer = signer_party(letter)
        sender = replace(signer, ministry_code=sender.ministry_code,
                         department_code=sender.department_code)
        if sender.is_empty():
            problems.append(_error(
                "ecms-no-sender",
                "ว่าง: e-CMS ต้องมีชื่อหรือตำแหน่งผู้ส่ง ใส่ตำแหน่งผู้ลงนาม หรือตั้งผู้ส่ง e-CMS "
                "ในโปรไฟล์ส่วนราชการ",
                "is empty: e-CMS needs the sender's name or job title; fill in the signer's "
                "position or set the e-CMS sender in the agency profile", "signer.position"))
    problems += _code_problems(sender, "sender")

    # The receiver: the addressee, with the codes a reply draft keeps or the caller gives.
    stored, stored_problems = stored_receiver(letter)
    problems += stored_problems
    addressee = clean_text(letter.addressee)
    if not addressee:
        problems.append(_error("ecms-no-addressee", "ว่าง: e-CMS ต้องระบุผู้รับ",
                               "is empty: e-CMS needs the receiver", "addressee"))
    receiver = Party(
        given_name=stored.get("given_name", ""),
        family_name=stored.get("family_name", ""),
        job_title=addressee,
        ministry_code=organization_code(stored.get("ministry_code")),
        department_code=organization_code(stored.get("department_code")),
    )
    problems += _code_problems(receiver, "receiver-stored")
    given_codes = Party(ministry_code=organization_code(receiver_ministry_code),
                        department_code=organization_code(receiver_department_code))
    problems += _code_problems(given_codes, "receiver")
    receiver = replace(receiver,
                       ministry_code=given_codes.ministry_code or receiver.ministry_code,
                       department_code=given_codes.department_code or receiver.department_code)
    if not (receiver.ministry_code and receiver.department_code):
        problems.append(_warning(
            "ecms-receiver-codes",
            "ยังไม่มีรหัสกระทรวงและรหัสกรมของผู้รับ: ระบบสารบรรณที่ส่งต้องเติมก่อนส่ง",
            "the receiver's ministry and department codes are not given: the sending saraban "
            "system must fill them in"))
    stored_title = stored.get("job_title", "")
    if stored_title and addressee and stored_title != addressee:
        problems.append(_warning(
            "ecms-receiver-changed",
            f"ต่างจากผู้รับที่บันทึกรหัส e-CMS ไว้ ({stored_title}): ตรวจรหัสกระทรวงและกรมของผู้รับ",
            f"differs from the receiver whose e-CMS codes are kept ({stored_title}): check "
            "the receiver's codes", "addressee"))
    if letter.recipients.names:
        problems.append(_warning(
            "ecms-many-recipients",
            f"หนังสือนี้ถึงผู้รับ {len(letter.recipients.names)} ราย แต่ e-CMS ส่งถึงผู้รับได้ครั้งละ "
            "๑ ราย: สร้างแฟ้ม e-CMS แยกสำหรับแต่ละผู้รับ",
            f"the letter goes to {len(letter.recipients.names)} recipients but an e-CMS "
            "message has one receiver: make one file per receiver", "recipients.names"))

    # อ้างถึง: the lines that name a letter by number and date.
    references = []
    if len(letter.references) > MAX_REFERENCES:
        problems.append(_error("ecms-too-many", f"มีเกิน {MAX_REFERENCES} รายการ",
                               f"has more than {MAX_REFERENCES} items", "references"))
    for index, text in enumerate(letter.references[:MAX_REFERENCES]):
        reference = parse_reference(text)
        if reference is None:
            problems.append(_warning(
                "ecms-reference",
                "ไม่พบเลขที่และวันที่ของหนังสือ (ที่ … ลงวันที่ …) จึงส่งทาง e-CMS เป็นรายการอ้างถึงไม่ได้ "
                "(ยังอยู่ในตัวหนังสือ PDF)",
                "no letter number and date (ที่ … ลงวันที่ …) found, so e-CMS cannot carry it as "
                "a reference (it is still in the PDF)", f"references[{index}]"))
        else:
            references.append(reference)

    # The letter itself and its attached files.
    main = BinaryObject(PDF_MIME, pdf, "PDF")
    problems += _binary_problems(main, "ไฟล์ PDF ของหนังสือ", "the letter's PDF")
    if pdf and b"%PDF-" not in pdf[:1024]:
        problems.append(_error("ecms-not-pdf", "ไฟล์หนังสือที่ให้มาไม่ใช่ PDF",
                               "the letter file given is not a PDF"))
    elif pdf:
        from ..signing.detect import is_signed_pdf_bytes

        if not is_signed_pdf_bytes(pdf):
            problems.append(_warning(
                "ecms-unsigned", "ไฟล์ PDF ของหนังสือยังไม่ได้ลงนามอิเล็กทรอนิกส์",
                "the letter's PDF is not signed"))
    if len(attachments) > MAX_ATTACHMENTS:
        problems.append(_error("ecms-too-many-files",
                               f"แนบไฟล์ได้ไม่เกิน {MAX_ATTACHMENTS} ไฟล์ (ให้มา {len(attachments)})",
                               f"at most {MAX_ATTACHMENTS} attached files "
                               f"({len(attachments)} given)"))
    for obj in attachments[:MAX_ATTACHMENTS]:
        problems += _binary_problems(obj, f"ไฟล์แนบ {obj.name}", f"the attached file {obj.name}")
    size = sum(len(o.data) for o in (main, *attachments)) * 4 // 3 + 1024 * 1024
    if size > MAX_XML_BYTES:
        problems.append(_error(
            "ecms-too-large",
            f"แฟ้ม e-CMS จะใหญ่ราว {size / _MB:.0f} MB เกิน {MAX_XML_BYTES // _MB} MB: "
            "ลดจำนวนหรือขนาดไฟล์แนบ",
            f"the e-CMS file would be about {size / _MB:.0f} MB, over "
            f"{MAX_XML_BYTES // _MB} MB: attach fewer or smaller files"))

    if any(p.is_error for p in problems) or date is None:
        return None, problems
    enclosures = [clean_text(f"{e.text} {e.amount}") for e in letter.enclosures]
    return Correspondence(
        id=letter_id(letter),
        date=date,
        subject=subject,
        secret_code=SECRET_CODES[letter.secrecy],
        speed_code=SPEED_CODES[letter.urgency],
        sender=sender,
        receiver=receiver,
        references=references,
        attachment="; ".join(e for e in enclosures if e),
        send_date=send_date or datetime.date.today(),
        description="",
        main_letter=main,
        attachments=list(attachments),
    ), problems


def correspondence_xml(letter: Correspondence) -> bytes:
    """The ``CorrespondenceLetterOutboundRequest`` element (UTF-8, with the XML declaration):
    the body of the e-CMS "send a letter" SOAP message, in the standard's element order."""
    return _serialize(correspondence_element(letter))


def _serialize(root) -> bytes:
    from lxml import etree

    # The declaration with double quotes, as the peers' systems write it (lxml's own uses '').
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)


def correspondence_element(letter: Correspondence):
    """The outbound request as an lxml element tree (see :func:`correspondence_xml`)."""
    from lxml import etree

    def ram(parent, name: str, text: str | None = None, **attrib: str):
        element = etree.SubElement(parent, f"{{{RAM}}}{name}", attrib)
        if text is not None:
            element.text = text
        return element

    def party(parent, name: str, who) -> None:
        element = ram(parent, name)
        ram(element, "GivenName", who.given_name)
        ram(element, "FamilyName", who.family_name)
        ram(element, "JobTitle", who.job_title)
        ram(ram(element, "MinistryOrganization"), "ID", who.ministry_code)
        ram(ram(element, "DepartmentOrganization"), "ID", who.department_code)

    def binary(parent, name: str, obj: BinaryObject) -> None:
        ram(parent, name, base64.b64encode(obj.data).decode("ascii"), mimeCode=obj.mime_code)

    root = etree.Element(OUTBOUND_ROOT)
    document = etree.SubElement(root, f"{{{RSM}}}GovernmentDocument",
                                nsmap={"rsm": RSM, "ram": RAM})
    body = ram(document, "CorrespondenceLetter", ID="Letter")
    ram(body, "ID", letter.id)
    ram(body, "CorrespondenceDate", letter.date.isoformat())
    ram(body, "Subject", letter.subject)
    ram(body, "SecretCode", letter.secret_code)
    ram(body, "SpeedCode", letter.speed_code)
    party(body, "SenderParty", letter.sender)
    party(body, "ReceiverParty", letter.receiver)
    for reference in letter.references:
        element = ram(body, "ReferenceCorrespondence")
        ram(element, "ID", reference.id)
        ram(element, "CorrespondenceDate", reference.date.isoformat())
        ram(element, "Subject", reference.subject)
    ram(body, "Attachment", letter.attachment)
    ram(body, "SendDate", (letter.send_date or datetime.date.today()).isoformat())
    ram(body, "Description", letter.description)
    if letter.main_letter is not None:
        binary(body, "MainLetterBinaryObject", letter.main_letter)
    for obj in letter.attachments:
        binary(body, "AttachmentBinaryObject", obj)
    return root


def export_ecms(
    letter: Letter,
    pdf: bytes,
    sender: Party,
    *,
    receiver_ministry_code: str | None = None,
    receiver_department_code: str | None = None,
    attachments: Sequence[BinaryObject] = (),
    send_date: datetime.date | None = None,
) -> Outbound:
    """The e-CMS file for ``letter`` with ``pdf`` (the exported, preferably signed, letter) as
    its main file; raises :class:`EcmsError` with every problem when it cannot be made.
    ``sender`` comes from :func:`sender_party`; an empty sender person means the signer."""
    correspondence, problems = correspondence_of(
        letter, pdf, sender, receiver_ministry_code=receiver_ministry_code,
        receiver_department_code=receiver_department_code, attachments=attachments,
        send_date=send_date)
    if correspondence is None:
        raise EcmsError(problems)
    from .schema import schema_problems

    root = correspondence_element(correspondence)
    invalid = schema_problems(root)
    if invalid:
        raise EcmsError(invalid)
    return Outbound(_serialize(root), correspondence, [p for p in problems if not p.is_error])
