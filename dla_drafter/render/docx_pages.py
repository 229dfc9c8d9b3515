"""The PDF's pages as the DOCX's pages: one section per page, its number and continuation word.

Why the DOCX copies the PDF's page breaks instead of leaving pagination to Word: a letter's
pages carry text that depends on where each page ends — the continuation word at the foot
(``/ คำแรก…``, the next page's first word) and the page number in Thai digits at the top.
Neither Word nor LibreOffice can compute the first word of the next page, and LibreOffice
shows a ``PAGE`` field in Arabic digits whatever the section's ``thaiNumbers`` format or a
``\\* ThaiArabic`` switch (Thai *letters*) says (measured with LibreOffice 7.4). So each page
of the typeset letter (:class:`~dla_drafter.typeset.pages.Pages`, the PDF's own pages)
becomes a section of the DOCX that starts a new page, and every section has its own header
(the page number, typed as the PDF prints it) and its own footer (the continuation word on
the text area's last line, the secrecy mark). Offices that type continuation words in Word
lay out their letters the same way; after an edit in Word that moves text from one page to
another, the words and numbers are fixed by hand or the DOCX is made again from the draft.

Where each page starts is found by text, not by position: the typeset lines of each page
(their words exactly as the DOCX holds them) are looked up in order in the body paragraphs.
A page that starts inside a paragraph (a long body paragraph carried over) splits that
paragraph in two; the part on the next page has the style "DLA Body Continued" (no first-line
indent, no space before; ``docx_split``), and ``docx_split.join_continued`` puts such
paragraphs back together, so
everything that reads a DOCX's paragraphs (Word comments, the draft's fields) sees the
letter's paragraphs whole. The file copy's initials grid, which the PDF sets at the foot of
the last letter page beside the contacts, becomes a floating table at the same place.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from lxml import etree

from ..text.invisible import XML_ILLEGAL, strip_invisible
from ..typeset.layout import BASELINE_RATIO
from ..typeset.pages import Page, Pages, TextLine
from ..typeset.profile import DEFAULT_PROFILE
from .docx_comments import body_paragraphs
from .docx_split import split_paragraph, text_of

W_P, W_R, W_T, W_PPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:pPr")
W_TBL, W_SECTPR, W_VAL = qn("w:tbl"), qn("w:sectPr"), qn("w:val")
W_PSTYLE, W_RPR = qn("w:pStyle"), qn("w:rPr")
R_ID = qn("r:id")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# style ids (scripts/build_templates.py defines them; docx_writer names them too)
S_CONTINUATION = "DLAContinuation"
S_SECTION_BREAK = "DLASectionBreak"
S_PAGE_NUMBER = "DLAPageNumber"
S_TABLE_GAP = "DLATableGap"
S_LIST_TITLE = "DLAListTitle"
# paragraphs that print what the typesetter places outside the flow (the QR column, the
# initials grid): they are not looked for when a page's lines are matched
OFF_FLOW_STYLES = frozenset({"DLAQRCaption", "DLAQRImage", "DLAQRURL", "DLAInitials"})
# typeset lines that are not the flow of the body: marks, headers, the out-of-flow blocks
OFF_FLOW_SOURCES = frozenset({"page_number", "secrecy", "continuation", "urgency",
                              "file_copy", "kind", "qr.caption", "qr.url", "initials",
                              "emblem"})
T_INITIALS = "DLA Initials"
# A line is looked for in the paragraph where the previous one ended and at most this many
# non-empty paragraphs further: far enough to pass a line the DOCX words differently (a
# heading's wrapped number), near enough that a short line never matches a later page.
LOOKAHEAD_PARAGRAPHS = 3


def _schema_order(names: str) -> dict[str, int]:
    """Rank of each child of an element in schema order (Word refuses other orders)."""
    return {qn(f"w:{name}"): rank for rank, name in enumerate(names.split())}


_SECTPR_ORDER = _schema_order(
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings sectPrChange")


def clean(text: str) -> str:
    """The text as the DOCX holds it (``docx_writer.clean_text``'s rule, without importing
    the writer)."""
    return XML_ILLEGAL.sub("", strip_invisible(text))


@dataclass(frozen=True)
class PageMarks:
    """What a page prints outside its flow: the page number (``- ๒ -``, None on page one),
    the continuation word (``/ คำแรก…``, None on the last page) and, when the file copy's
    initials grid stands on this page, its top-left corner in cm from the paper's corner."""

    number: str | None
    continuation: str | None
    initials_at: tuple[float, float] | None


