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

import bisect
import copy
import re
from collections.abc import Callable, Iterator, Sequence
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
W_COMMENT, W_AUTHOR, W_DATE = qn("w:comment"), qn("w:author"), qn("w:date")
DOCUMENT_PART, COMMENTS_PART = "word/document.xml", "word/comments.xml"
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


def paragraphs_of(body: etree._Element) -> list[etree._Element]:
    """Every paragraph of a ``w:body`` in document order (table cells included). A paragraph
    the writer split at a page end is joined back first (``docx_split.join_continued``), so a
    field printed across two pages is one paragraph here, as in the letter."""
    from .docx_split import join_continued

    join_continued(body)
    return list(body.iter(W_P))


def body_paragraphs(document: Document) -> list[etree._Element]:
    """Every paragraph of the document's body in document order (table cells included)."""
    return paragraphs_of(document.element.body)


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


class LazyTexts(Sequence[str]):
    """Paragraph texts worked out on first use: a comment or change source is handed every
    body paragraph's text, but a letter without open comments or suggestions never reads
    them (the review package returns at once), so they are not gathered for it."""

    def __init__(self, make: Callable[[], list[str]]) -> None:
        self._make: Callable[[], list[str]] | None = make
        self._texts: list[str] = []

    def _all(self) -> list[str]:
        if self._make is not None:
            self._texts, self._make = self._make(), None
        return self._texts

    def __getitem__(self, index):  # type: ignore[override]
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return list(self._all()) == (list(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]


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


def _split_at(paragraph: etree._Element,
              boundaries: Sequence[int]) -> list[tuple[int, int, etree._Element]]:
    """Split the paragraph's runs at every one of ``boundaries`` (character offsets) in one
    pass, and return its runs that hold text as (start, end, run), in order. Every comment of
    a paragraph is placed from this one list: splitting and searching again for each comment
    made the time grow with the square of the comment count."""
    cuts = sorted(set(boundaries))
    at = 0  # the next cut to make
    pieces: list[tuple[int, int, etree._Element]] = []
    pos = 0
    for run in list(_own_runs(paragraph)):
        length = sum(len(text) for _, text in _run_pieces(run))
        while at < len(cuts) and cuts[at] <= pos:
            at += 1
        while at < len(cuts) and cuts[at] < pos + length:
            right = _split_run(run, cuts[at] - pos)
            pieces.append((pos, cuts[at], run))
            length -= cuts[at] - pos
            pos = cuts[at]
            run = right
            at += 1
        if length:
            pieces.append((pos, pos + length, run))
        pos += length
    return pieces


def _covering(pieces: list[tuple[int, int, etree._Element]], start: int,
              end: int) -> list[etree._Element]:
    """The runs holding exactly characters ``start:end`` (the paragraph split at both)."""
    first = bisect.bisect_left(pieces, start, key=lambda piece: piece[0])
    last = bisect.bisect_right(pieces, end, key=lambda piece: piece[1])
    return [run for _, _, run in pieces[first:last]]


def runs_covering(paragraph: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs holding exactly characters ``start:end`` of the paragraph, split as needed
    (the hyperlink writer's one span; comments split a paragraph once for all theirs)."""
    return _covering(_split_at(paragraph, (start, end)), start, end)


_COMMENT_XML = (
    '<w:comment {ns} w:id="{id}" w:author="">'
    '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
    "</w:comment>"
)


class _CommentWriter:
    """Writes Word comments as python-docx's ``Document.add_comment`` does, numbering them
    itself: python-docx finds the next free id by reading every comment's id, for each one."""

    def __init__(self, document: Document) -> None:
        self.part = document.part._comments_part
        self.root = self.part.element
        used = [int(i) for i in self.root.xpath("./w:comment/@w:id") if _DECIMAL.fullmatch(i)]
        self.next_id = max(used, default=-1) + 1

    def add(self, runs: list[etree._Element], text: str, author: str, initials: str,
            at: datetime | None) -> etree._Element:
        from docx.comments import Comment
        from docx.oxml.ns import nsdecls
        from docx.oxml.parser import parse_xml

        cid = self.next_id
        self.next_id += 1
        element = parse_xml(_COMMENT_XML.format(ns=nsdecls("w"), id=cid))
        self.root.append(element)
        element.author = xml_text(author)
        element.initials = xml_text(initials)
        element.date = word_time(at) or datetime.now(UTC).replace(microsecond=0)
        comment = Comment(element, self.part)
        lines = xml_text(text).split("\n")
        comment.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            comment.add_paragraph(text=line)
        first = Run(runs[0], None)  # type: ignore[arg-type]
        first.mark_comment_range(Run(runs[-1], None), cid)  # type: ignore[arg-type]
        return element


def add_comments(document: Document, comments: Sequence[WordComment]) -> int:
    """Add each comment as a real Word comment anchored on its characters, its replies as
    Word's threaded replies on the same characters; returns how many comments were anchored
    (one whose paragraph or range holds no text is left out). Linear in the comments: each
    paragraph's runs are split once, at all its comments' ends."""
    paragraphs = body_paragraphs(document)
    wanted = [item for item in comments
              if 0 <= item.paragraph < len(paragraphs) and item.start < item.end]
    boundaries: dict[int, list[int]] = {}
    for item in wanted:
        boundaries.setdefault(item.paragraph, []).extend((item.start, item.end))
    pieces = {index: _split_at(paragraphs[index], cuts) for index, cuts in boundaries.items()}
    writer: _CommentWriter | None = None
    threads: list[tuple[etree._Element, list[etree._Element]]] = []
    for item in wanted:
        runs = _covering(pieces[item.paragraph], item.start, item.end)
        if not runs:
            continue
        writer = writer or _CommentWriter(document)
        parent = writer.add(runs, item.text, item.author, item.initials, item.at)
        replies = [writer.add(runs, r.text, r.author, r.initials, r.at) for r in item.replies]
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


class CommentIdError(ValueError):
    """A ``w:id`` (of a comment, or of a range's start or end) that is not a number, or a
    comment id given twice: Word itself calls such a file damaged. ``part`` names the part."""

    def __init__(self, part: str, value: str | None, duplicate: bool = False) -> None:
        self.part, self.value, self.duplicate = part, value, duplicate
        super().__init__(f"{part}: w:id {value!r}" + (" twice" if duplicate else ""))


_DECIMAL = re.compile(r"-?[0-9]{1,10}")


def comment_id(value: str | None, part: str) -> int:
    """A ``w:id`` as Word writes it (ST_DecimalNumber, 32 bits), else :class:`CommentIdError`."""
    if value is None or not _DECIMAL.fullmatch(value.strip()):
        raise CommentIdError(part, value)
    number = int(value)
    if not -(2**31) <= number < 2**31:
        raise CommentIdError(part, value)
    return number


def _word_date(text: str | None) -> datetime | None:
    """A comment's ``w:date`` (xsd:dateTime, ``Z`` or an offset or none), None when it is not
    one: a time that cannot be read is no reason to drop the comment."""
    if not text:
        return None
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _threads(comments: etree._Element,
             extended: etree._Element | None) -> dict[int, tuple[int | None, bool]]:
    """Comment id → (id of the comment it replies to, marked done), from commentsExtended,
    whose entries name comments by the ``w14:paraId`` of their last paragraph."""
    if extended is None:
        return {}
    by_para: dict[str, int] = {}
    for comment in comments.iterchildren(W_COMMENT):
        paragraphs = comment.findall(W_P)
        if paragraphs and paragraphs[-1].get(_PARA_ID):
            by_para.setdefault(paragraphs[-1].get(_PARA_ID),
                               comment_id(comment.get(W_ID), COMMENTS_PART))
    result: dict[int, tuple[int | None, bool]] = {}
    for entry in extended.iter(f"{{{W15}}}commentEx"):
        cid = by_para.get(entry.get(f"{{{W15}}}paraId", ""))
        if cid is None:
            continue
        parent = by_para.get(entry.get(f"{{{W15}}}paraIdParent", ""))
        result[cid] = (parent if parent != cid else None,
                       entry.get(f"{{{W15}}}done") in ("1", "true"))
    return result


def read_comments(body: etree._Element, comments: etree._Element | None,
                  extended: etree._Element | None = None) -> list[AnchoredComment]:
    """Every comment of a document (``body``: its ``w:body``; ``comments``: the root of
    ``comments.xml``; ``extended``: of ``commentsExtended.xml``) with the body paragraph and
    characters it is anchored on (``paragraph`` None when the body has no range for it), and
    the thread it is in (``parent``: the comment a reply answers).

    One pass over the body and one over the comments, each range looked up by id: time grows
    with the size of the file, not with the square of the comment count. Ids are checked as
    they are read (:class:`CommentIdError`)."""
    if comments is None:
        return []
    starts: dict[int, tuple[int, int]] = {}
    ends: dict[int, tuple[int, int]] = {}
    texts: list[str] = []
    for index, paragraph in enumerate(paragraphs_of(body)):
        pos = 0
        own = set(_own_runs(paragraph))
        for element in paragraph.iter(W_RANGE_START, W_RANGE_END, W_R):
            if element.tag == W_R:
                if element in own:
                    pos += sum(len(text) for _, text in _run_pieces(element))
                continue
            cid = comment_id(element.get(W_ID), DOCUMENT_PART)
            target = starts if element.tag == W_RANGE_START else ends
            target.setdefault(cid, (index, pos))
        texts.append(paragraph_text(paragraph))
    threads = _threads(comments, extended)
    seen: set[int] = set()
    result = []
    for comment in comments.iterchildren(W_COMMENT):
        raw_id = comment.get(W_ID)
        cid = comment_id(raw_id, COMMENTS_PART)
        if cid in seen:
            raise CommentIdError(COMMENTS_PART, raw_id, duplicate=True)
        seen.add(cid)
        where = starts.get(cid)
        paragraph: int | None = None
        start = end = 0
        anchored = ""
        if where is not None:
            paragraph, start = where
            end_paragraph, end = ends.get(cid, (paragraph, len(texts[paragraph])))
            if end_paragraph != paragraph or end < start:
                end = len(texts[paragraph])
            anchored = texts[paragraph][start:end]
        lines = tuple(paragraph_text(p) for p in comment.findall(W_P))
        parent, done = threads.get(cid, (None, False))
        result.append(AnchoredComment(cid, paragraph, start, end, anchored,
                                      comment.get(W_AUTHOR) or "",
                                      _word_date(comment.get(W_DATE)), lines, parent, done))
    return result


__all__ = [
    "LazyTexts",
    "AnchoredComment",
    "CommentIdError",
    "WordComment",
    "WordReply",
    "add_comments",
    "body_paragraphs",
    "comment_id",
    "paragraph_text",
    "paragraphs_of",
    "runs_covering",
    "read_comments",
]
