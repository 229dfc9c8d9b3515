"""A paragraph that a page break of the PDF falls in, split in two and joined back.

``docx_pages`` lays the DOCX out with the PDF's pages, so a body paragraph the PDF carries
over to the next page is cut there: the rest goes into a new paragraph with the style "DLA
Body Continued" (no first-line indent, no space before), after the section break that ends
the page. :func:`join_continued` puts such paragraphs back, so every reader of the letter's
paragraphs (Word comments in ``docx_comments``, the field-by-field reading in
``review.docx_edits``) sees each field whole, as the letter prints it.

Characters are counted as ``docx_comments.paragraph_text`` counts them (a tab ``\t``, a
break ``\n``), over runs directly in the paragraph and inside hyperlinks; a link cut by a
page break becomes two links to the same target.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from lxml import etree

W_P, W_R, W_T, W_PPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:pPr")
W_PSTYLE, W_RPR, W_VAL = qn("w:pStyle"), qn("w:rPr"), qn("w:val")
W_HYPERLINK = qn("w:hyperlink")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PIECES = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
# children of w:pPr that stay with the paragraph's first part (its mark, its section break)
_PPR_LAST = {qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")}
S_CLOSING = "DLAClosing"
S_BODY_CONTINUED = "DLABodyContinued"


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{W_PPR}/{W_PSTYLE}")
    return style.get(W_VAL) if style is not None else None


def _run_text_pieces(run: etree._Element) -> list[tuple[etree._Element, str]]:
    pieces = []
    for child in run:
        if child.tag == W_T:
            pieces.append((child, child.text or ""))
        elif child.tag in (qn("w:tab"),):
            pieces.append((child, "\t"))
        elif child.tag in (qn("w:br"), qn("w:cr")):
            pieces.append((child, "\n"))
    return pieces


def _split_run(run: etree._Element, at: int) -> etree._Element:
    """Split ``run`` ``at`` characters in; the right half (same properties) follows it."""
    right = run.makeelement(W_R, dict(run.attrib))
    rpr = run.find(W_RPR)
    if rpr is not None:
        right.append(copy.deepcopy(rpr))
    seen = 0
    moving = False
    for child in list(run):
        if child.tag == W_RPR:
            continue
        text = (child.text or "") if child.tag == W_T else (
            "\t" if child.tag == qn("w:tab") else "\n" if child.tag in (
                qn("w:br"), qn("w:cr")) else "")
        if moving or seen >= at:
            run.remove(child)
            right.append(child)
            moving = True
        elif child.tag == W_T and seen < at < seen + len(text):
            cut = at - seen
            child.text = text[:cut]
            child.set(XML_SPACE, "preserve")
            tail = etree.SubElement(right, W_T)
            tail.text = text[cut:]
            tail.set(XML_SPACE, "preserve")
            moving = True
        seen += len(text)
    run.addnext(right)
    return right


def _length(element: etree._Element) -> int:
    """Characters ``element`` (a run, or a hyperlink of runs) adds to the paragraph's text."""
    runs = [element] if element.tag == W_R else list(element.iter(W_R))
    return sum(len(t) for run in runs for _, t in _run_text_pieces(run))


def _split_link(link: etree._Element, at: int) -> etree._Element:
    """Split a ``w:hyperlink`` ``at`` characters in: a second link to the same target, after
    it, holds the rest (a URL carried over to the next page stays a link on both)."""
    pos = 0
    for run in [c for c in link if c.tag == W_R]:
        length = _length(run)
        if pos < at < pos + length:
            _split_run(run, at - pos)
            break
        pos += length
    rest = link.makeelement(link.tag, dict(link.attrib))
    pos = 0
    moving = False
    for child in list(link):
        if child.tag == W_R:
            moving = moving or pos >= at
            pos += _length(child)
        if moving:
            rest.append(child)
    link.addnext(rest)
    return rest


def split_paragraph(paragraph: etree._Element, offset: int) -> etree._Element:
    """Move characters ``offset:`` of ``paragraph`` (a body paragraph: runs and hyperlinks
    as its children) into a new paragraph after it, styled "DLA Body Continued"; returns it."""
    pos = 0
    for child in [c for c in paragraph if c.tag in (W_R, W_HYPERLINK)]:
        length = _length(child)
        if pos < offset < pos + length:
            if child.tag == W_R:
                _split_run(child, offset - pos)
            else:
                _split_link(child, offset - pos)
            break
        pos += length
    after = paragraph.makeelement(W_P, {})
    ppr = paragraph.find(W_PPR)
    new_ppr = copy.deepcopy(ppr) if ppr is not None else after.makeelement(W_PPR, {})
    for child in list(new_ppr):
        if child.tag in _PPR_LAST:
            new_ppr.remove(child)
    after.append(new_ppr)
    style = new_ppr.find(W_PSTYLE)
    if style is None:
        style = new_ppr.makeelement(W_PSTYLE, {})
        new_ppr.insert(0, style)
    was = style.get(W_VAL)
    style.set(W_VAL, S_BODY_CONTINUED)
    if was == S_CLOSING:  # the closing stays with the คำลงท้าย, as its style says
        keep = new_ppr.makeelement(qn("w:keepNext"), {})
        style.addnext(keep)
    pos = 0
    moving = False
    for child in list(paragraph):
        if child.tag == W_PPR:
            continue
        if child.tag in (W_R, W_HYPERLINK):
            moving = moving or pos >= offset
            pos += _length(child)
        if moving:
            after.append(child)  # comment ranges, bookmarks … move with their runs
    paragraph.addnext(after)
    return after


def text_of(paragraph: etree._Element) -> str:
    """A body paragraph's text as ``docx_comments.paragraph_text`` reads it (a tab ``\t``, a
    break ``\n``), counted the way :func:`split_paragraph` counts: the body holds no text
    boxes, so every run below the paragraph is its own, and this is much faster."""
    return "".join(_PIECES.get(e.tag, "") if e.tag != W_T else (e.text or "")
                   for child in paragraph if child.tag != W_PPR  # w:tabs holds w:tab stops
                   for e in child.iter(W_T, *_PIECES))


def join_continued(body: etree._Element) -> int:
    """Put every paragraph the writer split at a page end (style "DLA Body Continued") back
    into the paragraph it continues, in the document in memory; returns how many. Readers
    of a DOCX's paragraphs call it first, so a field printed across two pages reads whole."""
    joined = 0
    for paragraph in list(body.iter(W_P)):
        if _style(paragraph) != S_BODY_CONTINUED:
            continue
        before = paragraph.getprevious()
        if before is None or before.tag != W_P:
            continue
        for child in list(paragraph):
            if child.tag != W_PPR:
                before.append(child)
        paragraph.getparent().remove(paragraph)
        joined += 1
    return joined


__all__ = ["S_BODY_CONTINUED", "join_continued", "split_paragraph", "text_of"]