def _text_lines(page: Page, source: str) -> list[TextLine]:
    return [it for it in page.items if isinstance(it, TextLine) and it.source
            and it.source[0] == source]


def page_marks(pages: Pages) -> list[PageMarks]:
    """The number, continuation word and initials corner of every page, as the PDF has them."""
    profile = DEFAULT_PROFILE
    small = profile.font_size_pt - 2
    baseline_small = profile.line_pitch * BASELINE_RATIO * small / profile.font_size_pt
    marks = []
    for page in pages.pages:
        numbers = _text_lines(page, "page_number")
        words = _text_lines(page, "continuation")
        grid = _text_lines(page, "initials")
        corner = None
        if grid:
            corner = (min(it.x for it in grid), min(it.y for it in grid) - baseline_small)
        marks.append(PageMarks(clean(numbers[0].text) if numbers else None,
                               clean(words[0].text) if words else None, corner))
    return marks


def flow_lines(page: Page) -> list[str]:
    """The page's lines of the body's flow in reading order (top to bottom, left to right),
    as the DOCX holds their text."""
    lines = [it for it in page.items if isinstance(it, TextLine) and it.source
             and it.source[0] not in OFF_FLOW_SOURCES]
    lines.sort(key=lambda it: (round(it.y, 3), it.x))
    return [t for t in (clean(it.text).strip() for it in lines) if t]


@dataclass(frozen=True)
class Position:
    """A place in the body: character ``offset`` of paragraph ``paragraph`` (an index into
    :func:`body_paragraphs`)."""

    paragraph: int
    offset: int


def page_starts(pages: Pages, paragraphs: Sequence[etree._Element]) -> list[Position | None]:
    """Where each page's flow starts in ``paragraphs`` (None for a page whose lines were not
    found, or that holds no flow, such as a page the initials grid spilled onto)."""
    texts = [text_of(p) for p in paragraphs]
    candidates = [i for i, p in enumerate(paragraphs) if _style(p) not in OFF_FLOW_STYLES]
    at, offset = 0, 0  # index into candidates, offset in that paragraph
    starts: list[Position | None] = []
    for page in pages.pages:
        first: Position | None = None
        for line in flow_lines(page):
            found = _find(line, texts, candidates, at, offset)
            if found is None:
                continue
            at, start = found
            if first is None:
                first = Position(candidates[at], start)
            offset = start + len(line)
        starts.append(first)
    return starts


def _find(line: str, texts: Sequence[str], candidates: Sequence[int], at: int,
          offset: int) -> tuple[int, int] | None:
    passed = 0
    for k in range(at, len(candidates)):
        text = texts[candidates[k]]
        start = text.find(line, offset if k == at else 0)
        if start >= 0:
            return k, start
        if k > at and text.strip():
            passed += 1
            if passed > LOOKAHEAD_PARAGRAPHS:
                return None
    return None


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{W_PPR}/{W_PSTYLE}")
    return style.get(W_VAL) if style is not None else None


def _ppr(paragraph: etree._Element) -> etree._Element:
    ppr = paragraph.find(W_PPR)
    if ppr is None:
        ppr = paragraph.makeelement(W_PPR, {})
        paragraph.insert(0, ppr)
    return ppr


def _top_level(element: etree._Element, body: etree._Element) -> etree._Element:
    while element.getparent() is not body:
        element = element.getparent()
    return element


# --- sections ------------------------------------------------------------------------------

def _set_child(sect: etree._Element, element: etree._Element) -> None:
    """Put ``element`` into ``sect`` at its schema place."""
    rank = _SECTPR_ORDER.get(element.tag, len(_SECTPR_ORDER))
    for child in sect:
        if _SECTPR_ORDER.get(child.tag, len(_SECTPR_ORDER)) > rank:
            child.addprevious(element)
            return
    sect.append(element)


def _references(sect: etree._Element) -> dict[tuple[str, str], str]:
    """(header|footer, type) → relationship id of the section's header/footer references."""
    refs = {}
    for kind in ("header", "footer"):
        for ref in sect.findall(qn(f"w:{kind}Reference")):
            refs[(kind, ref.get(qn("w:type")))] = ref.get(R_ID)
    return refs


