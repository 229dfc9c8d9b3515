"""Word comments in a DOCX: anchoring them on characters of a paragraph, and reading them back.

Word anchors a comment on whole runs: ``w:commentRangeStart`` before the first run,
``w:commentRangeEnd`` after the last, then a run holding ``w:commentReference``. A quote in
the middle of a Thai paragraph is usually inside one run, so the runs are split at the quote's
two ends first (each half keeps the run's properties, so the text looks exactly as before).
Replies are Word's threaded replies: further comments on the same runs, tied to the comment
they answer in ``commentsExtended.xml`` by the ``w14:paraId`` of each comment's last
paragraph (python-docx writes comments, not threads; this module writes and reads those).

Both directions see a paragraph as the same string, :func:`paragraph_text` (the text of its
runs, a tab as ``\\t``, a line break as ``\\n``), and number the paragraphs of the body the
same way, :func:`body_paragraphs` (document order, table cells included). Which draft field a
paragraph prints is not known here: :mod:`dla_drafter.review.docx_fields` decides that from
these strings, for the export and for the import alike. No Qt, no letter.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

from dla_drafter.text.invisible import XML_ILLEGAL

W_P, W_R, W_T = qn("w:p"), qn("w:r"), qn("w:t")
W_TAB, W_BR, W_CR = qn("w:tab"), qn("w:br"), qn("w:cr")
W_RPR, W_ID = qn("w:rPr"), qn("w:id")
W_RANGE_START, W_RANGE_END = qn("w:commentRangeStart"), qn("w:commentRangeEnd")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CHARS = {W_TAB: "\t", W_BR: "\n", W_CR: "\n"}


@dataclass(frozen=True)
class WordReply:
    """A reply in a comment's thread (Word shows it under the comment it answers)."""

    text: str
    author: str
    initials: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class WordComment:
    """A comment to write: on characters ``start:end`` of body paragraph ``paragraph``."""

    paragraph: int
    start: int
    end: int
    text: str
    author: str
    initials: str = ""
    at: datetime | None = None
    replies: tuple[WordReply, ...] = ()


@dataclass(frozen=True)
class AnchoredComment:
    """A comment read from a DOCX: where its range starts (paragraph, character) and ends
    (clipped to the paragraph it starts in), the anchored text, and its paragraphs of text."""

    comment_id: int
    paragraph: int | None
    start: int
    end: int
    anchored: str
    author: str
    at: datetime | None
    paragraphs: tuple[str, ...]
    parent: int | None = None  # the comment this one replies to (commentsExtended)
    done: bool = False  # marked resolved in Word


def body_paragraphs(document: Document) -> list[etree._Element]:
    """Every paragraph of the body in document order (table cells included)."""
    return list(document.element.body.iter(W_P))


def _own_runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's runs, also inside hyperlinks and insertions, but not a text box's."""
    for run in paragraph.iter(W_R):
        owner = run.getparent()
        while owner is not None and owner.tag != W_P:
            owner = owner.getparent()
        if owner is paragraph:
            yield run


def _run_pieces(run: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    for child in run:
        if child.tag == W_T:
            yield child, child.text or ""
        elif child.tag in _CHARS:
            yield child, _CHARS[child.tag]


def paragraph_text(paragraph: etree._Element) -> str:
    """What a reader sees of a paragraph, as one string (both directions count in it)."""
    return "".join(text for run in _own_runs(paragraph) for _, text in _run_pieces(run))


def _split_run(run: etree._Element, at: int) -> etree._Element:
    """Split ``run`` ``at`` characters in; returns the new right half (placed after it)."""
    right = copy.deepcopy(run)
    for child in list(right):
        if child.tag != W_RPR:
            right.remove(child)
    seen = 0
    moving = False
    for child in list(run):
        if child.tag == W_RPR:
            continue
        text = child.text or "" if child.tag == W_T else _CHARS.get(child.tag, "")
        if moving:
            run.remove(child)
            right.append(child)
        elif child.tag == W_T and seen < at < seen + len(text):
            cut = at - seen
            child.text = text[:cut]
            child.set(XML_SPACE, "preserve")
            tail = etree.SubElement(right, W_T)
            tail.text = text[cut:]
            tail.set(XML_SPACE, "preserve")
            moving = True
        elif seen >= at:
            run.remove(child)
            right.append(child)
            moving = True
        seen += len(text)
    run.addnext(right)
    return right


def _runs_covering(paragraph: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs holding exactly characters ``start:end`` of the paragraph, split as needed."""
    for boundary in (start, end):
        pos = 0
        for run in list(_own_runs(paragraph)):
            length = sum(len(text) for _, text in _run_pieces(run))
            if pos < boundary < pos + length:
                _split_run(run, boundary - pos)
                break
            pos += length
    covering = []
    pos = 0
    for run in _own_runs(paragraph):
        length = sum(len(text) for _, text in _run_pieces(run))
        if length and pos >= start and pos + length <= end:
            covering.append(run)
        pos += length
    return covering


