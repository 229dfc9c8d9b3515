"""The XML Schema of what the export writes (``resources/ecms/*.xsd``), and validation.

The schema is written for this program from the standard's element lists: the outbound
request (no namespace) imports GovernmentDocument 1.0 (``rsm``), which imports the reusable
aggregates (``ram``) where the CorrespondenceLetter lives. Every export is validated against
it before it is handed out, so a bug in the writer is a clear message, never a file another
system rejects; the tests validate each export again, with lxml alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..paths import resource
from ..problems import Problem, problem

SCHEMA_FILE = "CorrespondenceLetterOutboundRequest.xsd"


def schema_path() -> Path:
    """The outbound request's schema file (it imports the other two beside it)."""
    return resource("ecms", SCHEMA_FILE)


@lru_cache(maxsize=1)
def outbound_schema():
    """The compiled schema (an ``lxml.etree.XMLSchema``), loaded once per process."""
    from lxml import etree

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(schema_path()), parser))


def schema_problems(xml) -> list[Problem]:
    """Where ``xml`` (the file's bytes, or the element tree the export built) breaks the
    schema, one problem per message; [] when it is valid."""
    from lxml import etree

    schema = outbound_schema()
    document = xml
    if isinstance(xml, bytes):
        document = etree.fromstring(xml, etree.XMLParser(no_network=True, resolve_entities=False,
                                                         huge_tree=True))
    if schema.validate(document):
        return []
    return [
        problem("ecms-schema",
                f"แฟ้ม e-CMS ที่สร้างไม่ตรงตาม XML Schema (บรรทัด {e.line}): {e.message} "
                "— เป็นข้อผิดพลาดของโปรแกรม โปรดแจ้งผู้ดูแล",
                f"the e-CMS file made does not match the XML Schema (line {e.line}): "
                f"{e.message} — a bug in the program, please report it")
        for e in schema.error_log
    ]
