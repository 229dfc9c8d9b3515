"""What an e-CMS letter holds, independent of XML: the parties, the references (อ้างถึง), the
files, and the letter itself; the namespaces and the limits; the error type.

``outbound`` fills a :class:`Correspondence` from a draft and writes it as XML, ``inbound``
reads one from XML; both go through these classes, so a letter written and read back compares
equal field by field.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..problems import DrafterError
from ..text.invisible import XML_ILLEGAL, strip_invisible

#: TH e-GIF namespaces (GovernmentDocument 1.0 and its reusable aggregates).
RSM = "urn:th:gov:egif:data:standard:GovernmentDocument:1.0"
RAM = "urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1"
SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"

#: The element the export writes: the body of the "send a letter" SOAP message.
OUTBOUND_ROOT = "CorrespondenceLetterOutboundRequest"
#: What a receiving system gets back from its e-CMS queue (ProcessID, ProcessTime, document).
INBOUND_RESPONSE = "CorrespondenceLetterInboundResponse"

PDF_MIME = "application/pdf"

# Limits. An e-CMS file carries whole files in base64, so it is large by nature; the limits
# keep a damaged or hostile file from taking the machine's memory, and the export keeps to
# the same limits so that whatever this program writes, it (and a peer like it) can read.
MAX_XML_BYTES = 64 * 1024 * 1024  # the whole file, checked before parsing
MAX_BINARY_BYTES = 20 * 1024 * 1024  # one file inside it, decoded
MAX_ATTACHMENTS = 50
MAX_REFERENCES = 100
MAX_TEXT_CHARS = 20_000  # one text element (the draft format's own limit for a string)


def clean_text(text: str) -> str:
    """One line of text as e-CMS carries it and a draft stores it: invisible characters and
    what XML cannot hold removed, every run of white space (line breaks of a pretty-printed
    file, TABs) one space, none at the ends."""
    return " ".join(XML_ILLEGAL.sub("", strip_invisible(text)).split())


class EcmsError(DrafterError):
    """An e-CMS file that cannot be made or read; every problem found, each naming the draft
    field or the XML element concerned."""

    def describe(self, lang: str | None = None) -> str:
        if lang is None:
            return f"{self.describe('th')}\n{self.describe('en')}"
        shown = self.errors or self.problems
        if len(shown) == 1:
            return shown[0].message(lang)
        where = f" {self.path}" if self.path is not None else ""
        head = (f"แฟ้ม e-CMS{where} มีปัญหา {len(shown)} รายการ" if lang == "th" else
                f"The e-CMS file{where} has {len(shown)} problems")
        return "\n".join([head, *(f"- {p.message(lang)}" for p in shown)])


@dataclass(frozen=True)
class Party:
    """A sender or receiver: a person's names, the job title, and the e-CMS codes of the
    ministry and department (from the e-CMS organisation list)."""

    given_name: str = ""
    family_name: str = ""
    job_title: str = ""
    ministry_code: str = ""
    department_code: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p)

    def is_empty(self) -> bool:
        return not (self.given_name or self.family_name or self.job_title)


@dataclass(frozen=True)
class Reference:
    """One อ้างถึง: the letter's number (ที่), its date (Common Era) and subject."""

    id: str
    date: datetime.date
    subject: str


@dataclass(frozen=True)
class BinaryObject:
    """A file carried in the message. ``name`` is for messages only; e-CMS has no file name."""

    mime_code: str
    data: bytes = field(repr=False)
    name: str = ""


@dataclass
class Correspondence:
    """The ``ram:CorrespondenceLetter`` of a GovernmentDocument, field for element."""

    id: str
    date: datetime.date
    subject: str
    secret_code: str = "001"
    speed_code: str = "001"
    sender: Party = field(default_factory=Party)
    receiver: Party = field(default_factory=Party)
    references: list[Reference] = field(default_factory=list)
    attachment: str = ""  # สิ่งที่ส่งมาด้วย, as text
    send_date: datetime.date | None = None
    description: str = ""
    main_letter: BinaryObject | None = None
    attachments: list[BinaryObject] = field(default_factory=list)