def _with_references(template: etree._Element, refs: dict[tuple[str, str], str],
                     first_page: bool) -> etree._Element:
    sect = copy.deepcopy(template)
    for child in list(sect):
        if child.tag in (qn("w:headerReference"), qn("w:footerReference"), qn("w:titlePg")):
            sect.remove(child)
    for (kind, kind_type), rid in sorted(refs.items(), reverse=True):
        if kind_type == "first" and not first_page:
            continue
        ref = sect.makeelement(qn(f"w:{kind}Reference"), {qn("w:type"): kind_type, R_ID: rid})
        _set_child(sect, ref)
    if first_page:
        _set_child(sect, sect.makeelement(qn("w:titlePg"), {}))
    return sect


class _Stories:
    """New header and footer parts, cloned from the template's rendered ones."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.part = document.part
        self.package = document.part.package

    def element(self, rid: str) -> etree._Element:
        return self.part.rels[rid].target_part._element

    def add(self, kind: str, element: etree._Element) -> str:
        partname = self.package.next_partname(f"/word/{kind}%d.xml")
        content_type = CT.WML_HEADER if kind == "header" else CT.WML_FOOTER
        part = XmlPart(partname, content_type, element, self.package)
        return self.part.relate_to(part, RT.HEADER if kind == "header" else RT.FOOTER)

    def numbered_header(self, template_rid: str, number: str) -> str:
        """The template's page-number header with ``number`` typed in place of the field."""
        element = copy.deepcopy(self.element(template_rid))
        for paragraph in element.iter(W_P):
            if _style(paragraph) != S_PAGE_NUMBER:
                continue
            for child in list(paragraph):
                if child.tag != W_PPR:
                    paragraph.remove(child)
            paragraph.append(_run(paragraph, number))
        return self.add("header", element)

    def continuation_footer(self, template_rid: str, word: str) -> str:
        """The template's footer with the continuation word's line on top."""
        element = copy.deepcopy(self.element(template_rid))
        line = element.makeelement(W_P, {})
        ppr = etree.SubElement(line, W_PPR)
        etree.SubElement(ppr, W_PSTYLE).set(W_VAL, S_CONTINUATION)
        line.append(_run(line, word))
        element.insert(0, line)
        return self.add("footer", element)


def _run(parent: etree._Element, text: str) -> etree._Element:
    run = parent.makeelement(W_R, {})
    if any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        etree.SubElement(etree.SubElement(run, W_RPR), qn("w:cs"))
    t = etree.SubElement(run, W_T)
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run


def _section_paragraph(body: etree._Element, before: etree._Element) -> etree._Element:
    """A one-point paragraph before ``before`` to carry a section break (after a table)."""
    paragraph = body.makeelement(W_P, {})
    ppr = etree.SubElement(paragraph, W_PPR)
    etree.SubElement(ppr, W_PSTYLE).set(W_VAL, S_SECTION_BREAK)
    before.addprevious(paragraph)
    return paragraph


def _float_initials(body: etree._Element, corner: tuple[float, float]) -> None:
    """The initials grid at ``corner`` of its page, floating, as the PDF places it."""
    from .docx_units import cm_to_twips

    for table in body.iter(W_TBL):
        caption = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if caption is None or caption.get(W_VAL) != T_INITIALS:
            continue
        tbl_pr = table.find(qn("w:tblPr"))
        for old in tbl_pr.findall(qn("w:jc")) + tbl_pr.findall(qn("w:tblpPr")):
            tbl_pr.remove(old)
        x, y = corner
        position = tbl_pr.makeelement(qn("w:tblpPr"), {
            qn("w:leftFromText"): "0", qn("w:rightFromText"): "0",
            qn("w:topFromText"): "0", qn("w:bottomFromText"): "0",
            qn("w:vertAnchor"): "page", qn("w:horzAnchor"): "page",
            qn("w:tblpX"): str(cm_to_twips(x)), qn("w:tblpY"): str(cm_to_twips(y))})
        overlap = tbl_pr.makeelement(qn("w:tblOverlap"), {W_VAL: "never"})
        style = tbl_pr.find(qn("w:tblStyle"))
        if style is not None:
            style.addnext(position)
        else:
            tbl_pr.insert(0, position)
        position.addnext(overlap)
        # the gaps around it need not hold tables apart any more: one point each, so a full
        # page never spills a gap onto a page of its own
        for gap in (table.getprevious(), table.getnext()):
            if gap is not None and gap.tag == W_P and _style(gap) == S_TABLE_GAP:
                gap.find(f"{W_PPR}/{W_PSTYLE}").set(W_VAL, S_SECTION_BREAK)
        # LibreOffice floats the table only when a paragraph of its own follows it (it keeps
        # a table inline whose next paragraph ends the section): a one-point anchor
        after = table.getnext()
        if after is None or after.tag != W_P or _style(after) != S_SECTION_BREAK:
            anchor = table.makeelement(W_P, {})
            etree.SubElement(etree.SubElement(anchor, W_PPR), W_PSTYLE).set(
                W_VAL, S_SECTION_BREAK)
            table.addnext(anchor)
        return