def xml_text(text: str) -> str:
    """``text`` without what XML 1.0 cannot hold (NUL, BEL, VT …, U+FFFE): a comment's text
    and author come from a draft's review record, which a program other than this one may
    have written; the reader names them (``review-control-char``), the writer leaves them out."""
    return XML_ILLEGAL.sub("", text)


def word_time(at: datetime | None) -> datetime | None:
    """``at`` in UTC to the second, as Word stores a comment's date; None when it has no
    place on Word's calendar (a naive time is read as UTC; one that leaves years 1–9999 in
    UTC is dropped rather than refusing the document)."""
    if at is None:
        return None
    try:
        zoned = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
        return zoned.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, ValueError):
        return None


def _add_one(document: Document, runs: list[etree._Element], text: str, author: str,
             initials: str, at: datetime | None):
    first, last = Run(runs[0], document), Run(runs[-1], document)  # type: ignore[arg-type]
    comment = document.add_comment([first, last], text=xml_text(text), author=xml_text(author),
                                   initials=xml_text(initials))
    when = word_time(at)
    if when is not None:
        comment._comment_elm.date = when
    return comment._comment_elm


def add_comments(document: Document, comments: Sequence[WordComment]) -> int:
    """Add each comment as a real Word comment anchored on its characters, its replies as
    Word's threaded replies on the same characters; returns how many comments were anchored
    (one whose paragraph or range holds no text is left out)."""
    paragraphs = body_paragraphs(document)
    threads: list[tuple[etree._Element, list[etree._Element]]] = []
    for item in comments:
        if not 0 <= item.paragraph < len(paragraphs) or item.start >= item.end:
            continue
        runs = _runs_covering(paragraphs[item.paragraph], item.start, item.end)
        if not runs:
            continue
        parent = _add_one(document, runs, item.text, item.author, item.initials, item.at)
        replies = [_add_one(document, runs, r.text, r.author, r.initials, r.at)
                   for r in item.replies]
        threads.append((parent, replies))
    if any(replies for _, replies in threads):
        _write_threads(document, threads)
    return len(threads)


# Word 2013+ keeps threads (and "resolved") in commentsExtended.xml, keyed by the w14:paraId
# of each comment's last paragraph.
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_COMMENTS_EXTENDED = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml")
_PARA_ID, _TEXT_ID = f"{{{W14}}}paraId", f"{{{W14}}}textId"


def _para_id(comment: etree._Element, number: int) -> str:
    """Give the comment's last paragraph a paraId (8 hex digits below 0x80000000)."""
    value = f"{0x10000000 + number:08X}"
    last = comment.findall(W_P)[-1]
    last.set(_PARA_ID, value)
    last.set(_TEXT_ID, "77777777")
    return value


