"""Word tracked changes (``w:ins`` / ``w:del``) in a DOCX: writing them, and reading them back.

Writing: a suggested edit becomes what Word writes with Track Changes on — the old words stay
in the document as a deletion (their runs wrapped in ``w:del``, each ``w:t`` turned into a
``w:delText``) followed by the new words as an insertion (a run inside ``w:ins``, with the
neighbouring run's properties, so it looks like the text around it), both carrying
``w:author``, ``w:date`` and a ``w:id`` of their own. The document therefore reads, with
the changes rejected, exactly as the letter prints; Word and LibreOffice show the suggested
edit and let the reader accept or reject it.

The changes are added *after* the pages are laid out (``docx_pages``), because the page
breaks are found by the letter's printed text, which an insertion would change. A body
paragraph that pagination cut in two ("DLA Body Continued") is one *logical* paragraph here,
as ``docx_comments.body_paragraphs`` joins them — but without joining them in the document:
a change that spans the page break is written as a deletion in each part.

Reading (:func:`read_tracked`): the body's logical paragraphs as they were *before* the
changes (deleted text in, inserted text out — what the draft inside the DOCX printed), and
each change as characters of that text replaced by new text, with its author and date.
``w:moveFrom`` / ``w:moveTo`` read as a deletion and an insertion. The caller hands the
document part's bytes, read with the hardened zip and XML readers of ``docx_draft``.

Characters are counted as ``docx_comments.paragraph_text`` counts them (a tab ``\\t``, a
line break ``\\n``). No Qt, no letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from docx.oxml.ns import qn
from lxml import etree

from .docx_comments import LazyTexts, _own_runs, _run_pieces, runs_covering
from .docx_split import S_BODY_CONTINUED

W_P, W_R, W_T, W_PPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:pPr")
W_RPR, W_CS = qn("w:rPr"), qn("w:cs")
W_INS, W_DEL, W_DEL_TEXT = qn("w:ins"), qn("w:del"), qn("w:delText")
W_MOVE_FROM, W_MOVE_TO = qn("w:moveFrom"), qn("w:moveTo")
W_ID, W_AUTHOR, W_DATE = qn("w:id"), qn("w:author"), qn("w:date")
W_PSTYLE, W_VAL = qn("w:pStyle"), qn("w:val")
W_TAB, W_BR, W_CR = qn("w:tab"), qn("w:br"), qn("w:cr")
W_BODY = qn("w:body")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_THAI = re.compile("[\u0e00-\u0e7f]")
#: Changes read from one document at most (a hostile file's thousands are refused upstream).
MAX_CHANGES = 10_000


@dataclass(frozen=True)
class TrackedChange:
    """A change to write or one read: characters ``start:end`` of logical body paragraph
    ``paragraph`` (its text without the changes) replaced by ``new``; ``start == end`` is a
    pure insertion, ``new == ""`` a pure deletion."""

    paragraph: int
    start: int
    end: int
    new: str
    author: str
    at: datetime | None = None


ChangeSource = Callable[[Sequence[str]], Sequence[TrackedChange]]


# --------------------------------------------------------------------------- paragraphs


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{W_PPR}/{W_PSTYLE}")
    return style.get(W_VAL) if style is not None else None


def logical_paragraphs(body: etree._Element) -> list[list[etree._Element]]:
    """The body's paragraphs in document order (table cells included), each with the
    "DLA Body Continued" parts that follow it — the paragraphs ``body_paragraphs`` lists
    once it has joined them, without changing the document."""
    groups: list[list[etree._Element]] = []
    for paragraph in body.iter(W_P):
        before = paragraph.getprevious()
        if (_style(paragraph) == S_BODY_CONTINUED and groups and before is not None
                and before.tag == W_P and before is groups[-1][-1]):
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    return groups


def _text(paragraph: etree._Element) -> str:
    return "".join(text for run in _own_runs(paragraph) for _, text in _run_pieces(run))


# --------------------------------------------------------------------------- writing


def _stamp(element: etree._Element, change_id: int, author: str, at: datetime | None) -> None:
    element.set(W_ID, str(change_id))
    element.set(W_AUTHOR, author or "?")
    if at is not None:
        element.set(W_DATE, at.astimezone(UTC).replace(microsecond=0, tzinfo=None)
                    .isoformat() + "Z")


def _delete(runs: list[etree._Element], ids: Callable[[], int], author: str,
            at: datetime | None) -> etree._Element | None:
    """Wrap ``runs`` (consecutive, already split to the deleted characters) in ``w:del``,
    one per stretch of siblings; returns the last wrapper."""
    last = None
    for run in runs:
        for child in run:
            if child.tag == W_T:
                child.tag = W_DEL_TEXT
        parent = run.getparent()
        if last is not None and last.getparent() is parent and last.getnext() is run:
            last.append(run)
            continue
        wrapper = run.makeelement(W_DEL, {})
        _stamp(wrapper, ids(), author, at)
        run.addprevious(wrapper)
        wrapper.append(run)
        last = wrapper
    return last


def _insert_run(like: etree._Element | None, text: str, ids: Callable[[], int], author: str,
                at: datetime | None, holder: etree._Element) -> etree._Element:
    """A ``w:ins`` holding one run of ``text`` (tabs and breaks as Word writes them), with
    the run properties of ``like``; not placed yet."""
    wrapper = holder.makeelement(W_INS, {})
    _stamp(wrapper, ids(), author, at)
    run = etree.SubElement(wrapper, W_R)
    rpr = like.find(W_RPR) if like is not None else None
    if rpr is not None:
        run.append(etree.fromstring(etree.tostring(rpr)))
    if _THAI.search(text):
        rpr = run.find(W_RPR)
        if rpr is None:
            rpr = etree.Element(W_RPR)
            run.insert(0, rpr)
        if rpr.find(W_CS) is None:
            rpr.append(etree.Element(W_CS))
    for piece in re.split(r"([\t\n])", text):
        if piece == "\t":
            etree.SubElement(run, W_TAB)
        elif piece == "\n":
            etree.SubElement(run, W_BR)
        elif piece:
            t = etree.SubElement(run, W_T)
            t.text = piece
            t.set(XML_SPACE, "preserve")
    return wrapper


def _runs_with_offsets(paragraph: etree._Element) -> list[tuple[etree._Element, int, int]]:
    out, pos = [], 0
    for run in _own_runs(paragraph):
        length = sum(len(text) for _, text in _run_pieces(run))
        out.append((run, pos, pos + length))
        pos += length
    return out


def _place(paragraph: etree._Element, at: int, element: etree._Element,
           after: etree._Element | None) -> None:
    """Put ``element`` at character ``at`` of ``paragraph``: right after ``after`` (the
    deletion it replaces) when given, else between the runs that meet there."""
    if after is not None:
        after.addnext(element)
        return
    runs_covering(paragraph, at, at)  # split the run ``at`` falls inside
    runs = [r for r in _runs_with_offsets(paragraph) if r[2] > r[1]]
    ending = [run for run, _start, end in runs if end == at]
    if ending:
        anchor = ending[-1]
        while anchor.getparent() is not None and anchor.getparent().tag in (W_DEL, W_INS):
            anchor = anchor.getparent()
        anchor.addnext(element)
        return
    starting = [run for run, start, _end in runs if start >= at]
    if starting:
        anchor = starting[0]
        while anchor.getparent() is not None and anchor.getparent().tag in (W_DEL, W_INS):
            anchor = anchor.getparent()
        anchor.addprevious(element)
        return
    paragraph.append(element)


def _like(paragraph: etree._Element, at: int) -> etree._Element | None:
    """The run whose look an insertion at ``at`` takes: the one before it, else after."""
    runs = [r for r in _runs_with_offsets(paragraph) if r[2] > r[1]]
    before = [run for run, start, _end in runs if start < at]
    if before:
        return before[-1]
    return runs[0][0] if runs else None


def add_tracked_changes(document, changes: ChangeSource) -> int:
    """Write the changes ``changes`` gives (called with every logical body paragraph's
    text, see :func:`logical_paragraphs`) as Word tracked changes; returns how many were
    written (one outside its paragraph's text is left out)."""
    body = document.element.body
    found: list[tuple[list[list[etree._Element]], list[list[str]]]] = []

    def paragraphs() -> tuple[list[list[etree._Element]], list[list[str]]]:
        if not found:  # only when the source reads them (a letter with suggestions)
            groups = logical_paragraphs(body)
            found.append((groups, [[_text(p) for p in group] for group in groups]))
        return found[0]

    wanted = list(changes(LazyTexts(lambda: ["".join(parts) for parts in paragraphs()[1]])))
    if not wanted:
        return 0
    groups, texts = paragraphs()
    next_id = 1 + max((int(v) for e in body.iter() if (v := e.get(W_ID)) is not None
                       and v.isdigit()), default=0)

    def ids() -> int:
        nonlocal next_id
        next_id += 1
        return next_id - 1

    # one operation per physical paragraph: (paragraph, start, end, new, change, order)
    operations: list[tuple[etree._Element, int, int, str, TrackedChange, int]] = []
    written = 0
    for order, change in enumerate(wanted):
        if not 0 <= change.paragraph < len(groups):
            continue
        parts, lengths = groups[change.paragraph], [len(t) for t in texts[change.paragraph]]
        total = sum(lengths)
        if not 0 <= change.start <= change.end <= total or (change.start == change.end
                                                           and not change.new):
            continue
        base = 0
        pieces = []
        for paragraph, length in zip(parts, lengths, strict=True):
            start, end = max(change.start - base, 0), min(change.end - base, length)
            if start < end:
                pieces.append((paragraph, start, end))
            base += length
        if not pieces:  # a pure insertion: in the part where it falls
            base = 0
            for paragraph, length in zip(parts, lengths, strict=True):
                if change.start <= base + length or paragraph is parts[-1]:
                    pieces.append((paragraph, change.start - base, change.start - base))
                    break
                base += length
        for k, (paragraph, start, end) in enumerate(pieces):
            new = change.new if k == len(pieces) - 1 else ""
            operations.append((paragraph, start, end, new, change, order))
        written += 1
    # right to left within each paragraph, so earlier offsets stay true; at one place the
    # change made first ends up first
    operations.sort(key=lambda op: (-op[1], -op[5]))
    for paragraph, start, end, new, change, _order in operations:
        deleted = None
        like = _like(paragraph, end if end > start else start)
        if end > start:
            runs = [r for r in runs_covering(paragraph, start, end)
                    if not _inside_change(r)]
            deleted = _delete(runs, ids, change.author, change.at)
            like = runs[-1] if runs else like
        if new:
            _place(paragraph, start, _insert_run(like, new, ids, change.author, change.at,
                                                 paragraph), deleted)
    return written


def _inside_change(run: etree._Element) -> bool:
    parent = run.getparent()
    return parent is not None and parent.tag in (W_INS, W_DEL)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class TrackedParagraph:
    """A logical body paragraph read from a DOCX: its text without the changes (what the
    letter printed) and its changes, left to right."""

    text: str
    changes: tuple[TrackedChange, ...]


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _pieces(run: etree._Element) -> list[str]:
    out = []
    for child in run:
        if child.tag in (W_T, W_DEL_TEXT):
            out.append(child.text or "")
        elif child.tag == W_TAB:
            out.append("\t")
        elif child.tag in (W_BR, W_CR):
            out.append("\n")
    return out


def _changes_of(run: etree._Element, paragraph: etree._Element) -> list[etree._Element]:
    """The ``w:ins``/``w:del``/``w:moveFrom``/``w:moveTo`` a run is in (below the
    paragraph), innermost first."""
    found = []
    owner = run.getparent()
    while owner is not None and owner is not paragraph:
        if owner.tag in (W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO):
            found.append(owner)
        owner = owner.getparent()
    return found


def read_tracked(body: etree._Element) -> list[TrackedParagraph]:
    """Every logical body paragraph with its tracked changes (see the module doc). Adjacent
    deletions and insertions by the same author, with nothing between them, are one change
    (Word writes a replaced word as a deletion followed by an insertion)."""
    out: list[TrackedParagraph] = []
    count = 0
    for group in logical_paragraphs(body):
        text: list[str] = []
        pos = 0
        changes: list[list] = []  # [start, end, new, author, at, last_kind_pos]
        for paragraph in group:
            for run in _own_runs(paragraph):
                piece = "".join(_pieces(run))
                if not piece:
                    continue
                marks = _changes_of(run, paragraph)
                if not marks:
                    text.append(piece)
                    pos += len(piece)
                    continue
                kinds = {m.tag in (W_DEL, W_MOVE_FROM) for m in marks}
                if kinds == {True, False}:
                    continue  # inserted, then deleted (by another reviewer): no change
                change = marks[0]
                deleted = True in kinds
                author = change.get(W_AUTHOR) or ""
                at = _when(change.get(W_DATE))
                last = changes[-1] if changes else None
                if last is not None and last[3] == author and last[5] == pos:
                    if deleted:
                        last[1] += len(piece)
                    else:
                        last[2] += piece
                else:
                    count += 1
                    if count > MAX_CHANGES:
                        from .docx_draft import DocxDraftError

                        raise DocxDraftError.of(
                            "docx-too-many-changes",
                            f"ไฟล์ Word มีการแก้ไขที่ติดตามไว้เกิน {MAX_CHANGES:,} แห่ง "
                            "มากเกินกว่าจะเป็นการตรวจหนังสือฉบับเดียว",
                            f"the Word file has more than {MAX_CHANGES:,} tracked changes, "
                            "more than a review of one letter makes", field=None)
                    changes.append([pos, pos + (len(piece) if deleted else 0),
                                    "" if deleted else piece, author, at, pos])
                if deleted:
                    text.append(piece)
                    pos += len(piece)
                changes[-1][5] = pos
        index = len(out)
        out.append(TrackedParagraph("".join(text), tuple(
            TrackedChange(index, c[0], c[1], c[2], c[3], c[4]) for c in changes)))
    return out


# --------------------------------------------------------------------------- files

DOCUMENT_PART = "word/document.xml"
MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part of a letter: far below this


def document_root(data: bytes) -> etree._Element:
    """The main document part of the DOCX ``data``, read with the hardened readers of
    ``docx_draft`` (the zip's directory checked first, sizes capped, no DTD, no entities);
    refusals are ``docx_draft.DocxDraftError``."""
    from .docx_draft import open_zip, parse_part, read_entry

    archive = open_zip(data)  # refuses a file without word/document.xml
    with archive:
        info = archive.getinfo(DOCUMENT_PART)
        return parse_part(read_entry(archive, info, MAX_PART_BYTES), DOCUMENT_PART)


def has_changes(root: etree._Element) -> bool:
    return next(root.iter(W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO), None) is not None


def reject_all(root: etree._Element) -> None:
    """Reject every tracked change of a document part in place: insertions (and moves'
    new places) go, deletions (and moves' old places) come back as plain text."""
    for element in list(root.iter(W_INS, W_MOVE_TO)):
        parent = element.getparent()
        if parent is None or parent.tag == W_RPR:  # a paragraph mark's insertion: kept
            continue
        for child in list(element):  # comment ranges, bookmarks … stay where they were
            if child.tag not in (W_R, W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO):
                element.addprevious(child)
        parent.remove(element)
    for element in list(root.iter(W_DEL, W_MOVE_FROM)):
        parent = element.getparent()
        if parent is None or parent.tag == W_RPR:
            continue
        for child in list(element):
            element.addprevious(child)
        parent.remove(element)
    for text in list(root.iter(W_DEL_TEXT)):
        text.tag = W_T


def without_changes(data: bytes) -> bytes:
    """The DOCX ``data`` with every tracked change rejected (:func:`reject_all`): the
    document as it was before the reviewer's tracked edits, for comparing with the draft
    it carries. The other parts are copied as they are."""
    import io
    import zipfile

    from .docx_draft import open_zip, read_entry

    root = document_root(data)
    reject_all(root)
    out = io.BytesIO()
    archive = open_zip(data)
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            if info.filename == DOCUMENT_PART:
                target.writestr(info.filename, etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True))
            else:
                target.writestr(info, read_entry(archive, info, MAX_PART_BYTES))
    return out.getvalue()


__all__ = ["ChangeSource", "MAX_CHANGES", "TrackedChange", "TrackedParagraph",
           "add_tracked_changes", "document_root", "has_changes", "logical_paragraphs",
           "read_tracked", "reject_all", "without_changes"]
