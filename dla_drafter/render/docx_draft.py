"""The draft inside the DOCX: written as a custom XML part, read back safely.

A letter exported to Word carries the draft it was made from, so the file that comes back
(by e-mail, from another office, after edits in Word) can be opened as a draft again and
compared with it (``review.docx_edits``). The draft travels as Word's own container for
data that is not the document, a custom XML part: ``customXml/itemN.xml`` with its
``itemPropsN.xml``, related from the document. Word and LibreOffice keep such parts when
they save the file. The item holds the draft file's JSON text, exactly as ``save`` writes it
(``model.draftio``), in one element: ``<dla:draft xmlns:dla="urn:dla-drafter:draft:1">``.

What goes in is the clerk's draft as given to ``pipeline.make_outputs`` without its review
record (``Letter.extra["review"]``): never comments, approvals or keys. Reading takes no
review record either.

:func:`extract_draft_from_docx` reads bytes from anyone: it checks the zip's directory
(entry count, declared sizes, compression ratios) before it decompresses anything, reads
only the custom XML items, parses them with a parser that refuses a DTD and never resolves
entities or touches the network, and validates the draft as a draft file is validated. Each
refusal is one :class:`DocxDraftError` with a Thai and an English message. No Qt.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from typing import Any

from lxml import etree

from ..problems import DrafterError, DraftError, problem
from ..text.invisible import XML_ILLEGAL

NS_DRAFT = "urn:dla-drafter:draft:1"
DRAFT_TAG = f"{{{NS_DRAFT}}}draft"
NS_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
RT_CUSTOM_XML_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps")
CT_ITEM = "application/xml"
CT_ITEM_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"

# Limits for files from strangers. A draft file is at most 10 MB (model.draftio); as XML
# text it grows by its escaped characters, so an item may be somewhat larger.
MAX_ENTRIES = 5_000
MAX_ITEM_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # all entries together, as the zip declares them
MAX_RATIO = 200  # uncompressed / compressed, for entries past a megabyte
RATIO_FLOOR_BYTES = 1024 * 1024
_ITEM_NAME = re.compile(r"customXml/item\d+\.xml", re.IGNORECASE)


class DocxDraftError(DrafterError):
    """A DOCX whose draft cannot be taken out (not a DOCX, hostile, no draft, invalid)."""


def _refuse(code: str, th: str, en: str) -> DocxDraftError:
    """A refusal about the Word file itself: it belongs to no field of a draft (None)."""
    return DocxDraftError.of(code, th, en, field=None)


# --- writing ------------------------------------------------------------------------------

def draft_item_xml(draft: bytes) -> bytes:
    """The custom XML item holding ``draft`` (the draft file's UTF-8 text). A character XML
    cannot hold (U+FFFE, DEL … — a draft may keep them inside its strings, and the PDF
    carries them as they are) is written as its JSON escape (backslash, u, four hex
    digits): the same draft to whoever parses the JSON, and a part Word and lxml accept."""
    root = etree.Element(DRAFT_TAG, nsmap={"dla": NS_DRAFT})
    root.text = XML_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", draft.decode("utf-8"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _item_props_xml(item_id: str) -> bytes:
    ds = f"{{{NS_DATASTORE}}}"
    root = etree.Element(f"{ds}datastoreItem", {f"{ds}itemID": item_id}, nsmap={"ds": NS_DATASTORE})
    refs = etree.SubElement(root, f"{ds}schemaRefs")
    etree.SubElement(refs, f"{ds}schemaRef", {f"{ds}uri": NS_DRAFT})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_draft_part(document: Any, draft: bytes) -> None:
    """Put ``draft`` into ``document`` (python-docx) as a custom XML part with its props."""
    from docx.opc.part import Part

    package = document.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    props_name = package.next_partname("/customXml/itemProps%d.xml")
    item = Part(item_name, CT_ITEM, draft_item_xml(draft), package)
    item_id = "{" + str(uuid.UUID(bytes=hashlib.sha256(draft).digest()[:16])).upper() + "}"
    props = Part(props_name, CT_ITEM_PROPS, _item_props_xml(item_id), package)
    item.relate_to(props, RT_CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT_CUSTOM_XML)


# --- reading ------------------------------------------------------------------------------

def _parser() -> etree.XMLParser:
    """No DTD loaded, no entity resolved, no network; large text allowed, because the sizes
    were checked before parsing (a long draft is one large text node)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=True, remove_comments=True)


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The DOCX's zip, its directory checked before anything is decompressed: a file that is
    not a zip, has too many entries, declares too much data or compresses suspiciously well
    (a zip bomb) is refused with :class:`DocxDraftError`."""
    if not isinstance(data, bytes | bytearray | memoryview) or not data:
        raise _refuse("docx-empty", "ไฟล์ว่างเปล่า ไม่ใช่ไฟล์ Word (DOCX)",
                      "the file is empty, not a Word file (DOCX)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError) as exc:
        raise _refuse("docx-not-zip", "ไฟล์นี้ไม่ใช่ไฟล์ Word (DOCX) หรือไฟล์เสียหาย",
                      f"this is not a Word file (DOCX), or it is damaged ({exc})") from None
    if len(entries) > MAX_ENTRIES:
        raise _refuse("docx-too-many-parts",
                      f"ไฟล์ Word มีส่วนประกอบ {len(entries):,} ส่วน เกินกว่าที่รับได้ ({MAX_ENTRIES:,})",
                      f"the Word file has {len(entries):,} parts, more than {MAX_ENTRIES:,}")
    total = sum(info.file_size for info in entries)
    if total > MAX_TOTAL_BYTES:
        raise _refuse("docx-too-large",
                      f"ไฟล์ Word จะขยายเป็น {total // (1024 * 1024):,} MB เมื่อแตกออก เกินกว่าที่รับได้",
                      f"the Word file would expand to {total // (1024 * 1024):,} MB, "
                      "more than is accepted")
    if "word/document.xml" not in {info.filename for info in entries}:
        raise _refuse("docx-not-word", "ไฟล์นี้ไม่ใช่เอกสาร Word (ไม่มี word/document.xml)",
                      "this is not a Word document (no word/document.xml)")
    return archive


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """One entry's bytes, refused before decompressing when its declared size is over
    ``limit`` or its compression ratio is a bomb's; a size that lies fails zip's own check."""
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > limit or (size > RATIO_FLOOR_BYTES and size / packed > MAX_RATIO):
        raise _refuse("docx-bomb",
                      f"ส่วน {info.filename} ของไฟล์ Word ใหญ่ผิดปกติ ({size:,} ไบต์ เมื่อแตกออก) "
                      "อาจเป็นไฟล์อันตราย จึงไม่เปิด",
                      f"the part {info.filename} of the Word file is abnormally large "
                      f"({size:,} bytes unpacked): possibly hostile, not opened")
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError,
            RuntimeError) as exc:
        raise _refuse("docx-damaged", f"อ่านส่วน {info.filename} ของไฟล์ Word ไม่ได้ ไฟล์อาจเสียหาย",
                      f"cannot read the part {info.filename} of the Word file: {exc}") from None
    if len(data) > limit:
        raise _refuse("docx-bomb", f"ส่วน {info.filename} ของไฟล์ Word ใหญ่เกินกว่าที่รับได้",
                      f"the part {info.filename} of the Word file is too large")
    return data


def refuse_dtd(data: bytes, name: str) -> None:
    """Refuse an XML part that declares a DTD or entities — the way entity bombs and
    external entities come in — with a message, rather than drop or expand them."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _refuse("docx-dtd", f"ส่วน {name} ของไฟล์ Word มีการประกาศ DTD/entity ซึ่งไม่อนุญาต",
                      f"the part {name} of the Word file declares a DTD or entities, "
                      "which are not accepted")