def _is_float_anchor(paragraph: etree._Element) -> bool:
    """Whether ``paragraph`` directly follows a floating table (and so anchors it)."""
    before = paragraph.getprevious()
    return before is not None and before.tag == W_TBL and before.find(
        f"{qn('w:tblPr')}/{qn('w:tblpPr')}") is not None


def _initials_table(body: etree._Element) -> etree._Element | None:
    for table in body.iter(W_TBL):
        caption = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if caption is not None and caption.get(W_VAL) == T_INITIALS:
            return table
    return None


def paginate(document: Any, pages: Pages) -> int:
    """Make every page of ``pages`` a section of ``document`` (see the module doc); returns
    the number of pages the DOCX was given. Headers and footers must be rendered already."""
    body = document.element.body
    final = body.find(W_SECTPR)
    marks = page_marks(pages)
    if final is None or not marks:
        return 0
    paragraphs = body_paragraphs(document)
    starts = page_starts(pages, paragraphs)
    initials = _initials_table(body)
    # where each page after the first begins: (top-level element, offset into a paragraph)
    begins: list[tuple[etree._Element, int] | None] = []
    for index, start in enumerate(starts[1:], start=1):
        if start is None:
            spilled = marks[index].initials_at is not None and initials is not None
            begins.append((initials, 0) if spilled else None)
            continue
        paragraph = paragraphs[start.paragraph]
        element = _top_level(paragraph, body)
        text = text_of(paragraph)
        if element is paragraph and text[:start.offset].strip():
            begins.append((paragraph, start.offset))
        else:
            begins.append((element, 0))
    template_refs = _references(final)
    stories = _Stories(document)
    for mark in marks:
        if mark.initials_at is not None:
            _float_initials(body, mark.initials_at)
    # each page's section properties, built first: splitting changes the tree after
    sections = []
    for number, mark in enumerate(marks, start=1):
        refs = dict(template_refs)
        footer_kind = "first" if number == 1 else "default"
        if mark.continuation and ("footer", footer_kind) in template_refs:
            refs[("footer", footer_kind)] = stories.continuation_footer(
                template_refs[("footer", footer_kind)], mark.continuation)
        if number > 1 and mark.number and ("header", "default") in template_refs:
            refs[("header", "default")] = stories.numbered_header(
                template_refs[("header", "default")], mark.number)
        sections.append(_with_references(final, refs, number == 1))
    made = 1
    previous: etree._Element | None = None
    # a paragraph over three pages is split twice: the second offset falls in the part the
    # first split made, so each split paragraph's remaining part is remembered
    tails: dict[etree._Element, tuple[etree._Element, int]] = {}
    for number, begin in enumerate(begins, start=2):
        if begin is None:
            continue
        element, offset = begin
        original = element
        if original in tails:
            element, base = tails[original]
            offset -= base
        if offset > 0:
            holder = element
            tails[original] = (split_paragraph(element, offset),
                               offset + tails.get(original, (None, 0))[1])
        else:
            before = element.getprevious()
            if before is not None and before.tag == W_P and before.find(
                    f"{W_PPR}/{W_SECTPR}") is None and not _is_float_anchor(before):
                holder = before
            else:
                holder = _section_paragraph(body, element)
            if element.tag == W_P and _style(element) == S_LIST_TITLE:
                # the section starts the page already; a page break before would add one
                etree.SubElement(_ppr(element), qn("w:pageBreakBefore")).set(W_VAL, "0")
                _order_ppr(_ppr(element))
        if holder is previous:
            continue
        _ppr(holder).append(sections[number - 2])
        previous = holder
        made += 1
    # the last section is the body's own sectPr: the last page's header and footer
    final.getparent().replace(final, sections[-1])
    return made


_PPR_ORDER = _schema_order(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange")


def _order_ppr(ppr: etree._Element) -> None:
    """Sort ``w:pPr``'s children into schema order (Word refuses other orders)."""
    children = sorted(ppr, key=lambda c: _PPR_ORDER.get(c.tag, len(_PPR_ORDER)))
    for child in children:
        ppr.append(child)


__all__ = ["PageMarks", "Position", "flow_lines", "page_marks", "page_starts", "paginate"]
