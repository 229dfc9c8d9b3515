"""Exchanging letters with other agencies' saraban systems: e-CMS (TH e-GIF
"GovernmentDocument 1.0").

No Qt, no settings file, no disk writes: the command line (``dla-drafter ecms``) and, later,
the window hand in the draft, the PDF bytes and the agency profile, and write what comes back.

* :func:`export_ecms` — a draft and its (signed) PDF → the ``CorrespondenceLetterOutboundRequest``
  bytes, validated against ``resources/ecms/*.xsd`` (:mod:`.schema`); the sender from
  :func:`sender_party` (the profile's e-CMS codes, the command's flags over them);
* :func:`read_ecms` — an incoming file's bytes → :class:`Correspondence`, read as hostile input;
* :func:`reply_draft` — a reply :class:`~dla_drafter.model.letter.Letter` to it.

Modules: ``model`` (the data, namespaces, limits, :class:`EcmsError`), ``codes`` (speed and
secrecy codes 001–004 ↔ the draft's words), ``references`` (อ้างถึง text ↔ number, date,
subject), ``outbound``, ``inbound``, ``reply``, ``schema``, ``files`` (attached files).
lxml is imported only when XML is written or read.
"""

from __future__ import annotations

from .files import attachment, read_capped
from .inbound import Inbound, read_ecms
from .model import (
    MAX_BINARY_BYTES,
    MAX_XML_BYTES,
    BinaryObject,
    Correspondence,
    EcmsError,
    Party,
    Reference,
)
from .outbound import Outbound, export_ecms, sender_party
from .reply import reply_draft

__all__ = [
    "MAX_BINARY_BYTES",
    "MAX_XML_BYTES",
    "BinaryObject",
    "Correspondence",
    "EcmsError",
    "Inbound",
    "Outbound",
    "Party",
    "Reference",
    "attachment",
    "export_ecms",
    "read_capped",
    "read_ecms",
    "reply_draft",
    "sender_party",
]