def parse_part(data: bytes, name: str) -> etree._Element:
    """An XML part parsed safely (:func:`refuse_dtd`, then a parser that resolves nothing)."""
    refuse_dtd(data, name)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _refuse("docx-bad-xml", f"ส่วน {name} ของไฟล์ Word เสียหาย (XML ไม่ถูกต้อง)",
                      f"the part {name} of the Word file is damaged (bad XML: {exc})") from None
    if root.getroottree().docinfo.doctype:
        raise _refuse("docx-dtd", f"ส่วน {name} ของไฟล์ Word มีการประกาศ DTD ซึ่งไม่อนุญาต",
                      f"the part {name} of the Word file declares a DTD, which is not accepted")
    return root


def draft_text(data: bytes) -> str:
    """The draft file's text carried by the DOCX ``data`` (refusals as in the module doc)."""
    archive = open_zip(data)
    with archive:
        for info in archive.infolist():
            if not _ITEM_NAME.fullmatch(info.filename):
                continue
            root = parse_part(read_entry(archive, info, MAX_ITEM_BYTES), info.filename)
            if root.tag == DRAFT_TAG:
                return root.text or ""
    raise _refuse("docx-no-draft",
                  "ไฟล์ Word นี้ไม่มีร่างหนังสืออยู่ภายใน (ไม่ได้ส่งออกจาก DLA Drafter หรือถูกลบออก)",
                  "this Word file carries no draft (it was not exported by DLA Drafter, "
                  "or the draft was removed)")


def extract_draft_from_docx(data: bytes) -> Any:
    """The :class:`~dla_drafter.model.letter.Letter` a DOCX exported by this program
    carries, validated as a draft file is; any review record found inside is not taken."""
    from ..fields import REVIEW_KEY
    from ..model.draftio import loads_draft

    text = draft_text(data)
    try:
        letter = loads_draft(text)
    except DraftError as exc:
        lead = problem("docx-draft-invalid", "ร่างหนังสือที่อยู่ในไฟล์ Word ไม่ถูกต้อง",
                       "the draft inside the Word file is not valid", None)
        raise DocxDraftError([lead, *exc.problems]) from None
    letter.extra.pop(REVIEW_KEY, None)
    return letter


__all__ = ["DocxDraftError", "add_draft_part", "draft_item_xml", "draft_text",
           "extract_draft_from_docx", "open_zip", "parse_part", "read_entry", "refuse_dtd"]