def _write_threads(document: Document,
                   threads: list[tuple[etree._Element, list[etree._Element]]]) -> None:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    root = document.part._comments_part.element
    root.set(f"{{{MC}}}Ignorable", "w14")
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
    extended.set(f"{{{MC}}}Ignorable", "w15")
    number = 0
    for parent, replies in threads:
        number += 1
        parent_id = _para_id(parent, number)
        etree.SubElement(extended, f"{{{W15}}}commentEx",
                         {f"{{{W15}}}paraId": parent_id, f"{{{W15}}}done": "0"})
        for reply in replies:
            number += 1
            etree.SubElement(extended, f"{{{W15}}}commentEx", {
                f"{{{W15}}}paraId": _para_id(reply, number),
                f"{{{W15}}}paraIdParent": parent_id, f"{{{W15}}}done": "0"})
    blob = etree.tostring(extended, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/commentsExtended.xml"), CT_COMMENTS_EXTENDED, blob,
                document.part.package)
    document.part.relate_to(part, RT_COMMENTS_EXTENDED)


def _threads(document: Document) -> dict[int, tuple[int | None, bool]]:
    """Comment id → (id of the comment it replies to, marked done), from commentsExtended."""
    blob = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/commentsExtended") and not rel.is_external:
            blob = rel.target_part.blob
    if blob is None or not len(document.comments):
        return {}
    try:
        extended = etree.fromstring(blob)
    except etree.XMLSyntaxError:
        return {}
    by_para: dict[str, int] = {}
    for comment in document.part._comments_part.element.findall(qn("w:comment")):
        paragraphs = comment.findall(W_P)
        if paragraphs and paragraphs[-1].get(_PARA_ID):
            by_para[paragraphs[-1].get(_PARA_ID)] = int(comment.get(W_ID))
    result: dict[int, tuple[int | None, bool]] = {}
    for entry in extended.iter(f"{{{W15}}}commentEx"):
        cid = by_para.get(entry.get(f"{{{W15}}}paraId", ""))
        if cid is None:
            continue
        parent = by_para.get(entry.get(f"{{{W15}}}paraIdParent", ""))
        result[cid] = (parent, entry.get(f"{{{W15}}}done") in ("1", "true"))
    return result


def read_comments(document: Document) -> list[AnchoredComment]:
    """Every comment of the document with the body paragraph and characters it is anchored
    on (``paragraph`` None when the document has no range for it), and the thread it is in
    (``parent``: the comment a reply answers)."""
    starts: dict[int, tuple[int, int]] = {}
    ends: dict[int, tuple[int, int]] = {}
    texts: list[str] = []
    for index, paragraph in enumerate(body_paragraphs(document)):
        pos = 0
        own = set(_own_runs(paragraph))
        for element in paragraph.iter():
            if element.tag in (W_RANGE_START, W_RANGE_END):
                comment_id = int(element.get(W_ID, "-1"))
                target = starts if element.tag == W_RANGE_START else ends
                target.setdefault(comment_id, (index, pos))
            elif element.tag == W_R and element in own:
                pos += sum(len(text) for _, text in _run_pieces(element))
        texts.append(paragraph_text(paragraph))
    threads = _threads(document)
    result = []
    for comment in document.comments:
        cid = comment.comment_id
        where = starts.get(cid)
        paragraph: int | None = None
        start = end = 0
        anchored = ""
        if where is not None:
            paragraph, start = where
            end_paragraph, end = ends.get(cid, (paragraph, len(texts[paragraph])))
            if end_paragraph != paragraph:
                end = len(texts[paragraph])
            anchored = texts[paragraph][start:end]
        lines = tuple(p.text for p in comment.paragraphs)
        parent, done = threads.get(cid, (None, False))
        result.append(AnchoredComment(cid, paragraph, start, end, anchored, comment.author,
                                      comment.timestamp, lines, parent, done))
    return result


__all__ = [
    "AnchoredComment",
    "WordComment",
    "WordReply",
    "add_comments",
    "body_paragraphs",
    "paragraph_text",
    "read_comments",
]
