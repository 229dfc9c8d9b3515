"""URLs and e-mail addresses in a DOCX as Word hyperlinks.

Every URL and e-mail address the letter prints (the contact's e-mail, the QR code's URL, a
link in a body paragraph) becomes a ``w:hyperlink`` whose target is an external relationship
of the document, with the character style "Hyperlink" on its runs, as Word writes links
itself: Word and LibreOffice open it on a click (Ctrl+click in Word) and LibreOffice's PDF
export keeps it as a link annotation. The text stays exactly as printed — copying a link
gives what the reader sees — and only the target gains what a click needs: ``mailto:``
before an e-mail address, ``https://`` before a URL typed without its scheme
(``bit.ly/3I4Rmeo``, ``www.dla.go.th``).

Which spans are links is decided by ``text.digits.link_spans``, the rule that also keeps a
link's digits as typed in a letter printed in Thai digits, so the DOCX, the PDF and the
digits agree on what a link is.
"""

from __future__ import annotations

import re
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..text.digits import link_spans
from .docx_comments import paragraph_text, runs_covering
from .docx_split import text_of

W_P, W_R, W_RPR = qn("w:p"), qn("w:r"), qn("w:rPr")
W_HYPERLINK, W_RSTYLE, W_VAL = qn("w:hyperlink"), qn("w:rStyle"), qn("w:val")
S_HYPERLINK = "Hyperlink"
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def link_target(text: str) -> str:
    """Where a click on the printed link ``text`` goes."""
    if "@" in text and "/" not in text.split("@", 1)[0]:
        return text if text.lower().startswith("mailto:") else f"mailto:{text}"
    return text if _SCHEME.match(text) else f"https://{text}"


def _style_run(run: etree._Element) -> None:
    rpr = run.find(W_RPR)
    if rpr is None:
        rpr = run.makeelement(W_RPR, {})
        run.insert(0, rpr)
    style = rpr.find(W_RSTYLE)
    if style is None:
        style = rpr.makeelement(W_RSTYLE, {})
        rpr.insert(0, style)
    style.set(W_VAL, S_HYPERLINK)


def _wrap(paragraph: etree._Element, runs: list[etree._Element], rid: str) -> None:
    """Put ``runs`` (and the range marks between them) into one ``w:hyperlink``."""
    link = paragraph.makeelement(W_HYPERLINK, {qn("r:id"): rid, qn("w:history"): "1"})
    runs[0].addprevious(link)
    element = link.getnext()
    last = runs[-1]
    while element is not None:
        following = element.getnext()
        link.append(element)
        if element is last:
            break
        element = following
    for run in link.iter(W_R):
        _style_run(run)


def add_hyperlinks(document: Any) -> int:
    """Make every URL and e-mail address of the body a hyperlink; returns how many."""
    part = document.part
    made = 0
    for paragraph in list(document.element.body.iter(W_P)):
        if not link_spans(text_of(paragraph)):  # the quick look: most paragraphs hold none
            continue
        text = paragraph_text(paragraph)
        for start, end in reversed(link_spans(text)):
            runs = runs_covering(paragraph, start, end)
            if not runs or any(r.getparent() is not paragraph for r in runs):
                continue  # inside a link already, or a tracked change: left as it is
            rid = part.relate_to(link_target(text[start:end]), RT.HYPERLINK, is_external=True)
            _wrap(paragraph, runs, rid)
            made += 1
    return made


__all__ = ["add_hyperlinks", "link_target"]
