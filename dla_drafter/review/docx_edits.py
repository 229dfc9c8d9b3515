"""A DOCX edited in Word without Track Changes, read back field by field.

The DOCX carries the draft it was made from (``render.docx_draft``). When it comes back
edited — a word changed in a body paragraph, a reference line deleted — the edits are found
by comparing what the file says now with what the same draft prints, paragraph by paragraph:

1. the draft is written again as the DOCX writer writes it (``docx_writer.body_texts``) and
   the letter's fields are found in those paragraphs (``docx_fields.field_spans``, the one
   mapping from printed paragraphs to fields, which the Word comments use too);
2. the paragraphs the file holds now (page splits joined back, ``docx_comments``) are
   aligned with those (``difflib``): a paragraph left as it was keeps its fields; a paragraph
   that is gone empties its fields; a changed paragraph is cut at the fixed words around its
   fields (a label such as ``อ้างถึง␣␣``, the brackets around the signer's name, the tab before
   an amount) and each field gets the words between them;
3. a field whose printed text changed is reported with its new text, written the way the
   draft writes it: the characters the clerk did not touch keep their typed form (Arabic
   digits typed in a letter printed in Thai digits stay Arabic), the new ones are as typed
   in Word.

A paragraph added in Word belongs to no field of the draft: its text is added, on a new
line, to the field printed just before it, so nothing typed in Word is lost. No Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from difflib import SequenceMatcher

import docx
import docx.document

from dla_drafter.compose import compose
from dla_drafter.model.letter import Letter
from dla_drafter.render.docx_comments import body_paragraphs, paragraph_text
from dla_drafter.render.docx_draft import extract_draft_from_docx, open_zip

from .docx_fields import FieldSpan, PrintedField, field_spans

MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part of a letter: far below this


def _typed(field: PrintedField, printed: str) -> str:
    """``printed`` (a field's new printed text) in the draft's typed form: the stretches
    equal to the old printed text take the clerk's typed characters back."""
    if printed == field.printed:
        return field.raw
    if len(printed) > MAX_MAPPED_CHARS:
        return printed.strip()
    out: list[str] = [field.raw[:field.to_raw[0]]] if field.printed else []
    matcher = SequenceMatcher(None, field.printed, printed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(field.raw[field.to_raw[i1]:field.to_raw[i2]])
        else:
            out.append(printed[j1:j2])
    return "".join(out).strip()


def _values(expected: str, spans: Sequence[FieldSpan], actual: str) -> list[str] | None:
    """The printed text of each field of ``spans`` (in order) in the edited paragraph
    ``actual``, found between the fixed words of ``expected``; None when those were edited."""
    spans = sorted(spans, key=lambda s: s.start)
    fixed = [expected[:spans[0].start]]
    fixed += [expected[a.end:b.start] for a, b in zip(spans, spans[1:], strict=False)]
    fixed.append(expected[spans[-1].end:])
    if not actual.startswith(fixed[0]) or not actual.endswith(fixed[-1]):
        return None
    end = len(actual) - len(fixed[-1])
    pos = len(fixed[0])
    if pos > end:
        return None
    values = []
    for between in fixed[1:-1]:
        if not between:  # two fields with nothing between: the first takes it all
            values.append(actual[pos:end])
            pos = end
            continue
        at = actual.find(between, pos, end)
        if at < 0:
            return None
        values.append(actual[pos:at])
        pos = at + len(between)
    values.append(actual[pos:end])
    return values


SIMILAR = 0.5  # a changed paragraph still shares this much of its text with what it was
# Bounds that keep a hostile or odd file to a second of work: a letter has some hundred
# paragraphs; a changed one is looked for among the next few; similarity is judged on a
# paragraph's start; a field's new text is mapped back to the typed form up to this length.
MAX_PARAGRAPHS = 5_000
LOOKAHEAD = 40
SIMILARITY_CHARS = 2_000
MAX_MAPPED_CHARS = 50_000


def _similarity(a: str, b: str) -> float:
    a, b = a[:SIMILARITY_CHARS], b[:SIMILARITY_CHARS]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() <= SIMILAR or matcher.quick_ratio() <= SIMILAR:
        return 0.0
    return matcher.ratio()


def _pairs(expected: Sequence[str], actual: Sequence[str],
           ) -> tuple[dict[int, int | None], dict[int, list[int]]]:
    """Expected paragraph → the actual paragraph it became (None: deleted), and the actual
    paragraphs added after an expected one (-1: before the first)."""
    pair: dict[int, int | None] = {}
    added: dict[int, list[int]] = {}
    matcher = SequenceMatcher(None, expected, actual, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pair.update({i1 + k: j1 + k for k in range(i2 - i1)})
            continue
        after, j = i1 - 1, j1
        for old in range(i1, i2):
            best, score = None, SIMILAR
            for k in range(j, min(j2, j + LOOKAHEAD)):  # the most similar new one, in order
                ratio = _similarity(expected[old], actual[k])
                if ratio > score:
                    best, score = k, ratio
            if best is None:
                pair[old] = None
                continue
            added.setdefault(after, []).extend(range(j, best))
            pair[old], j, after = best, best + 1, old
        added.setdefault(after, []).extend(range(j, j2))
    return pair, {k: v for k, v in added.items() if v}


def _document(data: bytes) -> docx.document.Document:
    """python-docx's view of ``data``, once every part it parses was checked for size (the
    draft's check covered the directory; these are the body's parts)."""
    from dla_drafter.render.docx_draft import DocxDraftError, read_entry, refuse_dtd

    archive = open_zip(data)
    with archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                refuse_dtd(read_entry(archive, info, MAX_PART_BYTES), info.filename)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx's own errors are many and undocumented
        raise DocxDraftError.of(
            "docx-unreadable", "อ่านเนื้อหาของไฟล์ Word ไม่ได้ ไฟล์อาจเสียหาย",
            f"cannot read the Word file's content: {exc}", field=None) from None


def docx_field_edits(data: bytes) -> tuple[Letter, dict[str, str]]:
    """The draft a DOCX carries and ``{field path: new text}`` for every field whose text
    the DOCX no longer prints as the draft does (see the module doc). Refusals (not a DOCX,
    hostile, no draft inside) are ``render.docx_draft.DocxDraftError``."""
    from dla_drafter.render.docx_writer import body_texts
    from dla_drafter.settings import RenderSettings

    letter = extract_draft_from_docx(data)  # checks the zip's directory and sizes first
    document = _document(data)
    actual = [t for t in (paragraph_text(p) for p in body_paragraphs(document)) if t.strip()]
    if len(actual) > MAX_PARAGRAPHS:
        from dla_drafter.render.docx_draft import DocxDraftError

        raise DocxDraftError.of(
            "docx-too-many-paragraphs",
            f"ไฟล์ Word มี {len(actual):,} ย่อหน้า มากเกินกว่าจะเป็นหนังสือฉบับเดียว ({MAX_PARAGRAPHS:,})",
            f"the Word file has {len(actual):,} paragraphs, more than one letter holds "
            f"({MAX_PARAGRAPHS:,})", field=None)
    settings = RenderSettings(use_system_th_sarabun=False)
    expected = [t for t in body_texts(compose(letter), settings) if t.strip()]
    spans = field_spans(letter, expected)
    by_paragraph: dict[int, list[FieldSpan]] = {}
    for span in spans.values():
        by_paragraph.setdefault(span.paragraph, []).append(span)
    pair, added = _pairs(expected, actual)
    # a paragraph added in Word goes to the field printed last before it (or the first field)
    with_fields = sorted(by_paragraph)
    extra_of: dict[int, list[int]] = {}
    for after, news in added.items():
        owners = [i for i in with_fields if i <= after] or with_fields[:1]
        if owners:
            extra_of.setdefault(owners[-1], []).extend(news)
    edits: dict[str, str] = {}
    for index, fields in sorted(by_paragraph.items()):
        fields.sort(key=lambda s: s.start)
        target = pair.get(index)
        if target is None:
            values = [""] * len(fields)
        elif actual[target] == expected[index]:
            values = [s.field.printed for s in fields]
        else:
            values = _values(expected[index], fields, actual[target])
            if values is None:  # the fixed words were edited too: the first field takes it
                rest = actual[target]
                values = [rest] + [""] * (len(fields) - 1)
        extra = [actual[k] for k in extra_of.get(index, [])]
        if extra:
            values[-1] = "\n".join([values[-1], *extra]) if values[-1] else "\n".join(extra)
        for span, value in zip(fields, values, strict=True):
            value = value.strip()
            if value != span.field.printed:
                edits[span.field.field] = _typed(span.field, value) if value else ""
    return letter, edits


__all__ = ["docx_field_edits"]
